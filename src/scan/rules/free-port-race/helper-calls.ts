// Calls of free-port helpers (the file's own, known libraries', imported packages', pytest
// fixtures) and what the caller does with the number: bind it later, dial it, only look at it.
import type { Assign, Call, Exit, FileFacts, Scope, Span } from '../../facts.ts'
import { contains, innermostCall, spanning, statementAround } from '../../facts.ts'
import { ASSERTION, EXPECTS_THROW } from '../../assertions.ts'
import type { Hit, RuleContext } from '../context.ts'
import { escapeRegExp, hasWord, namedScope, rootOf, scopeSpan } from '../context.ts'
import {
  ADDRESS_HELPER_NAME,
  BARE_HELPER_NAME,
  BINDS,
  BINDS_WHEN_MADE,
  CLIENT_CALL,
  DEAD_END,
  HELPER_NAME,
  NOT_A_USE,
  RACY_FIXTURES,
  RACY_HELPERS,
  RACY_MODULES,
} from './vocabulary.ts'
import { declaredFunction, heldBy, hides, outerVariable } from './socket-flow.ts'
import { refusalExpected, severityIn, unrunInTestFile } from './reporting.ts'

/** Names a file imports from a free-port module: get-port, portfinder, portpicker, phayes/freeport. */
function racyImports(facts: FileFacts): Set<string> {
  const imported = new Set<string>()
  for (const i of facts.imports) {
    if (
      RACY_MODULES.has(i.module) ||
      i.module === 'portpicker' ||
      /phayes\/freeport$/.test(i.module)
    ) {
      for (const n of i.names) imported.add(n)
    }
  }
  return imported
}

/**
 * The helper itself, or a module's function (`portfinder.getPortPromise()`), not a call on what
 * the helper returned (`getPort().then(…)`, the same draw as its `getPort()`).
 */
function callsImported(call: Call, imported: ReadonlySet<string>): boolean {
  return (
    imported.has(call.name) || (imported.has(rootOf(call.receiver)) && !call.receiver.includes('('))
  )
}

/**
 * A call of a free-port helper by its module or its name (`portfinder.getPortPromise({ port: … })`,
 * `find_free_port()`): a number handed to it is where the helper starts looking, not a port bound.
 */
export function callsFreePortHelper(ctx: RuleContext, call: Call): boolean {
  return (
    callsImported(call, racyImports(ctx.facts)) ||
    HELPER_NAME.test(call.name) ||
    BARE_HELPER_NAME.test(call.name)
  )
}

/**
 * A call that binds the port it is given, or a server made on it: `new HTTPServer(…)`, or in
 * Python and Kotlin, which have no `new`, a call of a capitalised name.
 */
const binds = (ctx: RuleContext, c: Call) =>
  BINDS.test(c.name) ||
  ((c.isNew || ((ctx.family === 'python' || ctx.family === 'kotlin') && /^[A-Z]/.test(c.name))) &&
    BINDS_WHEN_MADE.test(c.name))

/**
 * A loop that draws a new number when the bind fails (CPython's `for i in itertools.count(): port
 * = find_unused_port(); try: sock.bind((HOST, port)) except OSError: …`): the test expects the
 * race and retries, so a lost race is no failure unless it is lost every time.
 */
function retried(facts: FileFacts, call: Call, bind: Call): boolean {
  return facts.blocks.some(
    (loop) =>
      loop.kind === 'loop' &&
      contains(loop.at, call.at) &&
      contains(loop.at, bind.at) &&
      // A catch of the statement whose body holds the bind.
      facts.blocks.some(
        (c) =>
          c.kind === 'catch' &&
          c.statement !== undefined &&
          contains(loop.at, c.statement) &&
          contains(c.statement, bind.at) &&
          c.at.start > bind.at.start,
      ),
  )
}

/**
 * Where the function binds the number a helper handed out: `val port = findRandomPort()` …
 * `server.listen(port)`. The finding spans from the helper's call to there, the window of the race.
 */
function laterBind(ctx: RuleContext, call: Call): Call | undefined {
  const { facts } = ctx
  const held = heldBy(facts, call)
  if (!held) return resolvedBind(ctx, call)
  // The whole target (`self.port`), so that a field is matched as itself.
  const variable = new RegExp(`(?<![\\w.$])${escapeRegExp(held.target)}(?![\\w$])`)
  const area = scopeSpan(ctx, namedScope(ctx, call.scope))
  // The number itself, not a callback that mentions it somewhere (`runTest(assert = {…})`).
  // Given the number, or started on something built with it: `Server(port).start()`.
  // Not after the variable is given another number (CPython's test draws one to build an
  // out-of-range port, then draws again in the loop that binds); `port = str(port)` keeps it.
  const redrawn = facts.assigns.filter(
    (a) =>
      a.target === held.target &&
      contains(area, a.at) &&
      a.at.start > call.at.end &&
      !hasWord(a.value.text, held.name),
  )
  const reassigned = (c: Call) => redrawn.some((a) => a.at.end < c.at.start)
  const bindsIt = (c: Call) =>
    c.at.start > call.at.end &&
    binds(ctx, c) &&
    (c.args.some((a) => a.value.kind !== 'function' && variable.test(a.value.text)) ||
      variable.test(c.receiver)) &&
    !reassigned(c)

  const here = facts.calls.find((c) => contains(area, c.at) && bindsIt(c))
  if (here) return here
  // A field set up in one method and bound in another (apm-agent-java's test server: the
  // constructor's `port = TestPort.getAvailableRandomPort()`, `setup`'s `listen(port, …)`), where
  // no local of the binding function hides it.
  const field = /^(?:self|this|cls|@)\b/.test(held.target) || outerVariable(ctx, held, area)
  if (!field) return undefined
  return facts.calls.find(
    (c) =>
      !contains(area, c.at) &&
      bindsIt(c) &&
      !hides(ctx, held.target, scopeSpan(ctx, namedScope(ctx, c.scope))),
  )
}

/**
 * A promise's number handed to its `then` callback and bound there (dd-trace-js's
 * `getPort().then((port) => { … server.listen(port) })`).
 */
function resolvedBind(ctx: RuleContext, call: Call): Call | undefined {
  const { facts } = ctx
  const then = facts.calls.find((c) => c.name === 'then' && c.receiver === call.text)
  const callback = then?.args[0]
  if (callback?.value.kind !== 'function') return undefined
  const param = facts.params.find((p) => contains(callback.at, p.at))
  if (!param) return undefined
  const variable = new RegExp(`(?<![\\w.$])${escapeRegExp(param.name)}(?![\\w$])`)
  return facts.calls.find(
    (c) =>
      contains(callback.at, c.at) &&
      BINDS.test(c.name) &&
      c.args.some((a) => a.value.kind !== 'function' && variable.test(a.value.text)),
  )
}

/** Calls that only write a number another way: `strconv.Itoa(port)`, `str(port)`, `fmt.Sprintf(":%d", port)`. */
const REWRITES = /^(?:Itoa|FormatInt|Sprintf|Sprint|str|String|toString|valueOf|format|to_string)$/

/**
 * The named function (not a test) that returns the call's value as its own: the answer itself as
 * its tail (Rust's `free_local_port().expect(…)`), or the variable that holds it, perhaps as text
 * (zot's `port, err := freeport.GetFreePort()` … `return strconv.Itoa(port)`). Not a value built
 * with it, a server or a client.
 */
function wrapperOf(ctx: RuleContext, call: Call): Scope | undefined {
  const { facts } = ctx
  const fn = declaredFunction(ctx, namedScope(ctx, call.scope))
  if (!fn || fn.test === true) return undefined
  const exits = facts.exits.filter((e) => e.scope === fn.id)
  if (exits.some((e) => e.at.start === call.at.start && contains(e.at, call.at))) return fn
  const held = heldBy(facts, call)
  const names = [held?.name, ...(held?.results ?? [])].filter(
    (n): n is string => n !== undefined && /^[\w$]+$/.test(n) && n !== '_' && n !== 'err',
  )
  // Go returns a list: `return strconv.Itoa(port)` is one of one.
  const handsOn = ({ value: returned }: Exit) => {
    const value =
      returned?.kind === 'tuple' && returned.items.length === 1 ? returned.items[0] : returned
    return (
      (value?.kind === 'name' && names.includes(value.name)) ||
      (value?.kind === 'call' &&
        REWRITES.test(value.call.name) &&
        value.call.args.some((a) => a.value.kind === 'name' && names.includes(a.value.name)))
    )
  }
  return exits.some(handsOn) ? fn : undefined
}

/**
 * The helper's number goes straight to a client (`TcpOscSender("127.0.0.1", _free_port())`,
 * openfollow's tests of a sender that must fail to connect) or names where messages are sent
 * (Wolverine's `PublishAllMessages().ToPort(PortFinder.GetAvailablePort())`, census 53): nothing
 * binds it, so there is no race for it, only a port nobody listens on.
 */
function onlyForAClient(ctx: RuleContext, call: Call): boolean {
  const given = ctx.facts.calls
    .filter(
      (c) => c !== call && contains(c.at, call.at) && c.args.some((a) => contains(a.at, call.at)),
    )
    .sort((a, b) => a.at.end - a.at.start - (b.at.end - b.at.start))[0]
  return given !== undefined && CLIENT_CALL.test(given.name)
}

/**
 * The number is only where a forward sends connections: the last of a four-part forward (dev-
 * tunnels-ssh's `forwardFromRemotePort(loopbackV4, 0, loopbackV4, testPort)`, where the first
 * pair is bound and the second dialled) or a stream's port (`streamToRemotePort(host,
 * testPort)`). Not a two-part forward, `forwardToRemotePort(host, testPort)`, which binds it.
 */
const forwardsTo = (c: Call, name: string) =>
  ((/^forward\w*$/i.test(c.name) && c.args.length >= 4) ||
    (/^stream\w*To\w*$/i.test(c.name) && c.args.length >= 2)) &&
  hasWord(c.args[c.args.length - 1]!.value.text, name) &&
  !c.args.slice(0, -1).some((a) => hasWord(a.value.text, name))

/**
 * A test of the helper itself: its number is kept in a variable that is only logged or asserted
 * on (`randomPort = getRandomPort(); assertTrue(randomPort > 0)`), never bound; or it is only a
 * forward's destination, or a client's, a port nobody is meant to listen on.
 */
function onlyLookedAt(ctx: RuleContext, call: Call): boolean {
  const { facts } = ctx
  const held = heldBy(facts, call)
  if (!held || !/^[\w$]+$/.test(held.name)) return false
  const area = scopeSpan(ctx, namedScope(ctx, call.scope))
  return onlyDialled(ctx, held.name, held.at, area, 0)
}

/**
 * Whether NAME, from AFTER on in AREA, is only looked at or dialled: logged, asserted, a
 * forward's destination, a client's address; or built into an address that is only dialled
 * (aiozmq's `addr = "tcp://127.0.0.1:{}".format(port)`, then `create_zmq_connection(…,
 * connect=addr)`; census 75), one step deep.
 */
function onlyDialled(
  ctx: RuleContext,
  name: string,
  after: Span,
  area: Span,
  depth: number,
): boolean {
  const { facts } = ctx
  const later = (at: Span) => at.start > after.end && contains(area, at)
  const mentions = (text: string) => hasWord(text, name)
  const calls = facts.calls.filter((c) => later(c.at) && c.args.some((a) => mentions(a.value.text)))
  // A client only dials the number (CPython's `create_connection((HOST, port))` expecting
  // ECONNREFUSED) when it is the address, its first or second argument (`connect((h, p))`, Go's
  // `Dial(network, address)`); a later one, or a keyword naming it, is the source it binds. A
  // keyword that says so dials too (ZeroMQ's `connect=addr` beside its `bind=addr`), and so does
  // dropping a connection (`disconnect(addr)`).
  const byKeyword = (c: Call) =>
    c.args.every((a) => !mentions(a.value.text) || /^connect/i.test(a.name ?? ''))
  const dials = (c: Call) =>
    DISCONNECTS.test(c.name) ||
    byKeyword(c) ||
    (CLIENT_CALL.test(c.name) &&
      c.args.every(
        (a, i) => !mentions(a.value.text) || (i < 2 && !/source|bind|local/i.test(a.name ?? '')),
      ))
  // What a dial by keyword returns is a connection (`tr, pr = create_zmq_connection(…,
  // connect=addr)`). A client kept in a variable may still meet a server started on the same
  // number elsewhere (parallel-ssh's `client = ParallelSSHClient(…, port=port)`): kept.
  const keyed = calls.filter(byKeyword)
  const inKeyedDial = (at: Span) => keyed.some((c) => contains(c.at, at))
  const keepsConnection = (a: Assign) => keyed.some((c) => contains(a.at, c.at))
  // `const forwarder = await pfs.forwardFromRemotePort(…, testPort)` keeps the forward, not the port.
  const keepsForward = (a: Assign) => a.value.kind === 'call' && forwardsTo(a.value.call, name)
  // An address built on the number and kept in a variable of its own, then only dialled.
  const derived = (a: Assign) =>
    depth === 0 &&
    /^[\w$]+$/.test(a.target) &&
    a.name !== name &&
    ADDRESS_TEXT.test(a.value.text) &&
    onlyDialled(ctx, a.name, a.at, area, depth + 1)
  const kept = facts.assigns.filter(
    (a) => later(a.at) && mentions(a.value.text) && !keepsForward(a) && !keepsConnection(a),
  )
  const elsewhere =
    kept.some((a) => !derived(a)) ||
    facts.entries.some((e) => later(e.at) && mentions(e.value.text) && !inKeyedDial(e.at)) ||
    facts.exits.some((e) => later(e.at) && mentions(e.text))
  const used = calls.filter((c) => !kept.some((a) => contains(a.at, c.at)))
  return (
    (used.length > 0 || kept.length > 0) &&
    !elsewhere &&
    used.every((c) => NOT_A_USE.test(c.name) || forwardsTo(c, name) || dials(c))
  )
}

/** Dropping a connection to an address: aiozmq's `tr.disconnect(addr1)`. */
const DISCONNECTS = /^(?:disconnect|Disconnect)$/

/** A value that builds an address text: a URL or a `host:port` with the number in it. */
const ADDRESS_TEXT = /(?:tcp|udp|https?|wss?|grpc):\/\/|["'`][\w.\-[\]:]*:\s*(?:\{|%|["'`]\s*\+|\$)/

/**
 * A test of the helper itself that only checks its answer, kept nowhere: `assert
 * free_port.get_free_port() is not None`, `assertNotNull(findFreePort())`. Nothing can bind a
 * number that is not kept.
 */
function onlyAsserted(ctx: RuleContext, call: Call): boolean {
  const { facts } = ctx
  if (heldBy(facts, call)) return false
  const keeps = (x: { at: Span }) => contains(x.at, call.at)
  if (facts.assigns.some(keeps) || facts.entries.some(keeps) || facts.exits.some(keeps))
    return false
  const around = innermostCall(facts, call.at)
  // Checked by an `assert` statement, or handed straight to an assertion call.
  return around === undefined
    ? facts.blocks.some((b) => b.kind === 'assert' && contains(b.at, call.at))
    : ASSERTION.test(around.name) && around.args.some((a) => contains(a.at, call.at))
}

/**
 * The helper is called where the test expects it to fail (databricks-jdbc's
 * `assertThrows(…, () -> configurator.findAvailablePort(ports))` with every port held), and
 * nothing binds its number: it hands out none (WireMock's unstarted server asked for its port).
 */
function expectedToThrow(ctx: RuleContext, call: Call): boolean {
  const { calls } = ctx.facts
  const assertion = calls.find(
    (c) => c !== call && EXPECTS_THROW.test(c.name) && contains(c.at, call.at),
  )
  // A server started inside the assertion binds the number before the expected failure.
  const starts = (c: Call) =>
    assertion !== undefined &&
    contains(assertion.at, c.at) &&
    c.at.start > call.at.end &&
    /^(?:start|listen|bind|serve|run)\w*$/i.test(c.name)
  return assertion !== undefined && !calls.some(starts)
}

/**
 * A test, example or benchmark named for the helper it calls (gf's `Test_GetFreePorts` and
 * `ExampleGetFreePort`, rpcx's `BenchmarkGetFreePort_New`) tests the helper: where it only looks
 * at the number, the helper's definition is the finding, not this use. Not one that hands the
 * number on (localstack's `assert port_can_be_bound(port)` binds it again).
 */
function testsTheHelper(ctx: RuleContext, call: Call): boolean {
  const plain = (name: string) => name.replace(/_/g, '').toLowerCase()
  const fn = ctx.facts.scopes[namedScope(ctx, call.scope)]
  if (!fn || !/^(?:test|example|bench)/i.test(fn.name)) return false
  if (!plain(fn.name).includes(plain(call.name))) return false
  const held = heldBy(ctx.facts, call)
  const names = [held?.name, ...(held?.results ?? [])].filter(
    (n): n is string => n !== undefined && n !== '_' && n !== 'err',
  )
  return !ctx.facts.calls.some(
    (c) =>
      c.at.start > call.at.end &&
      contains(fn.at, c.at) &&
      !NOT_A_USE.test(c.name) &&
      c.args.some((a) => names.some((n) => hasWord(a.value.text, n))),
  )
}

export function helperCalls(ctx: RuleContext, racyFunctions: Set<number>): Hit[] {
  const { facts } = ctx
  const hits: Hit[] = []
  const allowed = (text: string) =>
    ctx.allowedHelpers.some((h) => h === text || text.endsWith(`.${h}`) || text.endsWith(`::${h}`))
  const definedHere = new Map(facts.scopes.filter((s) => s.name).map((s) => [s.name, s.id]))
  const imported = racyImports(facts)
  const family = ctx.family === 'java' || ctx.family === 'kotlin' ? 'jvm' : ctx.family
  const known = RACY_HELPERS[family]
  // A method of a Rust `impl` is called on its type: `Endpoints::new()`, not `JoinSet::new()`.
  const onOwner = (call: Call, id: number) => {
    const owner = facts.scopes[id]!.owner
    return (
      !owner || /^(?:|self|Self)$/.test(call.receiver) || call.receiver.split('::').pop() === owner
    )
  }
  for (const call of facts.calls) {
    if (allowed(call.callee) || allowed(call.name)) continue
    if (unrunInTestFile(ctx, call.scope)) continue
    const byImport = callsImported(call, imported)
    const byKnownName =
      (known?.test(call.name) === true ||
        known?.test(`${call.receiver.split('::').pop()}::${call.name}`) === true) &&
      (family !== 'go' || /(?:^|\.)freeport$/.test(call.receiver)) &&
      (family !== 'jvm' ||
        !/^(?:find|getNext)/.test(call.name) ||
        /SocketUtils|Port/.test(call.receiver) ||
        call.receiver === '')
    const defined = definedHere.get(call.name)
    // The module's function, not the file's of the same name: `freeport.GetFreePort()` inside
    // zot's own `GetFreePort`.
    const local = defined !== undefined && !byImport && onOwner(call, defined) ? defined : undefined
    const byLocalRace = local !== undefined && racyFunctions.has(local)
    const byHelperName =
      (HELPER_NAME.test(call.name) ||
        BARE_HELPER_NAME.test(call.name) ||
        ADDRESS_HELPER_NAME.test(call.name)) &&
      defined === undefined &&
      !ctx.countingHelpers.has(call.name)
    if (!byImport && !byKnownName && !byHelperName && !byLocalRace) continue
    if (DEAD_END.test(call.name) || DEAD_END.test(heldBy(facts, call)?.name ?? '')) continue
    if (local !== undefined && !racyFunctions.has(local)) continue
    // The helper's own body calling itself, an overload delegating to it (`randomPort()` returning
    // `randomPort(10000, 30000, null)`), or its definition site: not a use.
    const caller = namedScope(ctx, call.scope)
    if (local !== undefined && (caller === local || facts.scopes[caller]?.name === call.name))
      continue
    const bind = laterBind(ctx, call)
    if (
      !bind &&
      (onlyForAClient(ctx, call) ||
        onlyLookedAt(ctx, call) ||
        onlyAsserted(ctx, call) ||
        testsTheHelper(ctx, call) ||
        expectedToThrow(ctx, call) ||
        refusalExpected(ctx, call.scope, call.at))
    )
      continue
    // A function that hands the helper's answer straight on (miniserve's fixture `fn port() ->
    // u16 { free_local_port().expect(…) }`) is a helper too: its definition is where the fix belongs.
    const wrapper = bind ? undefined : wrapperOf(ctx, call)
    const from = wrapper?.at ?? statementAround(facts, call.at)
    hits.push({
      rule: 'PORT002',
      severity: severityIn(ctx, call.scope, bind !== undefined && !retried(facts, call, bind)),
      at: spanning(from, bind?.at ?? call.at),
      code: call.text,
      message:
        `\`${call.callee}\` hands out a port number after closing its probe socket: until the ` +
        `server binds it${bind ? ` (line ${bind.at.line})` : ''}, another process or a parallel ` +
        'test can take the same port (EADDRINUSE or a client talking to the wrong server), on every OS.',
    })
  }
  if (ctx.family === 'python') {
    for (const p of facts.params) {
      if (!RACY_FIXTURES.test(p.name) || allowed(p.name)) continue
      // The finding runs to where the test first hands the number on (pymodbus's
      // `ModbusSimulatorServer(http_port=unused_tcp_port)`), as a helper's runs to its bind.
      const body = facts.scopes[p.scope]!.at
      const handed = facts.calls.find(
        (c) =>
          contains(body, c.at) &&
          c.at.start > p.at.end &&
          !NOT_A_USE.test(c.name) &&
          c.args.some((a) => hasWord(a.value.text, p.name)),
      )
      const bound = handed !== undefined && binds(ctx, handed)
      if (!bound && refusalExpected(ctx, p.scope, p.at)) continue
      // A client program started on the number dials it (rsocket-py's `subprocess.Popen(['python3',
      // './client.py', str(unused_tcp_port)])` beside the server it races; census 70).
      if (!bound && handed !== undefined && startsClientProgram(handed)) continue
      hits.push({
        rule: 'PORT002',
        severity: severityIn(ctx, p.scope, bound),
        at: handed ? spanning(p.at, statementAround(facts, handed.at)) : p.at,
        code: p.name,
        message:
          `The \`${p.name}\` fixture hands out a port number after closing its probe socket: ` +
          'under pytest-xdist or a busy CI host another process can take the port before the ' +
          'test binds it.',
      })
    }
  }
  return hits
}

/** A process started from a program named for a client, and not for a server. */
function startsClientProgram(call: Call): boolean {
  const spawns = /^(?:Popen|run|call|check_call|check_output|spawn\w*|create_subprocess_exec)$/
  const words = call.args.map((a) => a.value.text).join(' ')
  return spawns.test(call.name) && /client/i.test(words) && !/server/i.test(words)
}
