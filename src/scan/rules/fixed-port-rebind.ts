// PORT006: the same fixed port bound again after the first listener closed, by a socket that
// TIME_WAIT can refuse, including a fixed-port bind inside a loop that closes it.
import { contains, type Span } from '../facts.ts'
import { C_BIND, type Listener } from '../listeners.ts'
import type { Hit, Rule, RuleContext } from './context.ts'
import { CLOSE, inTest, namedScope } from './context.ts'
import { enablesReuseAddress } from './reuse-options.ts'

/** Python's socketserver classes whose allow_reuse_address is off (HTTPServer turns it on). */
const PY_PLAIN_SERVERS = /^(?:TCPServer|ThreadingTCPServer|ForkingTCPServer)$/

/** Kotlin/Native source sets, where ktor binds raw POSIX sockets without SO_REUSEADDR. */
const KOTLIN_NATIVE = /(?:^|\/)(?:nix|native|posix|darwin|linux|mingw|ios|macos)\w*\//i

/**
 * A rebind over TIME_WAIT fails only on Linux and macOS, and only for a socket without
 * SO_REUSEADDR (the probe's tcp4-timewait-rebind-* scenarios; Windows lets a plain bind pass).
 * Most runtimes set the option on every TCP listener they open: libuv (Node), Go's net package,
 * Rust's std and mio, the JVM's server sockets, .NET's Socket.Bind, Python's asyncio,
 * socket.create_server, http.server and tornado. What is left is a socket the test binds itself.
 */
function timeWaitCanRefuse(ctx: RuleContext, l: Listener): boolean {
  const name = l.call?.name ?? 'bind'
  const raw = (() => {
    switch (ctx.family) {
      // The system call, not a C++ wrapper's method (`server.bind(1234)`), which may set the option.
      case 'c':
        return C_BIND.test(name) && (l.call?.receiver ?? '') === ''
      case 'python':
        return name === 'bind' || PY_PLAIN_SERVERS.test(name)
      // socket2's and tokio's TcpSocket; `TcpListener::bind` and servers set the option.
      case 'rust':
        return name === 'bind' && /^[a-z_][\w.]*$/.test(l.call?.receiver ?? '')
      case 'kotlin':
        return KOTLIN_NATIVE.test(ctx.path)
      default:
        return false
    }
  })()
  return raw && !enablesReuseAddress(ctx) && !datagram(ctx, l)
}

/** UDP has no TIME_WAIT: a datagram socket made in the same function. */
function datagram(ctx: RuleContext, l: Listener): boolean {
  const area = ctx.facts.scopes[namedScope(ctx, l.scope)]!.at
  return ctx.facts.calls.some(
    (c) =>
      contains(area, c.at) &&
      c.args.some((a) => /(?:^|\.)(?:SOCK_DGRAM|Datagram|DGRAM)$/.test(a.value.text)),
  )
}

const hit = (at: Span, code: string, message: string): Hit => ({
  rule: 'PORT006',
  severity: 'warning',
  at,
  code,
  message,
})

export const fixedPortRebind: Rule = (ctx) => {
  const { facts } = ctx
  const fixed = ctx.listeners
    // A counted port is a new number each time it is read: no rebind.
    .filter(
      (l) =>
        l.port.kind === 'fixed' &&
        !l.port.counted &&
        l.kind === 'server' &&
        inTest(ctx, l.scope) &&
        timeWaitCanRefuse(ctx, l),
    )
    .sort((a, b) => a.at.start - b.at.start)
  const closes = facts.calls.filter((c) => CLOSE.test(c.name))
  const hits: Hit[] = []
  const message = (port: number, line?: number) =>
    `Port ${port} is bound again ${line ? `after the listener on line ${line} was closed` : 'on every pass of this loop, after the previous one was closed'}, ` +
    'by a socket without SO_REUSEADDR: a connection the server closed first leaves the port in ' +
    'TIME_WAIT, and on Linux and macOS the rebind fails with EADDRINUSE for up to a minute or ' +
    'two (Windows lets it pass).'
  for (let i = 0; i < fixed.length; i++) {
    const current = fixed[i]!
    const port = current.port.kind === 'fixed' ? current.port.port : 0
    const earlier = fixed
      .slice(0, i)
      .reverse()
      .find((l) => l.port.kind === 'fixed' && l.port.port === port)
    if (
      earlier &&
      closes.some((c) => c.at.start > earlier.at.end && c.at.start < current.at.start)
    ) {
      hits.push(hit(current.at, current.text, message(port, earlier.at.line)))
      continue
    }
    const loop = facts.blocks.find((b) => b.kind === 'loop' && contains(b.at, current.at))
    if (loop && closes.some((c) => contains(loop.at, c.at) && c.at.start > current.at.start)) {
      hits.push(hit(current.at, current.text, message(port)))
    }
  }
  for (const call of facts.calls) {
    if (/restart\w*same_?ports?/i.test(call.name) && inTest(ctx, call.scope)) {
      hits.push(
        hit(
          call.at,
          call.text,
          `\`${call.callee}\` restarts servers on the ports they had: another process or a ` +
            'parallel test can take a port between the shutdown and the restart (EADDRINUSE), and ' +
            'a socket without SO_REUSEADDR also meets TIME_WAIT.',
        ),
      )
    }
  }
  return [...hits, ...releasedAddressRebinds(ctx)]
}

/**
 * The listener is closed only when its test ends, `defer l.Close()` or a cleanup handed
 * `l.Close`, and handed to no server that could close it sooner: still open at the second bind,
 * which is meant to fail with EADDRINUSE (AdGuardHome's `TestIsAddrInUse`; census 60).
 */
function closedOnlyAtTheEnd(ctx: RuleContext, held: string, scope: number): boolean {
  const area = ctx.facts.scopes[scope]!.at
  const calls = ctx.facts.calls.filter((c) => contains(area, c.at))
  const closes = calls.filter((c) => c.receiver === held && c.name === 'Close')
  const atTheEnd =
    closes.some((c) => c.defer) ||
    calls.some((c) => c.args.some((a) => a.value.text === `${held}.Close`))
  const closedSooner =
    closes.some((c) => !c.defer) || calls.some((c) => c.args.some((a) => a.value.text === held))
  return atTheEnd && !closedSooner
}

/** Go's listen calls and the listener variable whose address the second argument reads. */
const GO_LISTEN = /^(?:Listen|ListenPacket|ListenTCP)$/
const READS_ADDRESS = /^(\w+)\.Addr\(\)\.String\(\)$/

/**
 * Go: `net.Listen("tcp", lis.Addr().String())` binds the address of a listener of the file again,
 * which can only succeed once that listener closed (a server's `Stop()`, a cancelled context):
 * the port, often one the kernel chose, went free at the close, and until this bind any process
 * can take it (apiserver-network-proxy's reconnect test, waypoint's restart). SO_REUSEADDR does
 * not help: the race is with another owner, not with TIME_WAIT.
 */
function releasedAddressRebinds(ctx: RuleContext): Hit[] {
  if (ctx.family !== 'go') return []
  const hits: Hit[] = []
  for (const call of ctx.facts.calls) {
    if (!GO_LISTEN.test(call.name) || !inTest(ctx, call.scope)) continue
    const held = READS_ADDRESS.exec(call.args[1]?.value.text ?? '')?.[1]
    if (!held) continue
    const before = ctx.facts.assigns.filter((a) => a.name === held && a.at.end <= call.at.start)
    // The listener made in a function around the call (rdk's `var listener net.Listener =
    // gotestutils.ReserveRandomListener(t)`), else one the file makes with a listen call.
    const around = before.findLast(
      (a) => a.value.kind === 'call' && contains(ctx.facts.scopes[a.scope]!.at, call.at),
    )
    const listener =
      around ?? before.find((a) => a.value.kind === 'call' && GO_LISTEN.test(a.value.call.name))
    if (!listener || (around && closedOnlyAtTheEnd(ctx, held, around.scope))) continue
    hits.push(
      hit(
        call.at,
        call.text,
        `This binds again the address of \`${held}\` (line ${listener.at.line}), which is free ` +
          'only because that listener closed: between the close and this bind another process or ' +
          'a parallel test can take the port (EADDRINUSE), whatever the socket options.',
      ),
    )
  }
  return hits
}
