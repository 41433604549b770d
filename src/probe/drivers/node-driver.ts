// Performs the Node scenarios with this process's own net and dgram modules, so the results are
// what a Node program on this machine gets, libuv's defaults included.
import dgram from 'node:dgram'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { DriverStatus, RawError } from '../model.ts'
import type { Op } from '../steps.ts'
import { DriverFailure, type SocketDriver, type StepReply } from './driver.ts'

type Handle = net.Server | dgram.Socket

/** A server or socket this scenario made, and when its listen or bind finished, either way. */
export interface Made {
  handle: Handle
  settled: Promise<void>
}

/** `reusePort` arrived in Node 23.1.0 and 22.12.0; older versions silently ignore it. */
export function hasReusePort(version = process.versions.node): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12)
}

export class NodeDriver implements SocketDriver {
  readonly name = 'node'
  readonly status: DriverStatus = { name: 'node', status: 'ok', version: process.versions.node }

  async execute(ops: readonly Op[], timeoutMs: number): Promise<StepReply[]> {
    // Every handle made, even one made after the deadline: all are closed before this returns.
    const made: Made[] = []
    const stop = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        stop.abort()
        reject(new DriverFailure('timeout', `node scenario took over ${Math.round(timeoutMs)} ms`))
      }, timeoutMs)
    })
    const work = this.perform(ops, made, stop.signal)
    try {
      return await Promise.race([work, deadline])
    } finally {
      clearTimeout(timer)
      // Every wait in perform() gives up on the abort, so it ends at once and makes nothing more.
      stop.abort()
      await work.catch(() => undefined)
      await Promise.all(made.map(closeHandle))
    }
  }

  async close(): Promise<void> {}

  private async perform(
    ops: readonly Op[],
    made: Made[],
    signal: AbortSignal,
  ): Promise<StepReply[]> {
    const named = new Map<string, Made>()
    const replies: StepReply[] = []
    let port: number | undefined
    for (const op of ops) {
      signal.throwIfAborted()
      if ('flags' in op && op.flags.includes('reusePort') && !hasReusePort()) {
        replies.push({ unsupported: `reusePort (Node ${process.versions.node} predates it)` })
        break
      }
      try {
        const value = await this.performOne(op, { made, named, signal }, port)
        if (value !== undefined && port === undefined && 'to' in op && op.to.port === 0)
          port = value
        replies.push(value === undefined ? { ok: true } : { ok: true, value })
      } catch (error) {
        signal.throwIfAborted()
        replies.push({ ok: false, error: rawError(error) })
        break
      }
    }
    return replies
  }

  private async performOne(
    op: Op,
    scope: { made: Made[]; named: Map<string, Made>; signal: AbortSignal },
    port: number | undefined,
  ): Promise<number | undefined> {
    const { made, named, signal } = scope
    const keep = (sock: string, handle: Handle, settled: Promise<void>) => {
      const entry = { handle, settled: settled.then(ignore, ignore) }
      made.push(entry)
      named.set(sock, entry)
      return untilAborted(settled, signal)
    }
    switch (op.op) {
      case 'net.listen': {
        const server = net.createServer()
        await keep(
          op.sock,
          server,
          new Promise<void>((resolve, reject) => {
            server.once('error', reject)
            server.listen(
              {
                host: op.to.host,
                port: op.to.port === 'P' ? port : op.to.port,
                exclusive: op.flags.includes('exclusive'),
                reusePort: op.flags.includes('reusePort'),
                ipv6Only: op.flags.includes('ipv6Only'),
              },
              () => resolve(),
            )
          }),
        )
        return (server.address() as net.AddressInfo).port
      }
      case 'dgram.bind': {
        const socket = dgram.createSocket({
          type: op.kind,
          reuseAddr: op.flags.includes('reuseAddr'),
          reusePort: op.flags.includes('reusePort'),
          ipv6Only: op.flags.includes('ipv6Only'),
        })
        await keep(
          op.sock,
          socket,
          new Promise<void>((resolve, reject) => {
            socket.once('error', reject)
            socket.bind({ address: op.to.host, port: op.to.port === 'P' ? port : op.to.port }, () =>
              resolve(),
            )
          }),
        )
        return socket.address().port
      }
      case 'close': {
        const entry = named.get(op.sock)
        named.delete(op.sock)
        if (entry) await untilAborted(closeHandle(entry), signal)
        return undefined
      }
      case 'sleep':
        await sleep(op.ms, undefined, { signal })
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

/**
 * Closes a handle once its listen or bind has finished: a server closed while its listen is
 * still under way would open its socket afterwards and keep the process alive. Closing twice is
 * harmless.
 */
export async function closeHandle({ handle, settled }: Made): Promise<void> {
  await settled
  await new Promise<void>((resolve) => {
    try {
      if (handle instanceof net.Server) {
        if (!handle.listening) return resolve() // its listen failed: nothing is open
        handle.close(() => resolve())
      } else {
        handle.close(() => resolve())
      }
    } catch {
      resolve() // already closed
    }
  })
}

/** `work`, or a rejection as soon as the signal aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason)
    if (signal.aborted) abort()
    else signal.addEventListener('abort', abort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort)
        reject(error)
      },
    )
  })
}

function ignore(): void {}
