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
import { HEADLINE_SCENARIO } from '../report/model.ts'
import { CAUSE_WORDS } from '../probe/causes.ts'
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

  const verdicts = rows.map((row) => row.judgement.verdict)
  const lines = [answer(result, verdicts, paint), ...header(result, paint), '']
  lines.push(paint('dim', `   ${pad('outcome', w1)}${pad(`expected (${os})`, w2)}scenario`))
  let section: string | undefined
  rows.forEach(({ r, scenario, judgement }, i) => {
    const heading = scenario?.section ?? 'Custom scenarios'
    if (heading !== section) {
      section = heading
      lines.push(paint('bold', heading))
    }
    const { mark, style } =
      r.outcome === 'unsupported' ? { mark: '·', style: 'dim' as const } : MARKS[judgement.verdict]
    lines.push(
      ` ${paint(style, mark)} ${pad(outcomeText[i]!, w1)}${pad(expectedText[i]!, w2)}${scenario?.title ?? r.id}`,
    )
    // A host cause is said once, under the table; each row names it by its key.
    const detail = r.cause
      ? `not measured: ${r.cause}`
      : (r.reason ?? (r.metrics ? describeMetrics(r.metrics) : undefined))
    lines.push(paint('dim', `${indent}${r.id}${detail ? ` — ${detail}` : ''}`))
  })
  lines.push('', ...summary(verdicts, result, paint))
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
  // An option this OS lacks (SO_EXCLUSIVEADDRUSE on Linux) is no result to tick.
  if (r.outcome === 'unsupported') return 'not on this OS'
  const top = r.counts[0]
  const flaky = r.flaky && top ? ` (${top.count}/${r.runs}, flaky)` : ''
  const atStep =
    scenario && !AT_ANY_STEP.has(r.outcome) && r.step !== recordedStep(scenario)
      ? ` at ${r.step}`
      : ''
  return `${r.outcome}${atStep}${flaky}`
}

/**
 * The answer before the table: what this machine does in the 2008 case, and whether everything
 * matched the documented semantics.
 */
function answer(result: PlatformResult, verdicts: Verdict[], paint: Painter): string {
  const headline = result.scenarios.find((s) => s.id === HEADLINE_SCENARIO)
  const id = result.platform.id
  const reuse =
    headline === undefined || headline.outcome === 'skipped' || headline.outcome === 'probe-error'
      ? `the 2008 case (two SO_REUSEADDR sockets on one 0.0.0.0 port) was not measured on ${id}`
      : headline.outcome === 'ok'
        ? `on ${id} two SO_REUSEADDR sockets may bind one port on 0.0.0.0 (the 2008 case: ok)`
        : `on ${id} a second SO_REUSEADDR socket on a 0.0.0.0 port gets ${headline.outcome} (the 2008 case)`
  const differ = verdicts.filter((v) => v === 'diverges').length
  const verdict =
    differ > 0
      ? paint(
          'red',
          `${plural(differ, 'scenario differs', 'scenarios differ')} from the documented behaviour`,
        )
      : paint('green', 'everything measured matches the documented behaviour')
  return `${reuse[0]!.toUpperCase()}${reuse.slice(1)}; ${verdict}.`
}

/** The closing count, in plain words, naming only what happened. */
const SUMMARY_WORDS: [Verdict, string, string][] = [
  ['diverges', 'differs from the documented behaviour', 'differ from the documented behaviour'],
  [
    'refuted',
    'differs from an inferred or earlier result',
    'differ from inferred or earlier results',
  ],
  ['matches', 'as documented', 'as documented'],
  ['confirmed', 'as inferred or measured before', 'as inferred or measured before'],
  ['settled', 'answers an open question', 'answer open questions'],
  ['measurement', 'port-number measurement', 'port-number measurements'],
  ['not-measured', 'not measured', 'not measured'],
]

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function summary(verdicts: Verdict[], result: PlatformResult, paint: Painter): string[] {
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length
  const total = result.scenarios.length
  const present = SUMMARY_WORDS.filter(([v]) => count(v) > 0)
  const parts =
    present.length === 1 && count(present[0]![0]) === total && present[0]![0] === 'matches'
      ? ['all as documented']
      : present.map(([v, one, many]) => plural(count(v), one, many))
  const flaky = result.scenarios.filter((s) => s.flaky).length
  if (flaky) parts.push(`${flaky} flaky`)
  const unsupported = result.scenarios.filter((s) => s.outcome === 'unsupported').length
  if (unsupported) parts.push(`${unsupported} use an option this OS lacks`)
  const cutShort = result.scenarios.some((s) => s.runs < result.options.repeat)
  const raw = result.scenarios.find((s) => s.raw && s.outcome !== 'ok')
  const runs =
    result.options.repeat > 1
      ? `, ${cutShort ? 'up to ' : ''}${result.options.repeat} runs each`
      : ''
  const causes = new Map<string, number>()
  for (const s of result.scenarios) {
    if (s.cause) causes.set(s.cause, (causes.get(s.cause) ?? 0) + 1)
  }
  const hostLines = [...causes].map(
    ([cause, n]) =>
      `Not measured on this host: ${CAUSE_WORDS[cause as keyof typeof CAUSE_WORDS]} (${cause}): ${plural(n, 'scenario', 'scenarios')}.`,
  )
  return [
    ...hostLines.map((line) => paint('yellow', line)),
    `${plural(total, 'scenario', 'scenarios')} in ${(result.durationMs / 1000).toFixed(2)} s${runs}: ${parts.join(', ')}`,
    paint(
      'dim',
      `✓ as expected  ✗ differs from the documented behaviour  ! differs from an inferred or earlier result  ? answers an open question  # numbers  · not on this OS  - not measured` +
        (raw ? `   (raw codes are in --format json, e.g. ${rawCode(raw.raw)})` : ''),
    ),
  ]
}
