import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CONFIG,
  DEFAULT_FAIL_ON,
  type FailOn,
  type Policy,
} from '../../src/config/model.ts'
import { buildReport } from '../../src/report/build.ts'
import { evaluatePolicy } from '../../src/report/gate.ts'
import { eventful, threeOs } from './samples.ts'

const policyWith = (failOn: Partial<FailOn> = {}, extra: Partial<Policy> = {}): Policy => ({
  mode: 'enforce',
  platforms: [],
  require: [],
  failOn: { ...DEFAULT_FAIL_ON, ...failOn },
  ...extra,
})

const nothingFails: Partial<FailOn> = {
  divergence: false,
  change: false,
  missingPlatform: false,
  probeError: false,
  flaky: false,
  findings: 'never',
}

describe('evaluatePolicy', () => {
  it('passes a clean three-platform report under the defaults', () => {
    const verdict = evaluatePolicy(buildReport(threeOs()), DEFAULT_CONFIG)
    expect(verdict).toEqual({
      conclusion: 'success',
      mode: 'enforce',
      reasons: [],
      summary: 'passed on 3 platforms',
      title: '✅ Passed on 3 platforms: nothing to fix',
      failures: 0,
      warnings: 0,
    })
  })

  it('fails on each rule the policy turns on, and lists the others as not failing', () => {
    const report = buildReport(eventful())
    const all = evaluatePolicy(report, policyWith({ ...nothingFails }))
    // A requirement always fails; everything else is only reported.
    expect(all.conclusion).toBe('failure')
    expect(all.reasons.filter((r) => r.fails).map((r) => r.rule)).toEqual(['requirement'])
    expect(all.reasons.filter((r) => !r.fails).map((r) => r.rule)).toEqual([
      'findings',
      'missing-platform',
      'missing-platform',
      'divergence',
      'probe-error',
      'flaky',
      'change',
    ])

    const rules: [keyof FailOn, FailOn[keyof FailOn], string][] = [
      ['divergence', true, '1 divergence from the documented behaviour in 1 scenario'],
      ['change', true, '3 changes since the previous report (9e8d7c6)'],
      ['missingPlatform', true, '2 expected platforms missing: windows-x64-synthetic, macos-x64'],
      ['probeError', true, '1 probe error'],
      ['flaky', true, '1 flaky result'],
      ['findings', 'error', '1 new flaky port use at severity error'],
      ['findings', 'warning', '3 new flaky port uses at severity warning or above'],
    ]
    for (const [key, value, message] of rules) {
      const verdict = evaluatePolicy(
        report,
        policyWith({ ...nothingFails, [key]: value }, { require: [] }),
      )
      const failing = verdict.reasons.filter((r) => r.fails && r.rule !== 'requirement')
      expect(
        failing.map((r) => r.message),
        key,
      ).toContain(message)
    }
  })

  it('turns a failure into neutral in warn mode, keeping the reasons', () => {
    const report = buildReport(eventful())
    const enforce = evaluatePolicy(report, policyWith())
    const warn = evaluatePolicy(report, policyWith({}, { mode: 'warn' }))
    expect(enforce.conclusion).toBe('failure')
    expect(warn.conclusion).toBe('neutral')
    expect(warn.reasons).toEqual(enforce.reasons)
    expect(warn.summary).toMatch(/^would fail \(warn mode\): /)
    expect(enforce.summary).toMatch(/^failed: .*required outcome not met/)
  })

  it('fails when no platform result could be read at all, even if nothing else is turned on', () => {
    const report = buildReport({ artifacts: [{ name: 'broken', content: 'nope' }] })
    const verdict = evaluatePolicy(report, policyWith(nothingFails))
    expect(verdict.conclusion).toBe('failure')
    expect(verdict.reasons[0]).toEqual({
      rule: 'no-results',
      count: 1,
      fails: true,
      message: 'no platform results could be read (1 bad artifact)',
    })
    expect(evaluatePolicy(report, policyWith(nothingFails, { mode: 'warn' })).conclusion).toBe(
      'neutral',
    )
  })

  it('passes findings below the threshold', () => {
    const report = buildReport({ ...threeOs(), findings: eventful().findings })
    const withAnError = evaluatePolicy(report, policyWith({ findings: 'error' }))
    expect(withAnError.conclusion).toBe('failure')
    const justWarnings = buildReport({
      ...threeOs(),
      findings: (eventful().findings as { severity: string }[]).filter(
        (f) => f.severity === 'warning',
      ),
    })
    expect(evaluatePolicy(justWarnings, policyWith({ findings: 'error' })).conclusion).toBe(
      'success',
    )
    expect(evaluatePolicy(justWarnings, policyWith({ findings: 'warning' })).conclusion).toBe(
      'failure',
    )
  })

  it('fails a required outcome that no platform measured, not just a contradicted one', () => {
    const input = threeOs()
    const require = [
      { scenario: 'tcp4-dup-loopback-default', target: 'linux-arm64', outcomes: ['EADDRINUSE'] },
    ]
    const report = buildReport({ ...input, policy: { ...input.policy!, require } })
    expect(report.requirements[0]!.status).toBe('unverified')
    const verdict = evaluatePolicy(report, policyWith(nothingFails, { require }))
    expect(verdict.conclusion).toBe('failure')
    expect(verdict.summary).toMatch(/1 required outcome not verified: tcp4-dup-loopback-default/)
  })

  it('fails when the policy file could not be used, even in warn mode', () => {
    const report = buildReport(threeOs())
    const problem = '.github/bind-probe.yml:3:3: unknown key "divergense"'
    const verdict = evaluatePolicy(report, policyWith({}, { mode: 'warn' }), [problem])
    expect(verdict.conclusion).toBe('failure')
    expect(verdict.reasons[0]).toEqual({ rule: 'policy', count: 1, fails: true, message: problem })
    expect(evaluatePolicy(report, policyWith()).conclusion).toBe('success')
  })

  it('names the first ten of a long list in a reason, and counts the rest', () => {
    const input = threeOs()
    const broken = Array.from({ length: 25 }, (_, i) => ({ name: `bad-${i}`, content: '{' }))
    const report = buildReport({ ...input, artifacts: [...input.artifacts, ...broken] })
    const reason = evaluatePolicy(report, DEFAULT_CONFIG).reasons.find((r) =>
      r.message.includes('could not be read'),
    )
    expect(reason?.message).toBe(
      `25 artifacts could not be read: ${broken
        .slice(0, 10)
        .map((b) => b.name)
        .join(', ')} and 15 more`,
    )
  })
})
