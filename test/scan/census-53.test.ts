// Census 53's false findings (docs/scan.md, "Twenty-sixth round"), each beside the true finding
// that the same code would make if it did bind.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('programs run by hand, not by the test runner', () => {
  it('TypeScript: httpxy’s bench/test.ts is the benchmark’s own check; a test file listens', async () => {
    // unjs/httpxy's bench/test.ts, run by `pnpm bench`.
    const ts = `import { createServer } from 'node:http'

const TARGET_PORT = 9_900
const server = createServer((req, res) => res.end('ok'))
server.listen(TARGET_PORT)
`
    expect(await linesOf({ 'bench/test.ts': ts }, 'PORT001')).toEqual([])
    expect(await linesOf({ 'test/proxy.test.ts': ts }, 'PORT001')).not.toEqual([])
  })

  it('Python: pycurl’s examples/ws_callback.py races only when run; the same helper in tests races', async () => {
    // pycurl/pycurl's examples/ws_callback.py.
    const py = `import socket


def _free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    port = _free_port()
    server = make_server("127.0.0.1", port)
`
    expect(await linesOf({ 'examples/ws_callback.py': py }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'tests/conftest.py': py }, 'PORT002')).not.toEqual([])
  })
})

describe('servers built and never started', () => {
  it('C++: libhttpserver’s create_webserver(8092) builds settings; ws.start() binds them', async () => {
    // etr/libhttpserver's test/unit/webserver_ws_unavailable_test.cpp.
    const cpp = (start: string) => `#include "httpserver.hpp"

LT_BEGIN_AUTO_TEST(webserver_ws_unavailable_suite, unregister_ws_throws_feature_unavailable)
    httpserver::webserver ws{httpserver::create_webserver(8092)};
    ${start}
    LT_CHECK(ws.is_running() == false);
LT_END_AUTO_TEST(unregister_ws_throws_feature_unavailable)
`
    const file = 'test/unit/webserver_ws_unavailable_test.cpp'
    expect(await linesOf({ [file]: cpp('ws.unregister_ws_resource("/ws");') }, 'PORT001')).toEqual(
      [],
    )
    expect(await linesOf({ [file]: cpp('ws.start(false);') }, 'PORT001')).toEqual([4])
  })
})

describe('numbers that only name where a client goes', () => {
  it('Go: nbio’s newConn returns a connection dialled to the candidate port it keeps listening on', async () => {
    // lesismal/nbio's nbhttp/parser_test.go.
    const go = `package nbhttp

func newConn() net.Conn {
	var conn net.Conn
	for i := 0; i < 1000; i++ {
		addr := fmt.Sprintf("127.0.0.1:%d", 8000+i)
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			continue
		}
		go func() {
			defer func() { _ = ln.Close() }()
			_, _ = ln.Accept()
		}()
		conn, err = net.Dial("tcp", addr)
		if err != nil {
			panic(err)
		}
		break
	}
	return conn
}

func TestParser(t *testing.T) {
	conn := newConn()
	_ = conn
}
`
    expect(await linesOf({ 'nbhttp/parser_test.go': go }, 'PORT002')).toEqual([])
  })

  it('C#: Wolverine’s ToPort(PortFinder.GetAvailablePort()) names a destination; ListenAtPort binds', async () => {
    // JasperFx/wolverine's src/Testing/PolicyTests/endpoint_policy_configuration.cs.
    const cs = (call: string) => `namespace PolicyTests;

public class endpoint_policy_configuration
{
    [Fact]
    public async Task make_all_outgoing_endpoints_durable()
    {
        var options = await UsingOptions(opts =>
        {
            ${call};
        });
    }
}
`
    const file = 'src/Testing/PolicyTests/endpoint_policy_configuration.cs'
    const to = 'opts.PublishAllMessages().ToPort(PortFinder.GetAvailablePort())'
    expect(await linesOf({ [file]: cs(to) }, 'PORT002')).toEqual([])
    const at = 'opts.ListenAtPort(PortFinder.GetAvailablePort())'
    expect(await linesOf({ [file]: cs(at) }, 'PORT002')).not.toEqual([])
  })
})

describe('localhost where the family does not depend on it', () => {
  it('Rust: isahc pins the client’s IP version, or listens on both families; an unpinned client does not', async () => {
    // sagebind/isahc's tests/net.rs.
    const rs = (client: string, second = '') => `use std::net::{Ipv4Addr, Ipv6Addr, TcpListener};

#[test]
fn connects() {
    let server = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = server.local_addr().unwrap().port();
    ${second}
    let result = Request::get(format!("http://localhost:{}", port))${client}.body(()).unwrap().send();
}
`
    const file = 'tests/net.rs'
    expect(await linesOf({ [file]: rs('.ip_version(IpVersion::V6)') }, 'PORT005')).toEqual([])
    const both = 'let server_v6 = TcpListener::bind((Ipv6Addr::LOCALHOST, port)).unwrap();'
    expect(await linesOf({ [file]: rs('.ip_version(IpVersion::Any)', both) }, 'PORT005')).toEqual(
      [],
    )
    expect(await linesOf({ [file]: rs('') }, 'PORT005')).toEqual([8])
  })
})

describe('what census 53’s changes keep', () => {
  it('C: a helper named for starting a server still counts where nothing else starts (nats.c’s _startServer)', async () => {
    // nats-io/nats.c's test/bench.c (judged true in census 49).
    const c = `#include "test.h"

static natsStatus
_runBench(benchEnv *env)
{
    natsPid pid = _startServer("nats://127.0.0.1:4222", NULL, true);
    if (pid == NATS_INVALID_PID)
        return NATS_ERR;
    return NATS_OK;
}
`
    expect(await linesOf({ 'test/bench_test.c': c }, 'PORT001')).toEqual([6])
  })
})
