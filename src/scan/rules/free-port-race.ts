// PORT002: a port number is obtained by binding port 0 (or calling a helper that does), and the
// socket is closed before the number is used. Applies to all code, since such helpers often live
// outside test directories; outside tests the severity is lower. This file finds the functions
// that bind and let go; free-port-race/ holds how a socket's number is followed (socket-flow),
// when its close comes first (closes-first), probes (probes), the callers of free-port helpers
// (helper-calls), the words they are known by (vocabulary) and how findings are reported.
import type { Scope, Span } from '../facts.ts'
import { contains, spanning } from '../facts.ts'
import { probeLoops } from '../server-helpers.ts'
import { runByHand } from '../test-files.ts'
import type { Hit, Rule, RuleContext } from './context.ts'
import { hasWord, inTest, namedScope, rootOf } from './context.ts'
import { DEAD_END, LISTENER_TABLE } from './free-port-race/vocabulary.ts'
import { refusalExpected, severityIn, unrunInTestFile } from './free-port-race/reporting.ts'
import {
  type Bound,
  argumentsText,
  declaredFunction,
  outerVariable,
  portFlow,
  socketVariable,
} from './free-port-race/socket-flow.ts'
import {
  answersYesOrNo,
  candidateHandedOut,
  drawnCandidate,
  connects,
  isAvailabilityProbe,
  namedDeadEnd,
  onlyAnswers,
  pickedByCaller,
  picks,
} from './free-port-race/probes.ts'
import { helperCalls } from './free-port-race/helper-calls.ts'
import { closesFirst } from './free-port-race/closes-first.ts'

export const freePortRace: Rule = (ctx) => {
  // A program kept to be run by hand, outside the tests (pycurl's `examples/ws_callback.py`,
  // census 53), races only when someone runs it; library code the tests run is still read.
  if (!ctx.testFile && runByHand(ctx.path)) return []
  const hits: Hit[] = []
  const racyFunctions = new Set<number>()
  const probes = new Set<number>()
  const nameOf = (scope: number) => {
    const name = ctx.facts.scopes[scope]?.name
    return name ? `\`${name}\`` : 'This code'
  }
  const hit = (at: Span, code: string, scope: number, what: string) => {
    // A helper, or a test, named for a dead endpoint (kafka-python's `test_connect_refused_raises`
    // probes a port only to be refused there).
    if (DEAD_END.test(ctx.facts.scopes[namedScope(ctx, scope)]?.name ?? '')) return
    if (unrunInTestFile(ctx, scope)) return
    // A helper's callers are reported too (helperCalls); a probe's are not.
    racyFunctions.add(scope)
    hits.push({
      rule: 'PORT002',
      severity: severityIn(ctx, scope),
      at,
      code,
      message:
        `${nameOf(scope)} ${what}, reads the port and lets the socket close ` +
        'before the number is used: another process or a parallel test can take the port in ' +
        'between (EADDRINUSE, or a client talking to the wrong server), on every OS.',
    })
  }
  // One finding per probing function, however many sockets it tries (TCP and UDP, say).
  const probeHit = (from: Span, code: string, scope: number, what: string) => {
    probes.add(scope)
    const fn = ctx.facts.scopes[scope]!
    hits.push({
      rule: 'PORT002',
      severity: severityIn(ctx, scope),
      // From the definition, where the fix belongs, to the answer or the number it hands out.
      at: spanning(fn.at, latest([from, ...handOuts(ctx, fn, from)])),
      code,
      message:
        `${nameOf(scope)} ${what}: nothing holds the port then, so ` +
        'another process or a parallel test can take it before the caller binds it ' +
        '(EADDRINUSE, or a client talking to the wrong server), on every OS.',
    })
  }
  // A probe of a candidate that hands the number out is a free-port helper: its callers are
  // reported as a port-0 helper's are (clipper's find_unbound_port()).
  const handOutHit = (from: Span, code: string, scope: number, what: string) => {
    probeHit(from, code, scope, what)
    racyFunctions.add(scope)
  }
  const binders = new Set<string>()
  /** Availability probes of this file, by name. */
  const askers = new Map<string, number>()
  /** Probes that connect rather than bind, by name. */
  const connecting = new Set<string>()
  for (const l of ctx.listeners) {
    // Port 0, or a port the file does not pin down (a probe of a candidate, a parameter), or a
    // candidate drawn at random or counted (orbs' aRandomPort, weaver's reserve_test_port).
    if (l.kind !== 'server' || !l.call) continue
    // A port from the program's command line is its caller's choice (krb5's uu-server, `sin_port =
    // htons(atoi(argv[1]))`; census 70).
    if (l.port.kind === 'unknown' && FROM_COMMAND_LINE.test(l.text)) continue
    const drawn = drawnCandidate(ctx, l)
    if (l.port.kind === 'fixed' && !drawn) continue
    const scope = namedScope(ctx, l.scope)
    const bound = { at: l.at, bind: l.call, sock: socketVariable(ctx, l.call) }
    if (!drawn && isBinder(ctx, bound, scope)) binders.add(ctx.facts.scopes[scope]!.name)
    if (racyFunctions.has(scope) || probes.has(scope)) continue
    if (!drawn && (namedDeadEnd(ctx, bound, l.scope) || onlyAnswers(ctx, l, scope))) continue
    if (!drawn && refusalExpected(ctx, scope, bound.at)) continue
    if (!drawn && isRace(ctx, bound, scope))
      hit(
        helperSpan(ctx, bound, scope) ?? inlineSpan(ctx, bound, scope),
        l.text,
        scope,
        'binds port 0',
      )
    else if (!drawn && isAvailabilityProbe(ctx, bound, scope)) {
      const what =
        'binds the port it is asked about and closes the socket to answer whether it is free'
      probeHit(bound.at, l.text, scope, what)
      askers.set(ctx.facts.scopes[scope]!.name, scope)
    } else {
      const candidate = candidateHandedOut(ctx, bound, scope)
      const what = `binds candidate port \`${candidate}\`, closes the socket and hands the number out`
      if (candidate) handOutHit(bound.at, l.text, scope, what)
    }
  }
  // The same answer got by connecting (`s.connect_ex((host, port)) == 0`): nobody listens now,
  // which reserves the port no better (google-auth-library-python-oauthlib's `is_port_in_use`).
  for (const call of ctx.facts.calls) {
    if (!connects(ctx, call)) continue
    const scope = namedScope(ctx, call.scope)
    const fn = declaredFunction(ctx, scope)
    if (!fn || probes.has(scope) || racyFunctions.has(scope)) continue
    const asked = ctx.facts.params.some(
      (p) => contains(fn.at, p.at) && /port/i.test(p.name) && hasWord(argumentsText(call), p.name),
    )
    const answers =
      answersYesOrNo(ctx, fn) ||
      ctx.facts.exits.some((e) => e.scope === fn.id && /[!=]=\s*0\s*$/.test(e.text))
    if (!asked || !answers || !pickedByCaller(ctx, fn)) continue
    probeHit(
      call.at,
      call.text,
      scope,
      'connects to the port it is asked about to answer whether it is free',
    )
    askers.set(fn.name, scope)
    connecting.add(fn.name)
  }
  for (const call of ctx.facts.calls) {
    if (!LISTENER_TABLE.test(call.name)) continue
    const scope = namedScope(ctx, call.scope)
    const fn = ctx.facts.scopes[scope]
    if (!fn?.name || fn.id === 0 || probes.has(scope) || racyFunctions.has(scope)) continue
    // It hands out a port it picked: not a yes or no about one it was given, nor the table itself
    // (psutil's own `net_connections`, which returns the list of connections it gathered).
    const picks = ctx.facts.exits.some(
      (e) => e.scope === fn.id && e.value?.kind === 'name' && /port/i.test(e.value.text),
    )
    const what = `picks a port that the system's table of sockets shows unused (\`${call.name}\`)`
    if (picks) probeHit(call.at, call.text, scope, `${what} and hands it out`)
  }
  // A function that asks such a probe about a number and hands that number out (`if
  // (isTcpPortFree(candidate)) return candidate`) is a free-port helper itself: reported at its
  // definition, as other helpers are, and its callers as theirs are.
  for (const [name, probe] of askers) {
    for (const { call, handOut } of picks(ctx, name, ctx.facts.scopes[probe]!)) {
      const scope = namedScope(ctx, call.scope)
      const fn = declaredFunction(ctx, scope)
      if (!fn || !contains(fn.at, handOut.at) || probes.has(scope) || racyFunctions.has(scope))
        continue
      racyFunctions.add(scope)
      hits.push({
        rule: 'PORT002',
        severity: severityIn(ctx, scope),
        at: spanning(fn.at, handOut.at),
        code: call.text,
        message:
          `${nameOf(scope)} hands out a port that \`${name}\` (line ${ctx.facts.scopes[probe]!.at.line}) ` +
          `found free by ${connecting.has(name) ? 'connecting to it' : 'binding it and closing the socket'}: nothing holds the port then, so another ` +
          'process or a parallel test can take it before the caller binds it (EADDRINUSE, or a ' +
          'client talking to the wrong server), on every OS.',
      })
    }
  }
  // A call of a local helper that binds the socket it is given and returns its port (CPython's
  // bind_port) is a bind and a port read on the argument.
  for (const call of ctx.facts.calls) {
    if (!binders.has(call.name)) continue
    const first = call.args[0]?.value
    const scope = namedScope(ctx, call.scope)
    if (
      first?.kind !== 'name' ||
      racyFunctions.has(scope) ||
      ctx.facts.scopes[scope]?.name === call.name
    )
      continue
    const bound = { at: call.at, bind: call, sock: rootOf(first.name), reads: [call.at] }
    if (isRace(ctx, bound, scope))
      hit(call.at, call.text, scope, `binds a socket with \`${call.name}\``)
  }
  for (const loop of probeLoops(ctx.facts)) {
    // A probe defined here and reported there: its definition is where the fix belongs.
    const defined = ctx.facts.scopes.find((s) => s.name === loop.probe)
    if (defined && (probes.has(defined.id) || racyFunctions.has(defined.id))) continue
    if (loop.helper !== undefined) racyFunctions.add(loop.helper)
    hits.push({
      rule: 'PORT002',
      severity: severityIn(ctx, loop.scope),
      at: loop.at,
      code: loop.text,
      message:
        `This loop walks port numbers until \`${loop.probe}\` says \`${loop.variable}\` is free, then ` +
        'uses it: nothing holds the port after the check, so another process or a parallel test ' +
        'can take it before it is bound (EADDRINUSE, or a client talking to the wrong server), on every OS.',
    })
  }
  hits.push(...helperCalls(ctx, racyFunctions))
  hits.push(...besideDrawnPorts(ctx))
  return hits
}

const FROM_COMMAND_LINE = /\b(?:argv|os\.Args|process\.argv)\b/

/** A value that reads the port the OS handed a socket: `SERVER.address().port`, `s.getLocalPort()`. */
const READS_PORT =
  /\.\s*address\(\)\s*\.\s*port\b|\.\s*getLocalPort\(\)|\.\s*server_port\b|getsockname\(\)\s*\[\s*1\s*\]/

/** A number next to another: `PORT + 1`, `port - 2`. */
const NEIGHBOUR = /^\s*([A-Za-z_$][\w$]*)\s*[+-]\s*\d{1,3}\s*$/

/**
 * A listener on a number next to a port the OS handed out (restify's `server.listen(PORT + 1,
 * '127.0.0.1')` with `PORT = SERVER.address().port`; census 25 judged three true): nothing
 * reserves the neighbour, so another process or a parallel test may already hold it.
 */
function besideDrawnPorts(ctx: RuleContext): Hit[] {
  const drawn = new Set(
    ctx.facts.assigns.filter((a) => READS_PORT.test(a.value.text)).map((a) => a.name),
  )
  if (drawn.size === 0) return []
  const hits: Hit[] = []
  for (const l of ctx.listeners) {
    if (l.kind !== 'server' || !l.call || !inTest(ctx, l.scope)) continue
    const next = l.call.args
      .map((a) => NEIGHBOUR.exec(a.value.text)?.[1])
      .find((name) => name !== undefined && drawn.has(name))
    if (!next) continue
    hits.push({
      rule: 'PORT002',
      severity: severityIn(ctx, l.scope),
      at: l.at,
      code: l.text,
      message:
        `This listener takes a number next to \`${next}\`, a port the OS handed out: nothing ` +
        'reserves the neighbour, so another process or a parallel test can hold it already ' +
        '(EADDRINUSE, or a client talking to the wrong server), on every OS.',
    })
  }
  return hits
}

/**
 * A helper that hands the port out (returns it) is where the fix belongs: the finding spans from
 * its definition to the statement that hands the number out, so it points at the helper's own
 * first line and covers the bind and the hand-out (a pull request that changes any shows it). The flagged code, and so the fingerprint,
 * stays the bind's.
 */
function helperSpan(ctx: RuleContext, bound: Bound, scope: number): Span | undefined {
  const fn = ctx.facts.scopes[scope]
  if (!fn || fn.id === 0 || !fn.name) return undefined
  // A lambda's answer kept in a local (Kotlin's `val port = ServerSocket(0).use { it.localPort }`
  // in a test) leaves the lambda, not the function.
  const kept = (at: Span) =>
    ctx.facts.assigns.some(
      (a) =>
        contains(a.at, at) &&
        contains(fn.at, a.at) &&
        /^[\w$]+$/.test(a.target) &&
        !outerVariable(ctx, a, fn.at),
    )
  if (!portFlow(ctx, bound, scope)?.escapes.some((e) => !kept(e))) return undefined
  return spanning(fn.at, latest([bound.at, ...handOuts(ctx, fn, bound.at)]))
}

/** The span that ends last: a helper's finding reaches the statement that hands the number out. */
function latest(spans: readonly Span[]): Span {
  return spans.reduce((a, b) => (b.end > a.end ? b : a))
}

/** Where a function hands something out: its `return`s with a value, after `from`. */
function handOuts(ctx: RuleContext, fn: Scope, from: Span): Span[] {
  return ctx.facts.exits
    .filter((e) => e.scope === fn.id && e.value !== undefined && e.at.start > from.start)
    .map((e) => e.at)
}

/**
 * A race inside one function (bind port 0, read, close, then use the number) spans from the
 * probe's bind to the first call given the number: the window another process can take it in.
 */
function inlineSpan(ctx: RuleContext, bound: Bound, scope: number): Span {
  const use = portFlow(ctx, bound, scope)?.uses.find((u) => u.start > bound.at.end)
  return use ? spanning(bound.at, use) : bound.at
}

/** The function binds a socket it was given and returns the port, keeping the socket open. */
function isBinder(ctx: RuleContext, bound: Bound, scope: number): boolean {
  const fn = ctx.facts.scopes[scope]!
  if (!fn.name || !bound.sock) return false
  const given = ctx.facts.params.some((p) => p.name === rootOf(bound.sock) && contains(fn.at, p.at))
  return given && (portFlow(ctx, bound, scope)?.escapes.length ?? 0) > 0
}

function isRace(ctx: RuleContext, bound: Bound, scope: number): boolean {
  const flow = portFlow(ctx, bound, scope)
  return flow !== undefined && closesFirst(ctx, bound, scope, flow)
}
