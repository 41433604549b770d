// Rule behaviour beyond the corpus: severities, settings, test regions, fingerprints.
import { describe, expect, it } from 'vitest'
import { hits, scanFiles, spansOf } from './helpers.ts'

const PY_RACE = `import socket

def get_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
`

describe('PORT002 free-port-race', () => {
  it('runs a racy fixture’s finding to where the test hands the number on', async () => {
    // pymodbus test_simulator.py: the fixture on line 2, handed to the server on line 4; a test
    // that only prints it keeps the finding on its parameter.
    const py = `class TestSimulator:
    async def test_simulator_server_tcp(self, unused_tcp_port):
        """Test init simulator server."""
        task = ModbusSimulatorServer(http_port=unused_tcp_port)
        await task.run_forever(only_start=True)


def test_prints(unused_tcp_port):
    print(unused_tcp_port)
`
    const r = await scanFiles({ 'test/test_simulator.py': py })
    expect(spansOf(r, 'PORT002')).toEqual([
      [2, 4],
      [8, 8],
    ])
  })

  it("reports a get-port draw once, not again for the promise's then()", async () => {
    // DataDog/dd-trace-js: `getPort().then(port => { … server.listen(port) })`.
    const js = `const getPort = require('get-port')
const http = require('http')

it('serves', (done) => {
  getPort().then((port) => {
    http.createServer().listen(port, done)
  })
})
`
    const r = await scanFiles({ 'test/client.spec.js': js })
    expect(spansOf(r, 'PORT002')).toEqual([[5, 6]])
  })

  it("spans from a helper's call to the server constructed on its number", async () => {
    // enisdenjo/graphql-ws: the label stands at the server, which binds when it is made.
    const ts = `import { WebSocketServer } from 'ws'
import { getAvailablePort } from './ports'

export async function startServer(path: string) {
  const port = await getAvailablePort()
  const wsServer = new WebSocketServer({ port, path })
  return { wsServer, url: \`ws://localhost:\${port}\${path}\` }
}
`
    const r = await scanFiles({ 'tests/utils/tservers.ts': ts })
    expect(spansOf(r, 'PORT002')).toEqual([[5, 6]])
  })

  it('is an error only where a test binds a helper’s number later in the same function (measured ≥ 0.90 precise, inside and outside the corpus), a warning at the helper and where no bind is seen, a note in other code', async () => {
    const test = `${PY_RACE}
def test_server():
    port = get_port()
    server = HTTPServer(("127.0.0.1", port), Handler)

def test_config():
    port = get_port()
    os.environ["APP_PORT"] = str(port)
`
    const r = await scanFiles({ 'tests/test_server.py': test, 'lib/ports.py': PY_RACE })
    expect(r.findings.map((f) => [f.path, f.line, f.severity])).toEqual([
      ['lib/ports.py', 3, 'note'],
      ['tests/test_server.py', 3, 'warning'],
      ['tests/test_server.py', 11, 'error'],
      ['tests/test_server.py', 15, 'warning'],
    ])
  })

  it('reports a probe-and-close availability check and the helper that hands out its answer, as warnings until judged', async () => {
    const go = `package x

import "net"

func isFree(port int) bool {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

func pick() int {
	for p := range candidates() {
		if isFree(p) {
			return p
		}
	}
	return 0
}
`
    const r = await scanFiles({ 'x_test.go': go })
    expect(r.findings.map((f) => [f.rule, f.line, f.severity])).toEqual([
      ['PORT002', 5, 'warning'],
      ['PORT002', 14, 'warning'],
    ])
    // Only asked, never picked: a test checking that a port was released.
    const asked = go.replace(
      /func pick[\s\S]*/,
      'func TestReleased(t *testing.T) { _ = isFree(port) }\n',
    )
    expect((await scanFiles({ 'x_test.go': asked })).findings).toEqual([])
  })

  it('trusts helpers named in allowedHelpers', async () => {
    const code = 'import portpicker\n\ndef test_x():\n    port = portpicker.pick_unused_port()\n'
    expect(hits(await scanFiles({ 'tests/test_x.py': code }))).toEqual(['PORT002@4'])
    const allowed = await scanFiles(
      { 'tests/test_x.py': code },
      { settings: { allowedHelpers: ['portpicker.pick_unused_port'] } },
    )
    expect(allowed.findings).toEqual([])
  })

  it('does not flag a helper that keeps the socket it returns the port of', async () => {
    const code = `import socket

def bound():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    return s, s.getsockname()[1]
`
    expect((await scanFiles({ 'tests/util.py': code })).findings).toEqual([])
  })
})

describe('PORT003 and PORT004, reuse options in tests', () => {
  it('are notes, beside port 0 too (measured far under 0.90: PORT004 1 of 13 judged true on the corpus and 0 of 7 outside it, PORT003 3 of 16 outside it)', async () => {
    const code = `const net = require('node:net')
it('a', () => { net.createServer().listen({ port: 0, reusePort: true }) })
it('b', () => { net.createServer().listen({ port: 8080, reusePort: true }) })
`
    const r = await scanFiles({ 'test/a.spec.js': code })
    const port004 = r.findings.filter((f) => f.rule === 'PORT004').map((f) => [f.line, f.severity])
    expect(port004).toEqual([
      [2, 'note'],
      [3, 'note'],
    ])
    const py =
      'import socket\n\ns = socket.socket()\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n'
    const port003 = (await scanFiles({ 'tests/test_b.py': py })).findings
    expect(port003.map((f) => [f.rule, f.line, f.severity])).toEqual([['PORT003', 4, 'note']])
  })
})

describe('test code', () => {
  it('is recognised by region marks outside test directories (Go, Rust, JUnit)', async () => {
    const r = await scanFiles({
      'pkg/helper.go':
        'package pkg\n\nimport (\n\t"net"\n\t"testing"\n)\n\nfunc Start(t *testing.T) {\n\tnet.Listen("tcp", ":8080")\n}\n\nfunc Prod() {\n\tnet.Listen("tcp", ":9090")\n}\n',
      'src/lib.rs':
        'fn prod() { std::net::TcpListener::bind("0.0.0.0:80"); }\n\n#[test]\nfn t() { std::net::TcpListener::bind("127.0.0.1:8080"); }\n',
      'src/main/java/A.java':
        'class A {\n  @Test void t() throws Exception { new java.net.ServerSocket(8080); }\n  void prod() throws Exception { new java.net.ServerSocket(9090); }\n}\n',
    })
    expect(r.findings.map((f) => `${f.path}:${f.line}`).sort()).toEqual([
      'pkg/helper.go:9',
      'src/lib.rs:4',
      'src/main/java/A.java:2',
    ])
  })

  it('takes extra test globs from the settings', async () => {
    const files = {
      'qa/check_server.py': 'import socket\ns = socket.socket()\ns.bind(("", 8080))\n',
    }
    expect((await scanFiles(files)).findings).toEqual([])
    expect(hits(await scanFiles(files, { settings: { testPaths: ['qa/**'] } }))).toEqual([
      'PORT001@3',
    ])
  })
})

describe('settings', () => {
  it('switches rules off and skips ignored paths', async () => {
    const files = {
      'tests/test_a.py': 'import socket\nsocket.socket().bind(("", 8080))\n',
      'generated/tests/test_b.py': 'import socket\nsocket.socket().bind(("", 8081))\n',
    }
    const off = await scanFiles(files, { settings: { disableRules: ['PORT001'] } })
    expect(off.findings).toEqual([])
    const ignored = await scanFiles(files, { settings: { ignorePaths: ['generated/**'] } })
    expect(ignored.findings.map((f) => f.path)).toEqual(['tests/test_a.py'])
    expect(ignored.skipped.ignored).toBe(1)
  })
})

describe('findings', () => {
  const before =
    'const http = require("node:http")\nit("x", () => { http.createServer().listen(3000) })\n'

  it('carry rule, severity, location, language, message, advice and fingerprint', async () => {
    const [f] = (await scanFiles({ 'test/a.spec.js': before })).findings
    expect(f).toMatchObject({
      rule: 'PORT001',
      severity: 'warning',
      path: 'test/a.spec.js',
      line: 2,
      language: 'JavaScript',
    })
    expect(f!.column).toBeGreaterThan(1)
    expect(f!.message).toMatch(/fixed port 3000.*EADDRINUSE/)
    expect(f!.advice).toMatch(/listen\(0/)
    expect(f!.fingerprint).toMatch(/^[0-9a-f]{32}$/)
  })

  it('keep their fingerprint when unrelated lines move them, and change it when the code changes', async () => {
    const a = (await scanFiles({ 'test/a.spec.js': before })).findings[0]!
    const moved = (await scanFiles({ 'test/a.spec.js': `// a comment\n\n${before}` })).findings[0]!
    const changed = (await scanFiles({ 'test/a.spec.js': before.replace('3000', '3001') }))
      .findings[0]!
    expect(moved.line).toBe(a.line + 2)
    expect(moved.fingerprint).toBe(a.fingerprint)
    expect(changed.fingerprint).not.toBe(a.fingerprint)
  })

  it('tell identical flagged lines in one file apart', async () => {
    const code = `${before}it("y", () => { http.createServer().listen(3000) })\n`
    const prints = (await scanFiles({ 'test/a.spec.js': code })).findings
      .filter((f) => f.rule === 'PORT001')
      .map((f) => f.fingerprint)
    expect(prints).toHaveLength(2)
    expect(new Set(prints).size).toBe(2)
  })
})

describe('focused reading of large files outside tests', () => {
  const pad = (n: number, make: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => make(i)).join('\n')
  const files = {
    'lib/ports.js': `const net = require('net')\nconst ZERO = 0\n${pad(1000, (i) => `function f${i}(a) { return a.map((x) => x + ${i}) }`)}
function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(ZERO, () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}
${pad(1000, (i) => `function g${i}(b) { return b.filter(Boolean).length + ${i} }`)}
module.exports = { freePort }
`,
    'internal/ports/ports.go': `package ports\n\nimport "net"\n\n${pad(1000, (i) => `func f${i}(a int) int { return a + ${i} }`)}
func FreePort() int {
\tl, _ := net.Listen("tcp", "127.0.0.1:0")
\tdefer l.Close()
\treturn l.Addr().(*net.TCPAddr).Port
}
`,
    'src/net/Ports.java': `package net;\nclass Ports {\n${pad(1000, (i) => `  static int f${i}(int a) { return a + ${i}; }`)}
  static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) { return s.getLocalPort(); }
  }
}
`,
  }

  it('finds the same PORT002 race as reading the whole file', async () => {
    for (const text of Object.values(files)) expect(text.length).toBeGreaterThan(32_000)
    const focused = await scanFiles(files)
    const whole = await scanFiles(files, { focusMinChars: Number.MAX_SAFE_INTEGER })
    const lineOf = (path: keyof typeof files, marker: string) =>
      files[path].split('\n').findIndex((l) => l.includes(marker)) + 1
    // Each finding starts at the helper's definition, where the fix belongs, and covers its bind.
    const at = (path: keyof typeof files, definition: string, bind: string) => ({
      path,
      line: lineOf(path, definition),
      covers: lineOf(path, bind),
    })
    const expected = [
      at('internal/ports/ports.go', 'func FreePort', 'net.Listen'),
      at('lib/ports.js', 'function freePort', 'srv.listen(ZERO'),
      at('src/net/Ports.java', 'static int freePort', 'ServerSocket(0)'),
    ]
    const found = [...focused.findings].sort((a, b) => a.path.localeCompare(b.path))
    expect(found.map((f) => `${f.path}:${f.rule}@${f.line}`)).toEqual(
      expected.map((e) => `${e.path}:PORT002@${e.line}`),
    )
    for (const [i, f] of found.entries()) {
      expect(f.endLine ?? f.line).toBeGreaterThanOrEqual(expected[i]!.covers)
    }
    expect(focused.findings).toEqual(whole.findings)
  })
})

describe('spans: from where the race opens to where it closes', () => {
  it('PORT002 on a helper call covers the bind of its number; PORT007 covers the first request', async () => {
    const kotlin = `import org.junit.jupiter.api.Test

class BootstrapTest {
    @Test
    fun counters() {
        val port = findRandomPort()
        runTest(
            assert = {
                val server = vertx.createHttpServer()
                server.listen(port)
            }
        )
    }
}
`
    const go = `package x

import (
	"net/http"
	"testing"
)

func TestInput(t *testing.T) {
	go func() {
		_, _ = Input(8080)
	}()
	resp, err := http.Post("http://localhost:8080", "application/json", nil)
	if err == nil {
		resp.Body.Close()
	}
}
`
    const r = await scanFiles({ 'src/test/kotlin/BootstrapTest.kt': kotlin, 'x/input_test.go': go })
    const span = (rule: string) => spansOf(r, rule)
    // findRandomPort() on line 6, server.listen(port) on line 10 (not the runTest callback's call).
    expect(span('PORT002')).toEqual([[6, 10]])
    // From `go func() {` (line 9) to the http.Post (line 12).
    expect(span('PORT007')).toEqual([[9, 12]])
  })

  it("PORT002 on a probe kept in a test's local covers the bind of its number; a function returning a helper's answer is reported at its definition", async () => {
    // http4k's DiscoveredMcpOAuthTest: the probe on line 7 (its lambda's answer kept in authPort,
    // not returned by the test), the server bound on it on line 9.
    const kotlin = `import java.net.ServerSocket
import org.junit.jupiter.api.Test

class OAuthTest {
    @Test
    fun discovers() {
        val authPort = ServerSocket(0).use { it.localPort }
        val authServer = authApp("http://localhost:$authPort")
            .asServer(Helidon(authPort)).start()
        authServer.stop()
    }
}
`
    // miniserve's fixture: \`fn port() -> u16 { free_local_port().expect(…) }\` (lines 3-5).
    const rust = `use port_check::free_local_port;

pub fn port() -> u16 {
    free_local_port().expect("Couldn't find a free local port")
}
`
    const r = await scanFiles({
      'src/test/kotlin/OAuthTest.kt': kotlin,
      'tests/fixtures/mod.rs': rust,
    })
    const byPath = (path: string) => r.findings.filter((f) => f.path === path)
    expect(spansOf({ findings: byPath('src/test/kotlin/OAuthTest.kt') }, 'PORT002')).toEqual([
      [7, 9],
    ])
    expect(spansOf({ findings: byPath('tests/fixtures/mod.rs') }, 'PORT002')).toEqual([[3, 4]])
  })

  it('PORT002 on a helper call kept in a field reaches the bind in another method', async () => {
    // apm-agent-java's VertxTestHttpServer: the constructor draws the port (line 7), setup binds it
    // (line 11); a method with its own local \`port\` (line 15) is not that field.
    const java = `import io.vertx.core.Vertx;

public class TestHttpServer {
    private int port;

    public TestHttpServer() {
        port = TestPort.getAvailableRandomPort();
    }

    public void setup() {
        server.requestHandler(router).listen(port);
    }

    public void other(int port) {
        server.listen(port);
    }
}
`
    const r = await scanFiles({ 'src/test/java/TestHttpServer.java': java })
    expect(spansOf(r, 'PORT002')).toEqual([[7, 11]])
  })

  it('PORT002 on a free-port helper runs from its definition to the return that hands the number out', async () => {
    // HttpMock's FindFreePort and EventFlow's GetFreePort: the listener starts on line 10 and is
    // stopped on 12; the finding reaches `return port` (13). The picker returns on line 23.
    const cs = `using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

public static class Ports
{
    public static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static int GetFreePort()
    {
        var used = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        while (true)
        {
            var port = Random.Shared.Next(10000, 60000);
            if (used.All(l => l.Port != port))
                return port;
        }
    }
}
`
    const r = await scanFiles({ 'tests/Helpers/Ports.cs': cs })
    expect(spansOf(r, 'PORT002')).toEqual([
      [7, 13],
      [16, 23],
    ])
  })

  it('PORT002 on a probed port covers a module-private helper that spawns the server on it', async () => {
    // freeunit's `port = _get_free_port()` (line 11) then `_run_fake_otlp(port, …)` (line 13).
    const py = `import socket
import subprocess


def _get_free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def test_span_exported():
    port = _get_free_port()
    dump = 'dump.bin'
    proc = _run_fake_collector(port, dump=dump)
    proc.kill()
`
    const r = await scanFiles({ 'tests/test_otel.py': py })
    expect(spansOf(r, 'PORT002')).toEqual([
      [5, 8],
      [12, 14],
    ])
  })

  it('PORT001 on options runs from the fixed number to the call that starts them', async () => {
    // cloud-sql-proxy: `Port: 50000` (line 7) in the config a client is built from (10), which
    // serves on line 11.
    const go = `package proxy

import "testing"

func TestClientLimits(t *testing.T) {
	in := &Config{
		Port: 50000,
		MaxConnections: 1,
	}
	c, _ := NewClient(in)
	go c.Serve(func() {})
}
`
    const r = await scanFiles({ 'internal/proxy/proxy_test.go': go })
    expect(spansOf(r, 'PORT001')).toEqual([[7, 11]])
  })

  it('PORT001 on a random draw runs to the listener given an address built from it', async () => {
    // build-trust/ockam's send_receive.rs: the draw on line 3, the listen on line 7.
    const rust = `#[tokio::test]
async fn send_receive() {
    let rand_port = rand::thread_rng().gen_range(10000, 65535);
    let bind_address = format!("127.0.0.1:{}", rand_port);
    let bind_address = bind_address.as_str();
    let transport = TcpTransport::create(ctx).await.unwrap();
    transport.listen(bind_address).await.unwrap();
}
`
    const r = await scanFiles({ 'tests/send_receive.rs': rust })
    expect(spansOf(r, 'PORT001')).toEqual([[3, 7]])
  })

  it('PORT001 on a Go server struct runs from its statement to the call that serves it', async () => {
    const go = `package comms

import (
	"net/http"
	"testing"
)

func TestWsConn(t *testing.T) {
	server := &http.Server{
		Addr:    "127.0.0.1:6060",
		Handler: http.NewServeMux(),
	}
	defer server.Close()
	go func() {
		_ = server.ListenAndServeTLS("cert.pem", "key.pem")
	}()
}
`
    const r = await scanFiles({ 'comms/wsconn_test.go': go })
    const spans = spansOf(r, 'PORT001')
    // `server := &http.Server{` (line 9), where the statement starts, to server.ListenAndServeTLS (15).
    expect(spans).toEqual([[9, 15]])
  })

  it('PORT001 on a fixed port held in a variable spans the literal to the call that binds it', async () => {
    const rs = `use std::net::TcpListener;

fn run_server(port: u16) {
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    drop(listener);
}

#[test]
fn single_client() {
    let port = 55001;
    let message = "hello";
    run_server(port);
    assert_eq!(message.len(), 5);
}
`
    const r = await scanFiles({ 'tests/integration_tests.rs': rs })
    // gns-rs: `let port = 55001;` (line 10) to `run_server(port)` (12); the helper's own bind (4).
    expect(spansOf(r, 'PORT001')).toEqual([
      [4, 4],
      [10, 12],
    ])
  })

  it('PORT001 on a random port spans the draw to the server it starts on the next lines', async () => {
    const py = `import random


def test_optimizer():
    server = Server()
    port = random.randint(20000, 40000)
    server.start(tcp_port=port)
    client.connect("127.0.0.1", tcp_port=port)
`
    const r = await scanFiles({ 'tests/test_optimizer.py': py })
    // The draw (line 6) to \`server.start(tcp_port=port)\` (7), not on to the client (8).
    expect(spansOf(r, 'PORT001')).toEqual([[6, 7]])
  })

  it('PORT001 on a Go server struct inside a table-driven test serves through its own variable', async () => {
    const go = `package parser

import (
	"net/http"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		setup func() func()
	}{
		{
			setup: func() func() {
				server := &http.Server{Addr: ":8089"}
				go func() {
					_ = server.ListenAndServe()
				}()
				return func() { _ = server.Close() }
			},
		},
	}
	_ = tests
}
`
    const r = await scanFiles({ 'parser/config_test.go': go })
    const spans = spansOf(r, 'PORT001')
    // The serve call is looked up on `server` (line 14), not on the table around it (line 9):
    // the finding runs to server.ListenAndServe (line 16), as sighupio/furyctl's config tests do.
    expect(spans).toEqual([[14, 16]])
  })

  it('PORT001 on a C sockaddr field runs from the field to the bind that uses it', async () => {
    const c = `#include <netinet/in.h>
#include <sys/socket.h>

static void test_read(void) {
    struct sockaddr_in sain;
    int srvr = socket(PF_INET, SOCK_STREAM, 0);
    sain.sin_family = AF_INET;
    sain.sin_port = htons(14973);
    sain.sin_addr.s_addr = INADDR_ANY;
    bind(srvr, (struct sockaddr *) &sain, sizeof(sain));
    listen(srvr, 100);
}
`
    const r = await scanFiles({ 'test/read.c': c })
    const spans = spansOf(r, 'PORT001')
    // From `sain.sin_port = htons(14973)` (line 8) to the bind (line 10), where libkqueue's
    // reviewer put the label.
    expect(spans).toEqual([[8, 10]])
  })

  it('PORT001 through a parameter default runs from the default to the listener', async () => {
    const cs = `using System.Net;

public class LocalServer
{
    private readonly HttpListener _httpListener = new HttpListener();

    public LocalServer(string uri = "http://localhost:8082/")
    {
        _httpListener.Prefixes.Add(uri);
        _httpListener.Start();
    }
}
`
    const r = await scanFiles({ 'test/Apm.Tests/Mocks/LocalServer.cs': cs })
    const spans = spansOf(r, 'PORT001')
    // The default on line 7 to Prefixes.Add on line 9.
    expect(spans).toEqual([[7, 9]])
  })

  it('PORT002 follows a number held in a delegated property to the server started with it', async () => {
    const kotlin = `object PortSpec : Spek({
    describe("a mock") {
        val freePort by memoized { freeTcpPort() }
        val mock by memoized { Mockingbird(SparkServer(freePort)).start() }
        it("starts on given port") { mock.context.port shouldBe freePort }
    }
})
`
    const r = await scanFiles({ 'src/test/kotlin/PortSpec.kt': kotlin })
    const spans = spansOf(r, 'PORT002')
    // freeTcpPort() on line 3 to the start() of the server built with its number on line 4.
    expect(spans).toEqual([[3, 4]])
  })

  it('PORT002 inside one test covers the use of the number; a field holding it is followed too', async () => {
    const py = `import socket

def test_inline():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    start_daemon(port)

class Peer:
    def __init__(self):
        self.port = free_port()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", self.port))
`
    const r = await scanFiles({ 'tests/test_peer.py': py })
    const spans = spansOf(r, 'PORT002')
    // The probe's bind (line 5) to start_daemon(port) (line 8); free_port() (line 12) to the bind (14).
    expect(spans).toEqual([
      [5, 8],
      [12, 14],
    ])
  })
})

describe('PORT007 start then sleep', () => {
  const port007 = (r: { findings: { rule: string; line: number }[] }) =>
    r.findings.filter((f) => f.rule === 'PORT007').map((f) => f.line)

  it('reads a comment wrapped over two lines, and not one about a server going away', async () => {
    const py = (comment: string) => `import time
import requests

def test_serves():
    worker = Worker()
    worker.start()
${comment}
    time.sleep(1)
    requests.get("http://127.0.0.1:8000/")
`
    const wrapped = await scanFiles({
      'tests/test_a.py': py('    # Give the server a moment\n    # to come up'),
    })
    const going = await scanFiles({
      'tests/test_a.py': py(
        '    # wait until the old server is gone and its port is available again',
      ),
    })
    expect(port007(wrapped)).toEqual([6])
    expect(port007(going)).toEqual([])
  })

  it("does not read Go's cmd.Run(), which waits for the program, nor a helper of the file that binds before it returns", async () => {
    const go = `package x

import (
	"net"
	"net/http"
	"os/exec"
	"testing"
	"time"
)

func startTestServer(t *testing.T) string {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	go http.Serve(l, nil)
	return l.Addr().String()
}

func TestFixtures(t *testing.T) {
	cmd := exec.Command("make", "fixtures")
	cmd.Run()
	time.Sleep(time.Second)
	http.Get("http://127.0.0.1:8080/")
}

func TestServer(t *testing.T) {
	addr := startTestServer(t)
	time.Sleep(time.Second)
	http.Get("http://" + addr)
}
`
    const r = await scanFiles({ 'x_test.go': go })
    expect(port007(r)).toEqual([])
  })

  it('reads a thread target of the file by what it makes: a class, not addListener', async () => {
    const py = (body: string) => `import threading
import requests

def test_watch():
    def watch():
        ${body}
    t = threading.Thread(target=watch)
    t.start()
    requests.get("http://127.0.0.1:8000/")
`
    const listener = await scanFiles({ 'tests/test_w.py': py('bus.register(StatusListener())') })
    const add = await scanFiles({ 'tests/test_w.py': py('bus.addListener(on_event)') })
    const server = await scanFiles({
      'tests/test_w.py': py('HTTPServer(("127.0.0.1", 0), H).serve_forever()'),
    })
    expect(port007(listener)).toEqual([])
    expect(port007(add)).toEqual([])
    expect(port007(server)).toEqual([7])
  })
})

describe('PORT007 serve-before-listen in Python', () => {
  it('needs a server-like target or a host/port before flagging x.run in a thread', async () => {
    const code = (target: string, extra = '') => `import threading
import requests

def test_x(self):
    threading.Thread(target=${target}${extra}, daemon=True).start()
    requests.get("http://127.0.0.1:5001/")
`
    const r = await scanFiles({
      'tests/test_a.py': code('self.app.run'),
      'tests/test_b.py': code('worker.run'),
      'tests/test_c.py': code('worker.run', ', kwargs={"port": 5001}'),
    })
    expect(r.findings.map((f) => `${f.path}:${f.rule}`).sort()).toEqual([
      'tests/test_a.py:PORT007',
      'tests/test_c.py:PORT007',
    ])
  })
})

describe("Go's Example functions", () => {
  it('are run, and so read, when an // Output: comment says what they print', async () => {
    const go = (output: string) => `package x

import "net/http"

func ExampleServe() {
\tgo http.ListenAndServe(":8080", nil)
${output}}
`
    const run = await scanFiles({ 'example_test.go': go('\t// Output: ok\n') })
    const unrun = await scanFiles({ 'example_test.go': go('') })
    expect(run.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([6])
    expect(unrun.findings.filter((f) => f.rule === 'PORT001')).toEqual([])
  })
})

describe('PORT001 message', () => {
  it('stretches a port counter over the helpers that hand out its next number, keeping its fingerprint', async () => {
    // jchristn/WatsonWebsocket: the label stands at GetNextPort(), the finding at the counter.
    const cs = (helper: string) => `using System.Threading;

public class IntegrationTests
{
    private static int _basePort = 12000;
${helper}
    private static void Log(string text) { }

    [Fact]
    public void Serves()
    {
        using var server = TestServer.Start(GetNextPort());
    }
}
`
    const one = await scanFiles({
      'Tests/IntegrationTests.cs': cs(
        '    private int GetNextPort() => Interlocked.Increment(ref _basePort);\n',
      ),
    })
    const two = await scanFiles({
      'Tests/IntegrationTests.cs': cs(
        '\n    private int GetNextPort()\n    {\n        return Interlocked.Increment(ref _basePort);\n    }\n',
      ),
    })
    expect(spansOf(one, 'PORT001')).toEqual([[5, 6]])
    expect(spansOf(two, 'PORT001')).toEqual([[5, 10]])
    expect(one.findings[0]!.fingerprint).toBe(two.findings[0]!.fingerprint)
  })

  it('mentions ephemeral ports only for ports an OS hands out as ephemeral (32768 and up)', async () => {
    const code = `const net = require('node:net')
it('low', () => { net.createServer().listen(3000) })
it('high', () => { net.createServer().listen(40000) })
`
    const r = await scanFiles({ 'test/a.spec.js': code })
    const [low, high] = r.findings.sort((a, b) => a.line - b.line)
    expect(low!.message).not.toMatch(/ephemeral/)
    expect(high!.message).toMatch(/drew 40000 as its ephemeral port/)
  })

  it('names the listen address a server-starting helper is given, not a later number', async () => {
    // panjf2000/gnet: runSimServer(t, addr, async, nclients, packetSize, batch, …); 1024 is a size.
    const go = `package gnet

import "testing"

func TestServe(t *testing.T) {
	runSimServer(t, ":7204", true, 10, 1024, 20, -1)
}
`
    const r = await scanFiles({ 'gnet_test.go': go })
    expect(r.findings.map((f) => [f.rule, f.message.match(/fixed port (\d+)/)?.[1]])).toEqual([
      ['PORT001', '7204'],
    ])
  })

  it('names where a drawn range starts, not its width', async () => {
    // thedotmack/claude-mem: the base is 41000; 9000 is how many ports the draw spans.
    const ts = `it('serves', async () => {
  const port = 41000 + Math.floor(Math.random() * 9000)
  await server.listen(port, '127.0.0.1')
})
`
    const r = await scanFiles({ 'tests/server.test.ts': ts })
    const messages = r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.message)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain('range starting at 41000')
  })

  it('says a port drawn at random from a range is drawn, not counted', async () => {
    const go = `package parser

import (
	"fmt"
	"math/rand"
	"net/http"
	"testing"
)

func TestParse(t *testing.T) {
	port := rand.Intn(65535-1024) + 1024
	server := &http.Server{Addr: fmt.Sprintf(":%d", port)}
	go server.ListenAndServe()
	counted := 9000 + len(t.Name())
	other := &http.Server{Addr: fmt.Sprintf(":%d", counted)}
	go other.ListenAndServe()
}
`
    const r = await scanFiles({ 'parser/config_test.go': go })
    const messages = r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.message)
    // One finding from the draw to the server it configures: "picks a random port from a range…".
    expect(messages.some((m) => /random port from a range starting at 1024/.test(m))).toBe(true)
    expect(messages.some((m) => m.includes('counted up from 9000'))).toBe(true)
  })
})

describe('what the twentieth round must not read as a listener (its review)', () => {
  it('C: a client filling the address it dials, an option named TRANSPORT_…, a file name, a small number', async () => {
    const c = `#include "client.h"
#define TRANSPORT_TCP 1
#define REPORT_INTERVAL 5000

static void test_client(void) {
    struct sockaddr_in a;
    fill_server_addr(&a, "127.0.0.1", 8080);
    connect(fd, (struct sockaddr *)&a, sizeof a);
    client_set_server_address(c, "127.0.0.1", 6379);
    transport_bind(t, TRANSPORT_TCP);
    report_listen(bus, REPORT_INTERVAL);
    event_listen(bus, "events.log", 5);
    evhttp_bind_socket(http, "127.0.0.1", 8080);
}
`
    const r = await scanFiles({ 'tests/test_client.c': c })
    // Only libevent's evhttp_bind_socket listens.
    expect(hits(r)).toEqual(['PORT001@13'])
  })

  it('JVM: a mock given a number that is no port (a delay, a buffer size)', async () => {
    const java = `import org.junit.Test;

public class MockThingsTest {
    @Test
    public void usesMocks() throws Exception {
        MockTimer timer = new MockTimer(5000);
        MockInputStream in = new MockInputStream(4096);
        int port = 25225;
        MockFluentd fluentd = new MockFluentd(port);
        fluentd.start();
    }
}
`
    const r = await scanFiles({ 'src/test/java/MockThingsTest.java': java })
    expect(hits(r)).toEqual(['PORT001@8'])
  })

  it('Python: a start retried in a loop whose sleep is the back-off in except', async () => {
    const py = `import time


def launch_with_retries(port):
    for attempt in range(5):
        try:
            start_server(port)
            break
        except OSError:
            time.sleep(1)
    return port


def launch_all(ports):
    for p in ports:
        start_server(p)
        time.sleep(0.5)
    return ports
`
    const r = await scanFiles({ 'tests/conftest.py': py })
    expect(hits(r)).toEqual(['PORT007@16'])
  })

  it('Rust: a task that dials a local address is a client, not a server', async () => {
    const rust = `use std::time::Duration;

#[tokio::test]
async fn client_session() {
    let task = tokio::spawn(async move {
        let stream = TcpStream::connect("127.0.0.1:7000").await.unwrap();
        let mut session = Session::new(stream);
        session.run().await
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    task.abort();
}
`
    const r = await scanFiles({ 'tests/client_task.rs': rust })
    expect(hits(r).filter((h) => h.startsWith('PORT007'))).toEqual([])
  })

  it('Go: a subtest named "ipv4:" is no listener on port 0', async () => {
    const go = GO_SUBTEST
    const r = await scanFiles({ 'pkg/r_test.go': go })
    const reuse = r.findings.filter((f) => f.rule === 'PORT004')
    expect(reuse.map((f) => f.severity)).toEqual(['note', 'note'])
    expect(reuse.some((f) => /port 0/.test(f.message))).toBe(false)
  })
})

const GO_SUBTEST = `package pkg

import (
	"context"
	"net"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func TestReusePort(t *testing.T) {
	var opErr error
	control := func(network, address string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			opErr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
		})
	}
	unix.SetsockoptInt(3, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
	t.Run("ipv4:", func(t *testing.T) {
		lc := net.ListenConfig{Control: control}
		ln, err := lc.Listen(context.Background(), "tcp", "127.0.0.1:9000")
		if err != nil || opErr != nil {
			t.Fatal(err)
		}
		defer ln.Close()
	})
}
`
