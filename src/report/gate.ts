// Pure: the check's conclusion from a Report and the project's policy. Every reason is listed
// whether or not it fails the gate, so the summary can say what `fail-on` would catch; `warn` mode
// turns a failure into `neutral` (reported, never blocking).
import type { Policy } from '../config/model.ts'
import { severityRank } from './findings.ts'
import type { Report } from './model.ts'

export type Conclusion = 'success' | 'failure' | 'neutral'

export type GateRule =
  | 'policy'
  | 'no-results'
  | 'requirement'
  | 'divergence'
  | 'change'
  | 'missing-platform'
  | 'probe-error'
  | 'flaky'
  | 'findings'

export interface GateReason {
  rule: GateRule
  count: number
  message: string
  /** True when the policy makes this reason fail the check. */
  fails: boolean
}

export interface GateVerdict {
  conclusion: Conclusion
  mode: Policy['mode']
  /** Every reason found, failing ones first. */
  reasons: GateReason[]
  /** One line for a check run title or a log. */
  summary: string
}

/**
 * `policyProblems`: why the project's policy file could not be used (invalid, unreadable). The
 * report then ran on the defaults, and the check fails: a gate that cannot read its own policy
 * must not pass.
 */
export function evaluatePolicy(
  report: Report,
  policy: Policy,
  policyProblems: readonly string[] = [],
): GateVerdict {
  const reasons: GateReason[] = []
  const add = (rule: GateRule, count: number, fails: boolean, message: string) => {
    if (count > 0) reasons.push({ rule, count, fails, message })
  }
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
  const { failOn } = policy

  for (const problem of policyProblems) add('policy', 1, true, problem)
  add(
    'no-results',
    report.platforms.length === 0 ? 1 : 0,
    true,
    report.artifacts.length
      ? `no platform results could be read (${plural(report.artifacts.length, 'bad artifact')})`
      : 'no platform results arrived',
  )
  const violated = report.requirements.filter((r) => r.status === 'violated')
  add(
    'requirement',
    violated.length,
    true,
    `${plural(violated.length, 'required outcome')} not met: ${violated.map((r) => `${r.scenario} (${r.message})`).join('; ')}`,
  )
  // An outcome the project relies on must be measured to pass, not merely not contradicted.
  const unverified = report.requirements.filter((r) => r.status === 'unverified')
  add(
    'requirement',
    unverified.length,
    true,
    `${plural(unverified.length, 'required outcome')} not verified: ${unverified.map((r) => `${r.scenario} (${r.message})`).join('; ')}`,
  )
  add(
    'divergence',
    report.divergences.length,
    failOn.divergence,
    `${plural(report.divergences.length, 'divergence')} from the documented semantics in ${plural(report.divergentScenarios.length, 'scenario')}`,
  )
  const changed = report.changes.cells.length + report.changes.platformsRemoved.length
  add(
    'change',
    changed,
    failOn.change,
    `${plural(changed, 'change')} since the previous report${report.changes.since ? ` (${report.changes.since.slice(0, 7)})` : ''}`,
  )
  const missing = report.missing.length
  add(
    'missing-platform',
    missing,
    failOn.missingPlatform,
    `${plural(missing, 'expected platform')} missing: ${some(report.missing.map((m) => m.id))}`,
  )
  const badArtifacts = report.platforms.length > 0 ? report.artifacts.length : 0
  add(
    'missing-platform',
    badArtifacts,
    failOn.missingPlatform,
    `${plural(badArtifacts, 'artifact')} could not be read: ${some(report.artifacts.map((a) => a.artifact))}`,
  )
  add(
    'probe-error',
    report.probeErrors.length,
    failOn.probeError,
    `${plural(report.probeErrors.length, 'probe error')}`,
  )
  add('flaky', report.flaky.length, failOn.flaky, `${plural(report.flaky.length, 'flaky result')}`)
  const threshold = failOn.findings === 'never' ? Infinity : severityRank(failOn.findings)
  const atOrAbove = (['error', 'warning', 'note'] as const)
    .filter((severity) => severityRank(severity) >= threshold)
    .reduce((n, severity) => n + report.findings.bySeverity[severity], 0)
  add(
    'findings',
    report.findings.total,
    atOrAbove > 0,
    atOrAbove > 0
      ? `${plural(atOrAbove, 'flaky port use')} at severity ${failOn.findings} or above`
      : `${plural(report.findings.total, 'flaky port use')} (below fail-on: findings)`,
  )

  reasons.sort((a, b) => Number(b.fails) - Number(a.fails))
  const failing = reasons.filter((r) => r.fails)
  // A broken policy cannot vouch for its own warn mode.
  const brokenPolicy = failing.some((r) => r.rule === 'policy')
  const conclusion: Conclusion =
    failing.length === 0
      ? 'success'
      : policy.mode === 'warn' && !brokenPolicy
        ? 'neutral'
        : 'failure'
  const summary =
    failing.length === 0
      ? `passed on ${plural(report.platforms.length, 'platform')}`
      : `${conclusion === 'neutral' ? 'would fail (warn mode)' : 'failed'}: ${failing.map((r) => r.message).join('; ')}`
  return { conclusion, mode: policy.mode, reasons, summary }
}

/** A list in a reason stays one readable line: the first few names, then how many more. */
function some(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).join(', ')
  return names.length > max ? `${shown} and ${names.length - max} more` : shown
}
