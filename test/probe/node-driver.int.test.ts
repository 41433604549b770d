// The node driver closes what it made, even a server whose listen was still under way.
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { closeHandle } from '../../src/probe/drivers/node-driver.ts'

describe('closeHandle', () => {
  it('closes a server whose listen finishes only after the close was asked for', async () => {
    const server = net.createServer()
    // A host name is looked up first, so the socket opens on a later turn of the event loop.
    const settled = new Promise<void>((resolve) => {
      server.once('listening', resolve)
      server.once('error', () => resolve())
    })
    server.listen({ host: 'localhost', port: 0 })
    expect(server.listening).toBe(false)
    await closeHandle({ handle: server, settled })
    await settled
    expect(server.listening).toBe(false)
  })

  it('is done at once with a server whose listen failed, and with one closed already', async () => {
    const holder = net.createServer()
    await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, resolve))
    const { port } = holder.address() as net.AddressInfo
    const loser = net.createServer()
    const settled = new Promise<void>((resolve) => {
      loser.once('error', () => resolve())
      loser.listen({ host: '127.0.0.1', port })
    })
    await closeHandle({ handle: loser, settled })
    expect(loser.listening).toBe(false)
    await closeHandle({ handle: holder, settled: Promise.resolve() })
    await closeHandle({ handle: holder, settled: Promise.resolve() })
    expect(holder.listening).toBe(false)
  })
})
