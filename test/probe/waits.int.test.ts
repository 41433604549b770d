// A scenario within the documented limits always gets its measured outcome: its sleeps and the
// driver's connect/accept timeouts fit inside the scenario timeout, so it never ends as a
// probe-error by design.
import { describe, expect, it } from 'vitest'
import { compileScenario, ScenarioError } from '../../src/probe/compile.ts'
import { probe } from '../../src/probe/probe.ts'
import { RUN_DEFAULTS } from '../../src/probe/run.ts'
import { MAX_SLEEP_MS, MAX_WAIT_MS, OP_TIMEOUT_MS } from '../../src/probe/steps.ts'
import { customScenario } from '../helpers/scenarios.ts'

describe('the limits on waiting', () => {
  it('leave the scenario timeout room beyond the longest legal wait', () => {
    expect(MAX_SLEEP_MS + OP_TIMEOUT_MS).toBeLessThanOrEqual(MAX_WAIT_MS)
    expect(MAX_WAIT_MS).toBeLessThan(RUN_DEFAULTS.scenarioTimeoutMs)
  })

  it('refuse a scenario whose sleeps and connect/accept timeouts could overrun', () => {
    const long = customScenario('long-wait', [
      'A = socket tcp4',
      'A bind lo4:0',
      'A listen',
      'sleep 5000',
      'S = A accept',
      '=> T = A accept',
    ])
    expect(() => compileScenario(long)).toThrow(ScenarioError)
    expect(() => compileScenario(long)).toThrow(
      /scenario "long-wait": its sleeps \(5000 ms\) and 2 connect\/accept steps \(2000 ms each\) may wait 9000 ms; a scenario waits at most 8000 ms in all/,
    )
  })
})

describe('a scenario that waits as long as the limits allow', () => {
  it('records the accept’s own timeout, not a probe-error', async () => {
    const lonely = customScenario('lonely-accept', [
      'A = socket tcp4',
      'A bind lo4:0',
      'A listen',
      'sleep 5000',
      '=> S = A accept',
    ])
    const result = await probe({ only: [lonely.id], extraScenarios: [lonely] })
    expect(result.scenarios[0]).toMatchObject({ outcome: 'ETIMEDOUT', step: 'S = A accept' })
  })
})
