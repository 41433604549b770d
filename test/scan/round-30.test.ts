// The thirtieth round's fixes (docs/scan.md, "Thirtieth round"), from labelled flags the scan
// missed and findings that reviewers judged false. Each sits beside the case that must not change.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

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
