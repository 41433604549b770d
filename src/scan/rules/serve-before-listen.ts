// PORT007: the test talks to a server that binds asynchronously before it is known to listen.
import { isIP } from 'node:net'
import type { Assign, Call, Exit, Scope, Span, Value } from '../facts.ts'
import {
  WAITS_FOR_SERVER,
  contains,
  innermostBlock,
  lastAssign,
  spanning,
  statementAround,
} from '../facts.ts'
import type { Hit, Rule, RuleContext } from './context.ts'
import { hasWord, inTest, namedScope } from './context.ts'
import { assignsByScope, constantsAt, literalNumber, resolve } from '../values.ts'
import { isSleep } from '../server-helpers.ts'

/** Options a Go server calls once it listens: miekg/dns's, fiber's, and `OnListen`-style hooks. */
const LISTENING_HOOK = /^(?:NotifyStartedFunc|ListenerAddrFunc|OnListen\w*|OnStartup)$/

const CLIENT =
  /^(?:fetch|request|get|post|put|delete|head|patch|urlopen|create_connection|open_connection|connect|createConnection|Dial|DialTimeout|DialContext|Get|Post|Head|Do|NewRequest|NewRequestWithContext|openConnection|openStream|send|execute|newCall|GetAsync|PostAsync|SendAsync|GetStringAsync|Connect|ConnectAsync|HTTPConnection|HTTPSConnection|getresponse|supertest|axios|got|WebSocket|Socket|TcpClient|address)$/

/** Calls given the server's address that stop or check it rather than talk to it. */
const STOPS =
  /^(?:[cC]lose|[sS]top|[sS]hutdown|[kK]ill|assert\w*|[eE]qual|[eE]rrorf?|[lL]ogf?|[pP]rintf?|[pP]rintln)$/

const CALLBACK_NAME =
  /^(?:resolve|res|r|done|cb|callback|next|ready|onListen\w*|onListening|listening)$/

/**
 * The first call after the server starts that talks to it: a known client call, or any call given
 * the server's own address text (miekg/dns's `c.Exchange(m, "127.0.0.1:8053")`) or a client value
 * built from its port.
 */
function clientAfter(
  ctx: RuleContext,
  start: Call,
  scope: number,
  address?: string,
  addressVariable?: string,
): Call | undefined {
  const area = ctx.facts.scopes[scope]!.at
  // Variables the test builds from the server's port after starting it, to hand to a client
  // (promscale's `promscaleClient := httpClient{"http://localhost:9201"}`, then `getServices(t,
  // promscaleClient)`).
  const port = address === undefined ? undefined : /:(\d+)$/.exec(address)?.[1]
  const loopback = port && new RegExp(`(?:localhost|127\\.0\\.0\\.1|\\[::1\\]):${port}\\b`)
  const carriers = !loopback
    ? []
    : ctx.facts.assigns
        .filter(
          (a) => a.at.start > start.at.end && contains(area, a.at) && loopback.test(a.value.text),
        )
        .map((a) => a.name)
  // The address itself, written out (`testRequest(t, "https://localhost:8443/example")`) or in
  // the variable the server was given (flannel's `doTestRemote(ctx, t, addr)`).
  const names = (v: Value) =>
    v.kind === 'string'
      ? v.value === address || (loopback && loopback.test(v.value))
      : v.kind === 'name' && addressVariable !== undefined && v.name === addressVariable
  const dials = (c: Call) =>
    (CLIENT.test(c.name) && !lookup(c) && !takes(c)) ||
    (!WAITS.test(c.name) && !STOPS.test(c.name) && c.args.some((a) => names(a.value))) ||
    c.args.some((a) => carriers.some((name) => hasWord(a.value.text, name)))
  // A second bind of the address is the test's own check, not a client (gin's RunTLS twice).
  const binds = (c: Call) => ctx.listeners.some((l) => l.call === c)
  const client = ctx.facts.calls.find(
    (c) =>
      c.at.start > start.at.end && contains(area, c.at) && c !== start && dials(c) && !binds(c),
  )
  if (!client || polls(ctx, client, start)) return undefined
  const waits = ctx.facts.calls.some(
    (c) =>
      ((WAITS.test(c.name) || takes(c)) &&
        c.at.start > start.at.end &&
        c.at.end < client.at.start) ||
      readsBoundAddress(start, c, client),
  )
  return waits ? undefined : client
}

/**
 * Methods that give the address a server has bound, or the listener that holds it: `Addrs()`,
 * `LocalAddr()`, `getLocalPort()`, hertz's `trans.Listener()` (nil until `net.Listen` returned).
 */
const BOUND_ADDRESS = /^(?:Addrs?|LocalAddr|ListenAddrs?|getLocalPort|getPort|Port|Listener)$/

/**
 * The client dials an address it asks the started server for (go-libp2p's `go server.Serve()`
 * … `client.Get("multiaddr:" + server.Addrs()[0].String())`): a server that listens on a port
 * chosen when it binds can only answer once it has bound, so the asking waits for it.
 */
function readsBoundAddress(start: Call, c: Call, client: Call): boolean {
  return (
    start.receiver !== '' &&
    c.receiver === start.receiver &&
    BOUND_ADDRESS.test(c.name) &&
    c.args.length === 0 &&
    c.at.start > start.at.end &&
    c.at.end <= client.at.end
  )
}

/**
 * A `get` given a bare key is a lookup, not a request: flask-testing's
 * `self.app.config.get('LIVESERVER_TIMEOUT', 5)` (a URL or path has a slash or a colon).
 */
const lookup = (c: Call) => {
  const first = c.args[0]?.value
  return c.name === 'get' && first?.kind === 'string' && /^[\w.-]+$/.test(first.value)
}

/**
 * A `get` given nothing takes from a queue or a future and blocks until there is something to
 * take: uvloop's `addr = qout.get()`, which the server thread fills once it listens.
 */
const takes = (c: Call) => c.name === 'get' && c.args.length === 0

/**
 * A helper that waits for the server before the request: `waitForServer(t, url)`, `waitReady`,
 * the wait-on package's `waitOn({ resources: [url] })` (nightwatch's example globals; census 60).
 */
const WAITS =
  /^(?:[wW]ait(?:For|Until)?_?\w*(?:[sS]erver|[rR]eady|[lL]isten\w*|[pP]ort|[uU]p)|[eE]ventually|waitOn|wait_on)$/

/**
 * The request is tried again in a loop that sleeps between tries (`for i in range(50): try:
 * requests.get(url) … except ConnectionError: time.sleep(0.1)`): the test waits for the server.
 */
function polls(ctx: RuleContext, client: Call, start: Call): boolean {
  const sleepyLoop = (within: (b: Span) => boolean) =>
    ctx.facts.blocks.some(
      (b) =>
        b.kind === 'loop' &&
        within(b.at) &&
        ctx.facts.calls.some((c) => isSleep(c) && contains(b.at, c.at)),
    )
  if (sleepyLoop((b) => b.start > start.at.end && contains(b, client.at))) return true
  // …or in the file's own function that the test calls (flannel's `doTestRemote` retries its
  // first request while the connection is refused).
  const own =
    client.receiver === ''
      ? ctx.facts.scopes.find((s) => s.id !== 0 && s.name === client.name)
      : undefined
  return own !== undefined && sleepyLoop((b) => contains(own.at, b))
}

/**
 * The finding is the call that binds; given the statement that started it in the background
 * (`go func() {`), it spans from there, so it points at the start and covers the bind, and on to
 * where the test goes on without knowing the port is open (its first request, or a fixed sleep):
 * the race is between those lines, and the fix is at either end.
 */
function hit(call: Call, message: string, started: { at: Span } = call, until?: { at: Span }): Hit {
  const end = until && until.at.end > call.at.end ? until.at : call.at
  const at = spanning(started.at, end)
  return { rule: 'PORT007', severity: 'warning', at, code: call.text, message }
}

/** A goroutine's call that is handed the port its test then dials; `dial` is the first call that does. */
export interface GoroutineServer {
  call: Call
  /** The `go` statement: the call itself, or the `go func() {…}()` around it. */
  started: Call
  port: number
  dial: Call
}

/** Ports a server is handed, from the registered range up (a count or a timeout is not one). */
const MIN_HANDED_PORT = 1024

/**
 * `go func() { input, _ = Input(8080) }()` and then `http.Post("http://localhost:8080", …)`:
 * whatever the goroutine's call is named, the test hands it port N and then talks to N, so the
 * call serves on N (dependabot/cli's input_test.go). Only literal or constant ports count.
 */
export function goroutineServers(ctx: Omit<RuleContext, 'goroutines'>): GoroutineServer[] {
  if (ctx.family !== 'go') return []
  const out: GoroutineServer[] = []
  const goClosures = ctx.facts.calls.filter((c) => c.go && c.callee.startsWith('func('))
  for (const call of ctx.facts.calls) {
    const closure = goClosures.find((g) => g !== call && contains(g.at, call.at))
    if ((!call.go && !closure) || call.callee.startsWith('func(') || !inTest(ctx, call.scope))
      continue
    const started = closure ?? call
    for (const arg of call.args) {
      const handed = dialledAfter(ctx, started, arg.value)
      if (handed) {
        out.push({ call, started, ...handed })
        break
      }
    }
  }
  return out
}

/** A loopback host written alone, as a client's host argument: `"127.0.0.1"`, `"localhost"`. */
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|::1)$/

/**
 * A port handed on as `value` (`Input(8080)`, or kept as text: `port := "28082"; … Run(ctx, port,
 * …)`) that the function around `after` then dials, as a literal or through the same variable
 * (`"http://localhost:" + port + path`): the port and the first call that dials it.
 */
export function dialledAfter(
  ctx: Pick<RuleContext, 'facts' | 'consts' | 'testFile' | 'path'>,
  after: Call,
  value: Value,
): { port: number; dial: Call } | undefined {
  const port = literalNumber(value, ctx.consts)
  if (port === undefined || port < MIN_HANDED_PORT || port > 65535) return undefined
  const area = ctx.facts.scopes[namedScope(ctx, after.scope)]!.at
  const address = new RegExp(`(?:^|localhost|127\\.0\\.0\\.1|\\[::1\\]):${port}(?!\\d)`)
  const name = value.kind === 'name' ? value.name : undefined
  const dialled = (a: { value: Value }) =>
    (a.value.kind === 'string' && address.test(a.value.value)) ||
    (name !== undefined &&
      /localhost|127\.0\.0\.1|:\/\//.test(a.value.text) &&
      hasWord(a.value.text, name))
  // …or the loopback host and the port's variable as arguments of their own:
  // `ConnectTcpSocketClient("127.0.0.1", firstPort)`.
  const hostThenPort = (c: Call) =>
    name !== undefined &&
    c.args.some((a) => a.value.kind === 'string' && LOOPBACK_HOST.test(a.value.value)) &&
    c.args.some((a) => a.value.kind === 'name' && a.value.name === name)
  const dial = ctx.facts.calls.find(
    (c) =>
      c.at.start > after.at.end &&
      contains(area, c.at) &&
      (c.args.some(dialled) || hostThenPort(c)),
  )
  return dial && { port, dial }
}

/** A variable named for a listening address: `addr`, `listenAddr`, `serverAddress`. */
const ADDRESS_VARIABLE = /^(?:\w*[aA]ddr|\w*[aA]ddress)$/

/**
 * `go func() { errCh <- run(ctx, addr) }()` and then `base := "http://" + addr`: the goroutine is
 * handed the address the test then builds a URL from, so it serves on it (zkteco's main_test.go).
 */
function handedDialledAddress(ctx: RuleContext, call: Call, started: Call): boolean {
  const area = ctx.facts.scopes[namedScope(ctx, started.scope)]!.at
  const later = (at: Span) => at.start > started.at.end && contains(area, at)
  return call.args.some((arg) => {
    if (arg.value.kind !== 'name' || !ADDRESS_VARIABLE.test(arg.value.name)) return false
    const name = arg.value.name
    const url = (text: string) => text.includes('://') && hasWord(text, name)
    return (
      ctx.facts.assigns.some((a) => later(a.at) && url(a.value.text)) ||
      ctx.facts.calls.some((c) => later(c.at) && c.args.some((a) => url(a.value.text)))
    )
  })
}

/**
 * The client dials the address the server object reports (`grpc.Dial(server.GRPCListenAddr().
 * String())`, dskit): the server opened its listener when it was built, before the goroutine
 * serves on it, or it would have no address to report. A configured address (`srv.Addr`, an
 * `Addr()` that may return it) is not such a report: the method names the listener.
 */
function dialsListenAddress(client: Call, server: string): boolean {
  if (!/^[\w$]+$/.test(server)) return false
  const reported = new RegExp(`(?<![\\w.])${server}\\.\\w*Listen\\w*(?:Addr|Address)\\(\\)`)
  return client.args.some((a) => reported.test(a.value.text))
}

/** A variable that holds a server: `gohabServer`, `srv`, `apiServer`. */
const SERVER_VARIABLE = /^(?:\w*[sS]erver|srv)$/

/**
 * `go func() { gohabServer.Start() }()`, tyk's `go server.Serve()`: a server object started
 * without arguments binds in
 * the goroutine, unless its listener was opened before: httptest's unstarted servers are, and so
 * may be one built by a constructor that can fail (`server, err := New(cfg)`), since a Go
 * constructor that opens a listener has to return its error (grafana/dskit's `New` does; a
 * constructor with one result cannot report a bind failure).
 */
function startsServerObject(ctx: RuleContext, call: Call): boolean {
  if (!/^(?:Start|Run|Serve)$/.test(call.name) || call.args.length > 0) return false
  if (!SERVER_VARIABLE.test(call.receiver)) return false
  // gosrt's `server.Listen()` before `go server.Serve()`: the goroutine only accepts.
  if (calledBefore(ctx, call.receiver, /^(?:Listen|Bind)\w*$/, call)) return false
  const built = lastAssign(ctx.facts, call.receiver, call.at, (a) => a.value.kind === 'call')
  return !built || (!built.oneOfResults && !/httptest/.test(built.value.text))
}

/**
 * A server built around a listener the test opened first (hertz's `transporter :=
 * NewTransporter(&config.Options{Listener: ln})` after `ln := testutils.NewTestListener(t)`):
 * serving in the goroutine only accepts on a socket that already listens.
 */
function builtOnOpenListener(ctx: RuleContext, call: Call): boolean {
  if (!/^[\w$]+$/.test(call.receiver)) return false
  const built = lastAssign(ctx.facts, call.receiver, call.at, (a) => a.value.kind === 'call')
  return (
    built !== undefined &&
    ctx.facts.entries.some(
      (e) =>
        e.key === 'Listener' &&
        contains(built.at, e.at) &&
        e.value.kind === 'name' &&
        lastAssign(ctx.facts, e.value.name, built.at, (a) => a.value.kind === 'call') !== undefined,
    )
  )
}

/** Set-up methods of a test suite or case, which the runner calls before the test. */
const SETS_UP = /^(?:Setup|SetUp|setup|setUp|SetupSuite|SetupTest|BeforeEach|beforeEach)$/

/** Helpers named for starting a server: `RunServer`, `startTestServer`. */
const SERVER_HELPER = /^(?:start|run|launch|boot|serve)_?\w*server$/i

/** Functions that start a server when called without arguments: `main`, `startServer`. */
const STARTS_A_SERVER = /^(?:main|(?:start|run|launch|boot|serve)_?\w*[Ss]erver)$/

function go(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  let byScope: Map<number, Assign[]> | undefined
  // `go func() { srv.ListenAndServe() }()` serves from inside the closure it starts.
  const goClosures = ctx.facts.calls.filter((c) => c.go && c.callee.startsWith('func('))
  for (const call of ctx.facts.calls) {
    const closure = goClosures.find((g) => g !== call && contains(g.at, call.at))
    if ((!call.go && !closure) || !inTest(ctx, call.scope)) continue
    const serves =
      /^(?:ListenAndServe|ListenAndServeTLS)$/.test(call.name) ||
      (/^(?:Start|Run|Listen)(?:TLS)?$/.test(call.name) &&
        call.args.some((a) => a.value.kind === 'string' && /:\d*$/.test(a.value.value))) ||
      // A helper that starts a server on the address it is given (flannel's `RunServer(ctx, sm, addr)`).
      (SERVER_HELPER.test(call.name) && ctx.listeners.some((l) => l.call === call)) ||
      // `go main()`, `go func() { startServer() }()`: the program or a helper opens the port.
      (call.receiver === '' && call.args.length === 0 && STARTS_A_SERVER.test(call.name)) ||
      startsServerObject(ctx, call) ||
      ctx.goroutines.some((h) => h.call === call) ||
      handedDialledAddress(ctx, call, closure ?? call)
    if (!serves) continue
    const started = closure ?? call
    const scope = namedScope(ctx, started.scope)
    const area = ctx.facts.scopes[scope]!.at
    byScope ??= assignsByScope(ctx.facts)
    const local = constantsAt(ctx.facts, ctx.consts, call.scope, call.at.start, byScope)
    const written = (v: Value) => {
      const r = resolve(v, local)
      return r.kind === 'string' && /:\d+$/.test(r.value) ? r.value : undefined
    }
    const given = call.args.find((a) => written(a.value) !== undefined)?.value
    const client = clientAfter(
      ctx,
      started,
      scope,
      given && written(given),
      given?.kind === 'name' ? given.name : undefined,
    )
    if (client && dialsListenAddress(client, call.receiver)) continue
    if (builtOnOpenListener(ctx, call)) continue
    // miekg/dns calls the server's `NotifyStartedFunc` once it listens, fiber its
    // `ListenerAddrFunc`: a test that sets one waits on it (heminetwork's `close(started)`, then
    // `<-started`; fiber's `addrChan <- addr.String()`, then `<-addrChan`), in the literal or
    // set afterwards (lego's `server.NotifyStartedFunc = waitLock.Unlock`; censuses 60 and 61).
    const hooked =
      ctx.facts.entries.some((e) => LISTENING_HOOK.test(e.key) && contains(area, e.at)) ||
      ctx.facts.assigns.some((a) => LISTENING_HOOK.test(a.name) && contains(area, a.at))
    if (hooked) continue
    const after = (at: Span) => at.start > started.at.end && contains(area, at)
    // A return, or the end of a set-up method (dd-trace-go's `Setup`, whose `Run` then requests
    // at once), hands the caller a server that may not listen yet, unless the function waits
    // first (dd-trace-go's `startServer` polls with `waitTillUDPReady(addr)`).
    const waitsBefore = (offset: number) =>
      ctx.facts.calls.some((c) => after(c.at) && c.at.end <= offset && WAITS.test(c.name))
    // Its own return: a function literal's inside it hands its value to whoever calls that literal
    // (blocky's `Eventually(func() error { …; return c.Execute() }, "2s")`, which retries; census 57).
    const returns =
      ctx.facts.exits.some(
        (e) => after(e.at) && namedScope(ctx, e.scope) === scope && !waitsBefore(e.at.start),
      ) ||
      (SETS_UP.test(ctx.facts.scopes[scope]!.name) && !waitsBefore(area.end))
    // A fixed sleep after the start, in TestMain, init or a helper, is the package's tests
    // waiting for the port by guesswork; inside one test the sleep matters only if the test
    // then talks to the server, which `client` covers (miekg/dns's shutdown tests only stop it).
    const name = ctx.facts.scopes[scope]!.name
    const wait = sleepAfter(ctx, started, scope)
    const sleep = /^(?:Test|Benchmark|Fuzz|Example)(?!Main$)/.test(name) ? undefined : wait
    if (!client && !returns && !sleep) continue
    const then = client
      ? `the \`${client.callee}\` on line ${client.at.line}`
      : wait
        ? `the code after the fixed sleep on line ${wait.at.line}`
        : 'the caller'
    hits.push(
      hit(
        call,
        `\`${closure ? '' : 'go '}${call.callee}()\` binds inside the goroutine, so ${then} ` +
          'can run before the port is open (ECONNREFUSED on a loaded runner) and a bind error is lost.',
        started,
        client ?? wait,
      ),
    )
  }
  return hits
}

function js(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  for (const call of facts.calls) {
    if (call.name !== 'listen' || call.awaited || !call.statement || !inTest(ctx, call.scope))
      continue
    if (
      call.args.some(
        (a) =>
          a.value.kind === 'function' ||
          (a.value.kind === 'name' && CALLBACK_NAME.test(a.value.last)),
      )
    )
      continue
    if (facts.calls.some((c) => c.name === 'Promise' && c.isNew && contains(c.at, call.at)))
      continue
    const first = call.args[0]?.value
    const host =
      call.args[1]?.value.kind === 'string'
        ? call.args[1].value
        : first?.kind === 'object'
          ? first.entries.find((e) => /^(?:host|hostname)$/.test(e.key))?.value
          : undefined
    if (!host && !/fastify|hapi/i.test(call.receiver)) continue
    const client = clientAfter(ctx, call, call.scope)
    if (!client) continue
    // An address is "looked up" on the next tick, before a client's connect made in the same
    // tick dials it (nodemailer/smtp-server's `server.listen(PORT, '127.0.0.1')` then
    // `connect()`, judged by a reviewer); only `address()`, read at once, still finds no socket.
    const hostValue = host && resolve(host, ctx.consts)
    const literal = hostValue?.kind === 'string' && isIP(hostValue.value) !== 0
    if (literal && client.name !== 'address') continue
    const waits = facts.strings.some(
      (s) => s.value === 'listening' && s.at.start > call.at.end && s.at.start < client.at.start,
    )
    if (waits) continue
    hits.push(
      hit(
        call,
        `\`${call.callee}()\` binds asynchronously (a host name is looked up first) and nothing waits ` +
          `for it, so \`${client.callee}\` on line ${client.at.line} can run before the server listens ` +
          '(ECONNREFUSED, or a null address()).',
        call,
        client,
      ),
    )
  }
  return hits
}

/** Thread targets that start a server whatever they are called on. */
const SERVES_IN_THREAD =
  /(?:^|\.)(?:run_app|serve|run_simple|(?:run|start|launch|serve)_(?:\w+_)?server)$|uvicorn\.run|run_app\(|serve\(|run_simple\(|Server\([^)]*\)\.serve_forever/

/** `x.run` / `x.listen` / `x.start`: a server only when x looks like one or the thread is given a host or port. */
const RUNS_IN_THREAD = /(?:^|\.)(?:run|listen|start)$|\.run\(/
const SERVER_RECEIVER = /^(?:\w*app|application|\w*server|srv|httpd|api|site|web)$/i
const HOST_OR_PORT = /\b(?:host|port|hostname|bind)\b/i

/** `self.app.run` → `app`. */
function receiverOf(target: string): string {
  return (
    target
      .replace(/\.(?:run|listen|start)$/, '')
      .split('.')
      .pop() ?? ''
  )
}

/**
 * What a thread target that is a function of the file does with a server: `'serves'` when it opens
 * a listener (`def start_data_server(): TCPServer(…)`) or makes a server or listener object
 * (opcua-asyncio's `wrapper`, whose coroutine runs `srv = Server()`; inelegant's
 * `multiprocessing.connection.Listener(('localhost', 9001))`), `'serves nothing'` when it only
 * accepts on a socket opened elsewhere (anyio's `def serve(): sock, addr = server_sock.accept()`)
 * or only waits, else undefined (no such function, or one that hands its work on).
 */
function localTarget(
  ctx: RuleContext,
  target: string,
  thread: Call,
): 'serves' | 'serves nothing' | undefined {
  const named = ctx.facts.scopes.filter((s) => s.id !== 0 && s.name === target)
  // Two fixtures may each nest a `wrapper`: the one beside the thread is meant.
  const around = ctx.facts.scopes[namedScope(ctx, thread.scope)]!.at
  const fn = named.find((s) => s.id !== thread.scope && contains(around, s.at)) ?? named[0]
  if (!fn) return undefined
  const inside = ctx.facts.calls.filter((c) => contains(fn.at, c.at))
  if (
    ctx.listeners.some((l) => l.kind === 'server' && contains(fn.at, l.at)) ||
    // A server class made there (multiprocessing's `Listener`), not `addListener`, `stopServer` or
    // an event listener.
    inside.some((c) => /^(?:[A-Z]\w*Server|Server|Listener)$/.test(c.name))
  )
    return 'serves'
  // Accepting on a socket opened elsewhere, or only waiting (inelegant's `def serve():
  // time.sleep(60)`), serves nothing; a body that hands work on is read by the target's name.
  const idle = inside.every((c) => isSleep(c) || ASIDE.test(c.name))
  return idle || inside.some((c) => ACCEPTS.test(c.name)) ? 'serves nothing' : undefined
}

/** A fixed sleep after `start` in the function, not inside a loop (a loop that sleeps polls). */
function sleepAfter(ctx: RuleContext, start: { at: Span }, scope: number): Call | undefined {
  const area = ctx.facts.scopes[scope]!.at
  const polls = (at: Span) =>
    ctx.facts.blocks.some((b) => b.kind === 'loop' && contains(b.at, at) && contains(area, b.at))
  return ctx.facts.calls.find(
    (c) => isSleep(c) && c.at.start > start.at.end && contains(area, c.at) && !polls(c.at),
  )
}

/**
 * `self.server.prepare()` (cheroot) or `server.listen()` before `Thread(target=self.server.serve)`:
 * the socket listens before the thread starts, so the thread only accepts on it. So does a
 * socketserver-style class built on an address, which binds in its constructor (dulwich's
 * `TCPGitServer(backend, b"localhost", 0)`, the standard library's `HTTPServer(("", 0), …)`);
 * not one built from settings (uvicorn's `Server(config)` binds in `run`).
 */
function boundBefore(ctx: RuleContext, target: string, thread: Call): boolean {
  const object = target.replace(/\.\w+$/, '')
  if (object === target) return false
  const built = lastAssign(ctx.facts, object, thread.at)?.value
  const onAddress =
    built?.kind === 'call' &&
    /^[A-Z]\w*Server$/.test(built.call.name) &&
    built.call.args.some(
      (a) => a.value.kind === 'tuple' || a.value.kind === 'int' || /port/i.test(a.name ?? ''),
    )
  return (
    onAddress ||
    calledBefore(ctx, object, /^(?:prepare|bind|listen|server_bind|server_activate)$/, thread)
  )
}

/**
 * The thread is handed a socket that listens already (python-sdk's `threading.Thread(target=
 * server.run, kwargs={"sockets": [sock]})` after `sock.listen()`): uvicorn serves on it, and
 * early connections wait in its backlog.
 */
function handedListening(ctx: RuleContext, thread: Call): boolean {
  const words = thread.args
    .filter((a) => a.name !== 'target')
    .flatMap((a) => a.value.text.match(/[A-Za-z_]\w*/g) ?? [])
  return [...new Set(words)].some((w) => calledBefore(ctx, w, /^listen$/, thread))
}

/**
 * `server` was told to bind or listen (`verbs`) in the function that starts the thread or
 * goroutine, before it does (outside `skip`, the thread's own code): its socket is open already.
 */
function calledBefore(
  ctx: RuleContext,
  server: string,
  verbs: RegExp,
  start: Call,
  skip?: Span,
): boolean {
  const area = ctx.facts.scopes[namedScope(ctx, start.scope)]!.at
  return ctx.facts.calls.some(
    (c) =>
      verbs.test(c.name) &&
      c.receiver === server &&
      contains(area, c.at) &&
      c.at.end <= start.at.start &&
      !(skip && contains(skip, c.at)),
  )
}

/** Calls that wait for a server or check on it: `await_startup_finished`, `wait_until_ready`. */
const CHECKS = /[wW]ait|[rR]eady|[pP]oll|[uU]ntil|[sS]tartup/

/**
 * The function returns after `start` without anything in between that waits for the server,
 * talks to it or polls it (a return inside a loop after the start is a poll's success), nor in
 * what it returns: vcrpy's fixture `yield q.get()` hands on the URL the server thread put once it
 * had bound.
 */
function returnsUnchecked(ctx: RuleContext, start: Call, scope: number): Exit | undefined {
  const area = ctx.facts.scopes[scope]!.at
  return ctx.facts.exits.find(
    (e) =>
      e.at.start > start.at.end &&
      contains(area, e.at) &&
      !ctx.facts.calls.some(
        (c) =>
          (CHECKS.test(c.name) || CLIENT.test(c.name)) &&
          c.at.start > start.at.end &&
          c.at.end <= e.at.end,
      ) &&
      !ctx.facts.blocks.some(
        (b) =>
          b.kind === 'loop' &&
          b.at.start > start.at.end &&
          (contains(b.at, e.at) || (b.at.end < e.at.start && sleepsIn(ctx, b.at))),
      ),
  )
}

/** A loop that sleeps between its tries polls (httpx's `while not server.started: sleep(1e-3)`). */
const sleepsIn = (ctx: RuleContext, loop: Span) =>
  ctx.facts.calls.some((c) => contains(loop, c.at) && isSleep(c))

/** A port handed to the thread by keyword: `kwargs={"port": port}`, `port=8080`. */
const HANDED_PORT = /["']port["']\s*:|\bport\s*=/

/**
 * A thread whose target is only a name the function was given (`Thread(target=target, kwargs=
 * {"port": port})`) and that is handed a port by keyword serves on it, whatever it is called
 * (schemathesis's app runner).
 */
function handedPort(target: Value, call: Call): boolean {
  return target.kind === 'name' && !target.name.includes('.') && HANDED_PORT.test(call.text)
}

function python(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  for (const call of ctx.facts.calls) {
    if (!/^(?:Thread|Process)$/.test(call.name) || !inTest(ctx, call.scope)) continue
    const target =
      call.args.find((a) => a.name === 'target')?.value ??
      call.args.filter((a) => !a.name)[1]?.value
    if (!target) continue
    const text = target.kind === 'name' ? target.name : target.text
    if (/serve_forever$/.test(text) || boundBefore(ctx, text, call) || handedListening(ctx, call))
      continue
    // A function of the file is read for what it does before its name: anyio's `def serve():
    // sock, addr = server_sock.accept()` only accepts on a socket listening already.
    const local = target.kind === 'name' ? localTarget(ctx, text, call) : undefined
    const serves =
      local === 'serves' ||
      (local !== 'serves nothing' &&
        (SERVES_IN_THREAD.test(text) ||
          (RUNS_IN_THREAD.test(text) &&
            (SERVER_RECEIVER.test(receiverOf(text)) || HOST_OR_PORT.test(call.text))) ||
          handedPort(target, call)))
    if (!serves) continue
    const scope = namedScope(ctx, call.scope)
    const client = clientAfter(ctx, call, scope)
    const sleep = client ? undefined : sleepAfter(ctx, call, scope)
    // A helper or fixture that starts the thread and returns (or yields) leaves its caller to
    // guess when the port is open, as a Go helper that returns after `go srv.Serve()` does.
    const returns =
      client || sleep || /^test/.test(ctx.facts.scopes[scope]!.name)
        ? undefined
        : returnsUnchecked(ctx, call, scope)
    if (!client && !sleep && !returns) continue
    const then = client
      ? `\`${client.callee}\` on line ${client.at.line}`
      : sleep
        ? `the code after the fixed sleep on line ${sleep.at.line}`
        : 'the caller'
    hits.push(
      hit(
        call,
        `The thread's target binds the port itself, so ${then} ` +
          'can run before the server listens (ConnectionRefusedError on a loaded runner).',
        call,
        client ?? sleep ?? returns,
      ),
    )
    const helper = ctx.facts.scopes[scope]!
    if (returns && helper.name)
      hits.push(
        ...sleepingCallers(
          ctx,
          helper,
          `starts a server thread that binds on line ${call.at.line} and returns`,
        ),
      )
  }
  return hits
}

/**
 * A server process started with a port argument (PORT001's spawned servers, whatever the port)
 * and a fixed sleep after it in the same function: the process binds when it gets there, and the
 * sleep guesses when. The finding spans from the spawn to the sleep.
 */
function spawnedThenSleeps(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  for (const spawned of ctx.spawned) {
    if (!inTest(ctx, spawned.scope)) continue
    // A sleep inside a loop is a poll (`while !is_port_reachable(…) { sleep(…) }`), not a guess.
    const sleep = sleepAfter(ctx, spawned, namedScope(ctx, spawned.scope))
    if (!sleep) continue
    // A poll between the start and the sleep waited already (thrift's RunClientServer.py tries
    // `connect_ex` until the port answers; its later sleep lets children exit).
    if (waitsAfter(ctx, spawned, { ...spawned.at, end: sleep.at.start })) continue
    if (pollsNext(ctx, sleep, ctx.facts.scopes[namedScope(ctx, spawned.scope)]!.at)) continue
    const port = spawned.port ? `port ${spawned.port}` : 'its port'
    hits.push({
      rule: 'PORT007',
      severity: 'warning',
      at: spanning(spawned.at, sleep.at),
      code: spawned.text,
      message:
        `The server process binds ${port} some time after it starts, and the fixed sleep on ` +
        `line ${sleep.at.line} only guesses when: on a loaded runner the test connects first ` +
        '(ECONNREFUSED). Wait until the port accepts a connection, or have the process report it.',
    })
  }
  hits.push(...helperStartsThenSleeps(ctx))
  return hits
}

/**
 * A function of the file that starts the server process and returns without waiting, called by
 * a test that then sleeps (`self.process = run_application()` … `time.sleep(3)` in setUp,
 * GoogleCloudPlatform/cloud-opensource-python): the guess is the caller's. Spans the call to the sleep.
 */
function helperStartsThenSleeps(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  for (const spawned of ctx.spawned) {
    const helper = ctx.facts.scopes[namedScope(ctx, spawned.scope)]
    if (!helper || helper.id === 0 || !helper.name || sleepAfter(ctx, spawned, helper.id)) continue
    if (waitsAfter(ctx, spawned, helper.at)) continue
    const port = spawned.port ? `port ${spawned.port}` : 'its port'
    hits.push(
      ...sleepingCallers(
        ctx,
        helper,
        `starts a server process that binds ${port} some time later (line ${spawned.at.line})`,
      ),
    )
  }
  return hits
}

/**
 * The calls of a helper that starts a server and returns without waiting, made by code that then
 * sleeps: the guess is the caller's, and the finding spans the call to the sleep.
 */
function sleepingCallers(ctx: RuleContext, helper: Scope, what: string): Hit[] {
  const hits: Hit[] = []
  for (const call of ctx.facts.calls) {
    if (call.name !== helper.name || !/^(?:|this|self|cls)$/.test(call.receiver)) continue
    const caller = namedScope(ctx, call.scope)
    if (caller === helper.id || !inTest(ctx, call.scope)) continue
    const sleep = sleepAfter(ctx, call, caller)
    if (!sleep) continue
    hits.push({
      rule: 'PORT007',
      severity: 'warning',
      at: spanning(statementAround(ctx.facts, call.at), sleep.at),
      code: call.text,
      message:
        `\`${helper.name}\` ${what}, and the fixed sleep on line ${sleep.at.line} only guesses ` +
        'when: on a loaded runner the test connects first (ECONNREFUSED). Wait until the port ' +
        'accepts a connection, or have the server report it.',
    })
  }
  return hits
}

/** Accepting a connection on a listening socket. */
const ACCEPTS = /^(?:accept|Accept|accept_async)$/
/** Calls that start something, a server when more says so (a name, a process, the sleep's comment). */
const STARTS = /^(?:start|Start|run|Run|serve|Serve|spawn|Spawn|listen|Listen)$/
/** Helpers named for starting a server: `startProxy`, `setup_urpc_server`, `initPrometheusExporter`. */
const NAMED_FOR_A_SERVER =
  /^(?:start|run|launch|boot|serve|setup|set_up|init|spawn)_?\w*(?:[sS]erver|[pP]roxy|[gG]ateway|[eE]xporter|[dD]aemon|[bB]roker|[aA]pp_?[pP]rocess)$/
/** Server classes whose `main` a test calls: it returns, so the servers it starts run on threads. */
const SERVER_CLASS_SUFFIX = /(?:[sS]erver|[pP]roxy|[gG]ateway|[dD]aemon|[bB]roker)$/
/** What makes a process object: frp's `process.NewWithEnvs(path, args, env)`, `exec.Command`. */
const PROCESS_MAKER =
  /(?:^|[.:])(?:[pP]rocess\.\w+|exec\.Command\w*|Command::new|Popen|ProcessBuilder)$/
/** Starting a process object; Go's `cmd.Run()` waits for the program to end, so it is not one. */
const STARTS_PROCESS = /^(?:start|Start|spawn)$/
/**
 * Calls that may stand between a start and its sleep: checking the start's error, logging, naming
 * the task (pymodbus's `task.set_name("mock_server")`).
 */
const ASIDE =
  /^(?:[eE]xpect\w*|assert\w*|[fF]atalf?|[eE]rrorf?|[lL]og\w*|[pP]rint\w*|NoError|Nil|[dD]ebug|[iI]nfo|[wW]arn\w*|unwrap|set_name|setName)$/

/** The sleep's own comment, or the one above its statement, says it waits for a server. */
function sleepWaitsForServer(ctx: RuleContext, sleep: Call): boolean {
  const line = sleep.at.line
  return ctx.facts.comments.some(
    (c) =>
      (c.trailing ? c.at.line === line : c.covers?.includes(line)) && WAITS_FOR_SERVER.test(c.text),
  )
}

/**
 * The started task serves a listener opened before it: it accepts on one (ockam's `tokio::spawn(
 * async move { listener.accept() … })` after `setup` bound it) or is handed one (`axum::serve(
 * listener, app)`), and binds none itself. The port is open already.
 */
function servesOpenListener(ctx: RuleContext, start: Call): boolean {
  const servesOpen = ctx.facts.calls.some(
    (c) =>
      contains(start.at, c.at) &&
      (ACCEPTS.test(c.name) ||
        (/^(?:serve|Serve)$/.test(c.name) && c.args.some((a) => OPEN_LISTENER.test(a.value.text)))),
  )
  return servesOpen && !ctx.listeners.some((l) => l.kind === 'server' && contains(start.at, l.at))
}

/**
 * How a call starts a server it does not wait for, when its name or object says so: a helper named
 * for it (not one of the file that binds before it returns, as a Go `startTestServer` doing
 * `net.Listen` then `go http.Serve(l)` does), a server class's `main`, or `Start()` on a process
 * object the function made.
 */
function namedStart(ctx: RuleContext, call: Call, processes: ReadonlySet<string>): boolean {
  if (NAMED_FOR_A_SERVER.test(call.name)) {
    const own = ctx.facts.scopes.find((s) => s.id !== 0 && s.name === call.name)
    return !own || !ctx.listeners.some((l) => l.kind === 'server' && contains(own.at, l.at))
  }
  if (call.name === 'main') return SERVER_CLASS_SUFFIX.test(call.receiver)
  if (!STARTS_PROCESS.test(call.name) || !processes.has(call.receiver)) return false
  const made = lastAssign(ctx.facts, call.receiver, call.at)
  return made?.value.kind === 'call' && PROCESS_MAKER.test(made.value.call.callee)
}

/**
 * A server started and, as the next thing the code does, a fixed sleep (py4j's
 * `pClient.startProxy(); Thread.sleep(250)`): the sleep guesses when the server binds. The start
 * counts when its name or object says it starts a server (`namedStart`), or when it is any start
 * whose sleep says in a comment that it waits for the server (pytest-listener's `res.start()` then
 * `# Wait for socket to become available`). A library's `server.Start()` alone does not: many bind
 * before they return (an HttpListener's `Start`). Reported when a client follows the sleep in the
 * function, or the function is not a test itself (a set-up, a fixture, a helper), whose callers
 * then talk to the server.
 */
function startedThenSleeps(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  // Calls and sleeps in source order; each candidate looks only from itself to its sleep.
  const ordered = [...facts.calls].sort((x, y) => x.at.start - y.at.start)
  const sleeps = ordered.filter(isSleep)
  if (sleeps.length === 0) return hits
  const loops = facts.blocks.filter((b) => b.kind === 'loop')
  const inLoop = (c: Call) => loops.some((b) => contains(b.at, c.at))
  const fixed = sleeps.filter((c) => !inLoop(c))
  // A loop that starts a server and then sleeps (frp's framework starting each server process of
  // a list) guesses once per server; a loop that only sleeps between asks polls, and a sleep in a
  // branch of the loop (a retry's back-off in `except`) waits after a failure, not a start. So
  // both the start and the sleep stand in the loop's own body.
  const loopSleeps = sleeps.flatMap((c) => {
    const block = innermostBlock(facts, c.at)
    return block?.kind === 'loop' ? [{ sleep: c, loop: block }] : []
  })
  const sleepInItsLoop = (start: Call): Call | undefined => {
    const loop = innermostBlock(facts, start.at)
    if (loop?.kind !== 'loop') return undefined
    for (const { sleep, loop: around } of loopSleeps) {
      if (sleep.at.start > loop.at.end) return undefined
      if (sleep.at.start > start.at.end && around === loop) return sleep
    }
    return undefined
  }
  // Without a sleep that says it waits for a server, only a named start can count.
  const noted = fixed.some((c) => sleepWaitsForServer(ctx, c))
  const starts = noted ? facts.calls.filter((c) => STARTS.test(c.name)) : []
  const processes = new Set(
    facts.assigns
      .filter((a) => a.value.kind === 'call' && PROCESS_MAKER.test(a.value.call.callee))
      .map((a) => a.target),
  )
  const firstAfter = (list: readonly Call[], offset: number) => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid]!.at.start > offset) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  for (const call of facts.calls) {
    const verb = STARTS.test(call.name)
    if (!verb && !NAMED_FOR_A_SERVER.test(call.name) && call.name !== 'main') continue
    const named = namedStart(ctx, call, processes)
    if ((!named && (!verb || !noted)) || !inTest(ctx, call.scope)) continue
    const scope = namedScope(ctx, call.scope)
    const fn = facts.scopes[scope]!
    // The first fixed sleep after the start in its function, or in the loop that starts it.
    const next = fixed[firstAfter(fixed, call.at.end)]
    const outside =
      next && (contains(fn.at, next.at) || next.at.start > fn.at.end) ? next : undefined
    const looped = sleepInItsLoop(call)
    const sleep = looped && (!outside || looped.at.start < outside.at.start) ? looped : outside
    if (!sleep || !contains(fn.at, sleep.at)) continue
    if (!named && !sleepWaitsForServer(ctx, sleep)) continue
    // A start inside another (a task the server task spawns) is that one's.
    if (!named && starts.some((o) => o !== call && contains(o.at, call.at))) continue
    // Nothing but asides stands between; for a start the sleep's comment speaks for, other starts
    // and what they run may (openrr's second `thread::spawn`, a loop), and the sleep is reported
    // once, from the first.
    let between = false
    for (let i = firstAfter(ordered, call.at.end); i < ordered.length; i++) {
      const c = ordered[i]!
      if (c.at.start >= sleep.at.start) break
      if (!named && STARTS.test(c.name)) {
        i = firstAfter(ordered, c.at.end) - 1
        continue
      }
      if (!ASIDE.test(c.name)) {
        between = true
        break
      }
    }
    if (between || hits.some((h) => h.at.endLine === sleep.at.endLine)) continue
    if (!named && servesOpenListener(ctx, call)) continue
    if (pollsNext(ctx, sleep, fn.at)) continue
    const client = facts.calls.find(
      (c) =>
        c.at.start > sleep.at.end && contains(fn.at, c.at) && CLIENT.test(c.name) && !lookup(c),
    )
    if (!client && (fn.test || fn.id === 0)) continue
    const then = client ? `\`${client.callee}\` on line ${client.at.line}` : 'the code after it'
    hits.push({
      rule: 'PORT007',
      severity: 'warning',
      at: spanning(statementAround(facts, call.at), sleep.at),
      code: call.text,
      message:
        `\`${call.callee}\` starts a server that binds some time after it returns, and the fixed ` +
        `sleep on line ${sleep.at.line} only guesses when: on a loaded runner ${then} connects ` +
        'first (ECONNREFUSED). Wait until the port accepts a connection, or have the server ' +
        'report it.',
    })
  }
  return hits
}

/** Calls a readiness loop makes: it asks the server, or sleeps between asks. */
const ASKS =
  /^(?:fetch|get|request|urlopen|connect|connect_ex|create_connection|Dial\w*|dial|ping|head)$/i

/**
 * The helper waits for the process itself before it returns: a call named for waiting, or a loop
 * after the spawn that asks the server or sleeps between asks (vellum's `startGateway` polling
 * `/healthz` until a deadline).
 */
function waitsAfter(ctx: RuleContext, spawned: { at: Span }, area: Span): boolean {
  const after = (at: Span) => at.start > spawned.at.end && contains(area, at)
  return (
    ctx.facts.calls.some((c) => WAITS.test(c.name) && after(c.at)) ||
    ctx.facts.blocks.some(
      (b) =>
        b.kind === 'loop' &&
        after(b.at) &&
        (sleepsIn(ctx, b.at) ||
          ctx.facts.calls.some((c) => contains(b.at, c.at) && ASKS.test(c.name))),
    )
  )
}

/**
 * The next thing after the sleep is a loop that asks or sleeps between tries (go-redis's proxy
 * helpers: `time.Sleep(500ms)`, then `GET /stats` up to ten times): the sleep only spares the
 * first tries, the loop waits.
 */
function pollsNext(ctx: RuleContext, sleep: Call, area: Span): boolean {
  const loop = ctx.facts.blocks.find(
    (b) => b.kind === 'loop' && b.at.start > sleep.at.end && contains(area, b.at),
  )
  if (!loop) return false
  const between = (at: Span) => at.start > sleep.at.end && at.start < loop.at.start
  return (
    !ctx.facts.calls.some((c) => between(c.at)) &&
    waitsAfter(ctx, sleep, { ...loop.at, start: sleep.at.end })
  )
}

/** A loopback or wildcard address with a port written into a string: `"127.0.0.1:{}"`. */
const LOCAL_ADDRESS_TEXT = /["'](?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1?\]):/

/** Rust's ways to run a future or closure on its own: `tokio::spawn`, `task::spawn`, `thread::spawn`. */
const RUST_SPAWN = /^(?:(?:\w+::)*(?:tokio|task|thread|actix_rt|smol))$/

/**
 * Rust: a task or thread that runs a server (`tokio::spawn(async move { server.run().await })`,
 * `task::spawn(async move { app.listen(&bind).await })`) followed by a fixed sleep in the same
 * function, the test's guess at when the port is open (openosaka/castled, http-rs/tide).
 */
function rust(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  for (const call of facts.calls) {
    if (call.name !== 'spawn' || !RUST_SPAWN.test(call.receiver) || !inTest(ctx, call.scope))
      continue
    // A task given a local address to run on (peer-observer's `format!("127.0.0.1:{}", port)`
    // handed to `p2p_extractor::run(args, …)`) runs a server there, whatever its receiver; not
    // one that dials the address (`TcpStream::connect("127.0.0.1:7000")`, then `session.run()`).
    const addressed =
      LOCAL_ADDRESS_TEXT.test(call.text) &&
      !facts.calls.some(
        (c) =>
          contains(call.at, c.at) &&
          CLIENT.test(c.name) &&
          c.args.some((a) => LOCAL_ADDRESS_TEXT.test(a.value.text)),
      )
    const serves =
      ctx.listeners.some((l) => contains(call.at, l.at)) ||
      facts.calls.some(
        (c) =>
          contains(call.at, c.at) &&
          /^(?:run|serve|listen|bind|start)$/.test(c.name) &&
          (addressed ||
            SERVER_RECEIVER.test(c.receiver) ||
            SERVER_RECEIVER.test(constructedType(c.receiver))),
      )
    if (!serves) continue
    const sleep = sleepAfter(ctx, call, namedScope(ctx, call.scope))
    if (!sleep || handshakes(ctx, call, sleep)) continue
    hits.push(
      hit(
        call,
        `\`${call.callee}\` runs the server on its own, so the code after the fixed sleep on line ` +
          `${sleep.at.line} can run before the port is open (ECONNREFUSED on a loaded runner), and ` +
          'a bind error is lost.',
        { ...call, at: statementAround(facts, call.at) },
        sleep,
      ),
    )
  }
  return hits
}

/**
 * The task signals and the test waits for the signal before the sleep: a `Barrier` both wait on,
 * a channel the task sends on (gns-rs's `server_ready.wait()` after `listen`, judged by a
 * reviewer). The test then waits for the server, and the sleep is for something else.
 */
function handshakes(ctx: RuleContext, spawn: Call, sleep: Call): boolean {
  const signals = ctx.facts.calls.some(
    (c) =>
      contains(spawn.at, c.at) && /^(?:wait|send|try_send|notify_one|notify_all)$/.test(c.name),
  )
  return (
    signals &&
    ctx.facts.calls.some(
      (c) =>
        /^(?:wait|recv|recv_timeout|blocking_recv)$/.test(c.name) &&
        c.at.start > spawn.at.end &&
        c.at.end < sleep.at.start,
    )
  )
}

/** The type a Rust chain starts by constructing: `Server::new(1024..=65535, secret)` → `Server`. */
function constructedType(receiver: string): string {
  return /^(?:\w+::)*(\w+)::\w+\(/.exec(receiver)?.[1] ?? ''
}

/** A thread telling others it is ready: a latch, a future, a semaphore, a queue. */
const SIGNALS =
  /^(?:countDown|complete|set|release|signal|signalAll|notify|notifyAll|offer|put|succeed)$/
/** JVM ways to run code on another thread: `thread.start()`, `executor.execute(r)`, `submit(r)`. */
const RUNS_ELSEWHERE = /^(?:execute|submit|runAsync|supplyAsync)$/
/** Waits a JVM test makes for a task: a latch, a join, a future's result, a poll. */
const JVM_WAITS = /^(?:await|join|get|acquire|awaitTermination)$/

/**
 * The code a JVM thread runs, when the file shows it: the `new Thread(…)` (with its anonymous
 * body or lambda) that `start()` is called on, or the runnable handed to an executor, written in
 * place or held in a variable (`Runnable runServer = new Runnable() {…}`).
 */
function jvmThreadBody(ctx: RuleContext, call: Call): Span | undefined {
  if (call.name === 'start') return startedThread(ctx, call)
  const built = (name: string) =>
    ctx.facts.assigns.findLast((a) => a.target === name && a.at.end <= call.at.start)
  if (!RUNS_ELSEWHERE.test(call.name) || call.args.length !== 1) return undefined
  const task = call.args[0]!
  if (task.value.kind === 'function' || /^new\s*Runnable\b/.test(task.value.text)) return task.at
  return task.value.kind === 'name' ? built(task.value.name)?.at : undefined
}

/** The body starts a server: a listener in it, `new …Server(…)`, or `start()`/`run()` on a server. */
function startsServerIn(ctx: RuleContext, body: Span, thread: Call): boolean {
  return (
    // A C sockaddr filled in the body counts with the bind that takes it: a client thread fills
    // one to connect (TizenRT's `client_connect`).
    ctx.listeners.some(
      (l) =>
        l.kind === 'server' &&
        contains(body, l.at) &&
        (l.call !== undefined || !/\bsin6?_port\b/.test(l.text)),
    ) ||
    ctx.facts.calls.some(
      (c) => c !== thread && contains(body, c.at) && startsServer(ctx, c, thread, body),
    )
  )
}

function startsServer(ctx: RuleContext, c: Call, thread: Call, body: Span): boolean {
  if (c.isNew && /Server$/.test(c.name)) {
    const held = ctx.facts.assigns.find((a) => contains(a.at, c.at))
    return !held || !openedBefore(ctx, held.name, thread, body)
  }
  return (
    // .NET names them `Run`, `StartAsync`.
    /^(?:start|run|serve|listen|bind)(?:Async)?$/i.test(c.name) &&
    /server/i.test(c.receiver) &&
    !openedBefore(ctx, c.receiver, thread, body)
  )
}

/** Names of a listening socket handed to a server: oatpp's `connectionProvider`, `serverSocket`. */
const OPEN_LISTENER = /(?:[pP]rovider|[lL]istener|[aA]cceptor|[sS]ocket)\b/

/**
 * The server was bound before the thread started (glaze's `server_.bind("127.0.0.1", port_)`,
 * then `std::async(… server_.start(2) …)`; grpc-java's `int serverPort = server.init();
 * executor.execute(server)`) or built on a listener opened elsewhere (oatpp's
 * `Server(connectionProvider, handler)`, whose provider binds when it is made): the thread only
 * accepts, and a client can connect at once.
 */
function openedBefore(ctx: RuleContext, server: string, thread: Call, body: Span): boolean {
  // What the thread's own code does (thrift's `server = getServer(…, tServerSocket, …)` inside
  // `run()`) happens on the thread, not before it; another method's is another test's.
  const area = ctx.facts.scopes[namedScope(ctx, thread.scope)]!.at
  const outside = (at: Span) => !contains(body, at) && contains(area, at)
  const bound = calledBefore(ctx, server, /^(?:bind|listen|init|prepare)$/, thread, body)
  const built = lastAssign(ctx.facts, server, thread.at, (a) => outside(a.at))
  return (
    bound ||
    (built?.value.kind === 'call' &&
      built.value.call.args.some((a) => OPEN_LISTENER.test(a.value.text)))
  )
}

/** How one language family runs code on another thread and waits for it. */
interface Threads {
  /** The code a call runs on another thread, when the file shows it. */
  body: (ctx: RuleContext, call: Call) => Span | undefined
  /** Calls by which the thread tells others it is ready. */
  signals: RegExp
  /** Calls by which the test waits for the thread. */
  waits: RegExp
  /** Calls that talk to the server. */
  client: RegExp
  /** What the client sees when it comes too early. */
  refused: string
}

const JVM_THREADS: Threads = {
  body: jvmThreadBody,
  signals: SIGNALS,
  waits: JVM_WAITS,
  client: CLIENT,
  refused: 'ConnectException: Connection refused on a loaded runner',
}

/**
 * The `new Thread(…)` that an argument-less `start()`/`Start()` is called on, written in place or
 * held in a variable: its span, which holds the code the thread runs.
 */
function startedThread(ctx: RuleContext, call: Call): Span | undefined {
  if (call.args.length !== 0) return undefined
  if (/^new\s*Thread\b/.test(call.receiver)) return call.at
  const thread = ctx.facts.assigns.findLast(
    (a) => a.target === call.receiver && a.at.end <= call.at.start,
  )
  const value = thread?.value
  // Kotlin builds it without `new`: `val server = Thread { … }`.
  return value?.kind === 'call' &&
    (value.call.isNew || ctx.family === 'kotlin') &&
    value.call.name === 'Thread'
    ? thread!.at
    : undefined
}

/**
 * .NET: the delegate handed to `Task.Run`, `Task.Factory.StartNew` or
 * `ThreadPool.QueueUserWorkItem`, or the `new Thread(…)` that `Start()` is called on (RestSharp's
 * test server: `Task.Run(() => _server.Run(_cts.Token))` in its constructor).
 */
function dotnetTaskBody(ctx: RuleContext, call: Call): Span | undefined {
  const queued =
    (call.name === 'Run' && call.receiver === 'Task') ||
    (call.name === 'StartNew' && /^Task\.Factory$/.test(call.receiver)) ||
    (call.name === 'QueueUserWorkItem' && /ThreadPool$/.test(call.receiver))
  if (queued) {
    const task = call.args[0]
    return task?.value.kind === 'function' ? task.at : undefined
  }
  return call.name === 'Start' ? startedThread(ctx, call) : undefined
}

const DOTNET_THREADS: Threads = {
  body: dotnetTaskBody,
  signals: /^(?:SetResult|TrySetResult|Set|Release|Signal|SignalAndWait)$/,
  waits: /^(?:Wait|WaitAsync|WaitOne|WaitAll|WaitAny|Join|GetAwaiter|GetResult)$/,
  client: CLIENT,
  refused: 'SocketException: Connection refused on a loaded runner',
}

/**
 * C and C++: the function `pthread_create` is handed, or the callable of a `std::thread` (also
 * one made by `std::make_unique<std::thread>`) or of `std::async`: a lambda written in place, or
 * a function of the file named by it.
 */
function nativeThreadBody(ctx: RuleContext, call: Call): Span | undefined {
  let task: Call['args'][number] | undefined
  if (call.name === 'pthread_create') task = call.args[2]
  else if (
    /^(?:std::)?thread$/.test(call.callee) ||
    /^std::make_(?:unique|shared)<std::thread>/.test(call.text)
  )
    task = call.args[0]
  else if (call.callee === 'std::async')
    task = call.args.find((a) => !/^std::launch::/.test(a.value.text))
  if (!task) return undefined
  if (task.value.kind === 'function') return task.at
  const name = task.value.text.replace(/^&/, '')
  return ctx.facts.scopes.find((s) => s.id !== 0 && s.name === name && s.role === 'declared')?.at
}

const NATIVE_THREADS: Threads = {
  body: nativeThreadBody,
  signals:
    /^(?:pthread_cond_signal|pthread_cond_broadcast|sem_post|pthread_barrier_wait|set_value|count_?[dD]own|arrive|[sS]ignal\w*|[nN]otify\w*)$/,
  waits:
    /^(?:pthread_cond_wait|pthread_cond_timedwait|sem_wait|sem_timedwait|pthread_barrier_wait|pthread_join|join|wait|wait_for|wait_until|get|arrive_and_wait)$/,
  // Not `post`, which is asio's way to queue work, nor `get`, a smart pointer's.
  client: /^(?:connect|Connect|Get|Post|Put|Delete|Head|Patch|Options|request|send_request)$/,
  refused: 'ECONNREFUSED on a loaded runner',
}

/**
 * A thread or an executor's task that starts a server (fmi's java-course
 * `serverStarterThread.start()` in `@BeforeClass`, heron's `threadPools.execute(runServer)`,
 * TizenRT's `pthread_create(&server_thread, NULL, server_connect, …)`), and then a client, a
 * fixed sleep, or the end of a set-up method or helper, with nothing in between that waits for
 * it (a latch's `await`, a `join`, a semaphore, a poll): the caller can talk to the server before
 * it listens.
 */
function threadedServers(ctx: RuleContext, threads: Threads): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  for (const call of facts.calls) {
    if (!inTest(ctx, call.scope)) continue
    const body = threads.body(ctx, call)
    if (!body || !startsServerIn(ctx, body, call)) continue
    // The thread signals once the server started (heron's `serverStartedSignal.countDown()`,
    // smarthome's `serverStarted.complete(…)`): whoever talks to it waits on the signal.
    if (facts.calls.some((c) => contains(body, c.at) && threads.signals.test(c.name))) continue
    const scope = namedScope(ctx, call.scope)
    const fn = facts.scopes[scope]!
    const area = fn.at
    const after = (at: Span) => at.start > call.at.end && contains(area, at) && !contains(body, at)
    const client = facts.calls.find(
      (c) =>
        after(c.at) &&
        (threads.client.test(c.name) || connectsIn(ctx, threads.body(ctx, c))) &&
        !RUNS_ELSEWHERE.test(c.name),
    )
    // Only a wait before the client counts: joining the server thread at the end does not. A
    // wait is read from where it ends, as a parse that stumbled on a macro may start it with the
    // thread's statement (cpp-httplib's `std::thread(…); svr.wait_until_ready();`).
    const before = (at: Span) =>
      at.end > call.at.end &&
      contains(area, at) &&
      !contains(body, at) &&
      (!client || at.end <= client.at.start)
    const waits = facts.calls.some(
      (c) =>
        before(c.at) && (threads.waits.test(c.name) || CHECKS.test(c.name) || WAITS.test(c.name)),
    )
    const polls = facts.blocks.some((b) => b.kind === 'loop' && before(b.at))
    if (waits || polls) continue
    const sleep = sleepAfter(ctx, call, scope)
    // A test method that talks to nothing after the start leaves no caller to guess.
    const leaves = !client && !fn.test && fn.id !== 0
    if (!client && !leaves) continue
    const then = client
      ? `\`${client.callee}\` on line ${client.at.line}`
      : sleep
        ? `the code after the fixed sleep on line ${sleep.at.line}`
        : 'the tests that run after it'
    // A thread built in the function before it starts (`val server = Thread { … }`, a runnable
    // in a variable) is reported from where it is built, the code that races.
    const built = body.start < call.at.start && contains(area, body)
    hits.push(
      hit(
        call,
        `The server starts on another thread, so ${then} can run before it listens ` +
          `(${threads.refused}).`,
        built ? { at: spanning(body, call.at) } : call,
        client ?? sleep,
      ),
    )
  }
  return hits
}

/** A client thread: the code it runs connects (TizenRT's `pthread_create(…, client_connect, …)`). */
function connectsIn(ctx: RuleContext, body: Span | undefined): boolean {
  return (
    body !== undefined &&
    ctx.facts.calls.some((c) => contains(body, c.at) && /^(?:connect|Connect)$/.test(c.name))
  )
}

export const serveBeforeListen: Rule = (ctx) => {
  const hits = [...byFamily(ctx), ...spawnedThenSleeps(ctx)]
  // A start read by a rule above already has its finding.
  const reported = (h: Hit) => hits.some((o) => o.at.line <= h.at.line && h.at.line <= o.at.endLine)
  return [...hits, ...startedThenSleeps(ctx).filter((h) => !reported(h))]
}

function byFamily(ctx: RuleContext): Hit[] {
  if (ctx.family === 'java' || ctx.family === 'kotlin') return threadedServers(ctx, JVM_THREADS)
  if (ctx.family === 'c') return threadedServers(ctx, NATIVE_THREADS)
  if (ctx.family === 'csharp') return threadedServers(ctx, DOTNET_THREADS)
  if (ctx.family === 'rust') return rust(ctx)
  if (ctx.family === 'go') return go(ctx)
  if (ctx.family === 'js') return js(ctx)
  if (ctx.family === 'python') return python(ctx)
  return []
}
