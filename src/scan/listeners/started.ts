// Whether what a test builds is ever started: helpers whose body starts nothing, servers never
// started or handed their server, settings nothing starts, simulated networks.
import type { Assign, Call, FileFacts, Scope, Span } from '../facts.ts'
import { contains } from '../facts.ts'
import type { Family } from '../languages.ts'
import { literalNumber, saysUnstarted, type Constants } from '../values.ts'
import { perFile } from '../per-file.ts'

/** Calls in a helper's body that can start what listens: a start, a server built, a process. */
const MAY_START =
  /^(?:[sS]pawn|[eE]xec|[fF]ork|[pP]open)(?:[A-Z_]\w*)?$|(?:Server|Listener|Process|Command)$/

/**
 * A helper named for starting a server that the file defines, whose body starts nothing and calls
 * no other function of the file: datastax's `CreateWithEndPoint("127.0.0.2", 1234)` builds an
 * `IPEndPoint` value for an equality test. Where the body can be read, it says what the call does,
 * not the name.
 */
export function definedToStartNothing(facts: FileFacts, call: Call): boolean {
  const helpers = fileHelpers(facts, call)
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

/**
 * The file's own functions a call runs, every overload of the name (opc-ua's `CreateEndpoint(url,
 * policy, mode)` builds an endpoint description through three of them; census 58); none for a
 * constructor, whose body need not start anything: the class's own methods do (NetCoreServer's
 * `new EchoTcpServer(IPAddress.Any, port)`, then `server.Start()`).
 */
function fileHelpers(facts: FileFacts, call: Call): Scope[] {
  if (call.isNew || (call.receiver !== '' && !/^(?:this|self|Self)$/.test(call.receiver))) return []
  return facts.scopes.filter(
    (s) => s.role === 'declared' && s.name === call.name && !contains(s.at, call.at),
  )
}

/** Parameter names a port may be handed on. */
const PORT_PARAMETER = /port|addr|endpoint|url|uri|host|bind|listen|server/i

/**
 * A helper the file declares, handed the number on a parameter not named for a port: s3proxy's
 * `startProxy(1024)`, whose `maxRequestSize` bounds the requests of a proxy it starts on port 0
 * (census 66). Every overload must say so.
 */
export function handedNoPort(
  facts: FileFacts,
  call: Call,
  port: number,
  consts: Constants,
): boolean {
  const positional = call.args.filter((a) => !a.name)
  const index = positional.findIndex((a) => literalNumber(a.value, consts) === port)
  if (index < 0) return false
  const helpers = fileHelpers(facts, call)
  return (
    helpers.length > 0 &&
    helpers.every((h) => {
      const params = facts.params
        .filter((p) => p.scope === h.id)
        .sort((a, b) => a.at.start - b.at.start)
      const param = params[index]
      return param !== undefined && !PORT_PARAMETER.test(param.name)
    })
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
export const startsSomething = perFile((facts: FileFacts) =>
  facts.calls.some((c) => !c.isNew && STARTS_SOMETHING.test(c.name)),
)

/**
 * A JVM class named for a listener is an event listener or a listener's settings as often as a
 * socket (HiveMQ's `new TcpListener(1883, "localhost")`, a configuration entry added to a
 * service), and a C or C++ function named for making a server as often builds its settings
 * (libhttpserver's `webserver ws{create_webserver(8092)}`, which binds in `ws.start()`; census
 * 53): given a port, either counts only in a file that starts or binds something.
 */
export function settingsUnstarted(facts: FileFacts, call: Call, family: Family): boolean {
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
export function neverStarted(facts: FileFacts, call: Call, family: Family): boolean {
  const options = call.args.map((a) => a.value).filter((v) => v.kind === 'object')
  if (options.some((o) => o.entries.some((e) => saysUnstarted(e.key, e.value)))) return true
  if (family === 'csharp' && kestrelNeverBuilt(facts, call)) return true
  const go = family === 'go' && /^New\w*Server$/.test(call.name)
  // A Go transport's `NewListener(url, …)` only parses its address until `Listen()` (mangos's
  // `l, e := tran.NewListener("ws://127.0.0.1:3337/mysock", sock)`, asked only for an option;
  // census 66).
  const goListener = family === 'go' && call.name === 'NewListener'
  if (!go && !goListener && (family !== 'csharp' || !call.isNew)) return false
  const built = facts.assigns.find(
    (a) => a.value.kind === 'call' && a.value.call.at.start === call.at.start,
  )
  if (!built || !/^\w+$/.test(built.target)) return false
  const area = facts.scopes[built.scope]!.at
  const later = (at: Span) => at.start > built.at.end && contains(area, at)
  // The object itself, not a property read off it (`Assert.IsTrue(server.IsSecure)`).
  const word = new RegExp(`(?<![\\w.])${built.target}(?![\\w.])`)
  // A C# field or property set in the constructor may be started by another method of the class
  // (iqfeed's `Listener = new TcpListener(…)`, then `Listener.Start()` in the task it runs); not
  // by a test the runner skips (Fleck's `[Ignore] ShouldStart`, on a mocked socket), nor by one
  // that first puts a server of its own there (Fleck's `_server = new WebSocketServer(…)`).
  const local = facts.assigns.some(
    (a) => a.declaration && a.target === built.target && a.scope === built.scope,
  )
  const member = family === 'csharp' && !built.declaration && !local
  const replaced = (c: Call) =>
    facts.assigns.some(
      (a) =>
        a !== built &&
        a.target === built.target &&
        a.scope === c.scope &&
        a.at.start > built.at.end &&
        a.at.end <= c.at.start,
    )
  const calls = member
    ? facts.calls.filter(
        (c) => c.receiver === built.target && !skippedAround(facts, c.scope) && !replaced(c),
      )
    : callsOn(facts, built)
  // A Go server whose constructor may listen is closed, stopped or served by the test; one only
  // read for its fields is settings (dubbo-go's `NewServer("127.0.0.1:20001", conf)` then
  // `assert.True(t, s.tripleConfig.Http3.Negotiation)`; census 55).
  const started = go
    ? calls.length > 0
    : calls.some((c) => STARTS_OBJECT.test(c.name) || /^Accept/.test(c.name))
  const handedOn =
    handedToCall(facts, built) ||
    facts.assigns.some((a) => later(a.at) && word.test(a.value.text)) ||
    facts.exits.some((e) => later(e.at) && word.test(e.text))
  // A client the test connects to the server's own host or port expects it listening
  // (iqfeed's `using var _ = new SocketServer(Host, Port)` then `socket.ConnectAsync(Host, Port,
  // 5000)`).
  const given = new Set(call.args.map((a) => a.value.text))
  const dialed = facts.calls.some(
    (c) => later(c.at) && /^Connect/.test(c.name) && c.args.some((a) => given.has(a.value.text)),
  )
  // `using var server = new SimpleTcpServer("127.0.0.1", 10003)` only disposes of it
  // (SuperSimpleTcp's constructor tests, census 52).
  return !started && !handedOn && !dialed
}

/**
 * Kestrel's endpoints set in `ConfigureKestrel(options => options.Listen(…))` on a builder the
 * function neither builds, starts nor hands on: only its configuration is read (Steeltoe's
 * `builder.WebHost.ConfigureKestrel(…)` then `builder.Configuration.GetListenAddresses()`;
 * census 67), and its URLs set with `UseUrls`.
 */
function kestrelNeverBuilt(facts: FileFacts, call: Call): boolean {
  // …or `builder.WebHost.UseUrls("http://localhost:8888")` on such a builder.
  const configure =
    call.name === 'UseUrls'
      ? call
      : /^Listen(?:Localhost|AnyIP)?$/.test(call.name)
        ? facts.calls.find(
            (c) => /^(?:ConfigureKestrel|UseKestrel)$/.test(c.name) && contains(c.at, call.at),
          )
        : undefined
  const root = /^(\w+)(?:\.|$)/.exec(configure?.receiver ?? '')?.[1]
  if (!configure || !root) return false
  const built = facts.assigns.findLast((a) => a.target === root && a.at.end <= configure.at.start)
  if (!built) return false
  const area = facts.scopes[built.scope]!.at
  const later = (at: Span) => at.start > configure.at.end && contains(area, at)
  const word = new RegExp(`(?<![\\w.])${root}(?![\\w])`)
  const uses = (text: string) => word.test(text) && !text.startsWith(`${root}.Configuration`)
  return !(
    facts.calls.some(
      (c) =>
        later(c.at) &&
        (((c.receiver === root || c.receiver.startsWith(`${root}.`)) &&
          /^(?:Build|Start|Run)/.test(c.name)) ||
          c.args.some((a) => uses(a.value.text))),
    ) ||
    facts.assigns.some((a) => later(a.at) && uses(a.value.text)) ||
    facts.exits.some((e) => later(e.at) && uses(e.text))
  )
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
 * libp2p's `mocknet.New()`, an in-memory transport (go-micro's `tr := NewMemoryTransport()`,
 * `tr.Listen(":8080")`; census 72).
 */
const VIRTUAL_NETWORK = /^(?:vnet|mocknet)\.\w+$|(?:^|\.)New(?:InMemory|Memory|Mem)\w*$/

/**
 * A listen call on an interface of a simulated network (pion's `turnNet, err :=
 * vnet.NewNet(…)` … `turnNet.ListenPacket("udp4", "1.2.3.4:3478")`): nothing binds on the host.
 */
export function onVirtualNetwork(facts: FileFacts, call: Call): boolean {
  if (!/^[\w.]+$/.test(call.receiver)) return false
  const built = facts.assigns.findLast(
    (a) => a.target === call.receiver && a.at.end <= call.at.start && a.value.kind === 'call',
  )
  return built?.value.kind === 'call' && VIRTUAL_NETWORK.test(built.value.call.callee)
}

/**
 * A call that may start what a port was set on: `tomcat.start()`, `server.init()`, `run(…)`,
 * `listenAndServe`, `start_server`, an RPC provider's `export()` (sofa-rpc, Dubbo). The verb is a
 * whole word of the name, and not a setting's: not `ServerOptions` or `ListenerConfig`, nor a
 * builder's `bindAddress(…)` or `listenPort(…)`.
 */
export const STARTS_SOMETHING =
  /^(?:[sS]tart(?:up)?|[iI]nit(?:iali[sz]e)?|[rR]un|[lL]isten|[bB]ind|[sS]erve|[dD]eploy|[bB]oot(?:strap)?|[lL]aunch|[eE]xport)(?!(?:Addr(?:ess)?|Port|Host|Interface|Options?|Config\w*|Settings?|Info\w*|Timeout)$)(?:[A-Z_]\w*)?$/

/**
 * A server handed a listener to serve on (`server.Serve(ln)` in Go, `server.serve(listener)` in
 * Deno's std) and never told to listen itself, in the function that builds it: the port in its
 * options is not bound.
 */
export function servesGivenListener(facts: FileFacts, built: Assign | undefined): boolean {
  const own = callsOn(facts, built)
  return (
    own.some((c) => /^(?:serve|Serve|ServeTLS|serveTls)$/.test(c.name) && c.args.length > 0) &&
    !own.some((c) => /^(?:listen\w*|Listen\w*|start|Start|run|Run)$/.test(c.name))
  )
}

/** The calls made on a variable after it is assigned, in the function that assigns it. */
export function callsOn(facts: FileFacts, built: Assign | undefined): Call[] {
  if (!built) return []
  const area = facts.scopes[built.scope]!.at
  return facts.calls.filter(
    (c) => c.receiver === built.target && c.at.start > built.at.end && contains(area, c.at),
  )
}

/** The scope, or a function around it, is a test the runner skips. */
function skippedAround(facts: FileFacts, scope: number): boolean {
  for (let s = facts.scopes[scope]; s; s = s.id === 0 ? undefined : facts.scopes[s.parent]) {
    if (s.skipped) return true
  }
  return false
}

/**
 * The value `built` holds is handed to a call later in its function, as a whole (`serve(srv)`),
 * not as a field read off it (`assert(srv.isSecure)`).
 */
export function handedToCall(facts: FileFacts, built: Assign): boolean {
  const area = facts.scopes[built.scope]!.at
  const word = new RegExp(`(?<![\\w.])${built.target}(?![\\w.])`)
  return facts.calls.some(
    (c) =>
      c.at.start > built.at.end &&
      contains(area, c.at) &&
      c.args.some((a) => word.test(a.value.text)),
  )
}
