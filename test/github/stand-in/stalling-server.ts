// Servers that take a request and then stall, on loopback: one accepts connections and never
// answers; one answers 200 at once and then trickles its body a byte at a time, so a timeout that
// only counts idle time between bytes never fires. Both stand for GitHub's API or artifact service
// behind a broken proxy or load balancer.
import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export class StallingServer {
  /** Requests received, by their first line (`POST /twirp/… HTTP/1.1`). */
  readonly requests: string[] = []
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly trickleEveryMs: number | undefined

  /** `trickleEveryMs` absent: never answer; else a byte of body every so many milliseconds. */
  constructor(trickleEveryMs?: number) {
    this.trickleEveryMs = trickleEveryMs
    this.server = createServer((socket) => this.accept(socket))
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return this.url
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {})
    let head = ''
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1')
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      this.requests.push(head.slice(0, head.indexOf('\r\n')))
      head = ''
      if (this.trickleEveryMs !== undefined) this.trickle(socket)
    })
  }

  private trickle(socket: Socket): void {
    // A body far longer than any wait: it never completes.
    const body = `{"id": 1, "padding": "${'.'.repeat(1_000_000)}"}`
    socket.write(
      'HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\n' +
        `content-length: ${body.length}\r\n\r\n`,
    )
    let at = 0
    const timer = setInterval(() => {
      if (socket.destroyed || at >= body.length) {
        clearInterval(timer)
        this.timers.delete(timer)
        return
      }
      socket.write(body[at++]!)
    }, this.trickleEveryMs)
    this.timers.add(timer)
  }
}
