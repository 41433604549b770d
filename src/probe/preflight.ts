// Decides once per run, before any scenario, whether this host can be measured in each address
// family: listen on loopback port 0 and connect to it. A container without IPv6 (socket() works,
// bind(::1) fails with EADDRNOTAVAIL), a namespace whose loopback is down (connect: ENETUNREACH)
// or an exhausted ephemeral range would otherwise show up as bind() answers and read as
// divergences from the documented semantics.
import net from 'node:net'
import type { SkipCause } from './model.ts'
import type { CompiledScenario } from './compile.ts'
import { isOutOfDescriptors, outOfDescriptors } from './descriptors.ts'

export type Family = 'ipv4' | 'ipv6'

export interface Unavailable {
  cause: SkipCause
  reason: string
}

export type Availability = Partial<Record<Family, Unavailable>>

const LOOPBACK: Record<Family, string> = { ipv4: '127.0.0.1', ipv6: '::1' }
const WAIT_MS = 2_000

/** What stops each family from being measured here; an empty object when nothing does. */
export async function checkHost(): Promise<Availability> {
  const [ipv4, ipv6] = await Promise.all([tryLoopback('ipv4'), tryLoopback('ipv6')])
  const found: Availability = {}
  if (ipv4) found.ipv4 = ipv4
  // With loopback down, ::1 is not even assigned: say the one cause for both.
  if (ipv6) found.ipv6 = ipv4?.cause === 'loopback-down' ? ipv4 : ipv6
  return found
}

async function tryLoopback(family: Family): Promise<Unavailable | undefined> {
  const host = LOOPBACK[family]
  const server = net.createServer((socket) => socket.destroy())
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host, port: 0 }, resolve)
    })
  } catch (error) {
    return unavailable(family, 'listen', error)
  }
  try {
    const { port } = server.address() as net.AddressInfo
    await new Promise<void>((resolve, reject) => {
      const client = net.connect({ host, port })
      const timer = setTimeout(
        () => client.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
        WAIT_MS,
      )
      client.once('connect', () => (clearTimeout(timer), client.destroy(), resolve()))
      client.once('error', (error) => (clearTimeout(timer), reject(error)))
    })
    return undefined
  } catch (error) {
    // No local port left for a client is not the family's fault: the scenarios that connect
    // find it out themselves (hostCause), the others can still be measured.
    if ((error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') return undefined
    return unavailable(family, 'connect', error)
  } finally {
    server.close()
  }
}

function unavailable(family: Family, step: string, error: unknown): Unavailable {
  if (isOutOfDescriptors(error)) throw outOfDescriptors(`${step} on ${LOOPBACK[family]}`, error)
  const code = (error as NodeJS.ErrnoException).code ?? 'an error'
  const at = `${step} on ${LOOPBACK[family]} failed with ${code}`
  if (code === 'EADDRINUSE' || code === 'EAGAIN') {
    return { cause: 'ephemeral-exhausted', reason: `no free port: ${at}` }
  }
  if (family === 'ipv4' || code === 'ENETUNREACH') {
    return { cause: 'loopback-down', reason: `the loopback interface is down (${at})` }
  }
  return { cause: 'ipv6-unavailable', reason: `IPv6 is not available on this host (${at})` }
}

/** The families a scenario's sockets use. */
export function familiesOf(compiled: CompiledScenario): Set<Family> {
  const families = new Set<Family>()
  for (const { op } of compiled.steps) {
    if ('kind' in op) families.add(op.kind.endsWith('6') ? 'ipv6' : 'ipv4')
    if ('to' in op && op.to.address !== 'default') {
      families.add(op.to.address.endsWith('6') ? 'ipv6' : 'ipv4')
    }
  }
  return families
}

/** Why a scenario cannot be measured on this host, if it cannot. */
export function hostBlocks(
  compiled: CompiledScenario,
  availability: Availability,
): Unavailable | undefined {
  for (const family of familiesOf(compiled)) {
    const blocked = availability[family]
    if (blocked) return blocked
  }
  return undefined
}
