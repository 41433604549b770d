// PORT006 stays quiet on runtimes that set SO_REUSEADDR on their listeners. That premise is a fact
// about the runtime, so it is checked on real sockets here: if Node's listener stopped rebinding
// over TIME_WAIT, the rule would be missing real failures.
import { once } from 'node:events'
import net from 'node:net'
import { describe, expect, it } from 'vitest'

async function listen(port: number): Promise<net.Server> {
  const server = net.createServer((c) => c.end())
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  return server
}

describe.runIf(process.platform === 'linux')('the premise of PORT006 on Linux', () => {
  it('a Node listener rebinds its fixed port while the old connection sits in TIME_WAIT', async () => {
    const first = await listen(0)
    const port = (first.address() as net.AddressInfo).port
    // The server ends the connection first (an active close), so TIME_WAIT stays on its port.
    const client = net.connect(port, '127.0.0.1')
    client.resume()
    await once(client, 'close')
    await new Promise((resolve) => first.close(resolve))
    const second = await listen(port)
    expect((second.address() as net.AddressInfo).port).toBe(port)
    await new Promise((resolve) => second.close(resolve))
  })
})
