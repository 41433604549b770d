// A host that could not be measured must never report green: a platform whose result arrived but
// whose host kept most scenarios from being measured (no IPv6, loopback down, no free port) is a
// missing platform in the gate, with the cause named, and its skipped scenarios are no
// divergences.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/model.ts'
import type { PlatformResult, ScenarioResult } from '../../src/probe/model.ts'
import { buildReport } from '../../src/report/build.ts'
import { evaluatePolicy } from '../../src/report/gate.ts'
import { fixture } from '../report/samples.ts'

/** The measured Linux result with its first `n` scenarios kept from running by loopback down. */
function loopbackDown(n: number): PlatformResult {
  const measured = fixture('measured-linux-x64')
  const scenarios = measured.scenarios.map((s, i): ScenarioResult => {
    if (i >= n) return s
    const skipped: ScenarioResult = {
      ...s,
      outcome: 'skipped',
      cause: 'loopback-down',
      reason: 'the loopback interface is down (connect on 127.0.0.1 failed with ENETUNREACH)',
      counts: [{ outcome: 'skipped', step: s.step, count: s.runs }],
    }
    delete skipped.raw
    return skipped
  })
  return { ...measured, schemaVersion: 2, scenarios }
}

const report = (result: PlatformResult) =>
  buildReport({
    artifacts: [{ name: 'bind-probe-linux-x64', content: result }],
    policy: DEFAULT_CONFIG,
  })

describe('a platform whose host could not be measured', () => {
  it('counts as missing in the gate when most scenarios were not measured', () => {
    const built = report(loopbackDown(40))
    expect(built.missing).toEqual([
      expect.objectContaining({ id: 'linux-x64', reason: 'host-unmeasurable' }),
    ])
    expect(built.missing[0]!.detail).toMatch(/the loopback interface is down \(40 of 56 scenarios/)
    expect(built.divergences).toEqual([])
    const verdict = evaluatePolicy(built, DEFAULT_CONFIG)
    expect(verdict.summary).toMatch(/linux-x64/)
    expect(verdict.conclusion).not.toBe('success')
  })

  it('stays a platform when only a few scenarios were not measured', () => {
    const built = report(loopbackDown(5))
    expect(built.missing).toEqual([])
    expect(built.divergences).toEqual([])
  })
})
