// How one measured cell is judged against its expectation.
import { describe, expect, it } from 'vitest'
import type { Scenario, ScenarioResult } from '../../src/probe/model.ts'
import { judge } from '../../src/report/verdict.ts'

const scenario = (expectLinux: Scenario['expect']['linux']): Scenario => ({
  id: 'our-exclusive-bind',
  section: 'Custom scenarios',
  title: 'Our server asks for SO_EXCLUSIVEADDRUSE',
  steps: ['A = socket tcp4', 'A setsockopt SO_EXCLUSIVEADDRUSE 1', '=> A bind lo4:0'],
  expect: {
    linux: expectLinux,
    macos: { confidence: 'unknown', sources: [] },
    windows: { confidence: 'unknown', sources: [] },
  },
})

const measured = (outcome: string, step: string): ScenarioResult =>
  ({
    id: 'our-exclusive-bind',
    driver: 'python',
    outcome,
    step,
    runs: 1,
    counts: [{ outcome, step, count: 1 }],
    flaky: false,
    durationMs: 1,
  }) as ScenarioResult

describe('judge', () => {
  it('matches a documented unsupported at the step that uses the missing option', () => {
    const expected = scenario({ outcome: 'unsupported', confidence: 'documented', sources: [] })
    const result = measured('unsupported', 'A setsockopt SO_EXCLUSIVEADDRUSE 1')
    expect(judge(expected, result, 'linux').verdict).toBe('matches')
  })

  it('still holds an unsupported to the step the expectation names', () => {
    const expected = scenario({
      outcome: 'unsupported',
      step: 'A bind lo4:0',
      confidence: 'documented',
      sources: [],
    })
    const result = measured('unsupported', 'A setsockopt SO_EXCLUSIVEADDRUSE 1')
    expect(judge(expected, result, 'linux').verdict).toBe('diverges')
  })

  it('holds an error to its step: EADDRINUSE elsewhere diverges', () => {
    const expected = scenario({ outcome: 'EADDRINUSE', confidence: 'documented', sources: [] })
    expect(judge(expected, measured('EADDRINUSE', 'A bind lo4:0'), 'linux').verdict).toBe('matches')
    expect(
      judge(expected, measured('EADDRINUSE', 'A setsockopt SO_EXCLUSIVEADDRUSE 1'), 'linux')
        .verdict,
    ).toBe('diverges')
  })
})
