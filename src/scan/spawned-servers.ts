// Server processes a test starts: spawned programs (`spawn("nats-server", ["-p", "4222"])`,
// `Popen([sys.executable, "-m", "http.server"])`) and CLI commands run in-process (cobra), with the
// port they are told in their arguments or environment, or the program's own default.
import type { Assign, Call, FileFacts, Span, Value } from './facts.ts'
import { contains, innermostAssign, statementAround } from './facts.ts'
import { assignsByScope, constantsAt, MIN_PORT, portOf, resolve, type Constants } from './values.ts'

/** Calls that start a process, by name; some only on their module (`subprocess.run`, `exec.Command`). */
const SPAWNS = /^(?:Popen|create_subprocess_exec|spawn|spawnSync|execFile|execFileSync|fork|execa)$/
const SPAWNS_ON =
  /^(?:(?:subprocess)\.(?:run|call|check_call|check_output)|exec\.(?:Command|CommandContext))$/
/** Flags whose next argument is the port the process listens on: `-p 4222`, `--port 6380`. */
const PORT_FLAG =
  /^(?:-p|--?port|--?(?:http|grpc|listen|server|client|admin)[-_.]?port|--bind|--listen(?:-addr(?:ess)?)?)$/i
/** A flag with the port in it: `--port=7000`, `--listen=127.0.0.1:8080`. */
const PORT_IN_FLAG = /^--?(?:[\w.-]*port=(\d{1,5})|(?:listen|bind|addr|address)=\S*:(\d{1,5}))$/i
/** The same with the port filled in when the process starts: `` `--config-port=${ports.configPort}` ``. */
const PORT_IN_TEMPLATE = /^--?[\w.-]*port=\{\}$/i
/**
 * A program asked for its version or its usage prints it and exits without listening:
 * gomemcache's `exec.Command("memcached", "--enable-ssl", "--version")`, nats.py's
 * `nats-server --version`.
 */
const ASKS_AND_EXITS = /^--?(?:version|help)$/
/** Python's one-line servers take the port as their argument: `-m http.server 9876`. */
const SERVER_MODULE = /^(?:http\.server|SimpleHTTPServer|smtpd|pyftpdlib)$/

export interface SpawnedServer {
  at: Span
  scope: number
  text: string
  /** The port, when the argument that gives it is a literal (or a constant). */
  port?: number
  /** The argument that gives the port, as written. */
  flag: string
  /** The port is drawn at random from a range that starts at `port`. */
  random?: true
  /** A command run in the test's own process (cobra's `SetArgs` then `Execute`), not a child. */
  inProcess?: true
  /** The server's own default port, as the command names none: `redis-server` is 6379. */
  defaultOf?: string
}

/** One argument of a spawned process: its literal text when the file pins it down. */
interface Argument {
  literal?: string
  written: string
  value?: Value
}

/**
 * A server process the test starts with a port argument: `subprocess.Popen([..., "-p", "4222"])`,
 * `exec.Command("nats-server", "-p", "4222")`, `spawn("redis-server", ["--port", "6380"])`, Rust's
 * `Command::new("srv").arg("-p").arg(&port).spawn()`. The finding points at the spawn call, where
 * the argument is; PORT001 takes those whose port is fixed.
 */
export function spawnedServers(facts: FileFacts, consts: Constants): SpawnedServer[] {
  const out: SpawnedServer[] = []
  let byScope: Map<number, Assign[]> | undefined
  for (const call of facts.calls) {
    if (!spawnsProcess(call, facts)) continue
    // The command a function builds before it spawns: `cmd = '… --port=8888'` in one helper is
    // not the `cmd` of another.
    byScope ??= assignsByScope(facts)
    const local = constantsAt(facts, consts, call.scope, call.at.start, byScope)
    const argv = spawnArguments(call, local)
    if (argv.some((a) => a.literal !== undefined && ASKS_AND_EXITS.test(a.literal))) continue
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!.literal
      if (arg === undefined) continue
      const inFlag = PORT_IN_FLAG.exec(arg)
      const next = PORT_FLAG.test(arg) || SERVER_MODULE.test(arg) ? argv[i + 1] : undefined
      if (PORT_IN_TEMPLATE.test(arg)) {
        out.push({
          at: statementAround(facts, call.at),
          scope: call.scope,
          text: call.text,
          flag: arg,
        })
        break
      }
      if (!inFlag && !next) continue
      // `--bind 127.0.0.1:8080` gives the port after the host.
      const hostPort =
        next?.literal !== undefined ? /^[\w.[\]:-]*:(\d{1,5})$/.exec(next.literal) : null
      // `ls -p files`, `mount --bind /a /b`: a flag of another meaning.
      if (next?.literal !== undefined && !/^\d+$/.test(next.literal) && !hostPort) continue
      const given = inFlag
        ? Number(inFlag[1] ?? inFlag[2])
        : hostPort
          ? Number(hostPort[1])
          : portOfArgument(next!, local)
      const port = given !== undefined && given >= MIN_PORT && given < 65536 ? given : undefined
      if (given !== undefined && port === undefined) continue
      const flag = inFlag ? arg : `${arg} ${next!.written}`
      // Reported from the statement, where a chain such as Rust's `let cmd = Command::new(…)` starts.
      const at = statementAround(facts, call.at)
      const inProcess = call.name === 'SetArgs' ? { inProcess: true as const } : {}
      out.push({
        at,
        scope: call.scope,
        text: call.text,
        ...(port ? { port } : {}),
        flag,
        ...inProcess,
      })
      break
    }
    if (out.at(-1)?.text === call.text) continue
    const env = portInEnvironment(call, local)
    const known = env ? undefined : defaultPortOf(call, local)
    if (env)
      out.push({ at: statementAround(facts, call.at), scope: call.scope, text: call.text, ...env })
    else if (known)
      out.push({
        at: statementAround(facts, call.at),
        scope: call.scope,
        text: call.text,
        port: known.port,
        flag: known.command,
        defaultOf: known.command,
      })
    // A process kept in a variable named for a server (`cls.server = Popen(["python", path])`,
    // uftrace's `self.recv_p = sp.Popen(recv_cmd.split())`): a server whose port the file does
    // not show, for PORT007's fixed sleeps after it. Not a Rust task (`task::spawn(async …)`).
    else if (
      !/::|^(?:tokio|task|thread|smol)$/.test(call.receiver) &&
      SERVER_PROCESS.test(innermostAssign(facts, call.at)?.name ?? '')
    )
      out.push({
        at: statementAround(facts, call.at),
        scope: call.scope,
        text: call.text,
        flag: '',
      })
  }
  return out
}

/**
 * Servers that listen on a fixed port of their own when the command names none, and fail when it
 * is taken. Not `next dev`, vite, http-server or Jupyter: they move on to the next free port.
 */
const DEFAULT_PORTS: Record<string, number> = {
  'redis-server': 6379,
  'nats-server': 4222,
  memcached: 11211,
  mongod: 27017,
  etcd: 2379,
  uvicorn: 8000,
  gunicorn: 8000,
  'next start': 3000,
  'flask run': 5000,
  'rails server': 3000,
  'http.server': 8000,
}

/** An argument that may set the port: a port or address flag, a configuration file or flag. */
const MAY_SET_PORT =
  /port|^\d+$|^-[pc]$|^--?(?:bind|listen|addr|address|config|conf|host-port)(?:=|$)|\.(?:conf|cfg|ya?ml|json|toml|ini)$/i

/**
 * The command and its default port, when the process is such a server told no port: `spawn("next",
 * ["start", "-H", "127.0.0.1"], options)` listens on 3000 (apmnode-02). Every argument must be
 * written out, since one the file does not show could be the port or a configuration file; the
 * spawn's options (its environment, checked before) are not arguments.
 */
function defaultPortOf(
  call: Call,
  consts: Constants,
): { command: string; port: number } | undefined {
  const positional = call.args.filter((a) => !a.name && a.value.kind !== 'object')
  const argv = spawnArguments({ ...call, args: positional }, consts)
  const words = argv.map((a, i) => (i === 0 ? programOf(a) : a.literal))
  if (!words.length || words.some((w) => w === undefined || MAY_SET_PORT.test(w))) return undefined
  const program = words[0]!.replace(/^.*[/\\]/, '').replace(/\.exe$/, '')
  const module = program.startsWith('python') && words[1] === '-m' ? words[2] : undefined
  for (const command of [program, `${program} ${words[1]}`, module ?? '']) {
    const port = DEFAULT_PORTS[command]
    if (port !== undefined) return { command, port }
  }
  return undefined
}

/** The program a spawn runs: `"next"`, `sys.executable`, `path.normalize("./node_modules/.bin/next")`. */
function programOf(arg: Argument): string | undefined {
  if (arg.literal !== undefined) return arg.literal
  if (/^sys\.executable$/.test(arg.written)) return 'python'
  const path = arg.value?.kind === 'call' ? arg.value.call : undefined
  const last = path && /^(?:normalize|join|resolve)$/.test(path.name) ? path.args.at(-1) : undefined
  return last?.value.kind === 'string' ? last.value.value : undefined
}

/** Names of what holds a server process: `server`, `srv`, `daemon`, `broker`, `recv_p`. */
const SERVER_PROCESS = /server|srv|daemon|broker|recv/i

/** An environment variable that tells a process its port: `PORT`, `HTTP_PORT`, `APP_PORT`. */
const PORT_VARIABLE = /^(?:[A-Z]+_)*PORT$/

/**
 * The port a process is told in its environment (co-sheet's `spawn('node', ['server.js'], { env: {
 * ...process.env, PORT } })`, Python's `Popen(cmd, env={**os.environ, "PORT": "8000"})`).
 */
function portInEnvironment(
  call: Call,
  consts: Constants,
): { port?: number; flag: string; random?: true } | undefined {
  for (const a of call.args) {
    const options = a.name === 'env' ? a.value : a.value.kind === 'object' ? a.value : undefined
    const env =
      options?.kind === 'object' && a.name !== 'env'
        ? options.entries.find((e) => e.key === 'env')?.value
        : options
    if (env?.kind !== 'object') continue
    const entry = env.entries.find((e) => PORT_VARIABLE.test(e.key))
    if (!entry) continue
    const given = portOf(entry.value, consts)
    const port = given.kind === 'fixed' && given.port >= MIN_PORT ? given.port : undefined
    if (given.kind === 'zero') return undefined
    const flag = entry.value.text === entry.key ? entry.key : `${entry.key}=${entry.value.text}`
    const random = given.kind === 'fixed' && given.random === true
    return { ...(port ? { port } : {}), flag: `env ${flag}`, ...(random ? { random } : {}) }
  }
  return undefined
}

const isRustCommand = (call: Call) =>
  call.name === 'spawn' && /\b\w*Command::(?:new|cargo_bin)\(/.test(call.receiver)

/**
 * A CLI command run in the test's own process with its arguments set first (cobra's
 * `c.SetArgs([]string{"--admin-port", "9191"})` … `go c.ExecuteContext(ctx)`, cloud-sql-proxy).
 */
function setsCommandArguments(call: Call, facts: FileFacts): boolean {
  if (call.name !== 'SetArgs') return false
  const area = facts.scopes[call.scope]!.at
  return facts.calls.some(
    (c) =>
      /^Execute\w*$/.test(c.name) &&
      c.receiver === call.receiver &&
      c.at.start > call.at.end &&
      contains(area, c.at),
  )
}

function spawnsProcess(call: Call, facts: FileFacts): boolean {
  // In Rust only a `Command` starts a process: a type's own `spawn` starts a task or a fake
  // (rama-dns's `FakeResolved::spawn(&path)`; census 64), a runtime's a future (ntex-mqtt's
  // `ntex_util::spawn(async move { … })`; census 71).
  if (facts.language === 'rust') return isRustCommand(call) || setsCommandArguments(call, facts)
  return (
    setsCommandArguments(call, facts) ||
    SPAWNS.test(call.name) ||
    SPAWNS_ON.test(`${call.receiver}.${call.name}`) ||
    (call.isNew && call.name === 'ProcessBuilder')
  )
}

function spawnArguments(call: Call, consts: Constants): Argument[] {
  // Rust builds the command in a chain: `.arg("-p").arg(&port)`, `.args(["-p", "4222"])`.
  if (isRustCommand(call)) {
    const written = [
      ...call.receiver.matchAll(/\.args?\(\s*\[?((?:[^()\]]|\([^()]*\))*)\]?\s*\)/g),
    ].flatMap((m) => m[1]!.split(',').map((t) => t.trim()))
    return written.map((w) => ({ literal: /^"([^"]*)"$/.exec(w)?.[1], written: w }))
  }
  return call.args
    .flatMap((a) => {
      // The argument list built before the spawn: `const args = ['--dev', …]; spawn(path, args)`.
      const list = a.value.kind === 'name' ? resolve(a.value, consts) : a.value
      return list.kind === 'tuple' || (call.name === 'SetArgs' && list.kind === 'object')
        ? list.items
        : [a.value]
    })
    .flatMap((value): Argument[] => {
      const r = resolve(value, consts)
      if (r.kind !== 'string') return [{ written: value.text, value }]
      // A whole command line for a shell: `Popen("python server.py --port=8888", shell=True)`.
      const words = r.value.trim().split(/\s+/)
      if (words.length > 1) return words.map((w) => ({ literal: unquoteWord(w), written: w }))
      return [{ literal: r.value, written: value.text, value }]
    })
}

/** A shell word without its quotes: `--host='0.0.0.0'` is `--host=0.0.0.0` to the process. */
function unquoteWord(word: string): string {
  return word.replace(/(['"])(.*?)\1/g, '$2')
}

/** The port an argument gives: a number, or `undefined` when the file does not pin it down. */
function portOfArgument(arg: Argument, consts: Constants): number | undefined {
  if (arg.value) {
    const port = portOf(arg.value, consts)
    return port.kind === 'fixed' ? port.port : port.kind === 'zero' ? 0 : undefined
  }
  return arg.literal !== undefined && /^\d+$/.test(arg.literal) ? Number(arg.literal) : undefined
}
