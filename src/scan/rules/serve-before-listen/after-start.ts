// What a test does after it starts a server, shared by every language's reading: the first client
// that talks to it, the waits, polls and sleeps before that client, and the finding's shape.
import type { Call, Span, Value } from '../../facts.ts'
import { contains, spanning } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { hasWord, namedScope } from '../context.ts'
import { isSleep } from '../../server-helpers.ts'

/**
 * Options a Go server calls once it listens: miekg/dns's, fiber's, `OnListen`-style hooks, and
 * rsocket-go's builder `OnStart(func() { close(started) })`, called once the transport listens.
 */
export const LISTENING_HOOK =
  /^(?:NotifyStartedFunc|ListenerAddrFunc|OnListen\w*|OnStartup|OnStart)$/

export const CLIENT =
  /^(?:fetch|request|get|post|put|delete|head|patch|urlopen|create_connection|open_connection|connect|createConnection|Dial|DialTimeout|DialContext|Get|Post|Head|Do|NewRequest|NewRequestWithContext|openConnection|openStream|send|execute|newCall|GetAsync|PostAsync|SendAsync|GetStringAsync|Connect|ConnectAsync|HTTPConnection|HTTPSConnection|getresponse|supertest|axios|got|WebSocket|Socket|TcpClient|address)$/

/** Calls given the server's address that stop or check it rather than talk to it. */
const STOPS =
  /^(?:[cC]lose|[sS]top|[sS]hutdown|[kK]ill|assert\w*|[eE]qual|[eE]rrorf?|[lL]ogf?|[pP]rintf?|[pP]rintln)$/

export const CALLBACK_NAME =
  /^(?:resolve|res|r|done|cb|callback|next|ready|onListen\w*|onListening|listening)$/

/**
 * The first call after the server starts that talks to it: a known client call, or any call given
 * the server's own address text (miekg/dns's `c.Exchange(m, "127.0.0.1:8053")`) or a client value
 * built from its port.
 */
export function clientAfter(
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
export const lookup = (c: Call) => {
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
 * vector's `wait_for_tcp(addr)`, the wait-on package's `waitOn({ resources: [url] })`
 * (nightwatch's example globals; census 60).
 */
export const WAITS =
  /^(?:[wW]ait(?:For|Until)?_?\w*(?:[sS]erver|[rR]eady|[lL]isten\w*|[pP]ort|[uU]p|[tT]cp|[sS]ocket)|[eE]ventually|waitOn|wait_on)$/

/**
 * The request is tried again in a loop that sleeps between tries (`for i in range(50): try:
 * requests.get(url) … except ConnectionError: time.sleep(0.1)`): the test waits for the server.
 */
export function polls(ctx: RuleContext, client: Call, start: Call): boolean {
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
export function hit(
  call: Call,
  message: string,
  started: { at: Span } = call,
  until?: { at: Span },
): Hit {
  const end = until && until.at.end > call.at.end ? until.at : call.at
  const at = spanning(started.at, end)
  return { rule: 'PORT007', severity: 'warning', at, code: call.text, message }
}

export const SERVER_RECEIVER = /^(?:\w*app|application|\w*server|srv|httpd|api|site|web)$/i

/** A fixed sleep after `start` in the function, not inside a loop (a loop that sleeps polls). */
export function sleepAfter(ctx: RuleContext, start: { at: Span }, scope: number): Call | undefined {
  const area = ctx.facts.scopes[scope]!.at
  const polls = (at: Span) =>
    ctx.facts.blocks.some((b) => b.kind === 'loop' && contains(b.at, at) && contains(area, b.at))
  return ctx.facts.calls.find(
    (c) => isSleep(c) && c.at.start > start.at.end && contains(area, c.at) && !polls(c.at),
  )
}

/**
 * `server` was told to bind or listen (`verbs`) in the function that starts the thread or
 * goroutine, before it does (outside `skip`, the thread's own code): its socket is open already.
 */
export function calledBefore(
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
export const CHECKS = /[wW]ait|[rR]eady|[pP]oll|[uU]ntil|[sS]tartup/

/** A loop that sleeps between its tries polls (httpx's `while not server.started: sleep(1e-3)`). */
export const sleepsIn = (ctx: RuleContext, loop: Span) =>
  ctx.facts.calls.some((c) => contains(loop, c.at) && isSleep(c))

/** Calls a readiness loop makes: it asks the server, or sleeps between asks. */
const ASKS =
  /^(?:fetch|get|request|urlopen|connect|connect_ex|create_connection|Dial\w*|dial|ping|head)$/i

/**
 * The helper waits for the process itself before it returns: a call named for waiting, or a loop
 * after the spawn that asks the server or sleeps between asks (vellum's `startGateway` polling
 * `/healthz` until a deadline).
 */
export function waitsAfter(ctx: RuleContext, spawned: { at: Span }, area: Span): boolean {
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
export function pollsNext(ctx: RuleContext, sleep: Call, area: Span): boolean {
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
