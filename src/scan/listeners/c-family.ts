// C's and C++'s listeners: `bind` on an address the function fills in, libraries that bind an
// endpoint text, servers constructed on an address.
import type { Assign, Call, FileFacts, Span, Value } from '../facts.ts'
import { declaresVariable, spanning } from '../facts.ts'
import {
  ADDRESS_HOST,
  addressOf,
  parseAddress,
  constantsAt,
  joinedString,
  literalNumber,
  MIN_PORT,
  NAMED_PORT,
  portOf,
  resolve,
} from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { hostAndPort, isHostText, isIntValue, pos, server } from './reading.ts'
import type { Listener } from '../listeners.ts'

/**
 * C and C++ libraries bind to an endpoint text (`zmq_bind(s, "tcp://127.0.0.1:5555")`,
 * `mg_http_listen(&mgr, "http://0.0.0.0:8000", …)`), or to an address libuv fills in
 * (`uv_ip4_addr(host, port, &addr)`) for a `uv_tcp_bind`/`uv_udp_bind` in the same function.
 */
export function cFamily(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  if (/getaddrinfo$/i.test(n) && passiveLookup(call, facts)) return passiveAddress(call, consts)
  // drogon's `app().addListener("0.0.0.0", 8848)` reads like cpp-httplib's listen.
  if (/(?:^|_)(?:bind|listen)$/i.test(n) || n === 'addListener') {
    const endpoint = call.args
      .map((a) => resolve(a.value, consts))
      .find((v) => v.kind === 'string' && parseAddress(v.value)?.port !== undefined)
    if (endpoint) return addressOf(endpoint, consts)
    // seastar's `listen(make_ipv4_address({"127.0.0.1", 10001}), …)`, or `listen(sa, …)` on
    // such an address built before it in the function.
    const built = call.args
      .map((a) => resolve(a.value, consts))
      .find((v) => v.kind === 'call' && SEASTAR_ADDRESS.test(v.call.name))
    if (built?.kind === 'call') return seastarAddress(built.call, consts)
    // Qt's `server.listen(QHostAddress::LocalHost, 45678)` (qcoro's tests).
    const qt = QT_HOSTS[pos(call, 0)?.text.replace(/\s+/g, '') ?? '']
    if (qt !== undefined && isIntValue(pos(call, 1), consts)) {
      const host: Value = { kind: 'string', value: qt, text: JSON.stringify(qt) }
      return hostAndPort(call, consts, host, pos(call, 1))
    }
    // cpp-httplib's `svr.listen("localhost", 1234)`; C's listen(fd, backlog) has no host text.
    if (isHostText(pos(call, 0), consts) && isIntValue(pos(call, 1), consts)) {
      return hostAndPort(call, consts, pos(call, 0), pos(call, 1))
    }
    // …or the port first: libff's `svr->listen(5678, "127.0.0.1", AF_INET)`.
    if (isIntValue(pos(call, 0), consts) && isHostText(pos(call, 1), consts)) {
      return hostAndPort(call, consts, pos(call, 1), pos(call, 0))
    }
    // Boost.Asio's `acceptor.bind(endpoint)` on an endpoint declared before it in the function
    // (clio's `tcp::endpoint const endpoint(tcp::v4(), 0)`).
    const declared = declaredEndpoint(call, facts)
    if (declared) return hostAndPort(declared, consts, pos(declared, 0), pos(declared, 1))
    // cucumber-cpp's `server->listen(PORT)`: one argument named for a port; zoneminder's
    // `server.bind(1234)`: a port-sized number given to a server object (asio's
    // `acceptor.listen(128)` and folly's `serverSocket->listen(1024)` take a backlog).
    const only = call.args.length === 1 ? pos(call, 0) : undefined
    if (only && isIntValue(only, consts)) {
      const named = /port/i.test(only.text)
      // A listen after the same object was bound takes a backlog (PhotonLibOS's
      // `server->bind_v4localhost()` then `server->listen(1024)`; census 76).
      const backlog =
        /listen$/i.test(n) &&
        (/sock/i.test(call.receiver) ||
          facts.calls.some(
            (c) =>
              c.receiver === call.receiver && /bind/i.test(c.name) && c.at.end <= call.at.start,
          ))
      const toServer =
        /server|srv/i.test(call.receiver) && !backlog && (literalNumber(only, consts) ?? 0) >= 1024
      if (named || toServer) return hostAndPort(call, consts, undefined, only)
    }
    return contextBind(call, consts)
  }
  // A server's address or port set before the server is started: dqlite's
  // `dqlite_server_set_address(f->servers[0], "127.0.0.1:8880")`, then
  // `dqlite_server_start(f->servers[0])`; lib60870's `CS104_Slave_setLocalPort(slave, 20004)`,
  // then `CS104_Slave_start(slave)`.
  const setsAddress = /_set_(?:bind_|listen_)?address$/.test(n)
  const setsPort = /_set_?(?:Local|Listen|Bind|local_|listen_|bind_)?[pP]ort$/.test(n)
  if ((setsAddress || setsPort) && call.args.length === 2) {
    const server = pos(call, 0)?.text
    const given = pos(call, 1)
    const started = facts.calls.some(
      (c) => /_start$/i.test(c.name) && c.at.start > call.at.end && pos(c, 0)?.text === server,
    )
    if (!started || !given) return undefined
    if (setsPort)
      return isIntValue(given, consts) ? hostAndPort(call, consts, undefined, given) : undefined
    const address = resolve(given, consts)
    if (address.kind === 'string' && parseAddress(address.value)?.port !== undefined)
      return addressOf(address, consts)
  }
  // industrial_core's `tcpServer.init(tcpPort)`: a server object set up on the port it is given,
  // named for a port or port-sized.
  if (n === 'init' && /server|srv/i.test(call.receiver) && call.args.length === 1) {
    const only = pos(call, 0)
    if (
      only &&
      isIntValue(only, consts) &&
      (/port/i.test(only.text) || (literalNumber(only, consts) ?? 0) >= 1024)
    )
      return hostAndPort(call, consts, undefined, only)
  }
  // A mock service a fixture builds on a written address listens there (clio's
  // `: WithMockXrpLedgerAPIService("localhost:55051")`).
  if (call.isNew && /Mock\w*(?:Service|Server)$/.test(n) && call.args.length === 1) {
    const address = resolve(pos(call, 0)!, consts)
    if (address.kind === 'string' && parseAddress(address.value)?.port !== undefined)
      return addressOf(address, consts)
  }
  // A server socket class constructed on its port binds it (ibrdtn's `testserver srv(new
  // ibrcommon::tcpserversocket(1234))`).
  if (call.isNew && /server_?socket$/i.test(n) && call.args.length === 1) {
    const only = pos(call, 0)
    if (only && isIntValue(only, consts) && (literalNumber(only, consts) ?? 0) >= 1024)
      return hostAndPort(call, consts, undefined, only)
  }
  // gRPC's `builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials())`.
  if (n === 'AddListeningPort') return addressOf(pos(call, 0), consts)
  // oatpp's `tcp::server::ConnectionProvider::createShared({"localhost", 8000})`.
  if (n === 'createShared' && /server::ConnectionProvider$/.test(call.receiver)) {
    const address = resolve(pos(call, 0) ?? { kind: 'tuple', items: [], text: '' }, consts)
    if (address.kind === 'tuple') return addressOf(address, consts)
  }
  if (SERVER_ADDRESS.test(n) || CONTEXT_BIND.test(n)) return contextBind(call, consts)
  if (/^uv_ip[46]_addr$/.test(n)) {
    // The address it fills must be the one bound: a client's `server_addr` is dialled, not bound.
    const filled = /^&?\s*([\w.]+)$/.exec(pos(call, 2)?.text ?? '')?.[1]
    const bound = facts.calls.some(
      (c) =>
        c.scope === call.scope &&
        /^uv_(?:tcp|udp)_bind$/.test(c.name) &&
        (filled === undefined ||
          c.args.some((a) => a.value.text.split(/[^\w.]+/).includes(filled))),
    )
    if (bound) return hostAndPort(call, consts, pos(call, 0), pos(call, 1))
  }
  return undefined
}

/**
 * A C library's bind that takes its context first (`tcp_context_bind(ctx, PORT, &err)`,
 * `evhttp_bind_socket(http, "127.0.0.1", 8080)`): an address host followed by a port number, or an
 * argument named for a port. The bare `bind(fd, addr, len)` and `listen(fd, backlog)` name neither. A
 * server's configuration call that sets its address does the same (libnetconf2's
 * `nc_server_config_add_address_port(ctx, "endpt", NC_TI_LIBSSH, "127.0.0.1", 10005, &tree)`).
 */
const SERVER_ADDRESS =
  /(?:^|_)server_(?:config_)?(?:add|set)_(?:\w+_)?(?:address|endpoint|listen)\w*$/i

/**
 * A library's bind or listen by name: `tcp_context_bind`, `sc_sock_listen`, `evhttp_bind_socket`,
 * picoquic's `picoquic_open_server_sockets(&sockets, port)`.
 */
const CONTEXT_BIND = /_(?:bind|listen)(?:_socket)?$|_open_server_sockets?$/i

/** NETCONF's call home (`nc_server_config_add_ch_address_port`): the server dials that address. */
const CALL_HOME = /(?:^|_)ch_|call_?home/i

function contextBind(call: Call, consts: Constants): Address | undefined {
  const named =
    CONTEXT_BIND.test(call.name) || (SERVER_ADDRESS.test(call.name) && !CALL_HOME.test(call.name))
  if (!named || call.args.length < 2) return undefined
  const args = call.args.map((a) => a.value)
  const host = args.findIndex(
    (v, i) => i > 0 && isAddressHost(v, consts) && isPortNumber(args[i + 1], consts),
  )
  if (host > 0) return hostAndPort(call, consts, args[host], args[host + 1])
  const port = args.find((v, i) => i > 0 && NAMED_PORT.test(v.text) && isPortNumber(v, consts))
  return port ? hostAndPort(call, consts, undefined, port) : undefined
}

function isAddressHost(v: Value | undefined, consts: Constants): boolean {
  const r = v && resolve(v, consts)
  return r?.kind === 'string' && ADDRESS_HOST.test(r.value)
}

/** A number that can be a listener's port in a test: a literal or constant from 1024 up. */
function isPortNumber(v: Value | undefined, consts: Constants): boolean {
  const port = portOf(v, consts)
  return port.kind === 'fixed' && port.port >= MIN_PORT
}

/** seastar's address builders: `make_ipv4_address({host, port})`, `ipv4_addr(host, port)`. */
const SEASTAR_ADDRESS = /^(?:make_ipv4_address|make_ipv6_address|ipv4_addr|socket_address)$/

/** Where the address a seastar `listen(sa, …)` is given was built: `auto sa = make_ipv4_address(…)`. */
export function addressBuiltFor(facts: FileFacts, call: Call): Span | undefined {
  const names = new Set(call.args.flatMap((a) => (a.value.kind === 'name' ? [a.value.name] : [])))
  return facts.assigns.findLast(
    (a) =>
      names.has(a.name) &&
      a.scope === call.scope &&
      a.at.end <= call.at.start &&
      a.value.kind === 'call' &&
      SEASTAR_ADDRESS.test(a.value.call.name),
  )?.at
}

function seastarAddress(call: Call, consts: Constants): Address | undefined {
  const first = call.args[0] ? resolve(call.args[0].value, consts) : undefined
  // `{1234}` is a port alone; `{"127.0.0.1", 10001}` a host and a port.
  if (first?.kind === 'tuple') {
    const [a, b] = first.items
    if (first.items.length === 1) return hostAndPort(call, consts, undefined, a)
    return hostAndPort(call, consts, a, b)
  }
  if (call.args.length === 2) return hostAndPort(call, consts, pos(call, 0), pos(call, 1))
  if (call.args.length === 1 && first && isIntValue(first, consts))
    return hostAndPort(call, consts, undefined, first)
  return undefined
}

/**
 * A C++ server built on an address: Pistache's `Http::Endpoint server(addr)` and
 * `std::make_shared<Http::Endpoint>(addr)`, trantor's `TcpServer server(loop, addr, "test")`.
 */
export function isAddressedServer(call: Call): boolean {
  return (
    (call.isNew && call.name === 'Endpoint' && /(?:^|::)Http$/.test(call.receiver)) ||
    (call.isNew && /^\w*Server$/.test(call.name)) ||
    (call.name === 'make_shared' && /^[\w:]*make_shared<(?:\w+::)*Http::Endpoint>/.test(call.text))
  )
}

/**
 * An address looked up to bind on: AI_PASSIVE among the arguments (open5gs's
 * `ogs_getaddrinfo(&addr, AF_UNSPEC, NULL, PORT, AI_PASSIVE)`) or in the hints the function sets
 * (`hints.ai_flags = AI_PASSIVE; getaddrinfo(NULL, "8080", &hints, &res)`).
 */
function passiveLookup(call: Call, facts: FileFacts): boolean {
  const passive = (text: string) => /\bAI_PASSIVE\b/.test(text)
  return (
    call.args.some((a) => passive(a.value.text)) ||
    facts.assigns.some(
      (a) => a.scope === call.scope && /ai_flags$/.test(a.target) && passive(a.value.text),
    )
  )
}

/** The host text and the port (a number, or a service written as one) of a passive lookup. */
function passiveAddress(call: Call, consts: Constants): Address | undefined {
  const values = call.args.map((a) => a.value)
  const port = values.find((v) => {
    const p = portOf(v, consts)
    return p.kind === 'fixed' && p.port >= MIN_PORT
  })
  if (!port) return undefined
  return hostAndPort(
    call,
    consts,
    values.find((v) => isHostText(v, consts) && v !== port),
    port,
  )
}

/** Qt's named addresses, as the address each binds: `QHostAddress::Any` is dual-stack. */
const QT_HOSTS: Readonly<Record<string, string>> = {
  'QHostAddress::LocalHost': '127.0.0.1',
  'QHostAddress::LocalHostIPv6': '::1',
  'QHostAddress::AnyIPv4': '0.0.0.0',
  'QHostAddress::AnyIPv6': '::',
  'QHostAddress::Any': '',
}

/**
 * The Boost.Asio endpoint a bind's only argument names, declared before it in the same function:
 * `tcp::endpoint ep(address, port)`, `asio::ip::udp::endpoint const ep{…}`.
 */
function declaredEndpoint(call: Call, facts: FileFacts): Call | undefined {
  const only = call.args.length === 1 ? call.args[0]!.value : undefined
  if (only?.kind !== 'name') return undefined
  return facts.calls.findLast(
    (c) =>
      c.name === 'endpoint' &&
      c.args.length === 2 &&
      c.scope === call.scope &&
      c.at.end <= call.at.start &&
      declaresVariable(c, only.name),
  )
}

/**
 * The address a C++ server serves on: a `"host:port"` text or an inline `Address(host, port)`
 * given to a Pistache endpoint, or an address declared before it in the function (Pistache's
 * `Address addr(Ipv4::any(), 9080)`, trantor's `InetAddress addr(8888)`), where the port is
 * written and the finding starts.
 */
export function addressedServer(
  call: Call,
  consts: Constants,
  facts: FileFacts,
  byScope: ReadonlyMap<number, Assign[]>,
): Listener | undefined {
  const given = call.args[0]?.value
  if (!given) return undefined
  if (!call.name.endsWith('Server')) {
    if (given.kind === 'string') return server(call, addressOf(joinedString(given, consts), consts))
    if (given.kind === 'call' && given.call.name === 'Address')
      return server(call, hostAndPort(call, consts, pos(given.call, 0), pos(given.call, 1)))
  }
  // `Address addr(…)` for one of the names given: a declaration the grammar may read as a
  // function's (the most vexing parse). The first, where `#if USE_IPV6 … #else … #endif` declares
  // it once per branch (trantor's `InetAddress addr(8888, true, true)`): the finding covers both.
  const names = call.args.flatMap((a) => (a.value.kind === 'name' ? [a.value.name] : []))
  const address = facts.calls.find(
    (c) =>
      /^(?:Inet)?Address$/.test(c.name) &&
      c.scope === call.scope &&
      c.at.end <= call.at.start &&
      names.some((n) => declaresVariable(c, n)),
  )
  if (!address) return undefined
  const local = constantsAt(facts, consts, address.scope, address.at.start, byScope)
  // trantor's `InetAddress(port, loopbackOnly, ipv6)` starts with the port.
  const portFirst = isIntValue(pos(address, 0), local) && !isIntValue(pos(address, 1), local)
  const listener = server(
    call,
    portFirst
      ? hostAndPort(address, local, undefined, pos(address, 0))
      : hostAndPort(address, local, pos(address, 0), pos(address, 1)),
  )
  return { ...listener, at: spanning(address.at, call.at) }
}
