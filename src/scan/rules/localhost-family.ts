// PORT005: the server binds one address family and the client dials the name `localhost`
// (or the reverse, in JavaScript, where `listen(p, 'localhost')` binds only the first answer).
import type { Call, Str } from '../facts.ts'
import { contains, innermostCall, lastAssign } from '../facts.ts'
import type { Family } from '../languages.ts'
import { familyOf, isWildcardV6, parseAddress, type Port } from '../values.ts'
import type { Hit, Rule } from './context.ts'
import { ASSERTION } from '../assertions.ts'
import { hasWord, inTest, namedScope, rootOf, type RuleContext } from './context.ts'
import type { Listener } from '../listeners.ts'
import { READ_CALL } from './free-port-race/vocabulary.ts'

const LOCALHOST = /(?:^|\/\/|@)localhost(?=$|[:/])/i
const IPV4_SOCKET = /^AddressFamily\.InterNetwork$/
const LOOPBACK_V4 = /(?:^|\/\/|@)127\.0\.0\.1(?=$|[:/])/
/** Name lookups: `LookupIP`, `getaddrinfo`, `Dns.GetHostAddresses`, `InetAddress.getByName`. */
const LOOKUP =
  /^_*(?:[lL]ookup\w*|[rR]esolve\w*|getaddrinfo|gethostbyname\w*|getByName|getAllByName|GetHostEntry\w*|GetHostAddresses\w*)$/

/** A .NET client socket made for IPv4 resolves `localhost` to IPv4 addresses only. */
function ipv4Client(ctx: RuleContext, servers: Listener[]): boolean {
  const serverSockets = new Set(servers.map((l) => rootOf(l.text)))
  return ctx.facts.calls.some((c) => {
    if (!c.args.some((a) => IPV4_SOCKET.test(a.value.text))) return false
    const socket = ctx.facts.assigns.find((a) => contains(a.at, c.at))
    return socket !== undefined && !serverSockets.has(socket.name)
  })
}

const JVM: ReadonlySet<Family> = new Set(['java', 'kotlin'])

/** Option keys that choose a client's IP version: `IPProtocol`, `ip_family`, `ipVersion`. */
const IP_VERSION_KEY = /^(?:preferred_?)?ip_?(?:protocol|family|version)$/i
const IPV4 = /^(?:ip_?v?4|v4|4|tcp4|inet)$/i
/** A family named outright, not "any": `IpVersion::V4`, `IPv6`, `AF_INET6`. */
const PINNED_FAMILY = /(?:^|\W)(?:V[46]|IPv[46]|Ipv[46]|INET6?|ip[46])$/

/** Calls that say they dial: `connect`, `Dial`, `createClient`, `TcpClient`, a request or URI. */
const DIALS = /connect|dial|client|request|fetch|socket|channel|session|ur[il]|endpoint|address/i
const PORT_WORD = /port/i
/** A socket address written out or held: `SocketAddr::new(…)`, `addr`, `server.local_addr()`. */
const SOCKET_ADDRESS = /SocketAddr|Ip(?:v[46])?Addr|local_addr\(\)|(?:^|[._])addr(?:ess)?$/
/** A TLS connector built by its library: `TlsConnector::from(cfg)`, `s2n_tls_tokio::TlsConnector::new(…)`. */
const TLS_CONNECTOR = /(?:Tls|Ssl|TLS|SSL)Connector\b/
/** Option keys that name the server a TLS client checks the certificate for, not where it dials. */
const TLS_SERVER_NAME =
  /^(?:servername|serverName|server_name|ServerName|server_hostname|sni|SNI|TargetHost|targetHost)$/

export const localhostFamily: Rule = (ctx) => {
  const { facts } = ctx
  const servers = ctx.listeners.filter((l) => l.kind === 'server')
  const ipv4First =
    facts.calls.some((c) => c.name === 'setDefaultResultOrder') ||
    facts.strings.some((s) => /ipv4first|dns-result-order/.test(s.value)) ||
    facts.entries.some(
      (e) =>
        (e.key === 'family' && e.value.kind === 'int' && e.value.value === 4) ||
        e.key === 'autoSelectFamily' ||
        // A client configured for IPv4 (blackbox_exporter's `IPProtocol: "ip4"`).
        (IP_VERSION_KEY.test(e.key) && e.value.kind === 'string' && IPV4.test(e.value.value)),
    ) ||
    ipv4Client(ctx, servers)
  if (ipv4First) return []
  const inServer = (s: Str) => servers.some((l) => contains(l.at, s.at))
  // A bare 'localhost' counts where a client is handed it: not in a constant's definition, not a
  // name looked up (v2ray's DNS test asks its resolver for 'localhost') or asserted, and only
  // where the call says it dials or is handed a port beside it; one written into a protocol's
  // frame or a record is data (amqpnetlite's `TestListener.FRM(stream, 0x10UL, 0, 0,
  // "TestListener", "localhost", 512u)`, the Open frame's host name).
  const dialled = (s: Str, server: Listener) => {
    const call = innermostCall(facts, s.at)
    if (!call || LOOKUP.test(call.name) || ASSERTION.test(call.name)) return false
    // A header's value is text sent, not an address dialled (poem's `.header(header::HOST,
    // "localhost")` on a request whose URI is the listener's own address).
    if (/[hH]eader/.test(call.name)) return false
    // Beside the address it dials, the name is the TLS server name the certificate is checked
    // against (compio-quic's `endpoint.connect(SocketAddr::new(…), "localhost", None)`; census 58).
    if (
      call.args.some((a) => !contains(a.at, s.at) && SOCKET_ADDRESS.test(a.value.text)) &&
      !call.args.some((a) => !contains(a.at, s.at) && PORT_WORD.test(a.value.text))
    )
      return false
    // A TLS connector's `connect(domain, stream)` secures a connection already made: the name
    // is the certificate's (tokio-rustls's `connector.connect("localhost", client_tcp)`,
    // s2n-tls-tokio's `client.connect("localhost", stream)`; census 67).
    if (call.name === 'connect' && call.args.length === 2 && tlsConnector(call)) return false
    if (DIALS.test(call.callee)) return true
    const port = server.port.kind === 'fixed' ? server.port.port : undefined
    return call.args.some(
      (a) =>
        !contains(a.at, s.at) &&
        (PORT_WORD.test(a.value.text) || (a.value.kind === 'int' && a.value.value === port)),
    )
  }
  const tlsConnector = (call: Call) =>
    /^\w+$/.test(call.receiver) &&
    TLS_CONNECTOR.test(lastAssign(facts, call.receiver, call.at)?.value.text ?? '')
  // A constant whose every use is a server's address is no client ("localhost:0" to listen on).
  const onlyServes = (s: Str) => {
    const constant = facts.assigns.find((a) => contains(a.at, s.at))
    if (!constant?.name) return false
    const uses = facts.calls.filter(
      (c) => c.args.some((a) => hasWord(a.value.text, constant.name)) && !contains(c.at, s.at),
    )
    return uses.length > 0 && uses.every((c) => servers.some((l) => contains(l.at, c.at)))
  }
  // A URL handed, beside a stream already connected, to a handshake over that stream: the name is
  // only the request's, never resolved (async-tungstenite's `client_async(url, tcp)` after `let
  // tcp = TcpStream::connect("127.0.0.1:12345")`; census 72).
  const connected = new Set(
    facts.assigns
      .filter((a) => a.value.kind === 'call' && /(?:::|\.)connect\w*\(/.test(a.value.text))
      .map((a) => a.name),
  )
  const overConnectedStream = (s: Str) => {
    if (connected.size === 0) return false
    const held = facts.assigns.find((a) => contains(a.at, s.at) && /^\w+$/.test(a.target))
    const uses = facts.calls.filter(
      (c) =>
        !contains(c.at, held?.at ?? s.at) &&
        c.args.some((a) => contains(a.at, s.at) || (held && hasWord(a.value.text, held.name))),
    )
    const given = facts.calls.filter((c) => c.args.some((a) => contains(a.at, s.at)))
    return [...uses, ...given].some((c) =>
      c.args.some((a) => a.value.kind === 'name' && connected.has(a.value.name)),
    )
  }
  // A client told which family to use resolves `localhost` to that one (isahc's
  // `Request::get(…).ip_version(IpVersion::V4)`, testing that it fails; census 53).
  const pinned = (s: Str) =>
    facts.calls.some(
      (c) =>
        IP_VERSION_KEY.test(c.name) &&
        contains(c.at, s.at) &&
        c.args.some((a) => PINNED_FAMILY.test(a.value.text)),
    )
  // `http2.connect(server.url, { ca, servername: "localhost" })`: the name the certificate is
  // checked for, beside the URL dialled (srvx's tests; census 58).
  const tlsServerName = (s: Str) =>
    facts.entries.some((e) => TLS_SERVER_NAME.test(e.key) && contains(e.at, s.at))
  // The URL reads another server's port (got-scraping's `https://localhost:${(httpsServer
  // .address() as AddressInfo).port}/` beside a proxy on 127.0.0.1; census 65): it dials that one.
  const namesOf = (l: Listener) => {
    const held = facts.assigns.find((a) => contains(a.at, l.at))?.name
    return new Set([l.call?.receiver, held].filter((n) => n !== undefined && /^\w+$/.test(n)))
  }
  const servesOther = (s: Str, server: Listener) => {
    const read = facts.calls.filter((c) => READ_CALL.test(c.name) && contains(s.at, c.at))
    const mine = namesOf(server)
    return read.some(
      (c) =>
        !mine.has(c.receiver) && servers.some((o) => o !== server && namesOf(o).has(c.receiver)),
    )
  }
  // The URL names a port another server of the test listens on, when this one's port is not
  // known: it dials that one (gortsplib's `rtsp://localhost:8554/…` beside a TCP server on
  // `localhost:8554` and UDP sockets on `127.0.0.1:<port>`; census 69).
  const anotherServersPort = (s: Str, server: Listener) => {
    if (server.port.kind === 'fixed') return false
    const port = Number(parseAddress(s.value)?.port)
    return servers.some(
      (o) =>
        o !== server &&
        o.port.kind === 'fixed' &&
        o.port.port === port &&
        sameTest(ctx, o, s.scope),
    )
  }
  const js = ctx.family === 'js'
  const hits: Hit[] = []
  const families = new Map(
    servers.map((server) => {
      const network = ctx.family === 'go' ? server.call?.args[0]?.value : undefined
      const net = network?.kind === 'string' ? network.value : undefined
      return [server, familyOf(server.host, ctx.family, net)] as const
    }),
  )
  for (const server of servers) {
    const family = families.get(server)!
    // The test listens on both families (isahc's `any_ip_version_uses_ipv4_or_ipv6`, 127.0.0.1
    // and ::1 on one port): `localhost` reaches one of them whichever comes first.
    const other = family === 'v4' ? 'v6' : family === 'v6' ? 'v4' : undefined
    if (
      other &&
      servers.some(
        (o) => o !== server && families.get(o) === other && sameTest(ctx, server, o.scope),
      )
    )
      continue
    let clients: Str[] = []
    let why = ''
    let resolves = ''
    // The JVM resolves `localhost` IPv4-first unless told otherwise (java.net.preferIPv6Addresses
    // is false by default), so its clients reach a server on 127.0.0.1 or 0.0.0.0 (undertow's
    // tests, census 31).
    if (family === 'v4' && JVM.has(ctx.family)) continue
    if (family === 'v4' || family === 'v6') {
      const implicit = js ? implicitLocalhost(ctx) : []
      clients = [...facts.strings, ...implicit].filter(
        (s) =>
          LOCALHOST.test(s.value) &&
          !inServer(s) &&
          !pinned(s) &&
          !tlsServerName(s) &&
          (implicit.includes(s) || s.value.toLowerCase() !== 'localhost' || dialled(s, server)) &&
          samePort(server.port, s.value) &&
          sameTest(ctx, server, s.scope) &&
          !onlyServes(s) &&
          !overConnectedStream(s) &&
          !servesOther(s, server) &&
          !anotherServersPort(s, server),
      )
      why =
        family === 'v4'
          ? `binds IPv4 only (${server.host || 'all IPv4 addresses'})`
          : `binds IPv6 only (${server.host}${isWildcardV6(server.host ?? '') ? `: ${WILDCARD_V6_ONLY[ctx.family]}` : ''})`
      resolves =
        family === 'v4'
          ? 'where localhost resolves to ::1 first (Node.js 17+, often macOS and Windows)'
          : 'where localhost resolves to 127.0.0.1 first or only (Node.js before 17, hosts and ' +
            'containers whose /etc/hosts has no ::1 for it)'
    } else if (family === 'localhost' && js) {
      clients = facts.strings.filter(
        (s) =>
          LOOPBACK_V4.test(s.value) &&
          !inServer(s) &&
          samePort(server.port, s.value) &&
          sameTest(ctx, server, s.scope),
      )
      why = "binds 'localhost', which Node.js 17+ resolves to ::1 first"
      resolves = 'where localhost resolves to ::1 first'
    }
    for (const client of clients) {
      if (!inTest(ctx, client.scope) || hits.some((h) => h.at.start === client.at.start)) continue
      hits.push({
        rule: 'PORT005',
        severity: js ? 'warning' : 'note',
        at: client.at,
        code: client.value,
        message:
          `The server on line ${server.at.line} ${why}, but this client dials ` +
          `'${client.value.slice(0, 60)}': ${resolves} the connection is refused or has to retry.`,
      })
    }
  }
  return hits
}

/**
 * Node's `net.connect({ port })` and `net.connect(port)` without a host dial 'localhost': a
 * client of the name as much as one that writes it (libp2p/js-libp2p-tcp's max-connections test,
 * ECONNREFUSED ::1 on CI until it named 127.0.0.1). Stands at the call.
 */
function implicitLocalhost(ctx: RuleContext): Str[] {
  const out: Str[] = []
  for (const c of ctx.facts.calls) {
    if (!/^(?:connect|createConnection)$/.test(c.name) || !/^(?:net|tls)$/.test(c.receiver))
      continue
    const first = c.args[0]?.value
    const hostless =
      first?.kind === 'object'
        ? first.entries.some((e) => e.key === 'port') &&
          !first.entries.some((e) => /^(?:host|path)$/.test(e.key))
        : // `net.connect(socketPath)` dials a pipe: only a number or a name for a port.
          // Anything but a callback after the port is a host (`host ?? '127.0.0.1'` too, in
          // got-scraping's proxy; census 65).
          (first?.kind === 'int' || (first?.kind === 'name' && /port/i.test(first.last))) &&
          c.args.slice(1).every((a) => a.value.kind === 'function')
    if (hostless) out.push({ value: 'localhost', at: c.at, scope: c.scope })
  }
  return out
}

/** Why `::` is IPv6 only in languages that do not bind it dual-stack everywhere. */
const WILDCARD_V6_ONLY: Partial<Record<Family, string>> = {
  python: 'IPv6 only with asyncio and socket.create_server, and on Windows',
  csharp: '.NET IPv6 sockets are IPv6 only unless DualMode is set',
  rust: 'IPv6 only on Windows, whose default is IPV6_V6ONLY',
  c: 'IPv6 only on Windows, whose default is IPV6_V6ONLY',
}

/** Calls whose function argument prepares a test's server: a fixture, not a test of its own. */
const FIXTURE_CALL = /^(?:before|beforeEach|beforeAll|setup|suiteSetup|BeforeEach|BeforeAll)$/
const FIXTURE_NAME =
  /^(?:setUp|setUpClass|asyncSetUp|setup_method|setup_class|setup|SetUp|Setup|beforeEach|beforeAll|init|Initialize|TestInitialize|OneTimeSetUp)$/

/**
 * A client is paired only with a server of the same test: the same unit of work, a server set up
 * around it (at the level of its describe block, class or file), or in a fixture of an enclosing
 * block. A server in one `it` and a URL in another, thousands of lines apart, are not a pair
 * (websockets/ws's WebSocket.test.js: 31 false alarms in the judged sample; cpp-httplib's
 * test.cc, where every test is a macro block at the file's level).
 */
function sameTest(ctx: RuleContext, server: Listener, clientScope: number): boolean {
  const { scopes } = ctx.facts
  const serverUnit = namedScope(ctx, server.scope)
  // C and C++ tests are macro blocks (`TEST(Suite, Name) {…}`), not functions: at the file's
  // level the scan cannot tell one test from the next, so it pairs nothing there.
  if (ctx.family === 'c' && serverUnit === 0) return false
  const around = new Set<number>()
  for (let s = namedScope(ctx, clientScope); ; s = scopes[s]!.parent) {
    around.add(s)
    if (s === 0 || !scopes[s]) break
  }
  if (around.has(serverUnit)) return true
  const unit = scopes[serverUnit]
  const fixture =
    unit &&
    ((unit.role === 'argument' && FIXTURE_CALL.test(unit.passedTo)) || FIXTURE_NAME.test(unit.name))
  return Boolean(fixture && around.has(unit.parent))
}

/** A client can be talking to this server: unless both ports are literals and differ. */
/** The port a URL of each scheme goes to when it names none. */
const SCHEME_PORT: Readonly<Record<string, number>> = { http: 80, ws: 80, https: 443, wss: 443 }

function samePort(server: Port, client: string): boolean {
  const port = parseAddress(client)?.port
  // A URL with no port goes to its scheme's default port, never to a port the OS chose, nor to
  // another fixed one (mosn's `Path: "http://localhost/400?foo=bar"` beside a server on 22222;
  // census 60).
  if (port === undefined && client.includes('://')) {
    if (server.kind === 'zero') return false
    const scheme = /^(\w+):\/\//.exec(client)?.[1]?.toLowerCase() ?? ''
    const implied = SCHEME_PORT[scheme]
    if (server.kind === 'fixed' && implied !== undefined) return server.port === implied
  }
  if (port === undefined || !/^\d+$/.test(port)) return true
  if (server.kind === 'fixed') return server.port === Number(port)
  return server.kind !== 'zero'
}
