// Pure: the check's conclusion from a Report and the project's policy. Every reason is listed
// whether or not it fails the gate, so the summary can say what `fail-on` would catch; `warn` mode
// turns a failure into `neutral` (reported, never blocking). By default only what the pull
// request's author can act on fails: new flaky port use, the project's own requirements, a scan
// that could not run, a host that measured nothing; the rest are warnings (docs/configuration.md).
import type { FailOn, Policy } from '../config/model.ts'
import { severityRank, SEVERITIES } from './findings.ts'
import type { ScenarioHistory } from './history.ts'
import type { FindingsSummary, Report } from './model.ts'

export type Conclusion = 'success' | 'failure' | 'neutral'

export type GateRule =
  | 'policy'
  | 'no-results'
  | 'requirement'
  | 'findings'
  | 'missing-platform'
  | 'divergence'
  | 'probe-error'
  | 'flaky'
  | 'flip'
  | 'change'

/**
 * The order a reader meets the reasons in, and the one the first line names when several fail:
 * what is wrong with the gate itself, then what the project declared, then what this pull request
 * added, then what the platforms did.
 */
export const RULE_ORDER: readonly GateRule[] = [
  'policy',
  'no-results',
  'requirement',
  'findings',
  'missing-platform',
  'divergence',
  'probe-error',
  'flaky',
  'flip',
  'change',
]

export interface GateReason {
  rule: GateRule
  count: number
  message: string
  /** True when the policy makes this reason fail the check. */
  fails: boolean
  /** For `flip`: the scenarios that flipped (a known-flaky one's reason has none to act on). */
  scenarios?: string[]
}

export interface GateVerdict {
  conclusion: Conclusion
  mode: Policy['mode']
  /** Every reason found, failing ones first, each group in RULE_ORDER. */
  reasons: GateReason[]
  /** One line for a check run title or a log. */
  summary: string
  /**
   * The comment's first line, at most 100 characters: pass or fail and the one reason that
   * matters most (then how many more).
   */
  title: string
  /** Reasons that fail the check (or would, in warn mode), and reasons that only warn. */
  failures: number
  warnings: number
  /**
   * The reporting service's keys the policy sets but this report cannot judge (no history: the
   * action), such as `fail-on.new-flip`; absent when there are none.
   */
  notEvaluated?: string[]
}

/** The first line's budget, emoji included: a reviewer reads it in a notification. */
export const TITLE_MAX = 100

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
  const { failOn } = policy

  for (const problem of policyProblems) add('policy', 1, true, problem)
  add(
    'no-results',
    report.platforms.length === 0 ? 1 : 0,
    true,
    report.artifacts.some((a) => a.kind !== 'scan')
      ? `no platform results could be read (${plural(report.artifacts.filter((a) => a.kind !== 'scan').length, 'bad artifact')})`
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
  const scanProblems = report.artifacts.filter((a) => a.kind === 'scan')
  for (const reason of findingsReasons(report.findings, scanProblems.length, failOn)) {
    reasons.push({
      ...reason,
      message:
        reason.message === SCAN_PROBLEM
          ? `the scan of ${plural(scanProblems.length, 'leg')} could not run or be read: ${some(scanProblems.map((a) => a.artifact))}`
          : reason.message,
    })
  }
  // A broken host is named first among the missing: its leg looks green, so nothing else shows it.
  const broken = report.missing.filter((m) => m.reason === 'host-unmeasurable')
  add(
    'missing-platform',
    broken.length,
    failOn.unmeasurableHost || failOn.missingPlatform,
    `${plural(broken.length, 'platform')} could not be measured on a broken host: ${some(broken.map((m) => m.id))}`,
  )
  const missing = report.missing.filter((m) => m.reason !== 'host-unmeasurable')
  add(
    'missing-platform',
    missing.length,
    failOn.missingPlatform,
    `${plural(missing.length, 'expected platform')} missing: ${some(missing.map((m) => m.id))}`,
  )
  const badArtifacts =
    report.platforms.length > 0 ? report.artifacts.filter((a) => a.kind !== 'scan') : []
  add(
    'missing-platform',
    badArtifacts.length,
    failOn.missingPlatform,
    `${plural(badArtifacts.length, 'artifact')} could not be read: ${some(badArtifacts.map((a) => a.artifact))}`,
  )
  add(
    'divergence',
    report.divergences.length,
    failOn.divergence,
    `${plural(report.divergences.length, 'divergence')} from the documented behaviour in ${plural(report.divergentScenarios.length, 'scenario')}`,
  )
  add(
    'probe-error',
    report.probeErrors.length,
    failOn.probeError,
    `${plural(report.probeErrors.length, 'probe error')}`,
  )
  add('flaky', report.flaky.length, failOn.flaky, `${plural(report.flaky.length, 'flaky result')}`)
  // Only on the platforms this report measured: a platform dropped long ago keeps its last flip.
  const measured = new Set(report.platforms.map((p) => p.id))
  const flips = report.history?.scenarios.filter((h) => h.newFlip && measured.has(h.platform)) ?? []
  const known = new Set(policy.knownFlaky ?? [])
  const newFlips = flips.filter((h) => !known.has(h.scenario))
  const tolerated = flips.filter((h) => known.has(h.scenario))
  if (newFlips.length > 0) {
    reasons.push({
      rule: 'flip',
      count: newFlips.length,
      fails: failOn.newFlip ?? false,
      message: `${plural(newFlips.length, 'outcome')} flipped since the previous run: ${some(newFlips.map(flipWords))}`,
      scenarios: [...new Set(newFlips.map((h) => h.scenario))],
    })
  }
  add(
    'flip',
    tolerated.length,
    false,
    `${plural(tolerated.length, 'known-flaky outcome')} flipped (known-flaky, tolerated): ${some(tolerated.map(flipWords))}`,
  )
  const notEvaluated = report.history
    ? []
    : [
        ...(failOn.newFlip === undefined ? [] : ['fail-on.new-flip']),
        ...(policy.knownFlaky?.length ? ['known-flaky'] : []),
      ]
  const changed = report.changes.cells.length + report.changes.platformsRemoved.length
  add(
    'change',
    changed,
    failOn.change,
    `${plural(changed, 'change')} since the previous report${report.changes.since ? ` (${report.changes.since.slice(0, 7)})` : ''}`,
  )

  const rank = (r: GateReason) => RULE_ORDER.indexOf(r.rule)
  // Stable: within a rule, the order above (a broken host before a missing leg, say).
  reasons.sort((a, b) => Number(b.fails) - Number(a.fails) || rank(a) - rank(b))
  const failing = reasons.filter((r) => r.fails)
  const warnings = reasons.length - failing.length
  // A broken policy cannot vouch for its own warn mode.
  const brokenPolicy = failing.some((r) => r.rule === 'policy')
  const conclusion: Conclusion =
    failing.length === 0
      ? 'success'
      : policy.mode === 'warn' && !brokenPolicy
        ? 'neutral'
        : 'failure'
  const platforms = plural(report.platforms.length, 'platform')
  const summary =
    failing.length === 0
      ? warnings === 0
        ? `passed on ${platforms}`
        : `passed on ${platforms} with ${plural(warnings, 'warning')}: ${reasons.map((r) => r.message).join('; ')}`
      : `${conclusion === 'neutral' ? 'would fail (warn mode)' : 'failed'}: ${failing.map((r) => r.message).join('; ')}`
  return {
    conclusion,
    mode: policy.mode,
    reasons,
    summary,
    title: titleOf(conclusion, failing, reasons, report.platforms.length),
    failures: failing.length,
    warnings,
    ...(notEvaluated.length ? { notEvaluated } : {}),
  }
}

function flipWords(h: ScenarioHistory): string {
  const where = `${h.platform}${h.image ? ` (${h.image})` : ''}`
  return `${h.scenario} on ${where} (${h.previousOutcome} → ${h.latestOutcome})`
}

const SCAN_PROBLEM = '\u0000scan-problem'

/**
 * The findings rule on its own, for the gate and for `bind-probe scan`, which must exit 1 exactly
 * when the gate would fail on the same findings. New findings at or above `failOn.findings` fail;
 * a scan that could not run or be read fails unless findings are ignored; the rest warn.
 */
export function findingsReasons(
  findings: FindingsSummary,
  scanProblems: number,
  failOn: Pick<FailOn, 'findings'>,
): GateReason[] {
  const reasons: GateReason[] = []
  const threshold = failOn.findings === 'never' ? Infinity : severityRank(failOn.findings)
  const count = (bySeverity: FindingsSummary['bySeverity'], above: boolean) =>
    SEVERITIES.filter((s) => severityRank(s) >= threshold === above).reduce(
      (n, s) => n + bySeverity[s],
      0,
    )
  const newAbove = count(findings.newBySeverity, true)
  const newBelow = count(findings.newBySeverity, false)
  const total = (bySeverity: FindingsSummary['bySeverity']) =>
    SEVERITIES.reduce((n, s) => n + bySeverity[s], 0)
  const old = total(findings.bySeverity) - total(findings.newBySeverity)
  if (newAbove > 0) {
    reasons.push({
      rule: 'findings',
      count: newAbove,
      fails: true,
      message: `${plural(newAbove, 'new flaky port use')} at severity ${failOn.findings}${failOn.findings === 'error' ? '' : ' or above'}`,
    })
  }
  if (scanProblems > 0) {
    reasons.push({
      rule: 'findings',
      count: scanProblems,
      fails: failOn.findings !== 'never',
      message: SCAN_PROBLEM,
    })
  }
  if (newBelow > 0) {
    reasons.push({
      rule: 'findings',
      count: newBelow,
      fails: false,
      message:
        failOn.findings === 'never'
          ? `${plural(newBelow, 'new flaky port use')} (fail-on: findings is never)`
          : `${plural(newBelow, 'new flaky port use')} below severity ${failOn.findings}`,
    })
  }
  if (old > 0) {
    reasons.push({
      rule: 'findings',
      count: old,
      fails: false,
      message: `${plural(old, 'pre-existing flaky port use')} off the changed lines`,
    })
  }
  return reasons
}

/** Short words for a reason in the first line: its message without the list of names. */
function words(r: GateReason): string {
  switch (r.rule) {
    case 'policy':
      return 'the policy file cannot be used'
    case 'no-results':
      return 'no platform results'
    case 'change':
      return r.message.replace(/ \(.*$/, '')
    default:
      return r.message.replace(/:.*$/, '')
  }
}

function titleOf(
  conclusion: Conclusion,
  failing: readonly GateReason[],
  reasons: readonly GateReason[],
  platforms: number,
): string {
  const line = (prefix: string, list: readonly GateReason[]) => {
    const more = list.length > 1 ? `, and ${list.length - 1} more` : ''
    // The reason gives way, never the verdict or the count of the others.
    return `${prefix}${clip(words(list[0]!), TITLE_MAX - Array.from(prefix + more).length)}${more}`
  }
  if (failing.length > 0) {
    return line(
      `${conclusion === 'neutral' ? '⚠️ Would fail (warn mode)' : '❌ Failed'}: `,
      failing,
    )
  }
  if (reasons.length > 0)
    return line(`✅ Passed with ${plural(reasons.length, 'warning')}: `, reasons)
  return `✅ Passed on ${plural(platforms, 'platform')}: nothing to fix`
}

/** At most `max` characters (code points), cut at a word with an ellipsis. */
function clip(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const cut = chars.slice(0, Math.max(1, max - 1)).join('')
  return `${cut.replace(/\s+\S*$/, '') || cut}…`
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** A list in a reason stays one readable line: the first few names, then how many more. */
function some(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).join(', ')
  return names.length > max ? `${shown} and ${names.length - max} more` : shown
}
