// When the probe itself fails part-way (a driver dies, the global timeout passes), a scenario's
// result counts the runs that were attempted, not the ones that were asked for.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ScenarioResult } from '../../src/probe/model.ts'
import { probe } from '../../src/probe/probe.ts'
import { RUN_DEFAULTS } from '../../src/probe/run.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'

const DIES_AFTER_16 = fileURLToPath(new URL('../fixtures/dying_driver.py', import.meta.url))

const probeErrors = (s: ScenarioResult) =>
  s.counts.find((c) => c.outcome === 'probe-error')?.count ?? 0

function expectHonestCounts(scenarios: ScenarioResult[]) {
  for (const s of scenarios) {
    expect(
      s.counts.reduce((sum, c) => sum + c.count, 0),
      s.id,
    ).toBe(s.runs)
    // The runs in flight when the probe failed fail with it; no later run is tried.
    expect(probeErrors(s), s.id).toBeLessThanOrEqual(RUN_DEFAULTS.concurrency)
  }
}

describe('a scenario cut short by the probe’s own failure', () => {
  it('stops repeating once its driver has died, and says how many runs were left', async () => {
    const result = await probe({
      drivers: ['python'],
      pythonCandidates: [['python3', DIES_AFTER_16]],
      repeat: 5,
    })
    expectHonestCounts(result.scenarios)
    const never = result.scenarios.filter((s) => s.outcome === 'probe-error' && s.runs === 1)
    expect(never.length).toBeGreaterThan(0)
    for (const s of never) {
      expect(s.reason).toMatch(/python driver exited .*; 4 more runs were not attempted$/)
    }
    expect(resultProblems(result)).toEqual([])
  })

  it('stops repeating at the global timeout', async () => {
    const result = await probe({ drivers: ['python'], repeat: 1000, globalTimeoutMs: 1000 })
    expectHonestCounts(result.scenarios)
    const cut = result.scenarios.filter((s) => probeErrors(s) > 0)
    expect(cut.some((s) => s.runs < 1000)).toBe(true)
    for (const s of cut) {
      // At 999 of 1000 runs the reason speaks of one run: "1 more run was not attempted". A
      // scenario whose last runs were the ones in flight when the timeout passed attempted all
      // 1000 (a fast machine finishes the quick ones), and says nothing is missing.
      if (s.runs < 1000)
        expect(s.reason, s.id).toMatch(/; \d+ more runs? (was|were) not attempted$/)
      else expect(s.reason ?? '', s.id).not.toMatch(/not attempted/)
    }
    expect(resultProblems(result)).toEqual([])
  })
})
