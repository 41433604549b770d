// Census 58's false findings (docs/scan.md, "Twenty-seventh round"), each beside the true finding
// that the same code would make if it did release or dial.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a port handed to a callback before a finally closes the server', () => {
  it('TypeScript: srvx’s withServer awaits fn(addr.port) with the server open; a callback not awaited may outlive it', async () => {
    // h3js/srvx's test/url.test.ts.
    const ts = (call: string) => `import { serve } from "srvx";

async function withServer<T>(fn: (port: number) => Promise<T>): Promise<T> {
  const server = serve({ port: 0, fetch: (request) => new Response(request.url) });
  await server.ready();
  const addr = server.node?.server?.address();
  try {
    return ${call};
  } finally {
    await server.close(true);
  }
}

test("OPTIONS *", async () => {
  await withServer(async (port) => sendRaw(port, "OPTIONS * HTTP/1.1"));
});
`
    expect(await linesOf({ 'test/url.test.ts': ts('await fn(addr.port)') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'test/url.test.ts': ts('fn(addr.port)') }, 'PORT002')).toEqual([3, 15])
  })
})

describe('a TLS server name beside the address a client dials', () => {
  it('TypeScript: srvx’s http2.connect(server.url, { servername: "localhost" }) checks the certificate; a localhost URL dials', async () => {
    // h3js/srvx's test/node-adapters.test.ts.
    const ts = (client: string) => `import http2 from "node:http2";
import { serve } from "srvx";

test("http2 abort", async () => {
  const server = serve({ hostname: "127.0.0.1", port: 0, tls, fetch: handler });
  await server.ready();
  const client = ${client};
  client.close();
});
`
    const tlsName = 'http2.connect(server.url!, { ca: tls.ca, servername: "localhost" })'
    const dialled = 'http2.connect(`https://localhost:${server.port}`, { ca: tls.ca })'
    expect(await linesOf({ 'test/node-adapters.test.ts': ts(tlsName) }, 'PORT005')).toEqual([])
    expect(await linesOf({ 'test/node-adapters.test.ts': ts(dialled) }, 'PORT005')).toEqual([7])
  })

  it('Rust: compio-quic’s endpoint.connect(SocketAddr::new(…), "localhost", None) names the server; a client of "localhost" and a port dials it', async () => {
    // compio-rs/compio's compio-quic/tests/basic.rs.
    const rust = (client: string) => `#[compio::test]
async fn close_endpoint() {
    let listener = TcpListener::bind("127.0.0.1:4433").await.unwrap();
    let conn = ${client};
}
`
    const named =
      'endpoint.connect(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 4433), "localhost", None).unwrap()'
    const dialled = 'TcpStream::connect(("localhost", 4433)).await.unwrap()'
    expect(await linesOf({ 'tests/basic.rs': rust(named) }, 'PORT005')).toEqual([])
    expect(await linesOf({ 'tests/basic.rs': rust(dialled) }, 'PORT005')).toEqual([4])
  })
})

describe('overloads of a helper named for making an endpoint', () => {
  it('C#: opc-ua’s CreateEndpoint overloads build a description; overloads that start a listener listen', async () => {
    // OPCFoundation/UA-.NETStandard's tests/Opc.Ua.Stress.Tests/Channels/Contract/ContractTestBase.cs.
    const csharp = (body: string) => `namespace Opc.Ua.Stress.Tests.Channels.Contract
{
    public abstract class ContractTestBase
    {
        [Test]
        public void Reconnects()
        {
            var endpoint = CreateEndpoint("opc.tcp://localhost:4840/Contract", SecurityPolicies.None);
        }

        protected static ConfiguredEndpoint CreateEndpoint()
        {
            return CreateEndpoint("opc.tcp://localhost:4841/Default", SecurityPolicies.None);
        }

        protected static ConfiguredEndpoint CreateEndpoint(string endpointUrl, string policy)
        {
            ${body}
        }
    }
}
`
    const described = 'return new ConfiguredEndpoint(null, new EndpointDescription(endpointUrl));'
    const started =
      'var listener = new TcpListener(IPAddress.Loopback, new Uri(endpointUrl).Port); listener.Start(); return null;'
    const file = 'tests/Opc.Ua.Stress.Tests/Channels/Contract/ContractTestBase.cs'
    expect(await linesOf({ [file]: csharp(described) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: csharp(started) }, 'PORT001')).toEqual([8, 13])
  })
})

describe('an object an assertion compares', () => {
  it('TypeScript: srvx’s expect(serveOptions).toMatchObject({ reusePort: true }) sets nothing; serve({ reusePort: true }) does', async () => {
    // h3js/srvx's test/node-adapters.test.ts.
    const ts = `import { serve } from "srvx";

test("maps reusePort", () => {
  const serveOptions = mapOptions({ port: 8080 });
  expect(serveOptions).toMatchObject({ reusePort: true, exclusive: false });
});

test("two servers share a port", async () => {
  const a = serve({ port: 8080, reusePort: true, fetch: handler });
  await a.ready();
});
`
    expect(await linesOf({ 'test/node-adapters.test.ts': ts }, 'PORT004')).toEqual([9])
  })
})
