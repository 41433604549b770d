// Another program's socket that is gone by the time the control replays the failing bind: the
// race behind a flaky tcp6-v6only-then-tcp4-wildcard when two probes share a host. Real sockets
// and the real python driver; the only staging is when the other program's socket opens and closes.
import { createServer, type Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import type { SocketDriver } from '../../src/probe/drivers/driver.ts'
import { startPythonDriver, type PythonDriver } from '../../src/probe/drivers/python-driver.ts'
import type { ScenarioResult } from '../../src/probe/model.ts'
import { compileAll } from '../../src/probe/probe.ts'
import { runScenarios } from '../../src/probe/run.ts'
import type { Op } from '../../src/probe/steps.ts'

const drivers: PythonDriver[] = []
afterAll(async () => {
  await Promise.all(drivers.map((d) => d.close()))
})

function listen(host: string): Promise<Server> {
  const server = createServer()
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve(server))
  })
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve))

/**
 * The scenario's first run draws its port Q where another program listens on 0.0.0.0:Q (the port
 * is named outright in place of the scenario's bind to 0 and of P, as a draw that lands there
 * would),
 * and that program closes its socket before anything else reaches the driver.
 */
function withShortLivedNeighbour(real: SocketDriver, neighbour: Server): SocketDriver {
  let first = true
  return {
    name: real.name,
    get status() {
      return real.status
    },
    async execute(ops: readonly Op[], timeoutMs: number) {
      if (!first) return real.execute(ops, timeoutMs)
      first = false
      const port = (neighbour.address() as { port: number }).port
      const drawing = ops.findIndex((op) => 'to' in op && op.to.port === 0)
      const staged = ops.map((op, i) =>
        'to' in op && (i === drawing || op.to.port === 'P')
          ? { ...op, to: { ...op.to, port } }
          : op,
      )
      const replies = await real.execute(staged, timeoutMs)
      await close(neighbour)
      return replies
    },
    close: () => real.close(),
  }
}

async function probeOnce(id: string, stage?: (real: SocketDriver) => SocketDriver) {
  const driver = await startPythonDriver()
  drivers.push(driver)
  const [result] = await runScenarios({
    scenarios: compileAll(CATALOGUE.filter((s) => s.id === id)),
    drivers: { python: stage ? stage(driver) : driver },
    repeat: 1,
    concurrency: 1,
    scenarioTimeoutMs: 5_000,
    globalTimeoutMs: 30_000,
  })
  return result!
}

async function probeBesideNeighbour(id: string): Promise<ScenarioResult> {
  const neighbour = await listen('0.0.0.0')
  return probeOnce(id, (real) => withShortLivedNeighbour(real, neighbour))
}

describe('a conflict with a socket that closed before the control', () => {
  it('is not taken for the scenario’s answer where the scenario never held the address', async () => {
    // [::]:Q IPv6-only beside another program's 0.0.0.0:Q: the bind of 0.0.0.0:Q fails, and the
    // control, after the other program closed, passes. Linux's own answer is success.
    const result = await probeBesideNeighbour('tcp6-v6only-then-tcp4-wildcard')
    expect(result.trace.at(-1)).toMatchObject({ step: 'B bind any4:P', status: 'ok' })
    expect(result).toMatchObject({ outcome: 'ok', runs: 1, retries: 1, foreignConflicts: 1 })
  })

  it('still stands where the fresh port gives the same answer (dual-stack [::] holds 0.0.0.0)', async () => {
    const result = await probeOnce('tcp6-dualstack-then-tcp4-wildcard')
    expect(result).toMatchObject({ outcome: 'EADDRINUSE', runs: 1, retries: 1 })
    expect(result.foreignConflicts).toBeUndefined()
  })
})
