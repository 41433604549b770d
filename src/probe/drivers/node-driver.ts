// Performs the Node scenarios with this process's own net and dgram modules, so the results are
// what a Node program on this machine gets, libuv's defaults included.
import dgram from 'node:dgram'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { DriverStatus, RawError } from '../model.ts'
import type { Op } from '../steps.ts'
import { DriverFailure, type SocketDriver, type StepReply } from './driver.ts'

type Handle = net.Server | dgram.Socket

/** `reusePort` arrived in Node 23.1.0 and 22.12.0; older versions silently ignore it. */
export function hasReusePort(version = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12)
}

export class NodeDriver implements SocketDriver {
  readonly name = 'node'
  readonly status: DriverStatus = { name: 'node', status: 'ok', version: process.versions.node }

  async execute(ops: readonly Op[], timeoutMs: number): Promise<StepReply[]> {
    const handles = new Map<string, Handle>()
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DriverFailure('timeout', `node scenario took over ${Math.round(timeoutMs)} ms`),
          ),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([this.perform(ops, handles), deadline])
    } finally {
      clearTimeout(timer)
      await Promise.all([...handles.values()].map(closeHandle))
    }
  }

  async close(): Promise<void> {}

  private async perform(ops: readonly Op[], handles: Map<string, Handle>): Promise<StepReply[]> {
    const replies: StepReply[] = []
    let port: number | undefined
    for (const op of ops) {
      if ('flags' in op && op.flags.includes('reusePort') && !hasReusePort()) {
        replies.push({ unsupported: `reusePort (Node ${process.versions.node} predates it)` })
        break
      }
      try {
        const value = await this.performOne(op, handles, port)
        if (value !== undefined && port === undefined && 'to' in op && op.to.port === 0)
          port = value
        replies.push(value === undefined ? { ok: true } : { ok: true, value })
      } catch (error) {
        replies.push({ ok: false, error: rawError(error) })
        break
      }
    }
    return replies
  }

  private async performOne(
    op: Op,
    handles: Map<string, Handle>,
    port: number | undefined,
  ): Promise<number | undefined> {
    switch (op.op) {
      case 'net.listen': {
        const server = net.createServer()
        handles.set(op.sock, server)
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject)
          server.listen(
            {
              host: op.to.host,
              port: op.to.port === 'P' ? port : 0,
              exclusive: op.flags.includes('exclusive'),
              reusePort: op.flags.includes('reusePort'),
              ipv6Only: op.flags.includes('ipv6Only'),
            },
            () => resolve(),
          )
        })
        return (server.address() as net.AddressInfo).port
      }
      case 'dgram.bind': {
        const socket = dgram.createSocket({
          type: op.kind,
          reuseAddr: op.flags.includes('reuseAddr'),
          reusePort: op.flags.includes('reusePort'),
          ipv6Only: op.flags.includes('ipv6Only'),
        })
        handles.set(op.sock, socket)
        await new Promise<void>((resolve, reject) => {
          socket.once('error', reject)
          socket.bind({ address: op.to.host, port: op.to.port === 'P' ? port : 0 }, () => resolve())
        })
        return socket.address().port
      }
      case 'close': {
        const handle = handles.get(op.sock)
        handles.delete(op.sock)
        if (handle) await closeHandle(handle)
        return undefined
      }
      case 'sleep':
        await sleep(op.ms)
        return undefined
      default:
        throw new Error(`the node driver cannot perform "${op.op}"`)
    }
  }
}

function rawError(error: unknown): RawError {
  const e = error as NodeJS.ErrnoException
  return {
    ...(e.code ? { name: e.code } : {}),
    ...(typeof e.errno === 'number' ? { errno: e.errno } : {}),
    exception: e.name ?? 'Error',
    message: e.message ?? String(error),
  }
}

function closeHandle(handle: Handle): Promise<void> {
  return new Promise((resolve) => {
    try {
      if (handle instanceof net.Server) {
        if (!handle.listening) return resolve()
        handle.close(() => resolve())
      } else {
        handle.close(() => resolve())
      }
    } catch {
      resolve() // already closed, or never bound
    }
  })
}
