// The twenty-ninth round's fixes (docs/scan.md, "Twenty-ninth round"), from labelled flags the
// scan missed and findings that reviewers judged false. Each sits beside the case that must not
// change.
import { describe, expect, it } from 'vitest'
import { linesOf, scanFiles } from './helpers.ts'

describe('a helper that hands on a free-port library’s number', () => {
  it('Go: zot’s GetFreePort returns strconv.Itoa of freeport.GetFreePort(); its definition is flagged, not hidden by sharing the name', async () => {
    // project-zot/zot's pkg/test/common/utils.go.
    const go = (ret: string) => `package common

import (
	"strconv"

	"github.com/phayes/freeport"
)

func GetFreePort() string {
	port, err := freeport.GetFreePort()
	if err != nil {
		panic(err)
	}

	return ${ret}
}
`
    expect(await linesOf({ 'test/common/utils.go': go('strconv.Itoa(port)') }, 'PORT002')).toEqual([
      9,
    ])
    // A helper that does not hand the number on is no wrapper: the finding stays on the call.
    expect(await linesOf({ 'test/common/utils.go': go('"x"') }, 'PORT002')).toEqual([10])
  })
})

describe('a fixed port handed to a server by a variable named for it', () => {
  it('Go: dynamiclistener’s ListenAndServe(ctx, httpsPort, httpPort, …) with httpPort := 9012; port 0 is not fixed', async () => {
    // rancher/dynamiclistener's server/server_test.go.
    const go = (port: string) => `package server

import (
	"context"
	"testing"
)

func doRequest(t *testing.T) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	httpPort := ${port}
	httpsPort := 0
	return ListenAndServe(ctx, httpsPort, httpPort, nil, nil)
}
`
    expect(await linesOf({ 'server/server_test.go': go('9012') }, 'PORT001')).toEqual([11])
    expect(await linesOf({ 'server/server_test.go': go('0') }, 'PORT001')).toEqual([])
  })
})

describe('a port a helper reads from a setting with a default', () => {
  it('Java: undertow’s server binds getHostPort(DEFAULT), Integer.getInteger(name + ".server.port", 7777); a setting with no default is unknown', async () => {
    // undertow-io/undertow's core/src/test/java/io/undertow/testutils/DefaultServer.java.
    const java = (fallback: string) => `package io.undertow.testutils;

import java.net.InetSocketAddress;

public class DefaultServer {
    private static final String DEFAULT = "default";
    private static final int PROXY_OFFSET = 1111;

    static void start(XnioWorker worker) throws Exception {
        server = worker.createStreamConnectionServer(new InetSocketAddress("127.0.0.1", getHostPort(DEFAULT)), null, null);
        proxy = worker.createStreamConnectionServer(new InetSocketAddress("127.0.0.1", getProxyPort()), null, null);
    }

    public static int getHostPort(String serverName) {
        if (isApacheTest()) {
            return APACHE_PORT;
        }
        return Integer.getInteger(serverName + ".server.port"${fallback});
    }

    public static int getProxyPort() {
        return getHostPort(DEFAULT) + PROXY_OFFSET;
    }
}
`
    const file = 'core/src/test/java/io/undertow/testutils/DefaultServer.java'
    const { findings } = await scanFiles({ [file]: java(', 7777') })
    expect(
      findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => [f.line, f.message.match(/port \d+/)?.[0]]),
    ).toEqual([
      [10, 'port 7777'],
      [11, 'port 8888'],
    ])
    // Without a default the setting says nothing: the server on it is not flagged.
    expect(await linesOf({ [file]: java('') }, 'PORT001')).not.toContain(10)
  })
})

describe('a server process given its port in a template, then a fixed wait', () => {
  it('JavaScript: fdk’s spawn(path, args) with `--config-port=${…}` in args, resolved after setTimeout(() => resolve(…), 2000); a program given no port is no server', async () => {
    // serverless/fdk's tests/event-gateway/processes.js.
    const js = (flag: string) => `const { spawn } = require('child_process')
module.exports = {
  spawn: (ports) =>
    new Promise((resolve) => {
      const args = ['--dev', ${flag}]
      processStore[processId] = spawn(eventGatewayPath, args, { stdio: 'inherit' })
      setTimeout(() => resolve({ configPort: ports.configPort }), 2000)
    }),
}
`
    const file = 'tests/event-gateway/processes.js'
    expect(await linesOf({ [file]: js('`--config-port=${ports.configPort}`') }, 'PORT007')).toEqual(
      [6],
    )
    expect(await linesOf({ [file]: js("'--verbose'") }, 'PORT007')).toEqual([])
  })
})

describe('a project’s own server on a fixed address', () => {
  it('Go: chart-verifier’s testutil.ServeCharts(ctx, addr, dir) on addr := "127.0.0.1:9876", in a goroutine before the client; port 0 is not fixed', async () => {
    // redhat-certification/chart-verifier's pkg/chartverifier/checks/charttesting_test.go.
    const go = (addr: string) => `package checks

import (
	"context"
	"net/http"
	"testing"
)

func TestServe(t *testing.T) {
	addr := "${addr}"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go testutil.ServeCharts(ctx, addr, "./")
	http.Get("http://" + addr + "/chart.tgz")
}
`
    const file = 'pkg/checks/serve_test.go'
    const { findings } = await scanFiles({ [file]: go('127.0.0.1:9876') })
    expect(findings.map((f) => `${f.rule}@${f.line}`).sort()).toEqual(['PORT001@10', 'PORT007@13'])
    expect(await linesOf({ [file]: go('127.0.0.1:0') }, 'PORT001')).toEqual([])
  })

  it('Python: cockpit’s MockServer(ADDRESS, MockGitHubHandler, data) on ADDRESS = ("127.0.0.1", 9999); a server given no handler is not socketserver’s shape', async () => {
    // cockpit-project/bots's test/test_job.py, before db80c40.
    const py = (handler: string) => `from lib.test_mock_server import MockHandler, MockServer

ADDRESS = ("127.0.0.1", 9999)


def test_job():
    server = MockServer(ADDRESS, ${handler}, {})
    server.start()
`
    // Reported at ADDRESS too since the thirty-second round (bots-03 is labelled there).
    expect(await linesOf({ 'test/test_job.py': py('MockGitHubHandler') }, 'PORT001')).toEqual([
      3, 7,
    ])
    expect(await linesOf({ 'test/test_job.py': py('"data"') }, 'PORT001')).toEqual([])
  })
})

describe('census 63', () => {
  it('Python: mcrouter’s MockServer.run binds port 0, hands the number out and serves until stopped, closing after its accept loop; closed before serving, it is a race', async () => {
    // facebook/mcrouter's mcrouter/test/mock_servers.py.
    const py = (loop: string) => `import socket
import threading


class MockServer(threading.Thread):
    def run(self):
        self.listen_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listen_socket.bind(("", 0))
        self.listen_socket.listen(5)
        self.port = self.listen_socket.getsockname()[1]
        self.port_event.set()
${loop}
        self.listen_socket.close()
`
    const serves = `        while not self.is_stopped():
            client, address = self.listen_socket.accept()
            client.close()`
    const file = 'mcrouter/test/mock_servers.py'
    expect(await linesOf({ [file]: py(serves) }, 'PORT002')).toEqual([])
    expect(await linesOf({ [file]: py('        self.wait()') }, 'PORT002')).not.toEqual([])
  })

  it('Java: paho’s proxy binds its saved port again on each turn of the loop that accepts, after closing it: still a race', async () => {
    // eclipse/paho.mqtt.java's ConnectionManipulationProxyServer.java, reduced.
    const java = `package org.eclipse.paho.client.mqttv3.test.utilities;

import java.net.ServerSocket;
import java.net.Socket;

public class ConnectionManipulationProxyServer implements Runnable {
    public void run() {
        while (running) {
            while (enabled) {
                if (serverSocket == null || serverSocket.isClosed()) {
                    serverSocket = new ServerSocket(localPort);
                    localPort = serverSocket.getLocalPort();
                }
                Socket client = serverSocket.accept();
                client.close();
            }
            serverSocket.close();
        }
    }
}
`
    const file = 'src/test/java/org/eclipse/paho/ConnectionManipulationProxyServer.java'
    expect(await linesOf({ [file]: java }, 'PORT002')).not.toEqual([])
  })

  it('Go: req’s internal/testdata is left out of every package; the same test elsewhere runs', async () => {
    // imroc/req's internal/testdata/cert_test.go.
    const go = `package testdata

import (
	"net/http"
	"testing"
)

func TestCert(t *testing.T) {
	http.ListenAndServeTLS("localhost:4433", "cert.pem", "key.pem", nil)
}
`
    expect(await linesOf({ 'internal/testdata/cert_test.go': go }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'internal/tests/cert_test.go': go }, 'PORT001')).toEqual([9])
  })

  it('Go: hysteria’s echo server is a literal built on a listener opened first, so its goroutine only accepts; built on an address, it binds late', async () => {
    // apernet/hysteria's core/internal/integration_tests/stress_test.go.
    const go = (built: string) => `package integration_tests

import (
	"net"
	"testing"
)

func TestStress(t *testing.T) {
	echoListener, _ := net.Listen("tcp", "127.0.0.1:0")
	echoServer := ${built}
	defer echoServer.Close()
	go echoServer.Serve()
	net.Dial("tcp", echoListener.Addr().String())
}
`
    const file = 'stress_test.go'
    expect(
      await linesOf({ [file]: go('&tcpEchoServer{Listener: echoListener}') }, 'PORT007'),
    ).toEqual([])
    expect(await linesOf({ [file]: go('&tcpEchoServer{Addr: "127.0.0.1:0"}') }, 'PORT007')).toEqual(
      [12],
    )
  })
})

describe('programs kept to be run by hand', () => {
  it('JavaScript: srvx’s test/bench-node/srvx.mjs is a benchmark target with no test in it; a file with a test there runs, and so do examples', async () => {
    // h3js/srvx's test/bench-node/srvx.mjs.
    const js = (test: string) => `import { createServer } from 'node:http'
${test}
createServer(() => {}).listen(3000)
`
    expect(await linesOf({ 'test/bench-node/srvx.mjs': js('') }, 'PORT001')).toEqual([])
    expect(
      await linesOf({ 'test/bench-node/srvx.mjs': js("test('serves', () => {})") }, 'PORT001'),
    ).toEqual([3])
    // A script's examples are as often the project's own end-to-end suite (nightwatch's).
    expect(await linesOf({ 'examples/test-app/globals.js': js('') }, 'PORT001')).toEqual([3])
  })
})

describe('a loop counter is no constant', () => {
  it('Java: micrometer’s findAvailableUdpPort tries port = 1024, 1025, … binding and closing each, so it is a free-port probe, not fixed port 1024', async () => {
    // micrometer-metrics/micrometer's GraphiteMeterRegistryTest.java.
    const java = (update: string) => `package io.micrometer.graphite;

import java.net.DatagramSocket;

class GraphiteMeterRegistryTest {
    private static final int PORT = findAvailableUdpPort();

    private static int findAvailableUdpPort() {
        for (int port = 1024; port <= 65535; ${update}) {
            try {
                DatagramSocket socket = new DatagramSocket(port);
                socket.close();
                return port;
            }
            catch (Exception ignored) {
            }
        }
        throw new RuntimeException("no available UDP port");
    }
}
`
    const file = 'src/test/java/io/micrometer/graphite/GraphiteMeterRegistryTest.java'
    const { findings } = await scanFiles({ [file]: java('port++') })
    expect(findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['PORT002@6', 'PORT002@8'])
    // A loop that never moves on binds 1024 every time.
    expect(await linesOf({ [file]: java('') }, 'PORT001')).not.toEqual([])
  })
})

describe('gRPC servers on a fixed port, in every language that builds one', () => {
  const cases: [string, string, (port: string) => string, number][] = [
    [
      'Python: server.add_insecure_port("[::]:50051")',
      'tests/test_grpc.py',
      (port) => `import grpc
from concurrent import futures


def test_serves():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=1))
    server.add_insecure_port("[::]:${port}")
    server.start()
`,
      7,
    ],
    [
      'C++: builder.AddListeningPort("0.0.0.0:50051", …)',
      'tests/grpc_test.cpp',
      (port) => `#include <grpcpp/grpcpp.h>

TEST(Grpc, Serves) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("0.0.0.0:${port}", grpc::InsecureServerCredentials());
    auto server = builder.BuildAndStart();
}
`,
      5,
    ],
    [
      'C#: new ServerPort("localhost", 50051, ServerCredentials.Insecure)',
      'tests/GrpcTests.cs',
      (port) => `using Grpc.Core;

public class GrpcTests
{
    [Fact]
    public void Serves()
    {
        var server = new Server { Ports = { new ServerPort("localhost", ${port}, ServerCredentials.Insecure) } };
        server.Start();
    }
}
`,
      8,
    ],
    [
      'JavaScript: server.bindAsync("0.0.0.0:50051", …)',
      'test/grpc.test.js',
      (port) => `const grpc = require('@grpc/grpc-js')

it('serves', (done) => {
  const server = new grpc.Server()
  server.bindAsync('0.0.0.0:${port}', grpc.ServerCredentials.createInsecure(), () => done())
})
`,
      5,
    ],
    [
      'Java: ServerBuilder.forPort(50051)…start()',
      'src/test/java/GrpcTest.java',
      (port) => `import io.grpc.Server;
import io.grpc.ServerBuilder;

class GrpcTest {
    @Test
    void serves() throws Exception {
        Server server = ServerBuilder.forPort(${port}).addService(new Greeter()).build().start();
    }
}
`,
      7,
    ],
  ]
  for (const [name, file, code, line] of cases) {
    it(`${name} is a fixed port; port 0 is not`, async () => {
      expect(await linesOf({ [file]: code('50051') }, 'PORT001')).toEqual([line])
      expect(await linesOf({ [file]: code('0') }, 'PORT001')).toEqual([])
    })
  }
})

describe('Boost.Asio’s reuse option', () => {
  it('C++: corosio’s acc.set_option(socket_option::reuse_address(true)) sets SO_REUSEADDR; reuse_address(false) does not', async () => {
    // cppalliance/corosio's test/unit/tcp_acceptor.cpp, before 0b5dde4.
    const cpp = (on: string) => `#include <boost/corosio.hpp>

void testRestart() {
    tcp_acceptor acc(ioc);
    acc.set_option(socket_option::reuse_address(${on}));
    acc.listen(endpoint(ipv4_address::loopback(), 8080));
}
`
    expect(await linesOf({ 'test/unit/tcp_acceptor.cpp': cpp('true') }, 'PORT003')).toEqual([5])
    expect(await linesOf({ 'test/unit/tcp_acceptor.cpp': cpp('false') }, 'PORT003')).toEqual([])
  })

  it('C++: glaze’s acceptor sets it on an endpoint built on port 0, which has no fixed port to share', async () => {
    // stephenberry/glaze's tests/networking_tests/http_chunked_test/http_chunked_test.cpp.
    const cpp = (port: string) => `void serves() {
    asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), ${port});
    acceptor->open(ep.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->bind(ep);
}
`
    const file = 'tests/http_chunked_test.cpp'
    expect(await linesOf({ [file]: cpp('0') }, 'PORT003')).toEqual([])
    expect(await linesOf({ [file]: cpp('19100') }, 'PORT003')).toEqual([4])
  })
})

describe('census 64: Rust that opens no socket', () => {
  it('Rust: rama-js’s class.bind(42) binds a value, webrtc’s network.bind(a) a mock network; UdpSocket::bind(a) binds the address’s port', async () => {
    // plabayo/rama's rama-js/tests/runtime.rs; webrtc-rs/webrtc's src/runtime/mock.rs.
    const rust = (bind: string) => `#[test]
fn binds() {
    let network = Arc::new(MockUDPNetwork::new());
    let a: SocketAddr = "127.0.0.1:4000".parse().unwrap();
    let s = ${bind};
}
`
    const file = 'tests/runtime.rs'
    expect(await linesOf({ [file]: rust('class.bind(42)') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: rust('network.bind(a)') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: rust('std::net::UdpSocket::bind(a)') }, 'PORT001')).toEqual([4])
  })

  it('Rust: rama-ttrpc serves over tokio::io::duplex, with no port to wait for; over TCP the sleep guesses', async () => {
    // plabayo/rama's rama-ttrpc/tests/duplex_roundtrip.rs.
    const rust = (io: string) => `#[tokio::test]
async fn roundtrip() {
    let (client_io, server_io) = ${io};
    tokio::spawn(async move { server.serve(server_io).await });
    tokio::time::sleep(Duration::from_millis(50)).await;
    client.call().await;
}
`
    const file = 'tests/duplex_roundtrip.rs'
    expect(await linesOf({ [file]: rust('tokio::io::duplex(1024)') }, 'PORT007')).toEqual([])
    expect(await linesOf({ [file]: rust('connect_pair().await') }, 'PORT007')).toEqual([4])
  })

  it('Rust: rama-dns’s FakeResolved::spawn(&path) is the type’s own task, no process; Command::new(…).spawn() is one', async () => {
    // plabayo/rama's rama-dns/src/client/systemd_resolved.rs.
    const rust = (start: string) => `#[tokio::test]
async fn resolves() {
    let server = ${start};
    tokio::time::sleep(Duration::from_millis(50)).await;
}
`
    const file = 'tests/resolved.rs'
    expect(await linesOf({ [file]: rust('FakeResolved::spawn(&path)') }, 'PORT007')).toEqual([])
    expect(
      await linesOf(
        { [file]: rust('Command::new("srv").arg("--port").arg("7000").spawn()') },
        'PORT007',
      ),
    ).toEqual([3])
  })
})

describe('a Rust test that waits for the port before its sleep', () => {
  it('Rust: vector awaits wait_for_tcp(in_addr) after spawning the server; russh polls TcpStream::connect; with neither the sleep guesses', async () => {
    // vectordotdev/vector's src/sources/apache_metrics/mod.rs; Eugeny/russh's tests/test_backpressure.rs.
    const rust = (wait: string) => `#[tokio::test]
async fn scrapes() {
    let in_addr = next_addr();
    tokio::spawn(async move {
        Server::bind(&in_addr).serve(make_svc).await
    });
    ${wait}
    tokio::time::sleep(Duration::from_secs(1)).await;
    scrape(in_addr).await;
}
`
    const file = 'tests/apache_metrics.rs'
    expect(await linesOf({ [file]: rust('wait_for_tcp(in_addr).await;') }, 'PORT007')).toEqual([])
    expect(
      await linesOf(
        {
          [file]: rust(
            'while TcpStream::connect(in_addr).await.is_err() { tokio::time::sleep(Duration::from_millis(10)).await; }',
          ),
        },
        'PORT007',
      ),
    ).toEqual([])
    expect(await linesOf({ [file]: rust('') }, 'PORT007')).toEqual([4])
  })
})

describe('a unittests directory holds tests', () => {
  it('C++: Catena’s unittests/cpp/gRPC/GRPCTest.h listens on a member’s fixed address; the same header among sources is not test code', async () => {
    // rossvideo/Catena's unittests/cpp/gRPC/GRPCTest.h, before #1415.
    const cpp = `#include <grpcpp/grpcpp.h>

class GRPCTest : public ::testing::Test {
  protected:
    void SetUp() override {
        builder_.AddListeningPort(serverAddr_, grpc::InsecureServerCredentials());
        server_ = builder_.BuildAndStart();
    }
    std::string serverAddr_ = "0.0.0.0:50051";
    grpc::ServerBuilder builder_;
};
`
    expect(await linesOf({ 'unittests/cpp/gRPC/GRPCTest.h': cpp }, 'PORT001')).toContain(6)
    expect(await linesOf({ 'src/cpp/gRPC/GRPCTest.h': cpp }, 'PORT001')).toEqual([])
  })
})
