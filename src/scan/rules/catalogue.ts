// The rules' public face: stable ids, names, severities, why each pattern is flaky and on which
// OS, and the safe pattern in each language. Ids never change meaning; retired ids are not reused.
import type { Severity } from '../finding.ts'
import type { Family } from '../languages.ts'

export interface RuleInfo {
  id: string
  /** kebab-case name, shown in SARIF and the terminal. */
  name: string
  /** One line: what the rule finds. */
  title: string
  /** Why it is flaky, and where (OS, runtime). At most 1,024 characters (GitHub's limit). */
  description: string
  severity: Severity
  /** How often a finding is right, in GitHub's terms (measured by `npm run eval:scan`). */
  precision: 'very-high' | 'high' | 'medium' | 'low'
  /** The rule looks at test code only (by path conventions or test-region marks). */
  testOnly: boolean
  advice: Record<Family, string>
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'PORT001',
    name: 'fixed-port-in-test',
    title: 'A test listens on a fixed port',
    description:
      'A listener in test code asks for a literal port. Parallel test workers, a second CI job on ' +
      'the same host, or a leftover server collide on it with EADDRINUSE; on Linux (32768-60999) ' +
      'and on macOS and Windows (49152-65535) an outgoing connection can hold a "random" high port ' +
      'as its ephemeral port. On Windows a collision can hang the test instead of failing it.',
    severity: 'warning',
    precision: 'medium',
    testOnly: true,
    advice: {
      python:
        "Bind port 0 and keep the socket: `srv = HTTPServer(('127.0.0.1', 0), H)`, then read `srv.server_address[1]`.",
      js: 'Listen on port 0 and read the port back: `server.listen(0, () => { const { port } = server.address() })`.',
      go: 'Use `httptest.NewServer(h)`, or `l, _ := net.Listen("tcp", "127.0.0.1:0")` and `l.Addr()`.',
      java: 'Use `new ServerSocket(0)` and `getLocalPort()`; for servers, configure port 0 and ask the server which port it got.',
      kotlin:
        'Use `ServerSocket(0)` and `localPort`; for Ktor or MockWebServer, start on port 0 and read the resolved port.',
      csharp:
        'Use `new TcpListener(IPAddress.Loopback, 0)`, `Start()`, then `((IPEndPoint)l.LocalEndpoint).Port`.',
      rust: 'Bind `"127.0.0.1:0"` and read `listener.local_addr()?.port()`, keeping the listener.',
      c: "Bind with `sin_port = 0` (an endpoint text: port `0`, or ZeroMQ's `tcp://127.0.0.1:*`), then ask for the port the kernel chose (`getsockname()`, `ZMQ_LAST_ENDPOINT`).",
    },
  },
  {
    id: 'PORT002',
    name: 'free-port-race',
    title: 'A free port is found, released, then used',
    description:
      'The port number is picked by binding (or probing) a socket, reading its port and closing ' +
      'it, so that something else binds the number later. Between the close and the later bind ' +
      'any process, or a parallel call of the same helper, can take the port: EADDRINUSE or a test ' +
      'talking to the wrong server, on every OS, most often on busy CI hosts. Helpers such as ' +
      'find_unused_port, portpicker, get-port, portfinder and phayes/freeport work this way.',
    // An error only where a test binds the helper's number later in the same function (measured
    // ≥ 0.90 on fresh code); most of its findings warn, so that is its default level.
    severity: 'warning',
    precision: 'medium',
    testOnly: false,
    advice: {
      python:
        'Pass the bound socket on instead of its number: keep `sock` bound to port 0 and hand it to the server (`socketserver` `bind_and_activate=False`, aiohttp `SockSite`, tornado `add_socket`).',
      js: 'Let the server itself listen on port 0 and read `server.address().port`; do not close a probe server and reuse its number.',
      go: 'Keep the listener: `l, _ := net.Listen("tcp", "127.0.0.1:0")` then `go srv.Serve(l)`; return `l` (or use httptest), not the port.',
      java: 'Start the server on port 0 and ask it for the port (Spring `@LocalServerPort`, `server.getLocalPort()`); do not close a probe ServerSocket and reuse its number.',
      kotlin:
        'Start the server on port 0 and read its resolved port; do not close a probe ServerSocket and reuse its number.',
      csharp:
        'Keep the TcpListener started on port 0 and hand it (or its socket) to the code under test.',
      rust: 'Return the bound `TcpListener` (or pass it to the server, e.g. `axum::serve(listener, app)`), not its port.',
      c: 'Keep the socket bound to port 0 open and pass the descriptor to the code that serves.',
    },
  },
  {
    id: 'PORT003',
    name: 'reuseaddr-in-test',
    title: 'A test sets SO_REUSEADDR',
    description:
      'On Windows SO_REUSEADDR lets a second socket bind a port another socket is actively using, ' +
      'after which either may get the traffic; a parallel test or stale server is then silently ' +
      'joined instead of failing. On Linux and macOS it hides TIME_WAIT from a fixed-port test ' +
      "that should not use a fixed port at all. CPython's own test helpers refuse it on TCP test " +
      'sockets; UDP multicast tests are the legitimate exception.',
    severity: 'note',
    precision: 'low',
    testOnly: true,
    advice: {
      python:
        'Drop `SO_REUSEADDR`/`allow_reuse_address` and bind port 0; on Windows use `SO_EXCLUSIVEADDRUSE` where a fixed port is unavoidable.',
      js: 'Bind port 0 instead of relying on address reuse.',
      go: 'Drop the SO_REUSEADDR setsockopt and listen on "127.0.0.1:0".',
      java: 'Remove `setReuseAddress(true)` / `SO_REUSEADDR` from the test and bind port 0.',
      kotlin: 'Remove `reuseAddress = true` from the test and bind port 0.',
      csharp:
        'Remove `ReuseAddress` / `ExclusiveAddressUse = false`; keep `ExclusiveAddressUse = true` and bind port 0.',
      rust: 'Remove `set_reuse_address(true)` / `set_reuseaddr(true)` and bind "127.0.0.1:0".',
      c: 'Remove the SO_REUSEADDR setsockopt and bind port 0; on Windows set SO_EXCLUSIVEADDRUSE.',
    },
  },
  {
    id: 'PORT004',
    name: 'reuseport-in-test',
    title: 'A test sets SO_REUSEPORT',
    description:
      'On Linux SO_REUSEPORT lets every socket of the same user bind the same address and port ' +
      'and spreads connections across them: a stale server from an earlier test, or a parallel CI ' +
      'job under the same user, silently takes a share of the traffic instead of failing with ' +
      'EADDRINUSE. FreeBSD and macOS give it different semantics (SO_REUSEPORT_LB is the Linux-like ' +
      'one), Windows has no such option. On port 0 the number is its own: Linux hands no two ' +
      'SO_REUSEPORT sockets the same port from bind(0), with or without ip_autobind_reuse ' +
      '(measured), so only a socket told that number can join it.',
    severity: 'note',
    precision: 'low',
    testOnly: true,
    advice: {
      python: 'Remove `SO_REUSEPORT` / `reuse_port=True` from the test and bind port 0.',
      js: 'Remove `reusePort: true` from the test server options and listen on port 0.',
      go: 'Drop the SO_REUSEPORT control function and listen on "127.0.0.1:0".',
      java: 'Remove `SO_REUSEPORT` / `setReusePort(true)` from the test and bind port 0.',
      kotlin: 'Remove `reusePort = true` / `SO_REUSEPORT` from the test and bind port 0.',
      csharp: 'Remove the reuse option from the test socket and bind port 0.',
      rust: 'Remove `set_reuse_port(true)` / `set_reuseport(true)` and bind "127.0.0.1:0".',
      c: 'Remove the SO_REUSEPORT setsockopt and bind port 0.',
    },
  },
  {
    id: 'PORT005',
    name: 'localhost-family-mismatch',
    title: 'Server and client disagree on what localhost is',
    description:
      'The server binds one address family (127.0.0.1 or 0.0.0.0 is IPv4 only, ::1 IPv6 only) and ' +
      'the client dials the name localhost, or the reverse. Where localhost resolves to ::1 first ' +
      '(Node.js 17+ on most hosts, macOS, Windows) the client gets ECONNREFUSED; Node.js 20+ and ' +
      'most other clients retry the next address and only pay a failed connect, but hosts whose ' +
      '/etc/hosts maps localhost to one family only (containers) fail outright.',
    severity: 'warning',
    precision: 'low',
    testOnly: true,
    advice: {
      python:
        "Use the same literal on both sides (`'127.0.0.1'`), or build the URL from the server's bound address.",
      js: "Use `127.0.0.1` on both sides, build the URL from `server.address()`, or call `dns.setDefaultResultOrder('ipv4first')` in the test setup.",
      go: "Dial the listener's own address (`l.Addr().String()`, `srv.URL`) instead of localhost.",
      java: 'Connect to the address the server reports, or use 127.0.0.1 on both sides.',
      kotlin: 'Connect to the address the server reports, or use 127.0.0.1 on both sides.',
      csharp:
        'Use `IPAddress.Loopback` on both sides, or bind with `ListenLocalhost`, which binds both families.',
      rust: 'Connect to `listener.local_addr()` instead of localhost.',
      c: 'Connect to the address returned by getsockname() on the listening socket.',
    },
  },
  {
    id: 'PORT006',
    name: 'fixed-port-rebind',
    title: 'A test rebinds a fixed port right after closing it',
    description:
      'The same fixed port is bound again after the first listener was closed, by a socket ' +
      'without SO_REUSEADDR (a raw socket the test binds itself, or a server class that leaves ' +
      'the option off). A connection the server closed first leaves the port in TIME_WAIT for up ' +
      'to a minute or two, and on Linux and macOS the rebind fails with EADDRINUSE; Windows lets ' +
      'it pass. Runtimes that set SO_REUSEADDR on every listener (Node, Go, the JVM, .NET, Rust ' +
      "std, Python's asyncio and http.server) are not flagged: their fixed port is PORT001's.",
    severity: 'warning',
    precision: 'low',
    testOnly: true,
    advice: {
      python:
        'Restart on port 0 and read the new port, or keep the listening socket and restart only the handler.',
      js: 'Listen on port 0 again and read the new port from `server.address()`.',
      go: 'Keep the net.Listener and restart only the http.Server (`srv.Serve(l)`), or listen on ":0" again.',
      java: 'Rebind on port 0 and read the new port, or keep the ServerSocket open across the restart.',
      kotlin:
        'Rebind on port 0 and read the new port, or keep the ServerSocket open across the restart.',
      csharp: 'Start the new TcpListener on port 0 and read the new LocalEndpoint.',
      rust: 'Bind "127.0.0.1:0" again and read the new local_addr(), or keep the listener.',
      c: 'Bind port 0 again and call getsockname().',
    },
  },
  {
    id: 'PORT007',
    name: 'serve-before-listen',
    title: 'A test talks to a server before it is listening',
    description:
      'The server binds asynchronously (Go `go srv.ListenAndServe()`, Node `server.listen()` without ' +
      'waiting for the callback or promise, a Python thread whose target binds, a Java thread that ' +
      'starts a server, a C or C++ thread that listens) and the test sends its request right away. On a loaded CI runner the ' +
      'request wins the race and gets ECONNREFUSED, and bind errors are lost. Sleeps only move ' +
      'the race.',
    severity: 'warning',
    precision: 'low',
    testOnly: true,
    advice: {
      python:
        "Bind in the test thread (`srv = HTTPServer(('127.0.0.1', 0), H)`) and only run `serve_forever` in the thread.",
      js: 'Await the listen: `await new Promise((r) => server.listen(0, r))` or `await once(server, "listening")`.',
      go: 'Bind first, then serve: `l, err := net.Listen("tcp", "127.0.0.1:0")` then `go srv.Serve(l)`; or use httptest.',
      java: 'Start the server synchronously and wait for it to report its port before connecting.',
      kotlin:
        'Start the server with `start(wait = false)` after binding, and wait for its resolved port before connecting.',
      csharp: 'Await `StartAsync()` before sending requests.',
      rust: 'Bind the TcpListener first, then spawn the server with it.',
      c: 'Bind and listen before starting the thread and hand it the listening socket, or have the thread signal (a condition variable, a promise) after listen() and wait for that before connecting.',
    },
  },
]

export const RULE_IDS = RULES.map((r) => r.id)

export function ruleInfo(id: string): RuleInfo {
  const rule = RULES.find((r) => r.id === id)
  if (!rule) throw new Error(`unknown rule ${id}`)
  return rule
}
