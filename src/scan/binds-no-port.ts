// Calls that look like a bind or a socket option but touch no TCP or UDP port: argument-validation
// tests that expect them to throw, sockets of address families that have no ports, and a query's
// parameters.
import type { Call, FileFacts, Span } from './facts.ts'
import { contains } from './facts.ts'

/** Assertions that the code they run throws: `assertThrows(() -> s.listen(1, null))`. */
const EXPECTS_THROW =
  /^(?:assert\w*(?:Throws|Exception|Error|Raises|Fails)|assertThatThrownBy|isThrownBy|assertFailsWith|expectThrows|assertRaises|shouldThrow\w*|toThrow\w*|rejects|throws|Throws(?:Async|Exception)?)$/

/** `with pytest.raises(…):`, `with self.assertRaises(OSError):`, `with self.assertRaisesRegex(…):`. */
const RAISES_BLOCK = /(?:\braises|\bassertRaises\w*)\(/

/**
 * An argument-validation test's call that must throw before it binds anything: inside an
 * assertion that expects an exception (AssertJ's `assertThatExceptionOfType(…).isThrownBy(() -> …)`
 * too), or a Python `with` block that expects one.
 */
export function expectedToFail(facts: FileFacts, at: Span): boolean {
  return (
    facts.calls.some(
      (c) => EXPECTS_THROW.test(c.name) && contains(c.at, at) && c.at.start !== at.start,
    ) ||
    facts.blocks.some(
      (b) => b.kind === 'with' && RAISES_BLOCK.test(b.headText ?? '') && contains(b.at, at),
    )
  )
}

/**
 * Address families whose addresses hold no port that two programs can collide on: Unix file
 * names, CAN identifiers (several ISO-TP sockets may register the same ones), packet interfaces,
 * netlink and crypto sockets. TIPC and VSOCK are not among them: a fixed TIPC service range or
 * vsock port is shared with a concurrent run as a TCP port is.
 */
export const PORTLESS_FAMILY = /^AF_(?:UNIX|CAN|PACKET|NETLINK|ALG)$/

const FAMILY = /\b[AP]F_([A-Z0-9]+)\b/
/** Python's `with socket.socket(socket.PF_CAN, …) as s:`. */
const WITH_SOCKET = /\bsocket\(([^]*)\)\s+as\s+(\w+)$/

interface Opened {
  /** What holds the socket: `srv`, `self.srv`. */
  target: string
  /** `AF_TIPC`; `AF_INET` when no family is named. */
  family: string
  start: number
}

const openedSockets = new WeakMap<FileFacts, Opened[]>()

function familyOf(args: string): string {
  return `AF_${FAMILY.exec(args)?.[1] ?? 'INET'}`
}

/** Every socket the file makes and names, in source order. */
function opened(facts: FileFacts): Opened[] {
  let found = openedSockets.get(facts)
  if (!found) {
    found = []
    for (const a of facts.assigns)
      if (a.value.kind === 'call' && /^socket$/i.test(a.value.call.name))
        found.push({
          target: a.target,
          family: familyOf(a.value.call.args[0]?.value.text ?? ''),
          start: a.at.start,
        })
    for (const b of facts.blocks) {
      const m = b.kind === 'with' ? WITH_SOCKET.exec(b.headText ?? '') : null
      if (m) found.push({ target: m[2]!, family: familyOf(m[1]!), start: b.at.start })
    }
    found.sort((a, b) => a.start - b.start)
    openedSockets.set(facts, found)
  }
  return found
}

/**
 * The address family of the socket a call's receiver holds: the last socket made under that name
 * before the call (Python's `srv = socket.socket(socket.AF_TIPC, …)`, a field set in `setUp`, or
 * `with socket.socket(socket.PF_CAN, …) as s:`): `AF_TIPC`, `AF_CAN`; undefined when the file
 * makes none under that name.
 */
export function socketFamily(facts: FileFacts, receiver: string, at: Span): string | undefined {
  if (!receiver) return undefined
  return opened(facts).findLast((o) => o.target === receiver && o.start < at.start)?.family
}

/**
 * A query's parameter, not an address: sqlx's `sqlx::query("… ?").bind(2142)`, JDBC-style
 * prepared statements. The receiver chain names the query or statement it binds into.
 */
export function bindsQueryParameter(call: Call): boolean {
  return (
    /^bind\w*$/i.test(call.name) &&
    /(?:^|[.:(])(?:query\w*|prepare\w*|stmt|statement)\b/i.test(call.receiver)
  )
}
