// Rule behaviour that censuses 43 to 51 (repositories outside the corpus) and the rounds between
// them asked for: each false finding beside the true one.
import { describe, expect, it } from 'vitest'
import { race, scanFiles, spansOf } from './helpers.ts'

describe('census 43’s false findings', () => {
  it('C++ and Java: a socket’s listen(1024) takes a backlog, a property binder’s bind(key, "10") a value', async () => {
    // facebook/folly's AsyncIoUringSocketTest; spring-boot's TomcatServerPropertiesTests.
    const cpp = `TEST(AsyncIoUringSocketTest, Connect) {
  auto serverSocket = AsyncServerSocket::newSocket(&evb);
  serverSocket->bind(0);
  serverSocket->listen(1024);
  server->listen(8080);
}
`
    const java = `class TomcatServerPropertiesTests {
  @Test
  void maxThreads() {
    bind("server.tomcat.threads.max", "10");
    bind("localhost", 8081);
  }
}
`
    const r = await scanFiles({
      'folly/io/async/test/AsyncTest.cpp': cpp,
      'src/test/java/TomcatServerPropertiesTests.java': java,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 folly/io/async/test/AsyncTest.cpp:5',
      'PORT001 src/test/java/TomcatServerPropertiesTests.java:5',
    ])
  })
})

describe('census 43’s false findings: a port set on settings nothing starts', () => {
  it('Java: setPort on a connector or properties object in a file that starts nothing', async () => {
    // apache/tomcat's TestRequestFilterValve (the valve is invoked on mock requests) and
    // spring-boot's ManagementServerPropertiesTests (a getter checked after its setter).
    const valve = `public class TestRequestFilterValve {
    @Test
    public void filters() {
        Connector connector = new Connector();
        connector.setPort(8080);
        valve.invoke(request, response);
    }
}
`
    const started = `public class TestConnector {
    @Test
    public void serves() throws Exception {
        Tomcat tomcat = getTomcatInstance();
        Connector connector = tomcat.getConnector();
        connector.setPort(8081);
        tomcat.start();
    }
}
`
    const r = await scanFiles({
      'test/org/apache/catalina/valves/TestRequestFilterValve.java': valve,
      'test/org/apache/catalina/connector/TestConnector.java': started,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 test/org/apache/catalina/connector/TestConnector.java:6',
    ])
  })
})

describe('census 43’s false findings: a Playwright fixture hands its value to use()', () => {
  it('TypeScript: a server on port 0 whose URL use() hands to the test, closed after it', async () => {
    // microsoft/playwright's tests/library/client-certificates.spec.ts startCCServer fixture.
    const ts = `const test = base.extend<TestOptions>({
  startCCServer: async ({ asset }, use) => {
    let server: http.Server | undefined;
    await use(async (options) => {
      server = createHttpsServer({}, handler);
      await new Promise<void>((f) => server.listen(0, '127.0.0.1', () => f()));
      return \`https://127.0.0.1:\${(server.address() as net.AddressInfo).port}/\`;
    });
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  },
});
`
    expect(race(await scanFiles({ 'tests/library/client-certificates.spec.ts': ts }))).toEqual([])
  })
})

describe('census 43’s false findings: a default port every caller overrides', () => {
  const server = (caller: string) => `from wsgiref.simple_server import make_server


def run_server(port=4317, *, use_tls=False):
    server = make_server("0.0.0.0", port, app)
    server.serve_forever()


def otlp_server_run(port, use_tls=False):
${caller}
`
  const findings = async (caller: string) =>
    (await scanFiles({ 'tests/integration/src/server/otlp_server.py': server(caller) })).findings
      .filter((f) => f.rule === 'PORT001')
      .map((f) => f.line)

  it('Python: a default no caller in the file leaves in place is never the port', async () => {
    // fluent/fluent-bit's tests/integration/src/server/otlp_server.py.
    const thread = `    thread = threading.Thread(
        target=run_grpc_server if use_grpc else run_server,
        kwargs={"port": port, "use_tls": use_tls},
    )
    thread.start()`
    expect(await findings(thread)).toEqual([])
    expect(await findings('    run_server(port, use_tls=use_tls)')).toEqual([])
    expect(await findings('    run_server(port=port)')).toEqual([])
  })

  it('still reports the default where a caller leaves it out, or nothing in the file calls it', async () => {
    expect(await findings('    run_server(use_tls=use_tls)')).toEqual([4])
    expect(await findings('    threading.Thread(target=run_server).start()')).toEqual([4])
    expect(await findings('    pass')).toEqual([4])
  })
})

describe('census 43’s false findings: a bind that a loop tries again when it fails', () => {
  it('Python, Go and C++: the failure moves on to the next port, or the loop stops at the first that binds', async () => {
    // pgbouncer's test/utils.py PortLock, serf's testutil/addr.go TakeIP, folly's
    // AsyncSocketTest2.cpp ConnectWithBoundFd.
    const py = `import socket

next_port = 10200


class PortLock:
    def __init__(self):
        global next_port
        while True:
            next_port += 1
            with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
                try:
                    s.bind(("127.0.0.1", next_port))
                    self.port = next_port
                    break
                except Exception:
                    continue
`
    const go = `package testutil

func TakeIP(t *testing.T) net.IP {
	for attempts := 0; ; attempts++ {
		ip := getBindAddr()
		ln, err := net.ListenTCP("tcp4", &net.TCPAddr{IP: ip, Port: 10101})
		if err != nil {
			returnIP(ip)
			continue
		}
		locks = append(locks, ln)
		return ip
	}
}
`
    const cpp = `TEST_P(AsyncSocketTest, ConnectWithBoundFd) {
  uint16_t boundPort = 0;
  for (uint16_t port = 1024; port <= 65535; port++) {
    struct sockaddr_in* sa = reinterpret_cast<struct sockaddr_in*>(&bindStorage);
    sa->sin_port = htons(port);
    if (::bind(sockfd, (struct sockaddr*)&bindStorage, bindLen) == 0) {
      boundPort = port;
      break;
    }
  }
}
`
    const r = await scanFiles({
      'test/utils.py': py,
      'testutil/addr_test.go': go,
      'folly/io/async/test/AsyncSocketTest2.cpp': cpp,
    })
    expect(r.findings.filter((f) => f.rule === 'PORT001')).toEqual([])
  })

  it('still reports servers a loop starts on counted ports, or the server a retried bind settles on', async () => {
    const go = `package cluster

func TestCluster(t *testing.T) {
	for i := 0; i < 3; i++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 7000+i))
		if err != nil {
			t.Fatal(err)
		}
		go serve(ln)
	}
}
`
    const py = `import socket


def test_nodes():
    for node in nodes:
        port = 7000
        s = socket.socket()
        s.bind(("127.0.0.1", port))
        if port == 7001:
            continue
        s.listen()
`
    // stephenberry/glaze's http_chunked_test.cpp before the project moved it to port 0 (glaze-06).
    const cpp = `suite chunked = [] {
  "stream"_test = [] {
    glz::http_server<> server;
    uint16_t port = 0;
    for (uint16_t p = 19500; p < 19700; ++p) {
      try {
        server.bind("127.0.0.1", p);
        port = p;
        break;
      }
      catch (...) {
        continue;
      }
    }
    std::thread server_thread([&] { server.start(1); });
  };
};
`
    const r = await scanFiles({
      'cluster_test.go': go,
      'tests/test_nodes.py': py,
      'tests/http_chunked_test.cpp': cpp,
    })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.path)).toEqual([
      'cluster_test.go',
      'tests/http_chunked_test.cpp',
      'tests/test_nodes.py',
    ])
  })
})

describe('census 43’s false findings: a C# fixture its runner ignores whole', () => {
  it('C#: no finding in a fixture marked [Ignore]; still one in an abstract fixture so marked, or one without', async () => {
    // ServiceStack's ServerEventTests.cs.
    const fixture = (marks: string, name: string, abstract = '') => `${marks}
public ${abstract}class ${name} : ServerEventsTests
{
    protected override ServiceStackHost CreateAppHost()
    {
        return new ServerEventsAppHost().Init().Start("http://localhost:20000/");
    }
}
`
    const r = await scanFiles({
      'tests/RedisServerEventsTests.cs': fixture(
        '[Ignore("Hangs in new build server")]\n[TestFixture]',
        'RedisServerEventsTests',
      ),
      'tests/SelfHostTests.cs': fixture('[TestFixture, Ignore("Requires admin")]', 'SelfHostTests'),
      'tests/ServerEventsTestsBase.cs': fixture(
        '[Ignore("base")]',
        'ServerEventsTestsBase',
        'abstract ',
      ),
      'tests/MemoryServerEventsTests.cs': fixture('[TestFixture]', 'MemoryServerEventsTests'),
    })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.path)).toEqual([
      'tests/MemoryServerEventsTests.cs',
      'tests/ServerEventsTestsBase.cs',
    ])
  })
})

describe('census 43’s false findings: a Kafka client’s handle on a broker', () => {
  it('Go: NewBroker(addr) makes a handle to dial; a helper that starts a broker still listens', async () => {
    // IBM/sarama's broker_test.go, twmb/franz-go's pkg/kgo/broker_test.go.
    const go = `package kgo

func TestBrokerHandle(t *testing.T) {
	b := NewBroker("127.0.0.1:9092")
	c := cl.newBroker(1, "127.0.0.1", 9092, nil)
	_ = b
	_ = c
}

func TestMQTT(t *testing.T) {
	broker := startBroker(t, 18830)
	defer broker.Close()
}
`
    const r = await scanFiles({ 'pkg/kgo/broker_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([11])
  })
})

describe('census 43’s false findings: a port in a container’s description', () => {
  it('Go: the app port of a container the runner deploys is the pod’s; a host port is the host’s', async () => {
    // dapr/dapr's tests/perf/state_get_grpc/state_get_grpc_test.go.
    const go = (field: string) => `package perf

func TestMain(m *testing.M) {
	testApps := []kube.AppDescription{
		{
			AppName:   appName,
			ImageName: "perf-tester",
			Replicas:  1,
			${field}:   3001,
		},
	}
	tr = runner.NewTestRunner("state_get_grpc", testApps, nil, nil)
	os.Exit(tr.Start(m))
}
`
    const ports = async (field: string) =>
      (await scanFiles({ 'tests/perf/state_get_grpc_test.go': go(field) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await ports('AppPort')).toEqual([])
    expect(await ports('HostPort')).toEqual([9])
  })
})

describe('census 43’s false findings: the settings of a connection to make', () => {
  it('Java and Python: a connection factory’s port, connection parameters’ port; a connector’s still listens', async () => {
    // rabbitmq-java-client's tools/Host.java tryConnectFor; pika's thread_safe_connection_test.py.
    const java = `public class Host {
    public static void tryConnectFor(int timeoutInMs, int port) throws Exception {
        ConnectionFactory connectionFactory = TestUtils.connectionFactory();
        connectionFactory.setPort(port);
        try (Connection ignored = connectionFactory.newConnection()) {
            return;
        }
    }

    public static void startRabbitApplication() throws Exception {
        rabbitmqctl("start_app");
        tryConnectFor(10000, 5672);
    }

    public static void restart() throws Exception {
        startRabbitApplication();
    }
}
`
    const py = `import pika

DEFAULT_PARAMS = pika.ConnectionParameters(
    host='127.0.0.1',
    port=5672,
)


class ThreadSafeTestCase(unittest.TestCase):
    def test(self):
        fwd = ForwardServer(
            remote_addr=(DEFAULT_PARAMS.host, DEFAULT_PARAMS.port),
        )
        fwd.start()
`
    const jetty = `public class JettyTest {
    @Test
    void serves() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(8080);
        server.start();
    }
}
`
    const r = await scanFiles({
      'src/test/java/com/rabbitmq/tools/Host.java': java,
      'tests/acceptance/thread_safe_connection_test.py': py,
      'src/test/java/JettyTest.java': jetty,
    })
    expect(
      r.findings.filter((f) => f.rule === 'PORT001').map((f) => `${f.path}:${f.line}`),
    ).toEqual(['src/test/java/JettyTest.java:5'])
  })
})

describe('census 43’s false findings: a test of the free-port helper itself', () => {
  it('Go and Python: tests named for the helper only look at its number; one that binds it again is still reported', async () => {
    // gogf/gf's net/gudp/gudp_z_example_test.go, smallnest/rpcx's util/net_test.go,
    // localstack's tests/unit/utils/test_net_utils.py (judged true).
    const go = `package util

func ExampleGetFreePort() {
	port, err := gudp.GetFreePort()
	fmt.Println(port, err)
}

func TestGetFreePort(t *testing.T) {
	for i := 0; i < 1000; i++ {
		port, err := GetFreePort()
		if err != nil {
			t.Fatal(err)
		}
		if port == 0 {
			t.Fatal("expect a non-zero port")
		}
	}
}
`
    const py = `def test_get_free_udp_port():
    port = get_free_udp_port()
    assert port_can_be_bound(Port(port, "udp"))
`
    const r = await scanFiles({ 'util/net_test.go': go, 'tests/unit/utils/test_net_utils.py': py })
    expect(race(r)).toEqual([[2, 2]])
  })
})

describe('census 44’s false findings: a server closed in the completion callback of series()', () => {
  it('JavaScript: a DHT server listening on port 0 for every task, destroyed once they are done', async () => {
    // webtorrent/webtorrent's test/node/download-dht-torrent.js.
    const js = `import { Server as DHT } from 'bittorrent-dht'
import series from 'run-series'
import test from 'tape'

test('Download using DHT', t => {
  const dhtServer = new DHT({ bootstrap: false })
  let client1

  series([
    cb => {
      dhtServer.listen(cb)
    },

    cb => {
      client1 = new WebTorrent({
        dht: { bootstrap: \`127.0.0.1:\${dhtServer.address().port}\` },
      })
      client1.on('torrent', () => cb(null))
    },
  ], err => {
    t.error(err)
    dhtServer.destroy(err => { t.error(err) })
  })
})
`
    expect(race(await scanFiles({ 'test/node/download-dht-torrent.js': js }))).toEqual([])
  })
})

describe('census 44’s false findings: a connection dialled to the port while the listener is open', () => {
  it('Go: a connected pair kept in variables of the function, the listener closed after', async () => {
    // libp2p/go-libp2p's p2p/security/noise/transport_test.go newConnPair.
    const go = `package noise

func newConnPair(t *testing.T) (net.Conn, net.Conn) {
	lstnr, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatalf("Failed to listen: %v", err)
	}
	var clientErr error
	var client net.Conn
	addr := lstnr.Addr()
	done := make(chan struct{})
	go func() {
		defer close(done)
		client, clientErr = net.Dial(addr.Network(), addr.String())
	}()
	server, err := lstnr.Accept()
	<-done
	lstnr.Close()
	return client, server
}

func TestHandshake(t *testing.T) {
	init, resp := newConnPair(t)
	_ = init
	_ = resp
}
`
    expect(race(await scanFiles({ 'p2p/security/noise/transport_test.go': go }))).toEqual([])
  })
})

describe('census 44’s false findings: options handed to a helper that runs a test', () => {
  it('Rust: a header’s port handed to run_metric_test is a metric label; run_server still starts one', async () => {
    // linkerd/linkerd2-proxy's linkerd/app/inbound/src/direct/metrics/tests.rs.
    const rs = (helper: string) => `#[test]
fn records_metrics_http1_local() {
    let header = TransportHeader {
        port: 8080,
        name: None,
    };
    let registry = ${helper}(header);
    assert_counted!(&registry, "http/1", 8080, "", 1);
}
`
    const ports = async (helper: string) =>
      (await scanFiles({ 'src/direct/metrics/tests.rs': rs(helper) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await ports('run_metric_test')).toEqual([])
    expect(await ports('run_server')).toEqual([4])
  })
})

describe('census 44’s false findings: a server of a simulated network', () => {
  it('C++: libsimulator’s sim::http_server binds no host port; a real http_server does', async () => {
    // arvidn/libtorrent's simulation/test_web_seed.cpp.
    const cpp = `TORRENT_TEST(web_seed_redirect)
{
  sim::default_config network_cfg;
  sim::simulation sim{network_cfg};
  sim::asio::io_context web_server1(sim, make_address_v4("2.2.2.2"));
  sim::http_server http1(web_server1, 8080);
  lt::http_server real(ios, 8081);
}
`
    const r = await scanFiles({ 'simulation/test_web_seed.cpp': cpp })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([7])
  })
})

describe('census 44’s false findings: a queue the server fills once it listens', () => {
  it('Python: the client waits on qout.get() for the address the server thread puts there', async () => {
    // MagicStack/uvloop's tests/test_regr1.py.
    const py = (wait: string) => `import threading


def run_server(quin, qout):
    server = socket.create_server(('127.0.0.1', 0))
    qout.put(server.getsockname())
    quin.get()


def test_regr():
    qin, qout = queue.Queue(), queue.Queue()
    threading.Thread(target=run_server, args=(qin, qout), daemon=True).start()
    ${wait}
    sock = socket.create_connection(('127.0.0.1', 8080))
`
    const starts = async (wait: string) =>
      (await scanFiles({ 'tests/test_regr1.py': py(wait) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await starts('addr = qout.get()')).toBe(0)
    expect(await starts('addr = None')).toBe(1)
  })
})

describe('census 44’s false findings: Go declares every name of a multiple assignment', () => {
  it('Go: err assigned again is the function’s own, not a variable of the code around; a released probe is still reported', async () => {
    // go-mysql-org/go-mysql's server/authentication_handler_test.go; gofiber/fiber's listen_test.go (judged true).
    const held = `package server

func TestOnAuthSuccessCanReject(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()

	go func() {
		conn, _ := l.Accept()
		_ = conn
	}()

	db, err := sql.Open("mysql", "testuser:testpass@tcp("+l.Addr().String()+")/test")
	require.NoError(t, err)
	defer db.Close()

	err = db.Ping()
	require.Error(t, err)
}
`
    const released = `package fiber

// go test -run Test_Listen_ClosesListenerOnBeforeServeError
func Test_Listen_ClosesListenerOnBeforeServeError(t *testing.T) {
	// Grab a free port, then release it so we can bind it via Listen.
	probe, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := probe.Addr().String()
	require.NoError(t, probe.Close())

	app := New()
	err = app.Listen(addr, ListenConfig{
		DisableStartupMessage: true,
		BeforeServeFunc: func(_ *App) error {
			return errors.New("stop before serving")
		},
	})
	require.Error(t, err)

	// The listener must have been closed on the error path, so the port is
	// immediately bindable again (a leaked listener would keep it bound).
	ln, err := net.Listen("tcp", addr)
	require.NoError(t, err, "listener leaked: port still bound after BeforeServeFunc error")
	require.NoError(t, ln.Close())
`
    const r = await scanFiles({ 'server/auth_test.go': held, 'listen_test.go': released })
    expect(
      r.findings.filter((f) => f.rule === 'PORT002').map((f) => `${f.path}:${f.line}`),
    ).toEqual(['listen_test.go:6'])
  })
})

describe('census 43’s false findings: a random start handed to a free-port helper', () => {
  it('Java: a drawn base given to getAvailablePort is where the helper starts looking; a drawn port bound as is stays PORT001', async () => {
    // apache/dubbo's MulticastRegistryTest and ThreadNameTest.
    const java = `class MulticastRegistryTest {
    @Test
    void testGetCustomPort() {
        int port = NetUtils.getAvailablePort(20880 + new Random().nextInt(10000));
        URL customPortUrl = URL.valueOf("multicast://239.239.239.239:" + port);
        MulticastRegistry multicastRegistry = new MulticastRegistry(customPortUrl);
    }

    @Test
    void drawn() throws Exception {
        int port = 20880 + new Random().nextInt(10000);
        ServerSocket server = new ServerSocket(port);
    }
}
`
    const r = await scanFiles({ 'src/test/java/MulticastRegistryTest.java': java })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([11])
  })
})

describe('census 37’s false findings: a helper’s server built from one parameter, listening on a free port', () => {
  it('TypeScript: server.listen(port) on a server made from dropCount does not listen on dropCount; listen(port) on the parameter does', async () => {
    // redis/node-redis's packages/client/lib/client/index.spec.ts setup().
    const ts = `describe("reconnect", () => {
  it("should reconnect", async () => {
    const { client } = await setup({}, 2);
  });
  it("listens where it is told", async () => {
    await listenOn(6379);
  });

  async function setup(socketOptions: Partial<RedisSocketOptions>, dropCount: number) {
    const port = await getFreePortNumber();
    const server = setupMockServer(dropCount);
    await once(server.listen(port), "listening");
    return { client: createClient({ socket: { host: "localhost", port } }) };
  }

  async function listenOn(port: number) {
    const server = net.createServer();
    await once(server.listen(port), "listening");
  }
});
`
    const r = await scanFiles({ 'packages/client/lib/client/index.spec.ts': ts })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([6, 18])
  })
})

describe('census 43’s false findings: a port in a stand-in’s fields', () => {
  it('Go and TypeScript: a stub listener’s address and a stubbed module’s options bind nothing; a mock server’s port does', async () => {
    // caddyserver/caddy's cmd/main_test.go; flexit's fake_unit_discovery_responder.test.ts (corpus,
    // judged false).
    const go = `package caddycmd

func TestListenTCPForPingback(t *testing.T) {
	expected := &stubListener{addr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1234}}
	actual, err := listenTCPForPingback(func(network, address string) (net.Listener, error) {
		return expected, nil
	})
	_ = actual
}
`
    const ts = `it('responds', async () => {
  const responder = new MockedResponder({ bindAddress: '127.0.0.1', bacnetPort: 47888 });
  await responder.start();
  const server = new MockWebServer({ port: 8089 });
  await server.start();
});
`
    const r = await scanFiles({ 'cmd/main_test.go': go, 'test/responder.test.ts': ts })
    expect(
      r.findings.filter((f) => f.rule === 'PORT001').map((f) => `${f.path}:${f.line}`),
    ).toEqual(['test/responder.test.ts:4'])
  })
})

describe('census 40’s false findings: a suite run only under a condition the file fixes', () => {
  it('TypeScript: describe.runIf(false) and describe.skipIf(true) never run; runIf(true) or an environment check may', async () => {
    // unjs/nitro's test/presets/winterjs.test.ts (`const hasWasmer = false`).
    const suite = (flag: string, guard: string) => `import { getRandomPort } from "get-port-please";

const hasWasmer = ${flag};

describe.${guard}("preset", () => {
  it("serves", async () => {
    const port = await getRandomPort();
    server.listen(port);
  });
});
`
    const races = async (flag: string, guard: string) =>
      race(await scanFiles({ 'test/presets/winterjs.test.ts': suite(flag, guard) })).length
    expect(await races('false', 'runIf(hasWasmer)')).toBe(0)
    expect(await races('false', 'skipIf(!hasWasmer)')).toBe(0)
    expect(await races('true', 'skipIf(hasWasmer)')).toBe(0)
    expect(await races('true', 'runIf(hasWasmer)')).toBe(1)
    expect(await races('false', 'runIf(process.env.WASMER)')).toBe(1)
  })
})

describe('census 45’s false findings: a listener on a simulated network', () => {
  it('Go: pion’s vnet interface binds no host port; the host’s net package does', async () => {
    // pion/webrtc's icegatherer_test.go.
    const go = `package webrtc

func TestTURN(t *testing.T) {
	turnNet, err := vnet.NewNet(&vnet.NetConfig{StaticIPs: []string{"1.2.3.4"}})
	require.NoError(t, err)
	turnListener, err := turnNet.ListenPacket("udp4", "1.2.3.4:3478")
	require.NoError(t, err)
	hostListener, err := net.ListenPacket("udp4", "127.0.0.1:3479")
	require.NoError(t, err)
	_, _ = turnListener, hostListener
}
`
    const r = await scanFiles({ 'icegatherer_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([8])
  })
})

describe('census 45’s false findings: a random candidate that a probe tries', () => {
  it('Java: a draw bound only to see whether it is free is PORT002’s probe, not a fixed port', async () => {
    // line/armeria's ConsulTestBase.unusedPorts.
    const java = (onFailure: string) => `class ConsulTestBase {
    protected static int[] unusedPorts(int numPorts) {
        final int[] ports = new int[numPorts];
        final Random random = ThreadLocalRandom.current();
        for (int i = 0; i < numPorts; i++) {
            for (;;) {
                final int candidatePort = random.nextInt(64512) + 1024;
                try (ServerSocket ss = new ServerSocket()) {
                    ss.bind(new InetSocketAddress("127.0.0.1", candidatePort));
                    ports[i] = candidatePort;
                    break;
                } catch (IOException e) {
                    ${onFailure}
                }
            }
        }
        return ports;
    }
}
`
    const draws = async (onFailure: string) =>
      (await scanFiles({ 'src/test/java/ConsulTestBase.java': java(onFailure) })).findings.filter(
        (f) => f.rule === 'PORT001' && /random port/.test(f.message),
      ).length
    expect(await draws('continue;')).toBe(0)
    expect(await draws('throw new IllegalStateException(e);')).toBe(1)
  })

  it('Python: a new draw for the next turn of a probe loop is the probe’s too', async () => {
    // man-group/pytest-plugins' get_ephemeral_port.
    const py = (handOut: string) => `import random, socket

def get_ephemeral_port(port=0, host="127.0.0.1"):
    if port == 0:
        port = random.randrange(1024, 32768)
    while True:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((host, port))
            ${handOut}
        except socket.error:
            port = random.randrange(1024, 32768)
`
    const lines = async (handOut: string) =>
      (await scanFiles({ 'tests/fixtures.py': py(handOut) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('port = s.getsockname()[1]; s.close(); return port')).toEqual([])
    // A server kept on the drawn port is a fixed port's, both draws.
    expect(await lines('s.listen(); return s')).toEqual([5, 12])
  })
})

describe('census 45’s false findings: a builder that describes a remote instance', () => {
  it('Java: InstanceInfo’s builder is given a port it dials; a connector listens on its own', async () => {
    // Netflix/zuul's DefaultClientChannelManagerTest.
    const java = `class DefaultClientChannelManagerTest {
    @Test
    void pickAddress() {
        InstanceInfo instanceInfo = InstanceInfo.Builder.newBuilder()
                .setAppName("app")
                .setHostName("server-list")
                .setPort(7777)
                .build();
        manager.start();
    }

    @Test
    void serves() {
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(8080);
        server.start();
    }
}
`
    const r = await scanFiles({ 'src/test/java/DefaultClientChannelManagerTest.java': java })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([15])
  })
})

describe('census 45’s false findings: a list of nodes a client reaches', () => {
  it('TypeScript: cluster nodes handed to a client are not a server’s options; one server’s are', async () => {
    // taskforcesh/bullmq's tests/cluster.test.ts.
    const ts = (nodes: string) => `describe('Cluster integration tests', () => {
  const clusterNodes = ${nodes};
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = new Cluster(clusterNodes, { redisOptions: { maxRetriesPerRequest: null } });
  });
  it('processes a job', async () => {
    const worker = new Worker(queueName, async () => {}, { connection: cluster });
    worker.run();
  });
});
`
    const ports = async (nodes: string) =>
      (await scanFiles({ 'tests/cluster.test.ts': ts(nodes) })).findings.filter(
        (f) => f.rule === 'PORT001',
      ).length
    expect(
      await ports(`[
    { host: '127.0.0.1', port: 7001 },
    { host: '127.0.0.1', port: 7002 },
  ]`),
    ).toBe(0)
    expect(await ports(`{ host: '127.0.0.1', port: 7001 }`)).toBe(1)
  })
})

describe('PORT001: a constant that fixes the tests’ port, at its definition', () => {
  it('TypeScript: node-opcua’s serverPort is reported where it is defined and where it listens', async () => {
    // node-opcua's reverse-connect end-to-end test (opcua-01 in the real-world corpus).
    const ts = (listen: string) => `const serverPort = 2231;
const clientPort = 2232;

describe("ReverseConnect", function () {
    it("connects", async () => {
        ${listen}
        await server.start();
        const client = OPCUAClient.create({});
        await client.connect(\`opc.tcp://127.0.0.1:\${clientPort}\`);
    });
});
`
    const spans = async (listen: string) =>
      spansOf(await scanFiles({ 'test/reverse_connect.test.ts': ts(listen) }), 'PORT001')
    expect(await spans('const server = new OPCUAServer({ port: serverPort });')).toEqual([
      [1, 1],
      [6, 7],
    ])
    // Only the client reads clientPort; a server on port 0 fixes nothing.
    expect(await spans('const server = new OPCUAServer({ port: 0 });')).toEqual([])
  })

  it('Python: a module constant counted on is a counter, not a constant', async () => {
    const py = (more: string) => `import socket

PORT = 18080${more}


def test_serves():
    s = socket.socket()
    s.bind(("127.0.0.1", PORT))
    s.listen()
`
    const lines = async (more: string) =>
      (await scanFiles({ 'tests/test_serves.py': py(more) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('')).toEqual([3, 8])
    expect(await lines('\nPORT = PORT + 1')).toEqual([])
    // Assigned another port at the top level (pshs's two test classes), it is fixed either way.
    expect(await lines('\nPORT = 18081')).toEqual([3, 9])
  })
})

describe('PORT001: a start handed the port the test then dials', () => {
  it('JavaScript: whatever the start is called, the test talks to the port it was handed', async () => {
    // aerogear/graphql-testx's test (graphqltestxd-01 in the real-world corpus).
    const js = (dial: string) => `test("starts", async t => {
  const controller = newTestxController();
  await controller.start(7896);
  await ${dial};
  await controller.close();
});
`
    const spans = async (dial: string) =>
      spansOf(await scanFiles({ 'test/controller.test.js': js(dial) }), 'PORT001')
    expect(await spans('isNotConnectionRefused(t, "http://localhost:7896")')).toEqual([[3, 3]])
    expect(await spans('isNotConnectionRefused(t, "http://localhost:7897")')).toEqual([])
    // A client started on the port dials it.
    expect(
      spansOf(
        await scanFiles({
          'test/client.test.js': js('client.get("http://localhost:7896")').replace(
            'controller.start',
            'client.start',
          ),
        }),
        'PORT001',
      ),
    ).toEqual([])
  })
})

describe('PORT001: an address held by a variable, or declared once per build branch', () => {
  it('Java: Minestom’s server.init(address) with the address a local variable of the test', async () => {
    // minestom-01 in the real-world corpus.
    const java = (port: string) => `class ServerAddressTest {
    @Test
    public void inetAddressTest() throws IOException {
        InetSocketAddress address = new InetSocketAddress("localhost", ${port});
        var server = new Server();
        server.init(address);
        assertDoesNotThrow(server::start);
    }

    @Test
    public void anyPortTest() throws IOException {
        InetSocketAddress address = new InetSocketAddress("localhost", 0);
        var server = new Server();
        server.init(address);
    }
}
`
    const spans = async (port: string) =>
      spansOf(await scanFiles({ 'src/test/java/ServerAddressTest.java': java(port) }), 'PORT001')
    expect(await spans('25565')).toEqual([[4, 6]])
    expect(await spans('0')).toEqual([])
  })

  it('C++: trantor’s address declared in both branches of #if USE_IPV6 is covered from the first', async () => {
    // trantor-03 in the real-world corpus.
    const cpp = `int main()
{
    EventLoopThread loopThread;
#if USE_IPV6
    InetAddress addr(8888, true, true);
#else
    InetAddress addr(8888);
#endif
    TcpServer server(loopThread.getLoop(), addr, "test");
    server.start();
}
`
    const r = await scanFiles({ 'trantor/tests/SSLServerTest.cc': cpp })
    expect(spansOf(r, 'PORT001')).toEqual([[5, 9]])
  })
})

describe('census 44’s false findings: a client that asks the started server for its address', () => {
  it('Go: go-libp2p’s server.Addrs() answers once the server has bound; a written address does not wait', async () => {
    // libp2p/go-libp2p's p2p/http/example_test.go.
    const go = (target: string) => `package libp2phttp_test

import (
	"net/http"

	libp2phttp "github.com/libp2p/go-libp2p/p2p/http"
)

func ExampleHost_listenOnHTTPTransport() {
	server := libp2phttp.Host{
		InsecureAllowHTTP: true,
		ListenAddrs:       []ma.Multiaddr{ma.StringCast("/ip4/127.0.0.1/tcp/0/http")},
	}
	go server.Serve()
	defer server.Close()
	resp, err := http.Get(${target})
	_, _ = resp, err
	// Output: Hello World
}
`
    const races = async (target: string) =>
      (await scanFiles({ 'p2p/http/example_test.go': go(target) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races('"multiaddr:" + server.Addrs()[0].String()')).toBe(0)
    expect(await races('"http://127.0.0.1:5001/hello"')).toBe(1)
  })
})

describe('census 47’s false findings: a number the listener reads that is not its port', () => {
  it('Java: aeron’s stream id equal to the endpoint’s port is no port constant; the endpoint is', async () => {
    // real-logic/aeron's ResponseChannelsTest.
    const java = `class ResponseChannelsTest {
    private static final String REQUEST_ENDPOINT = "localhost:10000";
    private static final int REQUEST_STREAM_ID = 10000;

    @Test
    void shouldConnect() {
        ResponseServer responseServer = new ResponseServer(
            server, (image) -> new EchoHandler(), REQUEST_ENDPOINT, REQUEST_STREAM_ID);
        responseServer.start();
    }
}
`
    const r = await scanFiles({ 'src/test/java/ResponseChannelsTest.java': java })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([2, 7])
  })
})

describe('census 45’s false findings: what a test asserts is no client and no listener', () => {
  it('TypeScript: playwright’s certificate names compared with toBe are not dialled', async () => {
    // microsoft/playwright's tests/library/global-fetch.spec.ts.
    const ts = (
      subject: string,
    ) => `it('should return security details', async ({ playwright, asset }) => {
  const server = utils.createHttpsServer({}, (req, res) => res.end('{}'));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const response = await request.get(\`https://127.0.0.1:\${server.address().port}/\`);
  const securityDetails = await response.securityDetails();
  ${subject}
});
`
    const lines = async (subject: string) =>
      (await scanFiles({ 'tests/library/global-fetch.spec.ts': ts(subject) })).findings
        .filter((f) => f.rule === 'PORT005')
        .map((f) => f.line)
    expect(await lines("expect(securityDetails.subjectName).toBe('localhost');")).toEqual([])
    expect(
      await lines("await securityDetails.connect('localhost', server.address().port);"),
    ).toEqual([7])
  })

  it('TypeScript: a port option the test expects to be refused, its error caught and asserted', async () => {
    // microsoft/playwright's tests/library/browsertype-launch.spec.ts.
    const ts = (
      after: string,
    ) => `it('should throw if port option is passed', async ({ browserType }) => {
  const error = await browserType.launch({ port: 1234 } as any).catch(e => e);
  ${after}
});
`
    const lines = async (after: string) =>
      (await scanFiles({ 'tests/library/browsertype-launch.spec.ts': ts(after) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines("expect(error!.message).toContain('Cannot specify a port');")).toEqual([])
    expect(await lines('await page.goto(`http://127.0.0.1:1234/`);')).toEqual([2])
  })

  it('TypeScript: Vite’s resolved config compared with toMatchObject starts no server; preview() does', async () => {
    // vitejs/vite's packages/vite/src/node/__tests__/config.spec.ts.
    const ts = (
      call: string,
    ) => `test('preview inherits server config with port override', async () => {
  ${call}({
    preview: {
      port: 3006,
    },
  })
})
`
    const lines = async (call: string) =>
      (await scanFiles({ 'src/__tests__/config.spec.ts': ts(call) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines("expect(await resolveConfig(config, 'serve')).toMatchObject")).toEqual([])
    expect(await lines('await preview')).toEqual([2])
  })
})

describe('guiding misses of the twenty-fifth round', () => {
  it('C++: a fixture’s member initializer constructs the server member on its fixed port', async () => {
    // cinemast/libjson-rpc-cpp's src/test/test_connector_tcpsocket.cpp (libjsonrpccpp-02).
    const cpp = (port: string) => `#define IP "127.0.0.1"
#define PORT ${port}

struct F {
  TcpSocketServer server;
  TcpSocketClient client;
  F() : server(IP, PORT), client(IP, PORT) {
    REQUIRE(server.StartListening());
  }
  ~F() { server.StopListening(); }
};
`
    const lines = async (port: string) =>
      (await scanFiles({ 'src/test/test_connector_tcpsocket.cpp': cpp(port) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('50012')).toEqual([2, 7])
    expect(await lines('0')).toEqual([])
  })
})

describe('census 48’s false findings: a goroutine that serves on a listener already open', () => {
  it('Go: hertz’s transporter built on the test’s listener, or asked for its own until it has one', async () => {
    // cloudwego/hertz's pkg/network/netpoll/dial_test.go and pkg/network/standard/transport_test.go.
    const handed = (options: string) => `package netpoll

func TestDial(t *testing.T) {
	ln := testutils.NewTestListener(t)
	defer ln.Close()
	transporter := NewTransporter(&config.Options{${options}})
	go transporter.ListenAndServe(func(ctx context.Context, conn interface{}) error {
		return nil
	})
	time.Sleep(100 * time.Millisecond)
	_, err := net.Dial("tcp", "127.0.0.1:10101")
	assert.Nil(t, err)
}
`
    const polled = (wait: string) => `package standard

func TestTransporter(t *testing.T) {
	trans := NewTransporter(&config.Options{Network: "tcp", Addr: "127.0.0.1:0"}).(*transport)
	go trans.ListenAndServe(func(ctx context.Context, conn interface{}) error {
		return nil
	})
	${wait}
	c, err := net.Dial("tcp", trans.Listener().Addr().String())
	_ = c
}
`
    const races = async (go: string) =>
      (await scanFiles({ 'pkg/network/transport_test.go': go })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races(handed('Listener: ln'))).toBe(0)
    expect(await races(handed('Addr: "127.0.0.1:10101"'))).toBe(1)
    expect(
      await races(polled('for trans.Listener() == nil { time.Sleep(time.Millisecond) }')),
    ).toBe(0)
  })
})

describe('census 48’s false findings: SO_REUSEADDR where Go sets it anyway', () => {
  it('Go: a test file built only outside Windows sets an option every Go listener there has', async () => {
    // cloudwego/hertz's pkg/app/server/hertz_unix_test.go.
    const go = (constraint: string) => `${constraint}

package server

func TestReusePorts(t *testing.T) {
	cfg := &net.ListenConfig{Control: func(network, address string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
		})
	}}
	ln, _ := cfg.Listen(context.Background(), "tcp", "localhost:10093")
	defer ln.Close()
}
`
    const reuse = async (constraint: string, path = 'pkg/app/server/hertz_unix_test.go') =>
      (await scanFiles({ [path]: go(constraint) })).findings.filter((f) => f.rule === 'PORT003')
        .length
    expect(await reuse('//go:build !windows')).toBe(0)
    expect(await reuse('', 'pkg/app/server/hertz_linux_test.go')).toBe(0)
    expect(await reuse('')).toBe(1)
    expect(await reuse('//go:build linux || windows')).toBe(1)
  })
})

describe('census 48’s false findings: type tests, which are compiled and never run', () => {
  it('TypeScript: mercurius’s TSTyche file and a tsd file start nothing; a runtime test does', async () => {
    // mercurius-js/mercurius's test/types/index.tst.ts.
    const ts = `import Fastify from 'fastify'
import { expect } from 'tstyche'

const app = Fastify()
app.listen({ port: 3000 })
expect(app.graphql).type.not.toBeNever()
`
    const r = await scanFiles({
      'test/types/index.tst.ts': ts,
      'test/types/index.test-d.ts': ts,
      'test/types/index.test.ts': ts,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 test/types/index.test.ts:5',
    ])
  })
})

describe('census 49’s false findings: a helper named for a server whose body the file shows', () => {
  it('C#: datastax’s CreateWithEndPoint builds an IPEndPoint value; a helper that starts a listener counts', async () => {
    // datastax/csharp-driver's src/Cassandra.Tests/Connections/Control/ResolvedContactPointTests.cs.
    const cs = (body: string) => `public class ResolvedContactPointTests
{
    [Test]
    public void Should_EqualsReturnTrue_When_BothContactPointsReferToSameIPEndPoint()
    {
        var target = CreateWithEndPoint("127.0.0.2", 1234);
        Assert.AreEqual(target, CreateWithEndPoint("127.0.0.2", 1234));
    }

    private IpLiteralContactPoint CreateWithEndPoint(string ipAddress, int port)
    {
        ${body}
    }
}
`
    const lines = async (body: string) =>
      (await scanFiles({ 'src/Cassandra.Tests/ResolvedContactPointTests.cs': cs(body) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(
      await lines(
        'return new IpLiteralContactPoint(new IPEndPoint(IPAddress.Parse(ipAddress), port), new ServerNameResolver(options));',
      ),
    ).toEqual([])
    expect(
      await lines(
        'var listener = new TcpListener(IPAddress.Parse(ipAddress), port); listener.Start(); return new IpLiteralContactPoint(listener.LocalEndpoint);',
      ),
      // …and the helper's listener, where the port is bound (the thirtieth round: the parameter
      // named for a port is the one handed on).
    ).toEqual([6, 12])
  })

  it('C#: NetCoreServer’s server class, whose constructor starts nothing, still listens once started', async () => {
    // chronoxor/NetCoreServer's tests/TcpTests.cs (netcore-01).
    const cs = `class EchoTcpServer : TcpServer
{
    public EchoTcpServer(IPAddress address, int port) : base(address, port) {}
}

public class TcpTests
{
    [Fact]
    public void TcpServerTest()
    {
        var server = new EchoTcpServer(IPAddress.Any, 1111);
        Assert.True(server.Start());
    }
}
`
    const r = await scanFiles({ 'tests/TcpTests.cs': cs })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([11])
  })
})

describe('census 49’s false findings: a start the test has stubbed away', () => {
  it('JavaScript: pactum’s Server.prototype.start stubbed in beforeEach; a suite without the stub listens', async () => {
    // pactumjs/pactum's test/unit/mock.spec.js.
    const js = (stub: string) => `const sandbox = require('sinon').createSandbox();
const Server = require('../../src/models/server');
const mock = require('../../src/exports/mock');

describe('Mock', () => {
  beforeEach(() => {
    ${stub}
  });

  it('start with port', async () => {
    await mock.start(3000);
  });
});
`
    const lines = async (stub: string) =>
      (await scanFiles({ 'test/unit/mock.spec.js': js(stub) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines("this.serverStartStub = sandbox.stub(Server.prototype, 'start');")).toEqual(
      [],
    )
    expect(
      await lines("jest.spyOn(Server.prototype, 'start').mockImplementation(() => undefined);"),
    ).toEqual([])
    // A spy alone calls through to the real start.
    expect(await lines("jest.spyOn(Server.prototype, 'start');")).toEqual([11])
    expect(await lines("sandbox.stub(Server.prototype, 'addInteraction');")).toEqual([11])
  })
})

describe('census 49’s false findings: settings built, never started', () => {
  it('Java: jooby’s ServerOptions given a port and read back; started, the same options listen', async () => {
    // jooby-project/jooby's jooby/src/test/java/io/jooby/ServerOptionsTest.java.
    const java = (after: string) => `class ServerOptionsTest {
  @Test
  void testBasicAccessors() {
    ServerOptions options = new ServerOptions();
    options.setPort(9000);
    assertEquals(9000, options.getPort());
    ${after}
  }
}
`
    const lines = async (after: string) =>
      (
        await scanFiles({ 'jooby/src/test/java/io/jooby/ServerOptionsTest.java': java(after) })
      ).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('')).toEqual([])
    expect(await lines('new Jooby().setServerOptions(options).start();')).toEqual([5])
  })
})

describe('census 49’s false findings: Go subtests are tests, not servers', () => {
  it('Go: kratos’s t.Run over a table of addresses starts nothing; the test that listens does', async () => {
    // go-kratos/kratos's internal/host/host_test.go.
    const go = `package host

func TestExtract(t *testing.T) {
	tests := []struct{ addr, expect string }{{"127.0.0.1:80", "127.0.0.1:80"}}
	for _, test := range tests {
		t.Run(test.addr, func(t *testing.T) {
			_, _ = Extract(test.addr, nil)
		})
	}
}

func TestExtract2(t *testing.T) {
	addr := "localhost:9001"
	lis, _ := net.Listen("tcp", addr)
	_, _ = Extract(addr, lis)
}
`
    const r = await scanFiles({ 'internal/host/host_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([13])
  })
})

describe('PORT001: a start handed settings built in its arguments', () => {
  it('C#: EasySocket’s StartListenersAsync given ListenerConfigs on ports the test then dials', async () => {
    // JeongTaeLee/EasySocket's EasySocket.Test/Servers/TcpStreamPipeSocketServerTest.cs.
    const cs = (dials: string) => `public class TcpStreamPipeSocketServerTest
{
    [TestMethod]
    public async Task StartStopListeners()
    {
        int firstPort = 10021;
        int secondPort = 10022;
        await server.StartListenersAsync(new List<ListenerConfig>
        {
            new ListenerConfig("127.0.0.1", firstPort, 100),
            new ListenerConfig("127.0.0.1", secondPort, 100)
        });
        ${dials}
    }
}
`
    const lines = async (dials: string) =>
      (await scanFiles({ 'EasySocket.Test/Servers/ListenerTest.cs': cs(dials) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    const dial = (port: string) =>
      `await TestExtensions.ConnectTcpSocketClient("127.0.0.1", ${port});`
    expect(await lines(dial('firstPort') + dial('secondPort'))).toEqual([6, 7])
    // Handed ports the test never dials may be anything: a backlog, a count.
    expect(await lines('')).toEqual([])
  })
})

describe('census 49’s false findings: localhost that is no address dialled', () => {
  it('Rust: poem’s Host header on a request to the listener’s own address is text sent', async () => {
    // poem-web/poem's poem/src/web/websocket/mod.rs.
    const rs = (request: string) => `#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn test_negotiation() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (_, resp) = tokio_tungstenite::connect_async(${request}).await.unwrap();
    }
}
`
    const lines = async (request: string) =>
      (await scanFiles({ 'poem/src/web/websocket/mod.rs': rs(request) })).findings
        .filter((f) => f.rule === 'PORT005')
        .map((f) => f.line)
    expect(
      await lines(
        'http::Request::builder().uri(format!("ws://{addr}")).header(header::HOST, "localhost").body(())',
      ),
    ).toEqual([])
    expect(await lines('format!("ws://localhost:{}", addr.port())')).toEqual([7])
  })

  it('Go: blackbox_exporter’s probe configured for IPv4 resolves localhost to 127.0.0.1', async () => {
    // prometheus/blackbox_exporter's prober/tcp_test.go.
    const go = (protocol: string) => `package prober

func TestTCPConnectionWithTLSAndVerifiedCertificateChain(t *testing.T) {
	ln, _ := net.Listen("tcp4", "127.0.0.1:0")
	_, listenPort, _ := net.SplitHostPort(ln.Addr().String())
	module := config.Module{TCP: config.TCPProbe{IPProtocol: "${protocol}", IPProtocolFallback: true}}
	target := net.JoinHostPort("localhost", listenPort)
	ProbeTCP(testCTX, target, module, registry, logger)
}
`
    const lines = async (protocol: string) =>
      (await scanFiles({ 'prober/tcp_test.go': go(protocol) })).findings
        .filter((f) => f.rule === 'PORT005')
        .map((f) => f.line)
    expect(await lines('ip4')).toEqual([])
    expect(await lines('ip6')).toEqual([7])
  })
})

describe('census 49’s false findings: a fixture that hands on what the server thread reports', () => {
  it('Python: vcrpy’s rpc_server yields the URL its process puts once bound; a bare yield guesses', async () => {
    // kevin1024/vcrpy's tests/integration/test_wild.py.
    const py = (handed: string) => `import multiprocessing

import pytest


def start_rpc_server(q):
    httpd = SimpleXMLRPCServer(("127.0.0.1", 0))
    q.put("http://{}:{}".format(*httpd.server_address))
    httpd.serve_forever()


@pytest.fixture(scope="session")
def rpc_server():
    q = multiprocessing.Queue()
    proxy_process = multiprocessing.Process(target=start_rpc_server, args=(q,))
    proxy_process.start()
    yield ${handed}
    proxy_process.terminate()
`
    const races = async (handed: string) =>
      (await scanFiles({ 'tests/integration/test_wild.py': py(handed) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races('q.get()')).toBe(0)
    expect(await races('"http://127.0.0.1:8000"')).toBe(1)
  })
})

describe('census 50’s false findings: a JVM listener’s settings in a file that starts nothing', () => {
  it('Java: HiveMQ’s TcpListener entries added to a configuration service; started, one listens', async () => {
    // hivemq/hivemq-community-edition's ListenerConfigurationServiceImplTest and BindInformationTest.
    const java = (after: string) => `public class ListenerConfigurationServiceImplTest {
    @Test
    public void test_add_listeners() {
        final TcpListener tcpListener = new TcpListener(1883, "localhost");
        final WebsocketListener websocketListener =
                new WebsocketListener.Builder().port(1884).bindAddress("localhost").build();
        listenerConfigurationService.addListener(tcpListener);
        final BindInformation bindInformation = new BindInformation(tcpListener, future);
        ${after}
    }
}
`
    const lines = async (after: string) =>
      (
        await scanFiles({ 'src/test/java/ListenerConfigurationServiceImplTest.java': java(after) })
      ).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(
      await lines('assertEquals(1, listenerConfigurationService.getTcpListeners().size());'),
    ).toEqual([])
    expect(await lines('nettyBootstrap.bind(tcpListener);')).toEqual([4])
  })
})

describe('census 50’s false findings: a context manager that yields while its server is open', () => {
  it('Python: dulwich’s _serving yields the URL inside the with block; a return leaves it closed', async () => {
    // jelmer/dulwich's tests/porcelain/__init__.py.
    const py = (hand: string) => `import contextlib
import threading


class ServerTests(PorcelainTestCase):
    @contextlib.contextmanager
    def _serving(self):
        with make_server("localhost", 0, self.app) as server:
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            try:
                ${hand} f"http://localhost:{server.server_port}"
            finally:
                server.shutdown()
                thread.join(10)
`
    const races = async (hand: string) =>
      (await scanFiles({ 'tests/porcelain/test_server.py': py(hand) })).findings.filter(
        (f) => f.rule === 'PORT002',
      ).length
    expect(await races('yield')).toBe(0)
    expect(await races('return')).toBe(1)
  })
})

describe('census 50’s false findings: a server class that binds when it is built', () => {
  it('Python: dulwich’s TCPGitServer built on an address listens before its serve thread; a server built from settings does not', async () => {
    // jelmer/dulwich's tests/compat/test_server.py.
    const py = (built: string) => `import threading


class GitServerTestCase(CompatTestCase):
    def _start_server(self, repo):
        dul_server = ${built}
        server_thread = threading.Thread(target=dul_server.serve)
        server_thread.daemon = True
        server_thread.start()
        self._server = dul_server
        _, port = self._server.socket.getsockname()
        return port
`
    const races = async (built: string) =>
      (await scanFiles({ 'tests/compat/test_server.py': py(built) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races('TCPGitServer(backend, b"localhost", 0, handlers=self._handlers())')).toBe(0)
    expect(await races('HTTPServer(("", 0), Handler)')).toBe(0)
    expect(await races('uvicorn.Server(config)')).toBe(1)
  })
})

describe('census 50’s false findings: a table of server descriptions', () => {
  it('Go: rqlite’s Servers table names cluster nodes; an http.Server built alone is served', async () => {
    // rqlite/rqlite's store/server_test.go.
    const go = `package store

func Test_Server_IsReadReplica(t *testing.T) {
	testCases := []struct {
		name    string
		servers Servers
	}{
		{
			name: "ExistingVoterNode",
			servers: Servers([]*Server{
				{ID: "node1", Addr: "localhost:4002", Suffrage: proto.Suffrage_VOTER},
			}),
		},
	}
	_ = testCases
}

func TestServe(t *testing.T) {
	srv := &http.Server{Addr: "localhost:4003"}
	go srv.ListenAndServe()
}
`
    const r = await scanFiles({ 'store/server_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([19])
  })
})

describe('census 51’s false findings: a test named for an invalid port', () => {
  it('Python: python-socks takes unused_tcp_port only as a proxy port to be refused; a server handed it races', async () => {
    // romis2012/python-socks's tests/test_proxy_async_trio_v2.py.
    const py = (name: string, use: string) => `import pytest


@pytest.mark.trio
async def ${name}(unused_tcp_port):
    ${use}
`
    const races = async (name: string, use: string) =>
      (await scanFiles({ 'tests/test_proxy_async_trio_v2.py': py(name, use) })).findings.filter(
        (f) => f.rule === 'PORT002',
      ).length
    const refused = `proxy = Proxy.create(host=PROXY_HOST_IPV4, port=unused_tcp_port)
    with pytest.raises(ProxyConnectionError):
        await make_request(proxy=proxy, url=TEST_URL_IPV4)`
    expect(await races('test_socks5_proxy_with_invalid_proxy_port', refused)).toBe(0)
    expect(await races('test_socks5_proxy', refused)).toBe(1)
    expect(
      await races(
        'test_socks5_proxy_with_invalid_proxy_port',
        'server = await trio.serve_tcp(handler, unused_tcp_port)',
      ),
    ).toBe(1)
  })
})
