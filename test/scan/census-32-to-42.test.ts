// Rule behaviour that censuses 32 to 42 (repositories outside the corpus) and the twenty-first and
// twenty-second rounds' guiding misses asked for: each false finding beside the true one.
import { describe, expect, it } from 'vitest'
import { hits, race, scanFiles } from './helpers.ts'

describe('what census 32 (repositories outside the corpus) judged no listener', () => {
  it('JVM: a number handed to a factory named create or open that makes no socket', async () => {
    const java = `import org.junit.Test;

public class FutureTest {
    @Test
    public void body() throws Exception {
        String result = Await.result(future, Duration.create(5, SECONDS));
        NodeApiVersions versions = NodeApiVersions.create((short) 337, (short) 0, (short) 1);
        HttpServer server = HttpServer.create(8080);
    }
}
`
    const r = await scanFiles({ 'src/test/java/FutureTest.java': java })
    expect(hits(r)).toEqual(['PORT001@8'])
  })
})

describe('census 32: a Unix-domain socket has no port', () => {
  it('Go: net.Listen("unix", …) and a Unix listener helper named by a host and port', async () => {
    const go = `package client

import "testing"

func TestAuth(t *testing.T) {
	lis, _ := net.Listen("unix", "etcd-auth-test:1")
	ln, _ := transport.NewUnixListener("localhost:27989")
	tcp, _ := net.Listen("tcp", "localhost:27990")
	_, _, _ = lis, ln, tcp
}
`
    const r = await scanFiles({ 'client/client_test.go': go })
    expect(hits(r)).toEqual(['PORT001@8'])
  })
})

describe('census 32: a mocked socket module binds nothing', () => {
  const spec = (mocked: string) => `const dgram = require("dgram");
${mocked}
const UdpServer = require("../src/udp-server");

it("binds", () => {
	const socket = dgram.createSocket("udp4");
	socket.bind(4567);
	const udp = new UdpServer({ port: 4445 });
	return udp.startServer("10.0.0.4", 4567);
});
`
  it('JavaScript: jest.mock("dgram") fakes every socket of the test file', async () => {
    const mocked = await scanFiles({ 'test/udp.spec.js': spec('jest.mock("dgram");') })
    expect(hits(mocked)).toEqual([])
    const real = await scanFiles({ 'test/udp.spec.js': spec('jest.mock("./logger");') })
    expect(hits(real)).toContain('PORT001@7')
  })
})

describe('census 32: probes that hand out no number, sleeps before a poll', () => {
  it('Go: a probe kept as a dead address, or in a helper named for one, is only dialled', async () => {
    const go = `package proxy

import "testing"

func deadUpstreamAddr(t *testing.T) string {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestShutdown(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	deadAddr := ln.Addr().String()
	ln.Close() // guaranteed-refused port
	client := redis.NewClient(&redis.Options{Addr: deadAddr})
	_ = client
}

func freeAddr(t *testing.T) string {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
`
    const r = await scanFiles({ 'proxy/retries_test.go': go })
    expect(hits(r)).toEqual(['PORT002@20'])
  })

  it('Python: a function declared to return a bool binds port 0 only to learn about an address', async () => {
    const py = `import socket

def can_bind_127_0_0_2() -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.2", 0))
        except OSError:
            return False
        return s.getsockname()[0] == "127.0.0.2"

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
`
    const r = await scanFiles({ 'tests/test_stream.py': py })
    expect(hits(r)).toEqual(['PORT002@11'])
  })

  it('Go: a server process started, a sleep, then a loop that asks until it answers', async () => {
    const go = (poll: string) => `package proxy

import "testing"

func startProxy(t *testing.T) error {
	cmd := exec.Command("resp-proxy", "--api-port", "8100")
	if err := cmd.Start(); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond)
${poll}
	return nil
}
`
    const polling = `	for i := 0; i < 10; i++ {
		resp, err := http.Get("http://localhost:8100/stats")
		if err == nil && resp.StatusCode == 200 {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}`
    const waits = await scanFiles({ 'proxy/proxy_test.go': go(polling) })
    expect(hits(waits).filter((h) => h.startsWith('PORT007'))).toEqual([])
    const guesses = await scanFiles({
      'proxy/proxy_test.go': go('\thttp.Get("http://localhost:8100/stats")'),
    })
    expect(hits(guesses).filter((h) => h.startsWith('PORT007'))).toEqual(['PORT007@7'])
  })
})

describe('census 33: binds that must fail, and sockets of families without ports', () => {
  it('Java: a bind inside AssertJ’s assertThatExceptionOfType(…).isThrownBy(…) binds nothing', async () => {
    const java = `class TcpClientTests {
  @Test
  void bootstrapRefusesBind() {
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> TcpClient.create().bootstrap(b -> {
          b.bind(8000);
          return b;
        }));
    ServerSocket real = new ServerSocket(8001);
  }
}
`
    const r = await scanFiles({ 'src/test/java/TcpClientTests.java': java })
    expect(hits(r)).toEqual(['PORT001@9'])
  })

  it('Python: a bind or SO_REUSEADDR inside `with self.assertRaises(…)` or pytest.raises does nothing', async () => {
    const py = `import socket, pytest

class SocketTest(unittest.TestCase):
    def test_errors(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with self.assertRaises(OverflowError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 2 ** 100)
        with self.assertRaisesRegex(TypeError, "int"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, dict())
        with self.assertRaises(OSError):
            sock.bind(("127.0.0.1", 8080))
        with pytest.raises(OSError, match="FakeNet"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 8081))
`
    const r = await scanFiles({ 'tests/test_socket.py': py })
    expect(hits(r)).toEqual(['PORT001@14'])
  })

  it('Python: a free port only dialled as a dead address is no race; bound as a source address it is', async () => {
    const py = (source: string) => `import socket
from test.support import socket_helper

class ConnectTest(unittest.TestCase):
    def test_create_connection(self):
        port = socket_helper.find_unused_port()
        with self.assertRaises(OSError):
            socket.create_connection((HOST, port)${source})
`
    const dead = await scanFiles({ 'tests/test_socket.py': py('') })
    expect(hits(dead)).toEqual([])
    const bound = await scanFiles({ 'tests/test_socket.py': py(', source_address=("", port)') })
    expect(hits(bound)).toEqual(['PORT002@6'])
  })

  it('Python: SO_REUSEADDR on a TIPC socket, and a CAN bind, touch no port; a vsock port is one', async () => {
    const py = `import socket

class TIPCTest(unittest.TestCase):
    def testRDM(self):
        srv = socket.socket(socket.AF_TIPC, socket.SOCK_RDM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def testInet(self):
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def testBind(self):
        with socket.socket(socket.PF_CAN, socket.SOCK_DGRAM, socket.CAN_ISOTP) as s:
            addr = self.interface, 0x123, 0x456
            s.bind(addr)

    def testVsock(self):
        serv = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
        serv.bind((socket.VMADDR_CID_ANY, 1234))
`
    const r = await scanFiles({ 'tests/test_socket.py': py })
    expect(hits(r)).toEqual(['PORT001@19', 'PORT003@10'])
  })
})

describe('census 34: servers held by a generator, helpers only checked, numbers that are no ports', () => {
  it('Python: a context manager that yields its server’s address inside `async with server:` keeps it open', async () => {
    const py = `import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def tcp_server(handle_conn):
    server = await asyncio.start_server(handle_conn, "127.0.0.1", 0)
    async with server:
        yield server.sockets[0].getsockname()

async def test_playback():
    async with tcp_server(handler) as addr:
        await client(addr)
`
    expect(hits(await scanFiles({ 'test/test_playback.py': py }))).toEqual([])
    const returned = py.replace('yield server', 'return server')
    expect(hits(await scanFiles({ 'test/test_playback.py': returned }))).toContain('PORT002@5')
  })

  it('Python and Java: a free-port helper only checked by an assertion hands out nothing; kept or sent on, it does', async () => {
    const py = `from mitmproxy.net import free_port

def test_get_free_port():
    assert free_port.get_free_port() is not None

def test_daemon():
    cmd_list = ["p2pd"]
    cmd_list += [f"-hostAddrs=/ip4/127.0.0.1/tcp/{free_port.get_free_port()}"]
    subprocess.Popen(cmd_list)
`
    expect(hits(await scanFiles({ 'test/test_free_port.py': py }))).toEqual(['PORT002@8'])
    const java = `class PortTest {
  @Test
  void findsOne() {
    assertNotNull(SocketUtils.findAvailableTcpPort());
    useFixedBrokerPort();
  }
  @Test
  void serves() {
    Server server = new Server(SocketUtils.findAvailableTcpPort());
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/PortTest.java': java }))).toEqual(['PORT002@9'])
  })

  it('Rust: a query’s .bind(2142) is a SQL parameter; Go: a constant named for a size is no port', async () => {
    const rust = `#[sqlx::test]
async fn test_year() -> anyhow::Result<()> {
    sqlx::query("INSERT INTO too_many_years ( the ) VALUES ( ? );")
        .bind(2142)
        .execute(&mut conn)
        .await?;
    let listener = TcpListener::bind("127.0.0.1:8080").await?;
    Ok(())
}
`
    expect(hits(await scanFiles({ 'tests/mysql.rs': rust }))).toEqual(['PORT001@7'])
    const go = `package connect

import "testing"

const sendMaxBytes = 1024
const serverPort = 8081

func TestLimits(t *testing.T) {
	server := newHTTP2Server(t, false, sendMaxBytes)
	other := newHTTP2Server(t, false, serverPort)
	_, _ = server, other
}
`
    // …and serverPort where it is defined.
    expect(hits(await scanFiles({ 'connect_test.go': go }))).toEqual(['PORT001@10', 'PORT001@6'])
  })
})

describe('census 36: a helper’s number whose bind is retried, or whose variable is drawn again', () => {
  it('Python: a loop that draws again when the bind fails warns; the number drawn before it and only used in arithmetic is not the one bound', async () => {
    const py = `import itertools
from test.support import socket_helper

class GeneralModuleTests(unittest.TestCase):
    def test_getsockaddrarg(self):
        sock = socket.socket()
        port = socket_helper.find_unused_port()
        big_port = port + 65536
        self.assertRaises(OverflowError, sock.bind, (HOST, big_port))
        for i in itertools.count():
            port = socket_helper.find_unused_port()
            try:
                sock.bind((HOST, port))
            except OSError as e:
                if e.errno != errno.EADDRINUSE or i == 5:
                    raise
            else:
                break

    def test_bind(self):
        port = socket_helper.find_unused_port()
        sock = socket.socket()
        sock.bind(("127.0.0.1", port))
`
    const r = await scanFiles({ 'tests/test_socket.py': py })
    expect(r.findings.map((f) => [f.rule, f.line, f.endLine, f.severity])).toEqual([
      ['PORT002', 7, 7, 'warning'],
      ['PORT002', 11, 13, 'warning'],
      ['PORT002', 21, 23, 'error'],
    ])
  })
})

describe('what censuses 33 to 36’s fixes must not drop', () => {
  it('Python: sockets named alike in other functions or items, query-named sockets, positional source addresses', async () => {
    const py = `import socket

def test_unix(p):
    s = socket.socket(socket.AF_UNIX)
    s.bind(p)

def test_tcp(make_sock):
    s = make_sock()
    s.bind(("127.0.0.1", 8080))

def test_two():
    with socket.socket(socket.AF_UNIX) as u, socket.socket(socket.AF_INET) as t:
        t.bind(("127.0.0.1", 8081))

class Dns:
    def test_query(self):
        self.query_socket.bind(("127.0.0.1", 5353))
`
    expect(hits(await scanFiles({ 'tests/test_names.py': py }))).toEqual([
      'PORT001@13',
      'PORT001@17',
      'PORT001@9',
    ])
    const source = `from test.support import socket_helper

def test_source():
    port = socket_helper.find_unused_port()
    socket.create_connection((HOST, 80), 5, ("", port))
`
    expect(hits(await scanFiles({ 'tests/test_source.py': source }))).toEqual(['PORT002@4'])
  })

  it('Python: an unrelated try in the loop, or the number converted, keeps the error', async () => {
    const py = `from test.support import socket_helper

def test_servers():
    for i in range(3):
        port = socket_helper.find_unused_port()
        server = HTTPServer(("127.0.0.1", port), Handler)
        try:
            check(server)
        except ValueError:
            pass

def test_converted():
    port = socket_helper.find_unused_port()
    port = str(port)
    server = HTTPServer(("127.0.0.1", int(port)), Handler)
`
    const r = await scanFiles({ 'tests/test_servers.py': py })
    expect(r.findings.map((f) => [f.rule, f.line, f.severity])).toEqual([
      ['PORT002', 5, 'error'],
      ['PORT002', 13, 'error'],
    ])
  })

  it('Go: a constant whose name only ends like a quantity is still a port', async () => {
    const go = `package connect

import "testing"

const admin = 9901

func TestAdmin(t *testing.T) {
	server := newHTTP2Server(t, false, admin)
	_ = server
}
`
    // Not at its definition: `admin` is not named for a port.
    expect(hits(await scanFiles({ 'connect_test.go': go }))).toEqual(['PORT001@8'])
  })
})

describe('census 37’s round: what censuses 32 to 36 judged false and the scan still made', () => {
  it('Go: a port-0 listener closed by defer, whose address a callback or a nested helper returns, is kept open', async () => {
    const go = `package proxy

import "testing"

func TestProxyDialer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	d, err := NewProxyDialer(ctx, func(...Option) (net.Conn, error) {
		return net.Dial("tcp", l.Addr().String())
	})
	_ = d
}

func TestBrokers(t *testing.T) {
	newBroker := func(t *testing.T) (*Broker, func()) {
		listener, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		broker := NewBroker(listener.Addr().String())
		cleanup := func() {
			_ = listener.Close()
		}
		return broker, cleanup
	}
	t.Run("one", func(t *testing.T) {
		broker, cleanup := newBroker(t)
		defer cleanup()
		use(broker)
	})
}

func freePort(t *testing.T) int {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
`
    // The helper that returns the number with a deferred close still races.
    expect(hits(await scanFiles({ 'proxy_test.go': go }))).toEqual(['PORT002@32'])
  })

  it('Go and Rust: a program’s main in test sources is not run by go test or cargo test, a Rust integration test’s own main is', async () => {
    const rust = `#[tokio::main]
async fn main() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await.unwrap();
    axum::serve(listener, app()).await;
}
`
    const go = `package main

func main() {
	ln, _ := net.Listen("tcp", "127.0.0.1:5000")
	serve(ln)
}
`
    expect(
      hits(
        await scanFiles({
          'examples/testing/src/main.rs': rust,
          'test/cmd/fault/main.go': go,
          'tests/harness.rs': rust,
        }),
      ),
    ).toEqual(['PORT001@3'])
  })

  it('Java: a client or endpoint factory given a host and port does not listen; a server socket factory and MockServer’s startClientAndServer do', async () => {
    const java = `class ClientsTest {
  @Test
  void clients() {
    RedisClient jedis = RedisClient.create("localhost", 6379);
    VaultEndpoint vault = VaultEndpoint.create("localhost", 8200);
    UriEndpoint e = builder.build().createUriEndpoint("http://localhost:8080/foo", false);
    ServerSocket s = ServerSocketFactory.create("localhost", 9009);
    mockServer = ClientAndServer.startClientAndServer(8081);
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/ClientsTest.java': java }))).toEqual([
      'PORT001@7',
      'PORT001@8',
    ])
  })

  it('Python: a port keyword handed to a client’s run or start dials it; a server’s start listens on it', async () => {
    const py = `class QuicTest(TestCase):
    async def test_connect_timeout(self):
        with self.assertRaises(ConnectionError):
            await self.run_client(port=4433, configuration=QuicConfiguration(is_client=True))

    def test_server(self):
        server = make_server(port=4434)
        server.start()
`
    expect(hits(await scanFiles({ 'tests/test_asyncio.py': py }))).toEqual(['PORT001@7'])
  })
})

describe('census 37’s own false findings', () => {
  it('Rust: a racy `new` of an impl is its type’s, not every type’s `new`', async () => {
    const rust = `struct Endpoints { port: u16 }

impl Endpoints {
    async fn new() -> Self {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        Self { port }
    }
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn shutdown() {
        let server = Server::new(Catalog::new());
        let endpoints = Endpoints::new().await;
        let set = JoinSet::new();
    }
}
`
    expect(hits(await scanFiles({ 'src/server/mod.rs': rust }))).toEqual([
      'PORT002@16',
      'PORT002@4',
    ])
  })

  it('Java: a URI’s builder given a port names where a client goes; a connector’s listens', async () => {
    const java = `class BuilderTest {
  @Test
  void uri() {
    URIBuilder b = new URIBuilder("/").setScheme("http").setHost("localhost").setPort(8443);
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(8080);
    server.start();
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/BuilderTest.java': java }))).toEqual(['PORT001@6'])
  })

  it('C#: a bare localhost written into a protocol frame is not dialled; one handed to a client with the port is', async () => {
    const cs = `public class ProtocolTests
{
    const int port = 5674;

    [TestMethod]
    public void OpenFrame()
    {
        var listener = new TcpListener(new IPEndPoint(IPAddress.Any, port));
        listener.Start();
        TestListener.FRM(stream, 0x10UL, 0, 0, "TestListener", "localhost", 512u);
        var client = new TcpClient("localhost", port);
    }
}
`
    expect(hits(await scanFiles({ 'test/ProtocolTests.cs': cs }))).toEqual([
      'PORT001@3',
      'PORT001@8',
      'PORT005@11',
    ])
  })

  it('Go: a server given a hook it calls once it listens is waited on; one without still races', async () => {
    const go = `package client

import "testing"

func startServer(t *testing.T) (*fiber.App, string) {
	app := fiber.New()
	addrChan := make(chan string)
	go func() {
		_ = app.Listen(":0", fiber.ListenConfig{
			ListenerAddrFunc: func(addr net.Addr) { addrChan <- addr.String() },
		})
	}()
	return app, <-addrChan
}

func startRacy(t *testing.T) *fiber.App {
	app := fiber.New()
	go func() {
		_ = app.Listen(":0")
	}()
	return app
}
`
    expect(hits(await scanFiles({ 'client/client_test.go': go }))).toEqual(['PORT007@18'])
  })
})

describe('guiding misses of the twenty-first round', () => {
  it('C#: a server built on an endpoint field and started by StartListening (BTDB)', async () => {
    const cs = `public class ChannelTest
{
    const int Port = 14514;
    readonly IPEndPoint _ipEndPoint = new IPEndPoint(IPAddress.Loopback, Port);

    [Test]
    public void StartAndStopListeningWorks()
    {
        var server = new TcpipServer(_ipEndPoint);
        server.StartListening();
        server.StopListening();
    }
}
`
    expect(hits(await scanFiles({ 'BTDBTest/ChannelTest.cs': cs }))).toEqual(['PORT001@9'])
  })

  it('Java: a server started or initialised on a socket address with a fixed port (Minestom)', async () => {
    const java = `class ServerProcessTest {
  @Test
  void start() {
    process.start(new InetSocketAddress("localhost", 25565));
    InetSocketAddress address = new InetSocketAddress("localhost", 0);
    server.init(address);
    client.connect(new InetSocketAddress("localhost", 25566));
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/ServerProcessTest.java': java }))).toEqual([
      'PORT001@4',
    ])
  })

  it('C and C++: a port set in a server’s own config, and picoquic’s open_server_sockets', async () => {
    const cpp = `int main() {
  HttpServer server;
  server.config.port = 8080;
  server.start();
}
`
    const c = `int socket_test(void)
{
    int test_port = 12345;
    picoquic_server_sockets_t server_sockets;
    int ret = picoquic_open_server_sockets(&server_sockets, test_port);
    return ret;
}
`
    const r = await scanFiles({ 'tests/io_test.cpp': cpp, 'picoquictest/socket_test.c': c })
    expect(r.findings.map((f) => [f.path, f.rule, f.line, f.endLine])).toEqual([
      ['picoquictest/socket_test.c', 'PORT001', 3, 5],
      ['tests/io_test.cpp', 'PORT001', 3, 3],
    ])
  })

  it('Rust: nix’s bind(fd, &addr) on an address parsed with from_str', async () => {
    const rust = `#[test]
fn test_timestamping() {
    let sock_addr = SockaddrIn::from_str("127.0.0.1:6797").unwrap();
    let rsock = socket(AddressFamily::Inet, SockType::Datagram, SockFlag::empty(), None).unwrap();
    nix::sys::socket::bind(rsock.as_raw_fd(), &sock_addr).unwrap();
}
`
    expect(hits(await scanFiles({ 'test/sys/test_socket.rs': rust }))).toEqual(['PORT001@5'])
  })
})

describe('census 38’s false findings', () => {
  it('Java: a factory’s small numbers are sizes, a mock’s verified start takes a period; MockWebServer’s start(80) is still a port', async () => {
    const java = `class JettyServerTest {
  @Test
  void pool() {
    Server server = new JettyServer().create(100, 10, 10000);
    verify(mockReporter).start(5L, TimeUnit.MINUTES);
    mockWebServer.start(80);
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/JettyServerTest.java': java }))).toEqual([
      'PORT001@6',
    ])
  })
})

describe('census 40’s false findings', () => {
  it('TypeScript: a random draw handed to a free-port helper is where it starts looking, not a port bound', async () => {
    const ts = `import portfinder from 'portfinder'

export async function startServer() {
  const port = await portfinder.getPortPromise({ port: 9000 + Math.floor(Math.random() * 1000) })
  const server = new DevServer({ port })
  await server.start()
}
`
    expect(hits(await scanFiles({ 'src/test-helpers.ts': ts }))).toEqual(['PORT002@4'])
  })

  it('Go: a list of endpoints built for a registry is data, a started server is not', async () => {
    const go = `package polaris

import "testing"

func TestRegister(t *testing.T) {
	svc := &gsvc.LocalService{Name: "provider", Endpoints: gsvc.NewEndpoints("127.0.0.1:9000")}
	_ = registry.Register(ctx, svc)
	srv := NewServer("127.0.0.1:9001")
	srv.Start()
}
`
    expect(hits(await scanFiles({ 'polaris_z_test.go': go }))).toEqual(['PORT001@8'])
  })

  it('Compose: a compose file under docs is documentation brought up by hand, one under tests is the suite’s', async () => {
    const compose = `services:
  raven:
    image: ravendb/ravendb
    ports:
      - "8080:8080"
`
    expect(
      hits(
        await scanFiles({
          'docs/test-ghcr-tag/compose.yml': compose,
          'tests/compose.yml': compose,
        }),
      ),
    ).toEqual(['PORT001@5'])
  })
})

describe('an endpoint held in a variable or field, then handed to a server', () => {
  it('Java: init(address) on an InetSocketAddress field a set-up method assigns a fixed port', async () => {
    const java = `class ServerAddressTest {
  private InetSocketAddress fixed;

  @BeforeEach
  void setUp() {
    fixed = new InetSocketAddress("localhost", 25570);
  }

  @Test
  void init() {
    var server = new Server();
    server.init(fixed);
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/ServerAddressTest.java': java }))).toEqual([
      'PORT001@12',
    ])
  })
})

describe('a server on port 0 that stays open while its port is used (the twenty-second round)', () => {
  it('JavaScript: a close in an event handler wrapped by mustCall runs after the reconnect it follows', async () => {
    // mscdex/ssh2's test-misc-client-server.js: the server closes after the second connection.
    const js = `{
  const client = new Client();
  const server = new Server(serverCfg);

  server.listen(0, 'localhost', mustCall(() => {
    cfg.port = server.address().port;
    client.connect(cfg);
  }));

  server.on('connection', mustCall((conn) => {
    if (++connections === 2)
      server.close();
  }, 2));

  client.on('ready', mustCall(() => {
    client.connect(cfg);
  }, 2));
}
`
    expect(race(await scanFiles({ 'test/test-misc-client-server.js': js }))).toEqual([])
  })

  it('JavaScript: unref() lets the process exit, it does not close the server', async () => {
    // mcollina/autocannon's httpClient.test.js.
    const js = `test('posts', (t) => {
  const server = http.createServer((req, res) => res.end('x'))
  server.listen(0)
  server.unref()
  const opts = server.address()
  const client = new Client(opts)
})
`
    expect(race(await scanFiles({ 'test/httpClient.test.js': js }))).toEqual([])
  })

  it('TypeScript: a close in a function called from event handlers and callbacks runs after the clients dial', async () => {
    // sidorares/node-mysql2's test-pool-connect-error.test.mts.
    const ts = `it('reports the error', async () => {
  server.listen(0, () => {
    const port = server._server.address().port;
    const conn = mysql.createConnection({ port: port });
    const checkDone = () => {
      conn.destroy();
      server.close(() => resolve());
    };
    conn.on('error', (err) => {
      checkDone();
    });
    const pool = mysql.createPool({ port: port });
    pool.query('sql', () => {
      pool.end(() => checkDone());
    });
  });
});
`
    expect(race(await scanFiles({ 'test/pool-connect-error.test.mts': ts }))).toEqual([])
  })

  it('Java: a close on the error path of a constructor that keeps the channel', async () => {
    // apache/kafka's NioEchoServer: the channel is closed only when the constructor throws.
    const java = `public class NioEchoServer extends Thread {
    public NioEchoServer(String host) throws Exception {
        ServerSocketChannel serverSocketChannel = null;
        try {
            serverSocketChannel = ServerSocketChannel.open();
            this.serverSocketChannel = serverSocketChannel;
            serverSocketChannel.socket().bind(new InetSocketAddress(host, 0));
            this.port = serverSocketChannel.socket().getLocalPort();
        } catch (Exception e) {
            if (serverSocketChannel != null) {
                serverSocketChannel.close();
            }
            throw e;
        }
    }
}
`
    expect(race(await scanFiles({ 'clients/src/test/java/NioEchoServer.java': java }))).toEqual([])
  })

  it('Python: a fixture that yields the address from inside the server’s with-block', async () => {
    // Lightning-AI/pytorch-lightning's tests/tests_pytorch/conftest.py.
    const py = `import threading
import pytest


@pytest.fixture
def tmpdir_server(tmp_path):
    with ThreadingHTTPServer(("localhost", 0), Handler) as server:
        server_thread = threading.Thread(target=server.serve_forever)
        server_thread.start()
        yield server.server_address
        server.shutdown()
`
    expect(race(await scanFiles({ 'tests/conftest.py': py }))).toEqual([])
  })

  it('still reports a probe that closes the server before handing the number out', async () => {
    const js = `function getPort() {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.listen(0, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
`
    const py = `import socket
import pytest


@pytest.fixture
def free_port():
    with socket.socket() as s:
        s.bind(("localhost", 0))
        port = s.getsockname()[1]
    yield port
`
    const java = `class Ports {
    static int freePort() throws IOException {
        ServerSocket s = new ServerSocket(0);
        try {
            return s.getLocalPort();
        } catch (Exception e) {
            throw e;
        } finally {
            s.close();
        }
    }
}
`
    const r = hits(
      await scanFiles({
        'test/ports.js': js,
        'tests/conftest.py': py,
        'src/test/java/Ports.java': java,
      }),
    )
    expect(r.filter((h) => h.startsWith('PORT002'))).toHaveLength(3)
  })
})

describe('numbers meant to stay unbound: a test expects the connection to fail', () => {
  it('C#: sockets bound to port 0 and held by `using var` while clients are refused', async () => {
    // npgsql's MultipleHostsTests.All_hosts_are_down.
    const cs = `public class MultipleHostsTests
{
    [Test]
    public void All_hosts_are_down()
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        using var socket1 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket1.Bind(endpoint);
        var localEndPoint1 = (IPEndPoint)socket1.LocalEndPoint!;
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = $"{localEndPoint1.Address}:{localEndPoint1.Port}"
        }.ConnectionString;
        using var dataSource = new NpgsqlDataSourceBuilder(connectionString).BuildMultiHost();
        var exception = Assert.ThrowsAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync())!;
    }
}
`
    expect(race(await scanFiles({ 'test/Npgsql.Tests/MultipleHostsTests.cs': cs }))).toEqual([])
  })
  it('Python: a port bound and released to be a bad address', async () => {
    // pika's acceptance tests: `bad_host, bad_port = sock.getsockname()`. (Its
    // `TestConnectWithDownedBroker.test` is still reported: a class's name is not read.)
    const py = `import socket
import unittest


class TestCreateConnectionFromTwoConfigsFirstUnreachable(unittest.TestCase):
    def test(self):
        sock = socket.socket()
        sock.bind(('127.0.0.1', 0))
        bad_host, bad_port = sock.getsockname()
        sock.close()
        bad_params = pika.ConnectionParameters(host=bad_host, port=bad_port)
        self._connect([bad_params, good_params])

`
    expect(race(await scanFiles({ 'tests/acceptance/blocking_adapter_test.py': py }))).toEqual([])
  })

  it('Python: pytest’s unused_tcp_port dialled by a client that must fail to connect', async () => {
    // cole/aiosmtplib's tests/test_connect.py.
    const py = `import pytest


async def test_connect_error_with_no_server(hostname, unused_tcp_port):
    client = SMTP(hostname=hostname, port=unused_tcp_port, timeout=1.0)
    with pytest.raises(SMTPConnectError):
        await client.connect()
`
    expect(race(await scanFiles({ 'tests/test_connect.py': py }))).toEqual([])
  })

  it('Rust and Java: a test named for no server, a constant named for an error port', async () => {
    // quickwit's rest_client.rs test_client_no_server; log4j2's SocketAppenderTest.ERROR_PORT.
    const rs = `#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn test_client_no_server() {
        let port = quickwit_common::net::find_available_tcp_port().unwrap();
        let url = Url::parse(&format!("http://127.0.0.1:{port}")).unwrap();
        let client = QuickwitClientBuilder::new(url).build();
        client.cluster().snapshot().await.unwrap_err();
    }
}
`
    const java = `class SocketAppenderTest {
    private static final int ERROR_PORT = AvailablePortFinder.getNextAvailable();

    @Test
    void noWait() {
        SocketAppender appender = SocketAppender.newBuilder().setPort(ERROR_PORT).build();
    }
}
`
    expect(
      race(
        await scanFiles({
          'quickwit-rest-client/src/rest_client.rs': rs,
          'src/test/java/SocketAppenderTest.java': java,
        }),
      ),
    ).toEqual([])
  })

  it('Python: a test named for a network error; not one named for a failed connection', async () => {
    // schemathesis's test_record_auth_inference_skips_on_retry_network_error; reqwest's
    // http3_test_failed_connection serves on its number after the failure.
    const py = `def test_record_auth_inference_skips_on_retry_network_error(ctx, app_runner):
    operation.base_url = f"http://127.0.0.1:{app_runner.unused_port()}"


def test_failed_connection(app_runner):
    url = f"http://127.0.0.1:{app_runner.unused_port()}"
`
    expect(race(await scanFiles({ 'test/specs/test_auth_inference.py': py }))).toEqual([[6, 6]])
  })

  it('Go and Python: tests named for a server that is down or a connection that times out', async () => {
    // telegraf's graylog_linux_test.go; aiosmtplib's tests/test_timeouts.py.
    const go = `package graylog

func TestWriteTCPServerDown(t *testing.T) {
	dummy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	plugin := Graylog{Servers: []string{"tcp://" + dummy.Addr().String()}}
	require.NoError(t, dummy.Close())
	require.ErrorContains(t, plugin.Connect(), "connect: connection failed for")
}

func TestWriteUDPServerUnavailableOnWrite(t *testing.T) {
	dummy, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	plugin := Graylog{Servers: []string{"udp://" + dummy.LocalAddr().String()}}
	require.NoError(t, plugin.Connect())
	require.NoError(t, dummy.Close())
	require.NoError(t, plugin.Write(testutil.MockMetrics()))
}
`
    const py = `async def test_connect_timeout_error(hostname, unused_tcp_port):
    client = SMTP(hostname=hostname, port=unused_tcp_port, timeout=0.0)
    with pytest.raises(SMTPConnectTimeoutError):
        await client.connect()
`
    expect(
      race(
        await scanFiles({
          'plugins/outputs/graylog/graylog_linux_test.go': go,
          'tests/test_timeouts.py': py,
        }),
      ),
    ).toEqual([])
  })

  it('still reports a number refused first and then bound by a server the test starts', async () => {
    const py = `import socket
from http.server import HTTPServer


def test_connect_error_then_recovers(unused_tcp_port):
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", unused_tcp_port))
    server = HTTPServer(("127.0.0.1", unused_tcp_port), Handler)


def test_reconnects():
    port = find_free_port()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port))
    server = HTTPServer(("127.0.0.1", port), Handler)
`
    expect(race(await scanFiles({ 'tests/test_reconnect.py': py }))).toEqual([
      [5, 7],
      [12, 15],
    ])
  })
})

describe('programs kept beside the tests, which the test runner never starts', () => {
  const server = `import socket


def serve(port):
    s = socket.socket()
    s.bind(("127.0.0.1", port))
    s.listen()


def main():
    serve(8000)


def test_server():
    s = socket.socket()
    s.bind(("127.0.0.1", 5356))


if __name__ == "__main__":
    main()
    s = socket.socket()
    s.bind(("127.0.0.1", 5357))
    test_server()
`

  it('Python: the `__main__` block of a benchmark or a test module, and what only it calls', async () => {
    // encode/httpcore's tests/benchmark/server.py serves on a fixed port when run by hand;
    // scrapy's tests/mockserver/ftp.py does the same when a test starts it with `python -m`.
    const r = await scanFiles({
      'tests/benchmark/server.py': server,
      'tests/test_server.py': server,
      'tests/mockserver/ftp.py': server,
    })
    expect(
      r.findings.filter((f) => f.rule === 'PORT001').map((f) => `${f.path}:${f.line}`),
    ).toEqual([
      'tests/benchmark/server.py:16',
      'tests/mockserver/ftp.py:6',
      'tests/mockserver/ftp.py:11',
      'tests/mockserver/ftp.py:16',
      'tests/mockserver/ftp.py:22',
      'tests/test_server.py:16',
    ])
  })

  it('Java: a program with a main and no test among the examples, its servers in nested runnables', async () => {
    // zeromq/jeromq's src/test/java/guide/espresso.java, a zguide example no test runs; py4j's
    // src/test/java/py4j/EchoServer.java, whose main() its tests call.
    const java = `public class espresso
{
    private static class Publisher implements IAttachedRunnable
    {
        @Override
        public void run(Object[] args, ZContext ctx, Socket pipe)
        {
            Socket publisher = ctx.createSocket(SocketType.PUB);
            publisher.bind("tcp://*:6000");
        }
    }

    public static void main(String[] argv)
    {
        try (ZContext ctx = new ZContext()) {
            ZThread.fork(ctx, new Publisher());
        }
    }
}
`
    const r = await scanFiles({
      'jeromq-core/src/test/java/guide/espresso.java': java,
      'py4j-java/src/test/java/py4j/EchoServer.java': java,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 py4j-java/src/test/java/py4j/EchoServer.java:9',
    ])
  })
})

describe('census 41’s false findings', () => {
  it('Java: a connection made from a bound server’s address is no port, whatever the chain after it', async () => {
    // rsocket/rsocket-java's RSocketFactoryNettyTransportFragmentationTest: the server stays bound
    // until the connection's doFinally disposes of it.
    const java = `class FragmentationTest {
  @ParameterizedTest
  void fragments(ServerTransport<CloseableChannel> serverTransport) {
    CloseableChannel server = RSocketServer.create(acceptor()).bind(serverTransport).block();
    Mono<RSocket> rSocket =
        RSocketConnector.connectWith(TcpClientTransport.create(server.address()))
            .doFinally(s -> server.dispose());
    StepVerifier.create(rSocket).expectNextCount(1).verifyComplete();
  }
}
`
    expect(race(await scanFiles({ 'src/test/java/FragmentationTest.java': java }))).toEqual([])
  })
})

describe('census 41’s false findings: listeners that only pretend', () => {
  it('Go: a mock listener given an address stores it, a listener helper binds it', async () => {
    // mochi-mqtt/server's listeners_test.go: NewMockListener only keeps the address.
    const go = `package listeners

import "testing"

const testAddr = ":22222"

func TestAddListener(t *testing.T) {
	l := New()
	l.Add(NewMockListener("t1", testAddr))
	l.Add(NewTCPListener("t2", ":22223"))
}
`
    expect(hits(await scanFiles({ 'listeners/listeners_test.go': go }))).toEqual(['PORT001@10'])
  })
})

describe('census 41’s false findings: factories only asserted on, clients named for it', () => {
  it('Java: a transport created only to assert it exists, and a client transport’s port', async () => {
    // rsocket/rsocket-java's TcpServerTransportTest and WebsocketClientTransportTest.
    const java = `class TransportTest {
  @Test
  void createPort() {
    assertThat(TcpServerTransport.create("localhost", 8000)).isNotNull();
    assertThat(WebsocketClientTransport.create(8001)).isNotNull();
    WebsocketClientTransport.create(8002).connect().as(StepVerifier::create).verifyError();
    TcpServerTransport.create("localhost", 8003).start(acceptor).block();
    WebsocketServerTransport.create(8004).start(acceptor).block();
  }
}
`
    expect(hits(await scanFiles({ 'src/test/java/TransportTest.java': java }))).toEqual([
      'PORT001@7',
      'PORT001@8',
    ])
  })
})

describe('tests in a class the runner skips whole', () => {
  it('Python: @unittest.skip on a class; JUnit’s @Disabled on a test class, not on a base class', async () => {
    // tomerfiliba-org/rpyc's tests/test_gdb.py; spring-cloud-function's @Disabled
    // FunctionalExporterTests (census 35, judged false; skipped since census 57); rest-assured's
    // WithJetty is @Disabled, and its subclasses start Jetty on 8080 in the @BeforeAll they inherit.
    const py = `import unittest


@unittest.skip("This test is known to fail")
class Test_GDB(unittest.TestCase):
    def setUp(self):
        self.server = ThreadedServer(SlaveService, port=18878)


class Test_Other(unittest.TestCase):
    def setUp(self):
        self.server = ThreadedServer(SlaveService, port=18879)
`
    const java = `@Disabled
public class FunctionalExporterTests {
    @Test
    public void serves() {
        ServerSocket s = new ServerSocket(8081);
    }
}
`
    const base = `@Disabled
public class WithJetty {
    @BeforeAll
    public static void startJetty() {
        ServerSocket s = new ServerSocket(8080);
    }
}
`
    const kept = `public class OtherTests {
    @Test
    public void serves() {
        ServerSocket s = new ServerSocket(8082);
    }
}
`
    const r = await scanFiles({
      'tests/test_gdb.py': py,
      'src/test/java/FunctionalExporterTests.java': java,
      'src/test/java/OtherTests.java': kept,
      'src/test/java/WithJetty.java': base,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 src/test/java/OtherTests.java:4',
      'PORT001 src/test/java/WithJetty.java:5',
      'PORT001 tests/test_gdb.py:12',
    ])
  })
})

describe('guiding misses of the twenty-second round', () => {
  it('Python: a server task named and then slept on, in a fixture', async () => {
    // pymodbus-dev/pymodbus's test/conftest.py mock_server fixture.
    const py = `import asyncio
import pytest


@pytest.fixture(name="mock_server")
async def _run_server(mock_cls):
    run_args = setup_server(cmdline=mock_cls)
    task = asyncio.create_task(run_async_server(run_args))
    task.set_name("mock_server")
    await asyncio.sleep(0.1)
    yield mock_cls
`
    expect(hits(await scanFiles({ 'test/conftest.py': py }))).toEqual(['PORT007@8'])
  })

  it('Rust: a test-support module named test_*.rs is test code', async () => {
    // futuregene/future-os's cli/src/test_server.rs: spawn_mock serves in a task and sleeps.
    const rs = `pub async fn spawn_mock(agent: MockAgent) -> String {
    let addr: SocketAddr = "127.0.0.1:50051".parse().unwrap();
    tokio::spawn(Server::builder().add_service(AgentServer::new(agent)).serve(addr));
    // Give the listener a moment to come up before clients dial.
    tokio::time::sleep(Duration::from_millis(50)).await;
    format!("127.0.0.1:{}", addr.port())
}
`
    const r = await scanFiles({ 'cli/src/test_server.rs': rs, 'cli/src/server.rs': rs })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT007 cli/src/test_server.rs:3',
    ])
  })
})

describe('census 37 to 41’s false findings: a DNS client’s name server', () => {
  it('C#: a NameServer built on an address is where the client asks, not a server', async () => {
    // MichaCo/DnsClient.NET's LookupTest: queries answered by a mock, nothing listens on 8600.
    const cs = `public class LookupTest
{
    [Fact]
    public async Task ResolveService_WithCnameRef()
    {
        var ns = new NameServer(IPAddress.Loopback, 8600);
        var client = new LookupClient(ns);
        var mock = new Mock<IDnsQuery>();
        mock.Setup(p => p.QueryAsync(It.IsAny<string>()))
            .Returns(() => Task.FromResult(response.AsQueryResponse(ns, client.Settings)));
        var listener = new TcpListener(IPAddress.Loopback, 8601);
        listener.Start();
    }
}
`
    expect(hits(await scanFiles({ 'test/DnsClient.Tests/LookupTest.cs': cs }))).toEqual([
      'PORT001@11',
    ])
  })
})

describe('census 42’s false findings', () => {
  it('Go: a server binary asked for its version prints it and exits', async () => {
    // bradfitz/gomemcache's memcache_test.go checks the binary's TLS support this way.
    const go = `package memcache

import (
	"os/exec"
	"testing"
)

func TestTLS(t *testing.T) {
	out, err := exec.Command("memcached", "--enable-ssl", "--version").CombinedOutput()
	cmd := exec.Command("memcached", "--enable-ssl")
	cmd.Start()
}
`
    expect(hits(await scanFiles({ 'memcache/memcache_test.go': go }))).toEqual(['PORT001@10'])
  })
})

describe('census 42’s false findings: a comment that says nothing listens', () => {
  it('Python: a helper’s number drawn under “no server listening on it”', async () => {
    // ParallelSSH/parallel-ssh's test_sftp_exceptions.
    const py = `import socket


class ParallelSSHClientTest(unittest.TestCase):
    def make_random_port(self, host=None):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((host or '127.0.0.1', 0))
        listen_port = sock.getsockname()[1]
        sock.close()
        return listen_port

    def test_sftp_exceptions(self):
        # Port with no server listening on it on separate ip
        port = self.make_random_port(host=self.host)
        client = ParallelSSHClient([self.host], port=port, num_retries=1)

    def test_identical_host_output(self):
        port = self.make_random_port()
        client = ParallelSSHClient([self.host], port=port, num_retries=1)
`
    const r = await scanFiles({ 'ci/integration_tests/test_parallel_client.py': py })
    expect(race(r)).toEqual([
      [5, 10],
      [18, 18],
    ])
  })
})

describe('guiding misses of the twenty-second round: a helper that holds a port busy', () => {
  it('TypeScript: blockPort(3000) from the test utilities listens on 3000', async () => {
    // unjs/get-port-please's test/index.test.ts; the helper lives in ./utils.
    const ts = `import { blockPort } from './utils'

test('default port is in use', async () => {
  portBlocker = await blockPort(3000)
  const port = await getPort()
  expect(port).toEqual(3001)
})
`
    expect(hits(await scanFiles({ 'test/index.test.ts': ts }))).toEqual(['PORT001@4'])
  })
})
