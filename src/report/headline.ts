// Pure: the one line a reader sees first. Which platforms raise EADDRINUSE in the 2008 case (two
// SO_REUSEADDR sockets binding one port on 0.0.0.0, neither listening), which succeed, and what
// the sources say for the operating systems nobody measured here.
import { OS_FAMILIES, type Scenario } from '../probe/model.ts'
import {
  HEADLINE_SCENARIO,
  type Headline,
  type MeasuredPlatform,
  type MissingPlatform,
  type ScenarioRow,
} from './model.ts'
import { describeExpectation } from './verdict.ts'

export function buildHeadline(
  rows: readonly ScenarioRow[],
  platforms: readonly MeasuredPlatform[],
  missing: readonly MissingPlatform[],
  scenarios: readonly Scenario[],
): Headline {
  const scenario = scenarios.find((s) => s.id === HEADLINE_SCENARIO)
  const row = rows.find((r) => r.id === HEADLINE_SCENARIO)
  const headline: Headline = {
    scenario: HEADLINE_SCENARIO,
    title: scenario?.title ?? HEADLINE_SCENARIO,
    raises: [],
    succeeds: [],
    other: [],
    notMeasured: missing.map((m) => ({ platform: m.id, reason: missingWords(m) })),
    documented: [],
    flaky: [],
  }
  platforms.forEach((platform, i) => {
    const cell = row?.cells[i]
    const outcome = cell?.outcome
    if (cell?.flaky && cell.counts?.[0] && cell.runs) {
      headline.flaky.push({ platform: platform.id, count: cell.counts[0].count, runs: cell.runs })
    }
    if (outcome === undefined) {
      headline.notMeasured.push({ platform: platform.id, reason: 'did not run this scenario' })
    } else if (outcome === 'skipped' || outcome === 'probe-error') {
      headline.notMeasured.push({
        platform: platform.id,
        reason: cell?.reason ?? (outcome === 'skipped' ? 'skipped' : 'the probe failed'),
      })
    } else if (outcome === 'EADDRINUSE') {
      headline.raises.push(platform.id)
    } else if (outcome === 'ok') {
      headline.succeeds.push(platform.id)
    } else {
      headline.other.push({ platform: platform.id, outcome })
    }
  })
  if (scenario) {
    const measuredOs = new Set(
      platforms
        .filter((p, i) => {
          const outcome = row?.cells[i]?.outcome
          return outcome !== undefined && outcome !== 'skipped' && outcome !== 'probe-error'
        })
        .map((p) => p.os),
    )
    for (const os of OS_FAMILIES) {
      if (measuredOs.has(os)) continue
      const expected = scenario.expect[os]
      headline.documented.push({
        os,
        text: describeExpectation({ verdict: 'matches', expected }, scenario),
        confidence: expected.confidence,
      })
    }
  }
  return headline
}

export function missingWords(m: MissingPlatform): string {
  const leg = m.leg ? `leg ${m.leg}` : 'its leg'
  switch (m.reason) {
    case 'leg-cancelled':
      return `${leg} was cancelled`
    case 'leg-timed-out':
      return `${leg} ran out of time (its timeout-minutes) before uploading a result`
    case 'leg-runner-lost':
      return `${leg} lost its runner (GitHub lost contact with it, or it was shut down) before uploading a result`
    case 'leg-failed':
      return `${leg} failed before uploading a result`
    case 'leg-skipped':
      return `${leg} was skipped`
    case 'no-result':
      return 'no result arrived'
    case 'host-unmeasurable':
      return `its host could not be measured: ${m.detail ?? 'most scenarios were not measured'}`
  }
}
