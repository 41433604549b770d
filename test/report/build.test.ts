import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import type { PlatformResult, Scenario } from '../../src/probe/model.ts'
import { buildReport } from '../../src/report/build.ts'
import { HEADLINE_SCENARIO } from '../../src/report/model.ts'
import { isMeasurement } from '../../src/report/verdict.ts'
import { SAMPLE_FINDINGS, fixture, policy, threeOs } from './samples.ts'

function withOutcome(result: PlatformResult, id: string, outcome: string, step?: string) {
  const s = result.scenarios.find((x) => x.id === id)!
  s.outcome = outcome
  if (step) s.step = step
  s.counts = [{ outcome, step: s.step, count: 1 }]
  return result
}

describe('the matrix and its verdicts', () => {
  it('has a row per scenario run and a cell per platform, as documented for the synthetic fixtures', () => {
    const report = buildReport(threeOs())
    expect(report.platforms).toHaveLength(3)
    expect(report.scenarios.map((r) => r.id)).toEqual(CATALOGUE.map((s) => s.id))
    const verdicts = new Set(report.scenarios.flatMap((r) => r.cells.map((c) => c.verdict)))
    // Written from the expectations, so nothing can diverge or be refuted.
    expect([...verdicts].sort()).toEqual(['confirmed', 'matches', 'measurement', 'settled'])
    expect(report.divergences).toEqual([])
    expect(report.divergentScenarios).toEqual([])
  })

  it('counts only a contradicted documented expectation as a divergence; an inferred one is refuted', () => {
    const documented = 'tcp4-reuseaddr-both-dup-wildcard-nolisten' // linux: documented ok
    // Any scenario whose Linux cell is ok without being documented (inferred, or measured here).
    const inferredCell = CATALOGUE.find(
      (s) =>
        s.expect.linux.confidence !== 'documented' &&
        s.expect.linux.outcome === 'ok' &&
        !isMeasurement(s),
    )!
    const inferred = inferredCell.id
    const linux = withOutcome(
      withOutcome(fixture('synthetic-linux-x64'), documented, 'EADDRINUSE'),
      inferred,
      'EADDRINUSE',
    )
    const report = buildReport({ artifacts: [{ name: 'l', content: linux }] })
    expect(report.divergences).toEqual([
      {
        scenario: documented,
        platform: 'linux-x64-synthetic',
        os: 'linux',
        outcome: 'EADDRINUSE',
        step: 'B bind any4:P',
        expected: 'ok',
        confidence: 'documented',
      },
    ])
    expect(report.refutations.map((r) => [r.scenario, r.expected, r.confidence])).toEqual([
      [inferred, 'ok', inferredCell.expect.linux.confidence],
    ])
    expect(report.divergentScenarios).toEqual([documented])
  })

  it('treats an error at another step than the expected one as a contradiction', () => {
    const id = 'tcp4-reuseaddr-both-dup-second-listen' // macos: EADDRINUSE expected at "B bind lo4:P"
    const macos = withOutcome(fixture('synthetic-macos-arm64'), id, 'EADDRINUSE', 'B listen')
    const report = buildReport({ artifacts: [{ name: 'm', content: macos }] })
    const cell = report.scenarios.find((r) => r.id === id)!.cells[0]!
    expect(cell.verdict).toBe('refuted')
    expect(report.refutations[0]!.expected).toBe('EADDRINUSE at B bind lo4:P')
  })

  it('settles custom scenarios without expectations, and keeps ids a leg knows and the catalogue does not', () => {
    const custom: Scenario = {
      id: 'my-dual-stack',
      section: 'Our server',
      title: 'Our server binds :: and then 0.0.0.0',
      steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', '=> B bind lo4:P'],
      expect: {
        linux: { confidence: 'unknown', sources: [] },
        macos: { confidence: 'unknown', sources: [] },
        windows: { confidence: 'unknown', sources: [] },
      },
    }
    const linux = fixture('synthetic-linux-x64')
    const template = linux.scenarios[0]!
    linux.scenarios.push({ ...template, id: custom.id }, { ...template, id: 'from-a-newer-probe' })
    const report = buildReport({
      artifacts: [{ name: 'l', content: linux }],
      policy: policy({ scenarios: [custom] }),
    })
    const row = report.scenarios.find((r) => r.id === custom.id)!
    expect(row).toMatchObject({
      custom: true,
      known: true,
      section: 'Our server',
      title: custom.title,
    })
    expect(row.cells[0]!.verdict).toBe('settled')
    expect(row.expected.linux).toEqual({ text: 'unknown', confidence: 'unknown' })
    const stranger = report.scenarios.at(-1)!
    expect(stranger).toMatchObject({
      id: 'from-a-newer-probe',
      known: false,
      section: 'Not in this catalogue',
    })
    expect(stranger.cells[0]!.verdict).toBe('no-expectation')
  })

  it('leaves out rows nobody ran, and marks a cell a platform did not run', () => {
    const linux = fixture('synthetic-linux-x64')
    const macos = fixture('synthetic-macos-arm64')
    linux.scenarios = linux.scenarios.slice(0, 3)
    macos.scenarios = macos.scenarios.slice(1, 3)
    const report = buildReport({
      artifacts: [
        { name: 'l', content: linux },
        { name: 'm', content: macos },
      ],
    })
    expect(report.scenarios).toHaveLength(3)
    expect(report.scenarios[0]!.cells[1]).toEqual({
      platform: 'macos-arm64-synthetic',
      verdict: 'not-measured',
      flaky: false,
    })
  })
})

describe('headline', () => {
  it('says which platforms raise EADDRINUSE in the 2008 case and what is documented elsewhere', () => {
    const report = buildReport({
      artifacts: [
        { name: 'l', content: fixture('synthetic-linux-x64') },
        { name: 'm', content: fixture('synthetic-macos-arm64') },
      ],
    })
    expect(report.headline).toMatchObject({
      scenario: HEADLINE_SCENARIO,
      raises: ['macos-arm64-synthetic'],
      succeeds: ['linux-x64-synthetic'],
      other: [],
      notMeasured: [],
      documented: [{ os: 'windows', text: 'ok', confidence: 'documented' }],
    })
  })

  it('counts a skipped run as not measured, with the reason', () => {
    const linux = fixture('synthetic-linux-x64')
    Object.assign(
      linux.scenarios.find((s) => s.id === HEADLINE_SCENARIO)!,
      { outcome: 'skipped', reason: 'no Python on this runner' },
    )
    const report = buildReport({ artifacts: [{ name: 'l', content: linux }] })
    expect(report.headline.notMeasured).toEqual([
      { platform: 'linux-x64-synthetic', reason: 'no Python on this runner' },
    ])
    expect(report.headline.documented.map((d) => d.os)).toEqual(['linux', 'macos', 'windows'])
  })
})

describe('probe errors, flaky results, requirements and findings', () => {
  it('lists probe errors (cells and crashed drivers) and flaky cells with their counts', () => {
    const linux = fixture('synthetic-linux-x64')
    linux.drivers[1] = { name: 'node', status: 'crashed', message: 'exit 134' }
    Object.assign(linux.scenarios[0]!, { outcome: 'probe-error', reason: 'timed out after 10 s' })
    Object.assign(linux.scenarios[1]!, {
      flaky: true,
      runs: 4,
      counts: [
        { outcome: 'EADDRINUSE', step: 'B bind any4:P', count: 3 },
        { outcome: 'ok', step: 'B bind any4:P', count: 1 },
      ],
    })
    const report = buildReport({ artifacts: [{ name: 'l', content: linux }] })
    expect(report.probeErrors).toEqual([
      { platform: 'linux-x64-synthetic', message: 'the node driver crashed: exit 134' },
      {
        platform: 'linux-x64-synthetic',
        scenario: linux.scenarios[0]!.id,
        message: 'timed out after 10 s',
      },
    ])
    expect(report.flaky).toEqual([
      {
        scenario: linux.scenarios[1]!.id,
        platform: 'linux-x64-synthetic',
        runs: 4,
        counts: linux.scenarios[1]!.counts,
      },
    ])
  })

  it('checks the outcomes a project requires, a platform id overriding its OS', () => {
    const report = buildReport({
      ...threeOs(),
      policy: policy({
        platforms: [],
        require: [
          { scenario: HEADLINE_SCENARIO, target: 'linux', outcomes: ['ok'] },
          { scenario: HEADLINE_SCENARIO, target: 'macos', outcomes: ['ok'] },
          { scenario: HEADLINE_SCENARIO, target: 'windows', outcomes: ['ok', 'EACCES'] },
          { scenario: HEADLINE_SCENARIO, target: 'linux-x64-synthetic', outcomes: ['EADDRINUSE'] },
          {
            scenario: 'tcp4-dup-loopback-default',
            target: 'linux-arm64',
            outcomes: ['EADDRINUSE'],
          },
        ],
      }),
    })
    expect(report.requirements.map((r) => [r.target, r.status, r.message])).toEqual([
      // linux-x64-synthetic, the only Linux platform, has a requirement of its own, which wins.
      ['linux', 'met', 'every linux platform measured has a requirement of its own'],
      ['macos', 'violated', 'macos-arm64-synthetic gave EADDRINUSE; required: ok'],
      ['windows', 'met', 'ok or EACCES, as required'],
      ['linux-x64-synthetic', 'violated', 'linux-x64-synthetic gave ok; required: EADDRINUSE'],
      ['linux-arm64', 'unverified', 'linux-arm64 was not measured (required: EADDRINUSE)'],
    ])
  })

  it('groups findings by file, worst file first, without duplicates from several legs, naming bad ones', () => {
    const report = buildReport({
      artifacts: [],
      findings: [...SAMPLE_FINDINGS, ...SAMPLE_FINDINGS, { rule: 'X', severity: 'fatal' }, null],
    })
    expect(report.findings.total).toBe(3)
    expect(report.findings.bySeverity).toEqual({ error: 1, warning: 2, note: 0 })
    expect(report.findings.files.map((f) => [f.path, f.findings.map((x) => x.line)])).toEqual([
      ['test/server.test.ts', [14, 31]],
      ['test/helpers/free port (old).py', [7]],
    ])
    expect(report.findings.problems).toEqual([
      'finding 7 was ignored: severity is not error, warning or note',
      'finding 8 was ignored: not an object',
    ])
  })
})

describe('the Report as data', () => {
  it('survives JSON unchanged (it is the report-json output)', () => {
    const report = buildReport(threeOs())
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  it('is the same whatever order the artifacts arrive in', () => {
    const input = threeOs()
    const reversed = { ...input, artifacts: [...input.artifacts].reverse() }
    expect(buildReport(reversed)).toEqual(buildReport(input))
  })
})
