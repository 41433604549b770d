// Pure: a PlatformResult as a terminal table, grouped by section, with the expectation for this
// OS beside each outcome and a mark where they differ.
import type { PlatformResult, Scenario, ScenarioResult } from '../probe/model.ts'
import { describeMetrics } from '../report/render/metrics.ts'
import { rawCode } from '../probe/outcome.ts'
import {
  describeExpectation,
  judge,
  recordedStep,
  type Judgement,
  type Verdict,
} from '../report/verdict.ts'
import { pad, plain, type Painter } from './terminal.ts'

const MARKS: Record<Verdict, { mark: string; style: Parameters<Painter>[0] }> = {
  matches: { mark: '✓', style: 'green' },
  confirmed: { mark: '✓', style: 'green' },
  diverges: { mark: '✗', style: 'red' },
  refuted: { mark: '!', style: 'yellow' },
  settled: { mark: '?', style: 'cyan' },
  measurement: { mark: '#', style: 'cyan' },
  'not-measured': { mark: '-', style: 'dim' },
  'no-expectation': { mark: ' ', style: 'dim' },
}

export function renderTable(
  result: PlatformResult,
  scenarios: ReadonlyMap<string, Scenario>,
  paint: Painter = plain,
): string {
  const os = result.platform.os
  const rows = result.scenarios.map((r) => {
    const scenario = scenarios.get(r.id)
    const judgement: Judgement = scenario ? judge(scenario, r, os) : { verdict: 'no-expectation' }
    return { r, scenario, judgement }
  })
  const outcomeText = rows.map(({ r, scenario }) => describeOutcome(r, scenario))
  const expectedText = rows.map(({ judgement, scenario }) => {
    if (!scenario || !judgement.expected) return ''
    if (judgement.verdict === 'measurement') return `numbers · ${judgement.expected.confidence}`
    return `${describeExpectation(judgement, scenario)} · ${judgement.expected.confidence}`
  })
  const w1 = Math.max(7, ...outcomeText.map((t) => t.length)) + 2
  const w2 = Math.max(8, ...expectedText.map((t) => t.length)) + 2
  const indent = ' '.repeat(3 + w1 + w2)

  const lines = [...header(result, paint), '']
  lines.push(paint('dim', `   ${pad('outcome', w1)}${pad(`expected (${os})`, w2)}scenario`))
  let section: string | undefined
  rows.forEach(({ r, scenario, judgement }, i) => {
    const heading = scenario?.section ?? 'Custom scenarios'
    if (heading !== section) {
      section = heading
      lines.push(paint('bold', heading))
    }
    const { mark, style } = MARKS[judgement.verdict]
    lines.push(
      ` ${paint(style, mark)} ${pad(outcomeText[i]!, w1)}${pad(expectedText[i]!, w2)}${scenario?.title ?? r.id}`,
    )
    const detail = r.reason ?? (r.metrics ? describeMetrics(r.metrics) : undefined)
    lines.push(paint('dim', `${indent}${r.id}${detail ? ` — ${detail}` : ''}`))
  })
  lines.push(
    '',
    ...summary(
      rows.map((row) => row.judgement.verdict),
      result,
      paint,
    ),
  )
  return lines.join('\n')
}

function header(result: PlatformResult, paint: Painter): string[] {
  const p = result.platform
  const facts = [
    p.python ? `python ${p.python.version}` : 'no python',
    `node ${p.node.version}`,
    ...Object.entries(p.settings).map(([k, v]) => `${k} ${v}`),
  ]
  const runner = p.runner?.image
    ? ` · runner ${p.runner.image} ${p.runner.imageVersion ?? ''}`.trimEnd()
    : ''
  return [
    paint('bold', `bind-probe ${result.tool.version} on ${p.id}`) +
      ` — ${p.distro ?? p.platform}, kernel ${p.release}${runner}`,
    paint('dim', facts.join(' · ')),
  ]
}

/** Outcomes whose step says nothing more: success is always at the recorded step, and a missing
 * option shows in the raw code. */
const AT_ANY_STEP = new Set(['ok', 'unsupported', 'skipped', 'probe-error'])

export function describeOutcome(r: ScenarioResult, scenario: Scenario | undefined): string {
  const top = r.counts[0]
  const flaky = r.flaky && top ? ` (${top.count}/${r.runs}, flaky)` : ''
  const atStep =
    scenario && !AT_ANY_STEP.has(r.outcome) && r.step !== recordedStep(scenario)
      ? ` at ${r.step}`
      : ''
  return `${r.outcome}${atStep}${flaky}`
}

function summary(verdicts: Verdict[], result: PlatformResult, paint: Painter): string[] {
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length
  const parts = [
    `${count('matches')} match the documentation`,
    `${count('confirmed')} confirm an inferred or measured expectation`,
    `${count('diverges')} diverge`,
    `${count('refuted')} refute`,
    `${count('settled')} settle an unknown`,
    `${count('measurement')} measurements`,
    `${count('not-measured')} not measured`,
  ]
  const flaky = result.scenarios.filter((s) => s.flaky).length
  const cutShort = result.scenarios.some((s) => s.runs < result.options.repeat)
  const raw = result.scenarios.find((s) => s.raw && s.outcome !== 'ok')
  return [
    `${result.scenarios.length} scenarios in ${(result.durationMs / 1000).toFixed(2)} s` +
      `${result.options.repeat > 1 ? `, ${cutShort ? 'up to ' : ''}${result.options.repeat} runs each` : ''}: ${parts.join(', ')}` +
      (flaky ? `, ${flaky} flaky` : ''),
    paint(
      'dim',
      `✓ as expected  ✗ diverges from the documented semantics  ! refutes an inferred expectation or an earlier measurement  ? settles an unknown  # measurement  - not measured` +
        (raw ? `   (raw codes are in --format json, e.g. ${rawCode(raw.raw)})` : ''),
    ),
  ]
}
