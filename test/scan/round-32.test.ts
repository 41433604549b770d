// The thirty-second round's fixes (docs/scan.md, "Thirty-second round"), from labelled flags the
// scan missed and findings that reviewers judged false. Each sits beside the case that must not
// change.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a port defined once per branch of a preprocessor conditional', () => {
  const c = (second: string) => `#include <sys/socket.h>
#include <netinet/in.h>
#ifdef USE_HOST_LIBC
#define TEST_PORT 31337
#else
#define TEST_PORT ${second}
#endif

int main(void) {
	struct sockaddr_in addr;
	addr.sin_family = AF_INET;
	addr.sin_port = htons(TEST_PORT);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	bind(fd, (struct sockaddr *)&addr, sizeof(addr));
	listen(fd, 5);
	return 0;
}
`

  it('C: mlibc’s accept4 test binds TEST_PORT, 31337 or 42069, either way a fixed port', async () => {
    // managarm/mlibc's tests/posix/accept4.c (mlibc-01).
    expect(await linesOf({ 'tests/posix/accept4.c': c('42069') }, 'PORT001')).toEqual([4, 12])
  })

  it('C: not where one branch asks for port 0', async () => {
    expect(await linesOf({ 'tests/posix/accept4.c': c('0') }, 'PORT001')).toEqual([])
  })
})

describe('C# servers built on an address and a port', () => {
  it('a listener provider built on IPAddress.Any and a literal port, then started', async () => {
    // TrakHound/MTConnect.NET's SystemTcpListenerProviderTests.cs (mtconnect-01).
    const cs = `using System.Net;
using Xunit;

public class SystemTcpListenerProviderTests
{
    [Fact]
    public void Accepts()
    {
        var uut = new SystemTcpListenerProvider(IPAddress.Any, 5534);
        uut.Start();
    }
}
`
    expect(await linesOf({ 'tests/ProviderTests.cs': cs }, 'PORT001')).toEqual([9])
  })

  it('a server built on constants and only disposed is still reported once the test connects to it', async () => {
    // okinta/iqfeed-keep-alive's tests/UnitTest1.cs (iqfeed-keep-alive-02).
    const cs = (then: string) => `using System.Net;
using System.Net.Sockets;
using Xunit;

public class UnitTest1
{
    private const int Port = 9000;
    private const string Host = "127.0.0.1";

    [Fact]
    public async Task TestConnect()
    {
        using var server = new SocketServer(Host, Port);
        ${then}
    }
}
`
    const dials = `var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(Host, Port);`
    expect(await linesOf({ 'tests/UnitTest1.cs': cs(dials) }, 'PORT001')).toEqual([7, 13])
    // SuperSimpleTcp's constructor tests (census 52): built and disposed, nothing dials it.
    const asserts = 'Assert.Equal(Port, server.Port);'
    expect(await linesOf({ 'tests/UnitTest1.cs': cs(asserts) }, 'PORT001')).toEqual([])
  })
})

describe('C++ server sockets constructed on their port', () => {
  it('ibrdtn’s new ibrcommon::tcpserversocket(1234), not a small number', async () => {
    // ibrdtn/ibrdtn's ibrcommon/tests/net/TestStreamConnection.cpp (ibrdtn-02).
    const cpp = (port: number) => `#include "TestStreamConnection.h"

void TestStreamConnection::connectionUpDown()
{
	testserver srv(new ibrcommon::tcpserversocket(${port}));
	srv.start();
}
`
    expect(await linesOf({ 'tests/net/TestStreamConnection.cpp': cpp(1234) }, 'PORT001')).toEqual([
      5,
    ])
    expect(await linesOf({ 'tests/net/TestStreamConnection.cpp': cpp(16) }, 'PORT001')).toEqual([])
  })
})

describe('a port constant of a JavaScript suite’s body handed to a spawned server', () => {
  const ts = (port: string) => `import { spawn } from 'child_process';

describe('Server Scenarios', () => {
  const TEST_PORT = ${port};
  const SERVER_URL = \`http://localhost:\${TEST_PORT}/mcp\`;

  beforeAll(async () => {
    const serverPath = 'examples/servers/typescript/everything-server.ts';
    serverProcess = spawn('npx', ['tsx', serverPath], {
      env: { ...process.env, PORT: TEST_PORT.toString() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });
});
`

  it('TEST_PORT.toString() in the environment, reported at the spawn and at the constant', async () => {
    // modelcontextprotocol/conformance's src/scenarios/server/all-scenarios.test.ts (conformance-01).
    expect(await linesOf({ 'src/all-scenarios.test.ts': ts('3001') }, 'PORT001')).toEqual([4, 9])
  })

  it('not a port the OS picks', async () => {
    expect(await linesOf({ 'src/all-scenarios.test.ts': ts('0') }, 'PORT001')).toEqual([])
  })
})

describe('an address tuple kept in a constant', () => {
  it('Python: ADDRESS = ("127.0.0.1", 9999) given to a mock server is reported where it is defined', async () => {
    // cockpit-project/bots's test/test_job.py before db80c40 (bots-03).
    const py = (address: string) => `from lib.test_mock_server import MockHandler, MockServer

ADDRESS = ${address}


def test_job():
    server = MockServer(ADDRESS, MockHandler, {})
    server.start()
`
    expect(await linesOf({ 'test/test_job.py': py('("127.0.0.1", 9999)') }, 'PORT001')).toEqual([
      3, 7,
    ])
    expect(await linesOf({ 'test/test_job.py': py('("127.0.0.1", 0)') }, 'PORT001')).toEqual([])
  })
})

describe('a JVM test server’s factory handed its port', () => {
  it('PublicTestHttpServer.instance(8091), not a server found by its number', async () => {
    // apereo/java-cas-client's CasLoginModuleTests.java (java-cas-client-03).
    const java = (call: string) => `package org.apereo.cas.client.jaas;

public class CasLoginModuleTests {

    private static final PublicTestHttpServer server = ${call};

    @Test
    public void login() throws Exception {
        server.content = "yes".getBytes();
    }
}
`
    const path = 'src/test/java/CasLoginModuleTests.java'
    expect(
      await linesOf({ [path]: java('PublicTestHttpServer.instance(8091)') }, 'PORT001'),
    ).toEqual([5])
    expect(await linesOf({ [path]: java('PublicTestHttpServer.instance(0)') }, 'PORT001')).toEqual(
      [],
    )
  })
})

describe('an availability probe whose caller keeps the number it asked about', () => {
  it('JavaScript: portFree(candidate) then testPort = candidate', async () => {
    // actualbudget/actual-sync's healthCheck.test.js (actual-sync-02).
    const js = (then: string) => `const net = require('net');

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('health check', () => {
  let testPort;
  beforeEach(async () => {
    for (let i = 0; i < 900; i++) {
      const candidate = 4000 + i;
      ${then}
    }
  });
});
`
    const keeps = 'if (await portFree(candidate)) { testPort = candidate; break; }'
    expect(await linesOf({ 'test/healthCheck.test.js': js(keeps) }, 'PORT002')).toEqual([3])
    // A test that asserts a port was released asks without picking it.
    const asserts = 'expect(await portFree(candidate)).toBe(true);'
    expect(await linesOf({ 'test/healthCheck.test.js': js(asserts) }, 'PORT002')).toEqual([])
  })
})

describe('a Python server process started by a method that only starts it', () => {
  it('bots’s MockServer.start(): Process(target=self.run), where run builds HTTPServer[T](…)', async () => {
    // cockpit-project/bots's lib/test_mock_server.py before a1f707c (bots-01).
    const py = (then: string) => `import multiprocessing
from http.server import HTTPServer


class MockServer:
    def __init__(self, address, handler, data):
        self.address = address
        self.handler = handler

    def run(self) -> None:
        srv = HTTPServer[T](self.address, self.handler)
        srv.serve_forever()

    def start(self) -> None:
        self.process = multiprocessing.Process(target=self.run)
        self.process.start()
${then}
`
    expect(await linesOf({ 'test/mock_server.py': py('') }, 'PORT007')).toEqual([15])
    // One that waits for the port before it returns is fine.
    const waits = '        wait_for_port(self.address)\n'
    expect(await linesOf({ 'test/mock_server.py': py(waits) }, 'PORT007')).toEqual([])
  })
})

describe('options whose port never reaches the listener', () => {
  it('JavaScript: a default port kept beside the key and certificate of a server that listens on 0', async () => {
    // artilleryio/artillery's packages/artillery/test/core/targets/ws_tls.js (census 70).
    const js = (listen: string) => `const https = require('node:https');

const createTestServer = (port = 9443) => {
  const options = { port, key: readKey(), cert: readCert() };
  const app = https.createServer({ key: options.key, cert: options.cert }, handle);
  return new Promise((resolve) => {
    ${listen}
  });
};

module.exports = { createTestServer };
`
    const zero = 'app.listen(0, () => resolve({ server: app, port: app.address().port }));'
    expect(await linesOf({ 'test/targets/ws_tls.js': js(zero) }, 'PORT001')).toEqual([])
    const given = 'app.listen(options.port, () => resolve({ server: app }));'
    expect(await linesOf({ 'test/targets/ws_tls.js': js(given) }, 'PORT001')).toEqual([3])
  })
})

describe('calls that only look like starting a server', () => {
  it('Java: a span started at a timestamp on a chain that names SERVER', async () => {
    // openzipkin/brave's brave/src/test/java/brave/TracerTest.java (census 70).
    const java = `package brave;

class TracerTest {
  @Test void join_sharedDataIsSeparate() {
    Span serverSide = tracer.joinSpan(clientSide.context()).kind(SERVER).start(2L);
    MockWebServer server = new MockWebServer();
    server.start(8080);
  }
}
`
    expect(await linesOf({ 'src/test/java/brave/TracerTest.java': java }, 'PORT001')).toEqual([7])
  })
})

describe('ports that a program is given on its command line', () => {
  it('C: a server whose port is argv[1] is its caller’s choice, not a free-port probe', async () => {
    // krb5/krb5's src/appl/user_user/server.c (census 70).
    const c = (port: string) => `#include <sys/socket.h>

int main(int argc, char *argv[])
{
    struct sockaddr_in l_inaddr;
    int sock = socket(PF_INET, SOCK_STREAM, 0);
    l_inaddr.sin_family = AF_INET;
    l_inaddr.sin_port = ${port};
    bind(sock, (struct sockaddr *)&l_inaddr, sizeof(l_inaddr));
    getsockname(sock, (struct sockaddr *)&l_inaddr, &len);
    close(sock);
    printf("%d\\n", ntohs(l_inaddr.sin_port));
    return 0;
}
`
    expect(await linesOf({ 'src/appl/server.c': c('htons(atoi(argv[1]))') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'src/appl/server.c': c('htons(0)') }, 'PORT002')).toEqual([8])
  })

  it('Python: unused_tcp_port handed to a client program only, beside the server it races', async () => {
    // rsocket/rsocket-py's examples/test_examples.py (census 70).
    const py = `import subprocess

import pytest


@pytest.mark.parametrize('server_cli, client_cli', (
    (
        lambda unused_tcp_port: subprocess.Popen(['python3', './server.py', str(unused_tcp_port)]),
        lambda unused_tcp_port: subprocess.Popen(['python3', './client.py', str(unused_tcp_port)])
    ),
))
def test_example(server_cli, client_cli, unused_tcp_port):
    server_cli(unused_tcp_port)
    client_cli(unused_tcp_port)
`
    expect(await linesOf({ 'examples/test_examples.py': py }, 'PORT002')).toEqual([8, 12])
  })
})

describe('a JVM thread class of the file started before its run() binds', () => {
  const java = (startOwn: string) => `package org.jasig.cas.client;

public final class PublicTestHttpServer extends Thread {
    private final int port;
    private ServerSocket server;

    private PublicTestHttpServer(int port) {
        this.port = port;
    }

    public static synchronized PublicTestHttpServer instance(final int port) {
        final PublicTestHttpServer server = new PublicTestHttpServer(port);
        server.start();
        serverMap.put(port, server);
        return server;
    }
${startOwn}
    public void run() {
        this.server = new ServerSocket(this.port);
        while (true) {
            handle(server.accept());
        }
    }
}
`
  const path = 'src/test/java/org/jasig/cas/client/PublicTestHttpServer.java'

  it('java-cas-client’s PublicTestHttpServer: instance() returns right after start()', async () => {
    // apereo/java-cas-client's PublicTestHttpServer.java (java-cas-client-01).
    expect(await linesOf({ [path]: java('') }, 'PORT007')).toEqual([13])
  })

  it('not a class with a start() of its own', async () => {
    const own = '    public void start() { run(); }\n'
    expect(await linesOf({ [path]: java(own) }, 'PORT007')).toEqual([])
  })
})

describe('a C# listener started by a method its constructor runs on the thread pool', () => {
  it('iqfeed’s SocketServer: Task.Run(Run), where Run starts the TcpListener the constructor made', async () => {
    // okinta/iqfeed-keep-alive's tests/SocketServer.cs (iqfeed-keep-alive-01).
    const cs = (run: string) => `using System.Net;
using System.Net.Sockets;

namespace tests
{
    internal class SocketServer : IDisposable
    {
        private Task Task { get; }
        private TcpListener Listener { get; }

        public SocketServer(string host, int port)
        {
            Listener = new TcpListener(IPAddress.Parse(host), port);
            ${run}
        }

        private async Task Run()
        {
            Listener.Start();
            while (true)
                Clients.Add(await Listener.AcceptTcpClientAsync());
        }
    }
}
`
    expect(
      await linesOf({ 'tests/SocketServer.cs': cs('Task = Task.Run(Run);') }, 'PORT007'),
    ).toEqual([14])
    // Started before the task runs, it listens when the constructor returns.
    const first = 'Listener.Start(); Task = Task.Run(Accept);'
    expect(await linesOf({ 'tests/SocketServer.cs': cs(first) }, 'PORT007')).toEqual([])
  })
})

describe('a C++ fixture’s mock service built in place on a written address', () => {
  it('clio’s GrpcSourceTests() : WithMockXrpLedgerAPIService("localhost:55051")', async () => {
    // XRPLF/clio's tests/unit/etl/GrpcSourceTests.cpp (clio-03).
    const cpp = (address: string) => `#include "util/MockXrpLedgerAPIService.hpp"

struct GrpcSourceTests : NoLoggerFixture, tests::util::WithMockXrpLedgerAPIService {
    GrpcSourceTests()
        : WithMockXrpLedgerAPIService("${address}")
        , grpcSource_("127.0.0.1", "55051", mockBackend_)
    {
    }

    GrpcSource grpcSource_;
};
`
    const path = 'tests/unit/etl/GrpcSourceTests.cpp'
    expect(await linesOf({ [path]: cpp('localhost:55051') }, 'PORT001')).toEqual([5])
    expect(await linesOf({ [path]: cpp('localhost:0') }, 'PORT001')).toEqual([])
  })
})

describe('a bind to an address no CI host has', () => {
  it('C++: swoole’s bind_fail test binds 192.111.11.1 and expects EADDRNOTAVAIL; loopback and private addresses are still reported', async () => {
    // swoole/swoole-src's core-tests/src/coroutine/socket.cpp (census 70).
    const cpp = (host: string) => `#include "test_coroutine.h"

TEST(coroutine_socket, bind) {
    coroutine::run([](void *arg) {
        Socket sock(SW_SOCK_TCP);
        bool retval = sock.bind("${host}", 9909);
        ASSERT_EQ(retval, false);
    });
}
`
    const path = 'core-tests/src/coroutine/socket.cpp'
    expect(await linesOf({ [path]: cpp('192.111.11.1') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: cpp('127.0.0.1') }, 'PORT001')).toEqual([6])
    expect(await linesOf({ [path]: cpp('172.17.0.1') }, 'PORT001')).toEqual([6])
  })
})

describe('a Python process started and then only slept on', () => {
  const py = (wait: string) => `import subprocess
import time

import pytest


def spawn_process(command):
    process = subprocess.Popen(command)
    return process


@pytest.fixture(scope="session")
def session():
    process = spawn_process(["python3", "./base_routes.py"])
    ${wait}
    yield
    process.kill()
`

  it('Robyn’s session fixture: spawn_process(command), then time.sleep(1)', async () => {
    // sparckles/Robyn's integration_tests/conftest.py (Robyn-01).
    expect(
      await linesOf({ 'integration_tests/conftest.py': py('time.sleep(1)') }, 'PORT007'),
    ).toEqual([14])
  })

  it('not one that waits for the port', async () => {
    const polls = 'wait_for_port(8080)'
    expect(await linesOf({ 'integration_tests/conftest.py': py(polls) }, 'PORT007')).toEqual([])
  })
})

describe('a C# server kept in a field and started by another method', () => {
  const cs = (test: string) => `using NUnit.Framework;

public class WebSocketServerTests
{
    private WebSocketServer _server;

    [SetUp]
    public void Setup()
    {
        _server = new WebSocketServer("ws://0.0.0.0:8000");
    }

${test}
}
`
  const path = 'src/Fleck.Tests/WebSocketServerTests.cs'

  it('is reported when a test starts it', async () => {
    const starts = `    [Test]
    public void ShouldStart()
    {
        _server.Start(connection => { });
    }`
    expect(await linesOf({ [path]: cs(starts) }, 'PORT001')).toEqual([10])
  })

  it('not when only a skipped test starts it, or one that puts a server of its own there first', async () => {
    // statianzo/Fleck's src/Fleck.Tests/WebSocketServerTests.cs.
    const skipped = `    [Test]
    [Ignore("Fails for an unknown release")]
    public void ShouldStart()
    {
        _server.Start(connection => { });
    }`
    expect(await linesOf({ [path]: cs(skipped) }, 'PORT001')).toEqual([])
    const replaced = `    [Test]
    public void ShouldListenOnV6()
    {
        _server = new WebSocketServer("ws://[::]:0");
        _server.Start(connection => { });
    }`
    expect(await linesOf({ [path]: cs(replaced) }, 'PORT001')).toEqual([])
  })

  it('a local variable declared empty and then given the listener is no field', async () => {
    // open-telemetry/opentelemetry-dotnet's TcpPortProvider.GetOpenPort (oteldotnet-02).
    const provider = `using System.Net;
using System.Net.Sockets;

internal static class TcpPortProvider
{
    public static int GetOpenPort()
    {
        TcpListener? tcpListener = null;
        try
        {
            tcpListener = new TcpListener(IPAddress.Loopback, 0);
            tcpListener.Start();
            var port = ((IPEndPoint)tcpListener.LocalEndpoint).Port;
            return port;
        }
        finally
        {
            tcpListener?.Stop();
        }
    }
}
`
    expect(await linesOf({ 'test/Helpers/TcpPortProvider.cs': provider }, 'PORT002')).toEqual([6])
  })
})

describe('a port constant each test class of a Python file defines', () => {
  it('pshs’s PORT = 9090 and PORT = 9091 in two classes: the server started on cls.PORT is on a fixed port', async () => {
    // keijack/python-simple-http-server's tests/test_all_ctrls.py (pshs-02).
    const py = `import unittest

from simple_http_server import server


class ThreadingServerTest(unittest.TestCase):
    PORT = 9090

    @classmethod
    def start_server(cls):
        server.start(port=cls.PORT)


class CoroutineServerTest(ThreadingServerTest):
    PORT = 9091
`
    expect(await linesOf({ 'tests/test_all_ctrls.py': py }, 'PORT001')).toEqual([11])
  })
})

describe('a Go server struct that is only a field of a value the test never starts', () => {
  it('mockoidc’s MockOIDC{Server: &http.Server{Addr: "127.0.0.1:8080"}} read by a handler', async () => {
    // oauth2-proxy/mockoidc's handlers_test.go (mockoidc-05, clean).
    const go = (then: string) => `package mockoidc_test

func TestMockOIDC_Discovery(t *testing.T) {
	m := &mockoidc.MockOIDC{
		Server: &http.Server{
			Addr: "127.0.0.1:8080",
		},
	}
	recorder := httptest.NewRecorder()
	${then}
	assert.Equal(t, m.Issuer(), "http://127.0.0.1:8080/oidc")
}
`
    const path = 'handlers_test.go'
    expect(
      await linesOf({ [path]: go('m.Discovery(recorder, &http.Request{})') }, 'PORT001'),
    ).toEqual([])
    expect(await linesOf({ [path]: go('go m.Start()') }, 'PORT001')).toEqual([4])
  })
})

describe('the forty-ninth batch’s misses', () => {
  it('Go: a helper that splits the port off its listener’s address and closes it on return', async () => {
    // oauth2-proxy/mockoidc's mockoidc.go `availablePort()` (mockoidc-01).
    const go = (then: string) => `package mockoidc

import "net"

func availablePort() (string, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	${then}

	addr := listener.Addr().String()
	_, port, err := net.SplitHostPort(addr)
	return port, err
}
`
    expect(await linesOf({ 'mockoidc.go': go('defer listener.Close()') }, 'PORT002')).toEqual([5])
    // Kept open, the number is still the listener's.
    expect(await linesOf({ 'mockoidc.go': go('keep(listener)') }, 'PORT002')).toEqual([])
  })

  it('C++: a server’s listen(port, host, family) with the port first', async () => {
    // wdwarf/libff's test/TcpConnection_test.cpp (libff-03).
    const cpp = (port: number) => `TEST(TcpConnectionTest, SpeedTest) {
  auto svr = TcpServer::CreateInstance();
  EXPECT_TRUE(svr->listen(${port}, "127.0.0.1", AF_INET)) << "server listen failed.";
}
`
    const path = 'test/TcpConnection_test.cpp'
    expect(await linesOf({ [path]: cpp(5678) }, 'PORT001')).toEqual([3])
    expect(await linesOf({ [path]: cpp(0) }, 'PORT001')).toEqual([])
  })

  it('C#: an expression-bodied port property handed to a start, not to a client’s', async () => {
    // corvus-dotnet/Corvus.Testing's AzureFunctionFixture.cs (corvus-01).
    const cs = (start: string) => `public class AzureFunctionFixture : IAsyncLifetime
{
    public static int Port => 7076;

    public async Task InitializeAsync()
    {
        await this.function.${start}("DemoFunction.InProcess", Port, "net6.0");
    }
}
`
    const path = 'Demo.Tests/AzureFunctionFixture.cs'
    expect(await linesOf({ [path]: cs('StartFunctionsInstance') }, 'PORT001')).toEqual([3, 7])
    expect(await linesOf({ [path]: cs('StartClient') }, 'PORT001')).toEqual([])
  })
})

describe('census 71’s false findings', () => {
  it('Python: a context manager that yields the port inside the with that holds its socket', async () => {
    // Aiven-Open/karapace's tests/integration/utils/network.py `allocate_port` (census 71).
    const py = (body: string) => `import socket
from contextlib import closing, contextmanager


@contextmanager
def allocate_port():
${body}
`
    const held = `    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]`
    expect(await linesOf({ 'tests/utils/network.py': py(held) }, 'PORT002')).toEqual([])
    // Yielded after the with block, the socket is closed already.
    const closed = `    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    yield port`
    expect(await linesOf({ 'tests/utils/network.py': py(closed) }, 'PORT002')).toEqual([6])
  })

  it('Rust: a runtime’s spawn of a future is no server process', async () => {
    // ntex-rs/ntex-mqtt's src/io.rs tests (census 71): an in-memory Io pair, no socket.
    const rs = `#[cfg(test)]
mod tests {
    #[ntex::test]
    async fn test_disconnect_ordering() {
        let run_server = async || -> Io {
            let (client, server) = Io::create();
            let (disp, _) = Dispatcher::new_debug(
                nio::Io::new(server, SharedCfg::new("DBG")),
                BytesCodec,
                fn_service(async move |msg: Bytes| Ok::<_, ()>(Some(msg))),
            );
            ntex_util::spawn(async move {
                let _ = disp.await;
            });
            sleep(Millis(50)).await;
            client
        };
        let client = run_server.clone()().await;
        client.write("test");
        sleep(Millis(50)).await;
        client.write("test");
    }
}
`
    expect(await linesOf({ 'src/io.rs': rs }, 'PORT007')).toEqual([])
  })

  it('Java: a server’s port setter read back, or set to a privileged port, is a setter’s test', async () => {
    // jpos/jPOS's jpos/src/test/java/org/jpos/q2/iso/QServerTest.java (census 71).
    const java = (port: number, then: string) => `package org.jpos.q2.iso;

public class QServerTest {
    @Test
    public void testSetPort() throws Throwable {
        QServer qServer = new QServer();
        qServer.setPort(${port});
        ${then}
    }

    @Test
    public void testStart() throws Throwable {
        new Q2().start();
    }
}
`
    const path = 'jpos/src/test/java/org/jpos/q2/iso/QServerTest.java'
    const readBack = 'assertEquals(9000, qServer.getPort());'
    expect(await linesOf({ [path]: java(9000, readBack) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: java(100, 'qServer.startService();') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: java(9000, 'qServer.startService();') }, 'PORT001')).toEqual([7])
  })
})

describe('the fiftieth batch’s misses', () => {
  it('C: a helper’s static counter stepped where it is returned', async () => {
    // EvanKuhn/webserver's tests/test_sockets.h (webserver-01).
    const c = (step: string) => `#ifndef TEST_SOCKETS_H
#define TEST_SOCKETS_H

int get_next_port() {
  static int port = 8000;
  return ${step};
}

#endif
`
    expect(await linesOf({ 'tests/test_sockets.h': c('++port') }, 'PORT001')).toEqual([5])
    expect(await linesOf({ 'tests/test_sockets.h': c('port') }, 'PORT001')).toEqual([])
  })
})

describe('census 72’s false findings', () => {
  it('Rust: a localhost URL handed to a handshake over a stream already connected to 127.0.0.1', async () => {
    // sdroege/async-tungstenite's tests/communication.rs (census 72).
    const rs = (client: string) => `#[async_std::test]
async fn communication() {
    let server = TcpListener::bind("127.0.0.1:12345").await.unwrap();
    task::spawn(serve(server));
    let tcp = TcpStream::connect("127.0.0.1:12345").await.expect("Failed to connect");
    let url = "ws://localhost:12345/";
    ${client}
}
`
    const path = 'tests/communication.rs'
    const handshake = 'let (mut stream, _) = client_async(url, tcp).await.unwrap();'
    expect(await linesOf({ [path]: rs(handshake) }, 'PORT005')).toEqual([])
    const dials = 'let (mut stream, _) = connect_async(url).await.unwrap();'
    expect(await linesOf({ [path]: rs(dials) }, 'PORT005')).toEqual([6])
  })

  it('Go: listeners of an in-memory transport bind nothing', async () => {
    // micro/go-micro's transport/memory_test.go (census 72).
    const go = (make: string) => `package transport

func TestMemoryTransport(t *testing.T) {
	tr := ${make}
	l, err := tr.Listen("127.0.0.1:8080")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
}
`
    const path = 'transport/memory_test.go'
    expect(await linesOf({ [path]: go('NewMemoryTransport()') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: go('NewHTTPTransport()') }, 'PORT001')).toEqual([5])
  })

  it('C#: a project named for its benchmarks is run by hand', async () => {
    // questdb/net-questdb-client's src/net-questdb-client-benchmarks/ (census 72).
    const cs = `using System.Net;
using System.Net.Sockets;

public class BenchLatencyWs
{
    private static int FindFreeTcpPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
`
    expect(
      await linesOf({ 'src/net-questdb-client-benchmarks/BenchLatencyWs.cs': cs }, 'PORT002'),
    ).toEqual([])
    expect(await linesOf({ 'src/net-questdb-client-tests/Manager.cs': cs }, 'PORT002')).toEqual([6])
  })
})

describe('a server in a forked child, and a parent that only sleeps before it connects', () => {
  it('C: webserver’s fork() with bind/listen in the child and usleep then connect in the parent', async () => {
    // EvanKuhn/webserver's tests/test_sockets.h (webserver-03).
    const c = (parent: string) => `static void client_socket_connect_test(void) {
  const int port = 0;
  ClientSocket s;
  pid_t pid = fork();
  if (pid == 0) {
    ServerSocket server;
    server_socket_bind(&server, port);
    server_socket_listen(&server, 5);
    sleep(2);
    exit(0);
  } else {
${parent}
  }
}
`
    const path = 'tests/test_sockets.h'
    const sleeps = '    usleep(100 * 1000);\n    client_socket_connect(&s, LOCALHOST, port);'
    expect(await linesOf({ [path]: c(sleeps) }, 'PORT007')).toEqual([12])
    const polls =
      '    while (!client_socket_connect(&s, LOCALHOST, port)) {\n      usleep(1000);\n    }'
    expect(await linesOf({ [path]: c(polls) }, 'PORT007')).toEqual([])
  })
})

describe('census 73’s false findings', () => {
  it('Java: a statement a session executes is no task on another thread', async () => {
    // apache/cassandra-java-driver's osgi-tests MailboxServiceImpl (census 73).
    const java = (task: string) => `package com.datastax.oss.driver.internal.osgi.service;

public class MailboxServiceImpl {
  public void clearMailbox(String recipient, int port) throws Exception {
    ${task}
    session.execute(statement);
  }
}
`
    const path = 'osgi-tests/src/main/java/MailboxServiceImpl.java'
    const statement = 'BoundStatement statement = deleteStatement.bind(recipient);'
    expect(await linesOf({ [path]: java(statement) }, 'PORT007')).toEqual([])
    // A server handed to an executor is its code (jPOS's `ISOServer`, census 71).
    const server = 'ISOServer statement = new ISOServer(port, channel, null);'
    expect(await linesOf({ [path]: java(server) }, 'PORT007')).toEqual([5])
  })
})
