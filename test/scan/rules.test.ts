// Rule behaviour beyond the corpus: severities, settings, test regions, fingerprints.
import { describe, expect, it } from 'vitest'
import { hits, scanFiles } from './helpers.ts'

/** Each finding of `rule` as [first line, last line]. */
function spansOf(
  r: { findings: { rule: string; line: number; endLine?: number }[] },
  rule: string,
) {
  return r.findings.filter((f) => f.rule === rule).map((f) => [f.line, f.endLine ?? f.line])
}

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

/** The free-port races a scan reports, as [first line, last line]. */
const race = (r: Parameters<typeof spansOf>[0]) => spansOf(r, 'PORT002')

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
  it('Python: @unittest.skip on a class; not JUnit’s @Disabled, which subclasses do not inherit', async () => {
    // tomerfiliba-org/rpyc's tests/test_gdb.py; rest-assured's WithJetty is @Disabled, and its
    // subclasses start Jetty on 8080 in the @BeforeAll they inherit.
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
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 src/test/java/FunctionalExporterTests.java:5',
      'PORT001 src/test/java/OtherTests.java:4',
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

describe('census 43’s false findings', () => {
  it('C++ and Java: a socket’s listen(1024) takes a backlog, a property binder’s bind(key, "10") a value', async () => {
    // facebook/folly's AsyncIoUringSocketTest; spring-boot's TomcatServerPropertiesTests.
    const cpp = `TEST(AsyncIoUringSocketTest, Connect) {
  auto serverSocket = AsyncServerSocket::newSocket(&evb);
  serverSocket->bind(0);
  serverSocket->listen(1024);
  server->listen(8080);
}
`
    const java = `class TomcatServerPropertiesTests {
  @Test
  void maxThreads() {
    bind("server.tomcat.threads.max", "10");
    bind("localhost", 8081);
  }
}
`
    const r = await scanFiles({
      'folly/io/async/test/AsyncTest.cpp': cpp,
      'src/test/java/TomcatServerPropertiesTests.java': java,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 folly/io/async/test/AsyncTest.cpp:5',
      'PORT001 src/test/java/TomcatServerPropertiesTests.java:5',
    ])
  })
})

describe('census 43’s false findings: a port set on settings nothing starts', () => {
  it('Java: setPort on a connector or properties object in a file that starts nothing', async () => {
    // apache/tomcat's TestRequestFilterValve (the valve is invoked on mock requests) and
    // spring-boot's ManagementServerPropertiesTests (a getter checked after its setter).
    const valve = `public class TestRequestFilterValve {
    @Test
    public void filters() {
        Connector connector = new Connector();
        connector.setPort(8080);
        valve.invoke(request, response);
    }
}
`
    const started = `public class TestConnector {
    @Test
    public void serves() throws Exception {
        Tomcat tomcat = getTomcatInstance();
        Connector connector = tomcat.getConnector();
        connector.setPort(8081);
        tomcat.start();
    }
}
`
    const r = await scanFiles({
      'test/org/apache/catalina/valves/TestRequestFilterValve.java': valve,
      'test/org/apache/catalina/connector/TestConnector.java': started,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 test/org/apache/catalina/connector/TestConnector.java:6',
    ])
  })
})

describe('census 43’s false findings: a Playwright fixture hands its value to use()', () => {
  it('TypeScript: a server on port 0 whose URL use() hands to the test, closed after it', async () => {
    // microsoft/playwright's tests/library/client-certificates.spec.ts startCCServer fixture.
    const ts = `const test = base.extend<TestOptions>({
  startCCServer: async ({ asset }, use) => {
    let server: http.Server | undefined;
    await use(async (options) => {
      server = createHttpsServer({}, handler);
      await new Promise<void>((f) => server.listen(0, '127.0.0.1', () => f()));
      return \`https://127.0.0.1:\${(server.address() as net.AddressInfo).port}/\`;
    });
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  },
});
`
    expect(race(await scanFiles({ 'tests/library/client-certificates.spec.ts': ts }))).toEqual([])
  })
})

describe('census 43’s false findings: a default port every caller overrides', () => {
  const server = (caller: string) => `from wsgiref.simple_server import make_server


def run_server(port=4317, *, use_tls=False):
    server = make_server("0.0.0.0", port, app)
    server.serve_forever()


def otlp_server_run(port, use_tls=False):
${caller}
`
  const findings = async (caller: string) =>
    (await scanFiles({ 'tests/integration/src/server/otlp_server.py': server(caller) })).findings
      .filter((f) => f.rule === 'PORT001')
      .map((f) => f.line)

  it('Python: a default no caller in the file leaves in place is never the port', async () => {
    // fluent/fluent-bit's tests/integration/src/server/otlp_server.py.
    const thread = `    thread = threading.Thread(
        target=run_grpc_server if use_grpc else run_server,
        kwargs={"port": port, "use_tls": use_tls},
    )
    thread.start()`
    expect(await findings(thread)).toEqual([])
    expect(await findings('    run_server(port, use_tls=use_tls)')).toEqual([])
    expect(await findings('    run_server(port=port)')).toEqual([])
  })

  it('still reports the default where a caller leaves it out, or nothing in the file calls it', async () => {
    expect(await findings('    run_server(use_tls=use_tls)')).toEqual([4])
    expect(await findings('    threading.Thread(target=run_server).start()')).toEqual([4])
    expect(await findings('    pass')).toEqual([4])
  })
})

describe('census 43’s false findings: a bind that a loop tries again when it fails', () => {
  it('Python, Go and C++: the failure moves on to the next port, or the loop stops at the first that binds', async () => {
    // pgbouncer's test/utils.py PortLock, serf's testutil/addr.go TakeIP, folly's
    // AsyncSocketTest2.cpp ConnectWithBoundFd.
    const py = `import socket

next_port = 10200


class PortLock:
    def __init__(self):
        global next_port
        while True:
            next_port += 1
            with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
                try:
                    s.bind(("127.0.0.1", next_port))
                    self.port = next_port
                    break
                except Exception:
                    continue
`
    const go = `package testutil

func TakeIP(t *testing.T) net.IP {
	for attempts := 0; ; attempts++ {
		ip := getBindAddr()
		ln, err := net.ListenTCP("tcp4", &net.TCPAddr{IP: ip, Port: 10101})
		if err != nil {
			returnIP(ip)
			continue
		}
		locks = append(locks, ln)
		return ip
	}
}
`
    const cpp = `TEST_P(AsyncSocketTest, ConnectWithBoundFd) {
  uint16_t boundPort = 0;
  for (uint16_t port = 1024; port <= 65535; port++) {
    struct sockaddr_in* sa = reinterpret_cast<struct sockaddr_in*>(&bindStorage);
    sa->sin_port = htons(port);
    if (::bind(sockfd, (struct sockaddr*)&bindStorage, bindLen) == 0) {
      boundPort = port;
      break;
    }
  }
}
`
    const r = await scanFiles({
      'test/utils.py': py,
      'testutil/addr_test.go': go,
      'folly/io/async/test/AsyncSocketTest2.cpp': cpp,
    })
    expect(r.findings.filter((f) => f.rule === 'PORT001')).toEqual([])
  })

  it('still reports servers a loop starts on counted ports, or the server a retried bind settles on', async () => {
    const go = `package cluster

func TestCluster(t *testing.T) {
	for i := 0; i < 3; i++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", 7000+i))
		if err != nil {
			t.Fatal(err)
		}
		go serve(ln)
	}
}
`
    const py = `import socket


def test_nodes():
    for node in nodes:
        port = 7000
        s = socket.socket()
        s.bind(("127.0.0.1", port))
        if port == 7001:
            continue
        s.listen()
`
    // stephenberry/glaze's http_chunked_test.cpp before the project moved it to port 0 (glaze-06).
    const cpp = `suite chunked = [] {
  "stream"_test = [] {
    glz::http_server<> server;
    uint16_t port = 0;
    for (uint16_t p = 19500; p < 19700; ++p) {
      try {
        server.bind("127.0.0.1", p);
        port = p;
        break;
      }
      catch (...) {
        continue;
      }
    }
    std::thread server_thread([&] { server.start(1); });
  };
};
`
    const r = await scanFiles({
      'cluster_test.go': go,
      'tests/test_nodes.py': py,
      'tests/http_chunked_test.cpp': cpp,
    })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.path)).toEqual([
      'cluster_test.go',
      'tests/http_chunked_test.cpp',
      'tests/test_nodes.py',
    ])
  })
})

describe('census 43’s false findings: a C# fixture its runner ignores whole', () => {
  it('C#: no finding in a fixture marked [Ignore]; still one in an abstract fixture so marked, or one without', async () => {
    // ServiceStack's ServerEventTests.cs.
    const fixture = (marks: string, name: string, abstract = '') => `${marks}
public ${abstract}class ${name} : ServerEventsTests
{
    protected override ServiceStackHost CreateAppHost()
    {
        return new ServerEventsAppHost().Init().Start("http://localhost:20000/");
    }
}
`
    const r = await scanFiles({
      'tests/RedisServerEventsTests.cs': fixture(
        '[Ignore("Hangs in new build server")]\n[TestFixture]',
        'RedisServerEventsTests',
      ),
      'tests/SelfHostTests.cs': fixture('[TestFixture, Ignore("Requires admin")]', 'SelfHostTests'),
      'tests/ServerEventsTestsBase.cs': fixture(
        '[Ignore("base")]',
        'ServerEventsTestsBase',
        'abstract ',
      ),
      'tests/MemoryServerEventsTests.cs': fixture('[TestFixture]', 'MemoryServerEventsTests'),
    })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.path)).toEqual([
      'tests/MemoryServerEventsTests.cs',
      'tests/ServerEventsTestsBase.cs',
    ])
  })
})

describe('census 43’s false findings: a Kafka client’s handle on a broker', () => {
  it('Go: NewBroker(addr) makes a handle to dial; a helper that starts a broker still listens', async () => {
    // IBM/sarama's broker_test.go, twmb/franz-go's pkg/kgo/broker_test.go.
    const go = `package kgo

func TestBrokerHandle(t *testing.T) {
	b := NewBroker("127.0.0.1:9092")
	c := cl.newBroker(1, "127.0.0.1", 9092, nil)
	_ = b
	_ = c
}

func TestMQTT(t *testing.T) {
	broker := startBroker(t, 18830)
	defer broker.Close()
}
`
    const r = await scanFiles({ 'pkg/kgo/broker_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([11])
  })
})

describe('census 43’s false findings: a port in a container’s description', () => {
  it('Go: the app port of a container the runner deploys is the pod’s; a host port is the host’s', async () => {
    // dapr/dapr's tests/perf/state_get_grpc/state_get_grpc_test.go.
    const go = (field: string) => `package perf

func TestMain(m *testing.M) {
	testApps := []kube.AppDescription{
		{
			AppName:   appName,
			ImageName: "perf-tester",
			Replicas:  1,
			${field}:   3001,
		},
	}
	tr = runner.NewTestRunner("state_get_grpc", testApps, nil, nil)
	os.Exit(tr.Start(m))
}
`
    const ports = async (field: string) =>
      (await scanFiles({ 'tests/perf/state_get_grpc_test.go': go(field) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await ports('AppPort')).toEqual([])
    expect(await ports('HostPort')).toEqual([9])
  })
})

describe('census 43’s false findings: the settings of a connection to make', () => {
  it('Java and Python: a connection factory’s port, connection parameters’ port; a connector’s still listens', async () => {
    // rabbitmq-java-client's tools/Host.java tryConnectFor; pika's thread_safe_connection_test.py.
    const java = `public class Host {
    public static void tryConnectFor(int timeoutInMs, int port) throws Exception {
        ConnectionFactory connectionFactory = TestUtils.connectionFactory();
        connectionFactory.setPort(port);
        try (Connection ignored = connectionFactory.newConnection()) {
            return;
        }
    }

    public static void startRabbitApplication() throws Exception {
        rabbitmqctl("start_app");
        tryConnectFor(10000, 5672);
    }

    public static void restart() throws Exception {
        startRabbitApplication();
    }
}
`
    const py = `import pika

DEFAULT_PARAMS = pika.ConnectionParameters(
    host='127.0.0.1',
    port=5672,
)


class ThreadSafeTestCase(unittest.TestCase):
    def test(self):
        fwd = ForwardServer(
            remote_addr=(DEFAULT_PARAMS.host, DEFAULT_PARAMS.port),
        )
        fwd.start()
`
    const jetty = `public class JettyTest {
    @Test
    void serves() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(8080);
        server.start();
    }
}
`
    const r = await scanFiles({
      'src/test/java/com/rabbitmq/tools/Host.java': java,
      'tests/acceptance/thread_safe_connection_test.py': py,
      'src/test/java/JettyTest.java': jetty,
    })
    expect(
      r.findings.filter((f) => f.rule === 'PORT001').map((f) => `${f.path}:${f.line}`),
    ).toEqual(['src/test/java/JettyTest.java:5'])
  })
})

describe('census 43’s false findings: a test of the free-port helper itself', () => {
  it('Go and Python: tests named for the helper only look at its number; one that binds it again is still reported', async () => {
    // gogf/gf's net/gudp/gudp_z_example_test.go, smallnest/rpcx's util/net_test.go,
    // localstack's tests/unit/utils/test_net_utils.py (judged true).
    const go = `package util

func ExampleGetFreePort() {
	port, err := gudp.GetFreePort()
	fmt.Println(port, err)
}

func TestGetFreePort(t *testing.T) {
	for i := 0; i < 1000; i++ {
		port, err := GetFreePort()
		if err != nil {
			t.Fatal(err)
		}
		if port == 0 {
			t.Fatal("expect a non-zero port")
		}
	}
}
`
    const py = `def test_get_free_udp_port():
    port = get_free_udp_port()
    assert port_can_be_bound(Port(port, "udp"))
`
    const r = await scanFiles({ 'util/net_test.go': go, 'tests/unit/utils/test_net_utils.py': py })
    expect(race(r)).toEqual([[2, 2]])
  })
})

describe('census 44’s false findings: a server closed in the completion callback of series()', () => {
  it('JavaScript: a DHT server listening on port 0 for every task, destroyed once they are done', async () => {
    // webtorrent/webtorrent's test/node/download-dht-torrent.js.
    const js = `import { Server as DHT } from 'bittorrent-dht'
import series from 'run-series'
import test from 'tape'

test('Download using DHT', t => {
  const dhtServer = new DHT({ bootstrap: false })
  let client1

  series([
    cb => {
      dhtServer.listen(cb)
    },

    cb => {
      client1 = new WebTorrent({
        dht: { bootstrap: \`127.0.0.1:\${dhtServer.address().port}\` },
      })
      client1.on('torrent', () => cb(null))
    },
  ], err => {
    t.error(err)
    dhtServer.destroy(err => { t.error(err) })
  })
})
`
    expect(race(await scanFiles({ 'test/node/download-dht-torrent.js': js }))).toEqual([])
  })
})

describe('census 44’s false findings: a connection dialled to the port while the listener is open', () => {
  it('Go: a connected pair kept in variables of the function, the listener closed after', async () => {
    // libp2p/go-libp2p's p2p/security/noise/transport_test.go newConnPair.
    const go = `package noise

func newConnPair(t *testing.T) (net.Conn, net.Conn) {
	lstnr, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatalf("Failed to listen: %v", err)
	}
	var clientErr error
	var client net.Conn
	addr := lstnr.Addr()
	done := make(chan struct{})
	go func() {
		defer close(done)
		client, clientErr = net.Dial(addr.Network(), addr.String())
	}()
	server, err := lstnr.Accept()
	<-done
	lstnr.Close()
	return client, server
}

func TestHandshake(t *testing.T) {
	init, resp := newConnPair(t)
	_ = init
	_ = resp
}
`
    expect(race(await scanFiles({ 'p2p/security/noise/transport_test.go': go }))).toEqual([])
  })
})

describe('census 44’s false findings: options handed to a helper that runs a test', () => {
  it('Rust: a header’s port handed to run_metric_test is a metric label; run_server still starts one', async () => {
    // linkerd/linkerd2-proxy's linkerd/app/inbound/src/direct/metrics/tests.rs.
    const rs = (helper: string) => `#[test]
fn records_metrics_http1_local() {
    let header = TransportHeader {
        port: 8080,
        name: None,
    };
    let registry = ${helper}(header);
    assert_counted!(&registry, "http/1", 8080, "", 1);
}
`
    const ports = async (helper: string) =>
      (await scanFiles({ 'src/direct/metrics/tests.rs': rs(helper) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await ports('run_metric_test')).toEqual([])
    expect(await ports('run_server')).toEqual([4])
  })
})

describe('census 44’s false findings: a server of a simulated network', () => {
  it('C++: libsimulator’s sim::http_server binds no host port; a real http_server does', async () => {
    // arvidn/libtorrent's simulation/test_web_seed.cpp.
    const cpp = `TORRENT_TEST(web_seed_redirect)
{
  sim::default_config network_cfg;
  sim::simulation sim{network_cfg};
  sim::asio::io_context web_server1(sim, make_address_v4("2.2.2.2"));
  sim::http_server http1(web_server1, 8080);
  lt::http_server real(ios, 8081);
}
`
    const r = await scanFiles({ 'simulation/test_web_seed.cpp': cpp })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([7])
  })
})

describe('census 44’s false findings: a queue the server fills once it listens', () => {
  it('Python: the client waits on qout.get() for the address the server thread puts there', async () => {
    // MagicStack/uvloop's tests/test_regr1.py.
    const py = (wait: string) => `import threading


def run_server(quin, qout):
    server = socket.create_server(('127.0.0.1', 0))
    qout.put(server.getsockname())
    quin.get()


def test_regr():
    qin, qout = queue.Queue(), queue.Queue()
    threading.Thread(target=run_server, args=(qin, qout), daemon=True).start()
    ${wait}
    sock = socket.create_connection(('127.0.0.1', 8080))
`
    const starts = async (wait: string) =>
      (await scanFiles({ 'tests/test_regr1.py': py(wait) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await starts('addr = qout.get()')).toBe(0)
    expect(await starts('addr = None')).toBe(1)
  })
})

describe('census 44’s false findings: Go declares every name of a multiple assignment', () => {
  it('Go: err assigned again is the function’s own, not a variable of the code around; a released probe is still reported', async () => {
    // go-mysql-org/go-mysql's server/authentication_handler_test.go; gofiber/fiber's listen_test.go (judged true).
    const held = `package server

func TestOnAuthSuccessCanReject(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()

	go func() {
		conn, _ := l.Accept()
		_ = conn
	}()

	db, err := sql.Open("mysql", "testuser:testpass@tcp("+l.Addr().String()+")/test")
	require.NoError(t, err)
	defer db.Close()

	err = db.Ping()
	require.Error(t, err)
}
`
    const released = `package fiber

// go test -run Test_Listen_ClosesListenerOnBeforeServeError
func Test_Listen_ClosesListenerOnBeforeServeError(t *testing.T) {
	// Grab a free port, then release it so we can bind it via Listen.
	probe, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := probe.Addr().String()
	require.NoError(t, probe.Close())

	app := New()
	err = app.Listen(addr, ListenConfig{
		DisableStartupMessage: true,
		BeforeServeFunc: func(_ *App) error {
			return errors.New("stop before serving")
		},
	})
	require.Error(t, err)

	// The listener must have been closed on the error path, so the port is
	// immediately bindable again (a leaked listener would keep it bound).
	ln, err := net.Listen("tcp", addr)
	require.NoError(t, err, "listener leaked: port still bound after BeforeServeFunc error")
	require.NoError(t, ln.Close())
`
    const r = await scanFiles({ 'server/auth_test.go': held, 'listen_test.go': released })
    expect(
      r.findings.filter((f) => f.rule === 'PORT002').map((f) => `${f.path}:${f.line}`),
    ).toEqual(['listen_test.go:6'])
  })
})

describe('census 43’s false findings: a random start handed to a free-port helper', () => {
  it('Java: a drawn base given to getAvailablePort is where the helper starts looking; a drawn port bound as is stays PORT001', async () => {
    // apache/dubbo's MulticastRegistryTest and ThreadNameTest.
    const java = `class MulticastRegistryTest {
    @Test
    void testGetCustomPort() {
        int port = NetUtils.getAvailablePort(20880 + new Random().nextInt(10000));
        URL customPortUrl = URL.valueOf("multicast://239.239.239.239:" + port);
        MulticastRegistry multicastRegistry = new MulticastRegistry(customPortUrl);
    }

    @Test
    void drawn() throws Exception {
        int port = 20880 + new Random().nextInt(10000);
        ServerSocket server = new ServerSocket(port);
    }
}
`
    const r = await scanFiles({ 'src/test/java/MulticastRegistryTest.java': java })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([11])
  })
})

describe('census 37’s false findings: a helper’s server built from one parameter, listening on a free port', () => {
  it('TypeScript: server.listen(port) on a server made from dropCount does not listen on dropCount; listen(port) on the parameter does', async () => {
    // redis/node-redis's packages/client/lib/client/index.spec.ts setup().
    const ts = `describe("reconnect", () => {
  it("should reconnect", async () => {
    const { client } = await setup({}, 2);
  });
  it("listens where it is told", async () => {
    await listenOn(6379);
  });

  async function setup(socketOptions: Partial<RedisSocketOptions>, dropCount: number) {
    const port = await getFreePortNumber();
    const server = setupMockServer(dropCount);
    await once(server.listen(port), "listening");
    return { client: createClient({ socket: { host: "localhost", port } }) };
  }

  async function listenOn(port: number) {
    const server = net.createServer();
    await once(server.listen(port), "listening");
  }
});
`
    const r = await scanFiles({ 'packages/client/lib/client/index.spec.ts': ts })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([6, 18])
  })
})

describe('census 43’s false findings: a port in a stand-in’s fields', () => {
  it('Go and TypeScript: a stub listener’s address and a stubbed module’s options bind nothing; a mock server’s port does', async () => {
    // caddyserver/caddy's cmd/main_test.go; flexit's fake_unit_discovery_responder.test.ts (corpus,
    // judged false).
    const go = `package caddycmd

func TestListenTCPForPingback(t *testing.T) {
	expected := &stubListener{addr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1234}}
	actual, err := listenTCPForPingback(func(network, address string) (net.Listener, error) {
		return expected, nil
	})
	_ = actual
}
`
    const ts = `it('responds', async () => {
  const responder = new MockedResponder({ bindAddress: '127.0.0.1', bacnetPort: 47888 });
  await responder.start();
  const server = new MockWebServer({ port: 8089 });
  await server.start();
});
`
    const r = await scanFiles({ 'cmd/main_test.go': go, 'test/responder.test.ts': ts })
    expect(
      r.findings.filter((f) => f.rule === 'PORT001').map((f) => `${f.path}:${f.line}`),
    ).toEqual(['test/responder.test.ts:4'])
  })
})

describe('census 40’s false findings: a suite run only under a condition the file fixes', () => {
  it('TypeScript: describe.runIf(false) and describe.skipIf(true) never run; runIf(true) or an environment check may', async () => {
    // unjs/nitro's test/presets/winterjs.test.ts (`const hasWasmer = false`).
    const suite = (flag: string, guard: string) => `import { getRandomPort } from "get-port-please";

const hasWasmer = ${flag};

describe.${guard}("preset", () => {
  it("serves", async () => {
    const port = await getRandomPort();
    server.listen(port);
  });
});
`
    const races = async (flag: string, guard: string) =>
      race(await scanFiles({ 'test/presets/winterjs.test.ts': suite(flag, guard) })).length
    expect(await races('false', 'runIf(hasWasmer)')).toBe(0)
    expect(await races('false', 'skipIf(!hasWasmer)')).toBe(0)
    expect(await races('true', 'skipIf(hasWasmer)')).toBe(0)
    expect(await races('true', 'runIf(hasWasmer)')).toBe(1)
    expect(await races('false', 'runIf(process.env.WASMER)')).toBe(1)
  })
})

describe('census 45’s false findings: a listener on a simulated network', () => {
  it('Go: pion’s vnet interface binds no host port; the host’s net package does', async () => {
    // pion/webrtc's icegatherer_test.go.
    const go = `package webrtc

func TestTURN(t *testing.T) {
	turnNet, err := vnet.NewNet(&vnet.NetConfig{StaticIPs: []string{"1.2.3.4"}})
	require.NoError(t, err)
	turnListener, err := turnNet.ListenPacket("udp4", "1.2.3.4:3478")
	require.NoError(t, err)
	hostListener, err := net.ListenPacket("udp4", "127.0.0.1:3479")
	require.NoError(t, err)
	_, _ = turnListener, hostListener
}
`
    const r = await scanFiles({ 'icegatherer_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([8])
  })
})

describe('census 45’s false findings: a random candidate that a probe tries', () => {
  it('Java: a draw bound only to see whether it is free is PORT002’s probe, not a fixed port', async () => {
    // line/armeria's ConsulTestBase.unusedPorts.
    const java = (onFailure: string) => `class ConsulTestBase {
    protected static int[] unusedPorts(int numPorts) {
        final int[] ports = new int[numPorts];
        final Random random = ThreadLocalRandom.current();
        for (int i = 0; i < numPorts; i++) {
            for (;;) {
                final int candidatePort = random.nextInt(64512) + 1024;
                try (ServerSocket ss = new ServerSocket()) {
                    ss.bind(new InetSocketAddress("127.0.0.1", candidatePort));
                    ports[i] = candidatePort;
                    break;
                } catch (IOException e) {
                    ${onFailure}
                }
            }
        }
        return ports;
    }
}
`
    const draws = async (onFailure: string) =>
      (await scanFiles({ 'src/test/java/ConsulTestBase.java': java(onFailure) })).findings.filter(
        (f) => f.rule === 'PORT001' && /random port/.test(f.message),
      ).length
    expect(await draws('continue;')).toBe(0)
    expect(await draws('throw new IllegalStateException(e);')).toBe(1)
  })

  it('Python: a new draw for the next turn of a probe loop is the probe’s too', async () => {
    // man-group/pytest-plugins' get_ephemeral_port.
    const py = (handOut: string) => `import random, socket

def get_ephemeral_port(port=0, host="127.0.0.1"):
    if port == 0:
        port = random.randrange(1024, 32768)
    while True:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((host, port))
            ${handOut}
        except socket.error:
            port = random.randrange(1024, 32768)
`
    const lines = async (handOut: string) =>
      (await scanFiles({ 'tests/fixtures.py': py(handOut) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('port = s.getsockname()[1]; s.close(); return port')).toEqual([])
    // A server kept on the drawn port is a fixed port's, both draws.
    expect(await lines('s.listen(); return s')).toEqual([5, 12])
  })
})

describe('census 45’s false findings: a builder that describes a remote instance', () => {
  it('Java: InstanceInfo’s builder is given a port it dials; a connector listens on its own', async () => {
    // Netflix/zuul's DefaultClientChannelManagerTest.
    const java = `class DefaultClientChannelManagerTest {
    @Test
    void pickAddress() {
        InstanceInfo instanceInfo = InstanceInfo.Builder.newBuilder()
                .setAppName("app")
                .setHostName("server-list")
                .setPort(7777)
                .build();
        manager.start();
    }

    @Test
    void serves() {
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(8080);
        server.start();
    }
}
`
    const r = await scanFiles({ 'src/test/java/DefaultClientChannelManagerTest.java': java })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([15])
  })
})

describe('census 45’s false findings: a list of nodes a client reaches', () => {
  it('TypeScript: cluster nodes handed to a client are not a server’s options; one server’s are', async () => {
    // taskforcesh/bullmq's tests/cluster.test.ts.
    const ts = (nodes: string) => `describe('Cluster integration tests', () => {
  const clusterNodes = ${nodes};
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = new Cluster(clusterNodes, { redisOptions: { maxRetriesPerRequest: null } });
  });
  it('processes a job', async () => {
    const worker = new Worker(queueName, async () => {}, { connection: cluster });
    worker.run();
  });
});
`
    const ports = async (nodes: string) =>
      (await scanFiles({ 'tests/cluster.test.ts': ts(nodes) })).findings.filter(
        (f) => f.rule === 'PORT001',
      ).length
    expect(
      await ports(`[
    { host: '127.0.0.1', port: 7001 },
    { host: '127.0.0.1', port: 7002 },
  ]`),
    ).toBe(0)
    expect(await ports(`{ host: '127.0.0.1', port: 7001 }`)).toBe(1)
  })
})

describe('PORT001: a constant that fixes the tests’ port, at its definition', () => {
  it('TypeScript: node-opcua’s serverPort is reported where it is defined and where it listens', async () => {
    // node-opcua's reverse-connect end-to-end test (opcua-01 in the real-world corpus).
    const ts = (listen: string) => `const serverPort = 2231;
const clientPort = 2232;

describe("ReverseConnect", function () {
    it("connects", async () => {
        ${listen}
        await server.start();
        const client = OPCUAClient.create({});
        await client.connect(\`opc.tcp://127.0.0.1:\${clientPort}\`);
    });
});
`
    const spans = async (listen: string) =>
      spansOf(await scanFiles({ 'test/reverse_connect.test.ts': ts(listen) }), 'PORT001')
    expect(await spans('const server = new OPCUAServer({ port: serverPort });')).toEqual([
      [1, 1],
      [6, 7],
    ])
    // Only the client reads clientPort; a server on port 0 fixes nothing.
    expect(await spans('const server = new OPCUAServer({ port: 0 });')).toEqual([])
  })

  it('Python: a module constant assigned again is a counter, not a constant', async () => {
    const py = (more: string) => `import socket

PORT = 18080${more}


def test_serves():
    s = socket.socket()
    s.bind(("127.0.0.1", PORT))
    s.listen()
`
    const lines = async (more: string) =>
      (await scanFiles({ 'tests/test_serves.py': py(more) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('')).toEqual([3, 8])
    expect(await lines('\nPORT = 18081')).toEqual([])
  })
})

describe('PORT001: a start handed the port the test then dials', () => {
  it('JavaScript: whatever the start is called, the test talks to the port it was handed', async () => {
    // aerogear/graphql-testx's test (graphqltestxd-01 in the real-world corpus).
    const js = (dial: string) => `test("starts", async t => {
  const controller = newTestxController();
  await controller.start(7896);
  await ${dial};
  await controller.close();
});
`
    const spans = async (dial: string) =>
      spansOf(await scanFiles({ 'test/controller.test.js': js(dial) }), 'PORT001')
    expect(await spans('isNotConnectionRefused(t, "http://localhost:7896")')).toEqual([[3, 3]])
    expect(await spans('isNotConnectionRefused(t, "http://localhost:7897")')).toEqual([])
    // A client started on the port dials it.
    expect(
      spansOf(
        await scanFiles({
          'test/client.test.js': js('client.get("http://localhost:7896")').replace(
            'controller.start',
            'client.start',
          ),
        }),
        'PORT001',
      ),
    ).toEqual([])
  })
})

describe('PORT001: an address held by a variable, or declared once per build branch', () => {
  it('Java: Minestom’s server.init(address) with the address a local variable of the test', async () => {
    // minestom-01 in the real-world corpus.
    const java = (port: string) => `class ServerAddressTest {
    @Test
    public void inetAddressTest() throws IOException {
        InetSocketAddress address = new InetSocketAddress("localhost", ${port});
        var server = new Server();
        server.init(address);
        assertDoesNotThrow(server::start);
    }

    @Test
    public void anyPortTest() throws IOException {
        InetSocketAddress address = new InetSocketAddress("localhost", 0);
        var server = new Server();
        server.init(address);
    }
}
`
    const spans = async (port: string) =>
      spansOf(await scanFiles({ 'src/test/java/ServerAddressTest.java': java(port) }), 'PORT001')
    expect(await spans('25565')).toEqual([[4, 6]])
    expect(await spans('0')).toEqual([])
  })

  it('C++: trantor’s address declared in both branches of #if USE_IPV6 is covered from the first', async () => {
    // trantor-03 in the real-world corpus.
    const cpp = `int main()
{
    EventLoopThread loopThread;
#if USE_IPV6
    InetAddress addr(8888, true, true);
#else
    InetAddress addr(8888);
#endif
    TcpServer server(loopThread.getLoop(), addr, "test");
    server.start();
}
`
    const r = await scanFiles({ 'trantor/tests/SSLServerTest.cc': cpp })
    expect(spansOf(r, 'PORT001')).toEqual([[5, 9]])
  })
})

describe('census 44’s false findings: a client that asks the started server for its address', () => {
  it('Go: go-libp2p’s server.Addrs() answers once the server has bound; a written address does not wait', async () => {
    // libp2p/go-libp2p's p2p/http/example_test.go.
    const go = (target: string) => `package libp2phttp_test

import (
	"net/http"

	libp2phttp "github.com/libp2p/go-libp2p/p2p/http"
)

func ExampleHost_listenOnHTTPTransport() {
	server := libp2phttp.Host{
		InsecureAllowHTTP: true,
		ListenAddrs:       []ma.Multiaddr{ma.StringCast("/ip4/127.0.0.1/tcp/0/http")},
	}
	go server.Serve()
	defer server.Close()
	resp, err := http.Get(${target})
	_, _ = resp, err
	// Output: Hello World
}
`
    const races = async (target: string) =>
      (await scanFiles({ 'p2p/http/example_test.go': go(target) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races('"multiaddr:" + server.Addrs()[0].String()')).toBe(0)
    expect(await races('"http://127.0.0.1:5001/hello"')).toBe(1)
  })
})

describe('census 47’s false findings: a number the listener reads that is not its port', () => {
  it('Java: aeron’s stream id equal to the endpoint’s port is no port constant; the endpoint is', async () => {
    // real-logic/aeron's ResponseChannelsTest.
    const java = `class ResponseChannelsTest {
    private static final String REQUEST_ENDPOINT = "localhost:10000";
    private static final int REQUEST_STREAM_ID = 10000;

    @Test
    void shouldConnect() {
        ResponseServer responseServer = new ResponseServer(
            server, (image) -> new EchoHandler(), REQUEST_ENDPOINT, REQUEST_STREAM_ID);
        responseServer.start();
    }
}
`
    const r = await scanFiles({ 'src/test/java/ResponseChannelsTest.java': java })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([2, 7])
  })
})

describe('census 45’s false findings: what a test asserts is no client and no listener', () => {
  it('TypeScript: playwright’s certificate names compared with toBe are not dialled', async () => {
    // microsoft/playwright's tests/library/global-fetch.spec.ts.
    const ts = (
      subject: string,
    ) => `it('should return security details', async ({ playwright, asset }) => {
  const server = utils.createHttpsServer({}, (req, res) => res.end('{}'));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const request = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const response = await request.get(\`https://127.0.0.1:\${server.address().port}/\`);
  const securityDetails = await response.securityDetails();
  ${subject}
});
`
    const lines = async (subject: string) =>
      (await scanFiles({ 'tests/library/global-fetch.spec.ts': ts(subject) })).findings
        .filter((f) => f.rule === 'PORT005')
        .map((f) => f.line)
    expect(await lines("expect(securityDetails.subjectName).toBe('localhost');")).toEqual([])
    expect(
      await lines("await securityDetails.connect('localhost', server.address().port);"),
    ).toEqual([7])
  })

  it('TypeScript: a port option the test expects to be refused, its error caught and asserted', async () => {
    // microsoft/playwright's tests/library/browsertype-launch.spec.ts.
    const ts = (
      after: string,
    ) => `it('should throw if port option is passed', async ({ browserType }) => {
  const error = await browserType.launch({ port: 1234 } as any).catch(e => e);
  ${after}
});
`
    const lines = async (after: string) =>
      (await scanFiles({ 'tests/library/browsertype-launch.spec.ts': ts(after) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines("expect(error!.message).toContain('Cannot specify a port');")).toEqual([])
    expect(await lines('await page.goto(`http://127.0.0.1:1234/`);')).toEqual([2])
  })

  it('TypeScript: Vite’s resolved config compared with toMatchObject starts no server; preview() does', async () => {
    // vitejs/vite's packages/vite/src/node/__tests__/config.spec.ts.
    const ts = (
      call: string,
    ) => `test('preview inherits server config with port override', async () => {
  ${call}({
    preview: {
      port: 3006,
    },
  })
})
`
    const lines = async (call: string) =>
      (await scanFiles({ 'src/__tests__/config.spec.ts': ts(call) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines("expect(await resolveConfig(config, 'serve')).toMatchObject")).toEqual([])
    expect(await lines('await preview')).toEqual([2])
  })
})

describe('guiding misses of the twenty-fifth round', () => {
  it('C++: a fixture’s member initializer constructs the server member on its fixed port', async () => {
    // cinemast/libjson-rpc-cpp's src/test/test_connector_tcpsocket.cpp (libjsonrpccpp-02).
    const cpp = (port: string) => `#define IP "127.0.0.1"
#define PORT ${port}

struct F {
  TcpSocketServer server;
  TcpSocketClient client;
  F() : server(IP, PORT), client(IP, PORT) {
    REQUIRE(server.StartListening());
  }
  ~F() { server.StopListening(); }
};
`
    const lines = async (port: string) =>
      (await scanFiles({ 'src/test/test_connector_tcpsocket.cpp': cpp(port) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('50012')).toEqual([2, 7])
    expect(await lines('0')).toEqual([])
  })
})

describe('census 48’s false findings: a goroutine that serves on a listener already open', () => {
  it('Go: hertz’s transporter built on the test’s listener, or asked for its own until it has one', async () => {
    // cloudwego/hertz's pkg/network/netpoll/dial_test.go and pkg/network/standard/transport_test.go.
    const handed = (options: string) => `package netpoll

func TestDial(t *testing.T) {
	ln := testutils.NewTestListener(t)
	defer ln.Close()
	transporter := NewTransporter(&config.Options{${options}})
	go transporter.ListenAndServe(func(ctx context.Context, conn interface{}) error {
		return nil
	})
	time.Sleep(100 * time.Millisecond)
	_, err := net.Dial("tcp", "127.0.0.1:10101")
	assert.Nil(t, err)
}
`
    const polled = (wait: string) => `package standard

func TestTransporter(t *testing.T) {
	trans := NewTransporter(&config.Options{Network: "tcp", Addr: "127.0.0.1:0"}).(*transport)
	go trans.ListenAndServe(func(ctx context.Context, conn interface{}) error {
		return nil
	})
	${wait}
	c, err := net.Dial("tcp", trans.Listener().Addr().String())
	_ = c
}
`
    const races = async (go: string) =>
      (await scanFiles({ 'pkg/network/transport_test.go': go })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races(handed('Listener: ln'))).toBe(0)
    expect(await races(handed('Addr: "127.0.0.1:10101"'))).toBe(1)
    expect(
      await races(polled('for trans.Listener() == nil { time.Sleep(time.Millisecond) }')),
    ).toBe(0)
  })
})

describe('census 48’s false findings: SO_REUSEADDR where Go sets it anyway', () => {
  it('Go: a test file built only outside Windows sets an option every Go listener there has', async () => {
    // cloudwego/hertz's pkg/app/server/hertz_unix_test.go.
    const go = (constraint: string) => `${constraint}

package server

func TestReusePorts(t *testing.T) {
	cfg := &net.ListenConfig{Control: func(network, address string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) {
			syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
		})
	}}
	ln, _ := cfg.Listen(context.Background(), "tcp", "localhost:10093")
	defer ln.Close()
}
`
    const reuse = async (constraint: string, path = 'pkg/app/server/hertz_unix_test.go') =>
      (await scanFiles({ [path]: go(constraint) })).findings.filter((f) => f.rule === 'PORT003')
        .length
    expect(await reuse('//go:build !windows')).toBe(0)
    expect(await reuse('', 'pkg/app/server/hertz_linux_test.go')).toBe(0)
    expect(await reuse('')).toBe(1)
    expect(await reuse('//go:build linux || windows')).toBe(1)
  })
})

describe('census 48’s false findings: type tests, which are compiled and never run', () => {
  it('TypeScript: mercurius’s TSTyche file and a tsd file start nothing; a runtime test does', async () => {
    // mercurius-js/mercurius's test/types/index.tst.ts.
    const ts = `import Fastify from 'fastify'
import { expect } from 'tstyche'

const app = Fastify()
app.listen({ port: 3000 })
expect(app.graphql).type.not.toBeNever()
`
    const r = await scanFiles({
      'test/types/index.tst.ts': ts,
      'test/types/index.test-d.ts': ts,
      'test/types/index.test.ts': ts,
    })
    expect(r.findings.map((f) => `${f.rule} ${f.path}:${f.line}`)).toEqual([
      'PORT001 test/types/index.test.ts:5',
    ])
  })
})

describe('census 49’s false findings: a helper named for a server whose body the file shows', () => {
  it('C#: datastax’s CreateWithEndPoint builds an IPEndPoint value; a helper that starts a listener counts', async () => {
    // datastax/csharp-driver's src/Cassandra.Tests/Connections/Control/ResolvedContactPointTests.cs.
    const cs = (body: string) => `public class ResolvedContactPointTests
{
    [Test]
    public void Should_EqualsReturnTrue_When_BothContactPointsReferToSameIPEndPoint()
    {
        var target = CreateWithEndPoint("127.0.0.2", 1234);
        Assert.AreEqual(target, CreateWithEndPoint("127.0.0.2", 1234));
    }

    private IpLiteralContactPoint CreateWithEndPoint(string ipAddress, int port)
    {
        ${body}
    }
}
`
    const lines = async (body: string) =>
      (await scanFiles({ 'src/Cassandra.Tests/ResolvedContactPointTests.cs': cs(body) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(
      await lines(
        'return new IpLiteralContactPoint(new IPEndPoint(IPAddress.Parse(ipAddress), port), new ServerNameResolver(options));',
      ),
    ).toEqual([])
    expect(
      await lines(
        'var listener = new TcpListener(IPAddress.Parse(ipAddress), port); listener.Start(); return new IpLiteralContactPoint(listener.LocalEndpoint);',
      ),
    ).toEqual([6])
  })

  it('C#: NetCoreServer’s server class, whose constructor starts nothing, still listens once started', async () => {
    // chronoxor/NetCoreServer's tests/TcpTests.cs (netcore-01).
    const cs = `class EchoTcpServer : TcpServer
{
    public EchoTcpServer(IPAddress address, int port) : base(address, port) {}
}

public class TcpTests
{
    [Fact]
    public void TcpServerTest()
    {
        var server = new EchoTcpServer(IPAddress.Any, 1111);
        Assert.True(server.Start());
    }
}
`
    const r = await scanFiles({ 'tests/TcpTests.cs': cs })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([11])
  })
})

describe('census 49’s false findings: a start the test has stubbed away', () => {
  it('JavaScript: pactum’s Server.prototype.start stubbed in beforeEach; a suite without the stub listens', async () => {
    // pactumjs/pactum's test/unit/mock.spec.js.
    const js = (stub: string) => `const sandbox = require('sinon').createSandbox();
const Server = require('../../src/models/server');
const mock = require('../../src/exports/mock');

describe('Mock', () => {
  beforeEach(() => {
    ${stub}
  });

  it('start with port', async () => {
    await mock.start(3000);
  });
});
`
    const lines = async (stub: string) =>
      (await scanFiles({ 'test/unit/mock.spec.js': js(stub) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines("this.serverStartStub = sandbox.stub(Server.prototype, 'start');")).toEqual(
      [],
    )
    expect(
      await lines("jest.spyOn(Server.prototype, 'start').mockImplementation(() => undefined);"),
    ).toEqual([])
    // A spy alone calls through to the real start.
    expect(await lines("jest.spyOn(Server.prototype, 'start');")).toEqual([11])
    expect(await lines("sandbox.stub(Server.prototype, 'addInteraction');")).toEqual([11])
  })
})

describe('census 49’s false findings: settings built, never started', () => {
  it('Java: jooby’s ServerOptions given a port and read back; started, the same options listen', async () => {
    // jooby-project/jooby's jooby/src/test/java/io/jooby/ServerOptionsTest.java.
    const java = (after: string) => `class ServerOptionsTest {
  @Test
  void testBasicAccessors() {
    ServerOptions options = new ServerOptions();
    options.setPort(9000);
    assertEquals(9000, options.getPort());
    ${after}
  }
}
`
    const lines = async (after: string) =>
      (
        await scanFiles({ 'jooby/src/test/java/io/jooby/ServerOptionsTest.java': java(after) })
      ).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(await lines('')).toEqual([])
    expect(await lines('new Jooby().setServerOptions(options).start();')).toEqual([5])
  })
})

describe('census 49’s false findings: Go subtests are tests, not servers', () => {
  it('Go: kratos’s t.Run over a table of addresses starts nothing; the test that listens does', async () => {
    // go-kratos/kratos's internal/host/host_test.go.
    const go = `package host

func TestExtract(t *testing.T) {
	tests := []struct{ addr, expect string }{{"127.0.0.1:80", "127.0.0.1:80"}}
	for _, test := range tests {
		t.Run(test.addr, func(t *testing.T) {
			_, _ = Extract(test.addr, nil)
		})
	}
}

func TestExtract2(t *testing.T) {
	addr := "localhost:9001"
	lis, _ := net.Listen("tcp", addr)
	_, _ = Extract(addr, lis)
}
`
    const r = await scanFiles({ 'internal/host/host_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([13])
  })
})

describe('PORT001: a start handed settings built in its arguments', () => {
  it('C#: EasySocket’s StartListenersAsync given ListenerConfigs on ports the test then dials', async () => {
    // JeongTaeLee/EasySocket's EasySocket.Test/Servers/TcpStreamPipeSocketServerTest.cs.
    const cs = (dials: string) => `public class TcpStreamPipeSocketServerTest
{
    [TestMethod]
    public async Task StartStopListeners()
    {
        int firstPort = 10021;
        int secondPort = 10022;
        await server.StartListenersAsync(new List<ListenerConfig>
        {
            new ListenerConfig("127.0.0.1", firstPort, 100),
            new ListenerConfig("127.0.0.1", secondPort, 100)
        });
        ${dials}
    }
}
`
    const lines = async (dials: string) =>
      (await scanFiles({ 'EasySocket.Test/Servers/ListenerTest.cs': cs(dials) })).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    const dial = (port: string) =>
      `await TestExtensions.ConnectTcpSocketClient("127.0.0.1", ${port});`
    expect(await lines(dial('firstPort') + dial('secondPort'))).toEqual([6, 7])
    // Handed ports the test never dials may be anything: a backlog, a count.
    expect(await lines('')).toEqual([])
  })
})

describe('census 49’s false findings: localhost that is no address dialled', () => {
  it('Rust: poem’s Host header on a request to the listener’s own address is text sent', async () => {
    // poem-web/poem's poem/src/web/websocket/mod.rs.
    const rs = (request: string) => `#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn test_negotiation() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (_, resp) = tokio_tungstenite::connect_async(${request}).await.unwrap();
    }
}
`
    const lines = async (request: string) =>
      (await scanFiles({ 'poem/src/web/websocket/mod.rs': rs(request) })).findings
        .filter((f) => f.rule === 'PORT005')
        .map((f) => f.line)
    expect(
      await lines(
        'http::Request::builder().uri(format!("ws://{addr}")).header(header::HOST, "localhost").body(())',
      ),
    ).toEqual([])
    expect(await lines('format!("ws://localhost:{}", addr.port())')).toEqual([7])
  })

  it('Go: blackbox_exporter’s probe configured for IPv4 resolves localhost to 127.0.0.1', async () => {
    // prometheus/blackbox_exporter's prober/tcp_test.go.
    const go = (protocol: string) => `package prober

func TestTCPConnectionWithTLSAndVerifiedCertificateChain(t *testing.T) {
	ln, _ := net.Listen("tcp4", "127.0.0.1:0")
	_, listenPort, _ := net.SplitHostPort(ln.Addr().String())
	module := config.Module{TCP: config.TCPProbe{IPProtocol: "${protocol}", IPProtocolFallback: true}}
	target := net.JoinHostPort("localhost", listenPort)
	ProbeTCP(testCTX, target, module, registry, logger)
}
`
    const lines = async (protocol: string) =>
      (await scanFiles({ 'prober/tcp_test.go': go(protocol) })).findings
        .filter((f) => f.rule === 'PORT005')
        .map((f) => f.line)
    expect(await lines('ip4')).toEqual([])
    expect(await lines('ip6')).toEqual([7])
  })
})

describe('census 49’s false findings: a fixture that hands on what the server thread reports', () => {
  it('Python: vcrpy’s rpc_server yields the URL its process puts once bound; a bare yield guesses', async () => {
    // kevin1024/vcrpy's tests/integration/test_wild.py.
    const py = (handed: string) => `import multiprocessing

import pytest


def start_rpc_server(q):
    httpd = SimpleXMLRPCServer(("127.0.0.1", 0))
    q.put("http://{}:{}".format(*httpd.server_address))
    httpd.serve_forever()


@pytest.fixture(scope="session")
def rpc_server():
    q = multiprocessing.Queue()
    proxy_process = multiprocessing.Process(target=start_rpc_server, args=(q,))
    proxy_process.start()
    yield ${handed}
    proxy_process.terminate()
`
    const races = async (handed: string) =>
      (await scanFiles({ 'tests/integration/test_wild.py': py(handed) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races('q.get()')).toBe(0)
    expect(await races('"http://127.0.0.1:8000"')).toBe(1)
  })
})

describe('census 50’s false findings: a JVM listener’s settings in a file that starts nothing', () => {
  it('Java: HiveMQ’s TcpListener entries added to a configuration service; started, one listens', async () => {
    // hivemq/hivemq-community-edition's ListenerConfigurationServiceImplTest and BindInformationTest.
    const java = (after: string) => `public class ListenerConfigurationServiceImplTest {
    @Test
    public void test_add_listeners() {
        final TcpListener tcpListener = new TcpListener(1883, "localhost");
        final WebsocketListener websocketListener =
                new WebsocketListener.Builder().port(1884).bindAddress("localhost").build();
        listenerConfigurationService.addListener(tcpListener);
        final BindInformation bindInformation = new BindInformation(tcpListener, future);
        ${after}
    }
}
`
    const lines = async (after: string) =>
      (
        await scanFiles({ 'src/test/java/ListenerConfigurationServiceImplTest.java': java(after) })
      ).findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => f.line)
    expect(
      await lines('assertEquals(1, listenerConfigurationService.getTcpListeners().size());'),
    ).toEqual([])
    expect(await lines('nettyBootstrap.bind(tcpListener);')).toEqual([4])
  })
})

describe('census 50’s false findings: a context manager that yields while its server is open', () => {
  it('Python: dulwich’s _serving yields the URL inside the with block; a return leaves it closed', async () => {
    // jelmer/dulwich's tests/porcelain/__init__.py.
    const py = (hand: string) => `import contextlib
import threading


class ServerTests(PorcelainTestCase):
    @contextlib.contextmanager
    def _serving(self):
        with make_server("localhost", 0, self.app) as server:
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            try:
                ${hand} f"http://localhost:{server.server_port}"
            finally:
                server.shutdown()
                thread.join(10)
`
    const races = async (hand: string) =>
      (await scanFiles({ 'tests/porcelain/test_server.py': py(hand) })).findings.filter(
        (f) => f.rule === 'PORT002',
      ).length
    expect(await races('yield')).toBe(0)
    expect(await races('return')).toBe(1)
  })
})

describe('census 50’s false findings: a server class that binds when it is built', () => {
  it('Python: dulwich’s TCPGitServer built on an address listens before its serve thread; a server built from settings does not', async () => {
    // jelmer/dulwich's tests/compat/test_server.py.
    const py = (built: string) => `import threading


class GitServerTestCase(CompatTestCase):
    def _start_server(self, repo):
        dul_server = ${built}
        server_thread = threading.Thread(target=dul_server.serve)
        server_thread.daemon = True
        server_thread.start()
        self._server = dul_server
        _, port = self._server.socket.getsockname()
        return port
`
    const races = async (built: string) =>
      (await scanFiles({ 'tests/compat/test_server.py': py(built) })).findings.filter(
        (f) => f.rule === 'PORT007',
      ).length
    expect(await races('TCPGitServer(backend, b"localhost", 0, handlers=self._handlers())')).toBe(0)
    expect(await races('HTTPServer(("", 0), Handler)')).toBe(0)
    expect(await races('uvicorn.Server(config)')).toBe(1)
  })
})

describe('census 50’s false findings: a table of server descriptions', () => {
  it('Go: rqlite’s Servers table names cluster nodes; an http.Server built alone is served', async () => {
    // rqlite/rqlite's store/server_test.go.
    const go = `package store

func Test_Server_IsReadReplica(t *testing.T) {
	testCases := []struct {
		name    string
		servers Servers
	}{
		{
			name: "ExistingVoterNode",
			servers: Servers([]*Server{
				{ID: "node1", Addr: "localhost:4002", Suffrage: proto.Suffrage_VOTER},
			}),
		},
	}
	_ = testCases
}

func TestServe(t *testing.T) {
	srv := &http.Server{Addr: "localhost:4003"}
	go srv.ListenAndServe()
}
`
    const r = await scanFiles({ 'store/server_test.go': go })
    expect(r.findings.filter((f) => f.rule === 'PORT001').map((f) => f.line)).toEqual([19])
  })
})

describe('census 51’s false findings: a test named for an invalid port', () => {
  it('Python: python-socks takes unused_tcp_port only as a proxy port to be refused; a server handed it races', async () => {
    // romis2012/python-socks's tests/test_proxy_async_trio_v2.py.
    const py = (name: string, use: string) => `import pytest


@pytest.mark.trio
async def ${name}(unused_tcp_port):
    ${use}
`
    const races = async (name: string, use: string) =>
      (await scanFiles({ 'tests/test_proxy_async_trio_v2.py': py(name, use) })).findings.filter(
        (f) => f.rule === 'PORT002',
      ).length
    const refused = `proxy = Proxy.create(host=PROXY_HOST_IPV4, port=unused_tcp_port)
    with pytest.raises(ProxyConnectionError):
        await make_request(proxy=proxy, url=TEST_URL_IPV4)`
    expect(await races('test_socks5_proxy_with_invalid_proxy_port', refused)).toBe(0)
    expect(await races('test_socks5_proxy', refused)).toBe(1)
    expect(
      await races(
        'test_socks5_proxy_with_invalid_proxy_port',
        'server = await trio.serve_tcp(handler, unused_tcp_port)',
      ),
    ).toBe(1)
  })
})
