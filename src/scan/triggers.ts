// Cheap text tests that decide whether a file is worth parsing. They must match every file a
// rule could fire in (the eval checks recall with and without them), and little else.

/** PORT002 in any code: reading a bound socket's port… */
const PORT_READ =
  /getsockname|\.address\(\)|Addr\(\)|getLocalPort|LocalEndpoint|local_addr|localPort|server_address|server_port|\.sockets\b/

/** …or calling a helper or module known to hand out numbers (see free-port-race.ts). */
const RACY_HELPER =
  /unused_(?:tcp|udp)_port|unused_port|unused_addr|(?:get|find|pick|choose|allocate|reserve|acquire|obtain|grab|random|next)_?(?:a_?)?(?:free|unused|available|open|random|ephemeral|idle|unbound)_?(?:tcp_?|udp_?|local_?)?ports?|(?:free|unused|available)_?(?:tcp_?|udp_?)?ports?\b|get-port|portfinder|detect-port|find-free-port|find-open-port|port-finder|portscanner|openport|portpicker|freeport|findAvailable(?:Tcp|Udp)?Ports?/i

export const ANY_CODE = new RegExp(`${PORT_READ.source}|${RACY_HELPER.source}`, 'i')

/** Everything the test-only rules look for: listeners, socket options, loopback names. */
export const TEST_CODE =
  /listen|Listen|bind|Bind|serve|Serve|[Ss]ocket|[Ss]erver|Client|[pP]ort|PORT|REUSE|[Rr]euse|Exclusive|localhost|127\.0\.0\.1|::1|[Ss]tart\(|Run\(|[Rr]estart/

/** Test regions inside ordinary files: Rust #[test], Go *testing.T, JUnit @Test, xUnit [Fact]. */
export const TEST_REGION =
  /#\[(?:cfg\()?test|#\[\w+::test|testing\.(?:T|B|TB|F)\b|@Test\b|\[(?:Fact|Theory|Test|TestMethod)\b/

/** TypeScript declaration files hold types only: no call a rule could flag. */
const DECLARATIONS = /\.d\.[cm]?ts$/

export function worthParsing(text: string, testFile: boolean, path = ''): boolean {
  if (DECLARATIONS.test(path)) return false
  if (testFile || TEST_REGION.test(text)) return TEST_CODE.test(text) || ANY_CODE.test(text)
  return PORT_READ.test(text) || RACY_HELPER.test(text)
}

/** Files at least this large, outside tests, are read around their trigger words only. */
export const FOCUS_MIN_CHARS = 32_000

/** npm modules whose imported names must be followed through the whole file. */
const RACY_MODULE =
  /get-port|portfinder|detect-port|find-free-port|find-open-port|port-finder|portscanner|openport|portpicker|freeport/

/**
 * Where a large non-test file mentions PORT002's trigger words, so that only the functions
 * around them are examined; undefined means "read the whole file".
 */
export function focusOffsets(
  text: string,
  testFile: boolean,
  minChars = FOCUS_MIN_CHARS,
): number[] | undefined {
  if (testFile || text.length < minChars || TEST_REGION.test(text) || RACY_MODULE.test(text)) {
    return undefined
  }
  const offsets: number[] = []
  for (const re of [PORT_READ, RACY_HELPER]) {
    for (const m of text.matchAll(
      new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`),
    )) {
      offsets.push(m.index)
      if (offsets.length > 200) return undefined
    }
  }
  return offsets
}
