// The thirty-first round's fixes (docs/scan.md, "Thirty-first round"), from labelled flags the scan
// missed and findings that reviewers judged false. Each sits beside the case that must not change.
import { describe, expect, it } from 'vitest'
import { linesOf, scanFiles } from './helpers.ts'

describe('a fixed port handed to a function of the file that builds the options the test starts', () => {
  it('Go: dittofs’s testSetup(t, 18080) returns the APIConfig that the test starts; testSetup(t, 9999) read back starts nothing', async () => {
    // marmos91/dittofs's pkg/controlplane/api/server_test.go (dittofs-03, dittofs-04).
    const go = `package api

import (
	"context"
	"testing"
)

func testSetup(t *testing.T, port int) (Store, APIConfig) {
	t.Helper()
	store := NewStore()
	cfg := APIConfig{
		Port: port,
	}
	return store, cfg
}

func TestLifecycle(t *testing.T) {
	store, cfg := testSetup(t, 18080)
	server, err := NewServer(cfg, store)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		_ = server.Start(context.Background())
	}()
}

func TestPort(t *testing.T) {
	store, cfg := testSetup(t, 9999)
	server, _ := NewServer(cfg, store)
	if server.Port() != 9999 {
		t.Fatal("port")
	}
}
`
    expect(await linesOf({ 'api/server_test.go': go }, 'PORT001')).toEqual([18])
  })

  it('Python: a config built and returned by make_config(port) and started by the test', async () => {
    const py = (then: string) => `from myapp import Server


def make_config(port):
    return {"port": port, "host": "127.0.0.1"}


def test_serves():
    config = make_config(18080)
    ${then}
`
    expect(
      await linesOf(
        { 'tests/test_server.py': py('server = Server(config)\n    server.start()') },
        'PORT001',
      ),
    ).toEqual([9])
    expect(
      await linesOf({ 'tests/test_server.py': py('assert config["port"] == 18080') }, 'PORT001'),
    ).toEqual([])
  })
})

describe('LTP’s checked binds and address initialisers', () => {
  it('C: setup() fills the file’s static address with tst_init_sockaddr_inet, and child() binds it with SAFE_BIND', async () => {
    // linux-test-project/ltp's testcases/kernel/syscalls/setsockopt/setsockopt10.c (ltp-01, ltp-02, ltp-03).
    const c = (port: string) => `#include "tst_test.h"

static struct sockaddr_in tcp0_addr;
static int tcp0_sk;

static void setup(void)
{
	tst_init_sockaddr_inet(&tcp0_addr, "127.0.0.1", ${port});
}

static void child(void)
{
	tcp0_sk = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
	SAFE_BIND(tcp0_sk, (struct sockaddr *)&tcp0_addr, sizeof(tcp0_addr));
	SAFE_LISTEN(tcp0_sk, 1);
}

static struct tst_test test = {
	.setup = setup,
	.test_all = child,
};
`
    expect(await linesOf({ 'testcases/setsockopt10.c': c('0x7c90') }, 'PORT001')).toEqual([14])
    expect(await linesOf({ 'testcases/setsockopt10.c': c('0') }, 'PORT001')).toEqual([])
  })

  it('C: a function that fills its own address of the same name binds its own', async () => {
    const c = `#include "tst_test.h"

static void server(void)
{
	struct sockaddr_in addr;
	tst_init_sockaddr_inet(&addr, "127.0.0.1", 0);
	int sk = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
	SAFE_BIND(sk, (struct sockaddr *)&addr, sizeof(addr));
}

static void client(void)
{
	struct sockaddr_in addr;
	tst_init_sockaddr_inet(&addr, "127.0.0.1", 31888);
	int sk = SAFE_SOCKET(AF_INET, SOCK_STREAM, 0);
	SAFE_CONNECT(sk, (struct sockaddr *)&addr, sizeof(addr));
}
`
    expect(await linesOf({ 'testcases/pair.c': c }, 'PORT001')).toEqual([])
  })
})

describe('a goroutine whose ListenAndServe opens the listener the test then asks for', () => {
  it('Go: gtcp’s go srv.ListenAndServe() then srv.ListenerAddr() races the bind; a server built listening does not', async () => {
    // cat2neat/gtcp's server_test.go (gtcp-03).
    const go = (start: string) => `package gtcp_test

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/cat2neat/gtcp"
)

func connectTCPClient(addr string, t *testing.T) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

func TestServerPanicHandler(t *testing.T) {
	srv := gtcp.Server{Addr: ":0"}
	go srv.${start}()
	defer srv.Shutdown(context.Background())
	time.Sleep(5 * time.Millisecond)
	connectTCPClient(srv.ListenerAddr().String(), t)
}
`
    expect(await linesOf({ 'server_test.go': go('ListenAndServe') }, 'PORT007')).toEqual([22])
    expect(await linesOf({ 'server_test.go': go('Serve') }, 'PORT007')).toEqual([])
  })
})

describe('census 67: what the reviewers judged false', () => {
  it('Java: iggy’s client built on the open ServerSocket(0) and kept on the test object only to be closed', async () => {
    // apache/iggy's AsyncTcpConnectionRequestTimeoutTest.java.
    const java = (kept: string) => `import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class TimeoutTest {
    private AsyncIggyTcpClient client;
    private int port;

    @Test
    void replacesChannel() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            ${kept}
        }
    }
}
`
    const client = 'client = AsyncIggyTcpClient.builder().port(server.getLocalPort()).build();'
    expect(await linesOf({ 'src/test/java/TimeoutTest.java': java(client) }, 'PORT002')).toEqual([])
    expect(
      await linesOf(
        { 'src/test/java/TimeoutTest.java': java('port = server.getLocalPort();') },
        'PORT002',
      ),
    ).toEqual([9])
  })

  it('Rust: "localhost" handed to a TLS connector with a stream already connected is the certificate’s name', async () => {
    // apache/iggy's core/message_bus/tests/tcp_tls_cancel_safe.rs, aws/s2n-tls's test_utils.rs.
    const rust = (dial: string) => `use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsConnector;

#[tokio::test]
async fn handshake() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let connector = TlsConnector::from(client_config());
    ${dial}
}
`
    const secured =
      'let stream = TcpStream::connect(addr).await.unwrap();\n    let tls = connector.connect("localhost", stream).await;'
    expect(await linesOf({ 'tests/tls.rs': rust(secured) }, 'PORT005')).toEqual([])
    const dialled = 'let stream = TcpStream::connect(("localhost", addr.port())).await.unwrap();'
    expect(await linesOf({ 'tests/tls.rs': rust(dialled) }, 'PORT005')).toEqual([9])
  })

  it('C#: an NUnit [Test, Explicit] method runs only when asked for by name', async () => {
    // Abc-Arbitrage/Zebus's src/Abc.Zebus.Tests/Transport/ZmqTests.cs.
    const cs = (attributes: string) => `using NUnit.Framework;

[TestFixture]
public class ZmqTests
{
    [${attributes}]
    public void MessagesAreLostAfterDisconnect()
    {
        var endpoint = $"tcp://localhost:{TcpUtil.GetRandomUnusedPort()}";
        Receive(endpoint);
    }
}
`
    expect(await linesOf({ 'Tests/ZmqTests.cs': cs('Test, Explicit') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'Tests/ZmqTests.cs': cs('Test') }, 'PORT002')).toEqual([9])
  })

  it('Python: a test of the helper that only asserts on its answer', async () => {
    // libp2p/py-libp2p's tests/core/observability/test_prometheus_metrics.py.
    const py = (then: string) => `from libp2p.metrics import find_available_port


def test_find_available_port_returns_free_port():
    port = find_available_port(8000)
    ${then}
`
    expect(
      await linesOf(
        { 'tests/test_metrics.py': py('assert isinstance(port, int)\n    assert port >= 8000') },
        'PORT002',
      ),
    ).toEqual([])
    expect(
      await linesOf({ 'tests/test_metrics.py': py('start_http_server(port)') }, 'PORT002'),
    ).toEqual([5])
  })

  it('Java: a small number bound by a session is an id; bound by a bootstrap it is a port', async () => {
    // apache/iggy's VsrResponseHandlerTest.java.
    const java = (bind: string) => `import org.junit.jupiter.api.Test;

class HandlerTest {
    @Test
    void resetsSession() throws Exception {
        ${bind};
    }
}
`
    expect(
      await linesOf({ 'src/test/java/HandlerTest.java': java('session.bind(42)') }, 'PORT001'),
    ).toEqual([])
    expect(
      await linesOf({ 'src/test/java/HandlerTest.java': java('bootstrap.bind(80)') }, 'PORT001'),
    ).toEqual([6])
  })

  it('Go: a random port only formatted into an unreachable URL; another function’s port is its own', async () => {
    // umputun/reproxy's app/discovery/discovery_test.go.
    const go = (use: string) => `package discovery

import (
	"fmt"
	"math/rand"
	"testing"
)

func TestPing(t *testing.T) {
	port := rand.Intn(10000) + 40000
	m := URLMapper{PingURL: fmt.Sprintf("http://127.0.0.1:%d", port)}
	${use}
}

func TestOther(t *testing.T) {
	port := 0
	startServer(port)
}
`
    expect(await linesOf({ 'discovery_test.go': go('_ = m') }, 'PORT001')).toEqual([])
    // etcd-operator's embedded etcd listens on a URL the test formats and parses.
    const listens =
      'lc, _ := url.Parse(fmt.Sprintf("http://%s:%d", host, port))\n\tcfg.LCUrls = []url.URL{*lc}'
    expect(await linesOf({ 'discovery_test.go': go(listens) }, 'PORT001')).toEqual([10])
    expect(await linesOf({ 'discovery_test.go': go('startServer(port)') }, 'PORT001')).toEqual([10])
  })
})

describe('the forty-fourth batch’s servers', () => {
  it('Java: WireMock’s JUnit 4 rule starts a server on the port it is built with', async () => {
    // hazelcast/hazelcast-kubernetes's DefaultKubernetesClientTest.java (hazelcast-kubernetes-01, -02).
    const java = (built: string) => `import com.github.tomakehurst.wiremock.junit.WireMockRule;
import org.junit.Rule;
import org.junit.Test;

public class DefaultKubernetesClientTest {
    private static final int KUBERNETES_MASTER_PORT = 8089;

    @Rule
    public WireMockRule wireMockRule = new WireMockRule(${built});

    @Test
    public void lists() {}
}
`
    const path = 'src/test/java/DefaultKubernetesClientTest.java'
    expect(await linesOf({ [path]: java('KUBERNETES_MASTER_PORT') }, 'PORT001')).toEqual([6, 9])
    expect(await linesOf({ [path]: java('wireMockConfig().dynamicPort()') }, 'PORT001')).toEqual([])
  })

  it('C: libest’s suites start their test server on a constant named for the server’s port', async () => {
    // cisco/libest's test/UT/US3512/us3512.c (libest-01).
    const c = (start: string) => `#include "test_utils.h"

#define US3512_SERVER_PORT      29496
#define US3512_SERVER_IP        "127.0.0.1"

static int us3512_start_server(void)
{
    int rv;
    ${start}
    return rv;
}
`
    const path = 'test/UT/US3512/us3512.c'
    expect(
      await linesOf(
        { [path]: c('rv = st_start_nocacerts(US3512_SERVER_PORT, "cert.pem", 0);') },
        'PORT001',
      ),
    ).toEqual([3, 9])
    expect(
      await linesOf(
        { [path]: c('rv = est_client_set_server(ectx, US3512_SERVER_IP, US3512_SERVER_PORT);') },
        'PORT001',
      ),
    ).toEqual([])
  })
})

describe('the forty-fourth batch’s helpers and modes', () => {
  it('Rust: reserve-port’s ReservedPort::random() hands out a number; random_with_tcp keeps the listener', async () => {
    // JosephLenton/axum-test's src/util/new_random_socket_addr.rs (axumtest-01, axumtest-02).
    const rust = (reserve: string) => `use reserve_port::ReservedPort;
use std::net::{IpAddr, SocketAddr};

pub fn new_random_socket_addr(ip: IpAddr) -> SocketAddr {
    ${reserve}
}
`
    const path = 'src/util/new_random_socket_addr.rs'
    expect(
      await linesOf(
        {
          [path]: rust(
            'let port = ReservedPort::random().unwrap().port();\n    SocketAddr::new(ip, port)',
          ),
        },
        'PORT002',
      ),
    ).toEqual([5])
    expect(
      await linesOf(
        {
          [path]: rust(
            'let (reserved, listener) = ReservedPort::random_with_tcp(ip).unwrap();\n    listener.local_addr().unwrap()',
          ),
        },
        'PORT002',
      ),
    ).toEqual([])
  })

  it('C++: libfly’s bind in BindMode::AllowReuse sets SO_REUSEADDR', async () => {
    // trflynn89/libfly's test/net/tcp_socket.cpp (libfly-01).
    const cpp = (mode: string) => `#include "fly/net/socket/tcp_socket.hpp"
#include "catch2/catch_test_macros.hpp"

TEST_CASE("TCP", "[net]")
{
    auto listen_socket = create_socket();
    CATCH_CHECK(listen_socket->bind(s_localhost, 0, fly::net::BindMode::${mode}));
}
`
    const path = 'test/net/tcp_socket.cpp'
    expect(await linesOf({ [path]: cpp('AllowReuse') }, 'PORT003')).toEqual([7])
    expect(await linesOf({ [path]: cpp('SingleUse') }, 'PORT003')).toEqual([])
  })
})

describe('census 67: a web host configured and never built', () => {
  it('C#: Steeltoe’s Kestrel endpoints and URLs on a builder whose configuration alone is read', async () => {
    // SteeltoeOSS/Steeltoe's src/Common/test/Http.Test/ConfigurationExtensionsTest.cs.
    const cs = (then: string) => `using System.Net;
using Xunit;

public sealed class ConfigurationExtensionsTest
{
    [Fact]
    public void Reads_addresses()
    {
        WebApplicationBuilder builder = TestWebApplicationBuilderFactory.Create();
        builder.WebHost.UseUrls("http://localhost:8888");
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 8889);
        });
        ${then}
    }
}
`
    const path = 'test/Http.Test/ConfigurationExtensionsTest.cs'
    expect(
      await linesOf(
        { [path]: cs('var addresses = builder.Configuration.GetListenAddresses();') },
        'PORT001',
      ),
    ).toEqual([])
    expect(
      await linesOf(
        {
          [path]: cs(
            'await using WebApplication app = builder.Build();\n        await app.StartAsync();',
          ),
        },
        'PORT001',
      ),
    ).toEqual([10, 13])
  })
})

describe('census 66: a Go transport listener never listened on', () => {
  it('Go: mangos’s NewListener only parses its URL; the http server on the same port listens', async () => {
    // nanomsg/mangos's transport/ws/ws_specific_test.go.
    const go = (then: string) => `package ws

import (
	"net/http"
	"testing"
)

func TestWebsockHandler(t *testing.T) {
	l, e := Transport.NewListener("ws://127.0.0.1:3337/mysock", sock)
	if e != nil {
		t.Fatal(e)
	}
	${then}
	_ = http.ListenAndServe("127.0.0.1:3337", mux)
}
`
    const path = 'transport/ws/ws_specific_test.go'
    expect(
      await linesOf({ [path]: go('h, _ := l.GetOption(OptionWebSocketHandler)') }, 'PORT001'),
    ).toEqual([14])
    expect(await linesOf({ [path]: go('_ = l.Listen()') }, 'PORT001')).toEqual([9])
  })
})

describe('the forty-fifth batch: a port set in the options a function of the file returns', () => {
  it('Java: ksql’s createServerConfig() puts the listen port that setUp’s server starts on', async () => {
    // confluentinc/ksql's ksql-api/src/test/java/io/confluent/ksql/api/BaseApiTest.java (ksql-01, ksql-02).
    const java = (port: string, start: string) => `import java.util.HashMap;
import java.util.Map;
import org.junit.Before;

public class BaseApiTest {
  protected Server server;

  @Before
  public void setUp() {
    ApiServerConfig serverConfig = createServerConfig();
    server = new Server(vertx, serverConfig, testEndpoints);
    ${start}
  }

  protected ApiServerConfig createServerConfig() {
    final Map<String, Object> config = new HashMap<>();
    config.put("ksql.apiserver.listen.host", "localhost");
    config.put("ksql.apiserver.listen.port", ${port});
    return new ApiServerConfig(config);
  }
}
`
    const path = 'ksql-api/src/test/java/io/confluent/ksql/api/BaseApiTest.java'
    expect(await linesOf({ [path]: java('8089', 'server.start();') }, 'PORT001')).toEqual([18])
    expect(await linesOf({ [path]: java('0', 'server.start();') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: java('8089', 'assertNotNull(server);') }, 'PORT001')).toEqual([])
  })

  it('Java: options for a client are not a listener’s: SO_REUSEPORT on vert.x’s WebClientOptions', async () => {
    // confluentinc/ksql's BaseApiTest.java (ksql-03).
    const java = (options: string) => `import org.junit.Test;

public class ClientTest {
  @Test
  public void requests() {
    WebClient client = WebClient.create(vertx, new ${options}()
        .setDefaultHost("localhost")
        .setReusePort(true));
  }
}
`
    const path = 'src/test/java/ClientTest.java'
    expect(await linesOf({ [path]: java('WebClientOptions') }, 'PORT004')).toEqual([])
    expect(await linesOf({ [path]: java('HttpServerOptions') }, 'PORT004')).toEqual([8])
  })
})

describe('the forty-fifth batch: free-port helpers', () => {
  it('Java: ksql’s findFreeLocalPort returns the number read off a candidate socket it closes', async () => {
    // confluentinc/ksql's ksqldb-rest-app/src/test/java/io/confluent/ksql/rest/server/utils/TestUtils.java (ksql-04).
    const java = (body: string) => `import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

public final class TestUtils {
  public static int findFreeLocalPort() {
    for (int i = 0; i < 10; i++) {
      final int portToTry = ThreadLocalRandom.current().nextInt(1024, 65535);
      ${body}
    }
    throw new RuntimeException("Couldn't find free port");
  }
}
`
    const path = 'src/test/java/TestUtils.java'
    const returned =
      'try (ServerSocket socket = new ServerSocket(portToTry)) {\n        return socket.getLocalPort();\n      } catch (Exception e) {\n      }'
    expect(await linesOf({ [path]: java(returned) }, 'PORT002')).toEqual([5])
    expect(await linesOf({ [path]: java(returned) }, 'PORT001')).toEqual([])
  })

  it('Rust: runtimed’s peek_ports pushes each number into the list it returns, dropping each listener', async () => {
    // runtimed/runtimed's crates/runtimelib/src/connection.rs (runtimed-01).
    const rust = (kept: string, result = 'ports') => `use std::net::{IpAddr, SocketAddr};
use tokio::net::TcpListener;

pub async fn peek_ports(ip: IpAddr, num: usize) -> Result<Vec<u16>> {
    let mut ports: Vec<u16> = Vec::new();
    let mut listeners = Vec::new();
    for _ in 0..num {
        let listener = TcpListener::bind(SocketAddr::new(ip, 0)).await?;
        let bound_port = listener.local_addr()?.port();
        ports.push(bound_port);
        ${kept}
    }
    Ok(${result})
}
`
    const path = 'crates/runtimelib/src/connection.rs'
    expect(await linesOf({ [path]: rust('') }, 'PORT002')).toEqual([4])
    // The caller gets the listeners too, and holds the ports until it lets them go.
    const held = rust('listeners.push(listener);', '(ports, listeners)')
    expect(await linesOf({ [path]: held }, 'PORT002')).toEqual([])
  })
})

describe('the forty-fifth batch: a C++ server object set up on its port', () => {
  it('C++: industrial_core’s tcpServer.init(tcpPort) on a literal port', async () => {
    // ros-industrial/industrial_core's simple_message/test/utest_message.cpp (industrial_core-01).
    const cpp = (port: string) => `#include <gtest/gtest.h>

void messagePassing(TypedMessage &send, TypedMessage &recv)
{
  const int tcpPort = ${port};
  TcpServer tcpServer;
  ASSERT_TRUE(tcpServer.init(tcpPort));
}

TEST(JointMessage, init)
{
  messagePassing(send, recv);
}
`
    const path = 'simple_message/test/utest_message.cpp'
    expect(await linesOf({ [path]: cpp('11010') }, 'PORT001')).toEqual([5])
    // A small number an object is set up with, not named for a port, is not one.
    const threads = cpp('4').replaceAll('tcpPort', 'threads')
    expect(await linesOf({ [path]: threads }, 'PORT001')).toEqual([])
  })
})

describe('the forty-fifth batch: a passive lookup’s finding reaches its bind', () => {
  it('C: retrace’s getaddrinfo(NULL, PORT, AI_PASSIVE) then bind(sfd, rp->ai_addr, …)', async () => {
    // riboseinc/retrace's test/getaddrinfo.c (retrace-03).
    const c = `#include <netdb.h>

#define PORT "8080"

static void test_srv(void)
{
	struct addrinfo hints, *result, *rp;
	int sfd;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_PASSIVE;
	getaddrinfo(NULL, PORT, &hints, &result);
	for (rp = result; rp != NULL; rp = rp->ai_next) {
		sfd = socket(rp->ai_family, rp->ai_socktype, rp->ai_protocol);
		if (bind(sfd, rp->ai_addr, rp->ai_addrlen) == 0)
			break;
	}
}
`
    const r = await scanFiles({ 'test/getaddrinfo.c': c })
    const lookup = r.findings.find((f) => f.rule === 'PORT001' && f.line === 13)
    expect(lookup?.endLine).toBe(16)
  })
})

describe('census 68’s repositories: a JVM server built on a socket address', () => {
  it('Java: bitcoinj’s new NioServer(factory, new InetSocketAddress(loopback, TCP_PORT_BASE + i)), then startAsync()', async () => {
    // bitcoinj/bitcoinj's integration-test/…/TestWithNetworkConnections.java.
    const java = (start: string) => `import java.net.InetAddress;
import java.net.InetSocketAddress;

public class TestWithNetworkConnections {
    protected static final int TCP_PORT_BASE = 10000;
    private final NioServer[] peerServers = new NioServer[2];

    protected void startPeerServer(int i) throws Exception {
        peerServers[i] = new NioServer(new TestStreamConnectionFactory(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), TCP_PORT_BASE + i));
        ${start}
    }
}
`
    const path = 'integration-test/src/main/java/TestWithNetworkConnections.java'
    expect(await linesOf({ [path]: java('peerServers[i].startAsync();') }, 'PORT001')).toEqual([
      5, 9,
    ])
    // Built and never started: its settings only.
    expect(await linesOf({ [path]: java('') }, 'PORT001')).toEqual([])
  })
})

describe('census 68: code no runner runs', () => {
  it('C++: a benchmark program with its own main among the tests', async () => {
    // zhllxt/asio2's test/bench/tcp/asio_tcp_tps_server/asio_tcp_tps_server.cpp.
    const cpp = `#include <asio.hpp>

int main()
{
    asio::io_context ioc;
    asio::ip::tcp::acceptor acceptor(ioc);
    acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    acceptor.bind(asio::ip::tcp::endpoint(asio::ip::tcp::v4(), 8080));
    ioc.run();
}
`
    expect(await linesOf({ 'test/bench/tcp/tps_server/tps_server.cpp': cpp }, 'PORT003')).toEqual(
      [],
    )
    expect(await linesOf({ 'test/unit/tps_server.cpp': cpp }, 'PORT003')).toEqual([7])
  })

  it('TypeScript: a suite’s types/ directory is only type-checked', async () => {
    // elysiajs/elysia's test/types/index.ts.
    const ts = `import { Elysia } from '../../src'

const app = new Elysia().get('/', () => 'hi').listen(3000)
`
    expect(await linesOf({ 'test/types/index.ts': ts }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'test/types/index.test.ts': ts }, 'PORT001')).toEqual([3])
  })

  it('C: dqlite’s server address set before the server is started', async () => {
    // canonical/dqlite's test/integration/test_server.c.
    const c = (start: string) => `#include "../lib/runner.h"

static void start_server(struct fixture *f)
{
	int rv;
	rv = dqlite_server_set_address(f->servers[0], "127.0.0.1:8880");
	munit_assert_int(rv, ==, 0);
	${start}
}
`
    const path = 'test/integration/test_server.c'
    expect(
      await linesOf({ [path]: c('rv = dqlite_server_start(f->servers[0]);') }, 'PORT001'),
    ).toEqual([6])
    expect(await linesOf({ [path]: c('') }, 'PORT001')).toEqual([])
  })
})

describe('census 69 and the forty-seventh batch', () => {
  it('C: lib60870’s slave port set before the slave is started', async () => {
    // mz-automation/lib60870's tests/all_tests.c (lib60870-01).
    const c = (start: string) => `#include "cs104_slave.h"

void test_CS104Slave(void)
{
    CS104_Slave slave = CS104_Slave_create(100, 100);
    CS104_Slave_setLocalPort(slave, 20004);
    ${start}
}
`
    const path = 'lib60870-C/tests/all_tests.c'
    expect(await linesOf({ [path]: c('CS104_Slave_start(slave);') }, 'PORT001')).toEqual([6])
    expect(await linesOf({ [path]: c('CS104_Slave_destroy(slave);') }, 'PORT001')).toEqual([])
  })

  it('Go: a localhost URL on the port a localhost server listens on is not paired with a UDP socket on 127.0.0.1', async () => {
    // bluenviron/gortsplib's client_test.go.
    const go = (tcp: string) => `package gortsplib

import (
	"net"
	"testing"
)

func TestClientPlay(t *testing.T) {
	for _, port := range []string{"8000", "8001"} {
		ln, _ := net.ListenPacket("udp", net.JoinHostPort("127.0.0.1", port))
		defer ln.Close()
	}
	l, _ := net.Listen("tcp", "${tcp}")
	defer l.Close()
	u := mustParseURL("rtsp://localhost:8554/teststream")
	_ = u
}
`
    expect(await linesOf({ 'client_test.go': go('localhost:8554') }, 'PORT005')).toEqual([])
    expect(await linesOf({ 'client_test.go': go('127.0.0.1:8554') }, 'PORT005')).toEqual([15])
  })

  it('Python: a benchmark script among the tests is run by hand', async () => {
    // pydicom/pynetdicom's pynetdicom/tests/benchmark_script.py.
    const py = `import time


def receive_store():
    server = ae.start_server(("localhost", 11112), block=False)
    time.sleep(0.5)
    send(("localhost", 11112))


if __name__ == "__main__":
    receive_store()
`
    expect(await linesOf({ 'pkg/tests/benchmark_script.py': py }, 'PORT007')).toEqual([])
    expect(await linesOf({ 'pkg/tests/store_script.py': py }, 'PORT007')).toEqual([5])
  })
})
