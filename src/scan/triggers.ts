// Cheap text tests that decide whether a file is worth parsing. They must match every file a
// rule could fire in (the eval checks recall with and without them), and little else. They are
// case-sensitive on purpose: V8 runs case-insensitive alternations at half the speed.

/** PORT002 in any code: reading a bound socket's port… */
const PORT_READ =
  'getsockname|\\.address\\(\\)|Addr\\(\\)|getLocalPort|LocalEnd[pP]oint|local_endpoint|local_addr|localPort|server_address|server_port|\\.sockets\\b'

/**
 * A helper named for handing out port numbers: getFreePort, find_free_port, PickUnusedPort, and
 * with two words for it, apm-agent-java's getAvailableRandomPort…
 */
const HELPER_PREFIX =
  '(?:[gG]et|[fF]ind|[pP]ick|[cC]hoose|[aA]llocate|[rR]eserve|[aA]cquire|[oO]btain|[gG]rab|[rR]andom|[nN]ext)_?(?:[aA]_?)?(?:(?:[fF]ree|[uU]nused|[aA]vailable|[oO]pen|[rR]andom|[eE]phemeral|[iI]dle|[uU]nbound)_?){1,2}(?:[tT]cp_?|[uU]dp_?|[lL]ocal_?)?'
export const HELPER_NAME = `${HELPER_PREFIX}[pP]orts?`

/** The same without a verb: freePort(), unused_port(), availablePort(), Rust port_check's free_local_port(). */
const BARE_HELPER_PREFIX =
  '(?:[fF]ree|[uU]nused|[aA]vailable)_?(?:[tT]cp_?|[uU]dp_?|[lL]ocal_?(?:[iI]pv[46]_?)?)?'
export const BARE_HELPER_NAME = `${BARE_HELPER_PREFIX}[pP]orts?`

/** npm modules and libraries known to hand out numbers (see free-port-race.ts); Rust's reserve-port. */
const RACY_MODULE =
  'get-port|portfinder|detect-port|find-free-port|find-open-port|port-finder|portscanner|openport|portpicker|freeport|findAvailable(?:Tcp|Udp)?Ports?|AvailablePortFinder|ReservedPort'

const RACY_HELPER = `unused_(?:tcp|udp)_port|unused_port|unused_addr|${HELPER_NAME}|${BARE_HELPER_NAME}\\b|${RACY_MODULE}`

/** …or the system's table of sockets, looked up for an unused number (free-port-race.ts). */
const SOCKET_TABLE = 'GetActive(?:Tcp|Udp)|net_connections'

export const ANY_CODE = new RegExp(`${PORT_READ}|${RACY_HELPER}|${SOCKET_TABLE}`)

/**
 * ANY_CODE rewritten for V8, which matches the same texts in less than half the time (a test checks
 * that they agree). V8 tries an alternation at every position unless its branches share a first
 * character, so each branch starts at a rarer letter and keeps what precedes it in a lookbehind.
 * ANY_CODE stays the readable definition, and ripgrep (no lookbehind) runs it in the benchmark.
 */
export const ANY_CODE_FAST = new RegExp(
  [
    '(?<=getsock)name',
    '(?<=\\.address|Addr)\\(\\)',
    '(?<=getLocal|local|Reserved|findAvailable(?:Tcp|Udp)?)Ports?',
    '(?<=Available)PortFinder',
    '(?<=Local)End[pP]oint',
    '(?<=local_|unused_)addr',
    '(?<=server_)address',
    '(?<=server_|unused_(?:tcp|udp)_|unused_|get-|detect-|find-free-|find-open-|open|free)port',
    '(?<=\\.)sockets\\b',
    'port(?:finder|-finder|scanner|picker)',
    `(?<=${HELPER_PREFIX})[pP]orts?`,
    `(?<=${BARE_HELPER_PREFIX})[pP]orts?\\b`,
    '(?<=GetActive)(?:Tcp|Udp)',
    '(?<=net_)connections',
  ].join('|'),
)

/** Everything the test-only rules look for: listeners, socket options, loopback names. */
export const TEST_CODE =
  /listen|Listen|bind|Bind|serve|Serve|[Ss]ocket|[Ss]erver|Client|[pP]ort|PORT|REUSE|[Rr]euse|Exclusive|localhost|127\.0\.0\.1|::1|[Ss]tart\(|Run\(|[Rr]estart/

/**
 * Test regions inside ordinary files: Rust #[test], Go *testing.T, JUnit @Test, xUnit [Fact]. Each
 * branch starts after its punctuation, in a lookbehind, which V8 searches twice as fast.
 */
export const TEST_REGION =
  /(?<=#)\[(?:cfg\()?test|(?<=#)\[\w+::test|(?<=testing)\.(?:T|B|TB|F)\b|(?<=@)Test\b|(?<=\[)(?:Fact|Theory|Test|TestMethod)\b/

/** TypeScript declaration files hold types only: no call a rule could flag. */
const DECLARATIONS = /\.d\.[cm]?ts$/

export function worthParsing(text: string, testFile: boolean, path = ''): boolean {
  if (DECLARATIONS.test(path)) return false
  if (testFile) return TEST_CODE.test(text) || ANY_CODE_FAST.test(text)
  if (ANY_CODE_FAST.test(text)) return true
  // A test region makes the file partly test code: the test rules' words count too.
  return TEST_REGION.test(text) && TEST_CODE.test(text)
}

/** Files at least this large, outside tests, are read around their trigger words only. */
export const FOCUS_MIN_CHARS = 32_000

const RACY_MODULE_RE = new RegExp(RACY_MODULE)
const FOCUS_WORDS = new RegExp(`${PORT_READ}|${RACY_HELPER}|${SOCKET_TABLE}`, 'g')

/**
 * Where a large non-test file mentions PORT002's trigger words, so that only the functions
 * around them are examined; undefined means "read the whole file".
 */
export function focusOffsets(
  text: string,
  testFile: boolean,
  minChars = FOCUS_MIN_CHARS,
): number[] | undefined {
  // Imported helper names must be followed through the whole file.
  if (testFile || text.length < minChars || TEST_REGION.test(text) || RACY_MODULE_RE.test(text)) {
    return undefined
  }
  const offsets: number[] = []
  for (const m of text.matchAll(FOCUS_WORDS)) {
    offsets.push(m.index)
    if (offsets.length > 200) return undefined
  }
  return offsets
}
