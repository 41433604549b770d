// The twenty-eighth round's fixes (docs/scan.md, "Twenty-eighth round"), from findings that
// reviewers judged false in earlier censuses and that the scan still made. Each sits beside the
// true finding that the same code makes once the reason is gone.
import { describe, expect, it } from 'vitest'
import { linesOf, scanFiles } from './helpers.ts'

describe('a released port the test means to be refused', () => {
  it('Go: pion/dtls’s “Server is not listening.” above the dial says so; without it the number is a race', async () => {
    // pion/dtls's errors_errno_test.go.
    const go = (comment: string) => `package dtls

import (
	"net"
	"testing"
)

func TestErrorsTemporary(t *testing.T) {
	addrListen, _ := net.ResolveUDPAddr("udp", "localhost:0")
	listener, _ := net.ListenUDP("udp", addrListen)
	raddr := listener.LocalAddr().(*net.UDPAddr)
	listener.Close()

	${comment}
	conn, _ := net.DialUDP("udp", nil, raddr)
	conn.Close()
}
`
    const said = '// Server is not listening.'
    expect(await linesOf({ 'errors_errno_test.go': go(said) }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'errors_errno_test.go': go('// Dial it.') }, 'PORT002')).toEqual([10])
  })

  it('Go: go-mysql’s TestPool_WrongAddr is named for a wrong address; a test named otherwise races', async () => {
    // go-mysql-org/go-mysql's client/pool_test.go.
    const go = (name: string) => `package client

import (
	"net"
	"testing"
)

func ${name}(t *testing.T) {
	l, _ := net.Listen("tcp4", "127.0.0.1:0")
	laddr := l.Addr().(*net.TCPAddr)
	_ = l.Close()
	_, err := NewPool(laddr.String())
	if err == nil {
		t.Fatal("expected an error")
	}
}
`
    expect(await linesOf({ 'pool_test.go': go('TestPool_WrongAddr') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'pool_test.go': go('TestPool_Addr') }, 'PORT002')).toEqual([9])
  })

  it('Go: tchannel-go’s GetClosedHostPort is named for a closed port; GetHostPort hands out a race', async () => {
    // uber/tchannel-go's testutils/conn.go.
    const go = (name: string) => `package testutils

import (
	"net"
	"testing"
)

func ${name}(t testing.TB) string {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hostPort := listener.Addr().String()
	listener.Close()
	return hostPort
}
`
    expect(await linesOf({ 'testutils/conn.go': go('GetClosedHostPort') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'testutils/conn.go': go('GetHostPort') }, 'PORT002')).toEqual([8])
  })
})

describe('SO_REUSEADDR on a socket that only connects', () => {
  it('Python: daphne’s raw client sets the option and connects; a socket that binds a fixed port is flagged', async () => {
    // django/daphne's tests/http_base.py.
    const py = (use: string) => `import socket

def test_raw_request():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ${use}
    s.send(b"GET / HTTP/1.1")
`
    const connects = 's.connect(("127.0.0.1", 8000))'
    const binds = 's.bind(("127.0.0.1", 8000))'
    expect(await linesOf({ 'tests/test_http.py': py(connects) }, 'PORT003')).toEqual([])
    expect(await linesOf({ 'tests/test_http.py': py(binds) }, 'PORT003')).toEqual([5])
  })

  it('Java: grizzly’s newSocket sets setReuseAddress(true) before connect; one that binds is flagged', async () => {
    // eclipse-ee4j/grizzly's modules/comet/src/test/java/.../CometUnitTests.java.
    const java = (use: string) => `import java.net.Socket;
import java.net.InetSocketAddress;
import org.junit.Test;

public class CometUnitTests {
    @Test
    public void testSockets() throws Exception {
        Socket socket = new Socket();
        socket.setReuseAddress(true);
        socket.setSoTimeout(1000);
        ${use}
    }
}
`
    const connects = 'socket.connect(new InetSocketAddress("localhost", 8080));'
    const binds = 'socket.bind(new InetSocketAddress("localhost", 8080));'
    expect(
      await linesOf({ 'src/test/java/CometUnitTests.java': java(connects) }, 'PORT003'),
    ).toEqual([])
    expect(await linesOf({ 'src/test/java/CometUnitTests.java': java(binds) }, 'PORT003')).toEqual([
      9,
    ])
  })
})

describe('a port beside a host that is not this machine', () => {
  it('C++: boost.redis sets cfg.addr.host = "occase.de" beside the port, a client’s settings; a local host is a server’s', async () => {
    // boostorg/redis's test/test_run.cpp.
    const cpp = (host: string) => `#include <boost/redis/connection.hpp>

void test_resolve_with_timeout()
{
   net::io_context ioc;
   connection conn{ioc};
   auto cfg = make_test_config();
   cfg.addr.host = "${host}";
   cfg.addr.port = "6379";
   conn.async_run(cfg, {}, net::detached);
   ioc.run_for(test_timeout);
}
`
    expect(await linesOf({ 'test/test_run.cpp': cpp('occase.de') }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'test/test_run.cpp': cpp('0.0.0.0') }, 'PORT001')).toEqual([9])
  })

  it('Go: pion/dtls’s net.UDPAddr{IP: net.IPv4(192, 0, 2, 1), Port: 5000} is a documentation address; 127.0.0.1 is this machine', async () => {
    // pion/dtls's internal/rrc/rrc_test.go.
    const go = (ip: string) => `package rrc

import (
	"net"
	"testing"
)

func TestPathValidation(t *testing.T) {
	manager := &Manager{}
	active := &net.UDPAddr{IP: net.IPv4(${ip}), Port: 5000}
	manager.Start(true, active)
}
`
    expect(await linesOf({ 'rrc/rrc_test.go': go('192, 0, 2, 1') }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'rrc/rrc_test.go': go('127, 0, 0, 1') }, 'PORT001')).toEqual([10])
  })
})

describe('numbers that are no port', () => {
  it('Java: leshan’s serverID = 12345 is an LwM2M short server id; a port variable is a port', async () => {
    // eclipse-leshan/leshan's LeshanTestClientBuilder.java.
    const java = (name: string) => `import org.junit.jupiter.api.Test;

class ClientTest {
    @Test
    void connects() {
        int ${name} = 12345;
        initializer.setInstancesForObject(SERVER, new Server(${name}, lifetime));
    }
}
`
    const path = 'src/test/java/ClientTest.java'
    expect(await linesOf({ [path]: java('serverID') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: java('serverPort') }, 'PORT001')).toEqual([6])
  })

  it('Go: asynq’s RedisClientOpt{Addr: ":9876"} is where a client goes; a server’s options are bound', async () => {
    // hibiken/asynq's scheduler_test.go.
    const go = (owner: string) => `package asynq

import "testing"

func TestSchedulerWhenRedisDown(t *testing.T) {
	scheduler := NewScheduler(${owner}{Addr: ":9876"}, nil)
	if err := scheduler.Start(); err != nil {
		t.Fatal(err)
	}
	scheduler.Shutdown()
}
`
    expect(await linesOf({ 'scheduler_test.go': go('RedisClientOpt') }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'scheduler_test.go': go('ServerOpt') }, 'PORT001')).toEqual([6])
  })

  it('TypeScript: httpxy’s setupOutgoing(outgoing, { target: { port: 8080 } }) names where requests go; a port of its own is listened on', async () => {
    // unjs/httpxy's test/_utils.test.ts.
    const ts = (options: string) => `import { it } from "vitest";

it("brackets IPv6 hostnames", () => {
  const outgoing = {};
  common.setupOutgoing(outgoing, ${options}, request);
});
`
    const target = '{ target: { hostname: "::1", port: 8080 } }'
    const own = '{ port: 8080 }'
    expect(await linesOf({ 'test/_utils.test.ts': ts(target) }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'test/_utils.test.ts': ts(own) }, 'PORT001')).toEqual([5])
  })
})

describe('options that say the server is not started', () => {
  it('JavaScript: nightwatch’s selenium: { port: 10195, start_process: false } only dials; start_process: true starts it', async () => {
    // nightwatchjs/nightwatch's test/src/runner/testRunnerChaiExpect.js.
    const js = (start: boolean) => `const assert = require('assert');

it('testRunWithChaiExpect', function() {
  const settings = Settings.parse({
    selenium: {
      port: 10195,
      start_process: ${start}
    }
  });
  return Globals.startTestRunner(testsPath, settings);
});
`
    const path = 'test/src/runner/testRunnerChaiExpect.js'
    expect(await linesOf({ [path]: js(false) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: js(true) }, 'PORT001')).toEqual([6])
  })

  it('TypeScript: srvx’s serve({ manual: true, port: 3000 }) listens only when serve() is called', async () => {
    // h3js/srvx's test/tracing.test.ts.
    const ts = (manual: string) => `import { serve } from "srvx";
import { test } from "vitest";

test("traces fetch", async () => {
  const server = serve({ ${manual}port: 3000, fetch: () => new Response("ok") });
  await server.fetch(new Request("http://localhost:3000/"));
});
`
    expect(await linesOf({ 'test/tracing.test.ts': ts('manual: true, ') }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'test/tracing.test.ts': ts('') }, 'PORT001')).toEqual([5])
  })
})

describe('a random port drawn again when the start fails', () => {
  it('C#: NBitcoin redraws _Rand.Next(4000, 60000) in a retry loop; a single draw may collide', async () => {
    // MetacoSA/NBitcoin's NBitcoin.Tests/ProtocolTests.cs.
    const cs = (body: string) => `using Xunit;

public class ProtocolTests
{
    [Fact]
    public void CanConnect()
    {
${body}
    }
}
`
    const start = `            var a = _Rand.Next(4000, 60000);
            _Server1 = new NodeServer(network, internalPort: a);
            _Server1.Listen();`
    const retried = `        int retry = 0;
        while (true)
        {
            try
            {
${start}
                break;
            }
            catch (Exception)
            {
                retry++;
                if (retry == 5)
                    throw;
            }
        }`
    const findings = async (body: string) =>
      (await scanFiles({ 'Tests/ProtocolTests.cs': cs(body) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => [f.line, f.endLine, f.message.slice(0, 60)])
    expect(await findings(retried)).toEqual([])
    expect(await findings(start)).toEqual([
      [9, 10, 'Test code sets a random port from a range starting at 4000 i'],
    ])
  })
})

describe('clients and binds that cannot meet the server', () => {
  it('Go: mosn’s health check path "http://localhost/400" names no port, so not the server’s 22222; a URL with it does', async () => {
    // mosn/mosn's pkg/upstream/healthcheck/httpdial_test.go.
    const go = (url: string) => `package healthcheck

import (
	"net/http"
	"testing"
)

func TestHttpDial(t *testing.T) {
	go http.ListenAndServe("127.0.0.1:22222", nil)
	check(t, &Config{Host: "127.0.0.1:22222", Path: "${url}"})
}
`
    const path = 'httpdial_test.go'
    expect(await linesOf({ [path]: go('http://localhost/400?foo=bar') }, 'PORT005')).toEqual([])
    expect(await linesOf({ [path]: go('http://localhost:22222/400') }, 'PORT005')).toEqual([10])
  })

  it('Go: AdGuardHome binds l.Addr() again while l is open until cleanup, to get EADDRINUSE; after l.Close() it is a rebind', async () => {
    // AdguardTeam/AdGuardHome's internal/aghnet/net_internal_test.go.
    const go = (close: string) => `package aghnet

import (
	"net"
	"testing"
)

func TestIsAddrInUse(t *testing.T) {
	l, err := net.Listen("tcp", "0.0.0.0:0")
	require.NoError(t, err)
	${close}

	_, err = net.Listen(l.Addr().Network(), l.Addr().String())
	assert.True(t, IsAddrInUse(err))
}
`
    const path = 'net_internal_test.go'
    const cleanup = 'testutil.CleanupAndRequireSuccess(t, l.Close)'
    expect(await linesOf({ [path]: go(cleanup) }, 'PORT006')).toEqual([])
    expect(await linesOf({ [path]: go('l.Close()') }, 'PORT006')).toEqual([13])
  })

  it('JavaScript: nightwatch’s globals wait with waitOn for the spawned server; a bare sleep guesses', async () => {
    // nightwatchjs/nightwatch's examples/test-app/globals.js.
    const js = (wait: string) => `const waitOn = require('wait-on');
const {spawn} = require('child_process');
const path = require('path');
const serverPort = '13370';
let serverPid = null;

module.exports = {
  before(done) {
    serverPid = spawn(path.resolve('node_modules/.bin/serve'), ['--listen', serverPort]).pid;
    ${wait}
  }
};
`
    const waits =
      'waitOn({ resources: ["http://localhost:13370"] }).then(() => setTimeout(done, 500));'
    const sleeps =
      'report({ resources: ["http://localhost:13370"] }).then(() => setTimeout(done, 500));'
    expect(await linesOf({ 'test/globals.js': js(waits) }, 'PORT007')).toEqual([])
    expect(await linesOf({ 'test/globals.js': js(sleeps) }, 'PORT007')).toEqual([9])
  })
})

describe('the listener whose address is bound again', () => {
  it('Go: rdk’s listener from a helper in the same test, closed with its server, is the one rebound', async () => {
    // viamrobotics/rdk's robot/client/client_test.go (a labelled PORT006 flag).
    const go = (made: string) => `package client

import (
	"net"
	"testing"
)

func TestOther(t *testing.T) {
	listener, _ := net.Listen("tcp", "localhost:0")
	defer listener.Close()
}

func TestClientReconnect(t *testing.T) {
	${made}
	gServer := grpc.NewServer()
	go gServer.Serve(listener)
	gServer.Stop()
	listener, err := net.Listen("tcp", listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
}
`
    const path = 'client_test.go'
    const reserved = 'var listener net.Listener = gotestutils.ReserveRandomListener(t)'
    const deferred = 'listener, _ := net.Listen("tcp", "localhost:0")\n\tdefer listener.Close()'
    expect(await linesOf({ [path]: go(reserved) }, 'PORT006')).toEqual([18])
    // Closed at the end too, but the server it was handed closes it when stopped.
    expect(await linesOf({ [path]: go(deferred) }, 'PORT006')).toEqual([19])
  })
})

describe('census 61', () => {
  it('Go: lego’s dns mock sets server.NotifyStartedFunc and waits on it before returning; without the hook the caller may dial first', async () => {
    // go-acme/lego's internal/tester/dnsmock/dnsmock.go.
    const go = (hook: string) => `package dnsmock

import (
	"net"
	"sync"
	"testing"

	"github.com/miekg/dns"
)

func start(t *testing.T) net.Addr {
	server := &dns.Server{Addr: "127.0.0.1:0", Net: "udp"}
	waitLock := sync.Mutex{}
	waitLock.Lock()
	${hook}
	go func() {
		_ = server.ListenAndServe()
	}()
	return server.PacketConn.LocalAddr()
}
`
    const hooked = 'server.NotifyStartedFunc = waitLock.Unlock'
    expect(await linesOf({ 'dnsmock/dnsmock_test.go': go(hooked) }, 'PORT007')).toEqual([])
    expect(await linesOf({ 'dnsmock/dnsmock_test.go': go('') }, 'PORT007')).toEqual([16])
  })

  it('C++: libdatachannel builds WebSocketServer server(std::move(serverConfig)) on serverConfig.port = 48080; settings never used start nothing', async () => {
    // paullouisageneau/libdatachannel's test/websocketserver.cpp.
    const cpp = (use: string) => `#include "rtc/rtc.hpp"

TestResult test_websocketserver() {
	WebSocketServer::Configuration serverConfig;
	serverConfig.port = 48080;
	serverConfig.enableTls = true;
	${use}
	return TestResult(true);
}
`
    const built = 'WebSocketServer server(std::move(serverConfig));'
    expect(await linesOf({ 'test/websocketserver.cpp': cpp(built) }, 'PORT001')).toEqual([5])
    expect(await linesOf({ 'test/websocketserver.cpp': cpp('') }, 'PORT001')).toEqual([])
  })
})

describe('a test kit is test support', () => {
  it('Rust: kanidm’s server/testkit crate counts ports up from 18080 for every test; the same code in a server crate is not test code', async () => {
    // kanidm/kanidm's server/testkit/src/lib.rs.
    const rust = `use std::sync::atomic::{AtomicU16, Ordering};

pub static PORT_ALLOC: AtomicU16 = AtomicU16::new(18080);

pub fn next_port() -> u16 {
    PORT_ALLOC.fetch_add(1, Ordering::SeqCst)
}
`
    expect(await linesOf({ 'server/testkit/src/lib.rs': rust }, 'PORT001')).toEqual([3])
    expect(await linesOf({ 'server/core/src/lib.rs': rust }, 'PORT001')).toEqual([])
  })
})

describe('programs a suite only compiles', () => {
  it('Rust: nickel.rs’s tests/compile-fail/ programs must not compile, so their listen never runs; the same code among the tests does', async () => {
    // nickel-org/nickel.rs's tests/compile-fail/inference_no_hints.rs.
    const rust = `use std::net::TcpListener;

#[test]
fn main() {
    let _server = TcpListener::bind("127.0.0.1:6767").unwrap();
}
`
    expect(await linesOf({ 'tests/compile-fail/inference.rs': rust }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'tests/inference.rs': rust }, 'PORT001')).toEqual([5])
  })
})
