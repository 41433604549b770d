// Pure: the scenario × platform matrix. Rows follow the catalogue (built-in, then the project's
// own scenarios, then ids a leg reported that the catalogue does not know); a row appears when at
// least one platform ran the scenario. Each cell carries its verdict from verdict.ts.
import { rawCode } from '../probe/outcome.ts'
import {
  OS_FAMILIES,
  type PlatformResult,
  type Scenario,
  type ScenarioResult,
} from '../probe/model.ts'
import type { Cell, ExpectationSummary, ScenarioRow } from './model.ts'
import { describeExpectation, isMeasurement, judge, recordedStep } from './verdict.ts'

export function buildMatrix(
  results: readonly PlatformResult[],
  scenarios: readonly Scenario[],
  customIds: ReadonlySet<string>,
): ScenarioRow[] {
  const byPlatform = results.map(
    (result) => new Map(result.scenarios.map((s) => [s.id, s] as const)),
  )
  const known = new Map(scenarios.map((s) => [s.id, s]))
  const reported = new Set(results.flatMap((r) => r.scenarios.map((s) => s.id)))
  const unknownIds = [...reported].filter((id) => !known.has(id)).sort()

  const rows: ScenarioRow[] = []
  for (const scenario of scenarios) {
    if (!reported.has(scenario.id)) continue
    const expected: ScenarioRow['expected'] = {}
    for (const os of OS_FAMILIES) expected[os] = summarise(scenario, os)
    rows.push({
      id: scenario.id,
      title: scenario.title,
      section: scenario.section ?? (customIds.has(scenario.id) ? 'Custom scenarios' : 'Other'),
      custom: customIds.has(scenario.id),
      known: true,
      measurement: isMeasurement(scenario),
      recordedStep: recordedStep(scenario),
      expected,
      cells: results.map((result, i) =>
        cellFor(
          result.platform.id,
          byPlatform[i]!.get(scenario.id),
          (r) => judge(scenario, r, result.platform.os).verdict,
        ),
      ),
    })
  }
  for (const id of unknownIds) {
    rows.push({
      id,
      title: id,
      section: 'Not in this catalogue',
      custom: false,
      known: false,
      measurement: false,
      expected: {},
      cells: results.map((result, i) =>
        cellFor(result.platform.id, byPlatform[i]!.get(id), () => 'no-expectation'),
      ),
    })
  }
  return rows
}

function summarise(scenario: Scenario, os: (typeof OS_FAMILIES)[number]): ExpectationSummary {
  const expected = scenario.expect[os]
  return {
    text: isMeasurement(scenario)
      ? 'measurement'
      : describeExpectation({ verdict: 'matches', expected }, scenario),
    confidence: expected.confidence,
  }
}

function cellFor(
  platform: string,
  result: ScenarioResult | undefined,
  verdictOf: (r: ScenarioResult) => Cell['verdict'],
): Cell {
  if (!result) return { platform, verdict: 'not-measured', flaky: false }
  const raw = result.outcome !== 'ok' ? rawCode(result.raw) : undefined
  return {
    platform,
    outcome: result.outcome,
    step: result.step,
    verdict: verdictOf(result),
    ...(raw ? { raw } : {}),
    flaky: result.flaky,
    runs: result.runs,
    ...(result.flaky ? { counts: result.counts } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.metrics ? { metrics: result.metrics } : {}),
  }
}
