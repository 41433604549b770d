// Pure: how one measured outcome stands against the catalogue's expectation for that OS. Only a
// contradiction of a *documented* expectation is a divergence; an inferred or measured cell is
// confirmed or refuted, and an unknown one is settled by the measurement.
import type { Expectation, OsFamily, Scenario, ScenarioResult } from '../probe/model.ts'

export type Verdict =
  | 'matches'
  | 'diverges'
  | 'confirmed'
  | 'refuted'
  | 'settled'
  | 'measurement'
  | 'not-measured'
  | 'no-expectation'

export interface Judgement {
  verdict: Verdict
  expected?: Expectation
  /** The step the expectation is about: its own, else the recorded one. */
  expectedStep?: string
}

/** The recorded (`=>`) step of a scenario, as results name it. */
export function recordedStep(scenario: Scenario): string {
  const line = scenario.steps.find((s) => s.trim().startsWith('=>')) ?? ''
  return line.trim().slice(2).trim()
}

export function isMeasurement(scenario: Scenario): boolean {
  return scenario.steps.some((s) => /^(=>\s*)?ephemeral\s/.test(s.trim()))
}

export function judge(
  scenario: Scenario,
  result: ScenarioResult,
  os: OsFamily | 'other',
): Judgement {
  if (os === 'other') return { verdict: 'no-expectation' }
  const expected = scenario.expect[os]
  if (result.outcome === 'skipped' || result.outcome === 'probe-error') {
    return { verdict: 'not-measured', expected }
  }
  if (isMeasurement(scenario)) return { verdict: 'measurement', expected }
  if (expected.outcome === undefined) return { verdict: 'settled', expected }
  const expectedStep = expected.step ?? recordedStep(scenario)
  // An `ok` ends at the recorded step by definition, and `unsupported` (without a step named) at
  // whichever step uses the missing option; an error must come from the expected step, or the
  // platform failed somewhere else than the sources say.
  const anyStep =
    expected.outcome === 'ok' || (expected.outcome === 'unsupported' && expected.step === undefined)
  const same = result.outcome === expected.outcome && (anyStep || result.step === expectedStep)
  if (expected.confidence === 'documented') {
    return { verdict: same ? 'matches' : 'diverges', expected, expectedStep }
  }
  return { verdict: same ? 'confirmed' : 'refuted', expected, expectedStep }
}

/** Expected outcome in words: `EADDRINUSE`, `EADDRINUSE at B bind lo4:P`, `unknown`. */
export function describeExpectation(judgement: Judgement, scenario: Scenario): string {
  const { expected } = judgement
  if (!expected || expected.outcome === undefined) return 'unknown'
  const step = expected.step ?? recordedStep(scenario)
  return expected.outcome !== 'ok' &&
    expected.outcome !== 'unsupported' &&
    step !== recordedStep(scenario)
    ? `${expected.outcome} at ${step}`
    : expected.outcome
}
