// Census 57's false findings (docs/scan.md, "Twenty-seventh round"), each beside the true finding
// that the same code would make if it did run or bind.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a JUnit test class disabled whole', () => {
  it('Java: unirest-java’s @Disabled class ProxyTest runs nothing; a base class named otherwise still does', async () => {
    // Kong/unirest-java's unirest-bdd-tests/src/test/java/BehaviorTests/ProxyTest.java.
    const java = (name: string) => `package BehaviorTests;

@Disabled // The Janky Proxy is pretty janky and isn't entirely stable in CI
class ${name} extends BddTest {
    @Test
    void canUseNonAuthProxy() throws Exception {
        ServerSocket proxy = new ServerSocket(7777);
        use(proxy);
    }
}
`
    const file = (name: string) => `unirest-bdd-tests/src/test/java/BehaviorTests/${name}.java`
    expect(await linesOf({ [file('ProxyTest')]: java('ProxyTest') }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file('WithProxy')]: java('WithProxy') }, 'PORT001')).toEqual([7])
  })
})

describe('a return inside a function literal', () => {
  it('Go: blocky’s Eventually(func() error { return c.Execute() }) retries; a helper that returns the started server does not wait', async () => {
    // 0xERR0R/blocky's cmd/issue_2218_test.go.
    const go = `package cmd

var _ = Describe("healthcheck", func() {
	It("probes the DNS port", func() {
		srv := createMockServer(hostPort)
		go func() {
			defer GinkgoRecover()
			Expect(srv.ListenAndServe()).Should(Succeed())
		}()

		Eventually(func() error {
			c := NewHealthcheckCommand()
			return c.Execute()
		}, "2s").Should(Succeed())
	})
})

func startMock(hostPort string) *dns.Server {
	srv := createMockServer(hostPort)
	go func() {
		_ = srv.ListenAndServe()
	}()
	return srv
}
`
    expect(await linesOf({ 'cmd/issue_2218_test.go': go }, 'PORT007')).toEqual([20])
  })
})

describe('a container image’s name and tag', () => {
  it('Go: blocky’s redis.Run(ctx, "redis:7") starts a container; a Run on an address listens', async () => {
    // 0xERR0R/blocky's e2e/containers.go.
    const go = `package e2e

const redisImage = "redis:7"

func createRedisContainer(ctx context.Context) (*redis.RedisContainer, error) {
	return redis.Run(ctx, redisImage, redis.WithLogLevel(redis.LogLevelVerbose))
}

func createMariaDBContainer(ctx context.Context) (*mariadb.MariaDBContainer, error) {
	return mariadb.Run(ctx, "mariadb:11", mariadb.WithDatabase("user"))
}

func startStaticServer() error {
	return server.Run("localhost:8080")
}
`
    expect(await linesOf({ 'e2e/containers.go': go }, 'PORT001')).toEqual([14])
  })
})

describe('a probe that answers no when its bind fails', () => {
  it('Java: artio’s portIsUnbound() binds the counter field and answers; a plain bind of the field listens', async () => {
    // real-logic/artio's artio-core/src/test/java/uk/co/real_logic/artio/TestFixtures.java.
    const java = (body: string) => `package uk.co.real_logic.artio;

public final class TestFixtures {
    private static final int LOW_PORT = 9999;
    private static int port = LOW_PORT;

    private static boolean portIsUnbound() {
${body}
    }
}
`
    const probe = `        try {
            ServerSocketChannel.open().bind(new InetSocketAddress("localhost", port)).close();
            return true;
        } catch (final AlreadyBoundException | BindException e) {
            return false;
        }`
    const plain = `        ServerSocketChannel.open().bind(new InetSocketAddress("localhost", port));
        return true;`
    // A server that keeps the port it bound is no probe, answer or not (glaze's chunked_test_server).
    const kept = probe.replace(
      'ServerSocketChannel.open().bind(new InetSocketAddress("localhost", port)).close();',
      'channel = ServerSocketChannel.open().bind(new InetSocketAddress("localhost", port));',
    )
    const file = 'artio-core/src/test/java/uk/co/real_logic/artio/TestFixtures.java'
    expect(await linesOf({ [file]: java(probe) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: java(kept) }, 'PORT001')).toEqual([5, 9])
    expect(await linesOf({ [file]: java(plain) }, 'PORT001')).toEqual([5, 8])
  })
})

describe('a SocketChannel opened on an address', () => {
  it('Java: artio’s SocketChannel.open(FRAMER_ADDRESS) connects; ServerSocketChannel.open().bind(TEST_ADDRESS) listens', async () => {
    // real-logic/artio's artio-core/src/test/java/uk/co/real_logic/artio/engine/framer/FramerTest.java.
    const java = `package uk.co.real_logic.artio.engine.framer;

public class FramerTest {
    private static final InetSocketAddress TEST_ADDRESS = new InetSocketAddress("localhost", 9998);
    private static final InetSocketAddress FRAMER_ADDRESS = new InetSocketAddress("localhost", 9999);

    @Before
    public void setUp() throws IOException {
        server = ServerSocketChannel.open().bind(TEST_ADDRESS);
    }

    private void openSocket() throws IOException {
        client = SocketChannel.open(FRAMER_ADDRESS);
    }
}
`
    const file = 'artio-core/src/test/java/uk/co/real_logic/artio/engine/framer/FramerTest.java'
    expect(await linesOf({ [file]: java }, 'PORT001')).toEqual([9])
  })
})
