// A real HTTP forward proxy on loopback, as self-hosted runners reach GitHub through: it forwards
// plain requests (absolute URIs) and tunnels CONNECT, and counts what it forwards. It maps host
// names that do not resolve (`api.github.test`) to loopback: a client that bypasses it cannot
// reach the stand-in at all, and loopback names, which bypass proxies by convention, are not used.
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export class ForwardProxy {
  /** One per forwarded request or tunnel: `GET http://api.github.test:1234/…`, `CONNECT host:port`. */
  readonly forwarded: string[] = []
  private readonly hosts: Map<string, string>
  private readonly server: Server

  constructor(hosts: Record<string, string>) {
    this.hosts = new Map(Object.entries(hosts))
    this.server = createServer((req, res) => {
      const target = new URL(req.url ?? '/')
      this.forwarded.push(`${req.method} ${target.href}`)
      const upstream = request(
        {
          host: this.resolve(target.hostname),
          port: target.port || 80,
          method: req.method,
          path: `${target.pathname}${target.search}`,
          headers: withoutHopHeaders(req),
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.writeHead(502).end())
      req.pipe(upstream)
    })
    this.server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      this.forwarded.push(`CONNECT ${req.url}`)
      const [host = '', port = '443'] = (req.url ?? '').split(':')
      const upstream = connect(Number(port), this.resolve(host), () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(client).pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
    })
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private resolve(host: string): string {
    return this.hosts.get(host) ?? host
  }
}

function withoutHopHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !['proxy-connection', 'proxy-authorization'].includes(name)) {
      headers[name] = value
    }
  }
  return headers
}
