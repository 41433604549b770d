// Probes: functions that bind or connect to a port they are asked about and answer whether it is
// free, or hand out a candidate they let go.
import type { Call, Exit, Scope, Span, Value } from '../../facts.ts'
import { contains } from '../../facts.ts'
import type { Listener } from '../../listeners.ts'
import type { RuleContext } from '../context.ts'
import { loopCounters } from '../../values.ts'
import {
  CLOSE,
  constructedConnected,
  escapeRegExp,
  hasWord,
  namedScope,
  rootOf,
} from '../context.ts'
import {
  BOOLEAN,
  CLIENT_CALL,
  CONNECT_PROBE,
  CONSTRUCTS_CONNECTED,
  DEAD_END,
  DIALS,
  READ_CALL,
} from './vocabulary.ts'
import {
  type Bound,
  argumentsText,
  declaredFunction,
  letsGo,
  numberOf,
  relates,
  socketVariable,
} from './socket-flow.ts'

export const connects = (ctx: RuleContext, call: Call) =>
  CONNECT_PROBE.test(call.name) ||
  (CONSTRUCTS_CONNECTED.has(ctx.family) && constructedConnected(call))

/**
 * The listener is a probe: of a drawn or counted candidate that a helper closes and hands out
 * (mcp-use's `getFreePort`, sensu-go's `ReservePort`), or a bind whose failure a function answers
 * no for. A bind that fails there only makes the caller try another number, so the race is
 * PORT002's, not a fixed port's.
 */
export function probesCandidate(ctx: RuleContext, l: Listener): boolean {
  if (l.kind !== 'server' || !l.call) return false
  const drawn = drawnCandidate(ctx, l)
  const bound = { at: l.at, bind: l.call, sock: socketVariable(ctx, l.call) }
  const scope = namedScope(ctx, l.scope)
  if (drawn) return candidateHandedOut(ctx, bound, scope) !== undefined
  return answersNoOnFailure(ctx, bound, scope)
}

/**
 * The listener's port is a candidate: drawn at random, counted up from a literal, or the counter
 * of a loop around it (`for (int port = 1024; …; port++) new DatagramSocket(port)`).
 */
export function drawnCandidate(ctx: RuleContext, l: Listener): boolean {
  if (l.port.kind === 'fixed' && (l.port.random || l.port.counted)) return true
  const args = l.call ? argumentsText(l.call) : ''
  const counted = (c: string) => hasWord(args, c)
  return ctx.facts.blocks.some(
    (b) =>
      b.kind === 'loop' &&
      contains(b.at, l.at) &&
      [...loopCounters(ctx.facts)].some((c) => counted(c) && hasWord(b.headText ?? '', c)),
  )
}

/**
 * A probe that answers no when its bind fails and lets the socket go, whatever its port reads as
 * (artio's `portIsUnbound()`: `try { ServerSocketChannel.open().bind(…port).close(); return true }
 * catch (BindException e) { return false }` on the counter field its caller `unusedPort()` steps,
 * whose first value read as a fixed port; census 57). Not a server that keeps the first port of a
 * range that binds (glaze's `for (p = 19100; …) { try { server_.bind("127.0.0.1", p); port_ = p;
 * break } … }`).
 */
function answersNoOnFailure(ctx: RuleContext, bound: Bound, scope: number): boolean {
  const fn = declaredFunction(ctx, scope)
  if (!fn || !answersYesOrNo(ctx, fn)) return false
  const { blocks, calls, exits } = ctx.facts
  const closed = calls.some(
    (c) =>
      CLOSE.test(c.name) &&
      c.at.start >= bound.at.start &&
      (contains(c.at, bound.at) ||
        (bound.sock !== '' &&
          contains(fn.at, c.at) &&
          relates(c.receiver, bound.sock, bound.bind))),
  )
  const answersNo = (b: { at: Span }) =>
    exits.some((e) => e.scope === fn.id && contains(b.at, e.at) && e.value?.kind === 'bool')
  return (
    closed &&
    blocks.some(
      (b) =>
        b.kind === 'catch' &&
        b.statement !== undefined &&
        contains(b.statement, bound.at) &&
        !contains(b.at, bound.at) &&
        answersNo(b),
    )
  )
}

/**
 * The probe's address is kept in a variable named for a dead endpoint (go-redis's `deadAddr :=
 * ln.Addr().String()`, then `ln.Close() // guaranteed-refused port`): only dialled, to be refused.
 */
export function namedDeadEnd(ctx: RuleContext, bound: Bound, scope: number): boolean {
  if (!bound.sock) return false
  return ctx.facts.assigns.some(
    (a) =>
      a.scope === scope &&
      a.at.start > bound.at.end &&
      DEAD_END.test(a.name) &&
      hasWord(a.value.text, bound.sock),
  )
}

/**
 * A function declared to return a boolean binds port 0 to learn something about the address
 * (trio's `can_bind_127_0_0_2() -> bool`): no number leaves it.
 */
export function onlyAnswers(ctx: RuleContext, l: Listener, scope: number): boolean {
  const fn = declaredFunction(ctx, scope)
  return l.port.kind === 'zero' && fn !== undefined && BOOLEAN.test(fn.returns)
}

/**
 * `isFree(port)`: a function binds the port its caller asks about, lets the socket go and answers
 * yes or no. The answer is stale when it arrives, since the probe no longer holds the port; the
 * caller binds it later (a probe-and-close loop over candidate ports), and the race is PORT002's.
 */
export function isAvailabilityProbe(ctx: RuleContext, bound: Bound, scope: number): boolean {
  const fn = declaredFunction(ctx, scope)
  if (!fn) return false
  const portArg = argumentsText(bound.bind)
  const asked = ctx.facts.params.some(
    (p) => contains(fn.at, p.at) && /port|addr|endpoint/i.test(p.name) && hasWord(portArg, p.name),
  )
  return asked && answersYesOrNo(ctx, fn) && pickedByCaller(ctx, fn) && letsGo(ctx, bound, fn)
}

/** `bool isFree(…)`, `return true` / `return False`, Go's `return true, nil`, `resolve(true)`. */
export function answersYesOrNo(ctx: RuleContext, fn: Scope): boolean {
  const { facts } = ctx
  const isBool = (v: Value | undefined) => v?.kind === 'bool'
  return (
    BOOLEAN.test(fn.returns) ||
    facts.exits.some(
      (e) =>
        e.scope === fn.id &&
        (isBool(e.value) || (e.value?.kind === 'tuple' && isBool(e.value.items[0]))),
    ) ||
    facts.calls.some(
      (c) => c.name === 'resolve' && contains(fn.at, c.at) && isBool(c.args[0]?.value),
    )
  )
}

/**
 * Asked by code that then hands out the number it asked about (`if (isFree(p)) return p`, a loop
 * over candidates); a test asserting that a port was released asks without picking.
 */
export function pickedByCaller(ctx: RuleContext, fn: Scope): boolean {
  return picks(ctx, fn.name, fn).length > 0
}

/** The calls of a probe whose caller then returns the number it asked about, with that return. */
export function picks(ctx: RuleContext, name: string, fn: Scope): { call: Call; handOut: Exit }[] {
  const { facts } = ctx
  return facts.calls.flatMap((c) => {
    if (c.name !== name || contains(fn.at, c.at)) return []
    // Returning the probe's answer is no hand-out of the number (dd-trace-py's
    // `_wait_for_port_release`: `return _port_is_available(port)`).
    const asking = new RegExp(`(?<![\\w$.])${escapeRegExp(name)}\\s*\\([^()]*\\)`, 'g')
    const returned = (asked: string) =>
      facts.exits.find(
        (e) =>
          e.scope === c.scope &&
          e.at.start > c.at.start &&
          hasWord(e.text.replace(asking, ''), asked),
      )
    // …or an address built from it: netty's `isTcpPortAvailable(new InetSocketAddress(port))`
    // held in a variable, then `return port`.
    const builtFromReturned = (asked: string) => {
      for (const a of facts.assigns) {
        if (a.name !== asked || a.scope !== c.scope || a.at.end > c.at.start) continue
        for (const word of a.value.text.match(/[A-Za-z_$][\w$]*/g) ?? []) {
          const exit = returned(word)
          if (exit) return exit
        }
      }
      return undefined
    }
    // …or keeps it for the caller's server, right after the answer (actual-sync's `if (await
    // portFree(candidate)) { testPort = candidate; break; }`).
    const kept = (asked: string): Exit | undefined => {
      const a = facts.assigns.find(
        (a) =>
          a.scope === c.scope &&
          a.at.start > c.at.end &&
          a.at.line <= c.at.endLine + 1 &&
          a.value.kind === 'name' &&
          a.value.text === asked &&
          a.name !== asked,
      )
      return (
        a && { at: a.at, text: `${a.target} = ${a.value.text}`, scope: a.scope, value: a.value }
      )
    }
    for (const a of c.args) {
      if (a.value.kind !== 'name') continue
      const handOut =
        returned(a.value.text) ?? builtFromReturned(a.value.text) ?? kept(a.value.text)
      if (handOut) return [{ call: c, handOut }]
    }
    return []
  })
}

/**
 * `getPortNumber()`: a function binds a candidate number held in one of its variables (a counter,
 * a random draw), lets the socket go, and hands the number out, as it is or converted
 * (`p = Integer.toString(pn); return p`). The caller binds it later: the same race as port 0's.
 * Returns the candidate's variable.
 */
export function candidateHandedOut(
  ctx: RuleContext,
  bound: Bound,
  scope: number,
): string | undefined {
  const { facts } = ctx
  const fn = declaredFunction(ctx, scope)
  if (!fn) return undefined
  // The candidate is a variable of the function that the bind names, as its port or inside an
  // address (`$"http://localhost:{currentPort}/"`). A parameter counts once the function draws a
  // new value into it (pytest-server-fixtures' `port = random.randrange(…)` on a failed bind).
  const named = argumentsText(bound.bind)
  const candidates = facts.assigns.filter(
    (a) =>
      // Python declares by assigning: `port = random.randint(*PORT_RANGE)` (clipper's find_unbound_port).
      (a.declaration || ctx.family === 'python') &&
      contains(fn.at, a.at) &&
      a.at.start < bound.at.start &&
      hasWord(named, a.name),
  )
  // The port rather than the host beside it: `s.bind((host, port))`.
  const candidate = (candidates.find((a) => /port/i.test(a.name)) ?? candidates[0])?.name
  if (!candidate) return undefined
  // `listener.Prefixes.Add(…)`: the socket is the variable the bind is called on.
  const root = rootOf(bound.bind.receiver)
  const sock =
    bound.sock ||
    (facts.assigns.some((a) => a.name === root && contains(fn.at, a.at) && a.value.kind === 'call')
      ? root
      : '')
  if (!letsGo(ctx, { ...bound, sock }, fn)) return undefined
  const carriers = new Set([candidate])
  // A connection dialled to the candidate while the socket is open carries no number (nbio's
  // `conn, err = net.Dial("tcp", addr)` … `return conn`, census 53).
  const dialled = (v: Value) =>
    v.kind === 'call' && (DIALS.test(v.call.name) || CLIENT_CALL.test(v.call.name))
  for (const a of facts.assigns) {
    if (
      contains(fn.at, a.at) &&
      a.at.start > bound.at.start &&
      hasWord(a.value.text, candidate) &&
      !dialled(a.value)
    )
      carriers.add(a.name)
  }
  // Go returns a list: `return port` and `return port, nil` hand out its first item, perhaps
  // converted (sensu-go's `return int(port), nil`).
  const first = (v: Value | undefined) => (v?.kind === 'tuple' ? v.items[0] : v)
  // …or the port read back off the socket (ksql's `try (ServerSocket socket = new
  // ServerSocket(portToTry)) { return socket.getLocalPort(); }`).
  const readBack = (v: Value) =>
    v.kind === 'call' &&
    READ_CALL.test(v.call.name) &&
    sock !== '' &&
    rootOf(v.call.receiver) === sock
  const handedOut = facts.exits.some((e) => {
    const value = first(e.value)
    if (e.scope !== fn.id || !value) return false
    if (readBack(value)) return true
    return value.kind === 'name'
      ? carriers.has(value.name)
      : [...carriers].some((c) => numberOf(value.text, c))
  })
  return handedOut ? candidate : undefined
}
