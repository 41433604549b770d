// The words PORT002 knows free-port helpers, probes, binds and clients by.
import {
  BARE_HELPER_NAME as BARE_HELPER_NAME_SOURCE,
  HELPER_NAME as HELPER_NAME_SOURCE,
} from '../../triggers.ts'

/** Calls and properties that read a bound socket's port. */
export const READ_CALL =
  /^(?:getsockname|address|Addr|getLocalPort|local_addr|localAddress|getLocalSocketAddress|LocalAddr|local_endpoint)$/

// C reads the number out of the address getsockname filled in: `ntohs(sa.sin_port)`.
export const READ_WORD =
  /^(?:server_address|server_port|LocalEnd[pP]oint|localPort|sockets|sin6?_port)$/

/** Words in an assignment's target that are not the variable: `let mut port`, `self.port`. */
export const NOT_A_VARIABLE = new Set(['const', 'let', 'var', 'val', 'mut', 'self', 'this', 'cls'])

/** Calls that only look at the number: logging, assertions, conversions. */
// Python's `isinstance(port, int)` looks at the number too (py-libp2p's test of its helper; census 67).
export const NOT_A_USE =
  /^(?:isinstance|log|print|printf|println|Printf|Println|Print|Logf|Log|Errorf|Fatal|Fatalf|len|info|debug|warn|error|assert\w*|expect|equal|eq|ok|is|Equal|Equals|NotEqual|NotEquals|Greater|GreaterOrEqual|Less|LessOrEqual|NotZero|Positive|True|str|int|String|toString|Itoa|format|Sprintf|valueOf|push|append|add|Contains|HasPrefix|HasSuffix|startsWith|endsWith)$/

export const ESCAPE_CALL =
  /^(?:resolve|res|done|cb|callback|next|fulfill|accept|set_result|send|put)$/

/** Languages whose sockets close when the last reference goes (refcount, RAII). */
export const DROPS_ON_SCOPE_EXIT = new Set(['python', 'rust'])

/** Helpers that hand out a number after closing their probe socket, by name or `Type::name`. */
export const RACY_HELPERS: Record<string, RegExp> = {
  python:
    /^(?:find_unused_port|pick_unused_port|unused_tcp_port_factory|unused_udp_port_factory|aiohttp_unused_port|get_unused_port|unused_port)$/,
  go: /^(?:GetFreePort|GetFreePorts|MustGetFreePort|GetPort|MustGetPort)$/,
  // Apache MINA's, Camel's and ActiveMQ's test utility `AvailablePortFinder.getNextAvailable()`.
  jvm: /^(?:findAvailableTcpPort|findAvailableUdpPort|findAvailableTcpPorts|findAvailableUdpPorts|findFreePort|findAvailablePort|getNextAvailable)$/,
  // The reserve-port crate's `ReservedPort::random()` only checks the port is free when it picks
  // it, and reserves it inside the process (axum-test's fix moved to `random_with_tcp`).
  rust: /^(?:pick_unused_port|unused_addr|get_available_port|free_port|ReservedPort::random)$/,
}

/** Connecting to ask whether anything listens: Python's `connect_ex`, Go's `net.DialTimeout`. */
export const CONNECT_PROBE = /^(?:connect_ex|connect|create_connection|Dial|DialTimeout)$/

/** …or by constructing a client that connects at once, in the languages whose clients do. */
export const CONSTRUCTS_CONNECTED = new Set(['java', 'kotlin', 'csharp'])

/** Reading the system's socket table: .NET's IPGlobalProperties, Python's psutil. */
export const LISTENER_TABLE =
  /^(?:GetActiveTcpListeners|GetActiveTcpConnections|GetActiveUdpListeners|net_connections)$/

/** Helper names from the pre-filter's vocabulary (triggers.ts), so both agree exactly. */
export const HELPER_NAME = new RegExp(`^(?:${HELPER_NAME_SOURCE})$`)

/** A function named for finding a free port: `findFreePort`, `get_unused_port`. */
export const namedForFreePort = (name: string): boolean => HELPER_NAME.test(name)

export const BARE_HELPER_NAME = new RegExp(`^(?:${BARE_HELPER_NAME_SOURCE})$`)

/**
 * The same for helpers that hand out a whole address: charon's `testutil.AvailableAddr(t)`,
 * `getFreeAddress()`. Not `random…Addr`, which tests use for made-up IP addresses.
 */
export const ADDRESS_HELPER_NAME =
  /^(?:(?:get|find|pick|allocate|reserve|acquire|obtain|grab)_?)?(?:free|unused|available)_?(?:tcp_?|local_?)?addr(?:ess)?$/i

/**
 * Names that say the number is meant to stay unbound, a dead endpoint a client is expected to be
 * refused by (node-opcua's `getUnreachableEndpoint()`, NovaTerminal's `deadPort = GetFreePort()`,
 * tchannel-go's `GetClosedHostPort`, bullmq's `_find_closed_port`): nothing binds it, so there
 * is no race to lose. Not "unbound": `find_unbound_port` is a classic racy helper (clipper).
 */
export const DEAD_END =
  /[uU]nreachable|(?:[dD]ead|[cC]losed)_?\w*(?:[pP]ort|[eE]ndpoint|[aA]ddr)|[rR]efus|[nN]ot_?[lL]istening|[nN]on_?[lL]istening|[bB]ad_?(?:[pP]ort|[eE]ndpoint|[aA]ddr)|ERROR_PORT|[eE]rror_?[pP]ort/

/**
 * Tests named for a connection that must fail (quickwit's `test_client_no_server`, npgsql's
 * `All_hosts_are_down`, aiosmtplib's `test_connect_error_with_no_server`, schemathesis's
 * `…_on_retry_network_error`, telegraf's `TestWriteTCPServerDown` and
 * `…ServerUnavailableOnWrite`, aiosmtplib's `test_connect_timeout_error`; not reqwest's
 * `http3_test_failed_connection`, which serves on its number after the failure): read only where
 * the scan sees no server bind the number, since such a test may start one afterwards. By name,
 * not by an assertion that something raises: that says nothing of the port (httpx_auth's tests
 * expect OAuth errors from servers on theirs).
 */
export const FAILS_TO_CONNECT =
  /[nN]o_?[sS]erver|[cC]onnect(?:ion)?_?(?:[eE]rror|[fF]ail)|[nN]etwork_?[eE]rror|[dD]own(?:ed)?_?(?:[bB]roker|[hH]ost|[sS]erver)|[hH]osts?_[aA]re_[dD]own|[sS]erver_?(?:[dD]own|[uU]navailable)|[cC]onnect(?:ion)?_?[tT]ime_?out|[uU]ndeliver/

/**
 * A test named for a port or address that is wrong on purpose: `…_with_invalid_proxy_port`,
 * go-mysql's `TestPool_WrongAddr`.
 */
export const INVALID_PORT =
  /(?:[bB]ad|[iI]nvalid|[wW]rong)_?(?:[a-z]+_|[A-Z][a-z]+)*?(?:[pP]ort|[eE]ndpoint|[aA]ddr)/

/** npm packages that return a port number after closing their probe server. */
export const RACY_MODULES = new Set([
  'get-port',
  'portfinder',
  'detect-port',
  'detect-port-alt',
  'find-free-port',
  'find-free-ports',
  'get-port-please',
  'portscanner',
  'openport',
  'freeport',
  'find-open-port',
  'port-finder',
])

/** pytest fixtures that do the same, received as test function parameters. */
export const RACY_FIXTURES =
  /^(?:unused_tcp_port|unused_udp_port|unused_tcp_port_factory|unused_udp_port_factory|aiohttp_unused_port)$/

/** A boolean answer: `bool`, `boolean`, or `return true` / `return False`. */
export const BOOLEAN = /^(?:bool|boolean|Boolean)$/

/** Calls that register a handler for an event, which runs later, when the event comes. */
export const EVENT_HANDLER =
  /^(?:on|once|addListener|addEventListener|prependListener|prependOnceListener)$/

/**
 * Calls that register clean-up to run when the test or the program ends: browser-sync's
 * `bs.registerCleanupTask(function () { server.close() })`, Go's `t.Cleanup(func() { l.Close() })`,
 * unittest's `addCleanup`, pytest's `request.addfinalizer`, a suite's `afterEach`/`afterAll`,
 * micro's `registerShutdown(() => { server.close() })`, the JVM's `addShutdownHook`.
 */
export const CLEANUP_REGISTRATION =
  /^(?:registerCleanupTask|registerCleanup|addCleanup|Cleanup|addfinalizer|addFinalizer|afterEach|afterAll|addTeardown|onTestFinished|registerShutdown|onShutdown|addShutdownHook)$/

/** A start of something that may serve: `start()`, `serve_forever()`, `runServer()`; not `run_command`. */
export const STARTS_SERVING =
  /^(?:start|listen|bind|serve|run)(?:_?(?:server|app|async|forever))?$/i

/** Calls that bind or start a server on the port they are given: `_run_fake_otlp(port, …)` too. */
export const BINDS = /^_*(?:listen|bind|serve|start|run|spawn|launch)\w*$/i

/** Servers that bind when they are made: graphql-ws's `new WebSocketServer({ port, path })`. */
export const BINDS_WHEN_MADE = /^(?:\w*Server|ServerSocket|DatagramSocket|TcpListener|UdpClient)$/

/** Calls that open a connection: `connect`, `connectWith`, `Dial`, `DialContext`. */
export const DIALS = /^(?:connect|Connect|dial|Dial)\w*$/

/** Calls that dial a port rather than bind it: clients, senders, connections. */
export const CLIENT_CALL =
  /(?:Client|Sender|Connection|^connect|^Connect|^Dial\w*|^create_connection|^open_connection|^(?:[tT]o|[sS]endTo)_?[pP]ort)$/
