// Census 52's false findings (docs/scan.md, "Twenty-sixth round"), each beside the true finding
// that the same code would make if it did bind.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a port beside a host other than this machine is that host’s', () => {
  it('Go: pion’s ICE candidates and TURN URL bind nothing; a server’s options on 127.0.0.1 do', async () => {
    // pion/ice's agent_test.go and transport_test.go.
    const go = `package ice

func TestRelayCandidate(t *testing.T) {
	agent, err := NewAgent(&AgentConfig{
		Urls: []*stun.URI{{Scheme: stun.SchemeTypeTURN, Host: "turn.example.com", Port: 3478}},
	})
	require.NoError(t, err)
	cand, err := NewCandidateRelay(&CandidateRelayConfig{
		Network: "udp",
		Address: "198.51.100.3",
		Port:    5001,
		RelAddr: "192.0.2.11",
		RelPort: 4001,
	})
	require.NoError(t, err)
	require.NoError(t, agent.loop.Run(agent.loop, func(_ context.Context) {
		agent.addRemoteCandidate(cand)
	}))
}

func TestServer(t *testing.T) {
	cfg := &ServerConfig{Host: "127.0.0.1", Port: 5002}
	srv := NewServer(cfg)
	srv.Start()
}
`
    expect(await linesOf({ 'agent_test.go': go }, 'PORT001')).toEqual([22])
  })
})

describe('a .NET server built and only disposed of binds nothing', () => {
  const cs = (body: string) => `namespace SuperSimpleTcp.UnitTest
{
    [TestClass]
    public class ServerConstructorTest
    {
        [TestMethod]
        public void Ctor_ListenerIpPort_Valid()
        {
${body}
        }
    }
}
`
  it('C#: SuperSimpleTcp’s constructor tests; one started listens', async () => {
    // jchristn/SuperSimpleTcp's src/SuperSimpleTcp.UnitTest/ServerConstructorTest.cs.
    const built = `            using var server = new SimpleTcpServer("127.0.0.1", 10003);
            Assert.IsFalse(server.IsListening);`
    const started = `            using var server = new SimpleTcpServer("127.0.0.1", 10003);
            server.Start();`
    const thrown = `            Assert.ThrowsExactly<ArgumentNullException>(() =>
                new SimpleTcpServer("127.0.0.1", 10004, (byte[])null!));`
    const file = 'src/SuperSimpleTcp.UnitTest/ServerConstructorTest.cs'
    expect(await linesOf({ [file]: cs(built) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: cs(started) }, 'PORT001')).toEqual([9])
    expect(await linesOf({ [file]: cs(thrown) }, 'PORT001')).toEqual([])
  })
})

describe('a port-0 listener the code keeps serving on is not released', () => {
  it('C#: DnsClientX’s server stops its listener after accepting; one stopped before is a race', async () => {
    // EvotecIT/DnsClientX's DnsClientX.Tests/IncrementalZoneTransferTests.cs.
    const cs = (serve: string) => `namespace DnsClientX.Tests {
    public class IncrementalZoneTransferTests {
        private static TransferServer RunServer(CancellationToken token) {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            async Task Serve() {
                try {
${serve}
                } finally {
                    listener.Stop();
                }
            }
            _ = Serve();
            return new TransferServer(((IPEndPoint)listener.LocalEndpoint).Port);
        }
    }
}
`
    const file = 'DnsClientX.Tests/IncrementalZoneTransferTests.cs'
    const accepts = `                    using TcpClient client = await listener.AcceptTcpClientAsync();
                    await client.GetStream().WriteAsync(new byte[2], 0, 2, token);`
    const waits = `                    await Task.Delay(10, token);`
    expect(await linesOf({ [file]: cs(accepts) }, 'PORT002')).toEqual([])
    expect(await linesOf({ [file]: cs(waits) }, 'PORT002')).toEqual([3])
  })

  it('Go: pion’s listeners kept open for a test in a loop, their ports noted in a slice it declares', async () => {
    // pion/ice's gather_test.go.
    const go = (declared: string) => `package ice

${declared ? '' : 'var expectedPorts []int\n'}
func TestMultiTCPMuxUsage(t *testing.T) {
${declared}
	for range 3 {
		listener, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IP{127, 0, 0, 1}, Port: 0})
		require.NoError(t, err)
		defer func() {
			_ = listener.Close()
		}()
		expectedPorts = append(expectedPorts, portFromAddr(t, listener.Addr()))
		useListener(listener)
	}
	checkPorts(t, expectedPorts)
}
`
    expect(await linesOf({ 'gather_test.go': go('\tvar expectedPorts []int') }, 'PORT002')).toEqual(
      [],
    )
    // Kept in a variable of the package, the number outlives the test and its listener.
    expect(await linesOf({ 'gather_test.go': go('') }, 'PORT002')).toHaveLength(1)
  })
})

describe('names and marks that say nothing listens', () => {
  it('C#: DnsClientX’s CreateTargetEndPoint builds a destination; a start of a server listens', async () => {
    // EvotecIT/DnsClientX's DnsClientX.Tests/DnsMulticastCorrelationTests.cs.
    const cs = (call: string) => `namespace DnsClientX.Tests {
    public class DnsMulticastCorrelationTests {
        [Fact]
        public void ScopesIpv6TargetToSelectedInterface() {
            var target = ${call}(IPAddress.Parse("ff02::fb"), 5353, 17);
            Assert.Equal(5353, target.Port);
        }
    }
}
`
    const file = 'DnsClientX.Tests/DnsMulticastCorrelationTests.cs'
    expect(
      await linesOf({ [file]: cs('DnsWireResolveMulticast.CreateTargetEndPoint') }, 'PORT001'),
    ).toEqual([])
    expect(await linesOf({ [file]: cs('TestServers.StartServerEndPoint') }, 'PORT001')).toEqual([5])
  })

  it('C#: a helper only a skipped test calls does not run', async () => {
    // EvotecIT/DnsClientX's DnsClientX.Tests/DnsWireResolveMulticastTests.cs.
    const cs = (fact: string) => `namespace DnsClientX.Tests {
    public class DnsWireResolveMulticastTests {
        private static async Task<byte[]> RunMulticastServerAsync(CancellationToken token) {
            using var server = new UdpClient(AddressFamily.InterNetwork);
            server.Client.Bind(new IPEndPoint(IPAddress.Any, 5353));
            UdpReceiveResult result = await server.ReceiveAsync();
            return result.Buffer;
        }

        ${fact}
        public async Task ResolveWireFormatMulticast_ShouldReturnResponse() {
            var serverTask = RunMulticastServerAsync(CancellationToken.None);
            await serverTask;
        }
    }
}
`
    const file = 'DnsClientX.Tests/DnsWireResolveMulticastTests.cs'
    const skipped = '[Fact(Skip="Multicast networking not available in test environment")]'
    expect(await linesOf({ [file]: cs(skipped) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: cs('[Fact]') }, 'PORT001')).toEqual([5])
  })
})

describe('a port handed to a free-port helper is a candidate it tries', () => {
  it('Java: mina-ftpserver’s findFreePort(12321) falls back when 12321 is taken; a server helper listens', async () => {
    // apache/mina-ftpserver's core/src/test/java/org/apache/ftpserver/test/TestUtil.java.
    const java = (name: string) => `package org.apache.ftpserver.test;

public class TestUtil {
    private static final int DEFAULT_PORT = 12321;

    public static int findFreePort() throws IOException {
        return ${name}(DEFAULT_PORT);
    }

    public static int ${name}(int initPort) throws IOException {
        ServerSocket tmpSocket = null;
        try {
            tmpSocket = new ServerSocket(initPort);
            return initPort;
        } catch (IOException e) {
            tmpSocket = new ServerSocket(0);
            return tmpSocket.getLocalPort();
        } finally {
            if (tmpSocket != null) tmpSocket.close();
        }
    }
}
`
    const file = 'core/src/test/java/org/apache/ftpserver/test/TestUtil.java'
    expect(await linesOf({ [file]: java('findFreePort') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: java('startServer') }, 'PORT001')).not.toEqual([])
  })
})

describe('what the census 52 changes keep', () => {
  it('JavaScript: restify listens next to a port the OS handed out, PORT + 1; port 0 is its own', async () => {
    // restify/node-restify's test/server.test.js (census 25 judged these true).
    const js = (port: string) => `var PORT = 0
var SERVER

before(function (cb) {
  SERVER = restify.createServer()
  SERVER.listen(PORT, '127.0.0.1', function () {
    PORT = SERVER.address().port
    cb()
  })
})

test('strict next', function (t) {
  var server = restify.createServer()
  var port
  server.listen(${port}, '127.0.0.1', function () {
    port = server.address().port
    server.close(function () {
      t.end()
    })
  })
})
`
    expect(await linesOf({ 'test/server.test.js': js('PORT + 1') }, 'PORT002')).toEqual([15])
    expect(await linesOf({ 'test/server.test.js': js('0') }, 'PORT002')).toEqual([])
  })

  it('Rust: a helper only #[ignore] tests call still counts: CI runs them with --ignored', async () => {
    // ephpm's MySQL proxy tests (ephpm-01: the project fixed this race).
    const rs = `async fn start_proxy(backend_url: &str) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let listen_addr = listener.local_addr().unwrap().to_string();
    drop(listener);
    let proxy = MySqlProxy::new(backend_url, &listen_addr).await;
    listen_addr
}

#[tokio::test]
#[ignore = "requires MYSQL_SHA2_TEST_URL"]
async fn full_auth() {
    let addr = start_proxy("mysql://localhost").await;
}
`
    expect(await linesOf({ 'tests/mysql_auth.rs': rs }, 'PORT002')).toHaveLength(1)
  })

  it('Python: a port used after the close of the same function still races, accept or not', async () => {
    // repowise's TIME_WAIT regression test asks whether the closed port is free.
    const py = `import socket


def test_is_port_free_ignores_time_wait():
    lis = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lis.bind(("127.0.0.1", 0))
    port = lis.getsockname()[1]
    lis.listen(1)
    cli = socket.create_connection(("127.0.0.1", port))
    conn, _ = lis.accept()
    lis.close()
    assert serve_cmd._is_port_free("127.0.0.1", port) is True
`
    expect(await linesOf({ 'tests/test_serve.py': py }, 'PORT002')).toHaveLength(1)
  })
})
