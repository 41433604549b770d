// The thirtieth round's fixes (docs/scan.md, "Thirtieth round"), from labelled flags the scan
// missed and findings that reviewers judged false. Each sits beside the case that must not change.
import { describe, expect, it } from 'vitest'
import { linesOf, scanFiles } from './helpers.ts'

describe('a socket bound to port 0 only to learn an address', () => {
  it('Rust: rama’s route_source_address connects a UDP socket and returns local_addr()’s ip(), not a port', async () => {
    // plabayo/rama's rama-net/src/socket/interfaces/mod.rs.
    const rust = (read: string) => `use std::net::{IpAddr, SocketAddr, UdpSocket};

pub fn route_source(destination: SocketAddr) -> Option<${read === 'ip' ? 'IpAddr' : 'u16'}> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect(destination).ok()?;
    let found = socket.local_addr().ok()?.${read}();
    Some(found)
}

#[cfg(test)]
mod tests {
    #[test]
    fn routes() {
        let _ = super::route_source("127.0.0.1:9".parse().unwrap());
    }
}
`
    expect(await linesOf({ 'src/net.rs': rust('ip') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'src/net.rs': rust('port') }, 'PORT002')).toEqual([3, 14])
  })

  it('Python: getsockname()[0] is the host; [1] is the port', async () => {
    const py = (i: number) => `import socket


def local_part():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("", 0))
    s.connect(("10.255.255.255", 1))
    found = s.getsockname()[${i}]
    s.close()
    return found
`
    expect(await linesOf({ 'tests/util.py': py(0) }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'tests/util.py': py(1) }, 'PORT002')).toEqual([4])
  })
})

describe('a localhost URL that reads another server’s port', () => {
  it('TypeScript: got-scraping’s URL takes httpsServer’s port, not the 127.0.0.1 proxy’s', async () => {
    // apify/got-scraping's test/resolve-protocol-cache.test.ts.
    const ts = (reads: string) => `import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { test } from 'vitest';

test('caches the protocol', async () => {
    const httpsServer = https.createServer((req, res) => res.end('ok'));
    const proxy = http.createServer();
    await Promise.all([
        new Promise<void>((resolve) => httpsServer.listen(0, resolve)),
        new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve)),
    ]);
    const url = \`https://localhost:\${(${reads}.address() as AddressInfo).port}/\`;
    await fetch(url);
});
`
    const file = 'test/resolve.test.ts'
    expect(await linesOf({ [file]: ts('httpsServer') }, 'PORT005')).toEqual([])
    expect(await linesOf({ [file]: ts('proxy') }, 'PORT005')).toEqual([13])
  })

  it('TypeScript: the proxy’s net.connect(port, host ?? "127.0.0.1", cb) names its host; net.connect(port, cb) dials localhost', async () => {
    // apify/got-scraping's test/resolve-protocol-cache.test.ts, the proxy's CONNECT handler.
    const ts = (args: string) => `import http from 'node:http';
import net from 'node:net';
import { test } from 'vitest';

test('tunnels', async () => {
    const proxy = http.createServer();
    proxy.on('connect', (req, clientSocket) => {
        const [host, port] = (req.url ?? '').split(':');
        const upstream = net.connect(${args}, () => clientSocket.end());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});
`
    const file = 'test/tunnel.test.ts'
    expect(await linesOf({ [file]: ts("port, host ?? '127.0.0.1'") }, 'PORT005')).toEqual([])
    expect(await linesOf({ [file]: ts('port') }, 'PORT005')).toEqual([9])
  })
})

describe('a C++ server built with braces', () => {
  it('C++: clio’s fixture member TestWsServer server_{ctx, "0.0.0.0", 11114} and a local built the same way; port 0 is free', async () => {
    // XRPLF/clio's tests/unit/etl/ForwardingSourceTests.cpp (before PR #1439).
    const cpp = (port: string) => `#include <gtest/gtest.h>

struct ForwardingSourceTests : SyncAsioContextTest {
    TestWsServer server_{ctx, "0.0.0.0", ${port}};
};

TEST_F(ForwardingSourceTests, ConnectionFailed)
{
    TestWsServer other{ctx, "0.0.0.0", ${port === '0' ? port : '11115'}};
    int ports[]{1, 2};
}
`
    const file = 'tests/unit/etl/ForwardingSourceTests.cpp'
    expect(await linesOf({ [file]: cpp('11114') }, 'PORT001')).toEqual([4, 9])
    expect(await linesOf({ [file]: cpp('0') }, 'PORT001')).toEqual([])
  })
})

describe('a port inside a stand-in returned by a fake listen function', () => {
  it('Go: anacrolix/torrent’s mockListen returns mockSocket{addr: &net.TCPAddr{…, Port: 12345}}; a real socket’s is flagged', async () => {
    // anacrolix/torrent's socket_test.go.
    const go = (kind: string) => `package torrent

import (
	"net"
	"testing"
)

func TestListenAllRetry(t *testing.T) {
	listen := func(n network, addr string) (socket, error) {
		return ${kind}{addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 12345}}, nil
	}
	ss, err := listenAllRetry(nahs, 0, listen)
	_ = ss
	_ = err
}
`
    expect(await linesOf({ 'socket_test.go': go('mockSocket') }, 'PORT001')).toEqual([])
    // Once: the address and its Port field name one port.
    expect(await linesOf({ 'socket_test.go': go('tcpSocket') }, 'PORT001')).toEqual([10])
  })
})

describe('a C++ object that closes its socket as the function returns', () => {
  it('C++: clio’s generateFreePort returns acceptor.local_endpoint().port() from a stack acceptor; one kept by the caller is no race', async () => {
    // XRPLF/clio's tests/common/util/AssignRandomPort.cpp.
    const cpp = (declare: string, ret: string) => `#include <boost/asio.hpp>

using tcp = boost::asio::ip::tcp;

uint32_t
generateFreePort()
{
    boost::asio::io_context io_context;
    ${declare}
    tcp::endpoint const endpoint(tcp::v4(), 0);

    acceptor.open(endpoint.protocol());
    acceptor.bind(endpoint);

    ${ret}
}
`
    const file = 'tests/common/util/AssignRandomPort.cpp'
    const stack = 'tcp::acceptor acceptor(io_context);'
    const port = 'return acceptor.local_endpoint().port();'
    expect(await linesOf({ [file]: cpp(stack, port) }, 'PORT002')).toEqual([5])
    // A reference the caller holds stays open after the return.
    const held = 'tcp::acceptor& acceptor = shared();'
    expect(await linesOf({ [file]: cpp(held, port) }, 'PORT002')).toEqual([])
  })

  it('C++: an endpoint declared before the bind gives its port to the listener', async () => {
    const cpp = (port: string) => `#include <boost/asio.hpp>

TEST(Server, Accepts)
{
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(io);
    boost::asio::ip::tcp::endpoint ep(boost::asio::ip::tcp::v4(), ${port});
    acceptor.open(ep.protocol());
    acceptor.bind(ep);
    acceptor.listen();
}
`
    expect(await linesOf({ 'tests/server_test.cpp': cpp('18080') }, 'PORT001')).toEqual([9])
    expect(await linesOf({ 'tests/server_test.cpp': cpp('0') }, 'PORT001')).toEqual([])
  })
})

describe('a Go program kept among the tests', () => {
  it('Go: tile38’s tests/107/main.go serves on a fixed port from a helper main calls; beside a _test.go file it is test code', async () => {
    // tidwall/tile38's tests/107/main.go, an issue's reproduction run by hand.
    const main = `package main

import "net/http"

func main() {
	serve()
}

func serve() {
	http.ListenAndServe(":9851", nil)
}
`
    expect(await linesOf({ 'tests/107/main.go': main }, 'PORT001')).toEqual([])
    const test = 'package main\n\nimport "testing"\n\nfunc TestServe(t *testing.T) { go serve() }\n'
    expect(
      await linesOf({ 'tests/107/main.go': main, 'tests/107/main_test.go': test }, 'PORT001'),
    ).toEqual([10])
    // Bazel runs a directory's program as a test service (rules_itest's tests/go_service).
    const bazel = 'go_binary(name = "go_service", srcs = ["main.go"])\n'
    expect(
      await linesOf({ 'tests/107/main.go': main, 'tests/107/BUILD.bazel': bazel }, 'PORT001'),
    ).toEqual([10])
  })
})

describe('a Qt server on a fixed port', () => {
  it('C++: qcoro’s QTcpServer listens on QHostAddress::LocalHost, 45678; without a port Qt picks one', async () => {
    // qcoro/qcoro's tests/qcorotcpserver.cpp before d3a22ba.
    const cpp = (args: string) => `#include <QTcpServer>

class QCoroTcpServerTest : public QObject {
    Q_OBJECT
private:
    void testWaitForNewConnection() {
        QTcpServer server;
        QVERIFY(server.listen(${args}));
    }
};
`
    const file = 'tests/qcorotcpserver.cpp'
    expect(await linesOf({ [file]: cpp('QHostAddress::LocalHost, 45678') }, 'PORT001')).toEqual([8])
    expect(await linesOf({ [file]: cpp('QHostAddress::LocalHost') }, 'PORT001')).toEqual([])
  })
})

describe('a spawned server’s port from a destructured default', () => {
  it('JavaScript: tdoc’s resolveTarget({ port = 7991 } = {}) spawns the server with TDOC_PORT; the finding starts at the default', async () => {
    // tornado-doc/tdoc's test/helpers/fixture-server.js.
    const js = (param: string) => `const { spawn } = require('node:child_process');

async function resolveTarget(${param}) {
  const child = spawn('node', ['server/server.js'], {
    env: { ...process.env, TDOC_PORT: String(port) },
  });
  await waitForServer(port);
  return { url: \`http://127.0.0.1:\${port}/\`, stop: () => child.kill() };
}

module.exports = { resolveTarget };
`
    const file = 'test/helpers/fixture-server.js'
    expect(await linesOf({ [file]: js('{ port = 7991 } = {}') }, 'PORT001')).toEqual([3])
    expect(await linesOf({ [file]: js('{ port } = {}') }, 'PORT001')).toEqual([])
  })
})

describe('a helper handed a fixed port among other parameters', () => {
  it('C#: HttpSysServer’s CreateServer("http", "localhost", "8080", path) hands all four to UrlPrefix.Create; the port is the one named for it', async () => {
    // aspnet/HttpSysServer's test/Microsoft.Net.Server.FunctionalTests/Utilities.cs before 6fab49b.
    const cs = (port: string) => `namespace Microsoft.Net.Server
{
    internal static class Utilities
    {
        internal static WebListener CreateHttpServer()
        {
            return CreateServer("http", "localhost", ${port}, string.Empty);
        }

        internal static WebListener CreateServer(string scheme, string host, string port, string path)
        {
            WebListener listener = new WebListener();
            listener.UrlPrefixes.Add(UrlPrefix.Create(scheme, host, port, path));
            listener.Start();
            return listener;
        }
    }
}
`
    const file = 'test/Microsoft.Net.Server.FunctionalTests/Utilities.cs'
    expect(await linesOf({ [file]: cs('"8080"') }, 'PORT001')).toEqual([7, 13])
    expect(await linesOf({ [file]: cs('"0"') }, 'PORT001')).toEqual([])
  })
})

describe('an address looked up to bind on', () => {
  it('C: open5gs’s ogs_getaddrinfo(&addr, AF_UNSPEC, NULL, PORT, AI_PASSIVE) and getaddrinfo with hints.ai_flags = AI_PASSIVE; a client’s lookup is not', async () => {
    // open5gs/open5gs's tests/core/socket-test.c.
    const c = (flags: string) => `#include <netdb.h>

#define PORT 47777

static void test1_func(abts_case *tc, void *data)
{
    ogs_sockaddr_t *addr;
    int rv = ogs_getaddrinfo(&addr, AF_UNSPEC, NULL, PORT, ${flags});
    ogs_sock_t *udp = ogs_udp_server(addr, NULL);
}

static void test2_func(abts_case *tc, void *data)
{
    struct addrinfo hints = {0}, *res;
    hints.ai_flags = ${flags};
    getaddrinfo(NULL, "47778", &hints, &res);
}
`
    const file = 'tests/core/socket-test.c'
    expect(await linesOf({ [file]: c('AI_PASSIVE') }, 'PORT001')).toEqual([3, 8, 16])
    expect(await linesOf({ [file]: c('0') }, 'PORT001')).toEqual([])
  })
})

describe('a start, a fixed sleep and the request it races', () => {
  it('Go: dittofs’s go server.Start(ctx), a 100 ms sleep, then http.Get; the finding runs on to the request', async () => {
    // marmos91/dittofs's pkg/controlplane/api/server_test.go before #375.
    const go = `package api

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func TestAPIServer_Lifecycle(t *testing.T) {
	server, _ := NewServer(cfg)
	errChan := make(chan error, 1)
	go func() {
		errChan <- server.Start(context.Background())
	}()
	// Give server time to start
	time.Sleep(100 * time.Millisecond)
	resp, err := http.Get("http://localhost:18080/health")
	_, _ = resp, err
}
`
    const found = await scanFiles({ 'pkg/api/server_test.go': go })
    const race = found.findings.filter((f) => f.rule === 'PORT007')
    expect(race.map((f) => [f.line, f.endLine])).toEqual([[14, 18]])
  })
})

describe('a helper handed a number on a parameter not named for a port', () => {
  it('Java: s3proxy’s startProxy(1024) bounds request sizes of a proxy on port 0; startProxy(port) is handed a port', async () => {
    // gaul/s3proxy's src/test/java/org/gaul/s3proxy/TransferEncodingChunkedTest.java.
    const java = (param: string) => `package org.gaul.s3proxy;

import java.net.URI;
import org.junit.jupiter.api.Test;

public final class TransferEncodingChunkedTest {
    private S3Proxy s3Proxy;

    private void startProxy(long ${param}) throws Exception {
        s3Proxy = S3Proxy.builder().endpoint(URI.create("http://127.0.0.1:0")).build();
        s3Proxy.start();
    }

    @Test
    public void testChunkedUploadAboveTheLimit() throws Exception {
        startProxy(1024);
    }
}
`
    const file = 'src/test/java/org/gaul/s3proxy/TransferEncodingChunkedTest.java'
    expect(await linesOf({ [file]: java('maxRequestSize') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: java('port') }, 'PORT001')).toEqual([16])
  })
})

describe('a test runner given the port, and the getter that serves on it', () => {
  it('TypeScript: eventsource’s getServer(NODE_TEST_PORT) listens; registerTests({ port }) then runner.runTests() only requests', async () => {
    // EventSource/eventsource's test/node/client.node.test.ts.
    const ts = (start: string) => `import {getServer} from '../server.js'
import {registerTests} from '../tests.js'

const NODE_TEST_PORT = 3944

;(async function run() {
  ${start}
  const runner = registerTests({ environment: 'node', port: NODE_TEST_PORT })
  const result = await runner.runTests()
  process.exit(result.failures)
})()
`
    const file = 'test/node/client.node.test.ts'
    expect(
      await linesOf({ [file]: ts('const server = await getServer(NODE_TEST_PORT)') }, 'PORT001'),
    ).toEqual([4, 7])
    expect(await linesOf({ [file]: ts('const server = await getServer()') }, 'PORT001')).toEqual([])
  })
})

describe('the documentation’s own code', () => {
  it('Python: litestar’s tools/sphinx_ext/run_examples.py finds a port for the docs build; the same helper in tests/ is reported', async () => {
    const py = `import socket


def _get_available_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]
`
    expect(await linesOf({ 'tools/sphinx_ext/run_examples.py': py }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'docs/conf_helpers.py': py }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'tests/helpers.py': py }, 'PORT002')).toEqual([4])
  })
})

describe('a Rust test ignored with a comment beside the mark', () => {
  it('Rust: hyper-util’s #[ignore] // TODO test is skipped; with another attribute and comment it runs', async () => {
    // hyperium/hyper-util's src/client/legacy/connect/http.rs marks client_happy_eyeballs so.
    const rust = (mark: string) => `#[cfg(test)]
mod tests {
    #[test]
    ${mark}
    fn client_happy_eyeballs() {
        let server = std::net::TcpListener::bind("127.0.0.1:18080").unwrap();
        drop(server);
    }
}
`
    const file = 'src/client/legacy/connect/http.rs'
    expect(await linesOf({ [file]: rust('#[ignore] // TODO') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: rust('#[allow(unused)] // TODO') }, 'PORT001')).toEqual([6])
  })
})

describe('a Rust block that binds, yields the port and drops the listener', () => {
  it('Rust: cloud-sql-tracker’s let port = { let listener = TcpListener::bind(…0)…; listener.local_addr().unwrap().port() }; a listener kept outside the block is no race', async () => {
    // golgor/cloud-sql-tracker's src/port.rs (its issue #89).
    const rust = (body: string) => `#[cfg(test)]
mod tests {
    use std::net::TcpListener;

    #[test]
    fn observe_reports_closed_when_nothing_is_listening() {
        ${body}
        let observation = observe(localhost(), port);
        assert_eq!(observation.probe, PortProbe::Closed);
    }
}
`
    const file = 'src/port.rs'
    const block = `let port = {
            let listener = TcpListener::bind((localhost(), 0)).expect("bind");
            listener.local_addr().unwrap().port()
        };`
    const kept = `let listener = TcpListener::bind((localhost(), 0)).expect("bind");
        let port = listener.local_addr().unwrap().port();`
    expect(await linesOf({ [file]: rust(block) }, 'PORT002')).toEqual([8])
    expect(await linesOf({ [file]: rust(kept) }, 'PORT002')).toEqual([])
  })
})
