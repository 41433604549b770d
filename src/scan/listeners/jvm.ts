// Java's and Kotlin's listeners: server sockets and channels, embedded servers built on a port.
import type { Call, FileFacts } from '../facts.ts'
import { innermostCall } from '../facts.ts'
import { addressOf, MIN_PORT, resolve } from '../values.ts'
import { WIREMOCK } from '../server-helpers.ts'
import type { Address, Constants } from '../values.ts'
import { ASSERTION } from '../assertions.ts'
import { escapeRegExp } from '../literals.ts'
import {
  constructedAs,
  hostAndPort,
  isHostText,
  isIntLiteral,
  isIntValue,
  isParameter,
  kw,
  pos,
} from './reading.ts'
import { startsSomething } from './started.ts'

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
 * Builders of where a client goes: `URIBuilder`, `HttpUrl.Builder`, `RequestBuilder`, RabbitMQ's
 * `ConnectionFactory` (not Jetty's `HttpConnectionFactory`, a server's protocol).
 */
const NAMES_DESTINATION = /ur[il]|request|client|(?<!Http)ConnectionFactory|connection_?factory/i

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

export function jvm(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = call.args[0] && resolve(call.args[0].value, consts)
  if (
    /^(?:ServerSocket|DatagramSocket|createServerSocket|ServerSocketChannel)$/.test(n) ||
    WIREMOCK.test(n)
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
    // A small number bound by something not named for a socket is an id: iggy's `session.bind(42)`
    // binds a consensus session (census 67); Netty's `bootstrap.bind(80)` is a port.
    if (
      first.kind === 'int' &&
      ((/^(?:bind|listen|socket)$/.test(n) &&
        (first.value === 0 ||
          first.value >= MIN_PORT ||
          SOCKET_RECEIVER.test(call.receiver) ||
          /(?:^b|[bB]ootstrap)$/.test(call.receiver))) ||
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
    // Vert.x's `httpServer.listen(port, "localhost", handler)` on a parameter named for a port:
    // the callers' numbers decide (Hyperfoil's `server(port, …)`; hyperfoil-04).
    if (
      n === 'listen' &&
      first.kind === 'name' &&
      /port/i.test(first.name) &&
      isParameter(facts, call.at, first.name) &&
      !CLIENT_RECEIVER.test(call.receiver)
    )
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
    startsSomething(facts) &&
    // …and so is a setter's test that reads the port back (jPOS's `qServer.setPort(100)`, then
    // `assertEquals(100, qServer.getPort())`; census 71), or sets a privileged port no test
    // server binds unprivileged (`setPort(100)` before a start that fails on a missing channel).
    !(first?.kind === 'int' && first.value > 0 && first.value < MIN_PORT) &&
    !readBackOnly(call, facts)
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
    // Named so itself, not by an argument of its chain (brave's `tracer.joinSpan(…).kind(SERVER)
    // .start(2L)` starts a span at a timestamp; census 70).
    /server|javalin|app|mock|wiremock/i.test(withoutArguments(call.receiver)) &&
    !/^verify\b/.test(call.receiver) &&
    !/TimeUnit|Duration|SECONDS|MINUTES/.test(pos(call, 1)?.text ?? '')
  ) {
    return hostAndPort(call, consts, undefined, first)
  }
  // A test server class's factory handed its port (java-cas-client's
  // `PublicTestHttpServer.instance(8091)`).
  if (
    /^(?:instance|getInstance|newInstance|of|on|onPort)$/.test(n) &&
    /^[A-Z]\w*Server$/.test(call.receiver) &&
    call.args.length === 1 &&
    first?.kind === 'int' &&
    first.value >= MIN_PORT
  ) {
    return hostAndPort(call, consts, undefined, first)
  }
  if (n === 'port' && first && /options|wireMockConfig|Options/.test(call.receiver)) {
    return hostAndPort(call, consts, undefined, first)
  }
  // A server built on a socket address, in a file that starts something (bitcoinj's `new
  // NioServer(factory, new InetSocketAddress(InetAddress.getLoopbackAddress(), TCP_PORT_BASE +
  // i))`, then `startAsync()`; census 68's repositories).
  if (call.isNew && /Server$/.test(n) && startsSomething(facts)) {
    const address = call.args
      .map((a) => resolve(a.value, consts))
      .find((v) => v.kind === 'call' && v.call.name === 'InetSocketAddress')
    if (address) return addressOf(address, consts)
  }
  // XNIO's servers bind when made: undertow's `worker.createStreamConnectionServer(new
  // InetSocketAddress(host, 7777), …)`, `ssl.createSslConnectionServer(worker, address, …)`.
  if (/^create\w*(?:Connection|Udp)Server$/.test(n)) {
    const address = call.args
      .map((a) => resolve(a.value, consts))
      .find((v) => v.kind === 'call' && v.call.name === 'InetSocketAddress')
    return address && addressOf(address, consts)
  }
  // grpc-java's `ServerBuilder.forPort(50051)`, `NettyServerBuilder.forAddress(new
  // InetSocketAddress(host, port))`, `Grpc.newServerBuilderForPort(port, credentials)`: the server
  // binds when started, in a file that starts something.
  if (
    ((/^(?:forPort|forAddress)$/.test(n) && /ServerBuilder$/.test(call.receiver)) ||
      n === 'newServerBuilderForPort') &&
    first &&
    startsSomething(facts)
  ) {
    return first.kind === 'call' && first.call.name === 'InetSocketAddress'
      ? addressOf(first, consts)
      : hostAndPort(call, consts, undefined, first)
  }
  if (n === 'addHttpListener') return hostAndPort(call, consts, pos(call, 1), call.args[0]?.value)
  // http4k's `app.asServer(Jetty(8000)).start()`: the server config is built on the port.
  if (n === 'asServer' && first?.kind === 'call' && /^[A-Z]\w*$/.test(first.call.name)) {
    const port = kw(first.call, 'port') ?? pos(first.call, 0)
    return port ? hostAndPort(call, consts, undefined, port) : undefined
  }
  return undefined
}

/** A call chain's receiver without what its calls are given: `a.b(x).c(y)` → `a.b().c()`. */
function withoutArguments(receiver: string): string {
  let out = receiver
  for (let prev = ''; prev !== out;) {
    prev = out
    out = out.replace(/\([^()]*\)/g, '<>')
  }
  return out
}

/**
 * A setter's test: the port is read back (`getPort()`) on the same object, which is neither
 * started nor handed on afterwards in the function (jooby's options, read back and then given to
 * `new Jooby().setServerOptions(options).start()`, do listen).
 */
function readBackOnly(call: Call, facts: FileFacts): boolean {
  const after = facts.calls.filter((c) => c.scope === call.scope && c.at.start > call.at.end)
  const word = new RegExp(`(?<![\\w.])${escapeRegExp(call.receiver)}(?![\\w.])`)
  return (
    /^[\w.]+$/.test(call.receiver) &&
    after.some((c) => c.name === 'getPort' && c.receiver === call.receiver) &&
    !after.some(
      (c) =>
        (c.receiver === call.receiver && /^(?:start|run|listen|bind)/i.test(c.name)) ||
        c.args.some((a) => word.test(a.value.text)),
    )
  )
}
