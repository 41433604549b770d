// The run that confirms a conflict on an address the scenario never held, at the edges: after the
// fresh-port retries, when the driver fails on it, when it stops short of the conflict. A scripted
// driver answers each request in turn (real sockets cannot be made to fail at a chosen run).
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { DriverFailure, type SocketDriver, type StepReply } from '../../src/probe/drivers/driver.ts'
import type { ScenarioResult } from '../../src/probe/model.ts'
import { compileAll } from '../../src/probe/probe.ts'
import { runScenarios } from '../../src/probe/run.ts'

// A = socket tcp6, A IPV6_V6ONLY 1, A bind any6:0, B = socket tcp4, => B bind any4:P
const ID = 'tcp6-v6only-then-tcp4-wildcard'
const ok = (value?: number): StepReply => (value === undefined ? { ok: true } : { ok: true, value })
const fail = (name: string, errno: number): StepReply => ({ ok: false, error: { name, errno } })
const inUse = fail('EADDRINUSE', 98)

const conflict = [ok(), ok(), ok(43000), ok(), inUse]
const success = [ok(), ok(), ok(43001), ok(), ok()]
/** The control replays B alone on 43000: socket, bind. */
const controlPasses = [ok(), ok()]
const controlTaken = [ok(), inUse]

type Answer = StepReply[] | DriverFailure

async function runScripted(answers: Answer[]): Promise<{ result: ScenarioResult; left: number }> {
  const queue = [...answers]
  const driver: SocketDriver = {
    name: 'python',
    status: { name: 'python', status: 'ok' },
    async execute() {
      const next = queue.shift()
      if (!next) throw new Error('the script ran out: more requests than expected')
      if (next instanceof DriverFailure) throw next
      return next
    },
    close: async () => {},
  }
  const [result] = await runScenarios({
    scenarios: compileAll(CATALOGUE.filter((s) => s.id === ID)),
    drivers: { python: driver },
    repeat: 1,
    concurrency: 1,
    scenarioTimeoutMs: 5_000,
    globalTimeoutMs: 30_000,
  })
  return { result: result!, left: queue.length }
}

describe('the run that confirms a conflict on an address the scenario never held', () => {
  it('still happens after the fresh-port retries are spent, on a budget of its own', async () => {
    const taken = [conflict, controlTaken]
    const { result, left } = await runScripted([
      ...taken,
      ...taken,
      ...taken,
      conflict,
      controlPasses,
      success,
    ])
    expect(left).toBe(0)
    expect(result).toMatchObject({ outcome: 'ok', runs: 1, retries: 4, foreignConflicts: 4 })
  })

  it('leaves the conflict as measured when the driver fails on it', async () => {
    const crash = new DriverFailure('crash', 'python driver exited (exit code 3)')
    const { result } = await runScripted([conflict, controlPasses, crash])
    expect(result).toMatchObject({ outcome: 'EADDRINUSE', step: 'B bind any4:P', retries: 1 })
    expect(result.foreignConflicts).toBeUndefined()
  })

  it('leaves the conflict as measured when the fresh run stops before the step', async () => {
    // The fresh run fails at A's bind to port 0: the host had no port, so nothing is confirmed.
    const noPort = [ok(), ok(), inUse]
    const { result } = await runScripted([conflict, controlPasses, noPort])
    expect(result).toMatchObject({ outcome: 'EADDRINUSE', step: 'B bind any4:P', retries: 1 })
    expect(result.cause).toBeUndefined()
    expect(result.foreignConflicts).toBeUndefined()
  })

  it('counts the conflict as another program’s only when the fresh run passed the step', async () => {
    const { result } = await runScripted([conflict, controlPasses, success])
    expect(result).toMatchObject({ outcome: 'ok', retries: 1, foreignConflicts: 1 })
  })

  it('lets a conflict stand that the fresh run repeats at the same step, asking no control again', async () => {
    const { result, left } = await runScripted([conflict, controlPasses, conflict])
    expect(left).toBe(0)
    expect(result).toMatchObject({ outcome: 'EADDRINUSE', retries: 1 })
    expect(result.foreignConflicts).toBeUndefined()
  })
})
