// Go: a server started in a goroutine (`go srv.ListenAndServe()`, a closure that serves) and a
// client that can dial before it listens.
import type { Assign, Call, Span, Value } from '../../facts.ts'
import { contains, lastAssign } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { hasWord, inTest, namedScope } from '../context.ts'
import { assignsByScope, constantsAt, literalNumber, resolve } from '../../values.ts'
import { LISTENING_HOOK, WAITS, calledBefore, clientAfter, hit, sleepAfter } from './after-start.ts'

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
    // A client's settings in the goroutine dial the port (rsocket-go's `TCPClient().
    // SetHostAndPort("127.0.0.1", port)`; census 76); the server's are read.
    if (CLIENT_BUILDER.test(call.receiver)) continue
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

/** A server's readiness signal: `srv.StartedCtx`, `s.Ready`, `server.listening`. */
const READINESS = /^[\w.]+\.(?:[sS]tarted|[rR]eady|[lL]istening|[sS]erving)\w*$/

/** A chain that builds a client: `TCPClient().…`, `NewClient(…).…`, `websocket.Dialer{…}.…`. */
const CLIENT_BUILDER = /(?:^|[.\s])(?:\w*Client|\w*Dialer)\(/

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
  // A constructor's call or a literal: hysteria's `&tcpEchoServer{Listener: echoListener}`.
  const built = lastAssign(ctx.facts, call.receiver, call.at)
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

/** Helpers named for starting a server: `RunServer`, `startTestServer`, chart-verifier's `ServeCharts`. */
const SERVER_HELPER = /^(?:(?:start|run|launch|boot|serve)_?\w*server|Serve[A-Z]\w*)$/i

/** Functions that start a server when called without arguments: `main`, `startServer`. */
const STARTS_A_SERVER = /^(?:main|(?:start|run|launch|boot|serve)_?\w*[Ss]erver)$/

export function go(ctx: RuleContext): Hit[] {
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
    // A goroutine's `ListenAndServe` opens the listener itself, so the address the server reports
    // is set only once it listens, and whatever is handed it may come first (gtcp's `go
    // srv.ListenAndServe()`, then `connectTCPClient(srv.ListenerAddr().String(), t)`).
    const listensItself = /^ListenAndServe(?:TLS)?$/.test(call.name)
    const client =
      clientAfter(
        ctx,
        started,
        scope,
        given && written(given),
        given?.kind === 'name' ? given.name : undefined,
      ) ??
      (listensItself
        ? ctx.facts.calls.find(
            (c) =>
              c.at.start > started.at.end &&
              contains(area, c.at) &&
              dialsListenAddress(c, call.receiver),
          )
        : undefined)
    if (client && !listensItself && dialsListenAddress(client, call.receiver)) continue
    if (builtOnOpenListener(ctx, call)) continue
    // miekg/dns calls the server's `NotifyStartedFunc` once it listens, fiber its
    // `ListenerAddrFunc`: a test that sets one waits on it (heminetwork's `close(started)`, then
    // `<-started`; fiber's `addrChan <- addr.String()`, then `<-addrChan`), in the literal or
    // set afterwards (lego's `server.NotifyStartedFunc = waitLock.Unlock`; censuses 60 and 61), or
    // given to a builder (rsocket-go's `Receive().OnStart(func() { close(started) })`; census 76).
    const hooked =
      ctx.facts.entries.some((e) => LISTENING_HOOK.test(e.key) && contains(area, e.at)) ||
      ctx.facts.assigns.some((a) => LISTENING_HOOK.test(a.name) && contains(area, a.at)) ||
      ctx.facts.calls.some(
        (c) =>
          LISTENING_HOOK.test(c.name) &&
          contains(area, c.at) &&
          c.args.some((a) => a.value.kind === 'function'),
      )
    if (hooked) continue
    const after = (at: Span) => at.start > started.at.end && contains(area, at)
    // A receive from the server's own readiness context, cancelled once it listens (olric's
    // `<-srv.StartedCtx.Done()` right after `go func() { srv.ListenAndServe() }()`; census 77).
    const readied = ctx.facts.calls.some(
      (c) =>
        after(c.at) &&
        c.name === 'Done' &&
        READINESS.test(c.receiver) &&
        (!client || c.at.start < client.at.start),
    )
    if (readied) continue
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
