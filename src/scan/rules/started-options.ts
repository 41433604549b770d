// A fixed port written into an options object or struct that the test then starts: the code under
// test listens on it. cloud-sql-proxy's `in := &proxy.Config{Port: 50000}` → `c, err :=
// proxy.NewClient(…, in)` → `go c.Serve(…)`; Prometheus's `opts := &Options{ListenAddress:
// ":9090"}` → `webHandler := New(nil, opts)` → `webHandler.Listener()`.
import type { Assign, Call, FileFacts, Span, Value } from '../facts.ts'
import { contains, innermostAssign, innermostCall, spanning } from '../facts.ts'
import {
  addressOf,
  assignsByScope,
  constantsAt,
  HOST_KEY,
  MIN_PORT,
  namesRemoteHost,
  portOf,
  saysUnstarted,
  resolve,
  type Constants,
} from '../values.ts'
import { escapeRegExp, hasWord } from './context.ts'
import { serverInjected } from '../listeners/started.ts'
import { SETTER, SETTING_PORT_KEY, STAND_IN } from '../server-helpers.ts'

export interface StartedOption {
  at: Span
  scope: number
  text: string
  port: number
  /** The field or argument that holds the number. */
  field: Span
  /**
   * Written into options, handed to a constructor as an address, handed to a function of the file
   * that builds the options, or set in options such a function returns.
   */
  how: 'option' | 'address' | 'helper' | 'returned'
  /** That function's name. */
  helper?: string
  /** The call that starts what the options configure. */
  start: Call
  /** Drawn at random from a range starting at `port`: NBitcoin's `_Rand.Next(4000, 60000)`. */
  random?: boolean
}

/** Fields that say where a server listens: `Port`, `PprofPort`, `ListenAddress`, `Addr`, `http_port`. */
const LISTEN_FIELD =
  /^(?:[A-Za-z]*Port|port|[a-z]+_port|[A-Za-z]*(?:Addr|Address)|addr|address|(?:listen|bind)(?:_?addr(?:ess)?)?)$/
/** …and fields that say where a client goes, or which local port it dials from. */
const ELSEWHERE = /remote|peer|target|upstream|backend|dest|dial|connect|proxy|local|server|db/i
/** Calls that start what the options configure: `c.Serve(…)`, `RunServer(&opts)`, `start_server()`; not `Server` or `RuntimeError`. */
// Not a test runner's `runTests()` (eventsource's `registerTests({…, port })` then
// `runner.runTests()`, which only requests; census 66).
const STARTS =
  /^(?:[Rr]un(?!_?(?:[aA]ll_?)?(?:[tT]ests?|[sS]uites?|[sS]pecs?)$)|[Ss]tart|[Ss]erve|[Ll]isten|[Ll]aunch|[Bb]oot)(?:$|[A-Z_\d])/
/** Settings of a connection to make: pika's `ConnectionParameters(host=…, port=5672)`. */
const CONNECTION_SETTINGS = /Connection_?(?:Param(?:eter)?s|Settings|Options)$/i
/** A client only listens when told to serve (cloud-sql-proxy's client is a local listener). */
const CLIENT = /client/i
/** Test runners' own `Run`: `t.Run(name, fn)`, `suite.Run(t, s)`. */
const RUNNER = /^(?:t|b|tb|suite|s\.T\(\))$/
/** A variable, or a field of the test object: `in`, `self.server`, `this.host`. */
const HOLDER = /^(?:(?:self|this|cls)\.)?[\w$]+$/
/**
 * Struct literals and initializers alone are as often a parse test's expected settings as a
 * server's (nats-server, ktor): a field counts only when the value that holds it, or a value built
 * from it, is then started in the same function.
 */
export function startedOptions(facts: FileFacts, consts: Constants): StartedOption[] {
  const out: StartedOption[] = []
  let byScope: Map<number, Assign[]> | undefined
  let inContainers: Set<number> | undefined
  let unstarted: Set<number> | undefined
  let beside: Set<number> | undefined
  for (const e of facts.entries) {
    // Not a client's settings: pika's `ConnectionParameters(host=…, port=5672)`, asynq's
    // `RedisClientOpt{Addr: ":9876"}` (census 50).
    const clients = CONNECTION_SETTINGS.test(e.owner) || CLIENT.test(e.owner)
    if (!LISTEN_FIELD.test(e.key) || ELSEWHERE.test(e.key) || clients) continue
    byScope ??= assignsByScope(facts)
    // A literal needs no variables (nats-server's thousands of `Port: -1`).
    const literal = e.value.kind === 'int' || e.value.kind === 'string'
    const local = literal ? consts : constantsAt(facts, consts, e.scope, e.at.start, byScope)
    const given = portOf(e.value, local)
    const port = given.kind === 'fixed' ? given : addressOf(e.value, local).port
    if (port.kind !== 'fixed' || port.port < MIN_PORT) continue
    inContainers ??= containerFields(facts)
    if (inContainers.has(e.at.start) && !/host/i.test(e.key)) continue
    unstarted ??= fieldsOfLiterals(facts, (run) => run.some((f) => saysUnstarted(f.key, f.value)))
    if (unstarted.has(e.at.start)) continue
    beside ??= besideRemoteHost(facts, consts)
    if (beside.has(e.at.start)) continue
    if (inPretendValue(facts, e) || besideDialer(facts, e.at)) continue
    const start = startOf(facts, e.at)
    if (!start || handedListener(start) || serverInjected(facts, start)) continue
    const from = fromVariable(facts, e, byScope)
    // From the number to where it is started, which a reader looks for (datalad's thread start),
    // or the starting call itself when the options are written into it.
    const at = contains(start.at, from) ? start.at : spanning(from, start.at)
    // `port: { port: 3000 }` names one port twice, and so does `addr: &net.TCPAddr{…, Port: 12345}`
    // (the address, then its field).
    const twice = (o: StartedOption) =>
      (o.at.start === at.start && o.at.end === at.end) ||
      contains(o.field, e.at) ||
      contains(e.at, o.field)
    if (out.some((o) => o.port === port.port && twice(o))) continue
    out.push({
      at,
      field: e.at,
      how: 'option',
      start,
      scope: e.scope,
      text: `${e.owner}{${e.key}: ${e.value.text}}`,
      port: port.port,
      ...(port.random ? { random: true } : {}),
    })
  }
  // A listen address handed to what the test builds and then starts (the OpenCensus receiver's
  // `addr := ":35993"` … `ocr, err := New(addr, sink, nil)` … `ocr.StartTraceReception(mh)`).
  // Only strings that can be addresses, written in place or held by a variable, are worth
  // resolving: building a call's local variables is not free (nats-server has 20,000 calls).
  const addressLike = (text: string) => /:\d{2,5}\/?$/.test(text)
  const holdsAddress = new Set(
    facts.assigns.flatMap((a) =>
      a.value.kind === 'string' && addressLike(a.value.value) ? [a.name] : [],
    ),
  )
  for (const call of facts.calls) {
    if (isStart(call) || CLIENT.test(call.callee) || CONTAINER_ENV.test(call.name)) continue
    for (const arg of call.args) {
      const v = arg.value
      if (arg.name) continue
      if (
        v.kind === 'string' ? !addressLike(v.value) : v.kind !== 'name' || !holdsAddress.has(v.last)
      )
        continue
      byScope ??= assignsByScope(facts)
      const local = constantsAt(facts, consts, call.scope, call.at.start, byScope)
      // A written address; a struct's fields are read above.
      if (resolve(arg.value, local).kind !== 'string') continue
      const address = addressOf(arg.value, local)
      if (address.port.kind !== 'fixed' || address.port.port < MIN_PORT) continue
      if (!LISTEN_HOST.test(address.host ?? '') && !SERVER_CALLEE.test(call.name)) continue
      const holder = innermostAssign(facts, call.at)
      if (holder?.value.kind !== 'call' || holder.value.call.at.start !== call.at.start) continue
      // The file's own constructor that opens nothing: btcd's `newMockListener("127.0.0.1:8333")`
      // returns a struct that hands out in-memory connections (census 76).
      if (buildsOnlyValues(facts, call)) continue
      const start = startOfHolder(facts, holder)
      if (!start) continue
      const from =
        arg.value.kind === 'name' ? literalOf(facts, arg.value.name, call, byScope) : undefined
      out.push({
        at: spanning(from ?? arg.at, start.at),
        field: arg.at,
        how: 'address',
        start,
        scope: call.scope,
        text: `${call.callee}(${arg.value.text})`,
        port: address.port.port,
      })
    }
  }
  out.push(...optionsFromHelpers(facts, consts))
  return out
}

/** Go's built-in functions, which make values and open nothing. */
const GO_BUILTIN = /^(?:make|new|len|cap|append|copy|delete|panic)$/

/**
 * A function the file declares, called bare, whose body calls nothing but Go's built-ins: it
 * returns a value (btcd's `newMockListener` returns `&mockListener{…, provideConn: make(chan
 * net.Conn)}`), and what is started later is that value's own code, not a socket. A helper that
 * builds through another call (distribution's `setupRegistry(…, ":5000")` calling `NewRegistry`)
 * may make the server a test starts.
 */
function buildsOnlyValues(facts: FileFacts, call: Call): boolean {
  if (call.receiver !== '') return false
  const own = facts.scopes.filter(
    (s) => s.role === 'declared' && s.name === call.name && !contains(s.at, call.at),
  )
  return (
    own.length > 0 &&
    own.every((s) => facts.calls.every((c) => !contains(s.at, c.at) || GO_BUILTIN.test(c.name)))
  )
}

/** Keys that hand a configuration its own dialer: btcd's `Config{…, Dial: mockDialer}`. */
const DIALER_KEY = /^[dD]ial(?:er|Func|Context|Fn)?$/

/**
 * A field inside the options of a call that are also given a dialer (btcd's connection manager,
 * `New(&Config{GetNewAddress: func() … { return &net.TCPAddr{…, Port: 18555} }, Dial:
 * mockDialer})`; census 76): those addresses are where it connects, through that dialer.
 */
function besideDialer(facts: FileFacts, at: Span): boolean {
  const call = innermostCall(facts, at)
  return (
    call !== undefined &&
    facts.entries.some((d) => DIALER_KEY.test(d.key) && contains(call.at, d.at))
  )
}

/**
 * Options that a function of the file builds and returns, which a test then starts: from the port
 * it is given (dittofs's `testSetup(t, port)`: `cfg := APIConfig{Port: port, …}` … `return
 * cpStore, cfg`, then `cpStore, cfg := testSetup(t, 18080)` … `go server.Start(ctx)` on
 * `NewServer(cfg, …)`), or with a port it sets itself (ksql's `createServerConfig()`:
 * `config.put("ksql.apiserver.listen.port", 8089)` … `return new ApiServerConfig(config)`, then
 * `server = new Server(vertx, createServerConfig(), …)` and `server.start()`). A test that only
 * reads the options back (`testSetup(t, 9999)` then `server.Port()`) starts nothing.
 */
function optionsFromHelpers(facts: FileFacts, consts: Constants): StartedOption[] {
  const out: StartedOption[] = []
  for (const e of facts.entries) {
    const v = e.value
    if (v.kind !== 'name' || !LISTEN_FIELD.test(e.key) || ELSEWHERE.test(e.key)) continue
    const fn = functionAround(facts, e.scope)
    if (!fn || !returnsValueAt(facts, fn, e.at)) continue
    const params = facts.params
      .filter((p) => p.scope === fn.id)
      .sort((a, b) => a.at.start - b.at.start)
    const index = params.findIndex((p) => p.name === v.name)
    if (index < 0) continue
    for (const { call, start } of startedResults(facts, fn)) {
      const arg =
        call.args.find((a) => a.name === v.name) ?? call.args.filter((a) => !a.name)[index]
      const port = portOf(arg?.value, consts)
      if (!arg || port.kind !== 'fixed' || port.port < MIN_PORT) continue
      out.push({
        at: spanning(call.at, start.at),
        field: arg.at,
        how: 'helper',
        helper: fn.name,
        start,
        scope: call.scope,
        text: call.text,
        port: port.port,
      })
    }
  }
  for (const set of facts.calls) {
    const key = set.args[0]?.value
    if (!SETTER.test(set.name) || set.args.length !== 2 || key?.kind !== 'string') continue
    const listens = /listen|bind/i.test(key.value)
    if (!SETTING_PORT_KEY.test(key.value) || (ELSEWHERE.test(key.value) && !listens)) continue
    const port = portOf(set.args[1]!.value, consts)
    const fn = functionAround(facts, set.scope)
    if (port.kind !== 'fixed' || port.port < MIN_PORT || !fn || !/^\w+$/.test(set.receiver))
      continue
    if (!facts.exits.some((x) => contains(fn.at, x.at) && hasWord(x.text, set.receiver))) continue
    const first = startedResults(facts, fn)[0]
    if (!first) continue
    out.push({
      at: set.at,
      field: set.args[1]!.at,
      how: 'returned',
      helper: fn.name,
      start: first.start,
      scope: first.call.scope,
      text: set.text,
      port: port.port,
    })
  }
  return out
}

/** The function returns the value written at `at`: in its return, or the holder it returns. */
function returnsValueAt(facts: FileFacts, fn: FileFacts['scopes'][number], at: Span): boolean {
  const holder = innermostAssign(facts, at)
  return facts.exits.some(
    (x) =>
      contains(fn.at, x.at) &&
      (contains(x.at, at) ||
        (holder !== undefined && HOLDER.test(holder.target) && hasWord(x.text, holder.target))),
  )
}

/**
 * Calls of a function of the file whose result is kept, with the call that starts it (or a value
 * built from it) afterwards: Go's `cpStore, cfg := testSetup(…)` may hand any of its results on.
 */
function startedResults(
  facts: FileFacts,
  fn: FileFacts['scopes'][number],
): { call: Call; start: Call }[] {
  const out: { call: Call; start: Call }[] = []
  for (const call of facts.calls) {
    if (call.name !== fn.name || !/^(?:|this|self)$/.test(call.receiver)) continue
    const kept = innermostAssign(facts, call.at)
    if (kept?.value.kind !== 'call' || !contains(kept.at, call.at)) continue
    const start = [kept.target, ...(kept.results ?? [])]
      .map((target) => startOfHolder(facts, { ...kept, target }))
      .find((s) => s !== undefined)
    if (start && !handedListener(start) && !serverInjected(facts, start)) out.push({ call, start })
  }
  return out
}

/** The declared, named function a scope belongs to (a block or a closure inside it included). */
function functionAround(facts: FileFacts, scope: number): FileFacts['scopes'][number] | undefined {
  let s = facts.scopes[scope]
  while (s && s.id !== 0 && s.name === '') s = facts.scopes[s.parent]
  return s && s.id !== 0 && s.role === 'declared' ? s : undefined
}

/**
 * Types that stand in for the real thing: `stubListener`, `MockConn`; not a mock server, which
 * listens (`new MockWebServer({ port })`).
 */
const PRETEND_TYPE = new RegExp(`^[&*]?(?:\\w+\\.)?${STAND_IN}(?!\\w*(?:[sS]erver|[bB]roker)$)`)

/**
 * A field of a stand-in, or of a value inside one (caddy's `&stubListener{addr: &net.TCPAddr{…,
 * Port: 1234}}`, returned by a fake listen function): nothing binds its port.
 */
function inPretendValue(facts: FileFacts, e: FileFacts['entries'][number]): boolean {
  if (PRETEND_TYPE.test(e.owner)) return true
  return (
    facts.assigns.some(
      (a) => a.value.kind === 'object' && PRETEND_TYPE.test(a.value.type) && contains(a.at, e.at),
    ) ||
    // …or returned straight away: anacrolix/torrent's `return mockSocket{addr: &net.TCPAddr{…,
    // Port: 12345}}, nil` from a mock listen function (census 65).
    facts.entries.some((o) => o !== e && PRETEND_TYPE.test(o.owner) && contains(o.at, e.at))
  )
}

/**
 * Where the fields of literals that name a host other than this machine start: a port beside it
 * is that host's (pion's ICE candidates `CandidateHostConfig{Address: "192.168.1.2", Port:
 * 5678}`, a TURN URL `{Host: "turn.example.com", Port: 3478}`; census 52). Nothing here binds it.
 */
function besideRemoteHost(facts: FileFacts, consts: Constants): Set<number> {
  return fieldsOfLiterals(facts, (run) =>
    run.some((e) => HOST_KEY.test(e.key) && namesRemoteHost(e.value, consts)),
  )
}

/**
 * A container's environment: the addresses in it are bound in the container's own network, not
 * on the host (opentelemetry-dotnet-instrumentation's Kafka fixture, `.WithEnvironment(
 * "KAFKA_CONTROLLER_QUORUM_VOTERS", $"1@{name}:29093")`; its host port is a port binding).
 */
const CONTAINER_ENV = /^(?:[wW]ith_?[eE]nv(?:ironment)?(?:_?[vV]ariables?)?)$/

/** Fields that say a value describes a container to run: its image, its replicas. */
const CONTAINER_FIELD = /^(?:[iI]mage(?:_?[nN]ame)?|[rR]eplicas)$/

/**
 * Where the fields of values that describe a container start (dapr's `kube.AppDescription{
 * ImageName: "perf-tester", Replicas: 1, AppPort: 3001 }`): a port there is the container's own,
 * in its own network namespace, unless the field names the host's (`HostPort`). Go's element
 * literals inside `[]kube.AppDescription{{…}}` carry no value of their own, so the fields are read
 * by their owner (fieldsOfLiterals).
 */
function containerFields(facts: FileFacts): Set<number> {
  return fieldsOfLiterals(facts, (run) => run.some((e) => CONTAINER_FIELD.test(e.key)))
}

/**
 * Where the fields of the literals that `which` picks start. A literal's fields are the entries
 * read one after another with one owner in one scope.
 */
function fieldsOfLiterals(
  facts: FileFacts,
  which: (fields: FileFacts['entries']) => boolean,
): Set<number> {
  const out = new Set<number>()
  let run: FileFacts['entries'] = []
  const close = () => {
    if (which(run)) for (const e of run) out.add(e.at.start)
    run = []
  }
  for (const e of facts.entries) {
    const last = run[run.length - 1]
    if (last && (last.owner !== e.owner || last.scope !== e.scope)) close()
    run.push(e)
  }
  close()
  return out
}

/** Where a listen address names no host but the machine's: `:35993`, `0.0.0.0:8080`, `[::]:80`. */
const LISTEN_HOST = /^(?:|0\.0\.0\.0|::|\*)$/
/**
 * Constructors of what listens, when the address names a host: `NewServer("127.0.0.1:8080")`. Not
 * a proxy's: the address it is handed is as often its upstream (nats-server's `createNetProxy(…,
 * "route://127.0.0.1:14622")`).
 */
const SERVER_CALLEE = /(?:Server|Listener|Receiver|Gateway)$/

/**
 * The start hands the server a listener, and the options' port is not bound: Go's `srv.Serve(ln)`,
 * nats-server's `runServerWithListener(ln, opts.Clone())` on a fake listener.
 */
function handedListener(start: Call): boolean {
  return (
    (/^Serve(?:TLS)?$/.test(start.name) || /Listener/.test(start.name)) &&
    start.args.some((a) => /^(?:ln|l|lis|listener)$/i.test(a.value.text))
  )
}

/** A field that names a host: `host`, `hostname`, `Host`, `address`. */
const HOST_FIELD = /^(?:host(?:name)?|address|addr|ip)$/i

/**
 * A list of host-and-port objects names the nodes a client reaches (bullmq's `clusterNodes = [{
 * host: '127.0.0.1', port: 7001 }, …]` handed to ioredis's `Cluster`); a server's options name the
 * one address it listens on.
 */
function nodeList(v: Value): boolean {
  return (
    v.kind === 'tuple' &&
    v.items.length > 1 &&
    v.items.every((i) => i.kind === 'object' && i.entries.some((e) => HOST_FIELD.test(e.key)))
  )
}

/** The call that starts the options at `at`: directly (`RunServer(&Options{…})`), or what holds them. */
function startOf(facts: FileFacts, at: Span): Call | undefined {
  const holder = innermostAssign(facts, at)
  if (holder && nodeList(holder.value)) return undefined
  const call = innermostCall(facts, at)
  const startsHere = call && isStart(call) && !call.args.some((a) => stubsListen(a.value))
  // Options written into the call that starts, whose result is kept (listhen's `listener = await
  // listen(handle, { port: { port: 3000 } })`).
  if (startsHere && (!holder || contains(holder.at, call.at))) return call
  if (!holder || !HOLDER.test(holder.target)) return undefined
  // A number is not options: portfinder's `port = await getPortPromise({ port: 8000 })`.
  if (/port$/i.test(holder.name) || stubsListen(holder.value)) return undefined
  return startOfHolder(facts, holder)
}

/** The first call after `holder` that starts it, or a value built from it, in its function. */
function startOfHolder(facts: FileFacts, holder: Assign): Call | undefined {
  if (!HOLDER.test(holder.target)) return undefined
  const area = facts.scopes[holder.scope]?.at
  const holders = [holder.target]
  // Values built from the options, in order (`c, err := proxy.NewClient(…, in)`; datalad's
  // `self.server = wsgi.Server(bind_addr=(config["host"], config["port"]))`, then
  // `self.server_thread = Thread(target=self.server.serve)`).
  for (const a of facts.assigns) {
    if (
      a.at.start > holder.at.end &&
      a.value.kind === 'call' &&
      HOLDER.test(a.target) &&
      (!area || contains(area, a.at)) &&
      a.value.call.args.some((arg) => holders.some((h) => hasWord(arg.value.text, h)))
    )
      holders.push(a.target)
  }
  return facts.calls.find(
    (c) =>
      c.at.start > holder.at.end &&
      (!area || contains(area, c.at)) &&
      isStart(c) &&
      (holders.includes(c.receiver) ||
        c.args.some((arg) => holders.some((h) => hasWord(arg.value.text, h))) ||
        // `go app.NewSyslogAgent(cfg, mc, logger).Run()`
        (c.receiver.includes('(') && holders.some((h) => inArguments(c.receiver, h)))),
  )
}

/**
 * Options that bring their own `listen` function are a fake's (kimi-code's `listenWithPortRetry({
 * listen: async () => { throw … }, port: 5000 })`): nothing binds their port.
 */
function stubsListen(v: Value, depth = 0): boolean {
  if (depth > 3) return false
  if (v.kind === 'call') return v.call.args.some((a) => stubsListen(a.value, depth + 1))
  if (v.kind !== 'object') return false
  return v.entries.some(
    (e) =>
      (/^(?:listen|bind|serve|createServer)$/i.test(e.key) && e.value.kind === 'function') ||
      stubsListen(e.value, depth + 1),
  )
}

/**
 * A start of what the options configure; a client's (`c.Start()`, aioquic's `run_client(port=…)`)
 * dials, and a test's helper (linkerd's `run_metric_test(header)`) runs a test.
 */
function isStart(c: Call): boolean {
  if (!STARTS.test(c.name) || RUNNER.test(c.receiver) || /[tT]est$/.test(c.name)) return false
  return !CLIENT.test(`${c.receiver} ${c.name}`) || /^(?:[Ss]erve|[Ll]isten)/.test(c.name)
}

/** `app.NewSyslogAgent(cfg, mc, logger)`: the value is passed to the call the chain starts with. */
function inArguments(receiver: string, name: string): boolean {
  return new RegExp(`[(,]\\s*[&*]?${escapeRegExp(name)}\\s*[,)]`).test(receiver)
}

/** The assignment of the literal a variable holds, in the function around `at` or outside it. */
function literalOf(
  facts: FileFacts,
  name: string,
  at: { scope: number; at: Span },
  byScope: Map<number, Assign[]>,
): Span | undefined {
  for (let s = facts.scopes[at.scope]; s; s = s.id === 0 ? undefined : facts.scopes[s.parent]) {
    const literal = byScope
      .get(s.id)
      ?.findLast((a) => a.target === name && a.at.end <= at.at.start && a.value.kind !== 'call')
    if (literal) return literal.scope !== 0 ? literal.at : undefined
  }
  return undefined
}

/**
 * A field given a variable that the function set to a literal (`addr := ":9999"` … `Address:
 * addr`) is reported from the literal, where the number is to be changed, to the field.
 */
function fromVariable(
  facts: FileFacts,
  e: FileFacts['entries'][number],
  byScope: Map<number, Assign[]>,
): Span {
  if (e.value.kind !== 'name') return e.at
  const literal = literalOf(facts, e.value.name, e, byScope)
  return literal ? spanning(literal, e.at) : e.at
}
