// Fixed ports that reach a server through code the file does not show: a test helper or a
// library that starts one (`CreateGrpcEndpoint(50051, …)`, `start_broker(port=1888)`, mockttp's
// `server.start(6001)`), and ports drawn at random from a fixed range.
import type { Assign, Call, FileFacts, Scope, Span, Value } from './facts.ts'
import type { Family } from './languages.ts'
import { contains, spanning } from './facts.ts'
import { perFile } from './per-file.ts'
import { hasWord } from './literals.ts'
import { ASSERTION } from './assertions.ts'
import {
  counterBase,
  counterDrawnFrom,
  familyOf,
  isRandomDraw,
  literalNumber,
  HOST_KEY,
  MIN_PORT,
  namesRemoteHost,
  NAMED_PORT,
  everyCallerGives,
  nameValue,
  parseAddress,
  portOf,
  resolve,
  WORKER_ENV,
  type Constants,
  type Port,
} from './values.ts'

/**
 * A helper's name says it starts a server: start/create/run/new/mock… then server/endpoint/
 * listener/broker (nebula's `TestUtils::mockServer(10001, …)`); not a client's view of one
 * (reactor-netty's `createUriEndpoint("http://localhost:8080/foo")`, DnsClientX's
 * `CreateTargetEndPoint(group, 5353, scope)`, the Kafka clients'
 * `NewBroker("127.0.0.1:9092")`, a handle on a broker to dial: sarama, franz-go), nor a list of
 * addresses (gf's `gsvc.NewEndpoints("127.0.0.1:9000")`), while MockServer's
 * `startClientAndServer(8080)` starts one.
 */
const STARTS_SERVER =
  /^_?(?:(?:start|create|run|new|spawn|launch|setup|set_up|make|boot|mock)_?(?!\w*(?:[uU]ri|[uU]rl|[tT]arget|[rR]emote|[dD]estination|[pP]eer))\w*?(?:servers?|endpoint|listeners?|daemons?)|(?:start|create|run|spawn|launch|setup|set_up|make|boot|mock)_?\w*?brokers?)$/i
/**
 * …or a proxy started by a verb that starts one (quic-go's `NewUDPProxy(13370, "localhost",
 * serverPort)` listens on its first port). A proxy is handed two ports, and a helper that only
 * makes or sets one up is as likely to be handed the backend's (taOS's `_make_proxy(9999)`).
 */
const STARTS_PROXY = /^_?(?:start|create|run|new|spawn|launch)_?\w*?prox(?:y|ies)$/i
/**
 * A test step named for a service it makes run on the address it is given: Ocelot's acceptance
 * tests' `GivenThereIsAServiceRunningOn("http://localhost:53171/", …)`.
 */
const RUNNING_ON = /(?:[sS]ervice|[sS]erver|[aA]pi)(?:[iI]s)?_?[rR]unning_?[oO]n$/
/** A helper named for launching or setting up, not for connecting: `launchNode`, `setupTestProvider`. */
const LAUNCHES = /^_?(?:setup|set_up|launch|boot|spin_?up)(?!\w*(?:[cC]lient|[cC]onnect))/i
/**
 * A helper named for holding a port busy, given one: get-port-please's `blockPort(3000)` (a
 * server listening there, so the code under test must move on), `occupyPort(8080)`.
 */
const OCCUPIES_PORT = /^_?(?:block|occupy|hog|squat|hold)_?\w*?[pP]ort$/
/** A name that starts something: `st_start_nocacerts`, `startWith`, `launch`, `boot_node`. */
const STARTS_VERB = /(?:^|_)(?:start|launch|boot)(?:$|_)|^(?:start|launch|boot)(?:[A-Z]|$)/i
/**
 * A constant or field named for a server's port: `US3512_SERVER_PORT`, `serverPort`,
 * `self.server_port`; or one named just for a port (Corvus.Testing's `StartFunctionsInstance(
 * project, Port, "net6.0")`), handed to a start that is no client's.
 */
const SERVER_PORT_NAME = /^(?:[\w.]*\.)?(?:(?:[A-Z\d]+_)*SERVER_PORT|[sS]erverPort|server_port)$/
const PORT_NAME = /^(?:(?:this|self)\.)?(?:port|Port|PORT)$/
const CLIENT_START = /[cC]lient|[cC]onnect|[dD]ial/
/** Languages that construct without `new`. */
const NO_NEW: ReadonlySet<Family> = new Set(['python', 'kotlin'])
/**
 * A server class constructed with a port: C++'s `ix::WebSocketServer server(8091)`. Not a DNS
 * client's `NameServer(IPAddress.Loopback, 8600)`, the server it asks (DnsClient.NET's tests).
 */
const SERVER_CLASS =
  /(?<!Name)(?:Server|ServerSocket|Listener|Acceptor|_server|_listener|_acceptor)$/
/**
 * A mock of a server built on a port: fluent-logger-java's `new MockFluentd(port, …)` listens on
 * it. Not a mock of the other end (`MockClient`, `MockConnection`) nor of a message, and only when
 * what it is given is named for a port (`new MockTimer(5000)` takes a delay).
 */
const MOCK_SERVER_CLASS =
  /^Mock(?!\w*(?:Client|Connection|Request|Response|Channel|Socket|Session)$)[A-Z]\w*$/
/** Words that name a stand-in for the real thing: a mock, a fake, a stub, a dummy. */
export const STAND_IN = '(?:[mM]ock|[fF]ake|[sS]tub|[dD]ummy)'
/**
 * A mock, fake or stub listener stands in for one and binds nothing (mochi-mqtt's
 * `NewMockListener("t1", ":22222")` keeps the address); unlike a mock server, which listens.
 */
const PRETEND_LISTENER = new RegExp(`${STAND_IN}\\w*[lL]isteners?$`)
/**
 * A server of a simulated network, which binds no host port: libtorrent's tests build
 * `sim::http_server http1(web_server1, 8080)` on libsimulator's virtual addresses.
 */
const SIMULATED = /^(?:\w+::)*(?:sim|simulat\w*)$/
/** Classes that hold a server's settings, built inline for it. */
const OPTIONS_CLASS = /(?:Options|Config|Configuration|Settings)$/
/**
 * `x.start(6001)` on a receiver named like a server or a mock of one (python-snap7's `srv`), also
 * .NET's `server.StartAsync(new ListenerConfig("127.0.0.1", port, 1000))` (EasySocket).
 */
const SERVER_RECEIVER = /server|srv|mock|broker/i

/**
 * The port a call hands to something that starts a server, when it is a literal (or a constant):
 * a `port` keyword, or else the first whole-number argument that can be a port.
 */
export function serverHelperPort(call: Call, consts: Constants, family: Family): Port | undefined {
  // `StubServer(8998)` in Python or Kotlin is a construction too.
  const constructs = call.isNew || (NO_NEW.has(family) && /^[A-Z]/.test(call.name))
  // A proxy's other numbers are latencies and bandwidths (nats-server's `newNetProxy(125*time.
  // Millisecond, 1024, 1024, url)`): its port is the first argument or a `port` keyword.
  if (STARTS_PROXY.test(call.name)) return portArgument(call, consts, 'first')
  // `getServer(NODE_TEST_PORT)`: a getter handed a port as its first argument makes the server
  // on it (eventsource's `await getServer(3944)`; census 66). Without one it may return a server
  // made elsewhere, so only the first argument counts.
  if (/^get_?\w*?Server$/i.test(call.name)) return portArgument(call, consts, 'first')
  if (
    PRETEND_LISTENER.test(call.name) ||
    SIMULATED.test(call.receiver) ||
    ASSERTION.test(call.name)
  )
    return undefined
  const starts =
    STARTS_SERVER.test(call.name) ||
    OCCUPIES_PORT.test(call.name) ||
    RUNNING_ON.test(call.name) ||
    (constructs && SERVER_CLASS.test(call.name)) ||
    (constructs &&
      MOCK_SERVER_CLASS.test(call.name) &&
      NAMED_PORT.test(call.args[0]?.value.text ?? '')) ||
    // Rust constructs with an associated function: wash's `HttpServer::new(handler, addr)`.
    (family === 'rust' && call.name === 'new' && SERVER_CLASS.test(call.receiver)) ||
    (/^(?:start|run)(?:Async)?$/i.test(call.name) && SERVER_RECEIVER.test(call.receiver)) ||
    // A start handed the suite's server port by name: libest's `st_start_nocacerts(
    // US3512_SERVER_PORT, …)`, whatever the helper calls its server.
    (STARTS_VERB.test(call.name) &&
      call.args.some(
        (a) =>
          SERVER_PORT_NAME.test(a.value.text) ||
          (PORT_NAME.test(a.value.text) && !CLIENT_START.test(call.name)),
      ))
  // `setupTestProviderAndWallets({ nodeOptions: { port: '4000' } })` (fuels-ts): a helper that
  // launches or sets something up, given a port in its options, starts what listens on it.
  if (!starts && LAUNCHES.test(call.name))
    return objectPort(call, consts) ?? serverSectionPort(call, consts)
  if (!starts) return serverSectionPort(call, consts)
  return (
    portArgument(call, consts) ??
    optionsPort(call, consts) ??
    objectPort(call, consts) ??
    serverSectionPort(call, consts)
  )
}

/**
 * WireMock's server and the JUnit 4 rules that start one around each test or class, all built with
 * a port or options (hazelcast-kubernetes's `new WireMockRule(KUBERNETES_MASTER_PORT)`).
 */
export const WIREMOCK = /^WireMock(?:Server|Rule|ClassRule)$/

/**
 * Servers that listen on a library's fixed default port when the test gives none: WireMock's
 * `new WireMockServer()` or one whose options, built in the call, set no port (8080),
 * OpenTelemetry's `new PrometheusExporter({…})` without a `port` (9464), ASP.NET Core's
 * `WebHost.Start(app)` (5000), py4j's callback server (25334). Not nats-server's
 * `RunDefaultServer()`: its test options moved from 4222 to -1 (a free port) between versions.
 */
export function libraryDefaultPort(call: Call, family: Family): Port | undefined {
  const fixed = (port: number, defaultOf: string): Port => ({ kind: 'fixed', port, defaultOf })
  const options = call.args.map((a) => a.value.text).join(' ')
  if (
    (family === 'java' || family === 'kotlin') &&
    WIREMOCK.test(call.name) &&
    (call.isNew || family === 'kotlin') &&
    // Options built inline that name no port; a variable's may be set elsewhere.
    call.args.every((a) => a.value.kind !== 'name') &&
    !/[pP]ort\s*\(|\d/.test(options)
  )
    return fixed(8080, 'WireMock')
  if (
    family === 'js' &&
    call.isNew &&
    call.name === 'PrometheusExporter' &&
    !call.args.some(
      (a) => a.value.kind === 'object' && a.value.entries.some((e) => e.key === 'port'),
    )
  )
    return fixed(9464, "OpenTelemetry's Prometheus exporter")
  // ASP.NET Core's `WebHost.Start(context => …)`, given only the app, listens on localhost:5000.
  if (
    family === 'csharp' &&
    call.name === 'Start' &&
    /(?:^|\.)WebHost$/.test(call.receiver) &&
    call.args.length === 1 &&
    call.args[0]!.value.kind === 'function'
  )
    return fixed(5000, 'ASP.NET Core')
  // py4j's `JavaGateway(start_callback_server=True)` starts its callback server on 25334.
  if (
    family === 'python' &&
    call.name === 'JavaGateway' &&
    call.args.some((a) => a.name === 'start_callback_server' && a.value.text === 'True') &&
    !call.args.some((a) => a.name === 'callback_server_parameters')
  )
    return fixed(25334, 'py4j')
  return undefined
}

/** A chain's last call that starts the server it configured. */
const STARTS_CHAIN = /^(?:run|run_async|runAsync|start|startAsync|listen|serve|bind)$/
/** A link of the chain that sets the port. */
const PORT_SETTER = /^(?:port|Port|setPort|withPort)$/

/**
 * A port set by a link of the chain that starts the server: Crow's
 * `app.bindaddr("127.0.0.1").port(45451).run_async()`, `app.port(18080).multithreaded().run()`.
 * Every link of a chain starts where the chain starts; a call in an argument starts later.
 */
export function chainedPort(call: Call, facts: FileFacts, consts: Constants): Port | undefined {
  if (!STARTS_CHAIN.test(call.name) || !call.receiver.includes('(')) return undefined
  for (const link of portSetters(facts)) {
    if (link === call || link.at.start !== call.at.start) continue
    if (link.at.end > call.at.end || link.args.length !== 1) continue
    const port = portOf(link.args[0]!.value, consts)
    if (port.kind === 'fixed' && port.port >= MIN_PORT) return port
  }
  return undefined
}

// Searched once per file: a large test file has tens of thousands of calls.
const portSetters = perFile((facts: FileFacts) =>
  facts.calls.filter((c) => PORT_SETTER.test(c.name)),
)

/** A port key in an options object, or one level into it: `port`, `apiPort`, `lobbyConfig.apiPort`. */
const PORT_KEY = /^(?:port|[a-z]\w*Port)$/

/** boardgame.io's `server.run({ port: 57_890, lobbyConfig: { apiPort: 57_891 } })`. */
function objectPort(call: Call, consts: Constants): Port | undefined {
  const inObject = (value: Value, depth: number): Port | undefined => {
    if (value.kind !== 'object' || depth > 1) return undefined
    for (const e of value.entries) {
      // Not the address of where requests go: httpxy's `setupOutgoing(outgoing, { target: {
      // hostname: "::1", port: 8080 } })` (census 56).
      if (ELSEWHERE_SECTION.test(e.key)) continue
      const port = PORT_KEY.test(e.key) ? portOf(e.value, consts) : inObject(e.value, depth + 1)
      if (port?.kind === 'fixed' && port.port >= MIN_PORT) return port
    }
    return undefined
  }
  for (const { value } of call.args) {
    const port = inObject(value, 0)
    if (port) return port
  }
  return undefined
}

/** Sections of options that say where a client goes: `target`, `upstream`, `proxy`. */
const ELSEWHERE_SECTION = /^(?:target|upstream|remote|proxy|backend|forward|destination|peer)$/i

/** A section of options that configures a server, whatever the call: Vite's `{ preview: { port } }`. */
const SERVER_SECTION = /^(?:server|preview|devServer)$/

/** `preview({ preview: { port: 3005 } })`, `createServer({ server: { port: 5173 } })`. */
function serverSectionPort(call: Call, consts: Constants): Port | undefined {
  for (const { value } of call.args) {
    if (value.kind !== 'object') continue
    for (const section of value.entries) {
      if (!SERVER_SECTION.test(section.key) || section.value.kind !== 'object') continue
      const given = section.value.entries.find((e) => e.key === 'port')?.value
      const port = given && portOf(given, consts)
      if (port?.kind === 'fixed' && port.port >= MIN_PORT) return port
    }
  }
  return undefined
}

/** A keyword naming the port a server listens on: `port`, `tcp_port` (python-snap7), `httpPort`. */
const PORT_KEYWORD = /^(?:(?:tcp|udp|http|https|listen|bind|server|grpc)_?)?port$/i

/**
 * A `port` keyword, or else the first whole-number argument that can be a port (for a proxy, only
 * a first argument: its other numbers are latencies and bandwidths).
 */
function portArgument(
  call: Call,
  consts: Constants,
  positional: 'any' | 'first' = 'any',
): Port | undefined {
  const named = call.args.find((a) => a.name !== undefined && PORT_KEYWORD.test(a.name))
  const unnamed = positional === 'first' ? call.args.slice(0, 1) : call.args
  const number = unnamed.findIndex((a) => !a.name && isPortInt(a.value, consts))
  // …or a local listen address: flannel's `RunServer(ctx, sm, addr)` with `addr := "127.0.0.1:9999"`,
  // which wins over a later number (gnet's `runSimServer(t, ":7204", true, 10, 1024, …)`, whose
  // 1024 is a packet size).
  const addresses = unnamed.map((a) => listenAddressPort(a.value, consts))
  const address = addresses.findIndex((p) => p?.kind === 'fixed')
  const port = named
    ? portOf(named.value, consts)
    : address >= 0 && (number < 0 || address < number)
      ? addresses[address]
      : number >= 0
        ? portOf(unnamed[number]!.value, consts)
        : undefined
  return port?.kind === 'fixed' && port.port >= MIN_PORT ? port : undefined
}

function listenAddressPort(value: Value, consts: Constants): Port | undefined {
  const v = resolve(value, consts)
  // Rust parses the text into an address: `"127.0.0.1:8080".parse()?`.
  const text =
    v.kind === 'string'
      ? v.value
      : v.kind === 'call' && /^(?:parse|into)$/.test(v.call.name)
        ? /^"([^"]*)"$/.exec(v.call.receiver)?.[1]
        : undefined
  const parts = text === undefined ? undefined : parseAddress(text)
  // A host of this machine (none, a loopback or a wildcard address), not a remote backend's.
  const local = parts !== undefined && familyOf(parts.host ?? '') !== 'unknown'
  // A number past 65535 binds nothing: ratify's `"127.0.0.1:99999"` tests the helper's error.
  if (!local || !/^\d+$/.test(parts.port ?? '') || Number(parts.port) > 65535) return undefined
  return { kind: 'fixed', port: Number(parts.port) }
}

/** Options built in the argument list: `new FakeMqttTcpServer(new MqttTcpServerOptions("localhost", 21883))`. */
function optionsPort(call: Call, consts: Constants): Port | undefined {
  for (const { value } of call.args) {
    if (value.kind === 'call' && value.call.isNew && OPTIONS_CLASS.test(value.call.name)) {
      const port = portArgument(value.call, consts)
      if (port) return port
    }
  }
  return undefined
}

/**
 * A constant named for another quantity holds no port, whatever its value: connect-go's
 * `newHTTP2Server(t, false, sendMaxBytes)` with `sendMaxBytes = 1024`.
 */
const OTHER_QUANTITY =
  /^(?:size|bytes|len|length|count|max|min|limit|timeout|delay|millis|ms|seconds|secs|interval|buffer|capacity|workers|threads|retries|attempts)$/i

/** The name's last word (`sendMaxBytes`, `SEND_MAX_BYTES`: Bytes) says so, and no word says port. */
function namesOtherQuantity(name: string): boolean {
  const words = name.split(/_+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean)
  return OTHER_QUANTITY.test(words.at(-1) ?? '') && !words.some((w) => /^port/i.test(w))
}

function isPortInt(v: Value, consts: Constants): boolean {
  if (v.kind === 'name' && namesOtherQuantity(v.last)) return false
  const r = resolve(v, consts)
  return r.kind === 'int' && r.value >= MIN_PORT && r.value < 65536
}

export interface RandomPort {
  at: Span
  scope: number
  text: string
  /** The smallest literal in the expression: where the range starts. */
  from: number
  /** The variable given the number, when it is a plain assignment (not a field or a return). */
  variable?: string
}

/**
 * `Port = Random.Shared.Next(5000, 6000)`, `port = random.randint(20000, 30000)`,
 * `20000 + rand.Intn(1000)`: a port name given (or a port helper returning) a random number from
 * a range that can hold ports.
 */
/** Values given to names that end in `port`: assignments, object entries, a named helper's return. */
function portValues(facts: FileFacts) {
  return [
    ...facts.assigns.map((a) => ({
      name: a.name,
      value: a.value,
      at: a.at,
      scope: a.scope,
      variable: a.target,
    })),
    ...facts.entries.map((e) => ({
      name: e.key,
      value: e.value,
      at: e.at,
      scope: e.scope,
      variable: undefined,
    })),
    // A helper named for it returns one: `int GetRandomPort() { return random.Next(2000, 5000); }`.
    ...facts.exits.flatMap((e) =>
      e.value
        ? [
            {
              name: facts.scopes[e.scope]?.name ?? '',
              value: e.value,
              at: e.at,
              scope: e.scope,
              variable: undefined,
            },
          ]
        : [],
    ),
  ].filter((n) => /port$/i.test(n.name))
}

export function randomPorts(facts: FileFacts): RandomPort[] {
  const out: RandomPort[] = []
  for (const n of portValues(facts)) {
    if (!isRandomDraw(n.value)) continue
    const from = rangeStart(n.value)
    if (Number.isFinite(from))
      out.push({
        at: n.at,
        scope: n.scope,
        text: `${n.name} = ${n.value.text}`,
        from,
        ...(n.variable ? { variable: n.variable } : {}),
      })
  }
  return out
}

/**
 * The index of this process among a test runner's parallel workers: Ginkgo's
 * `GinkgoParallelProcess()`, pytest-xdist's `worker_id` fixture, and the environment's (WORKER_ENV).
 */
const WORKER_INDEX = new RegExp(
  `\\bGinkgoParallel(?:Process|Node)\\b|\\bParallelNode\\b|\\bworker_id\\b|${WORKER_ENV.source}`,
)

/**
 * A port computed from a fixed base and the parallel worker's index (`grpcPort = 20000 +
 * GinkgoParallelProcess()`, loggregator): unique among one run's workers, and the same numbers in
 * every other run on the host.
 */
export function workerPorts(facts: FileFacts, consts: Constants): RandomPort[] {
  const out: RandomPort[] = []
  for (const n of portValues(facts)) {
    if (!WORKER_INDEX.test(n.value.text)) continue
    const named = n.value.kind === 'other' ? n.value.parts : []
    const bases = [
      ...ints(n.value, 0),
      ...named.flatMap((p) => {
        const r = p.kind === 'name' ? resolve(p, consts) : p
        return r.kind === 'int' ? [r.value] : []
      }),
    ].filter((i) => i >= MIN_PORT && i < 65536)
    if (bases.length === 0) continue
    out.push({
      at: n.at,
      scope: n.scope,
      text: `${n.name} = ${n.value.text}`,
      from: Math.min(...bases),
      ...(n.variable ? { variable: n.variable } : {}),
    })
  }
  return out
}

/**
 * Where a drawn range starts: the base added at the top (`41000 + Math.floor(Math.random() *
 * 9000)`, not the width inside the draw), else the smallest literal (`random.randint(20000, 30000)`).
 */
function rangeStart(v: Value): number {
  const portLike = (i: number) => i >= MIN_PORT && i < 65536
  const top = v.kind === 'other' ? v.parts.flatMap((p) => (p.kind === 'int' ? [p.value] : [])) : []
  const bases = top.filter(portLike)
  return Math.min(...(bases.length > 0 ? bases : ints(v, 0).filter(portLike)))
}

function ints(v: Value, depth: number): number[] {
  if (depth > 4) return []
  if (v.kind === 'int') return [v.value]
  if (v.kind === 'call') return v.call.args.flatMap((a) => ints(a.value, depth + 1))
  if (v.kind === 'other') return v.parts.flatMap((p) => ints(p, depth + 1))
  return []
}

export interface ConfiguredPort {
  at: Span
  scope: number
  text: string
  port: number
}

/** A port field of a server's options: `opts.Cluster.Port`, `Port`, `HTTPPort`, `httpsPort`. */
const PORT_FIELD = /^(?:[A-Za-z]*Port|port|PORT|[a-z]+_port)$/
/** Types and variables that hold a server's settings. */
const OPTIONS = /(?:options|opts|config|conf|settings|cfg)$/i
/** Calls that start what the options configure: `s.Start()`, `RunServer(&opts)`, `provider.start()`. */
const STARTS = /^(?:[Rr]un|[Ss]tart|[Ss]erve|[Ll]isten|[Bb]ind|[Ll]aunch|[Bb]oot)\w*$/
/** Keyed setters of configuration: `props.setProperty("httpPort", "50512")`, `conf.put("port", 8080)`. */
/** Setters of a settings map: `config.put("…port", 8089)`, `props.setProperty(…)`. */
export const SETTER = /^(?:setProperty|put|set|Set|setdefault|setInt|setString)$/
/** A settings key for a port: `ksql.apiserver.listen.port`, `httpPort`, `server_port`. */
export const SETTING_PORT_KEY = /(?:^|[._-])[a-z]*port$/i

/**
 * C calls that create what listens from the settings they are handed: libwebsockets' contexts and
 * vhosts, libdatachannel's `rtcCreateWebSocketServer(&config, cb)`.
 */
const CREATES_LISTENER =
  /^(?:lws_create_(?:context|vhost)|\w*_server_(?:create|new|start)|\w*_listen|[a-z]+Create\w*Server)$/

/**
 * Settings handed by address to a call that creates a listener from them, after the port is set
 * in the same function: libwebsockets' `info.port = 7681;` … `lws_create_context(&info)`.
 * `creators` are the file's calls that create listeners.
 */
function handedToStart(facts: FileFacts, creators: readonly Call[], holder: string, set: Assign) {
  const area = facts.scopes[set.scope]?.at
  return creators.some(
    (c) =>
      c.at.start > set.at.end &&
      (!area || contains(area, c.at)) &&
      // The extraction reads `&info` as `info`.
      c.args.some((arg) => [holder, `&${holder}`, `std::move(${holder})`].includes(arg.value.text)),
  )
}

/**
 * A helper whose listener asks for port 0 and is given nothing the parameter holds: artillery's
 * `createTestServer = (port = 9443) => { … app.listen(0, …) }` (census 70).
 */
function listensOnZeroInstead(facts: FileFacts, fn: Scope, param: string): boolean {
  const binds = facts.calls.filter(
    (c) => contains(fn.at, c.at) && /^(?:listen|bind|serve)$/i.test(c.name),
  )
  return (
    binds.some((c) => c.args[0]?.value.kind === 'int' && c.args[0].value.value === 0) &&
    !binds.some((c) =>
      c.args.some((a) => a.value.kind !== 'function' && hasWord(a.value.text, param)),
    )
  )
}

/**
 * A literal port written into a server's options rather than passed to a listener: the code under
 * test opens the listener (nats-server's `opts.Cluster.Port = 6222` before `New(&opts)`,
 * ZooKeeper's `configuration.setProperty("httpPort", "50512")`). Only where the holder is named
 * like options, and for ports from 1024 up; also a server-starting helper's default port.
 */
export function configuredPorts(facts: FileFacts, consts: Constants): ConfiguredPort[] {
  const out: ConfiguredPort[] = []
  const starts = facts.calls.filter((c) => STARTS.test(c.name))
  // Options count only when the same function then starts something: `New(opts)` alone builds a
  // server that never listens (nats-server's TestGetConnectURLs). A helper's default port is
  // started by the helper itself.
  const startedAfter = (at: Span, scope: number) => {
    const area = facts.scopes[scope]?.at
    return starts.some((c) => c.at.start > at.end && (!area || contains(area, c.at)))
  }
  const add = (at: Span, scope: number, text: string, value: Value, started = true) => {
    const port = portOf(value, consts)
    if (port.kind === 'fixed' && port.port >= MIN_PORT && (started || startedAfter(at, scope)))
      out.push({ at, scope, text, port: port.port })
  }
  // …and servers constructed from them: libdatachannel's `serverConfig.port = 48080;` …
  // `WebSocketServer server(std::move(serverConfig));` (census 61, no finding before).
  const creators = facts.calls.filter(
    (c) => CREATES_LISTENER.test(c.name) || (c.isNew && /Server$/.test(c.name)),
  )
  // A port beside a host that is not this machine's is where a client goes (boost.redis's
  // `cfg.addr.host = "occase.de"; cfg.addr.port = "6379"`, census 51).
  const heldBesideRemoteHost = (holder: string, scope: number) =>
    facts.assigns.some(
      (b) =>
        b.scope === scope &&
        b.target === `${holder}.${b.name}` &&
        HOST_KEY.test(b.name) &&
        namesRemoteHost(b.value, consts),
    )
  for (const a of facts.assigns) {
    const holder = a.target.slice(0, -a.name.length - 1)
    if (!PORT_FIELD.test(a.name) || !holder || heldBesideRemoteHost(holder, a.scope)) continue
    // `opts.Port`, or options held by the server itself: Simple-Web-Server's `server.config.port`.
    if (holder.split('.').some((part) => OPTIONS.test(part)))
      add(
        a.at,
        a.scope,
        `${a.target} = ${a.value.text}`,
        a.value,
        handedToStart(facts, creators, holder, a),
      )
    else if (handedToStart(facts, creators, holder, a))
      add(a.at, a.scope, `${a.target} = ${a.value.text}`, a.value)
  }
  // Not struct literals or named arguments (`&Options{Port: 4242}`, `RootConfig(port = 9000)`):
  // in tests they are as often the expected value of a parse test as a server's settings (a
  // whole-tree scan of nats-server and ktor found about half of them so).
  // `def start_broker(filename, port=1888)`: every caller that leaves it out shares the port.
  const given = everyCallerGives(facts)
  for (const [i, p] of facts.params.entries()) {
    const fn = facts.scopes[p.scope]
    if (p.default && /port$/i.test(p.name) && fn && STARTS_SERVER.test(fn.name) && !given(i)) {
      if (!listensOnZeroInstead(facts, fn, p.name))
        add(p.at, p.scope, `${fn.name}(${p.name}=${p.default.text})`, p.default)
    }
  }
  // A value built with a port keyword and then started itself: aiosmtpd's `controller =
  // get_controller(handler, port=9025)`, then `controller.start()`. Started on that very value,
  // so not a parse test's expected settings; a client started is handed the port it dials.
  const startsOn = Map.groupBy(starts, (c) => c.receiver)
  // Python's `with server:` starts a driver the same way (testplan's `KafkaStandalone(…,
  // port=9092)` entered in its fixture).
  const entered = Map.groupBy(
    facts.blocks.filter(
      (b) => b.kind === 'with' && b.headText !== undefined && /^[\w.]+$/.test(b.headText.trim()),
    ),
    (b) => b.headText!.trim(),
  )
  for (const a of facts.assigns) {
    if (a.value.kind !== 'call' || !(startsOn.has(a.target) || entered.has(a.target))) continue
    if (/client/i.test(a.target) || /client/i.test(a.value.call.callee)) continue
    const named = a.value.call.args.find((arg) => arg.name && PORT_KEYWORD.test(arg.name))
    const area = facts.scopes[a.scope]?.at
    const after = (at: Span) => at.start > a.at.end && (!area || contains(area, at))
    const startsIt =
      (startsOn.get(a.target) ?? []).some((c) => after(c.at)) ||
      (entered.get(a.target) ?? []).some((b) => after(b.at))
    if (named && startsIt) add(a.value.call.at, a.scope, a.value.call.text, named.value)
  }
  for (const c of facts.calls) {
    const key = c.args[0]?.value
    if (
      SETTER.test(c.name) &&
      c.args.length === 2 &&
      key?.kind === 'string' &&
      SETTING_PORT_KEY.test(key.value) &&
      (OPTIONS.test(c.receiver) || /^(?:configuration|properties|props|p)$/i.test(c.receiver))
    )
      add(c.at, c.scope, c.text, c.args[1]!.value, false)
  }
  return out
}

/**
 * `let startPort = 8089` counted up as tests take ports (`startPort += 1`, `++port`): a suite-wide
 * port table. The numbers are unique within one run and the same in every concurrent run on the
 * host; the definition is where the fix belongs (webpack-dev-server's `test/ports-map.js`).
 */
export function portCounters(facts: FileFacts, consts: Constants): ConfiguredPort[] {
  const base = (a: Assign) =>
    a.value.kind === 'int'
      ? a.value.value
      : (counterBase(a.value, consts) ?? converted(a.value, consts) ?? 0)
  const starts = facts.assigns.filter(
    (a) =>
      // Python declares by assigning: `_ports = itertools.count(20000)`.
      (a.declaration || a.value.kind === 'call') &&
      /port/i.test(a.name) &&
      base(a) >= MIN_PORT &&
      base(a) < 65536,
  )
  if (starts.length === 0) return offsetCounters(facts, consts)
  // Stepped where it is assigned, handed on or returned (webserver's `int get_next_port() {
  // static int port = 8000; return ++port; }`).
  const texts = [
    ...facts.assigns.map((a) => a.value.text),
    ...facts.calls.flatMap((c) => c.args.map((arg) => arg.value.text)),
    ...facts.exits.map((e) => e.text),
  ]
  // Atomic counters and shared counters stepped through the runtime: `PORTS.getAndIncrement()`.
  const drawn = new Set(facts.calls.flatMap((c) => counterDrawnFrom(c)?.split('.').pop() ?? []))
  const counted: ConfiguredPort[] = []
  for (const a of starts) {
    const n = a.name.replace(/[$]/g, '\\$')
    const step = new RegExp(`(?:\\+\\+\\s*${n}\\b|\\b${n}\\s*(?:\\+\\+|\\+=))`)
    const stepped = a.value.kind === 'int' && texts.some((t) => step.test(t))
    if (!drawn.has(a.name) && !stepped) continue
    counted.push({
      at: withHelpers(facts, a, step),
      scope: a.scope,
      text: `${a.target} = ${a.value.text}`,
      port: base(a),
    })
  }
  return [...counted, ...offsetCounters(facts, consts)]
}

/** A literal converted to the counter's type: Go's `var baseport = uint32(10000)`. */
function converted(value: Value, consts: Constants): number | undefined {
  if (value.kind !== 'call' || value.call.args.length !== 1) return undefined
  if (!/^(?:u?int(?:8|16|32|64)?|Number|long|short)$/.test(value.call.name)) return undefined
  return literalNumber(value.call.args[0]!.value, consts)
}

/**
 * A counter named for ports drawn with a fixed base added where it is drawn: NLog's `return 9500 +
 * Interlocked.Increment(ref _portOffset);`, whose `_portOffset` starts at zero, or sanic's
 * `return next(port_counter) + PORT` on `port_counter = count()` and `PORT = 42001`. Reported at
 * the function that hands the number out, or the statement when no function does.
 */
function offsetCounters(facts: FileFacts, consts: Constants): ConfiguredPort[] {
  const out: ConfiguredPort[] = []
  const drawn = facts.calls.filter((c) => counterDrawnFrom(c))
  if (drawn.length === 0) return out
  const statements = [
    ...facts.exits.map((e) => ({ at: e.at, text: e.text, scope: e.scope })),
    ...facts.assigns.map((a) => ({ at: a.at, text: a.value.text, scope: a.scope })),
  ]
  for (const c of drawn) {
    const around = statements.find((st) => contains(st.at, c.at))
    const at = around?.text.indexOf(c.text) ?? -1
    if (!around || at < 0) continue
    // The word just before: a bounded tail, so a long run of word characters costs nothing.
    const before = /([\w$.]+)\s*\+\s*$/.exec(around.text.slice(Math.max(0, at - 80), at))?.[1]
    const after = /^\s*\+\s*([\w$.]+)/.exec(around.text.slice(at + c.text.length))?.[1]
    const port = baseNumber(before, consts) ?? baseNumber(after, consts) ?? 0
    if (!(port >= MIN_PORT && port < 65536)) continue
    const fn = facts.scopes[around.scope]
    const helper = fn && fn.id !== 0 && fn.role === 'declared' ? fn.at : around.at
    // The file's own definitions of the base and the counter, just above, are where the numbers
    // are chosen: the finding starts there (its code, and so its fingerprint, stays the draw's).
    const named = [before, after, counterDrawnFrom(c)].flatMap((w) =>
      w && !/^\d+$/.test(w) ? [w] : [],
    )
    const defined = facts.assigns.filter(
      (a) =>
        a.scope === 0 &&
        named.includes(a.target) &&
        a.at.end <= helper.start &&
        helper.line - a.at.line <= HELPER_NEARBY,
    )
    const from = defined.reduce((first, a) => (a.at.start < first.start ? a.at : first), helper)
    out.push({ at: spanning(from, helper), scope: around.scope, text: around.text, port })
  }
  return out
}

/** A base written beside a draw: a literal, or a constant of the file that holds one. */
function baseNumber(word: string | undefined, consts: Constants): number | undefined {
  if (word === undefined) return undefined
  if (/^\d+$/.test(word)) return Number(word)
  return literalNumber(nameValue(word), consts)
}

/** How many lines apart a counter and a helper that draws from it may stand to share a finding. */
const HELPER_NEARBY = 20

/**
 * The counter's definition, stretched over the functions of the file beside it that hand out its
 * next number (WatsonWebsocket's `GetNextPort() => Interlocked.Increment(ref _basePort)`): the
 * finding covers where the number is made as well as the variable, and its code (the fingerprint)
 * stays the definition's.
 */
function withHelpers(facts: FileFacts, counter: Assign, step: RegExp): Span {
  const drawsIn = (area: Span) =>
    facts.calls.some(
      (c) =>
        contains(area, c.at) &&
        (counterDrawnFrom(c)?.split('.').pop() === counter.name || step.test(c.text)),
    ) ||
    facts.assigns.some((x) => contains(area, x.at) && step.test(x.value.text)) ||
    facts.exits.some((e) => contains(area, e.at) && step.test(e.text))
  let at = counter.at
  for (const fn of facts.scopes) {
    if (fn.id === 0 || fn.role !== 'declared' || !fn.name || contains(fn.at, counter.at)) continue
    // Only a helper beside it: a span over code between (another test, a suppression) would
    // speak for that code too.
    const apart = Math.max(fn.at.line - counter.at.endLine, counter.at.line - fn.at.endLine)
    if (apart > HELPER_NEARBY || !drawsIn(fn.at)) continue
    const first = fn.at.start < at.start ? fn.at : at
    const last = fn.at.end > at.end ? fn.at : at
    at = spanning(first, last)
  }
  return at
}

/** Waiting a fixed time: `time.sleep(0.5)`, `time.Sleep(…)`, `thread::sleep(…)`, `Thread.sleep(…)`. */
const SLEEP = /^(?:sleep|Sleep|usleep|nanosleep|sleep_for|delay|Delay)$/

/**
 * A fixed sleep: `time.sleep(1)`, `Thread.sleep(500)`, and JavaScript's `await new Promise((r) =>
 * setTimeout(r, 1500))` (the timer handed the promise's resolve) or `await setTimeout(1500)` from
 * `timers/promises`.
 */
export function isSleep(c: Call): boolean {
  if (SLEEP.test(c.name)) return true
  if (c.name !== 'setTimeout') return false
  const [first, second] = c.args
  if (c.args.length === 1) return c.awaited === true && first!.value.kind === 'int'
  // `setTimeout(resolve, 2000)`, or a callback that resolves with a value: a promise kept later.
  const resolves =
    first?.value.kind === 'name' ||
    (first?.value.kind === 'function' &&
      /^(?:\([^)]*\)|\w*)\s*=>\s*\(?\s*resolve\(/.test(first.value.text))
  return resolves && second?.value.kind === 'int'
}

/** A check whose name says it asks about a port: `doesPortHaveListener`, `port_available`, `isPortInUse`. */
const PORT_PROBE =
  /[pP]ort\w*(?:[aA]vailable|[fF]ree|[iI]n_?[uU]se|[uU]sed|[tT]aken|[bB]usy|[oO]pen|[lL]istener|[bB]ound)|(?:[aA]vailable|[fF]ree|[iI]n_?[uU]se|[uU]sed|[tT]aken|[bB]usy|[oO]pen)_?[pP]ort/

export interface ProbeLoop {
  /** From the helper's definition when it returns the number, else from the number's literal start in the function, if any, to the loop's end. */
  at: Span
  scope: number
  text: string
  /** The port variable the loop walks. */
  variable: string
  /** The check in the loop's condition. */
  probe: string
  /** The function the loop is in, when it returns what it found (`return port`, `return p`). */
  helper?: number
}

/**
 * A loop that walks port numbers until a check says one is free: `int port = 10000; while
 * (doesPortHaveListener(port)) port++;` (launchdarkly's test helpers), `while not
 * port_available(cls.next_port): advance()` (qpid-dispatch). Whatever the check does, it lets go
 * of the port before the caller binds it.
 */
export function probeLoops(facts: FileFacts): ProbeLoop[] {
  const out: ProbeLoop[] = []
  const checks = facts.calls.filter((c) => PORT_PROBE.test(c.name))
  if (checks.length === 0) return out
  for (const loop of facts.blocks) {
    if (loop.kind !== 'loop') continue
    let variable: string | undefined
    // The loop's own counter, set in its header: `for i := start; i < end; i++`.
    const counter = (name: string) =>
      facts.assigns.some(
        (a) => a.name === name && a.at.line === loop.at.line && contains(loop.at, a.at),
      )
    const probe = checks.find((c) => {
      if (!contains(loop.at, c.at)) return false
      const arg = c.args.find((a) => a.value.kind === 'name')?.value
      const name = arg?.kind === 'name' ? arg.name : undefined
      // Checked in the condition (`while (!isPortOpen(port))`), or in the body on the counter
      // (`if IsPortAvailable(i) { return i, nil }`, sosedoff/pgweb's FindAvailablePort).
      const walks =
        name !== undefined && ((c.at.line === loop.at.line && /port/i.test(name)) || counter(name))
      variable = walks ? name : undefined
      return walks
    })
    // A loop that sleeps between checks waits for a server to come up, or for a port to be let go.
    if (!probe || !variable || facts.calls.some((c) => isSleep(c) && contains(loop.at, c.at)))
      continue
    const last = variable.split('.').pop()!
    // A helper that returns the number it settled on (fbpcf's `findNextOpenPort`, qpid-dispatch's
    // `get_port`): the finding starts at its definition, where the fix belongs, as for other
    // free-port helpers, and its callers are reported as theirs are.
    const fn = facts.scopes[loop.scope]
    const handsOut =
      fn !== undefined &&
      fn.id !== 0 &&
      fn.name !== '' &&
      facts.exits.some(
        (e) =>
          e.scope === loop.scope &&
          (e.value?.kind === 'name' ||
            new RegExp(`^${last.replace(/\$/g, '\\$')}\\b`).test(e.text.replace(/^return\s+/, ''))),
      )
    const start = facts.assigns.findLast(
      (a) =>
        a.name === last &&
        a.scope === loop.scope &&
        a.at.end <= loop.at.start &&
        a.value.kind === 'int',
    )
    out.push({
      at: handsOut ? spanning(fn.at, loop.at) : spanning((start ?? loop).at, loop.at),
      ...(handsOut ? { helper: fn.id } : {}),
      scope: loop.scope,
      text: probe.text,
      variable,
      probe: probe.name,
    })
  }
  return out
}

/**
 * A port table in a C or C++ test header: `#define TEST_PORT 9123`, `#define ENDPOINT_3
 * "tcp://127.0.0.1:5558"` (libuv's task.h, libzmq's testutil.hpp). Every test that includes the
 * header listens on these numbers, the same in every concurrent run on the host; the fix belongs
 * in the header. Top-level definitions only, named for a port or written as an address.
 */
export function headerPortTable(facts: FileFacts): ConfiguredPort[] {
  const out: ConfiguredPort[] = []
  for (const a of facts.assigns) {
    if (a.scope !== 0 || !a.declaration) continue
    // A #define's value is raw text, a trailing comment included: `"tcp://…:5558" /* pub */`.
    const quoted = /^"([^"\\]*)"\s*(?:\/\*.*\*\/|\/\/.*)?$/.exec(a.value.text)?.[1]
    const port =
      a.value.kind === 'int' && /port/i.test(a.name)
        ? a.value.value
        : quoted !== undefined
          ? Number(parseAddress(quoted)?.port ?? Number.NaN)
          : Number.NaN
    if (!Number.isInteger(port) || port < MIN_PORT || port > 65535) continue
    out.push({ at: a.at, scope: a.scope, text: `${a.target} ${a.value.text}`, port })
  }
  return out
}
