// Whether the socket is closed before its number is used: the close on the way out of a
// function, a finally, a callback, a failure path, an event handler, or the socket dropped.
import type { Call, FileFacts, Scope, Span } from '../../facts.ts'
import { contains, innermostAssign } from '../../facts.ts'
import type { RuleContext } from '../context.ts'
import {
  CLEANUP,
  CLOSE,
  escapeRegExp,
  hasWord,
  inCompletion,
  insideAny,
  rootOf,
  scopeSpan,
} from '../context.ts'
import {
  type Bound,
  type Flow,
  asksAbout,
  closesArgument,
  dropsOnScopeExit,
  portReadsOf,
  relates,
} from './socket-flow.ts'
import { CLEANUP_REGISTRATION, EVENT_HANDLER } from './vocabulary.ts'

/** The socket is closed (or dropped) before the number is used. */
export function closesFirst(ctx: RuleContext, bound: Bound, scope: number, flow: Flow): boolean {
  const { facts } = ctx
  const { bind, sock } = bound
  const { escapes, stores, uses } = flow
  const area = scopeSpan(ctx, scope)

  // An explicit close of the socket before (or around) the moment the number leaves.
  const closes = facts.calls
    .filter(
      (c) =>
        CLOSE.test(c.name) &&
        contains(area, c.at) &&
        c.at.start > bound.at.start &&
        (relates(c.receiver, sock, bind) || closesArgument(c, sock)) &&
        !insideAny(facts.calls, c.at, CLEANUP) &&
        !inCompletion(facts.calls, c.at) &&
        !afterFixtureUse(ctx, c, area) &&
        !acceptedBefore(ctx, c, bound, scope) &&
        // A close on the error path (kafka's NioEchoServer closes its channel only when its
        // constructor throws) does not run when the number leaves.
        !facts.blocks.some(
          (b) => b.kind === 'catch' && contains(area, b.at) && contains(b.at, c.at),
        ) &&
        !onFailurePath(ctx, c, area, escapes),
    )
    .flatMap((c) => whenRun(ctx, c, scope))
  for (const close of closes) {
    // A generator that yields the number, or yields after storing it, before the close (paho's
    // broker `serve()`, dulwich's `yield f"http://localhost:{server.server_port}"`, context
    // managers) holds the socket open while its caller uses the number.
    const yieldsFirst = facts.exits.some(
      (e) =>
        /^yield\b/.test(e.text) &&
        contains(area, e.at) &&
        (stores.some((st) => st.end <= e.at.start) || escapes.some((x) => contains(e.at, x))) &&
        e.at.end <= close.at.start,
    )
    if (yieldsFirst) continue
    if (stores.length > 0) return true
    // A close in `finally` runs after `return port` is evaluated but before the caller has the
    // number (async-http-client's `findFreePort`), unless a callback used it first.
    const fin = facts.blocks.find((b) => b.kind === 'finally' && contains(b.at, close.at))
    if (
      fin?.head &&
      escapes.some(
        (e) => contains(fin.head!, e) && e.start < fin.at.start && !usedByCallback(ctx, e, area),
      )
    )
      return true
    // A deferred close runs when the function returns: only a number it returns races with it,
    // not one that a function literal inside it returns to it while it still holds the socket
    // (boundary's `NewProxyDialer(ctx, func(…) { return net.Dial("tcp", l.Addr().String()) })`,
    // sarama's `broker, conn, cleanup := newConnectedBroker(t); defer cleanup()`).
    if (close.defer) {
      if (escapes.some((e) => !returnedWithin(ctx, e, scope))) return true
      continue
    }
    if ([...escapes, ...uses].some((e) => e.start > close.at.start || contains(close.at, e)))
      return true
  }
  // A with/using/try-with-resources block whose header opened the socket: it closes at the end of
  // the block, so a number that leaves inside or after it leaves with a closed socket.
  for (const block of facts.blocks) {
    if (!block.head || !contains(area, block.at)) continue
    const opened =
      contains(block.head, bound.at) ||
      (sock !== '' && facts.assigns.some((a) => contains(block.head!, a.at) && a.name === sock))
    // The socket itself (`with closing(sock):`, `using (listener)`), not what a call on it gives
    // (DnsClientX's `using TcpClient client = await listener.AcceptTcpClientAsync()`, census 52).
    const socketInHeader =
      sock !== '' &&
      new RegExp(`(?<![\\w$.])${escapeRegExp(sock)}(?![\\w$.])`).test(block.headText ?? '')
    // A generator that yields inside the block (mitmproxy's `async with server: … yield
    // server.sockets[0].getsockname()`, a context manager) keeps it open while the caller runs.
    // So does a function literal inside it that hands the number back to the test's own code
    // (servicetalk's `try (ServerSocket s = new ServerSocket(0, …)) { … assertThrows(…, () ->
    // client.request(…)) }`, a client of the open socket; census 56).
    const heldOpen = (e: Span) =>
      contains(block.at, e) &&
      (facts.exits.some((x) => /^yield\b/.test(x.text) && contains(x.at, e)) ||
        returnedWithin(ctx, e, scope))
    if ((opened || socketInHeader) && escapes.some((e) => e.start > block.at.start && !heldOpen(e)))
      return true
  }
  // Kotlin `ServerSocket(0).use { it.localPort }`, or `socket.use { it.localPort }` on the
  // variable that holds it (iroha-java's findFreePorts).
  for (const use of facts.calls) {
    if (
      ctx.family === 'kotlin' &&
      use.name === 'use' &&
      (contains(use.at, bound.at) || (sock !== '' && use.receiver === sock)) &&
      escapes.some((e) => contains(use.at, e))
    ) {
      return true
    }
  }
  if (ctx.family === 'rust' && blockYieldsPort(ctx, bound, area)) return true
  // Nobody keeps the socket: it closes when the function returns (CPython refcount, Rust drop),
  // so a number that leaves the function races; one used inside it is used while the variable
  // still holds the socket open. An unnamed socket is gone at once.
  if (dropsOnScopeExit(ctx, sock))
    return (sock === '' || escapes.length > 0) && abandoned(ctx, sock, bind, area, escapes)
  return false
}

/**
 * Rust's block expression that binds inside and yields the number: `let port = { let listener =
 * TcpListener::bind((localhost(), 0))?; listener.local_addr()?.port() };` (cloud-sql-tracker's
 * tests, its issue #89). The listener is dropped at the block's closing brace, so everything that
 * uses `port` after it comes after the close.
 */
function blockYieldsPort(ctx: RuleContext, bound: Bound, area: Span): boolean {
  const { facts } = ctx
  const { sock } = bound
  if (!sock) return false
  const block = facts.assigns.find(
    (a) =>
      contains(area, a.at) &&
      contains(a.at, bound.at) &&
      a.name !== sock &&
      /^\{[\s\S]*\}$/.test(a.value.text.trim()),
  )
  if (!block) return false
  // Declared inside the block, and yielded through its port, not itself.
  const declared = facts.assigns.some((a) => a.name === sock && contains(block.at, a.at))
  const tail = block.value.text.trim().slice(0, -1).split(/;/).pop() ?? ''
  if (!declared || !hasWord(tail, sock) || !/\bport\(\)/.test(tail)) return false
  return facts.calls.some(
    (c) => contains(area, c.at) && c.at.start > block.at.end && hasWord(c.text, block.name),
  )
}

/**
 * The number leaves through a callback the caller passed in, which has used it when the call
 * returns (srvx's `withServer(fn)`: `try { return await fn(addr.port) } finally { await
 * server.close(true) }`; census 58). A JavaScript callback not awaited may go on after that.
 */
function usedByCallback(ctx: RuleContext, escape: Span, area: Span): boolean {
  const { calls, exits, params } = ctx.facts
  const exit = exits.find((x) => contains(x.at, escape))?.text ?? ''
  const awaited = (c: Call) =>
    c.awaited || new RegExp(`\\bawait\\s+${escapeRegExp(c.name)}\\s*\\(`).test(exit)
  return calls.some(
    (c) =>
      c.receiver === '' &&
      (contains(c.at, escape) || contains(escape, c.at)) &&
      (ctx.family !== 'js' || awaited(c)) &&
      params.some((p) => p.name === c.name && contains(area, p.at)),
  )
}

/**
 * The close stands in an `if` branch that then returns without the number: a failure's way out
 * (smux's `setupServer`: `if err != nil { ln.Close(); return "", nil, nil, err }` after a failed
 * dial, then `return ln.Addr().String(), func() { ln.Close() }, conn, nil` with the listener held;
 * census 56). A bare `return` may hand back named results, so it does not count. A close in the
 * condition runs on every path (prometheus's `if err := listener.Close(); err != nil { return
 * 0, err }`): the branch is what follows the `if`'s first line.
 */
function onFailurePath(ctx: RuleContext, close: Call, area: Span, escapes: Span[]): boolean {
  const { facts } = ctx
  return facts.blocks.some(
    (b) =>
      b.kind === 'if' &&
      contains(area, b.at) &&
      contains(b.at, close.at) &&
      close.at.line > b.at.line &&
      !escapes.some((e) => contains(b.at, e)) &&
      facts.exits.some(
        (e) =>
          /^return\b./.test(e.text) &&
          contains(b.at, e.at) &&
          e.at.start > close.at.end &&
          e.scope === close.scope,
      ),
  )
}

/**
 * The span is a `return` of a function nested in the scope, which hands its value back to the
 * scope's own code; unless the scope returns that function itself.
 */
function returnedWithin(ctx: RuleContext, at: Span, scope: number): boolean {
  const { facts } = ctx
  const exit = facts.exits.find((e) => e.at.start === at.start && e.at.end === at.end)
  const nested = exit && exit.scope !== scope ? facts.scopes[exit.scope] : undefined
  if (!nested || !contains(facts.scopes[scope]!.at, nested.at)) return false
  return !facts.exits.some((e) => e.scope === scope && contains(e.at, nested.at))
}

/**
 * A function of its own that closes the socket accepts a connection on it first, so the close
 * comes after a client used the port (DnsClientX's `async Task Serve() { using TcpClient client =
 * await listener.AcceptTcpClientAsync(); … listener.Stop(); }`, started before the port is
 * returned; census 52).
 */
function acceptedBefore(ctx: RuleContext, close: Call, bound: Bound, area: number): boolean {
  const { facts } = ctx
  const fn = facts.scopes[close.scope]!.at
  const accepts = facts.calls.filter(
    (c) =>
      /^[aA]ccept/.test(c.name) &&
      relates(c.receiver, bound.sock, bound.bind) &&
      contains(fn, c.at) &&
      c.at.start > bound.at.start &&
      c.at.end <= close.at.start,
  )
  if (close.scope !== area) return accepts.length > 0
  // In the same function, a number used after the close is used after it (repowise's TIME_WAIT
  // test accepts, closes, then asks whether the port is free): only a function of its own,
  // started and left to serve, closes once a client came, or a serving loop that accepts until
  // it is told to stop and closes after it (mcrouter's `MockServer.run`; census 63). Not a loop
  // that binds the number again on its next turn (paho's proxy, re-enabled on its saved port).
  return accepts.some((c) =>
    facts.blocks.some(
      (b) =>
        b.kind === 'loop' &&
        contains(b.at, c.at) &&
        !contains(b.at, bound.at) &&
        b.at.end <= close.at.start,
    ),
  )
}

/**
 * Where a close actually runs. A close inside a nested def or a function literal that is stored
 * or returned (a `stop` function handed to the caller) runs only where that function is called
 * in the area; callbacks passed to calls and literals called on the spot run where they stand.
 */
function whenRun(ctx: RuleContext, close: Call, area: number, depth = 0): Call[] {
  const { facts } = ctx
  // A goroutine closes when its work ends: `go func() { srv.ActivateAndServe(); pc.Close() }()`
  // serves on the socket first (miekg/dns's RunLocalUDPServer).
  if (facts.calls.some((c) => c.go && c !== close && contains(c.at, close.at))) return []
  // A deferred literal closes when the function returns: `defer func() { l.Close() }()` is a
  // deferred close (sensu-go's UDP handler test, reading from the listener it keeps).
  if (facts.calls.some((c) => c.defer && c !== close && contains(c.at, close.at)))
    return [{ ...close, defer: true }]
  for (let s = facts.scopes[close.scope]; s && s.id !== area && s.id !== 0;) {
    // An event handler runs when its event comes: a close in `ws.on('pong', () => wss.close())`
    // follows the connection that used the port (websockets/ws's tests), it does not precede it.
    // Also through a wrapper: ssh2's `server.on('connection', mustCall((conn) => …))`. A clean-up
    // registered for the end of the test runs after every use of the port (browser-sync's
    // `registerCleanupTask(function () { server.close() })`; census 74).
    if (s.role === 'argument' && runsLater(facts, s)) return []
    if (s.role === 'declared' || s.role === 'value') {
      const fn = s
      // The assignment of this literal, not of one around it (sarama's `cleanup := func() {…}`
      // inside `newConnectedBroker := func(…) {…}`).
      const own = innermostAssign(facts, fn.at)
      const name = fn.name || (own?.value.kind === 'function' ? own.name : '')
      if (!name) return []
      const within = facts.scopes[area]!.at
      // Each call runs when its own place does: node-mysql2's `checkDone()`, called from an
      // `on('error')` handler and a completion callback after the clients have dialled.
      return facts.calls
        .filter(
          (c) =>
            c.name === name &&
            c.receiver === '' &&
            contains(within, c.at) &&
            c.at.start > fn.at.end,
        )
        .flatMap((c) => (depth < 3 ? whenRun(ctx, c, area, depth + 1) : [c]))
    }
    s = facts.scopes[s.parent]
  }
  return [close]
}

/**
 * A Playwright fixture's `await use(value)` returns when the test is over, so what follows it is
 * teardown (client-certificates' `startCCServer` closes its port-0 server there, after the test
 * used the URL).
 */
function afterFixtureUse(ctx: RuleContext, close: Call, area: Span): boolean {
  return (
    ctx.family === 'js' &&
    ctx.facts.calls.some(
      (u) =>
        u.name === 'use' &&
        u.receiver === '' &&
        u.awaited &&
        contains(area, u.at) &&
        u.at.end <= close.at.start,
    )
  )
}

/** A function literal passed to an event's or a clean-up's registration, or to a wrapper inside one. */
function runsLater(facts: FileFacts, literal: Scope): boolean {
  const later = (name: string) => EVENT_HANDLER.test(name) || CLEANUP_REGISTRATION.test(name)
  if (later(literal.passedTo)) return true
  return facts.calls.some((c) => later(c.name) && c.args.some((a) => contains(a.at, literal.at)))
}

function abandoned(
  ctx: RuleContext,
  sock: string,
  bind: Call,
  area: Span,
  escapes: Span[],
): boolean {
  if (!sock) return true
  const { facts } = ctx
  // A generator's frame lives on while its caller uses what it yielded (karapace's
  // `allocate_port`: `yield sock.getsockname()[1]` inside the `with` that closes the socket).
  const yielded = (x: Span) => facts.exits.some((e) => /^yield\b/.test(e.text) && contains(e.at, x))
  if (escapes.length > 0 && escapes.every(yielded)) return false
  // A socket the function was given belongs to its caller, who keeps it.
  if (facts.params.some((p) => p.name === rootOf(sock) && contains(area, p.at))) return false
  // One kept in a field lives as long as its object (pytest-retry's `self.sock`, bound to port 0
  // and served on by a thread).
  if (/^(?:self|this|cls)\./.test(sock)) return false
  const reads = portReadsOf(sock)
  for (const e of facts.exits) {
    if (escapes.some((x) => x.start === e.at.start) && hasWord(e.text.replace(reads, ''), sock))
      return false
  }
  // `getsockname(probe.as_raw_fd())` and the `as_raw_fd()` in it only ask about the socket.
  const asking = facts.calls.filter((c) => asksAbout(c, sock))
  for (const c of facts.calls) {
    if (!contains(area, c.at) || c.at.start <= bind.at.start) continue
    if (asking.some((r) => contains(r.at, c.at))) continue
    if (c.args.some((a) => hasWord(a.value.text.replace(reads, ''), sock))) return false
    // Serving on it, or handing it over, keeps it open.
    if (
      rootOf(c.receiver) === sock &&
      /^(?:accept|serve_forever|serve|listen_forever|handle_request|run|start|Serve|incoming|into_std|set_nonblocking|detach|dup)$/.test(
        c.name,
      )
    ) {
      return false
    }
  }
  for (const a of facts.assigns) {
    if (
      contains(area, a.at) &&
      a.at.start > bind.at.start &&
      hasWord(a.value.text.replace(reads, ''), sock)
    ) {
      if (a.name !== sock) return false
    }
  }
  // Moved into a struct that serves on it: Rust's `Rpc { listener: rpc_listener, … }.serve()`.
  return !facts.entries.some(
    (e) =>
      contains(area, e.at) &&
      e.at.start > bind.at.start &&
      hasWord(e.value.text.replace(reads, ''), sock),
  )
}
