// The service's history in the report, as pure functions: flip figures computed from a recorded
// sequence of outcomes (one character per run: o ok, E EADDRINUSE) and counted by hand, the
// comment's line, the gate's keys (fail-on: new-flip, known-flaky), and without a history the
// action's report unchanged, with the keys "not evaluated".
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, DEFAULT_FAIL_ON, type Policy } from '../../src/config/model.ts'
import { buildReport } from '../../src/report/build.ts'
import { evaluatePolicy } from '../../src/report/gate.ts'
import type { ReportHistory } from '../../src/report/history.ts'
import { renderComment, renderSummary } from '../../src/report/render/render.ts'
import { buildView } from '../../src/report/render/view.ts'
import { scenarioHistories, type OutcomeRow } from '../../src/service/history/flips.ts'
import { gfmTree, textOf } from './gfm.ts'
import { threeOs } from './samples.ts'

const A = 'tcp4-dup-loopback-default'
const B = 'tcp4-dup-wildcard-default'
const MAC = 'macos-arm64-synthetic'
const LINUX = 'linux-x64-synthetic'

function rows(
  pattern: string,
  at: { ref: string; scenario: string; platform: string; image: string; firstRun: number },
): OutcomeRow[] {
  return [...pattern].map((c, i) => ({
    ref: at.ref,
    scenario: at.scenario,
    platform: at.platform,
    image: at.image,
    runId: at.firstRun + i,
    runAttempt: 1,
    outcome: c === 'o' ? 'ok' : 'EADDRINUSE',
  }))
}

const MAIN = 'refs/heads/main'
const PR = 'refs/pull/42/merge'

/**
 * main, the last 20 runs:
 *   macOS A   EEoEE EoEEE EEEEE EEEoE: flips at 2→3, 3→4, 6→7, 7→8, 18→19, 19→20: 6 in 20 runs
 *   linux B   E ×20: none
 * pull request 42, three runs:
 *   macOS A   EEo: 1 flip, and the latest (o) differs from the one before (E): a new flip
 *   linux B   EEE: none
 */
function history(): ReportHistory {
  const mac = { scenario: A, platform: MAC, image: 'macos15' }
  const linux = { scenario: B, platform: LINUX, image: 'ubuntu24' }
  return scenarioHistories({
    window: 20,
    branch: {
      ref: MAIN,
      rows: [
        ...rows('EEoEEEoEEEEEEEEEEEoE', { ...mac, ref: MAIN, firstRun: 100 }),
        ...rows('E'.repeat(20), { ...linux, ref: MAIN, firstRun: 100 }),
      ],
    },
    pullRequest: {
      ref: PR,
      rows: [
        ...rows('EEo', { ...mac, ref: PR, firstRun: 200 }),
        ...rows('EEE', { ...linux, ref: PR, firstRun: 200 }),
      ],
    },
  })
}

const policy = (extra: Partial<Policy> = {}, newFlip?: boolean): Policy => ({
  mode: 'enforce',
  platforms: [],
  require: [],
  failOn: { ...DEFAULT_FAIL_ON, ...(newFlip === undefined ? {} : { newFlip }) },
  ...extra,
})

describe('flip figures', () => {
  it('counts the flips of each series by hand', () => {
    expect(history().scenarios).toEqual([
      {
        scenario: B,
        platform: LINUX,
        image: 'ubuntu24',
        branch: { ref: MAIN, runs: 20, flips: 0 },
        pullRequest: { ref: PR, runs: 3, flips: 0 },
        newFlip: false,
      },
      {
        scenario: A,
        platform: MAC,
        image: 'macos15',
        branch: { ref: MAIN, runs: 20, flips: 6 },
        pullRequest: { ref: PR, runs: 3, flips: 1 },
        newFlip: true,
        previousOutcome: 'EADDRINUSE',
        latestOutcome: 'ok',
      },
    ])
  })

  it("a pull request's first run is compared with the default branch's latest", () => {
    const first = scenarioHistories({
      window: 20,
      branch: {
        ref: MAIN,
        rows: rows('oE', { ref: MAIN, scenario: A, platform: MAC, image: '', firstRun: 1 }),
      },
      pullRequest: {
        ref: PR,
        rows: rows('o', { ref: PR, scenario: A, platform: MAC, image: '', firstRun: 9 }),
      },
    })
    expect(first.scenarios[0]).toMatchObject({
      newFlip: true,
      previousOutcome: 'EADDRINUSE',
      latestOutcome: 'ok',
    })
    expect(first.scenarios[0]!.image).toBeUndefined()
  })
})

describe('the report with a history', () => {
  it('says in the comment how often a scenario flipped, where it flipped', () => {
    const report = buildReport({ ...threeOs(), history: history() })
    const comment = textOf(
      gfmTree(renderComment(report, { verdict: evaluatePolicy(report, policy()) })),
    )
    expect(comment).toContain('Outcomes that flip between runs')
    expect(comment).toContain(
      "flipped 6 times in the last 20 runs on macos-arm64-synthetic (macos15) · 1 time in this pull request's 3 runs · now",
    )
    // The series that never flipped is not news.
    expect(comment).not.toContain('ubuntu24')
    expect(textOf(gfmTree(renderSummary(report)))).toContain(
      'tcp4-dup-loopback-default: flipped 6 times in the last 20 runs on macos-arm64-synthetic (macos15)',
    )
    expect(report.history).toEqual(history())
  })

  it('a new flip warns by default, fails with fail-on: new-flip, and never for a known-flaky scenario', () => {
    const report = buildReport({ ...threeOs(), history: history() })
    const warns = evaluatePolicy(report, policy())
    expect(warns.conclusion).toBe('success')
    expect(warns.reasons).toContainEqual({
      rule: 'flip',
      count: 1,
      fails: false,
      message: `1 outcome flipped since the previous run: ${A} on ${MAC} (macos15) (EADDRINUSE → ok)`,
      scenarios: [A],
    })
    const fails = evaluatePolicy(report, policy({}, true))
    expect(fails.conclusion).toBe('failure')
    expect(fails.title).toBe('❌ Failed: 1 outcome flipped since the previous run')
    expect(fails.notEvaluated).toBeUndefined()
    // A platform this report did not measure (dropped from the matrix) keeps its last flip: not news.
    const elsewhere = buildReport({
      ...threeOs(),
      history: {
        window: 20,
        scenarios: history().scenarios.map((h) => ({ ...h, platform: 'freebsd-x64' })),
      },
    })
    expect(evaluatePolicy(elsewhere, policy({}, true)).conclusion).toBe('success')
    const steps = (verdict: ReturnType<typeof evaluatePolicy>) =>
      buildView(report, {
        verdict,
        limits: { list: 10, findings: 10, matrix: 'none' },
        trimmed: false,
        limitName: '',
      })
        .nextSteps.filter((step) => step.kind === 'flip')
        .map((step) => `${step.what}: ${step.text} → ${step.step}`)
    expect(steps(fails)).toEqual([
      `An outcome flipped on ${MAC} (macos15): Two plain TCP sockets bind the same loopback address and port: EADDRINUSE in the previous run, ok now (6 flips in the last 20 runs of the default branch) → the runner, not this pull request’s code: re-run the leg; if the scenario is known to flip there, list it under known-flaky: in the policy`,
    ])
    expect(steps(warns)[0]).toMatch(
      /→ nothing to fix in this pull request; list the scenario under known-flaky:/,
    )
    const tolerated = evaluatePolicy(report, policy({ knownFlaky: [A] }, true))
    expect(tolerated.conclusion).toBe('success')
    // A tolerated flip is reported, with nothing to do.
    expect(steps(tolerated)).toEqual([])
    expect(tolerated.reasons.filter((r) => r.rule === 'flip')).toEqual([
      {
        rule: 'flip',
        count: 1,
        fails: false,
        message: `1 known-flaky outcome flipped (known-flaky, tolerated): ${A} on ${MAC} (macos15) (EADDRINUSE → ok)`,
      },
    ])
  })
})

describe('the report without a history (the action)', () => {
  it('is the same report, and the comment is byte for byte the same, when the policy sets no service key', () => {
    const report = buildReport(threeOs())
    expect('history' in report).toBe(false)
    const verdict = evaluatePolicy(report, DEFAULT_CONFIG)
    expect('notEvaluated' in verdict).toBe(false)
    const withEmpty = buildReport({ ...threeOs(), history: { window: 20, scenarios: [] } })
    // An empty history (a repository's first run on the service) shows nothing more either.
    expect(renderComment(withEmpty, { verdict: evaluatePolicy(withEmpty, DEFAULT_CONFIG) })).toBe(
      renderComment(report, { verdict }),
    )
  })

  it('reports the service keys as not evaluated, and judges the rest as before', () => {
    const report = buildReport(threeOs())
    const plain = evaluatePolicy(report, policy())
    const keyed = evaluatePolicy(report, policy({ knownFlaky: [A] }, true))
    expect(keyed.notEvaluated).toEqual(['fail-on.new-flip', 'known-flaky'])
    expect({ ...keyed, notEvaluated: undefined }).toEqual({ ...plain, notEvaluated: undefined })
    const comment = renderComment(report, { verdict: keyed })
    expect(comment).toContain(
      "<sub>Not evaluated here: `fail-on.new-flip`, `known-flaky` (the reporting service's keys need its history of past runs).</sub>",
    )
    expect(comment.replace(/\n\n<sub>Not evaluated here:[^\n]*/, '')).toBe(
      renderComment(report, { verdict: plain }),
    )
  })
})
