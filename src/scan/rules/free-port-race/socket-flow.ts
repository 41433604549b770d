// Following a bound socket and the number read from it: which variable holds the socket, where
// the port is read, where the number goes and whether the socket is let go.
import type { Assign, Call, FileFacts, Scope, Span, Value } from '../../facts.ts'
import { contains, declaresVariable, innermostAssign } from '../../facts.ts'
import type { RuleContext } from '../context.ts'
import { CLOSE, escapeRegExp, hasWord, rootOf, scopeSpan } from '../context.ts'
import {
  CLIENT_CALL,
  DIALS,
  DROPS_ON_SCOPE_EXIT,
  ESCAPE_CALL,
  NOT_A_USE,
  NOT_A_VARIABLE,
  READ_CALL,
  READ_WORD,
} from './vocabulary.ts'

/** Reading a socket's port keeps nothing of the socket: `s.getsockname()[1]`, `l.Addr()`. */
export function portReadsOf(sock: string): RegExp {
  const s = escapeRegExp(sock)
  return new RegExp(
    `${s}\\s*\\.\\s*(?:getsockname\\(\\)|server_address|server_port|address\\(\\)|Addr\\(\\)|local_addr\\(\\)[^,)]*|local_endpoint\\(\\)|localPort|getLocalPort\\(\\))` +
      // Rust's nix asks about a descriptor: `getsockname(probe.as_raw_fd())`.
      `|getsockname(?:::<[^>]*>)?\\(\\s*&?${s}(?:\\.as_(?:raw_)?fd\\(\\))?\\s*\\)`,
    'g',
  )
}

/**
 * A C-style `getsockname(probe.as_raw_fd())` asking about the socket by its descriptor (also
 * nix's `getsockname::<SockaddrIn>(fd)`, which the facts hold as a call of `getsockname`).
 */
export const asksAbout = (c: Call, sock: string) =>
  sock !== '' &&
  ((c.receiver === '' && c.name === 'getsockname') ||
    (c.name === '' && c.receiver === 'getsockname')) &&
  hasWord(c.args[0]?.value.text ?? '', sock)

/** What follows a read that keeps only the address: `.ok()?.ip()`, `[0]`, `.address`. */
const ADDRESS_TAIL =
  /^(?:\?|\.(?:ok|unwrap|expect)\([^()]*\))*(?:\.(?:ip|IP|address|host|hostname|getAddress|getHostAddress|getHostString)\b|\[0\])/

/**
 * The read goes on to the address and drops the port: rama's `socket.local_addr().ok()?.ip()` on a
 * UDP socket connected only to learn the route's source address, Python's `s.getsockname()[0]`.
 */
function readsAddressOnly(facts: FileFacts, read: Call): boolean {
  const squash = (t: string) => t.replace(/\s+/g, '')
  const head = squash(read.text)
  const tail = (t: string) => {
    const text = squash(t)
    return text.startsWith(head) && ADDRESS_TAIL.test(text.slice(head.length))
  }
  return (
    facts.calls.some((c) => c !== read && contains(c.at, read.at) && tail(c.text)) ||
    facts.assigns.some((a) => contains(a.at, read.at) && tail(a.value.text))
  )
}

/**
 * The socket goes when the function returns: CPython's refcount, Rust's drop, and a C++ object
 * built on the stack (clio's `tcp::acceptor acceptor(io_context);` in `generateFreePort()`, whose
 * destructor closes it as `return acceptor.local_endpoint().port();` hands the number out). Not a
 * C++ pointer or descriptor, which stays open until closed.
 */
export function dropsOnScopeExit(ctx: RuleContext, sock: string): boolean {
  if (DROPS_ON_SCOPE_EXIT.has(ctx.family)) return true
  return ctx.language === 'cpp' && ctx.facts.calls.some((c) => declaresVariable(c, sock))
}

export interface Bound {
  /** Where the socket is bound. */
  at: Span
  /** The binding call. */
  bind: Call
  /** The variable holding the socket ('' when the file does not name one). */
  sock: string
  /** Port reads the facts do not show as such (a call of a local binder returns the port). */
  reads?: Span[]
}

export interface Flow {
  escapes: Span[]
  stores: Span[]
  uses: Span[]
}

/** Where the port read from the socket goes: out of the function, onto the object, into calls. */
export function portFlow(ctx: RuleContext, bound: Bound, scope: number): Flow | undefined {
  const { facts } = ctx
  const { bind, sock } = bound
  const area = scopeSpan(ctx, scope)
  const inArea = (at: Span) => contains(area, at) && at.start >= bound.at.start

  const reads: Span[] = [
    ...(bound.reads ?? []),
    ...facts.calls
      .filter(
        (c) =>
          inArea(c.at) &&
          ((READ_CALL.test(c.name) && relates(c.receiver, sock, bind)) || asksAbout(c, sock)) &&
          !readsAddressOnly(facts, c),
      )
      .map((c) => c.at),
    ...facts.words.filter((w) => READ_WORD.test(w.text) && inArea(w.at)).map((w) => w.at),
  ]
  // Nobody reads the port: nothing to race for.
  if (reads.length === 0) return undefined

  const portVars = new Set<string>()
  const take = (target: string) => {
    for (const id of target.match(/[A-Za-z_$][\w$]*/g) ?? []) {
      if (!NOT_A_VARIABLE.has(id) && id !== '_') portVars.add(id)
    }
  }
  const local = facts.assigns.filter((a) => contains(area, a.at))
  // A connection dialled to the port (`conn, err := net.Dial("tcp", l.Addr().String())`) is no
  // port: returning it hands on a connection made while the socket was open.
  // Also a connection further down a chain (rsocket's `connectWith(TcpClientTransport.create(
  // server.address())).doFinally(…)`).
  // So is a client built around it (iggy's `client = AsyncIggyTcpClient.builder().port(
  // server.getLocalPort())….build()`, kept on the test object only to be closed; census 67).
  const dialled = (a: Assign) =>
    a.value.kind === 'call' &&
    (CLIENT_CALL.test(a.value.call.name) ||
      CLIENT_BUILT.test(a.value.text) ||
      facts.calls.some(
        (c) =>
          DIALS.test(c.name) &&
          contains(a.at, c.at) &&
          reads.some((r) => c.args.some((arg) => contains(arg.at, r))),
      ))
  // Go's `_, p, err := net.SplitHostPort(l.Addr().String())`: the port is one of the results.
  const named = (a: Assign) => [
    a.target,
    ...(a.results ?? []).filter((r) => !/^(?:_|err)$/.test(r)),
  ]
  for (const a of local) {
    if (reads.some((r) => contains(a.at, r)) && !dialled(a)) named(a).forEach(take)
  }
  // …and a field of them, perhaps converted: `const addr = srv.address(); const p = addr.port`,
  // `port = int(addr[1])`, or destructured: `const { port } = address`. Not any value a port
  // variable takes part in (`c = NewConsumer(addr)`).
  const fieldTaken = (a: Assign, v: string) =>
    fieldOf(a.value.text, v) ||
    numberOf(a.value.text, v) ||
    // An alias (Go's `tcpAddr, _ := addr.(*net.TCPAddr)`, a type assertion the facts hold as
    // `addr`) or a destructuring (`const { port } = address`).
    a.value.text.trim() === v
  // …or split off an address read before (mockoidc's `addr := listener.Addr().String()`, then
  // `_, port, err := net.SplitHostPort(addr)`).
  const splits = (a: Assign, v: string) =>
    a.value.kind === 'call' &&
    a.value.call.name === 'SplitHostPort' &&
    a.value.call.args.some((arg) => arg.value.text.trim() === v)
  for (let pass = 0; pass < 2; pass++) {
    for (const a of local) {
      if (a.at.start <= bound.at.start) continue
      if ([...portVars].some((v) => fieldTaken(a, v))) take(a.target)
      else if ([...portVars].some((v) => splits(a, v))) named(a).forEach(take)
    }
  }
  // …and a list the number is added to, which the function hands on whole (runtimed's
  // `ports.push(bound_port)` in a loop whose listener drops each turn, then `Ok(ports)`).
  for (const c of facts.calls) {
    if (
      COLLECTS.test(c.name) &&
      /^[A-Za-z_$][\w$]*$/.test(c.receiver) &&
      c.at.start > bound.at.start &&
      inArea(c.at) &&
      c.args.some((a) =>
        [...portVars].some((v) => a.value.text.trim() === v || fieldOf(a.value.text, v)),
      )
    )
      take(c.receiver)
  }
  const carriesPort = (at: Span, text: string) =>
    reads.some((r) => contains(at, r)) || [...portVars].some((v) => hasWord(text, v))

  // The number leaving the function: returned, resolved, stored on the object…
  const escapes: Span[] = [
    ...facts.exits
      .filter((e) => contains(area, e.at) && carriesPort(e.at, e.text))
      .map((e) => e.at),
    ...facts.calls
      .filter(
        (c) =>
          ESCAPE_CALL.test(c.name) &&
          c.receiver === '' &&
          inArea(c.at) &&
          carriesPort(c.at, c.text),
      )
      .map((c) => c.at),
  ]
  // Kept on the object (a setUp method) or in a variable of the code around (a test's `let port`):
  // used after this function, so after any close in it. Not a connection dialled to it while the
  // socket is open (go-libp2p's `newConnPair`: `client, clientErr = net.Dial(…, addr.String())`).
  const stores: Span[] = facts.assigns
    .filter(
      (a) =>
        inArea(a.at) &&
        (/^(?:self|this|@|cls)\b/.test(a.target) || outerVariable(ctx, a, area)) &&
        carriesPort(a.at, a.value.text) &&
        !dialled(a),
    )
    .map((a) => a.at)
  escapes.push(...stores)
  // …or handed to someone else inside it (a child process, a server constructor).
  const uses: Span[] = facts.calls
    .filter(
      (c) =>
        inArea(c.at) &&
        !READ_CALL.test(c.name) &&
        !CLOSE.test(c.name) &&
        !NOT_A_USE.test(c.name) &&
        c.args.some((a) => [...portVars].some((v) => hasWord(a.value.text, v))),
    )
    .map((c) => c.at)
  if (escapes.length === 0 && uses.length === 0) return undefined
  return { escapes, stores, uses }
}

/** Adding to a list or set: `push`, `append`, `add`, `Add`, `insert`. */
const COLLECTS = /^(?:push|append|add|Add|insert|push_back)$/

/** A value that a client type builds: `AsyncIggyTcpClient.builder()…`, `new HttpClient(…)`, `createClient(…)`. */
const CLIENT_BUILT = /^(?:new\s+)?[\w.$]*Client\b/

/**
 * A plain assignment to a name the function neither declares nor takes as a parameter: a field
 * (Java's `port = s.getLocalPort()` in a setUp method) or a variable of an enclosing function. In
 * Python and Rust such an assignment declares a local, so it is not one there.
 */
export function outerVariable(ctx: RuleContext, assign: Assign, area: Span): boolean {
  if (DROPS_ON_SCOPE_EXIT.has(ctx.family) || assign.declaration) return false
  // Go's blank identifier keeps nothing: `_, err = run(port)` stores no number.
  if (!/^[A-Za-z_$][\w$]*$/.test(assign.target) || assign.target === '_') return false
  // C#'s object initializer sets a member of the object it builds: `new Builder { Host = … }`.
  const initializes = ctx.facts.calls.some(
    (c) => c.isNew && c.scope === assign.scope && contains(c.at, assign.at),
  )
  return !initializes && !hides(ctx, assign.target, area)
}

/** The function a scope is when it is a named declaration: not the file, not a literal. */
export function declaredFunction(ctx: RuleContext, scope: number): Scope | undefined {
  const fn = ctx.facts.scopes[scope]
  return fn && fn.id !== 0 && fn.name && fn.role === 'declared' ? fn : undefined
}

/** A bind's arguments as written, to find the names in them. */
export function argumentsText(bind: Call): string {
  return bind.args.map((a) => a.value.text).join(' ')
}

/** The probe's socket is let go: not returned or stored, and closed (or dropped) in the function. */
export function letsGo(ctx: RuleContext, bound: Bound, fn: Scope): boolean {
  const { facts } = ctx
  const { sock } = bound
  // Rust's `TcpListener::bind(addr).is_ok()`: only the answer is kept, the listener is dropped
  // at the end of the statement.
  if (!sock)
    return (
      ctx.family === 'rust' &&
      facts.calls.some((c) => /^is_(?:ok|err)$/.test(c.name) && contains(c.at, bound.bind.at))
    )
  const isSock = (v: Value | undefined) => v?.kind === 'name' && rootOf(v.name) === sock
  const returned = facts.exits.some(
    (e) =>
      e.scope === fn.id &&
      (isSock(e.value) || (e.value?.kind === 'tuple' && e.value.items.some(isSock))),
  )
  // Go's blank identifier keeps nothing: `_ = l.Close()`; nor does reading the socket's port
  // (`port = s.getsockname()[1]`) or keeping the close's error (sensu-go's `err, ok :=
  // ln.Close().(*net.OpError)`).
  const reads = portReadsOf(sock)
  const closing = new RegExp(`${escapeRegExp(sock)}\\s*\\.\\s*(?:close|Close)\\(\\)`, 'g')
  const stored = facts.assigns.some(
    (a) =>
      contains(fn.at, a.at) &&
      // Not the answer of a promise that wraps the probe itself (mcp-use's `const free = await
      // new Promise((resolve) => { const server = createServer(); server.listen(…) })`).
      !contains(a.at, bound.at) &&
      hasWord(a.value.text.replace(reads, '').replace(closing, ''), sock) &&
      a.target !== sock &&
      a.target !== '_',
  )
  if (returned || stored) return false
  if (dropsOnScopeExit(ctx, sock)) return true
  const area = fn.at
  // try-with-resources, `using`, `with`: the block that opened the socket closes it, whether it
  // binds in the header or on the variable the header declares (`try (ServerSocket s = new
  // ServerSocket()) { s.bind(…) }`, x-pipe's isUsable).
  const opens = (head: Span) =>
    contains(head, bound.at) || facts.assigns.some((a) => a.name === sock && contains(head, a.at))
  if (facts.blocks.some((k) => k.head && contains(area, k.at) && opens(k.head))) return true
  return facts.calls.some(
    (c) =>
      contains(area, c.at) &&
      c.at.start > bound.at.start &&
      CLOSE.test(c.name) &&
      (relates(c.receiver, sock, bound.bind) || c.args.some((a) => a.value.text === sock)),
  )
}

/** The number a variable holds, converted: Go's `strconv.Atoi(p)`, `int(p)`, `Number(p)`. */
export function numberOf(text: string, variable: string): boolean {
  const v = escapeRegExp(variable)
  return new RegExp(
    `^(?:strconv\\.Atoi|strconv\\.ParseU?int|int|Number|parseInt|Integer\\.parseInt|Integer\\.valueOf)\\(\\s*${v}\\s*(?:,[^()]*)?\\)$`,
  ).test(text.trim())
}

/** `addr.port`, `addr[1]`, `int(addr.port)`, `Number(addr.port)`: the variable's value or a field of it. */
function fieldOf(text: string, variable: string): boolean {
  const v = escapeRegExp(variable)
  // `addr.port`, `addr[1]`, `int(addr[1])`, and a conversion without arguments on the way:
  // Rust's `addr.to_string()`, `addr.port()`.
  return new RegExp(`^(?:[\\w.]+\\()?\\s*${v}(?:\\??\\.\\w+(?:\\(\\))?|\\[\\w+\\])+\\s*\\)?$`).test(
    text.trim(),
  )
}

/** The variable holding the bound socket, if the file names one. */
export function socketVariable(ctx: RuleContext, bind: Call): string {
  if (
    // C#'s `socket.Bind(…)` binds its receiver; Go's `lc.Listen(…)` returns a new listener.
    (/^(?:bind|listen)$/.test(bind.name) || (ctx.family === 'csharp' && bind.name === 'Bind')) &&
    /^(?:(?:self|this)\.)?[a-z_$][\w$]*$/.test(bind.receiver)
  ) {
    // Node's and Python's modules, not sockets; elsewhere `socket` is a variable (C#'s `socket.Bind`).
    const modules =
      ctx.family === 'js' || ctx.family === 'python'
        ? /^(?:net|socket|tls|dgram|http|https)$/
        : /^(?:net|tls|http|https)$/
    if (!modules.test(bind.receiver)) return bind.receiver
  }
  // Rust's nix binds a descriptor: `bind(receive.as_raw_fd(), &lo)` binds `receive`, which lives
  // until the function ends.
  if (
    ctx.family === 'rust' &&
    bind.name === 'bind' &&
    bind.receiver === '' &&
    bind.args.length === 2
  ) {
    const fd = /^&?(?:mut\s+)?([a-z_][\w]*)(?:\.as_raw_fd\(\)|\.as_fd\(\))?$/.exec(
      bind.args[0]?.value.text ?? '',
    )?.[1]
    if (fd) return fd
  }
  // Java NIO's `channel.socket().bind(…)` binds the channel's own socket.
  const channel = /^([a-z_$][\w$]*)\.socket\(\)$/.exec(bind.receiver)?.[1]
  if (channel) return channel
  // Python's `with ThreadingHTTPServer(("localhost", 0), Handler) as server:` names it after `as`.
  const opened = ctx.facts.blocks.find(
    (b) => b.kind === 'with' && b.head && contains(b.head, bind.at),
  )
  const named = /\bas\s+([A-Za-z_]\w*)\s*$/.exec(opened?.headText ?? '')?.[1]
  if (named) return named
  const best = innermostAssign(ctx.facts, bind.at)
  if (!best) return ''
  // `let port = TcpListener::bind(…).unwrap().local_addr().unwrap().port()`: the variable gets
  // the number; the socket itself is an unnamed temporary, gone at once.
  const area = best.at
  const readsAtOnce = ctx.facts.calls.some(
    (c) => READ_CALL.test(c.name) && contains(area, c.at) && c.receiver.includes(bind.callee),
  )
  if (readsAtOnce) return ''
  const first = best.target
    .split(',')[0]!
    .trim()
    .replace(/^(?:mut\s+)/, '')
  return /^(?:(?:self|this)\.)?[\w$]+$/.test(first) ? first : ''
}

/** The socket given to a function that ends it: Rust's `drop(probe)`. */
export function closesArgument(call: Call, sock: string): boolean {
  return sock !== '' && call.receiver === '' && call.args[0]?.value.text === sock
}

/** A call on the socket: same variable, or chained on the bind itself. */
export function relates(receiver: string, sock: string, bind: Call): boolean {
  if (sock) return receiver === sock || rootOf(receiver) === sock || receiver.startsWith(`${sock}.`)
  return receiver.includes(bind.callee) || receiver === ''
}

/** The variable a call's result is assigned to: `val port = findRandomPort()`. */
export function heldBy(facts: FileFacts, call: Call): Assign | undefined {
  return facts.assigns.find(
    (a) => a.value.kind === 'call' && a.value.call.at.start === call.at.start,
  )
}

/** The function declares a local or parameter of that name. */
export function hides(ctx: RuleContext, name: string, area: Span): boolean {
  const here = (at: Span, n: string) => contains(area, at) && n === name
  // Go declares every name of `l, err := net.Listen(…)`, not only the first.
  const declares = (a: Assign) => here(a.at, a.name) || (a.results ?? []).some((r) => here(a.at, r))
  return (
    ctx.facts.assigns.some((a) => a.declaration && declares(a)) ||
    ctx.facts.declaredOnly.some((d) => here(d.at, d.name)) ||
    ctx.facts.params.some((p) => here(p.at, p.name))
  )
}
