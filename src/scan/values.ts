// Reading literal meaning out of Values: which port a listener asks for, which host, which
// address family. Constants defined once in the file are followed (PORT = 8080).
import type { Family } from './languages.ts'
import type { Assign, Call, FileFacts, Value } from './facts.ts'
import { contains } from './facts.ts'
import { perFile } from './per-file.ts'
import { hasWord } from './literals.ts'

export type Port =
  /**
   * `counted`: the first of a range counted up from a literal (`++port`, `BASE + i`); `random`:
   * the offset is a random draw (`rand.Intn(64511) + 1024`), so the range is drawn from.
   */
  | {
      kind: 'fixed'
      port: number
      counted?: true
      random?: true
      /** A library's own default, since the test gave none: `new WireMockServer()` is 8080. */
      defaultOf?: string
    }
  | { kind: 'zero' }
  /** A literal default behind an environment lookup: `process.env.PORT || 3000`. */
  | { kind: 'env'; fallback: number }
  | { kind: 'unknown' }

export type Constants = ReadonlyMap<string, Value>

/** Ports below this are counts, sizes and timeouts far more often than listeners in tests. */
export const MIN_PORT = 1024

/**
 * A host the way a listener is given one: an IP address, `localhost`, a wildcard or nothing; not
 * a file name (`"events.log"`), nor an address no socket can take (`"127.0.0.1x"`).
 */
export const ADDRESS_HOST = /^(?:|localhost|\*|\d{1,3}(?:\.\d{1,3}){3}|\[?[\da-f]*:[\da-f:]*\]?)$/i

/** `port`, `PORT`, `TEST_PORT`, `serverPort` as words of a name; not `TRANSPORT_TCP`, `REPORT_…`. */
export const NAMED_PORT = /(?:^|[^A-Za-z])(?:port|PORT)(?![a-z])|[a-z]Port(?![a-z])/

const UNKNOWN: Port = { kind: 'unknown' }

const topLevelPort = (a: Assign) =>
  a.scope === 0 && a.value.kind === 'int' && a.value.value >= MIN_PORT && a.value.value <= 65535

/**
 * Names assigned exactly one value in the file (by their last segment), or only port numbers at
 * the top level: the branches of `#ifdef USE_HOST_LIBC / #define TEST_PORT 31337 / #else /
 * #define TEST_PORT 42069` (mlibc), two test classes' `PORT = 9090` and `PORT = 9091` (pshs) fix
 * the port either way. A name counted on (`PORT = PORT + 1`) stands for none.
 */
export function constantsOf(facts: FileFacts): Constants {
  const seen = new Map<string, Value | null>()
  const fixedEverywhere = new Set<string>()
  const definesPort = topLevelPort
  for (const a of facts.assigns) {
    if (!/^[\w$.]+$/.test(a.target)) continue
    const previous = seen.get(a.name)
    if (previous === undefined) {
      seen.set(a.name, a.value)
      if (definesPort(a)) fixedEverywhere.add(a.name)
    } else if (!definesPort(a)) fixedEverywhere.delete(a.name)
    if (previous && previous.text !== a.value.text && !fixedEverywhere.has(a.name))
      seen.set(a.name, null)
  }
  const counters = loopCounters(facts)
  const out = new Map<string, Value>()
  for (const [k, v] of seen) if (v) out.set(k, v)
  // A function of the file without parameters that returns one value (cpp-httplib's
  // `get_base_port()`) stands for that value where it is called: keyed `name()`. The names it
  // returns are the file's top-level ones (std's `let port = 4800; function getPort() { return
  // port++ }`), even where tests reuse the name for their own variables.
  const topLevel = new Map<string, Value | null>()
  for (const a of facts.assigns) {
    if (a.scope !== 0 || !/^[\w$]+$/.test(a.target)) continue
    topLevel.set(a.name, topLevel.has(a.name) ? null : a.value)
  }
  // One with parameters stands for its value where that is a setting's default the parameters do
  // not change: undertow's `getHostPort(String name)` returning `Integer.getInteger(name +
  // ".server.port", 7777)`, keyed `name(…)`, after early returns for special modes that do not
  // read the parameters either (`if (isApacheTest()) return APACHE_PORT`). Overloads so made
  // that disagree stand for nothing.
  const withParams = new Map<string, Value | null>()
  for (const fn of facts.scopes) {
    const params = facts.params.filter((p) => p.scope === fn.id).map((p) => p.name)
    if (!fn.name || params.length === 0) continue
    const exits = facts.exits.filter((e) => e.scope === fn.id)
    const value = exits.at(-1)?.value
    if (value?.kind !== 'call' || !ENV.test(value.call.callee)) continue
    const readsParams = (text: string) => params.some((p) => hasWord(text, p))
    if (exits.slice(0, -1).some((e) => !e.value || readsParams(e.text))) continue
    if (value.call.args.slice(1).some((a) => readsParams(a.value.text))) continue
    const key = `${fn.name}(…)`
    withParams.set(
      key,
      withParams.has(key) && withParams.get(key)?.text !== value.text ? null : value,
    )
  }
  for (const [k, v] of withParams) if (v) out.set(k, v)
  for (const fn of facts.scopes) {
    if (!fn.name || facts.params.some((p) => p.scope === fn.id)) continue
    const values = facts.exits.filter((e) => e.scope === fn.id).map((e) => e.value)
    const own = (name: string) => facts.assigns.some((a) => a.scope === fn.id && a.name === name)
    const outer = (v: Value): Value => {
      if (v.kind !== 'name') return v
      const top = topLevel.get(v.name)
      return top && !own(v.name) ? top : v
    }
    const value = values.length === 1 ? values[0] : undefined
    if (!value) continue
    // A search's answer, the counter where it stopped (micrometer's `findAvailableUdpPort`
    // returning `port`): no one number.
    if (value.kind === 'name' && counters.has(value.name) && own(value.name)) continue
    out.set(
      `${fn.name}()`,
      value.kind === 'other' ? { ...value, parts: value.parts.map(outer) } : outer(value),
    )
  }
  return out
}

/**
 * The names loops count with: `for (int port = 1024; …; port++)` tries one port after another
 * (micrometer's `findAvailableUdpPort`; census 59). Read as their first value elsewhere: a server
 * started on the first port of such a range that binds still collides across runs (glaze).
 */
export const loopCounters = perFile((facts: FileFacts) => {
  const out = new Set<string>()
  for (const b of facts.blocks) {
    if (b.kind !== 'loop' || !b.headText) continue
    for (const m of b.headText.matchAll(/(?:\+\+|--)\s*([\w$]+)|([\w$]+)\s*(?:\+\+|--|[-+]=)/g))
      out.add(m[1] ?? m[2]!)
  }
  return out
})

/**
 * The file's constants overlaid with the variables assigned in the enclosing functions of `scope`
 * (or, for top-level code, at the top level) before `before` (the last assignment wins): `addr`
 * in one function is not `addr` in another.
 */
export function constantsAt(
  facts: FileFacts,
  consts: Constants,
  scope: number,
  before: number,
  byScope: ReadonlyMap<number, Assign[]>,
): Constants {
  const chain: number[] = []
  for (let s = facts.scopes[scope]; s && s.id !== 0; s = facts.scopes[s.parent]) chain.push(s.id)
  // Code at the file's top level (a script, C++'s `TEST_CASE(…) { int port = 8091; … }`) runs in
  // order too: there the last assignment before the call wins as well.
  if (chain.length === 0) chain.push(0)
  let out: Overlay | undefined
  for (const id of chain.reverse()) {
    for (const a of byScope.get(id) ?? []) {
      if (a.at.start >= before || !/^[\w$.]+$/.test(a.target)) continue
      out ??= new Overlay(consts)
      out.set(a.name, a.value)
    }
  }
  return out ?? consts
}

/**
 * A function's variables laid over the file's constants without copying them: a large test file
 * has thousands of calls, each with its own view (copying made this a tenth of nats-server's
 * scan). `get` and `has` see both layers; iteration and `size` see the variables only.
 */
class Overlay extends Map<string, Value> {
  readonly #base: Constants
  constructor(base: Constants) {
    super()
    this.#base = base
  }
  override get(key: string): Value | undefined {
    return super.get(key) ?? this.#base.get(key)
  }
  override has(key: string): boolean {
    return super.has(key) || this.#base.has(key)
  }
}

/**
 * Assignments grouped by the scope they are in, each scope's parameter defaults first: a default
 * is the parameter's value wherever a caller leaves it out
 * (`LocalServer(string uri = "http://localhost:8082/")`), until an assignment overrides it.
 */
export function assignsByScope(facts: FileFacts): Map<number, Assign[]> {
  const out = new Map<number, Assign[]>()
  const given = facts.params.some((p) => p.default) ? everyCallerGives(facts) : () => false
  const defaults: Assign[] = facts.params.flatMap((p, i) =>
    p.default && !given(i)
      ? [
          {
            target: p.name,
            name: p.name,
            value: p.default,
            declaration: true,
            at: p.at,
            scope: p.scope,
          },
        ]
      : [],
  )
  for (const a of [...defaults, ...facts.assigns]) {
    const list = out.get(a.scope)
    if (list) list.push(a)
    else out.set(a.scope, [a])
  }
  return out
}

/**
 * Whether every use of a function in the file passes the parameter at this index of
 * `facts.params`, so its default is never the value (fluent-bit's `run_server(port=4317)`, only
 * started as `Thread(target=run_server, kwargs={"port": port})`). A use is a call, or the function
 * handed to a call beside the arguments it will get (`kwargs={…}`, `args=(…)`); a function the
 * file never uses keeps its default, since other files may call it without one.
 */
export const everyCallerGives = perFile(callersGive)

function callersGive(facts: FileFacts): (index: number) => boolean {
  const uses = new Map<string, Call[]>()
  const use = (name: string, call: Call) => {
    const list = uses.get(name)
    if (list) list.push(call)
    else uses.set(name, [call])
  }
  for (const call of facts.calls) {
    use(call.name, call)
    // `target=run_grpc_server if use_grpc else run_server` hands either.
    for (const a of call.args)
      for (const v of a.value.kind === 'other' ? a.value.parts : [a.value])
        if (v.kind === 'name') use(v.last, call)
  }
  return (index) => {
    const param = facts.params[index]!
    const fn = facts.scopes[param.scope]
    const calls = fn?.name ? (uses.get(fn.name) ?? []).filter((c) => !contains(fn.at, c.at)) : []
    if (calls.length === 0) return false
    const own = facts.params.filter((p) => p.scope === param.scope)
    const bound = /^(?:self|cls)$/.test(own[0]?.name ?? '') ? 1 : 0
    const position = own.indexOf(param) - bound
    return calls.every((call) => {
      if (call.name === fn!.name)
        return (
          call.args.some((a) => a.name === param.name) ||
          call.args.filter((a) => a.name === undefined).length > position
        )
      return call.args.some(
        (a) =>
          (a.name === 'kwargs' &&
            a.value.kind === 'object' &&
            a.value.entries.some((e) => e.key === param.name)) ||
          (a.name === 'args' && a.value.kind === 'tuple' && a.value.items.length > position),
      )
    })
  }
}

export function resolve(value: Value, consts: Constants, depth = 0): Value {
  if (value.kind !== 'name' || depth > 4) return value
  const next = consts.get(value.last)
  return next && next !== value ? resolve(next, consts, depth + 1) : value
}

const ADJACENT_STRINGS = /^(?:\s*(?:"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*))+\s*$/

/**
 * C's adjacent literals with macros among them, `ADDRESS "1"` after `#define ADDRESS
 * "localhost:907"`, joined as the compiler does; the value itself when nothing needs joining.
 */
export function joinedString(value: Value, consts: Constants): Value {
  if (value.kind !== 'string' || !/\w/.test(value.text.split('"')[0] ?? '')) return value
  if (!ADJACENT_STRINGS.test(value.text)) return value
  let joined = ''
  for (const [token] of value.text.matchAll(/"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*/g)) {
    if (token.startsWith('"')) {
      joined += token.slice(1, -1)
      continue
    }
    const macro = consts.get(token)
    if (macro?.kind !== 'string') return value
    joined += macro.value
  }
  return { kind: 'string', value: joined, text: value.text }
}

const ENV =
  /process\.env|os\.environ|getenv|Getenv|GetEnvironmentVariable|System\.getProperty|Integer\.getInteger|env::var|env\.get|ENV\[/

/** Test runners' parallel worker indexes, set in the environment: Jest, Vitest, Playwright, pytest-xdist. */
export const WORKER_ENV =
  /\b(?:JEST_WORKER_ID|VITEST_(?:POOL|WORKER)_ID|TEST_(?:WORKER|PARALLEL)_INDEX|PYTEST_XDIST_WORKER)\b/

function fromInt(n: number): Port {
  if (n === 0) return { kind: 'zero' }
  return n > 0 && n < 65536 ? { kind: 'fixed', port: n } : UNKNOWN
}

/** A port number written as a number or as text (`8080`, `"28082"`), once resolved. */
export function literalNumber(value: Value, consts: Constants): number | undefined {
  const v = resolve(value, consts)
  if (v.kind === 'int') return v.value
  return v.kind === 'string' && /^\d+$/.test(v.value) ? Number(v.value) : undefined
}

/** The port a value stands for, as far as the file says. */
export function portOf(value: Value | undefined, consts: Constants, depth = 0): Port {
  if (!value || depth > 6) return UNKNOWN
  if (value.kind === 'name' && IDENTIFIER_NAME.test(value.last)) return UNKNOWN
  const v = resolve(value, consts)
  switch (v.kind) {
    case 'int':
      return fromInt(v.value)
    case 'string':
      return /^\d{1,5}$/.test(v.value) ? fromInt(Number(v.value)) : UNKNOWN
    case 'call':
      return portOfCall(v.call, consts, depth)
    case 'other': {
      // `3000 + Number(process.env.JEST_WORKER_ID)` counts up from 3000 by worker: no override.
      if (ENV.test(v.text) && !WORKER_ENV.test(v.text)) return envDefault(v, consts, depth)
      if (TERNARY.test(v.text)) return choicePort(v, consts, depth)
      return offsetPort(v, consts, depth)
    }
    case 'name':
      return ENV.test(v.name) ? { kind: 'env', fallback: 0 } : UNKNOWN
    default:
      return UNKNOWN
  }
}

const TERNARY = /^[^?]+\?[^:]+:|\sif\s.+\selse\s/

/**
 * A variable named for an identifier holds no port, whatever number it holds (leshan's LwM2M
 * short server id, `int serverID = 12345` … `new Server(serverID, lifetime)`; census 53).
 */
const IDENTIFIER_NAME = /(?:^id|[a-z\d](?:Id|ID)|_(?:id|ID))$/

/**
 * `shard ? 11234 + shard * 100 : 1234`, `8080 if fixed else 0`: when a branch is a fixed port, the
 * test runs on it in some configurations, and that is where it collides.
 */
function choicePort(v: Value & { kind: 'other' }, consts: Constants, depth: number): Port {
  const ports = v.parts.map((part) => portOf(part, consts, depth + 1))
  return (
    ports.find((p) => p.kind === 'fixed' && !p.counted) ??
    ports.find((p) => p.kind === 'fixed') ??
    UNKNOWN
  )
}

const STEP = /^(\+\+|--)?\s*[\w$.]+\s*(\+\+|--)?$/
/** `BASE + i`, `11234 + std::atoi(shard) * 100`, `next(counter) + PORT`. */
const SUM = /^[\w$.]+\s*\+\s*[^+]+$|^[^+]+\+\s*[\w$.]+$/

/**
 * A port counted up from a literal (`++port`, `port++`, `BASE_PORT + i`): each test gets a new
 * number, unique in one run and the same in every concurrent run on the host. The range is
 * named by its base.
 */
function offsetPort(v: Value & { kind: 'other' }, consts: Constants, depth: number): Port {
  const step = STEP.exec(v.text)
  if (step && (step[1] || step[2]) && v.parts.length === 1) {
    const p = portOf(v.parts[0], consts, depth + 1)
    return p.kind === 'fixed' ? counted(p.port) : UNKNOWN
  }
  if (!SUM.test(v.text) || v.parts.length !== 2) return UNKNOWN
  const [a, b] = v.parts.map((part) => portOf(part, consts, depth + 1)) as [Port, Port]
  if (a.kind === 'fixed' && b.kind === 'fixed') return fromInt(a.port + b.port)
  // A setting's default plus an offset (undertow's `getHostPort(DEFAULT) + PROXY_OFFSET`).
  const setting = a.kind === 'env' ? a : b.kind === 'env' ? b : undefined
  const shift = a.kind === 'env' ? b : a
  if (setting && setting.fallback > 0 && shift.kind === 'fixed' && !shift.counted)
    return { kind: 'env', fallback: setting.fallback + shift.port }
  const base = a.kind === 'fixed' ? a : b.kind === 'fixed' ? b : undefined
  const offset = a.kind === 'fixed' ? v.parts[1] : v.parts[0]
  if (
    !base ||
    base.port < 1024 ||
    (offset?.kind !== 'name' && offset?.kind !== 'call' && offset?.kind !== 'other')
  )
    return UNKNOWN
  const drawn = counted(base.port)
  return drawn.kind === 'fixed' && isRandomDraw(offset) ? { ...drawn, random: true } : drawn
}

/** Calls that draw a random number: `Random.Next`, `randint`, `rand.Intn`, `gen_range`, `Math.random`, C's `rand()`. */
const RANDOM_CALL =
  /^(?:Next|NextInt|nextInt|randint|randrange|Intn|Int31n|Int63n|gen_range|randomInt|random|uniform|rand|arc4random_uniform)$/

/** A random draw, perhaps scaled and rounded: `rand.Intn(n)`, `Math.floor(Math.random() * n)`. */
export function isRandomDraw(v: Value, depth = 0): boolean {
  if (depth > 4) return false
  if (v.kind === 'call') {
    if (RANDOM_CALL.test(v.call.name)) return true
    return v.call.args.some((a) => isRandomDraw(a.value, depth + 1))
  }
  return v.kind === 'other' && v.parts.some((p) => isRandomDraw(p, depth + 1))
}

/** Draws from a shared counter: `PORTS.getAndIncrement()`, `NEXT_PORT.fetch_add(1, …)`, `next(ports)`. */
const COUNTER_DRAW =
  /^(?:getAndIncrement|incrementAndGet|getAndAdd|addAndGet|fetch_add|Increment|AddInt32|AddInt64|AddUint32|next)$/
/** A counter built on a literal: `new AtomicInteger(5000)`, `AtomicU16::new(40000)`, `itertools.count(20000)`. */
const COUNTER_TYPE = /^(?:AtomicInteger|AtomicLong|count)$|^Atomic(?:U|I)(?:16|32|64|size)::new$/

/** The counter, named for ports, that a call draws the next number from. */
export function counterDrawnFrom(call: Call): string | undefined {
  if (!COUNTER_DRAW.test(call.name)) return undefined
  // `Interlocked.Increment`, also written `System.Threading.Interlocked.Increment`.
  const onArgument =
    call.name === 'next' || /^(?:atomic|Interlocked)$/.test(call.receiver.split('.').pop()!)
  const counter = onArgument
    ? /^(?:&|ref\s+)?([\w$.]+)$/.exec(call.args[0]?.value.text ?? '')?.[1]
    : call.receiver
  return counter && /^[\w$.]+$/.test(counter) && /port/i.test(counter) ? counter : undefined
}

/** A counter built on a literal port: `new AtomicInteger(5000)`, `itertools.count(20000)`. */
export function counterBase(value: Value, consts: Constants): number | undefined {
  if (value.kind !== 'call') return undefined
  const type = value.call.name === 'new' ? value.call.callee : value.call.name
  if (!COUNTER_TYPE.test(type)) return undefined
  const start = literalNumber(value.call.args[0]?.value ?? value, consts)
  return start !== undefined && start >= 1024 && start < 65536 ? start : undefined
}

/** A dotted name as a Value, to resolve through the file's constants: `PORT`, `Ports.BASE`. */
export function nameValue(text: string): Value {
  return { kind: 'name', name: text, last: text.split('.').pop()!, text }
}

/**
 * The literal a counter shared by the suite starts from, when the call draws from it: Java's
 * `static final AtomicInteger PORTS = new AtomicInteger(5000)` … `PORTS.getAndIncrement()`,
 * Rust's `static NEXT_PORT: AtomicU16 = AtomicU16::new(40000)` … `NEXT_PORT.fetch_add(1, …)`,
 * Python's `_ports = itertools.count(20000)` … `next(_ports)`, Go's `atomic.AddInt32(&nextPort, 1)`
 * and .NET's `Interlocked.Increment(ref _port)` on a variable that starts at a literal.
 */
export function counterStart(call: Call, consts: Constants): number | undefined {
  const counter = counterDrawnFrom(call)
  if (!counter) return undefined
  const v = resolve(nameValue(counter), consts)
  if (v.kind === 'int') return v.value >= 1024 && v.value < 65536 ? v.value : undefined
  return counterBase(v, consts)
}

const counted = (port: number): Port =>
  port > 0 && port < 65536 ? { kind: 'fixed', port, counted: true } : UNKNOWN

function envDefault(v: Value, consts: Constants, depth: number): Port {
  const parts = v.kind === 'other' ? v.parts : []
  for (const part of parts) {
    const p = portOf(part, consts, depth + 1)
    if (p.kind === 'fixed') return { kind: 'env', fallback: p.port }
    if (p.kind === 'env' && p.fallback > 0) return p
  }
  return { kind: 'env', fallback: 0 }
}

// `Port` is Pistache's: `Address("localhost", Pistache::Port(9080))`.
const CONVERSIONS =
  /^(?:Port|int|Number|parseInt|parseInteger|Atoi|Itoa|htons|toInt|toShort|valueOf|Parse|parse|from|u16|unwrap|unwrap_or|expect|toString|String|str)$/

function portOfCall(call: Call, consts: Constants, depth: number): Port {
  const local =
    call.receiver === '' && consts.get(`${call.name}(${call.args.length === 0 ? '' : '…'})`)
  if (local) return portOf(local, consts, depth + 1)
  const start = counterStart(call, consts)
  if (start !== undefined) return counted(start)
  // `random.randint(20000, 30000)`, `Random.Next(8000, 9000)`: drawn from a range of ports.
  const low = RANDOM_CALL.test(call.name) ? call.args[0]?.value : undefined
  const from = low && call.args.length === 2 ? literalNumber(low, consts) : undefined
  if (from !== undefined && from >= 1024 && from < 65536)
    return { kind: 'fixed', port: from, counted: true, random: true }
  // os.environ.get("PORT", 8080), os.getenv(...), System.getenv(...): the second argument is the default.
  if (ENV.test(call.callee)) {
    const fallback = portOf(call.args[1]?.value, consts, depth + 1)
    return { kind: 'env', fallback: fallback.kind === 'fixed' ? fallback.port : 0 }
  }
  // env::var("PORT").unwrap_or(8080), getOrDefault("port", 8080)
  if (call.name === 'unwrap_or' || call.name === 'getOrDefault') {
    const p = portOf(call.args[0]?.value, consts, depth + 1)
    if (p.kind === 'fixed' && /env|var/.test(call.receiver))
      return { kind: 'env', fallback: p.port }
  }
  if (CONVERSIONS.test(call.name)) {
    const inner = call.args[0]?.value
    if (inner) {
      const p = portOf(inner, consts, depth + 1)
      if (p.kind !== 'unknown') return p
    }
    // `x.toInt()`, `"8080".parse()`: the receiver carries the value.
    if (/^"\d+"$/.test(call.receiver)) return fromInt(Number(call.receiver.slice(1, -1)))
    // `TEST_PORT.toString()` (conformance's spawned server's environment).
    if (call.args.length === 0 && /^[\w$]+(?:\.[\w$]+)*$/.test(call.receiver)) {
      const last = call.receiver.split('.').at(-1)!
      const name: Value = { kind: 'name', name: call.receiver, last, text: call.receiver }
      const p = portOf(name, consts, depth + 1)
      if (p.kind !== 'unknown') return p
    }
    if (ENV.test(call.receiver)) return { kind: 'env', fallback: 0 }
  }
  return UNKNOWN
}

/** libp2p's `multiaddr('/ip4/0.0.0.0/tcp/9090')` (js), `ma.StringCast(…)`, `ma.NewMultiaddr(…)` (Go). */
export function isMultiaddr(v: Value): boolean {
  return v.kind === 'call' && /^(?:multiaddr|Multiaddr|StringCast|NewMultiaddr)$/.test(v.call.name)
}

export interface Address {
  host?: string
  port: Port
}

/** Parses `h:p`, `:p`, `[::1]:p`, `http://h:p/…`, `/ip4/h/tcp/p`; placeholders `{x}`/`%d` are resolved by caller. */
export function parseAddress(text: string): { host?: string; port?: string } | undefined {
  let t = text.trim()
  // libp2p's multiaddr: `/ip4/127.0.0.1/tcp/9090`.
  const multi = /^\/(?:ip4|ip6|dns4|dns6|dns)\/([^/]+)\/(?:tcp|udp)\/([^/]+)/.exec(t)
  if (multi) return { host: multi[1]!, port: multi[2]! }
  const url = /^[a-z][\w+.-]*:\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(t)
  if (url) t = url[1]!
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(t)
  if (bracket)
    return { host: bracket[1]!, ...(bracket[2] !== undefined ? { port: bracket[2] } : {}) }
  const colon = t.lastIndexOf(':')
  if (colon < 0) return url ? { host: t } : undefined
  // More than one colon without brackets is a bare IPv6 address, not host:port.
  if (t.indexOf(':') !== colon) return { host: t }
  return { host: t.slice(0, colon), port: t.slice(colon + 1) }
}

/** The address a value stands for: strings, (host, port) tuples, formatting calls, structs. */
export function addressOf(value: Value | undefined, consts: Constants, depth = 0): Address {
  if (!value || depth > 6) return { port: UNKNOWN }
  const v = resolve(value, consts)
  switch (v.kind) {
    case 'string':
      return addressFromText(v.value, [], consts)
    case 'tuple': {
      const [h, p] = v.items
      return { ...hostPart(h, consts), port: portOf(p, consts, depth + 1) }
    }
    case 'int':
      return { port: portOf(v, consts) }
    case 'object': {
      const get = (k: RegExp) => v.entries.find((e) => k.test(e.key))?.value
      const addr = get(/^(?:Addr|addr|address)$/)
      if (addr && (addr.kind === 'string' || addr.kind === 'name'))
        return addressOf(addr, consts, depth + 1)
      return {
        ...hostPart(get(/^(?:host|hostname|IP|ip)$/), consts),
        port: portOf(get(/^[pP]ort$/), consts),
      }
    }
    case 'call':
      return addressOfCall(v.call, consts, depth)
    case 'other': {
      // "127.0.0.1:" + port, ":" + strconv.Itoa(port)
      const strings = v.parts.filter((p) => p.kind === 'string')
      const rest = v.parts.filter((p) => p.kind !== 'string')
      if (strings.length === 1 && rest.length === 1 && strings[0]!.kind === 'string') {
        const s = strings[0]!.value
        if (s.endsWith(':'))
          return { host: s.slice(0, -1), port: portOf(rest[0], consts, depth + 1) }
      }
      return { port: portOf(v, consts, depth + 1) }
    }
    default:
      return { port: UNKNOWN }
  }
}

function addressOfCall(call: Call, consts: Constants, depth: number): Address {
  const args = call.args.map((a) => a.value)
  if (
    /^(?:Sprintf|format|Format|sprintf|formatted)$/.test(call.name) &&
    args[0]?.kind === 'string'
  ) {
    return addressFromText(args[0].value, args.slice(1), consts)
  }
  // Go's `net.ResolveTCPAddr("tcp", "127.0.0.1:5170")`, and its `.String()` handed to Listen.
  if (/^Resolve(?:TCP|UDP|IP)Addr$/.test(call.name)) return addressOf(args[1], consts, depth + 1)
  if (call.name === 'String' && call.args.length === 0 && /^[\w.]+$/.test(call.receiver)) {
    const r = resolve(
      {
        kind: 'name',
        name: call.receiver,
        last: call.receiver.split('.').pop()!,
        text: call.receiver,
      },
      consts,
    )
    if (r.kind === 'call' && /^Resolve(?:TCP|UDP|IP)Addr$/.test(r.call.name))
      return addressOf(r, consts, depth + 1)
  }
  if (isMultiaddr({ kind: 'call', call, text: call.text }))
    return addressOf(args[0], consts, depth + 1)
  if (call.name === 'JoinHostPort')
    return { ...hostPart(args[0], consts), port: portOf(args[1], consts) }
  if (
    /^(?:InetSocketAddress|IPEndPoint|SocketAddr|new|from|SocketAddrV4|SocketAddrV6)$/.test(
      call.name,
    )
  ) {
    if (args.length === 1) return addressOf(args[0], consts, depth + 1)
    return { ...hostPart(args[0], consts), port: portOf(args[1], consts) }
  }
  if (/^(?:parse|unwrap|expect|to_socket_addrs|into)$/.test(call.name)) {
    const quoted = /^"(.*)"$/.exec(call.receiver)
    if (quoted) return addressFromText(quoted[1]!, [], consts)
    const inner = /^(.*)\.(?:parse|unwrap|expect)\(\)$/.exec(call.receiver)
    if (inner && /^"(.*)"$/.test(inner[1]!))
      return addressFromText(inner[1]!.slice(1, -1), [], consts)
    // nix's `SockaddrIn::from_str("127.0.0.1:6797").unwrap()`.
    const fromStr = /^[\w:]*from_str\(\s*"([^"]*)"\s*\)$/.exec(call.receiver)
    if (fromStr) return addressFromText(fromStr[1]!, [], consts)
  }
  return { port: portOf({ kind: 'call', call, text: call.text }, consts) }
}

/** Reads an address out of text, filling `{}`/`{name}`/`%d`/`%s` placeholders from args or names. */
function addressFromText(text: string, args: Value[], consts: Constants): Address {
  const parsed = parseAddress(text)
  if (!parsed) return { port: UNKNOWN }
  const fill = (part: string | undefined): Value | undefined => {
    if (part === undefined) return undefined
    // Go's `net.Listen("tcp", "127.0.0.1:")`: an empty port after an address asks the OS for one,
    // like 0 (Go's listener readers only take such a text where the host is an address).
    if (part === '' && ADDRESS_HOST.test(parsed.host ?? ''))
      return { kind: 'int', value: 0, text: '' }
    const named = /^\{([A-Za-z_]\w*)(?::[^}]*)?\}$/.exec(part)
    if (named) return { kind: 'name', name: named[1]!, last: named[1]!, text: named[1]! }
    if (/^(?:\{\}|%[dsv])$/.test(part)) {
      // Placeholders in the host consume the arguments before the port's.
      return args[(parsed.host?.match(/\{\}|%[dsv]/g) ?? []).length]
    }
    return { kind: 'string', value: part, text: part }
  }
  const host = parsed.host !== undefined && /\{|%/.test(parsed.host) ? undefined : parsed.host
  return { ...(host !== undefined ? { host } : {}), port: portOf(fill(parsed.port), consts) }
}

function hostPart(value: Value | undefined, consts: Constants): { host?: string } {
  if (!value) return {}
  const v = resolve(value, consts)
  if (v.kind === 'string') return { host: v.value }
  if (v.kind === 'name') return { host: v.name }
  if (v.kind === 'tuple' && v.items.length === 4 && v.items.every((i) => i.kind === 'int')) {
    return { host: v.items.map((i) => (i.kind === 'int' ? i.value : 0)).join('.') }
  }
  if (v.kind === 'call' && /^(?:parse|from|new)$/.test(v.call.name)) {
    const q = /^"(.*)"$/.exec(v.call.receiver)
    if (q) return { host: q[1]! }
    if (v.call.args.length >= 4)
      return hostPart(
        { kind: 'tuple', items: v.call.args.map((a) => a.value), text: v.text },
        consts,
      )
    return { host: v.call.callee }
  }
  return { host: v.text }
}

export type AddressFamily = 'v4' | 'v6' | 'localhost' | 'any' | 'unknown'

/** Languages whose runtime binds the IPv6 wildcard `::` dual-stack on every OS. */
const DUAL_STACK_WILDCARD = new Set<Family>(['js', 'go', 'java', 'kotlin'])

/**
 * An option that says the server is not started from these settings: nightwatch's `selenium: {
 * port: 10195, start_process: false }` (a client's settings; census 60), srvx's `serve({ manual:
 * true, port: 3000 })`, which listens only when `serve()` is called (census 58).
 */
export function saysUnstarted(key: string, value: Value): boolean {
  if (value.kind !== 'bool') return false
  if (/^manual$/i.test(key)) return value.value
  return /^(?:start_?process|auto_?start|auto_?listen|start_?server)$/i.test(key) && !value.value
}

/** Fields that name a host: `Host`, `Address`, `RelAddr`, `hostname`, `ServerIP`. */
export const HOST_KEY = /^(?:host(?:name)?|addr(?:ess)?|ip)$|(?:Host|Addr|Address|IP)$/i

/**
 * A written host, or address, that is neither loopback nor a wildcard: `"10.0.0.1"`,
 * `"example.com"`, Go's `net.IPv4(192, 0, 2, 1)`.
 */
export function namesRemoteHost(value: Value, consts: Constants): boolean {
  const host =
    value.kind === 'string' ? (addressOf(value, consts).host ?? value.value) : writtenIp(value)
  return host !== undefined && /^[\w.:-]+$/.test(host) && familyOf(host) === 'unknown'
}

/** An address built from its parts or parsed from text: `net.IPv4(192, 0, 2, 1)`, `net.ParseIP("10.0.0.1")`. */
function writtenIp(value: Value): string | undefined {
  if (value.kind !== 'call' || !/^(?:IPv4|ParseIP)$/.test(value.call.name)) return undefined
  const parts = value.call.args.map((a) => a.value)
  if (parts.length === 4 && parts.every((p) => p.kind === 'int')) {
    return parts.map((p) => (p as { value: number }).value).join('.')
  }
  const only = parts.length === 1 ? parts[0] : undefined
  return only?.kind === 'string' ? only.value : undefined
}

/**
 * What a server's bind host means for clients that resolve `localhost`. `any` is dual-stack:
 * Node (libuv clears IPV6_V6ONLY), Go and Java bind `::` on both families, and Go's "tcp" does so
 * for an empty host and `0.0.0.0` too (only "tcp4"/"tcp6" pin a family). Python's '' is IPv4
 * only (AF_INET). Elsewhere `::` is IPv6 only somewhere: on Windows, whose default is
 * IPV6_V6ONLY (Rust, C/C++, Python's plain sockets), with asyncio and `socket.create_server`
 * (which set it), and in .NET unless `DualMode` is set.
 */
export function familyOf(
  host: string | undefined,
  language?: Family,
  network?: string,
): AddressFamily {
  if (host === undefined) return 'unknown'
  const h = host.replace(/^\[|\]$/g, '')
  if (language === 'go' && /^(?:tcp|udp)4$/.test(network ?? '')) {
    if (h === '' || h === '::' || h === '0.0.0.0') return 'v4'
  }
  if (language === 'go' && /^(?:tcp|udp)6$/.test(network ?? '')) {
    if (h === '' || h === '::' || h === '0.0.0.0') return 'v6'
  }
  if (language === 'go' && (h === '' || h === '0.0.0.0')) return 'any'
  if (h === '' || /^(?:127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/.test(h)) return 'v4'
  if (
    /(?:^|\.|::)(?:INADDR_ANY|INADDR_LOOPBACK|Any|Loopback|LOCALHOST|UNSPECIFIED)$/.test(h) &&
    !/IPv6|Ipv6/.test(h)
  ) {
    return 'v4'
  }
  if (isWildcardV6(h)) return language && DUAL_STACK_WILDCARD.has(language) ? 'any' : 'v6'
  if (/^(?:::1|0:0:0:0:0:0:0:1)$/.test(h) || /IPv6|Ipv6|in6addr/.test(h)) return 'v6'
  if (h.toLowerCase() === 'localhost') return 'localhost'
  return 'unknown'
}

/** The IPv6 unspecified address, however it is spelled: `::`, `IPAddress.IPv6Any`, `in6addr_any`. */
export function isWildcardV6(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '')
  return (
    /^(?:::|0:0:0:0:0:0:0:0)$/.test(h) ||
    /IPv6Any|in6addr_any|IN6ADDR_ANY|Ipv6Addr::UNSPECIFIED/.test(h)
  )
}
