// Calls that look like a bind or a socket option but touch no TCP or UDP port: argument-validation
// tests that expect them to throw, sockets of address families that have no ports, servers on a
// simulated event loop, and a query's parameters.
import type { Call, FileFacts, Span } from './facts.ts'
import { contains } from './facts.ts'
import { perFile } from './per-file.ts'
import { hasWord } from './rules/context.ts'
import { ASSERTION, EXPECTS_THROW } from './assertions.ts'

/** `with pytest.raises(…):`, `with self.assertRaises(OSError):`, `with self.assertRaisesRegex(…):`. */
const RAISES_BLOCK = /(?:\braises|\bassertRaises\w*)\(/

/** A rejection handler that hands back the error it is given: `.catch(e => e)`. */
const KEEPS_ERROR = /^\(?\s*(\w+)\s*\)?\s*=>\s*\1$/

/**
 * A promise whose rejection the test keeps and then asserts on: playwright's
 * `const error = await browserType.launch({ port: 1234 }).catch(e => e)` followed by
 * `expect(error.message).toContain(…)`. A `.catch(e => e)` that only silences a failure is not one.
 */
function rejectionAsserted(facts: FileFacts, handler: Call): boolean {
  const kept = facts.assigns.find((a) => a.name && contains(a.at, handler.at))
  return (
    kept !== undefined &&
    facts.calls.some(
      (c) =>
        c.at.start > kept.at.end &&
        ASSERTION.test(c.name) &&
        c.args.some((a) => hasWord(a.value.text, kept.name)),
    )
  )
}

/** The file's assertions and `with` blocks that expect the code they run to throw. */
const expectingThrow = perFile((facts: FileFacts) => ({
  asserts: facts.calls.filter((c) => EXPECTS_THROW.test(c.name)).map((c) => c.at),
  blocks: facts.blocks
    .filter((b) => b.kind === 'with' && RAISES_BLOCK.test(b.headText ?? ''))
    .map((b) => b.at),
  rejected: facts.calls
    .filter(
      (c) =>
        c.name === 'catch' &&
        KEEPS_ERROR.test(c.args[0]?.value.text ?? '') &&
        rejectionAsserted(facts, c),
    )
    .map((c) => c.at),
}))

/**
 * An argument-validation test's call that must throw before it binds anything: inside an
 * assertion that expects an exception (AssertJ's `assertThatExceptionOfType(…).isThrownBy(() -> …)`
 * too), a Python `with` block that expects one, or a promise whose kept rejection is asserted.
 */
export function expectedToFail(facts: FileFacts, at: Span): boolean {
  const { asserts, blocks, rejected } = expectingThrow(facts)
  return (
    asserts.some((a) => contains(a, at) && a.start !== at.start) ||
    blocks.some((b) => contains(b, at)) ||
    rejected.some((r) => contains(r, at))
  )
}

/** What a test may stub that would otherwise open a listener: Node's `createServer`, a `start`. */
const STARTS_OR_LISTENS = /^(?:createServer|listen|start|serve|bind)$/
/** Calls that stub an object's method: sinon's `stub(obj, 'name')`, Jest's and Vitest's `spyOn`. */
const STUBS = /^(?:stub|spyOn)$/
/** Calls on a Jest or Vitest spy that replace what it calls through to. */
const REPLACES = /^mock(?:Implementation|ReturnValue|ResolvedValue|RejectedValue|ReturnThis)\w*$/

/**
 * Where the test has stubbed a method that starts or listens (pactum's `sandbox.stub(
 * Server.prototype, 'start')` in a `beforeEach`, opentelemetry-js's `sinon.stub(http,
 * 'createServer')` in one test): the function the stub is made in, or, from a fixture, the block
 * the fixture prepares. A Jest spy counts only where its implementation is replaced: `spyOn`
 * alone calls through.
 */
const stubbedStarts = perFile((facts: FileFacts): Span[] => {
  const out: Span[] = []
  for (const call of facts.calls) {
    const method = call.args[1]?.value
    if (
      !STUBS.test(call.name) ||
      method?.kind !== 'string' ||
      !STARTS_OR_LISTENS.test(method.value)
    )
      continue
    const replaced =
      call.name === 'stub' ||
      facts.calls.some(
        (c) => REPLACES.test(c.name) && c.at.start === call.at.start && c.at.end > call.at.end,
      )
    if (!replaced) continue
    const scope = facts.scopes[call.scope]!
    const fixture = scope.role === 'argument' && /^(?:before\w*|setup)$/i.test(scope.passedTo)
    out.push(fixture ? facts.scopes[scope.parent]!.at : scope.at)
  }
  return out
})

/**
 * A Python test module that runs its coroutines on async-solipsism's event loop, whose sockets
 * are in-memory pipes (aiokatcp's `@pytest.fixture def event_loop_policy(): return
 * async_solipsism.EventLoopPolicy()`; census 76): its servers bind no host port.
 */
export const onSimulatedLoop = perFile((facts: FileFacts): boolean =>
  facts.calls.some((c) => /(?:^|\.)async_solipsism\.EventLoopPolicy$/.test(c.callee)),
)

/** A listener's start at `at` runs where the test has stubbed starting or listening away. */
export function startStubbed(facts: FileFacts, at: Span): boolean {
  return stubbedStarts(facts).some((area) => contains(area, at))
}

/**
 * Address families whose addresses hold no port that two programs can collide on: Unix file
 * names, CAN identifiers (several ISO-TP sockets may register the same ones), packet interfaces,
 * netlink and crypto sockets. TIPC and VSOCK are not among them: a fixed TIPC service range or
 * vsock port is shared with a concurrent run as a TCP port is.
 */
export const PORTLESS_FAMILY = /^AF_(?:UNIX|CAN|PACKET|NETLINK|ALG)$/

const FAMILY = /\b[AP]F_([A-Z0-9]+)\b/
/** Each item of Python's `with socket.socket(socket.PF_CAN, …) as s, … as t:`. */
const WITH_SOCKET = /\bsocket\(((?:[^()]|\([^()]*\))*)\)\s+as\s+(\w+)/g

interface Opened {
  /** What holds the socket: `srv`, `self.srv`. */
  target: string
  /** `AF_TIPC`; `AF_INET` when no family is named; undefined when the name is given anything else. */
  family: string | undefined
  scope: number
  at: Span
  /** The `with` block that names it, outside which the name holds nothing. */
  within?: Span
}

/** Every assignment of the file and every socket a `with` opens, by name, in source order. */
const opened = perFile((facts: FileFacts): Map<string, Opened[]> => {
  const found: Opened[] = []
  for (const a of facts.assigns) {
    const made =
      a.value.kind === 'call' && /^socket$/i.test(a.value.call.name) ? a.value.call : undefined
    const family = made && familyOf(made.args[0]?.value.text ?? '')
    found.push({ target: a.target, family, scope: a.scope, at: a.at })
  }
  for (const b of facts.blocks) {
    if (b.kind !== 'with') continue
    for (const m of (b.headText ?? '').matchAll(WITH_SOCKET))
      found.push({
        target: m[2]!,
        family: familyOf(m[1]!),
        scope: b.scope,
        at: b.at,
        within: b.at,
      })
  }
  found.sort((a, b) => a.at.start - b.at.start)
  // A call reads only its receiver's list.
  return Map.groupBy(found, (o) => o.target)
})

function familyOf(args: string): string {
  return `AF_${FAMILY.exec(args)?.[1] ?? 'INET'}`
}

/**
 * The address family of the socket a call's receiver holds: what the name was last given before
 * the call, in the same function (a field, `self.srv`, anywhere in the file: set in `setUp`, used
 * in the test), when that was a socket made with a family (Python's `srv =
 * socket.socket(socket.AF_TIPC, …)`, `with socket.socket(socket.PF_CAN, …) as s:`): `AF_TIPC`,
 * `AF_CAN`. Undefined when the name was last given anything else, or nothing.
 */
export function socketFamily(facts: FileFacts, call: Call): string | undefined {
  const { receiver, at, scope } = call
  if (!receiver) return undefined
  const field = /^(?:self|this)\./.test(receiver)
  return opened(facts)
    .get(receiver)
    ?.findLast(
      (o) =>
        o.at.start < at.start &&
        (field || o.scope === scope) &&
        (o.within === undefined || contains(o.within, at)),
    )?.family
}

/**
 * A query's parameter, not an address: sqlx's `sqlx::query("… ?").bind(2142)`, JDBC-style
 * prepared statements. The receiver chain names the query or statement it binds into.
 */
export function bindsQueryParameter(call: Call): boolean {
  return (
    /^bind\w*$/i.test(call.name) &&
    // A query made in the chain (`sqlx::query(…)`, `query_scalar::<_, i32>(…)`, which the
    // receiver's text holds without its generics, `prepare(…)`), or a statement held by name; not
    // `query_socket` or `queryServer`.
    (/(?:^|::|\.)(?:query\w*|prepare\w*)(?:::<[^>]*>|::)?\(/i.test(call.receiver) ||
      /(?:^|\.)(?:stmt|statement)$/i.test(call.receiver))
  )
}
