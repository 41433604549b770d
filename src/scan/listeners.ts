// Where a file opens a server socket, and on which address: the shared vocabulary of the rules
// about fixed ports, port 0, rebinding and address families. Matching is on call sites and their
// arguments, never on bare literals (the lesson of Bandit B104's false positives).
import type { Assign, Call, FileFacts, Span, Value } from './facts.ts'
import { contains, innermostAssign, innermostCall, spanning, statementAround } from './facts.ts'
import type { Family } from './languages.ts'
import {
  ADDRESS_HOST,
  addressOf,
  assignsByScope,
  parseAddress,
  constantsAt,
  familyOf,
  joinedString,
  isMultiaddr,
  literalNumber,
  MIN_PORT,
  NAMED_PORT,
  portOf,
  resolve,
  saysUnstarted,
  type Address,
  type Constants,
  type Port,
} from './values.ts'
import {
  bindsQueryParameter,
  expectedToFail,
  startStubbed,
  PORTLESS_FAMILY,
  socketFamily,
} from './binds-no-port.ts'
import { configTextListeners } from './config-text.ts'
import { ASSERTION } from './assertions.ts'
import { hasWord } from './rules/context.ts'
import { chainedPort, libraryDefaultPort, serverHelperPort } from './server-helpers.ts'
import { perFile } from './per-file.ts'

export interface Listener {
  /** 'mapping' is a container's fixed host-port mapping; 'server' everything that binds. */
  kind: 'server' | 'mapping'
  host?: string
  port: Port
  at: Span
  scope: number
  /** The call (or assignment/entry text) that binds. */
  text: string
  call?: Call
}

const PY_SERVERS =
  /^(?:FTPServer|ThreadedFTPServer|MultiprocessFTPServer|TCPServer|UDPServer|HTTPServer|ThreadingHTTPServer|ThreadingTCPServer|ThreadingUDPServer|ForkingTCPServer|ForkingUDPServer|SimpleXMLRPCServer|DocXMLRPCServer|WSGIServer|SMTPServer|ThreadedTCPServer|ThreadedHTTPServer)$/

const kw = (call: Call, name: string): Value | undefined =>
  call.args.find((a) => a.name === name)?.value
const pos = (call: Call, i: number): Value | undefined => call.args.filter((a) => !a.name)[i]?.value

function server(call: Call, address: Address): Listener {
  return {
    kind: 'server',
    ...(address.host !== undefined ? { host: address.host } : {}),
    port: address.port,
    at: call.at,
    scope: call.scope,
    text: call.text,
    call,
  }
}

function hostAndPort(call: Call, consts: Constants, hostValue?: Value, portValue?: Value): Address {
  const host = hostValue ? resolve(hostValue, consts) : undefined
  return {
    ...(host ? { host: host.kind === 'string' ? host.value : host.text } : {}),
    port: portOf(portValue, consts),
  }
}

function python(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = pos(call, 0)
  const firstIsTuple = first && resolve(first, consts).kind === 'tuple'
  if (n === 'bind' && firstIsTuple) return addressOf(first, consts)
  if (n === 'create_server' && firstIsTuple) return addressOf(first, consts)
  if (n === 'create_server' || n === 'start_server') {
    // asyncio's `loop.create_server(factory, host, port)`; a project's own
    // `create_server(host, port)` (ptvsd) starts with the host.
    const at = isHostText(first, consts) ? 0 : 1
    return hostAndPort(
      call,
      consts,
      kw(call, 'host') ?? pos(call, at),
      kw(call, 'port') ?? pos(call, at + 1),
    )
  }
  if (n === 'create_datagram_endpoint') return addressOf(kw(call, 'local_addr'), consts)
  // pytest-httpserver's `HTTPServer('127.0.0.1', '4000')` takes host and port apart.
  if (
    PY_SERVERS.test(n) &&
    isHostText(first, consts) &&
    portOf(pos(call, 1), consts).kind !== 'unknown'
  )
    return hostAndPort(call, consts, first, pos(call, 1))
  if (PY_SERVERS.test(n)) return addressOf(kw(call, 'server_address') ?? first, consts)
  if (n === 'make_server')
    return hostAndPort(call, consts, kw(call, 'host') ?? first, kw(call, 'port') ?? pos(call, 1))
  if (n === 'TCPSite')
    return hostAndPort(
      call,
      consts,
      kw(call, 'host') ?? pos(call, 1),
      kw(call, 'port') ?? pos(call, 2),
    )
  // `serve(handler, 'localhost', 8642)`: websockets' signature, however it was imported.
  if (n === 'serve' && isHostText(pos(call, 1), consts) && isIntValue(pos(call, 2), consts)) {
    return hostAndPort(call, consts, pos(call, 1), pos(call, 2))
  }
  if (n === 'serve' && /websockets/.test(call.receiver)) {
    return hostAndPort(
      call,
      consts,
      kw(call, 'host') ?? pos(call, 1),
      kw(call, 'port') ?? pos(call, 2),
    )
  }
  const usesUvicorn =
    /uvicorn/.test(call.receiver) || facts.imports.some((i) => i.module.startsWith('uvicorn'))
  if (
    ['run_app', 'run', 'serve', 'TestServer', 'RawTestServer'].includes(n) ||
    (n === 'Config' && usesUvicorn)
  ) {
    const port = kw(call, 'port')
    if (port) return hostAndPort(call, consts, kw(call, 'host'), port)
    // uvicorn's `Config(app=app)` serves on its default port unless given a socket or a file,
    // once a server runs it: protocol tests build one for a mock transport.
    const onSocket = call.args.some(
      (a) => a.name === 'fd' || a.name === 'uds' || /^\*/.test(a.value.text),
    )
    if (n !== 'Config' || !usesUvicorn || onSocket || !servedLater(facts, call)) return undefined
    const host = hostAndPort(call, consts, kw(call, 'host'), undefined).host
    return { ...(host ? { host } : {}), port: { kind: 'fixed', port: 8000, defaultOf: 'uvicorn' } }
  }
  // tornado's `app.listen(8888)`; on a plain socket the argument of listen() is the backlog.
  const tornado = facts.imports.some((i) => i.module.startsWith('tornado'))
  if (
    n === 'listen' &&
    tornado &&
    !isSocketVariable(call.receiver, facts) &&
    first &&
    resolve(first, consts).kind === 'int'
  ) {
    return hostAndPort(call, consts, kw(call, 'address') ?? pos(call, 1), first)
  }
  return undefined
}

/** A config kept in a variable that a server is then built on or run with (httpx's `TestServer(config=config)`). */
function servedLater(facts: FileFacts, config: Call): boolean {
  const kept = innermostAssign(facts, config.at)
  if (!kept || !/^\w+$/.test(kept.target)) return false
  return facts.calls.some(
    (c) =>
      c.at.start > kept.at.end &&
      /^(?:\w*Server|run_server|serve\w*|run)$/.test(c.name) &&
      c.args.some((a) => a.value.text === kept.target),
  )
}

/** Calls that make a constructed server listen: `_server.Bind()`, `server.start()`. */
const BINDS_LATER = /^(?:bind|start|listen|run|open)\w*$/i

/**
 * A server object built with a port and bound by a later call in the same function
 * (`var s = new FakeMqttTcpServer(options); … s.Bind();`): the finding spans both, so it points at
 * the construction and covers the bind. Otherwise the construction alone.
 */
function untilBound(facts: FileFacts, call: Call): Span {
  if (!call.isNew) return call.at
  const variable = facts.assigns.find(
    (a) => a.value.kind === 'call' && a.value.call.at.start === call.at.start,
  )?.name
  if (!variable) return call.at
  const bind = facts.calls.find(
    (c) =>
      c.scope === call.scope &&
      c.at.start > call.at.end &&
      BINDS_LATER.test(c.name) &&
      c.receiver.replace(/^(?:this|self)\./, '') === variable,
  )
  return bind ? spanning(call.at, bind.at) : call.at
}

/** Calls in a helper's body that can start what listens: a start, a server built, a process. */
const MAY_START =
  /^(?:[sS]pawn|[eE]xec|[fF]ork|[pP]open)(?:[A-Z_]\w*)?$|(?:Server|Listener|Process|Command)$/

/**
 * A helper named for starting a server that the file defines, whose body starts nothing and calls
 * no other function of the file: datastax's `CreateWithEndPoint("127.0.0.2", 1234)` builds an
 * `IPEndPoint` value for an equality test. Where the body can be read, it says what the call does,
 * not the name.
 */
function definedToStartNothing(facts: FileFacts, call: Call): boolean {
  // A constructor's body need not start anything: the class's own methods do (NetCoreServer's
  // `new EchoTcpServer(IPAddress.Any, port)`, then `server.Start()`).
  if (call.isNew || (call.receiver !== '' && !/^(?:this|self|Self)$/.test(call.receiver)))
    return false
  // Overloads calling one another are one helper (opc-ua's `CreateEndpoint(url, policy, mode)`
  // builds an endpoint description through three of them; census 58).
  const helpers = facts.scopes.filter(
    (s) => s.role === 'declared' && s.name === call.name && !contains(s.at, call.at),
  )
  if (helpers.length === 0) return false
  const own = declaredNames(facts)
  return !facts.calls.some(
    (c) =>
      helpers.some((h) => contains(h.at, c.at)) &&
      (STARTS_SOMETHING.test(c.name) ||
        MAY_START.test(c.name) ||
        (own.has(c.name) && c.name !== call.name) ||
        c.go),
  )
}

/** The names of the functions the file declares. */
const declaredNames = perFile(
  (facts: FileFacts) =>
    new Set(facts.scopes.filter((s) => s.role === 'declared').map((s) => s.name)),
)

/**
 * The file calls something that may start what a port was set on. A constructor is no start,
 * whatever its class is called (HiveMQ's `new BindInformation(listener, future)`).
 */
const startsSomething = perFile((facts: FileFacts) =>
  facts.calls.some((c) => !c.isNew && STARTS_SOMETHING.test(c.name)),
)

/**
 * A JVM class named for a listener is an event listener or a listener's settings as often as a
 * socket (HiveMQ's `new TcpListener(1883, "localhost")`, a configuration entry added to a
 * service), and a C or C++ function named for making a server as often builds its settings
 * (libhttpserver's `webserver ws{create_webserver(8092)}`, which binds in `ws.start()`; census
 * 53): given a port, either counts only in a file that starts or binds something.
 */
function settingsUnstarted(facts: FileFacts, call: Call, family: Family): boolean {
  const settings =
    ((family === 'java' || family === 'kotlin') && /Listener$/.test(call.name)) ||
    // Not one named for starting it: nats.c's `_startServer("nats://127.0.0.1:4222", …)`.
    (family === 'c' && !call.isNew && /^_*(?:create|make|new|build)/i.test(call.name))
  return settings && !startsSomething(facts)
}

/** What starts a .NET server object: `Start`, `StartAsync`, `Listen`, `Run`, `Open`, BTDB's `StartListening`. */
const STARTS_OBJECT = /^(?:Start|Listen|Run|Open|Bind)(?:[A-Z]\w*)?$/

/**
 * A .NET server object is built without listening, by convention (TcpListener, HttpListener,
 * Fleck's WebSocketServer bind in `Start`): one a test builds into a local variable and neither
 * starts nor hands on (returns, stores, passes) binds nothing (Fleck's `var server = new
 * WebSocketServer("wss://0.0.0.0:8000")` only to read `server.IsSecure`). A Go `New…Server`
 * counts as started by any call on it, as some listen when built.
 */
function neverStarted(facts: FileFacts, call: Call, family: Family): boolean {
  const options = call.args.map((a) => a.value).filter((v) => v.kind === 'object')
  if (options.some((o) => o.entries.some((e) => saysUnstarted(e.key, e.value)))) return true
  const go = family === 'go' && /^New\w*Server$/.test(call.name)
  if (!go && (family !== 'csharp' || !call.isNew)) return false
  const built = facts.assigns.find(
    (a) => a.value.kind === 'call' && a.value.call.at.start === call.at.start,
  )
  if (!built || !/^\w+$/.test(built.target)) return false
  const area = facts.scopes[built.scope]!.at
  const later = (at: Span) => at.start > built.at.end && contains(area, at)
  // The object itself, not a property read off it (`Assert.IsTrue(server.IsSecure)`).
  const word = new RegExp(`(?<![\\w.])${built.target}(?![\\w.])`)
  // A Go server whose constructor may listen is closed, stopped or served by the test; one only
  // read for its fields is settings (dubbo-go's `NewServer("127.0.0.1:20001", conf)` then
  // `assert.True(t, s.tripleConfig.Http3.Negotiation)`; census 55).
  const started = go
    ? callsOn(facts, built).length > 0
    : callsOn(facts, built).some((c) => STARTS_OBJECT.test(c.name))
  const handedOn =
    facts.calls.some((c) => later(c.at) && c.args.some((a) => word.test(a.value.text))) ||
    facts.assigns.some((a) => later(a.at) && word.test(a.value.text)) ||
    facts.exits.some((e) => later(e.at) && word.test(e.text))
  // `using var server = new SimpleTcpServer("127.0.0.1", 10003)` only disposes of it
  // (SuperSimpleTcp's constructor tests, census 52).
  return !started && !handedOn
}

/** Options that hand an application the server it runs on, the seam its own tests mock. */
const INJECTED_SERVER = /^(?:serverConstructor|serverFactory|serverClass|ServerClass)$/

/**
 * `app.listen(…)` on an application built with the server it runs on injected (oak's own tests:
 * `new Application({ serverConstructor })` with a mock whose `listen()` returns a fake
 * listener): the injected server decides whether anything binds, and the file does not show it.
 */
export function serverInjected(facts: FileFacts, call: Call): boolean {
  if (!/^listen$/i.test(call.name) || !/^\w+$/.test(call.receiver)) return false
  const built = facts.assigns.findLast(
    (a) => a.target === call.receiver && a.at.end <= call.at.start && a.value.kind === 'call',
  )
  const options = built?.value.kind === 'call' ? built.value.call.args[0]?.value : undefined
  return options?.kind === 'object' && options.entries.some((e) => INJECTED_SERVER.test(e.key))
}

/**
 * Constructors of a simulated network, whose sockets bind no host port: pion's `vnet.NewNet(…)`,
 * libp2p's `mocknet.New()`.
 */
const VIRTUAL_NETWORK = /^(?:vnet|mocknet)\.\w+$/

/**
 * A listen call on an interface of a simulated network (pion's `turnNet, err :=
 * vnet.NewNet(…)` … `turnNet.ListenPacket("udp4", "1.2.3.4:3478")`): nothing binds on the host.
 */
function onVirtualNetwork(facts: FileFacts, call: Call): boolean {
  if (!/^[\w.]+$/.test(call.receiver)) return false
  const built = facts.assigns.findLast(
    (a) => a.target === call.receiver && a.at.end <= call.at.start && a.value.kind === 'call',
  )
  return built?.value.kind === 'call' && VIRTUAL_NETWORK.test(built.value.call.callee)
}

/** A variable given a plain socket (`s = socket.socket()`), whose listen() takes a backlog. */
function isSocketVariable(name: string, facts: FileFacts): boolean {
  return (
    facts.assigns.some(
      (a) => a.target === name && a.value.kind === 'call' && SOCKET_CALL.test(a.value.call.name),
    ) ||
    // `with socket.socket(…) as s:` (dask's `requires_default_ports` fixture).
    facts.blocks.some((b) => {
      const m = b.kind === 'with' ? /\b(\w+)\([^]*\)\s+as\s+([\w.]+)$/.exec(b.headText ?? '') : null
      return m !== null && m[2] === name && SOCKET_CALL.test(m[1]!)
    })
  )
}

const SOCKET_CALL = /^(?:socket|create_server|socketpair|fromfd|accept)$/

function js(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = call.args[0] ? resolve(call.args[0].value, consts) : undefined
  // Apollo Server's `server.listen()` with no options listens on its default port 4000.
  if (!first && n === 'listen' && constructedAs(call.receiver, facts, /^ApolloServer$/))
    return { port: { kind: 'fixed', port: 4000, defaultOf: 'Apollo Server' } }
  if (!first) return undefined
  if (n === 'listen') {
    if (first.kind === 'object' || isMultiaddr(first)) return addressOf(first, consts)
    // Node's `server.listen(callback)` on a server the file made asks the OS for a port (dorusu's
    // `net.createServer()` then `server.listen(function() { … server.address() … })`).
    if (first.kind === 'function')
      return constructedByCreateServer(call.receiver, facts)
        ? { port: { kind: 'zero' } }
        : undefined
    const host = call.args[1] && resolve(call.args[1].value, consts)
    return hostAndPort(call, consts, host && host.kind === 'string' ? host : undefined, first)
  }
  if (n === 'bind' && (first.kind === 'int' || first.kind === 'object')) {
    if (first.kind === 'object') return addressOf(first, consts)
    const host = call.args[1] && resolve(call.args[1].value, consts)
    return hostAndPort(call, consts, host && host.kind === 'string' ? host : undefined, first)
  }
  if (
    first.kind === 'object' &&
    /^(?:Server|WebSocketServer|serve|createServer|listen|listenTls|Hono|startServer|listenTcp)$/.test(
      n,
    ) &&
    first.entries.some((e) => /^port$/i.test(e.key))
  ) {
    return addressOf(first, consts)
  }
  return undefined
}

/** A variable the file assigned a Node server: `var server = net.createServer()`. */
function constructedByCreateServer(name: string, facts: FileFacts): boolean {
  return facts.assigns.some(
    (a) => a.target === name && a.value.kind === 'call' && a.value.call.name === 'createServer',
  )
}

/** A host name or address as text (`'localhost'`, `"127.0.0.1"`), not an endpoint with a port. */
function isHostText(v: Value | undefined, consts: Constants): boolean {
  const r = v && resolve(v, consts)
  return (
    r?.kind === 'string' &&
    /^(?:localhost|[\d.]+|\[?[\da-f:]+\]?|[\w-]+(?:\.[\w-]+)+|)$/i.test(r.value)
  )
}

/** C's bind, and pjlib's under its prefix. */
const C_BIND = /^(?:pj_sock_)?bind$/

/** A C cast's operand: `(uint16_t)port` is `port`. */
function uncast(v: Value | undefined): Value | undefined {
  const name = v && /^\(\s*[\w\s]+\)\s*([A-Za-z_]\w*)$/.exec(v.text)?.[1]
  return name ? { kind: 'name', name, last: name, text: name } : v
}

/** A whole number, written or through a constant (or a local function): a port, where the call takes one. */
function isIntValue(v: Value | undefined, consts: Constants): boolean {
  return (
    v !== undefined && (resolve(v, consts).kind === 'int' || portOf(v, consts).kind === 'fixed')
  )
}

/** A number as written or as a constant holds it, not a numeric string. */
function isIntLiteral(v: Value | undefined, consts: Constants): boolean {
  return v !== undefined && resolve(v, consts).kind === 'int'
}

function isAddressText(v: Value | undefined, consts: Constants): boolean {
  if (!v) return false
  const r = resolve(v, consts)
  // Go's `"127.0.0.1:"` and `":"` leave the port empty, which asks for any free one (not a
  // subtest's name, `t.Run("ipv4:", …)`).
  if (r.kind === 'string')
    return (
      /^[\w.[\]:-]*:[\d{%]/.test(r.value) ||
      (r.value.endsWith(':') && ADDRESS_HOST.test(r.value.slice(0, -1)))
    )
  // `":" + port`, `"127.0.0.1:" + strconv.Itoa(port)`: a host and its colon, then the port.
  if (r.kind === 'other') {
    const first = r.parts[0]
    return r.parts.length === 2 && first?.kind === 'string' && /^[\w.[\]:-]*:$/.test(first.value)
  }
  return r.kind === 'call' && /^(?:Sprintf|JoinHostPort|String)$/.test(r.call.name)
}

/** Go's subtest runner, `t.Run(name, func(t *testing.T) {…})`: a test, not a server. */
const SUBTEST = /^(?:t|b|tb|f|s\.T\(\)|suite\.T\(\))$/

function go(call: Call, consts: Constants): Address | undefined {
  const n = call.name
  if (n === 'Run' && SUBTEST.test(call.receiver)) return undefined
  // quic-go's `quic.ListenAddr`/`ListenAddrEarly` and http3's `ListenAndServeQUIC` bind a UDP port.
  if (
    /^(?:Listen(?:Packet|Addr|AddrEarly|AndServe(?:TLS|QUIC)?)?|(?:Start|Run)(?:TLS)?)$/.test(n)
  ) {
    const addr = call.args.map((a) => a.value).find((v) => isAddressText(v, consts))
    const address = addr && addressOf(addr, consts)
    if (address && !(/^(?:Start|Run)/.test(n) && imageReference(address))) return address
    // `Start(ctx, port, &ready)` after `port := "28082"`: a variable named for the port that holds
    // a fixed number, as text or as an int (llm-d's probes server).
    const named = call.args.find(
      (a) => a.value.kind === 'name' && /^\w*[pP]ort$/.test(a.value.name),
    )
    const port = (named && literalNumber(named.value, consts)) ?? 0
    return /^(?:Start|Run)$/.test(n) && port >= 1024 && port <= 65535
      ? { port: { kind: 'fixed', port } }
      : undefined
  }
  if (/^(?:ListenTCP|ListenUDP)$/.test(n)) return addressOf(call.args[1]?.value, consts)
  return undefined
}

/**
 * A container image's name and tag read as host and port: testcontainers' `redis.Run(ctx,
 * "redis:7")`, `mariadb.Run(ctx, "mariadb:11")` (blocky's e2e containers; census 57). A test
 * does not listen on a named host other than localhost, nor on a privileged port.
 */
function imageReference(address: Address): boolean {
  const { host = '', port } = address
  return (
    port.kind === 'fixed' &&
    port.port < 1024 &&
    /^[a-z][\w.-]*$/i.test(host) &&
    familyOf(host) === 'unknown'
  )
}

/** `name` is a parameter of a function around the call. */
function isParameter(facts: FileFacts, at: Span, name: string): boolean {
  return facts.params.some((p) => p.name === name && contains(facts.scopes[p.scope]!.at, at))
}

/**
 * What a JVM server or its connector is called: `connector.setPort(…)`, `jetty.setPort(…)`. Not
 * a builder alone, which as often describes a remote instance (zuul's `InstanceInfo.Builder`).
 */
const SERVER_PART = /connector|listener|server|tomcat|jetty|undertow|factory/i

/** Text with its string literals emptied. */
const withoutStrings = (text: string) => text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')

/** A receiver that makes sockets: `HttpServer.create`, `ServerSocketChannel.open`. */
const SOCKET_RECEIVER = /server|socket|channel|listener|connector|acceptor/i

/** …unless it says it dials: `SocketChannel` is a server's as often, `ClientSocketFactory` never. */
const CLIENT_RECEIVER = /client|endpoint/i

/**
 * A call that may start what a port was set on: `tomcat.start()`, `server.init()`, `run(…)`,
 * `listenAndServe`, `start_server`, an RPC provider's `export()` (sofa-rpc, Dubbo). The verb is a
 * whole word of the name, and not a setting's: not `ServerOptions` or `ListenerConfig`, nor a
 * builder's `bindAddress(…)` or `listenPort(…)`.
 */
export const STARTS_SOMETHING =
  /^(?:[sS]tart(?:up)?|[iI]nit(?:iali[sz]e)?|[rR]un|[lL]isten|[bB]ind|[sS]erve|[dD]eploy|[bB]oot(?:strap)?|[lL]aunch|[eE]xport)(?!(?:Addr(?:ess)?|Port|Host|Interface|Options?|Config\w*|Settings?|Info\w*|Timeout)$)(?:[A-Z_]\w*)?$/

/**
 * Builders of where a client goes: `URIBuilder`, `HttpUrl.Builder`, `RequestBuilder`, RabbitMQ's
 * `ConnectionFactory` (not Jetty's `HttpConnectionFactory`, a server's protocol).
 */
const NAMES_DESTINATION = /ur[il]|request|client|(?<!Http)ConnectionFactory|connection_?factory/i

/** A variable the file assigns a `new X(…)` whose type matches: `ServerConnector http = new ServerConnector(server)`. */
function constructedAs(name: string, facts: FileFacts, type: RegExp): boolean {
  return facts.assigns.some(
    (a) =>
      a.target === name &&
      a.value.kind === 'call' &&
      // Kotlin constructs without `new`: `val http = ServerConnector(server)`.
      (a.value.call.isNew || /^[A-Z]/.test(a.value.call.name)) &&
      type.test(a.value.call.name),
  )
}

/**
 * A factory's product handed straight to an assertion is only looked at, never started:
 * rsocket's `assertThat(TcpServerTransport.create("localhost", 8000)).isNotNull()`. Not a socket
 * that binds when it is made (`new ServerSocket(8080)`), which the callers above do not ask about.
 */
function productOnlyAsserted(call: Call, facts: FileFacts): boolean {
  if (call.name !== 'create') return false
  const around = innermostCall(facts, call.at)
  return (
    around !== undefined &&
    ASSERTION.test(around.name) &&
    around.args.some((a) => a.at.start === call.at.start && a.at.end === call.at.end)
  )
}

function jvm(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = call.args[0] && resolve(call.args[0].value, consts)
  if (
    /^(?:ServerSocket|DatagramSocket|createServerSocket|WireMockServer|ServerSocketChannel)$/.test(
      n,
    )
  ) {
    if (first?.kind === 'call') return addressOf(first, consts)
    return first ? hostAndPort(call, consts, pos(call, 2), first) : undefined
  }
  if (n === 'embeddedServer') {
    // `embeddedServer(Netty, port = 8080)`, or positionally `embeddedServer(Netty, 8080, "0.0.0.0")`.
    const given = pos(call, 1)
    const port = kw(call, 'port') ?? (isIntValue(given, consts) ? given : undefined)
    const host = kw(call, 'host') ?? (kw(call, 'port') ? undefined : pos(call, 2))
    return port ? hostAndPort(call, consts, host, port) : undefined
  }
  // `SocketChannel.open(remote)` connects to the address it is given (artio's FramerTest; census
  // 57); a server's channel is opened without one.
  if (n === 'open' && /(?:^|\.)SocketChannel$/.test(call.receiver)) return undefined
  if (/^(?:bind|create|listen|open|socket)$/.test(n) && first) {
    // Not a client's factory: grizzly's `Endpoint.Factory.create(new InetSocketAddress(
    // "localhost", PORT), transport)` names where a pool connects (census 56).
    if (
      first.kind === 'call' &&
      /^(?:InetSocketAddress)$/.test(first.call.name) &&
      (!/^(?:create|open)$/.test(n) || !CLIENT_RECEIVER.test(call.receiver))
    )
      return addressOf(first, consts)
    // `create`/`open` are everyone's factories (`Duration.create(5, SECONDS)`,
    // `NodeApiVersions.create(337, …)`): a number makes a port only on a server or socket.
    // A factory's small numbers are sizes (spark's `new JettyServer().create(100, 10, 10000)`,
    // a thread pool): a port from a factory is one a test could bind, 1024 and up.
    if (
      first.kind === 'int' &&
      (/^(?:bind|listen|socket)$/.test(n) ||
        (SOCKET_RECEIVER.test(call.receiver) &&
          !CLIENT_RECEIVER.test(call.receiver) &&
          first.value >= MIN_PORT))
    )
      return productOnlyAsserted(call, facts)
        ? undefined
        : hostAndPort(call, consts, pos(call, 1), first)
    if (first.kind === 'int') return undefined
    // ktor's `aSocket(selector).tcp().bind("127.0.0.1", 8000)`, Netty's `bind("localhost", 8080)`;
    // a factory's `create(host, port)` only on a server or socket, not a client's
    // (`RedisClient.create("localhost", 6379)`, `VaultEndpoint.create("localhost", 8200)`). The
    // port is a number: `bind("server.tomcat.threads.max", "10")` binds a property (Spring Boot's
    // tests of their server properties).
    if (
      isHostText(first, consts) &&
      isIntLiteral(pos(call, 1), consts) &&
      (/^(?:bind|listen|socket)$/.test(n) || SOCKET_RECEIVER.test(call.receiver)) &&
      !CLIENT_RECEIVER.test(call.receiver) &&
      !productOnlyAsserted(call, facts)
    )
      return hostAndPort(call, consts, first, pos(call, 1))
    // `ss.bind(localAddress)`, the address a caller gives (netty's `isTcpPortAvailable`): a port
    // the file does not pin down, which PORT002's probes look at.
    if (n === 'bind' && first.kind === 'name' && isParameter(facts, call.at, first.name))
      return { port: { kind: 'unknown' } }
    return undefined
  }
  // The receiver's own names, not the strings handed along its chain (zuul's
  // `InstanceInfo.Builder.newBuilder().setHostName("server-list").setPort(7777)`).
  if (
    n === 'setPort' &&
    (SERVER_PART.test(withoutStrings(call.receiver)) ||
      constructedAs(call.receiver, facts, SERVER_PART)) &&
    // A URI's or a request's builder names where a client goes (httpcomponents' `new
    // URIBuilder().setHost("localhost").setPort(8443)`).
    !NAMES_DESTINATION.test(call.receiver) &&
    // Settings in a file that starts nothing are data: tomcat's TestRequestFilterValve invokes
    // the valve on mock requests, spring-boot checks a properties getter after its setter.
    startsSomething(facts)
  ) {
    return hostAndPort(call, consts, undefined, call.args[0]?.value)
  }
  // A server started on a socket address, built in place or held by a variable (Minestom's
  // `address = new InetSocketAddress("localhost", 25565)` … `server.init(address)`,
  // `process.start(new InetSocketAddress(…))`): a client would connect to it.
  if (/^(?:start|init|listen|serve)$/.test(n) && call.args.length === 1 && first) {
    const address = resolve(first, consts)
    if (address.kind === 'call' && address.call.name === 'InetSocketAddress')
      return addressOf(address, consts)
  }
  // Not a mock's verification nor a period (`verify(mockReporter).start(5L, TimeUnit.MINUTES)`);
  // MockWebServer's `start(80)` is a port.
  if (
    n === 'start' &&
    first?.kind === 'int' &&
    /server|javalin|app|mock|wiremock/i.test(call.receiver) &&
    !/^verify\b/.test(call.receiver) &&
    !/TimeUnit|Duration|SECONDS|MINUTES/.test(pos(call, 1)?.text ?? '')
  ) {
    return hostAndPort(call, consts, undefined, first)
  }
  if (n === 'port' && first && /options|wireMockConfig|Options/.test(call.receiver)) {
    return hostAndPort(call, consts, undefined, first)
  }
  if (n === 'addHttpListener') return hostAndPort(call, consts, pos(call, 1), call.args[0]?.value)
  // http4k's `app.asServer(Jetty(8000)).start()`: the server config is built on the port.
  if (n === 'asServer' && first?.kind === 'call' && /^[A-Z]\w*$/.test(first.call.name)) {
    const port = kw(first.call, 'port') ?? pos(first.call, 0)
    return port ? hostAndPort(call, consts, undefined, port) : undefined
  }
  return undefined
}

function csharp(call: Call, consts: Constants): Address | undefined {
  const n = call.name
  const args = call.args.map((a) => resolve(a.value, consts))
  const first = args[0]
  if (
    /^(?:TcpListener|UdpClient)$/.test(n) ||
    (n === 'Create' && /TcpListener/.test(call.receiver))
  ) {
    if (!first) return undefined
    if (first.kind === 'call' && first.call.name === 'IPEndPoint') return addressOf(first, consts)
    if (args.length >= 2) return hostAndPort(call, consts, call.args[0]!.value, call.args[1]!.value)
    return hostAndPort(call, consts, undefined, first)
  }
  if (/^(?:Bind|Listen)$/.test(n) && first?.kind === 'call' && first.call.name === 'IPEndPoint') {
    return addressOf(first, consts)
  }
  // A listener or server class built on an endpoint (SSH.NET's test `new AsyncSocketListener(
  // _serverEndPoint)` with `_serverEndPoint = new IPEndPoint(IPAddress.Loopback, 8122)`).
  if (
    call.isNew &&
    /(?:Listener|Server)$/.test(n) &&
    first?.kind === 'call' &&
    first.call.name === 'IPEndPoint'
  )
    return addressOf(first, consts)
  if (n === 'Listen' && (args.length >= 2 || kw(call, 'port'))) {
    return hostAndPort(
      call,
      consts,
      kw(call, 'address') ?? pos(call, 0),
      kw(call, 'port') ?? pos(call, 1),
    )
  }
  if (/^(?:ListenLocalhost|ListenAnyIP)$/.test(n)) {
    return hostAndPort(call, consts, undefined, call.args[0]?.value)
  }
  const urlCall =
    /^(?:UseUrls|Run|RunAsync|Start)$/.test(n) ||
    (n === 'Add' && /(?:Urls|Prefixes)$/.test(call.receiver))
  if (urlCall && first?.kind === 'string' && /:\/\//.test(first.value))
    return addressOf(first, consts)
  if (n === 'Start' && /WireMock/.test(call.receiver) && first)
    return hostAndPort(call, consts, undefined, first)
  // HttpMock's stub server: `HttpMockRepository.At("http://localhost:8080")`.
  if (n === 'At' && /(?:^|\.)HttpMockRepository$/.test(call.receiver) && first?.kind === 'string')
    return addressOf(first, consts)
  return undefined
}

function rust(call: Call, consts: Constants): Address | undefined {
  const n = call.name
  const first = call.args[0]?.value
  // nix's `bind(fd, &addr)` takes the socket first, then its address.
  if (n === 'bind' && call.args.length === 2) {
    const address = addressOf(call.args[1]!.value, consts)
    if (address.port.kind !== 'unknown') return address
  }
  if (n === 'bind' || (n === 'run' && /serve/.test(call.receiver)) || n === 'bind_addr') {
    return first ? addressOf(first, consts) : undefined
  }
  // tide's `app.listen("localhost:8080")`; a socket's `listen(128)` takes a backlog.
  if (n === 'listen' && first && isAddressText(first, consts)) return addressOf(first, consts)
  // gns-rs' `socket.listen(Ipv4Addr::LOCALHOST.into(), 59999)`: an IP address, then the port.
  if (n === 'listen' && first && RUST_IP.test(first.text) && isIntValue(pos(call, 1), consts))
    return hostAndPort(call, consts, first, pos(call, 1))
  return undefined
}

/** An IP address value in Rust: `Ipv4Addr::LOCALHOST`, `IpAddr::V6(…)`, `Ipv6Addr::UNSPECIFIED`. */
const RUST_IP = /^(?:std::net::)?Ip(?:v[46])?Addr::/

/** A socket bound to a ZeroMQ-style endpoint text, with a port: `sock.bind("tcp://*:5555")`. */
const ENDPOINT = /^@?tcp:\/\/[^/]*:\d+$/

/**
 * ZeroMQ's bindings in every language take the endpoint as text: JeroMQ's and kzmq's
 * `bind("tcp://localhost:9000")`, pyzmq's `sock.bind("tcp://127.0.0.1:5555")`, zeromq.js's
 * `await sock.bind("tcp://127.0.0.1:3000")`, NetMQ's `Bind(…)`. C and C++ are read by cFamily.
 */
function endpointBind(call: Call, family: Family, consts: Constants): Address | undefined {
  if (family === 'c' || !/^(?:bind|Bind)$/.test(call.name) || call.args.length !== 1)
    return undefined
  const first = resolve(call.args[0]!.value, consts)
  if (first.kind !== 'string' || !ENDPOINT.test(first.value)) return undefined
  return addressOf({ ...first, value: first.value.replace(/^@/, '') }, consts)
}

/**
 * C and C++ libraries bind to an endpoint text (`zmq_bind(s, "tcp://127.0.0.1:5555")`,
 * `mg_http_listen(&mgr, "http://0.0.0.0:8000", …)`), or to an address libuv fills in
 * (`uv_ip4_addr(host, port, &addr)`) for a `uv_tcp_bind`/`uv_udp_bind` in the same function.
 */
function cFamily(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
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
    // cpp-httplib's `svr.listen("localhost", 1234)`; C's listen(fd, backlog) has no host text.
    if (isHostText(pos(call, 0), consts) && isIntValue(pos(call, 1), consts)) {
      return hostAndPort(call, consts, pos(call, 0), pos(call, 1))
    }
    // cucumber-cpp's `server->listen(PORT)`: one argument named for a port; zoneminder's
    // `server.bind(1234)`: a port-sized number given to a server object (asio's
    // `acceptor.listen(128)` and folly's `serverSocket->listen(1024)` take a backlog).
    const only = call.args.length === 1 ? pos(call, 0) : undefined
    if (only && isIntValue(only, consts)) {
      const named = /port/i.test(only.text)
      const backlog = /listen$/i.test(n) && /sock/i.test(call.receiver)
      const toServer =
        /server|srv/i.test(call.receiver) && !backlog && (literalNumber(only, consts) ?? 0) >= 1024
      if (named || toServer) return hostAndPort(call, consts, undefined, only)
    }
    return contextBind(call, consts)
  }
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
function addressBuiltFor(facts: FileFacts, call: Call): Span | undefined {
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
function isAddressedServer(call: Call): boolean {
  return (
    (call.isNew && call.name === 'Endpoint' && /(?:^|::)Http$/.test(call.receiver)) ||
    (call.isNew && /^\w*Server$/.test(call.name)) ||
    (call.name === 'make_shared' && /^[\w:]*make_shared<(?:\w+::)*Http::Endpoint>/.test(call.text))
  )
}

/**
 * The address a C++ server serves on: a `"host:port"` text or an inline `Address(host, port)`
 * given to a Pistache endpoint, or an address declared before it in the function (Pistache's
 * `Address addr(Ipv4::any(), 9080)`, trantor's `InetAddress addr(8888)`), where the port is
 * written and the finding starts.
 */
function addressedServer(
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
  const declares = call.args.flatMap((a) =>
    a.value.kind === 'name' && /^\w+$/.test(a.value.name)
      ? [new RegExp(`^[\\w:]+\\s+${a.value.name}\\s*[({]`)]
      : [],
  )
  const address = facts.calls.find(
    (c) =>
      c.isNew &&
      /^(?:Inet)?Address$/.test(c.name) &&
      c.scope === call.scope &&
      c.at.end <= call.at.start &&
      declares.some((d) => d.test(c.text)),
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

const BY_FAMILY: Record<
  Family,
  (call: Call, consts: Constants, facts: FileFacts) => Address | undefined
> = {
  python,
  js,
  go: (c, k) => go(c, k),
  java: jvm,
  kotlin: jvm,
  csharp: (c, k) => csharp(c, k),
  rust: (c, k) => rust(c, k),
  c: cFamily,
}

/** Every call name a reader below accepts contains one of these. */
const LISTENER_NAME =
  /bind|[lL]isten|_addr$|[sS]erve|[sS]ocket|Listener|Client|[cC]reate|[sS]tart|[rR]un|Config|TCPSite|[pP]ort|UseUrls|^Add$|^open$|^At$|^init$/

/** Node's modules that bind: mocked, they bind nothing for the whole test file. */
const SOCKET_MODULE = /^(?:node:)?(?:net|dgram|http|https|http2|tls)$/

/**
 * `jest.mock("dgram")` (or vitest's `vi.mock`) replaces the module for every module the test
 * file loads, the code under test included, so its servers listen on nothing.
 */
export function mocksSocketModule(facts: FileFacts): boolean {
  return facts.calls.some((c) => {
    const first = c.args[0]?.value
    return (
      c.name === 'mock' &&
      /^(?:jest|vi)$/.test(c.receiver) &&
      first?.kind === 'string' &&
      SOCKET_MODULE.test(first.value)
    )
  })
}

/**
 * A Unix-domain socket's address is a file name: `net.Listen("unix", "etcd-auth-test:1")` and
 * `NewUnixListener("localhost:27989")` hold no port, whatever their text looks like.
 */
function bindsUnixSocket(call: Call): boolean {
  const first = call.args[0]?.value
  return (
    /Unix(?:gram|packet)?(?:Listener|Socket)?$|^ListenUnix/.test(call.name) ||
    (first?.kind === 'string' && /^unix(?:gram|packet)?$/.test(first.value))
  )
}

export function listenersOf(facts: FileFacts, family: Family, consts: Constants): Listener[] {
  const out: Listener[] = []
  if (family === 'js' && mocksSocketModule(facts)) return out
  const read = BY_FAMILY[family]
  const byScope = assignsByScope(facts)
  for (const call of facts.calls) {
    if (
      bindsUnixSocket(call) ||
      bindsQueryParameter(call) ||
      PORTLESS_FAMILY.test(socketFamily(facts, call) ?? '')
    )
      continue
    // Per-function variables only for calls that may open a listener: building them is not free.
    const local = LISTENER_NAME.test(call.name)
      ? constantsAt(facts, consts, call.scope, call.at.start, byScope)
      : consts
    const found = read(call, local, facts) ?? endpointBind(call, family, local)
    // A library server given no port listens on the library's default.
    const fallback = found?.port.kind === 'unknown' ? libraryDefaultPort(call, family) : undefined
    const address = found && fallback ? { ...found, port: fallback } : found
    if (address) {
      // A server whose options name a port but which is handed a listener binds nothing itself,
      // nor does one never started, one whose server is injected, or one on a simulated network.
      const bindsNothing =
        (call.isNew && servesGivenListener(facts, innermostAssign(facts, call.at))) ||
        neverStarted(facts, call, family) ||
        serverInjected(facts, call) ||
        onVirtualNetwork(facts, call)
      const given = defaultGiving(facts, call, address, consts)
      // A default's finding starts with the statement: `WireMockServer s =⏎ new WireMockServer(…)`.
      const from =
        given ??
        (fallback ? statementAround(facts, call.at) : undefined) ??
        (family === 'c' ? addressBuiltFor(facts, call) : undefined)
      if (!bindsNothing)
        out.push({ ...server(call, address), ...(from ? { at: spanning(from, call.at) } : {}) })
    } else {
      const helped =
        serverHelperPort(call, local, family) ??
        chainedPort(call, facts, local) ??
        libraryDefaultPort(call, family)
      if (
        helped &&
        !servesGivenListener(facts, innermostAssign(facts, call.at)) &&
        !neverStarted(facts, call, family) &&
        !definedToStartNothing(facts, call) &&
        !settingsUnstarted(facts, call, family)
      )
        out.push({
          ...server(call, { port: helped, ...helperHost(call, local) }),
          at: untilBound(facts, call),
        })
    }
    if (family === 'c' && isAddressedServer(call)) {
      const endpoint = addressedServer(call, local, facts, byScope)
      if (endpoint) out.push(endpoint)
    }
    const mapping = containerMapping(call, consts)
    if (mapping) out.push(mapping)
  }
  if (family === 'go') {
    for (const e of facts.entries) {
      const serverAddr =
        e.key === 'Addr' && /Server$/.test(e.owner) && isAddressText(e.value, consts)
      const built = serverAddr ? innermostAssign(facts, e.at) : undefined
      // A server struct in a table of many (rqlite's `Servers([]*Server{{ID: "node1", Addr:
      // "localhost:4002"}})`, a cluster's membership) describes a node; one built alone is served.
      const inTable = /^\[\]|^\w+\(\s*\[\]/.test(built?.value.text ?? '')
      if (serverAddr && !inTable && !servesGivenListener(facts, built)) {
        const a = addressOf(e.value, consts)
        const serve = callsOn(facts, built).find((c) =>
          /^(?:ListenAndServe|ListenAndServeTLS|Serve|ServeTLS)$/.test(c.name),
        )
        out.push({
          kind: 'server',
          ...(a.host !== undefined ? { host: a.host } : {}),
          port: a.port,
          at: spanning(built?.at ?? e.at, serve?.at ?? e.at),
          scope: e.scope,
          text: `${e.owner}{Addr: ${e.value.text}}`,
        })
      }
      if (e.key === 'ExposedPorts') {
        for (const s of facts.strings) {
          const m = /^(\d{1,5}):\d+/.exec(s.value)
          if (m && s.at.start >= e.at.start && s.at.end <= e.at.end) {
            out.push({
              kind: 'mapping',
              port: portOf({ kind: 'int', value: Number(m[1]), text: m[1]! }, consts),
              at: s.at,
              scope: e.scope,
              text: s.value,
            })
          }
        }
      }
    }
  }
  // pjlib's `pj_sock_bind` and `pj_htons` are the same calls under its prefix (pjproject's tests).
  if (family === 'c' && facts.calls.some((c) => C_BIND.test(c.name))) {
    // `a.sin_port = htons(8080)` and the designated `{ .sin_port = htons(8080) }`.
    const fields = [
      ...facts.assigns.map((a) => ({
        name: a.name,
        value: a.value,
        at: a.at,
        scope: a.scope,
        text: `${a.target} = ${a.value.text}`,
      })),
      ...facts.entries.map((e) => ({
        name: e.key,
        value: e.value,
        at: e.at,
        scope: e.scope,
        text: `${e.key} = ${e.value.text}`,
      })),
    ]
    for (const f of fields) {
      if (!/sin6?_port$/.test(f.name)) continue
      // `htons(8080)`, or a bare 0, which needs no byte swap (cpp-httplib's `a.sin_port = 0`);
      // the function's own variables count, through a cast (`htons((uint16_t)port)` after `int
      // port = TEST_PORT_BASE + 1`, virtualjaguar's test).
      const swapped =
        f.value.kind === 'call' && /^(?:pj_)?htons$/.test(f.value.call.name)
          ? uncast(f.value.call.args[0]?.value)
          : undefined
      // A parameter is the caller's number, not a file constant of the same name (occlum's
      // `connect_with_child(int port, …)` beside another function's `int port = 8888`).
      const param = swapped?.kind === 'name' && isParameter(facts, f.at, swapped.name)
      const port: Port | undefined = swapped
        ? param
          ? { kind: 'unknown' }
          : portOf(swapped, constantsAt(facts, consts, f.scope, f.at.start, byScope))
        : f.value.kind === 'int' && f.value.value === 0
          ? { kind: 'zero' }
          : undefined
      // The bind that takes this address, for the rules that follow the socket (PORT002).
      const bind = facts.calls.find(
        (c) => C_BIND.test(c.name) && c.scope === f.scope && c.at.start > f.at.end,
      )
      // A fixed address the function only dials (`connect(peer, &sa, …)`) is a client's.
      const struct = /^&?\s*(\w+)\s*(?:\.|->)/.exec(f.text)?.[1]
      const names = (c: Call) => c.args.some((a) => struct && hasWord(a.value.text, struct))
      const dialled =
        (!bind || !names(bind)) &&
        facts.calls.some(
          (c) => c.name === 'connect' && c.scope === f.scope && c.at.start > f.at.end && names(c),
        )
      if (port && !(dialled && (port.kind === 'fixed' || param))) {
        // A fixed port is reported from the field to the bind that uses it: the collision
        // surfaces at the bind, where a reader looks for it (libkqueue's read.c).
        out.push({
          kind: 'server',
          port,
          at: bind && port.kind === 'fixed' ? spanning(f.at, bind.at) : f.at,
          scope: f.scope,
          text: f.text,
          ...(bind ? { call: bind } : {}),
        })
      }
    }
  }
  out.push(...configTextListeners(facts))
  return out
    .filter((l) => !expectedToFail(facts, l.at) && !startStubbed(facts, l.at))
    .map((l) => fromChainStart(facts, l))
}

/** A loopback or wildcard address written alone: the host a helper is told to listen on. */
const HOST_LITERAL = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1?|\[::1?\])$/

/**
 * The host a server helper is handed beside its port, when it is written as an address alone
 * (quinn's `Server::new("::1", 4433, config)`): what PORT005 pairs with a client's `localhost`.
 */
function helperHost(call: Call, consts: Constants): { host?: string } {
  for (const a of call.args) {
    const v = resolve(a.value, consts)
    if (v.kind === 'string' && HOST_LITERAL.test(v.value)) return { host: v.value }
  }
  return {}
}

/**
 * The parameter whose default gives a listener its fixed port, when the port comes from there
 * (`LocalServer(…, string uri = "http://localhost:8082/")` … `Prefixes.Add(Uri)`): the finding
 * starts at the default, where a caller would have to pass another port, and covers the listener.
 */
function defaultGiving(
  facts: FileFacts,
  call: Call,
  address: Address,
  consts: Constants,
): Span | undefined {
  if (address.port.kind !== 'fixed') return undefined
  const port = address.port.port
  const param = facts.params.find((p) => {
    if (!p.default || p.at.start > call.at.start) return false
    if (!contains(facts.scopes[p.scope]!.at, call.at)) return false
    const given = portOf(p.default, consts)
    const inText = addressOf(p.default, consts).port
    return (
      (given.kind === 'fixed' && given.port === port) ||
      (inText.kind === 'fixed' && inText.port === port)
    )
  })
  return param?.at
}

/**
 * A server handed a listener to serve on (`server.Serve(ln)` in Go, `server.serve(listener)` in
 * Deno's std) and never told to listen itself, in the function that builds it: the port in its
 * options is not bound.
 */
function servesGivenListener(facts: FileFacts, built: Assign | undefined): boolean {
  const own = callsOn(facts, built)
  return (
    own.some((c) => /^(?:serve|Serve|ServeTLS|serveTls)$/.test(c.name) && c.args.length > 0) &&
    !own.some((c) => /^(?:listen\w*|Listen\w*|start|Start|run|Run)$/.test(c.name))
  )
}

/** The calls made on a variable after it is assigned, in the function that assigns it. */
function callsOn(facts: FileFacts, built: Assign | undefined): Call[] {
  if (!built) return []
  const area = facts.scopes[built.scope]!.at
  return facts.calls.filter(
    (c) => c.receiver === built.target && c.at.start > built.at.end && contains(area, c.at),
  )
}

/**
 * A server built and told to listen in one chain (`union.createServer({ … }).listen(8082, cb)`,
 * Java's `return new ThriftServerDefBuilder()⏎.listen(8080)`) is reported from the construction,
 * where the statement starts, to the listen.
 */
function fromChainStart(facts: FileFacts, l: Listener): Listener {
  const receiver = l.call?.receiver ?? ''
  if (!l.call || !receiver.includes('(')) return l
  const start = l.call.at.start
  let built: Call | undefined
  // A chain's calls share its start offset; their lines and columns point at each method.
  for (const c of facts.calls) {
    if (
      c !== l.call &&
      c.at.start <= start &&
      c.at.start >= (built?.at.start ?? -1) &&
      // Java keeps `new` in the receiver's text, without the space: `newThriftServerDefBuilder()`.
      receiver.startsWith(`${c.isNew && !receiver.startsWith(c.callee) ? 'new' : ''}${c.callee}(`)
    )
      built = c
  }
  return built && l.at.start === l.call.at.start ? { ...l, at: spanning(built.at, l.at) } : l
}

/** Testcontainers' fixed host ports: Java `withFixedExposedPort(h, c)`, Python `with_bind_ports(c, h)`. */
function containerMapping(call: Call, consts: Constants): Listener | undefined {
  let port: Value | undefined
  if (call.name === 'withFixedExposedPort') port = call.args[0]?.value
  else if (call.name === 'with_bind_ports') port = call.args[1]?.value
  else return undefined
  return {
    kind: 'mapping',
    port: portOf(port, consts),
    at: call.at,
    scope: call.scope,
    text: call.text,
    call,
  }
}
