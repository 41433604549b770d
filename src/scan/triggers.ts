// Cheap text tests that decide whether a file is worth parsing. They must match every file a
// rule could fire in (the eval checks recall with and without them), and little else.

/** PORT002 is the only rule outside test code: port reads and free-port helpers. */
export const ANY_CODE =
  /getsockname|\.address\(\)|Addr\(\)|getLocalPort|LocalEndpoint|local_addr|localPort|server_address|unused_|(?:free|unused|available|open|random|ephemeral)_?(?:tcp_?|udp_?)?ports?|get-?port|portfinder|detect-port|find-free-port|portpicker|freeport|findAvailable|AvailableTcpPort/i

/** Everything the test-only rules look for: listeners, socket options, loopback names. */
export const TEST_CODE =
  /listen|Listen|bind|Bind|serve|Serve|[Ss]ocket|[Ss]erver|Client|[pP]ort|PORT|REUSE|[Rr]euse|Exclusive|localhost|127\.0\.0\.1|::1|[Ss]tart\(|Run\(|[Rr]estart/

/** Test regions inside ordinary files: Rust #[test], Go *testing.T, JUnit @Test, xUnit [Fact]. */
export const TEST_REGION =
  /#\[(?:cfg\()?test|#\[\w+::test|testing\.(?:T|B|TB|F)\b|@Test\b|\[(?:Fact|Theory|Test|TestMethod)\b/

export function worthParsing(text: string, testFile: boolean): boolean {
  if (testFile || TEST_REGION.test(text)) return TEST_CODE.test(text) || ANY_CODE.test(text)
  return ANY_CODE.test(text)
}
