// The thirty-third round's fixes (docs/scan.md, "Thirty-third round"), from findings that
// reviewers judged false and labelled flags the scan missed. Each sits beside the case that must
// not change.
import { describe, expect, it } from 'vitest'
import { definesFunction, helperNamesCalled } from '../../src/scan/helper-definitions.ts'
import { linesOf, scanFiles } from './helpers.ts'

describe('a free-port helper defined in another file', () => {
  // PowerDNS/pdns's regression-tests.dnsdist: dnsdisttests.py defines pickAvailablePort as a
  // counter per pytest-xdist worker, and test_Routing.py imports it (census 74).
  const test = `from dnsdisttests import DNSDistTest, pickAvailablePort

class TestRoutingRoundRobinLB(DNSDistTest):
    _testServer2Port = pickAvailablePort()

    @classmethod
    def setUpClass(cls):
        cls.startResponders(cls._testServer2Port)
`
  const counter = `import os

workerPorts = {}

def getWorkerID():
    if not "PYTEST_XDIST_WORKER" in os.environ:
        return 0
    return int(os.environ["PYTEST_XDIST_WORKER"][2:])

def pickAvailablePort():
    workerID = getWorkerID()
    if workerID in workerPorts:
        port = workerPorts[workerID] + 1
    else:
        port = 11000 + (workerID * 1000)
    workerPorts[workerID] = port
    return port
`
  const probe = `import socket

def pickAvailablePort():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]
`

  it('Python: not reported where the definition beside it only counts', async () => {
    const files = {
      'regression-tests/test_Routing.py': test,
      'regression-tests/dnsdisttests.py': counter,
    }
    expect(await linesOf(files, 'PORT002')).toEqual([])
  })

  it('Python: still reported where the definition beside it binds port 0 and closes', async () => {
    const files = {
      'regression-tests/test_Routing.py': test,
      'regression-tests/dnsdisttests.py': probe,
    }
    // The helper's definition is reported in its own file, and the call in the test's.
    const { findings } = await scanFiles(files)
    expect(findings.filter((f) => f.rule === 'PORT002').map((f) => `${f.path}:${f.line}`)).toEqual(
      expect.arrayContaining(['regression-tests/test_Routing.py:4']),
    )
  })

  it('Python: still reported where no definition is in reach (an installed package)', async () => {
    expect(await linesOf({ 'regression-tests/test_Routing.py': test }, 'PORT002')).toEqual([4])
  })

  it('Python: the nearest definition decides, and one that calls a probe is a probe', async () => {
    const wrapper = `from portutil import find_free_port

def pickAvailablePort():
    return find_free_port()
`
    const files = {
      'regression-tests/test_Routing.py': test,
      'regression-tests/dnsdisttests.py': wrapper,
      'dnsdisttests.py': counter,
    }
    const { findings } = await scanFiles(files)
    const inTest = findings.filter((f) => f.path.endsWith('test_Routing.py'))
    expect(inTest.map((f) => `${f.rule}@${f.line}`)).toEqual(['PORT002@4'])
  })

  it('C++: swoole’s get_random_port adds a random number to a constant, in a file one level up', async () => {
    // swoole/swoole-src's core-tests/src/main.cpp and core-tests/src/network/client.cpp (census 70).
    const main = `#include "test_core.h"

int swoole_random_int();

namespace swoole { namespace test {
int get_random_port() {
    return TEST_PORT + swoole_random_int() % 10000;
}
}}
`
    const client = `#include "test_core.h"

TEST(client, tcp) {
    int port = swoole::test::get_random_port();
    Server serv(TEST_HOST, port, swoole::Server::MODE_BASE, SW_SOCK_TCP);
    serv.start();
}
`
    const files = { 'core-tests/src/main.cpp': main, 'core-tests/src/network/client.cpp': client }
    expect(await linesOf(files, 'PORT002')).toEqual([])
    expect(await linesOf({ 'core-tests/src/network/client.cpp': client }, 'PORT002')).not.toEqual(
      [],
    )
  })

  it('reads a definition in each language’s syntax, and calls by name', () => {
    expect(helperNamesCalled('p = pickAvailablePort()\nq = get_free_port ()\nx = other()')).toEqual(
      ['get_free_port', 'pickAvailablePort'],
    )
    expect(definesFunction('def get_free_port():\n    pass', 'get_free_port', 'python')).toBe(true)
    expect(definesFunction('port = get_free_port()', 'get_free_port', 'python')).toBe(false)
    expect(definesFunction('export function getFreePort() {}', 'getFreePort', 'js')).toBe(true)
    expect(definesFunction('export const getFreePort = async () => 1', 'getFreePort', 'js')).toBe(
      true,
    )
    expect(definesFunction('const p = await getFreePort()', 'getFreePort', 'js')).toBe(false)
    expect(definesFunction('func GetFreePort() (int, error) {', 'GetFreePort', 'go')).toBe(true)
    expect(
      definesFunction(
        'public static int findFreePort() throws IOException {',
        'findFreePort',
        'java',
      ),
    ).toBe(true)
    expect(definesFunction('int p = findFreePort();', 'findFreePort', 'java')).toBe(false)
    expect(definesFunction('fun findFreePort(): Int {', 'findFreePort', 'kotlin')).toBe(true)
    expect(definesFunction('static int GetFreePort() => 5;', 'GetFreePort', 'csharp')).toBe(true)
    expect(definesFunction('pub fn free_port() -> u16 {', 'free_port', 'rust')).toBe(true)
    expect(definesFunction('int get_random_port() {', 'get_random_port', 'c')).toBe(true)
    expect(definesFunction('int get_random_port();', 'get_random_port', 'c')).toBe(false)
    expect(definesFunction('  int p = get_random_port();', 'get_random_port', 'c')).toBe(false)
  })
})

describe('a close registered as clean-up', () => {
  // BrowserSync/browser-sync's packages/browser-sync/lib/sockets.ts (census 74): the socket server
  // listens on the configured port and is closed by a task run when browser-sync exits.
  const ts = (close: string) => `export function init(server, clientEvents, bs) {
    if (bs.options.get("mode") === "proxy") {
        server = utils.getServer(null, bs.options).server;
        server.listen(bs.options.getIn(["socket", "port"]));
        ${close}
    }
    const io = new Server();
    io.attach(server, {});
    io.sockets = io.of("/browser-sync");
    return io;
}
`

  it('JS: a server closed by a registered clean-up task is not a probe', async () => {
    const close = 'bs.registerCleanupTask(function () { server.close(); });'
    expect(await linesOf({ 'lib/sockets.ts': ts(close) }, 'PORT002')).toEqual([])
  })

  it('JS: nor one closed by a shutdown hook (vercel/micro’s CLI; census 76)', async () => {
    const close = 'registerShutdown(() => { server.close(); process.exit(); });'
    expect(await linesOf({ 'lib/sockets.ts': ts(close) }, 'PORT002')).toEqual([])
  })

  it('JS: one closed where it stands still is', async () => {
    expect(await linesOf({ 'lib/sockets.ts': ts('server.close();') }, 'PORT002')).not.toEqual([])
  })
})

describe('a free-port helper declared without a body', () => {
  it('Kotlin: an expect declaration whose actuals probe is still a helper (kzmq-03)', async () => {
    // zeromq/kzmq's kzmq-tests: commonMain declares `expect suspend fun findOpenPort(): Int`,
    // and generators.kt builds endpoints on it.
    const files = {
      'kzmq-tests/src/commonMain/kotlin/utils/ports.kt':
        'package org.zeromq.tests.utils\n\nexpect suspend fun findOpenPort(): Int\n',
      'kzmq-tests/src/commonMain/kotlin/utils/generators.kt': `package org.zeromq.tests.utils

suspend fun randomEndpoint(protocol: Protocol): String = when (protocol) {
    Protocol.INPROC -> "inproc://\${randomName()}"
    Protocol.TCP -> "tcp://127.0.0.1:\${findOpenPort()}"
}
`,
    }
    // Reported from the endpoint generator's definition, the helper's wrapper, through the call.
    const { findings } = await scanFiles(files)
    const spans = findings.filter((f) => f.rule === 'PORT002').map((f) => [f.line, f.endLine])
    expect(spans).toEqual([[3, 5]])
  })
})

describe('a free port built into an address that is only dialled', () => {
  // aio-libs/aiozmq's tests/zmq_events_test.py (census 75): the number goes into ZeroMQ
  // endpoints given to `connect=`, which dials; `bind=` binds them.
  const py = (keyword: string) => `import aiozmq
from aiozmq._test_util import find_unused_port


class ZmqEventsTests:
    def test_connects(self):
        port1 = find_unused_port()
        addr1 = "tcp://127.0.0.1:{}".format(port1)

        async def go():
            tr, pr = await aiozmq.create_zmq_connection(
                lambda: Protocol(self.loop), zmq.REQ, ${keyword}=[addr1]
            )
            self.assertEqual({addr1}, tr.connections())
            await tr.disconnect(addr1)
            tr.close()

        self.loop.run_until_complete(go())
`

  it('Python: not where the endpoint only goes to connect= and disconnect()', async () => {
    expect(await linesOf({ 'tests/zmq_events_test.py': py('connect') }, 'PORT002')).toEqual([])
  })

  it('Python: still where it goes to bind=', async () => {
    expect(await linesOf({ 'tests/zmq_events_test.py': py('bind') }, 'PORT002')).toEqual([7])
  })
})

describe('programs kept under performance/ to be run by hand', () => {
  const java = `package net.openhft.performance.tests.network;

import java.net.StandardSocketOptions;

public class PingPongWithMains {
    public static void main(String[] args) throws Exception {
        new PingPongWithMains().testClient();
    }

    private void testClient() throws Exception {
        ChronicleSocketChannel sc = TCPRegistry.createSocketChannel(serverHostPort);
        sc.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    }
}
`

  it('Java: a class with a main and no test, under performance/, is a program (census 75)', async () => {
    // OpenHFT/Chronicle-Network's src/test/java/net/openhft/performance/tests/network/.
    const path = 'src/test/java/net/openhft/performance/tests/network/PingPongWithMains.java'
    expect(await linesOf({ [path]: java }, 'PORT003')).toEqual([])
  })

  it('Java: the same class among the tests still is test code', async () => {
    const path = 'src/test/java/net/openhft/tests/network/PingPongWithMains.java'
    expect(await linesOf({ [path]: java }, 'PORT003')).toEqual([12])
  })
})

describe('servers on a simulated event loop', () => {
  const py = (policy: string) => `import asyncio
import async_solipsism
import pytest


@pytest.fixture
def event_loop_policy():
    return ${policy}


@pytest.fixture
async def server(client_queue):
    server = await asyncio.start_server(callback, "::1", 7777)
    yield server
    server.close()
`

  it('Python: not under async-solipsism’s event loop policy, whose sockets are in memory (census 76)', async () => {
    // ska-sa/aiokatcp's tests/test_client.py.
    const files = { 'tests/test_client.py': py('async_solipsism.EventLoopPolicy()') }
    expect(await linesOf(files, 'PORT001')).toEqual([])
  })

  it('Python: still under the default policy', async () => {
    const files = { 'tests/test_client.py': py('asyncio.DefaultEventLoopPolicy()') }
    expect(await linesOf(files, 'PORT001')).toEqual([13])
  })
})

describe('Go: a connection manager’s addresses, dialled through its own dialer', () => {
  const go = (dial: string) => `package connmgr

import (
	"net"
	"testing"
)

func TestStartStop(t *testing.T) {
	cmgr, err := New(&Config{
		TargetOutbound: 1,
		GetNewAddress: func() (net.Addr, error) {
			return &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 18555}, nil
		},
		${dial}
	})
	if err != nil {
		t.Fatalf("New error: %v", err)
	}
	cmgr.Start()
}
`

  it('not a port in options that also hand it a dialer (btcd; census 76)', async () => {
    const files = { 'connmgr/connmanager_test.go': go('Dial: mockDialer,') }
    expect(await linesOf(files, 'PORT001')).toEqual([])
  })

  it('still one in options without', async () => {
    const files = { 'connmgr/connmanager_test.go': go('') }
    expect(await linesOf(files, 'PORT001')).toEqual([12])
  })

  it('not an address handed to the file’s own constructor that opens nothing', async () => {
    const file = `package connmgr

import "testing"

func newMockListener(localAddr string) *mockListener {
	return &mockListener{localAddr: localAddr, provideConn: make(chan net.Conn)}
}

func TestListenerInboundLimit(t *testing.T) {
	listener := newMockListener("127.0.0.1:8333")
	listener.Start()
}
`
    expect(await linesOf({ 'connmgr/connmanager_test.go': file }, 'PORT001')).toEqual([])
  })
})

describe('Go: a connection built on a resolved address, then told to listen', () => {
  const go = (address: string) => `package gtpv1_test

import (
	"context"
	"net"
	"time"
)

func setup(ctx context.Context) (cliConn, srvConn *gtpv1.UPlaneConn, err error) {
	srvAddr, err := net.ResolveUDPAddr("udp", "${address}")
	if err != nil {
		return nil, nil, err
	}
	go func() {
		srvConn = gtpv1.NewUPlaneConn(srvAddr)
		if err := srvConn.ListenAndServe(ctx); err != nil {
			return
		}
	}()
	time.Sleep(1 * time.Second)
	return nil, srvConn, nil
}
`

  it('reported from the address to the listen (gogtp-04)', async () => {
    // wmnsk/go-gtp's gtpv1/u-conn_test.go.
    const { findings } = await scanFiles({ 'gtpv1/u-conn_test.go': go('127.0.0.2:2152') })
    const spans = findings.filter((f) => f.rule === 'PORT001').map((f) => [f.line, f.endLine])
    expect(spans).toEqual([[10, 16]])
  })

  it('not on port 0', async () => {
    expect(await linesOf({ 'gtpv1/u-conn_test.go': go('127.0.0.2:0') }, 'PORT001')).toEqual([])
  })
})

describe('C and C++ addresses no test binds', () => {
  const c = (use: string) => `#include <arpa/inet.h>
#include <gtest/gtest.h>

void test_log_sockaddr_in() {
    struct sockaddr_in myaddr;
    myaddr.sin_family = AF_INET;
    myaddr.sin_port = htons(3490);
    inet_aton("63.161.169.137", &myaddr.sin_addr);
    ${use}
}

TEST(Socket, bind) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    bind(fd, (struct sockaddr *)&a, sizeof(a));
}
`

  it('C++: a sockaddr only logged is no listener (PhotonLibOS; census 76)', async () => {
    expect(await linesOf({ 'net/test/test.cpp': c('LOG_DEBUG(myaddr);') }, 'PORT001')).toEqual([])
  })

  it('C++: one handed to a function that may bind still is', async () => {
    const files = { 'net/test/test.cpp': c('start_server(&myaddr);') }
    expect(await linesOf(files, 'PORT001')).toEqual([7])
  })

  it('C++: a client’s address dialled with a prefixed connect is no listener', async () => {
    const files = {
      'thread/test/st_utest_tcp.cpp': c(
        'st_connect(stfd, (const sockaddr*)&myaddr, sizeof(myaddr), 1000);',
      ),
    }
    expect(await linesOf(files, 'PORT001')).toEqual([])
  })

  it('C++: a listen after the same server was bound takes a backlog', async () => {
    const cpp = (bind: string) => `#include "photon/net/socket.h"

int main() {
    auto server = photon::net::new_tcp_socket_server();
    ${bind}
    server->listen(1024);
    server->start_loop(true);
}
`
    const path = 'net/test/test_server.cpp'
    expect(await linesOf({ [path]: cpp('server->bind_v4localhost();') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [path]: cpp('') }, 'PORT001')).toEqual([6])
  })
})

describe('Go: waiting on a builder’s start hook', () => {
  const go = (hook: string) => `package rsocket

import (
	"context"
	"fmt"
	"testing"
)

func TestConnectBroken(t *testing.T) {
	started := make(chan struct{})
	ctx := context.Background()
	port := 8787
	go func(ctx context.Context) {
		_ = Receive().
			${hook}
			Transport(TCPServer().SetAddr(fmt.Sprintf(":%d", port)).Build()).
			Serve(ctx)
	}(ctx)
	<-started
	go func() {
		cli, _ := Connect().Transport(TCPClient().SetHostAndPort("127.0.0.1", port).Build()).Start(ctx)
		defer cli.Close()
	}()
	_, _ = Connect().Transport(TCPClient().SetHostAndPort("127.0.0.1", port).Build()).Start(ctx)
}
`

  it('not a serve-before-listen when OnStart closes the channel the test waits on (rsocket-go; census 76)', async () => {
    const files = { 'rsocket_test.go': go('OnStart(func() { close(started) }).') }
    expect(await linesOf(files, 'PORT007')).toEqual([])
  })

  it('still one without the hook', async () => {
    expect(await linesOf({ 'rsocket_test.go': go('') }, 'PORT007')).not.toEqual([])
  })

  it('the client’s settings in a goroutine are no server', async () => {
    const files = { 'rsocket_test.go': go('OnStart(func() { close(started) }).') }
    expect(await linesOf(files, 'PORT001')).toEqual([16])
  })
})

describe('Go: a receive from the server’s readiness context', () => {
  const go = (wait: string) => `package balancer

import "testing"

func newBalancerForTest(t *testing.T, e *environment.Environment) *Balancer {
	srv := e.Get("server").(*server.Server)
	go func() {
		if err := srv.ListenAndServe(); err != nil {
			t.Errorf("ListenAndServe returned an error: %v", err)
		}
	}()
	${wait}
	return New(e)
}
`

  it('waits for the listener (olric’s <-srv.StartedCtx.Done(); census 77)', async () => {
    const files = { 'internal/cluster/balancer/balancer_test.go': go('<-srv.StartedCtx.Done()') }
    expect(await linesOf(files, 'PORT007')).toEqual([])
  })

  it('a receive from another context does not', async () => {
    const files = { 'internal/cluster/balancer/balancer_test.go': go('<-ctx.Done()') }
    expect(await linesOf(files, 'PORT007')).not.toEqual([])
  })
})

describe('Java: a fixed port handed through two functions of the file to a listen', () => {
  // Hyperfoil/Hyperfoil's core/src/test/java/io/hyperfoil/core/client/HttpVersionsTest.java
  // (hyperfoil-04, the fifty-first batch's guiding miss).
  const java = (port: string) => `package io.hyperfoil.core.client;

public class HttpVersionsTest {
   @Test
   public void testAlpnUpgrade(TestContext ctx) throws Exception {
      test(ctx, ${port}, true);
   }

   private void test(TestContext ctx, int port, boolean ssl) throws Exception {
      server(port, ssl, event -> ctx.assertTrue(event.succeeded()));
   }

   private void server(int port, boolean ssl, Handler<AsyncResult<HttpServer>> handler) {
      HttpServer httpServer = vertx.createHttpServer();
      httpServer.requestHandler(HttpVersionsTest::requireHttp2).listen(port, "localhost", handler);
   }
}
`
  const path = 'core/src/test/java/io/hyperfoil/core/client/HttpVersionsTest.java'

  it('reported at the test’s call and at the listen', async () => {
    expect(await linesOf({ [path]: java('8443') }, 'PORT001')).toEqual([6, 15])
  })

  it('not when the test hands it port 0', async () => {
    expect(await linesOf({ [path]: java('0') }, 'PORT001')).toEqual([])
  })
})
