// Census 56's false findings (docs/scan.md, "Twenty-seventh round"), each beside the true finding
// that the same code would make if it did pick or bind a port.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a function that returns the socket table', () => {
  it('Python: psutil’s own net_connections hands out connections; a helper that returns a port from them races', async () => {
    // giampaolo/psutil's psutil/_psosx.py and tests/test_connections.py.
    const python = `import random
import psutil


def net_connections(kind='inet'):
    ret = []
    for pid in pids():
        cons = Process(pid).net_connections(kind)
        for c in cons:
            ret.append(c)
    return ret


def this_proc_net_connections(kind):
    cons = psutil.Process().net_connections(kind=kind)
    return cons


def unused_port():
    used = {c.laddr.port for c in psutil.net_connections()}
    while True:
        port = random.randint(20000, 30000)
        if port not in used:
            return port
`
    expect(await linesOf({ 'tests/ports.py': python }, 'PORT002')).toEqual([19])
  })
})

describe('a listen address in a container’s environment', () => {
  it('C#: opentelemetry-dotnet-instrumentation’s Kafka fixture binds 29093 inside the container; its host port is drawn', async () => {
    // open-telemetry/opentelemetry-dotnet-instrumentation's test/IntegrationTests/KafkaCollectionFixture.cs.
    const csharp = `public class KafkaFixture : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var container = new ContainerBuilder(KafkaImage)
            .WithName(_name)
            .WithPortBinding(Port)
            .WithEnvironment("KAFKA_CONTROLLER_QUORUM_VOTERS", $"1@{_name}:29093")
            .Build();
        await container.StartAsync();
    }
}
`
    expect(await linesOf({ 'test/IntegrationTests/KafkaFixture.cs': csharp }, 'PORT001')).toEqual(
      [],
    )
  })
})

describe('a close on the way out of a failure', () => {
  it('Go: smux’s setupServer closes its listener only when the dial fails; a helper that closes it in a condition and returns the address races', async () => {
    // xtaci/smux's session_test.go.
    const go = `package smux

func setupServer(tb testing.TB) (addr string, stopfunc func(), client net.Conn, err error) {
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return "", nil, nil, err
	}
	go serve(ln)
	addr = ln.Addr().String()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		ln.Close()
		return "", nil, nil, err
	}
	return ln.Addr().String(), func() { ln.Close() }, conn, nil
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return ""
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return ""
	}
	return addr
}

func TestSpeed(t *testing.T) {
	_, stop, cli, err := setupServer(t)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	use(cli, freeAddr())
}
`
    expect(await linesOf({ 'session_test.go': go }, 'PORT002')).toEqual([18, 36])
  })
})

describe('a function literal inside a try-with-resources block', () => {
  it('Java: servicetalk’s client of an open ServerSocket(0) under assertThrows holds the port; a helper that returns it from the block races', async () => {
    // apple/servicetalk's servicetalk-http-netty/src/test/java/io/servicetalk/http/netty/SslHandshakeFailuresTest.java.
    const java = `package io.servicetalk.http.netty;

class SslHandshakeFailuresTest {
    @Test
    void testClientSideHandshakeTimeout() throws Exception {
        try (ServerSocket serverSocket = new ServerSocket(0, 50, getLoopbackAddress())) {
            SERVER_CTX.executor().submit(() -> serve(serverSocket));
            try (BlockingHttpClient client = newClientBuilder(
                    serverHostAndPort(serverSocket.getLocalSocketAddress())).buildBlocking()) {
                assertTimeout(assertThrows(Exception.class, () -> client.request(client.get("/"))));
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void serves() throws Exception {
        startServer(freePort());
    }
}
`
    const file = 'src/test/java/io/servicetalk/http/netty/SslHandshakeFailuresTest.java'
    expect(await linesOf({ [file]: java }, 'PORT002')).toEqual([15, 23])
  })
})

describe('a client’s endpoint built from an InetSocketAddress', () => {
  it('Java: grizzly’s Endpoint.Factory.create names where a pool connects; HttpServer.create listens', async () => {
    // eclipse-ee4j/grizzly's extras/connection-pool/src/test/java/org/glassfish/grizzly/connectionpool/MultiEndPointPoolTest.java.
    const java = (factory: string) => `package org.glassfish.grizzly.connectionpool;

public class MultiEndPointPoolTest {
    @Test
    public void testTake() throws Exception {
        Object key1 = ${factory}.create(new InetSocketAddress("localhost", 18335), transport);
        use(key1);
    }
}
`
    const file = 'src/test/java/org/glassfish/grizzly/connectionpool/MultiEndPointPoolTest.java'
    expect(await linesOf({ [file]: java('Endpoint.Factory') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: java('HttpServer') }, 'PORT001')).toEqual([6])
  })
})
