// The gate's defaults fail on what a pull request's author can fix (issue 8, "First contact"): the
// pull request's new flaky port use and the project's own requirements; a scan that could not run
// or be read counts under the findings rule; a host that measured nothing while its leg looked
// green fails too. The platform's behaviour, flaky outcomes and a missing leg are warnings.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, DEFAULT_FAIL_ON, type Policy } from '../../src/config/model.ts'
import type { PlatformResult, ScenarioResult } from '../../src/probe/model.ts'
import { buildReport, type ReportInput } from '../../src/report/build.ts'
import { evaluatePolicy, TITLE_MAX } from '../../src/report/gate.ts'
import { readLegScans } from '../../src/report/leg-scans.ts'
import type { Finding } from '../../src/scan/finding.ts'
import { eventful, fixture, SAMPLE_FINDINGS, singleOs, threeOs } from './samples.ts'

const defaults = (extra: Partial<Policy> = {}): Policy => ({ ...DEFAULT_CONFIG, ...extra })

const finding = (patch: Partial<Finding> & { new?: boolean }): Finding & { new?: boolean } => ({
  ...SAMPLE_FINDINGS[0]!,
  ...patch,
})

/** The measured Linux result with its first 40 scenarios kept from running by loopback down. */
function brokenHost(): PlatformResult {
  const measured = fixture('measured-linux-x64')
  const scenarios = measured.scenarios.map((s, i): ScenarioResult => {
    if (i >= 40) return s
    const skipped: ScenarioResult = {
      ...s,
      outcome: 'skipped',
      cause: 'loopback-down',
      reason: 'the loopback interface is down',
      counts: [{ outcome: 'skipped', step: s.step, count: s.runs }],
    }
    delete skipped.raw
    return skipped
  })
  return { ...measured, schemaVersion: 2, scenarios }
}

describe('the gate’s defaults', () => {
  it('fail on the pull request’s new flaky port use at severity error, and only warn on the rest', () => {
    const input: ReportInput = {
      ...singleOs(),
      findings: [
        finding({ line: 14, fingerprint: 'a' }),
        finding({ line: 20, fingerprint: 'b', new: false }),
        finding({ line: 31, fingerprint: 'c', severity: 'warning', rule: 'PORT001' }),
      ],
    }
    const report = buildReport(input)
    expect(report.findings.newBySeverity).toEqual({ error: 1, warning: 1, note: 0 })
    const verdict = evaluatePolicy(report, defaults())
    expect(verdict.conclusion).toBe('failure')
    expect(verdict.reasons.filter((r) => r.fails).map((r) => r.message)).toEqual([
      '1 new flaky port use at severity error',
    ])
    expect(verdict.reasons.filter((r) => !r.fails).map((r) => r.message)).toEqual([
      '1 new flaky port use below severity error',
      '1 pre-existing flaky port use off the changed lines',
    ])
    expect(verdict.title).toBe('❌ Failed: 1 new flaky port use at severity error')

    // The same error off the changed lines is listed, and passes.
    const old = buildReport({ ...input, findings: [finding({ new: false })] })
    const passed = evaluatePolicy(old, defaults())
    expect(passed.conclusion).toBe('success')
    expect(passed.title).toBe(
      '✅ Passed with 1 warning: 1 pre-existing flaky port use off the changed lines',
    )
  })

  it('warn on a divergence, a flaky result, a probe error and a missing leg: success with warnings', () => {
    const input = eventful()
    const report = buildReport({
      ...input,
      policy: { ...input.policy!, require: [] },
      findings: [],
    })
    expect(report.divergences.length).toBeGreaterThan(0)
    expect(report.missing.length).toBeGreaterThan(0)
    const verdict = evaluatePolicy(report, defaults({ platforms: input.policy!.platforms }))
    expect(verdict.conclusion).toBe('success')
    expect(verdict.failures).toBe(0)
    expect(verdict.warnings).toBe(verdict.reasons.length)
    expect(verdict.reasons.map((r) => r.rule)).toEqual([
      'missing-platform',
      'missing-platform',
      'divergence',
      'probe-error',
      'flaky',
      'change',
    ])
    expect(verdict.summary).toMatch(/^passed on 2 platforms with 6 warnings: 2 expected platforms/)
    expect(verdict.title).toBe(
      '✅ Passed with 6 warnings: 2 expected platforms missing, and 5 more',
    )
    // Neutral is warn mode's word for a failure only.
    expect(evaluatePolicy(report, defaults({ mode: 'warn' })).conclusion).toBe('success')
  })

  it('fail on a host that could not be measured, whose leg looked green', () => {
    const report = buildReport({
      artifacts: [{ name: 'bind-probe-linux-x64', content: brokenHost() }],
      policy: DEFAULT_CONFIG,
    })
    const verdict = evaluatePolicy(report, defaults())
    expect(verdict.conclusion).toBe('failure')
    expect(verdict.title).toBe('❌ Failed: 1 platform could not be measured on a broken host')
    // Turned off, it is still never a plain success: the first warning names it.
    const lenient = evaluatePolicy(
      report,
      defaults({ failOn: { ...DEFAULT_FAIL_ON, unmeasurableHost: false } }),
    )
    expect(lenient.conclusion).toBe('success')
    expect(lenient.title).toMatch(/^✅ Passed with 1 warning: 1 platform could not be measured/)
  })

  it('fail on a leg whose scan could not run or be read, unless findings are ignored', () => {
    const scans = readLegScans([
      { source: 'leg-a', scan: JSON.stringify({ findings: [], failed: 'git is not installed' }) },
      { source: 'leg-b', scan: JSON.stringify({ findings: [{ rule: 'PORT001' }, 'junk'] }) },
      { source: 'leg-c', scan: '{ not json' },
    ])
    expect(scans.problems.map((p) => [p.artifact, p.kind])).toEqual([
      ['leg-a', 'scan'],
      ['leg-b', 'scan'],
      ['leg-c', 'scan'],
    ])
    expect(scans.problems[0]!.message).toBe('its scan could not run: git is not installed')
    expect(scans.problems[1]!.message).toMatch(/none of the 2 findings/)
    const report = buildReport({ ...threeOs(), artifactProblems: scans.problems })
    const verdict = evaluatePolicy(report, defaults())
    expect(verdict.conclusion).toBe('failure')
    expect(verdict.reasons[0]).toEqual({
      rule: 'findings',
      count: 3,
      fails: true,
      message: 'the scan of 3 legs could not run or be read: leg-a, leg-b, leg-c',
    })
    const ignored = defaults({ failOn: { ...DEFAULT_FAIL_ON, findings: 'never' } })
    expect(evaluatePolicy(report, ignored).conclusion).toBe('success')
    // A leg with a few bad findings among good ones keeps the good ones and is no scan failure.
    const some = readLegScans([
      { source: 'leg', scan: JSON.stringify({ findings: [SAMPLE_FINDINGS[0], 'junk'] }) },
    ])
    expect(some.problems).toEqual([])
  })

  it('name the first failing reason in the order the issue gives, then how many more', () => {
    const input = eventful()
    const all = { ...DEFAULT_FAIL_ON, divergence: true, missingPlatform: true, flaky: true }
    const report = buildReport(input)
    const policy = defaults({ ...input.policy!, failOn: all })
    const verdict = evaluatePolicy(report, policy, ['.github/bind-probe.yml:3:3: unknown key'])
    expect(verdict.reasons.filter((r) => r.fails).map((r) => r.rule)).toEqual([
      'policy',
      'requirement',
      'findings',
      'missing-platform',
      'missing-platform',
      'divergence',
      'flaky',
    ])
    expect(verdict.title).toBe('❌ Failed: the policy file cannot be used, and 6 more')
    const noPolicy = evaluatePolicy(report, policy)
    expect(noPolicy.title).toBe('❌ Failed: 1 required outcome not met, and 5 more')
    const noRequirement = evaluatePolicy(
      buildReport({ ...input, policy: { ...input.policy!, require: [] } }),
      policy,
    )
    expect(noRequirement.title).toBe(
      '❌ Failed: 1 new flaky port use at severity error, and 4 more',
    )
    const warn = evaluatePolicy(report, { ...policy, mode: 'warn' })
    expect(warn.conclusion).toBe('neutral')
    expect(warn.title).toMatch(/^⚠️ Would fail \(warn mode\): 1 required outcome not met/)
  })

  it('keep the first line within 100 characters however long the reason', () => {
    const input = threeOs()
    const long = 'x'.repeat(300)
    const report = buildReport(input)
    const verdict = evaluatePolicy(report, defaults(), [long, 'second'])
    expect(Array.from(verdict.title).length).toBeLessThanOrEqual(TITLE_MAX)
    expect(verdict.title).toMatch(/^❌ Failed: the policy file cannot be used, and 1 more$/)
    const requirement = [
      {
        scenario: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
        target: 'linux-x64-synthetic-with-a-very-long-label-that-goes-on-and-on-and-on',
        outcomes: ['EADDRINUSE' as const],
      },
    ]
    const req = evaluatePolicy(
      buildReport({ ...input, policy: { ...input.policy!, require: requirement } }),
      defaults({ require: requirement }),
    )
    expect(Array.from(req.title).length).toBeLessThanOrEqual(TITLE_MAX)
  })
})
