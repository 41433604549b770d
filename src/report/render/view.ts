// Pure: a Report as the data a template prints. Everything is plain text or numbers (templates
// escape every value they print); lists arrive already capped to the limits of the current trim
// level, with the number left out beside them. docs/report.md documents every field, because
// custom templates are written against this shape.
import type { OsFamily } from '../../probe/model.ts'
import { describeMetrics, metricFigures, shortMetrics } from './metrics.ts'
import { encodePath, safeUrl } from './markdown.ts'
import { plainExpectation, plainOutcome } from './plain-words.ts'
import type { GateRule, GateVerdict } from '../gate.ts'
import { missingWords } from '../headline.ts'
import { RULES } from '../../scan/rules/catalogue.ts'
import type {
  Cell,
  CellRef,
  ExpectationSummary,
  FindingGroup,
  LegProblem,
  MeasuredPlatform,
  MissingPlatform,
  Report,
  ReportFinding,
  ScenarioRow,
} from '../model.ts'

const LEG_WORDS: Record<LegProblem['status'], string> = {
  success: 'succeeded',
  failure: 'failed',
  cancelled: 'was cancelled',
  skipped: 'was skipped',
  timed_out: 'timed out',
  runner_lost: 'runner lost',
  unknown: 'ended in an unknown state',
}

export interface Limits {
  /** Items per list (divergences, changes, probe errors, flaky results, requirements). */
  list: number
  /** Findings shown, across files. */
  findings: number
  /** The matrix: every row, only rows with something to see, or none. */
  matrix: 'full' | 'notable' | 'none'
}

export interface ViewOptions {
  verdict?: GateVerdict
  /** Where the full report lives (the run's job summary); defaults to context.runUrl. */
  summaryUrl?: string
  limits: Limits
  /** Set by the renderer when it had to shorten the body to fit. */
  trimmed: boolean
  limitName: string
}

const RULE_WORDS: Record<GateRule, string> = {
  policy: 'an unusable policy file',
  'no-results': 'no results',
  requirement: 'a required outcome',
  divergence: 'divergence',
  change: 'change',
  'missing-platform': 'missing platform',
  'probe-error': 'probe error',
  flaky: 'flaky result',
  flip: 'flipped outcome',
  findings: 'flaky port use',
}

const OS_NAMES: Record<OsFamily | 'other', string> = {
  linux: 'Linux',
  macos: 'macOS',
  windows: 'Windows',
  other: 'other',
}

/** Outcomes that say nothing more with a step: success is at the recorded step by definition. */
const AT_ANY_STEP = new Set(['ok', 'unsupported', 'skipped', 'probe-error'])

export function buildView(report: Report, options: ViewOptions) {
  const { limits } = options
  const ctx = report.context
  const repoUrl =
    ctx.repository && /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(ctx.repository)
      ? safeUrl(`${(ctx.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${ctx.repository}`)
      : undefined
  const sha = ctx.headSha && /^[0-9a-f]{7,64}$/.test(ctx.headSha) ? ctx.headSha : undefined
  // A path that climbs out of the repository links nowhere rather than somewhere else.
  const blobUrl = (path: string, line?: number) =>
    repoUrl && sha && !path.split('/').includes('..')
      ? `${repoUrl}/blob/${sha}/${encodePath(path)}${line ? `#L${line}` : ''}`
      : null
  const titles = new Map(report.scenarios.map((r) => [r.id, r.title]))
  const title = (id: string) => titles.get(id) ?? id
  const cap = <T>(items: readonly T[], max = limits.list) => ({
    items: items.slice(0, max),
    total: items.length,
    more: Math.max(0, items.length - max),
  })

  const platforms = report.platforms.map((p) => platformView(p))
  const measuredIds = report.platforms.map((p) => p.id)
  const recorded = new Map(report.scenarios.map((r) => [r.id, r.recordedStep]))
  const measured = (d: Pick<CellRef, 'scenario' | 'outcome' | 'step'>) =>
    AT_ANY_STEP.has(d.outcome) || d.step === recorded.get(d.scenario)
      ? d.outcome
      : `${d.outcome} at ${d.step}`
  const divergences = report.divergences.map((d) => ({
    scenario: d.scenario,
    title: title(d.scenario),
    platform: d.platform,
    measured: measured(d),
    expected: d.expected,
    measuredPlain: plainOutcome(d.outcome),
    expectedPlain: plainExpectation(d.expected),
  }))
  const refutations = report.refutations.map((d) => ({
    scenario: d.scenario,
    title: title(d.scenario),
    platform: d.platform,
    measured: measured(d),
    expected: d.expected,
    confidence: d.confidence,
  }))
  const changes = report.changes
  const changeItems = changes.cells.map((c) => ({
    scenario: c.scenario,
    title: title(c.scenario),
    platform: c.platform,
    before: `${c.before.outcome}${c.before.flaky ? ' (flaky)' : ''}`,
    after: `${c.after.outcome}${c.after.flaky ? ' (flaky)' : ''}`,
    beforePlain: `${plainOutcome(c.before.outcome)}${c.before.flaky ? ' (flaky)' : ''}`,
    afterPlain: `${plainOutcome(c.after.outcome)}${c.after.flaky ? ' (flaky)' : ''}`,
  }))
  const flaky = report.flaky.map((f) => ({
    scenario: f.scenario,
    title: title(f.scenario),
    platform: f.platform,
    counts: f.counts
      .map((c) => `${measured({ ...c, scenario: f.scenario })} ${c.count}/${f.runs}`)
      .join(', '),
    countsPlain: f.counts
      .map((c) => `${plainOutcome(c.outcome)} in ${c.count} of ${f.runs} runs`)
      .join(', '),
  }))
  const probeErrors = report.probeErrors.map((e) => ({
    scenario: e.scenario ?? null,
    title: e.scenario ? title(e.scenario) : null,
    platform: e.platform,
    message: e.message,
  }))
  const violated = report.requirements.filter((r) => r.status !== 'met')

  const findingsShown = capFindings(report.findings.files, limits.findings)
  const findings = {
    total: report.findings.total,
    errors: report.findings.bySeverity.error,
    warnings: report.findings.bySeverity.warning,
    notes: report.findings.bySeverity.note,
    fileCount: report.findings.files.length,
    files: findingsShown.files.map((group) => ({
      path: group.path,
      url: blobUrl(group.path),
      findings: group.findings.map((f) => ({
        ...f,
        endLine: f.endLine ?? null,
        location: `${group.path}:${f.line}`,
        url: blobUrl(group.path, f.line),
      })),
    })),
    more: report.findings.total - findingsShown.shown,
    problems: report.findings.problems,
    new: newFindingsView(report.findings.files, limits.findings, blobUrl),
    old: {
      total: report.findings.files.reduce((n, g) => n + g.findings.filter((f) => !f.new).length, 0),
    },
  }

  const status = statusItems(report)
  const otherLegs = report.legs
    .filter((leg) => !report.missing.some((m) => m.leg === leg.leg))
    .map((leg) => ({ leg: leg.leg, words: LEG_WORDS[leg.status] }))
  return {
    tool: report.tool,
    context: {
      repository: ctx.repository ?? null,
      repositoryUrl: repoUrl ?? null,
      pullRequest: ctx.pullRequest ?? null,
      headRef: ctx.headRef ?? null,
      baseRef: ctx.baseRef ?? null,
      event: ctx.event ?? null,
      sha: sha ?? null,
      shortSha: sha ? sha.slice(0, 7) : null,
      commitUrl: repoUrl && sha ? `${repoUrl}/commit/${sha}` : null,
      runUrl: safeUrl(ctx.runUrl) ?? null,
    },
    summaryUrl: safeUrl(options.summaryUrl ?? ctx.runUrl) ?? null,
    platforms,
    measured: { count: platforms.length, ids: measuredIds },
    // Long lists are cut to the trim level's length, so a smaller level always fits; `more` counts
    // what was left out.
    more: {
      missing: Math.max(0, report.missing.length - limits.list),
      otherLegs: Math.max(0, otherLegs.length - limits.list),
      artifacts: Math.max(0, report.artifacts.length - limits.list),
      notes: Math.max(0, report.notes.length - limits.list),
    },
    missing: report.missing.slice(0, limits.list).map((m) => ({
      id: m.id,
      name: m.name ?? null,
      reason: m.reason,
      words: missingWords(m),
      step: missingStep(m),
    })),
    legs: report.legs,
    // Legs that did not finish and could not be tied to a missing platform (a job name says
    // nothing reliable about the platform it was to measure).
    otherLegs: otherLegs.slice(0, limits.list),
    artifacts: report.artifacts.slice(0, limits.list),
    notes: report.notes.slice(0, limits.list),
    unmeasuredDrivers: report.platforms.flatMap((p) =>
      p.driverProblems
        .filter((d) => d.status === 'unavailable')
        .map((d) => ({ platform: p.id, driver: d.driver, message: d.message ?? null })),
    ),
    headline: headlineView(report),
    status: {
      ok: status.length === 0,
      items: status,
      scenarioCount: report.scenarios.length,
      // The platforms alone: the comment says what the code does in its own section.
      platformOk: status.every((item) => item.kind === 'findings'),
      platformItems: status.filter((item) => item.kind !== 'findings'),
    },
    divergences: cap(divergences),
    refutations: cap(refutations),
    changes: {
      status: changes.status,
      firstRun: changes.status === 'first-run',
      unreadable: changes.status === 'unreadable',
      note: changes.note ?? null,
      since: changes.since ?? null,
      sinceShort: changes.since ? changes.since.slice(0, 7) : null,
      any: changes.any,
      cells: cap(changeItems),
      platformsAdded: changes.platformsAdded,
      platformsRemoved: changes.platformsRemoved,
      cellsStarted: changes.cellsStarted,
      cellsStopped: changes.cellsStopped,
      findingsAdded: changes.findings?.added ?? null,
      findingsFixed: changes.findings?.fixed ?? null,
    },
    probeErrors: cap(probeErrors),
    flaky: cap(flaky),
    // Always an object (the templates read `history.flipping.total`); empty without a history.
    history: {
      window: report.history?.window ?? null,
      flipping: cap(flippingView(report, title)),
    },
    requirements: {
      total: report.requirements.length,
      violated: report.requirements.filter((r) => r.status === 'violated').length,
      unverified: report.requirements.filter((r) => r.status === 'unverified').length,
      problems: cap(
        violated.map((r) => ({
          scenario: r.scenario,
          target: r.target,
          status: r.status,
          message: r.message,
          where: requirementWhere(r),
        })),
      ),
      all: cap(
        report.requirements.map((r) => ({
          scenario: r.scenario,
          target: r.target,
          status: r.status,
          message: r.message,
        })),
      ),
    },
    findings,
    measurements: measurementsView(report),
    matrix: matrixView(report, limits.matrix),
    verdict: options.verdict
      ? {
          conclusion: options.verdict.conclusion,
          mode: options.verdict.mode,
          icon: { success: '✅', failure: '❌', neutral: '⚠️' }[options.verdict.conclusion],
          summary: options.verdict.summary,
          failing: options.verdict.reasons.filter((r) => r.fails).map((r) => r.message),
          failingRules: [
            ...new Set(
              options.verdict.reasons.filter((r) => r.fails).map((r) => RULE_WORDS[r.rule]),
            ),
          ],
          other: options.verdict.reasons.filter((r) => !r.fails).map((r) => r.message),
          title: options.verdict.title,
          failures: options.verdict.failures,
          warnings: options.verdict.warnings,
          notEvaluated: options.verdict.notEvaluated ?? null,
        }
      : null,
    allWell:
      status.length === 0 &&
      report.notes.length === 0 &&
      report.artifacts.length === 0 &&
      otherLegs.length === 0 &&
      (!options.verdict || options.verdict.reasons.length === 0),
    nextSteps: nextSteps(report, options, limits.list, title),
    trim: {
      trimmed: options.trimmed,
      limit: options.limitName,
    },
  }
}

export type View = ReturnType<typeof buildView>

/**
 * The history's series that flipped, on the platforms this report measured: "flipped 3 times in
 * the last 20 runs on macos-arm64". A flip in this very run first, then the most flips.
 */
function flippingView(report: Report, title: (id: string) => string) {
  const measured = new Set(report.platforms.map((p) => p.id))
  const times = (n: number) => `${n} ${n === 1 ? 'time' : 'times'}`
  const runs = (n: number) => `${n} ${n === 1 ? 'run' : 'runs'}`
  return (report.history?.scenarios ?? [])
    .filter(
      (h) =>
        measured.has(h.platform) &&
        (h.newFlip || (h.branch?.flips ?? 0) > 0 || (h.pullRequest?.flips ?? 0) > 0),
    )
    .map((h) => {
      const where = `${h.platform}${h.image ? ` (${h.image})` : ''}`
      const parts = [
        h.branch
          ? `flipped ${times(h.branch.flips)} in the last ${runs(h.branch.runs)} on ${where}`
          : `on ${where}`,
        ...(h.pullRequest && (h.pullRequest.flips > 0 || !h.branch)
          ? [`${times(h.pullRequest.flips)} in this pull request's ${runs(h.pullRequest.runs)}`]
          : []),
        ...(h.newFlip
          ? [
              `now ${plainOutcome(h.previousOutcome ?? '')} → ${plainOutcome(h.latestOutcome ?? '')}`,
            ]
          : []),
      ]
      return {
        scenario: h.scenario,
        title: title(h.scenario),
        platform: h.platform,
        image: h.image ?? null,
        flips: h.branch?.flips ?? null,
        runs: h.branch?.runs ?? null,
        pullRequestFlips: h.pullRequest?.flips ?? null,
        pullRequestRuns: h.pullRequest?.runs ?? null,
        newFlip: h.newFlip,
        text: parts.join(' · '),
        total: (h.branch?.flips ?? 0) + (h.pullRequest?.flips ?? 0),
      }
    })
    .sort(
      (a, b) =>
        Number(b.newFlip) - Number(a.newFlip) ||
        b.total - a.total ||
        a.scenario.localeCompare(b.scenario) ||
        a.platform.localeCompare(b.platform),
    )
}

function platformView(p: MeasuredPlatform) {
  return {
    id: p.id,
    name: p.name ?? null,
    os: p.os,
    osName: OS_NAMES[p.os],
    arch: p.arch,
    release: p.release,
    distro: p.distro ?? null,
    runnerImage: p.runnerImage ?? null,
    python: p.python ?? null,
    node: p.node,
    toolVersion: p.toolVersion,
    repeat: p.repeat,
    source: p.source,
    startedAt: p.startedAt,
    seconds: (p.durationMs / 1000).toFixed(1),
    portRange: p.ephemeralPortRange
      ? `${p.ephemeralPortRange.low}–${p.ephemeralPortRange.high}`
      : null,
    settings: Object.entries(p.settings).map(([key, value]) => ({ key, value })),
    driverProblems: p.driverProblems.map((d) => ({ ...d, message: d.message ?? null })),
  }
}

function headlineView(report: Report) {
  const h = report.headline
  // A flaky platform says so beside its name: its outcome is only the commonest of its runs.
  const flaky = new Map(h.flaky.map((f) => [f.platform, `${f.count}/${f.runs} 🎲`]))
  const named = (ids: string[]) =>
    ids.map((id) => (flaky.has(id) ? `${id} (${flaky.get(id)})` : id))
  const groups = [
    ...(h.raises.length ? [{ outcome: 'EADDRINUSE', platforms: named(h.raises) }] : []),
    ...(h.succeeds.length ? [{ outcome: 'ok', platforms: named(h.succeeds) }] : []),
    ...[...new Set(h.other.map((o) => o.outcome))].map((outcome) => ({
      outcome,
      platforms: named(h.other.filter((o) => o.outcome === outcome).map((o) => o.platform)),
    })),
  ].map((g) => ({ ...g, outcomePlain: plainOutcome(g.outcome) }))
  return {
    scenario: h.scenario,
    title: h.title,
    measured: groups.length > 0,
    groups,
    raises: h.raises,
    succeeds: h.succeeds,
    notMeasured: h.notMeasured,
    documented: h.documented.map((d) => ({
      ...d,
      osName: OS_NAMES[d.os],
      plain: plainExpectation(d.text),
    })),
  }
}

function statusItems(report: Report): { icon: string; text: string; kind?: 'findings' }[] {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`
  const items: { icon: string; text: string; kind?: 'findings' }[] = []
  const violated = report.requirements.filter((r) => r.status === 'violated').length
  if (violated) items.push({ icon: '⛔', text: `${n(violated, 'required outcome')} not met` })
  const unverified = report.requirements.filter((r) => r.status === 'unverified').length
  if (unverified) {
    items.push({ icon: '❔', text: `${n(unverified, 'required outcome')} not measured` })
  }
  if (report.divergences.length) {
    items.push({
      icon: '❌',
      text: `${n(report.divergences.length, 'result differs', 'results differ')} from the documented behaviour`,
    })
  }
  const remeasured = report.refutations.filter((r) => r.confidence === 'measured').length
  const inferred = report.refutations.length - remeasured
  if (inferred) {
    items.push({
      icon: '⚠️',
      text: `${n(inferred, 'result differs', 'results differ')} from what the sources suggest (not documented)`,
    })
  }
  if (remeasured) {
    items.push({
      icon: '⚠️',
      text: `${n(remeasured, 'result differs', 'results differ')} from this project's earlier measurement`,
    })
  }
  const changed =
    report.changes.cells.length +
    report.changes.platformsRemoved.length +
    report.changes.cellsStarted +
    report.changes.cellsStopped
  if (changed) {
    const since = report.changes.since
      ? ` since ${report.changes.since.slice(0, 7)}`
      : ' since the last report'
    items.push({ icon: '🔁', text: `${n(changed, 'change')}${since}` })
  }
  if (report.missing.length) {
    items.push({ icon: '🕳️', text: `${n(report.missing.length, 'platform')} missing` })
  }
  if (report.artifacts.length) {
    items.push({ icon: '🧩', text: n(report.artifacts.length, 'unreadable result') })
  }
  if (report.probeErrors.length) {
    items.push({ icon: '💥', text: n(report.probeErrors.length, 'probe error') })
  }
  const skipped = report.scenarios.reduce(
    (sum, row) => sum + row.cells.filter((c) => c.outcome === 'skipped').length,
    0,
  )
  if (skipped) items.push({ icon: '⏭️', text: `${n(skipped, 'result')} not measured` })
  if (report.flaky.length) items.push({ icon: '🎲', text: n(report.flaky.length, 'flaky result') })
  if (report.findings.total) {
    items.push({ icon: '🧭', text: n(report.findings.total, 'flaky port use'), kind: 'findings' })
  }
  return items
}

/**
 * The pull request's own findings as compact rows: one per rule and file, its lines linked, the
 * rule's one-line title; the long message and the fix go to a collapsed block (`details`).
 */
function newFindingsView(
  files: readonly FindingGroup[],
  max: number,
  blobUrl: (path: string, line?: number) => string | null,
) {
  const rows: {
    path: string
    rule: string
    severity: string
    title: string
    count: number
    places: { text: string; url: string | null }[]
    location: string
    message: string
    advice: string
  }[] = []
  let total = 0
  for (const group of files) {
    const byRule = new Map<string, ReportFinding[]>()
    for (const f of group.findings) {
      if (!f.new) continue
      total++
      const list = byRule.get(f.rule) ?? []
      list.push(f)
      byRule.set(f.rule, list)
    }
    for (const [rule, list] of byRule) {
      const first = list[0]!
      rows.push({
        path: group.path,
        rule,
        severity: first.severity,
        title: RULES.find((r) => r.id === rule)?.title ?? rule,
        count: list.length,
        places: list.slice(0, 10).map((f, i) => ({
          text: i === 0 ? `${group.path}:${f.line}` : `:${f.line}`,
          url: blobUrl(group.path, f.line),
        })),
        location: `${group.path}:${first.line}`,
        message: first.message,
        advice: first.advice,
      })
    }
  }
  const shown = rows.slice(0, max)
  return {
    total,
    rows: shown,
    // Findings, not rows, left out: what "…and N more" counts elsewhere too.
    more: total - shown.reduce((n, row) => n + row.count, 0),
  }
}

/** Where the policy says a requirement, for the reader to find it. */
function requirementWhere(r: Report['requirements'][number]): string | null {
  if (!r.source) return null
  return r.line ? `${r.source} line ${r.line}` : r.source
}

/** What to do about a platform that was not measured. */
function missingStep(m: MissingPlatform): string {
  switch (m.reason) {
    case 'leg-cancelled':
      return 'GitHub cancelled the job (a newer push, fail-fast after another leg failed, or by hand): re-run it (Re-run jobs, then Re-run failed jobs)'
    case 'leg-timed-out':
      return 'raise the job’s timeout-minutes, or re-run it if the runner was slow'
    case 'leg-runner-lost':
      return 'nothing in your code: re-run the job (Re-run jobs, then Re-run failed jobs); a self-hosted runner that is lost again needs its machine or network looked at'
    case 'leg-failed':
      return 'open the job’s log for what failed, then re-run it (Re-run jobs, then Re-run failed jobs)'
    case 'leg-skipped':
      return 'the job’s if: condition skipped it; run it, or take the platform out of the policy’s platforms'
    case 'no-result':
      return 'check that a matrix leg for it runs bind-probe with mode: probe and finishes; the policy’s platforms lists it'
    case 'host-unmeasurable':
      return 'the runner, not your code: give it IPv6, loopback and free ports, or run the leg on another runner, then re-run it'
  }
}

/** Every problem the comment names, each with the next step. Capped per kind at `max`. */
function nextSteps(
  report: Report,
  options: ViewOptions,
  max: number,
  title: (id: string) => string,
) {
  const runUrl = safeUrl(report.context.runUrl) ?? null
  const steps: {
    kind: string
    what: string
    text: string
    step: string
    url: string | null
    linkText: string | null
  }[] = []
  const push = (kind: string, items: Omit<(typeof steps)[number], 'kind'>[]) => {
    for (const item of items.slice(0, max)) steps.push({ kind, ...item })
    if (items.length > max) {
      steps.push({
        kind,
        what: `…and ${items.length - max} more`,
        text: 'in the job summary',
        step: '',
        url: null,
        linkText: null,
      })
    }
  }
  const failing = new Set(options.verdict?.reasons.filter((r) => r.fails).map((r) => r.rule))
  push(
    'requirement',
    report.requirements
      .filter((r) => r.status !== 'met')
      .map((r) => {
        const where = requirementWhere(r)
        return {
          what:
            r.status === 'violated' ? 'Required outcome not met' : 'Required outcome not measured',
          text: `${r.scenario} on ${r.target}: ${r.message}`,
          step:
            r.status === 'violated'
              ? `change the code that relies on it, or the requirement${where ? ` (${where})` : ''}`
              : `re-run the leg that measures it${where ? `; the requirement is in ${where}` : ''}`,
          url: null,
          linkText: null,
        }
      }),
  )
  push(
    'scan',
    report.artifacts
      .filter((a) => a.kind === 'scan')
      .map((a) => ({
        what: 'The scan could not run',
        text: `${a.artifact}: ${a.message}`,
        step: 'fix what it says in that leg, then re-run it; until then this pull request’s code is unchecked',
        url: runUrl,
        linkText: runUrl ? 'the run' : null,
      })),
  )
  push(
    'missing-platform',
    report.missing.map((m) => ({
      what: `${m.id}${m.name ? ` (${m.name})` : ''} was not measured`,
      text: missingWords(m),
      step: missingStep(m),
      url: m.reason === 'host-unmeasurable' || m.reason === 'leg-skipped' ? null : runUrl,
      linkText:
        runUrl && m.reason !== 'host-unmeasurable' && m.reason !== 'leg-skipped' ? 'the run' : null,
    })),
  )
  push(
    'unreadable',
    report.artifacts
      .filter((a) => a.kind !== 'scan')
      .map((a) => ({
        what: 'A result could not be read',
        text: `${a.artifact}: ${a.message}`,
        step: 're-run the leg that uploaded it',
        url: runUrl,
        linkText: runUrl ? 'the run' : null,
      })),
  )
  push(
    'divergence',
    report.divergences.map((d) => ({
      what: `${d.platform} differs from the documented behaviour`,
      text: `${title(d.scenario)}: ${plainOutcome(d.outcome)}, documented ${plainExpectation(d.expected)}`,
      step: failing.has('divergence')
        ? 'the runner’s OS, not your code: if your code relies on the documented outcome, change it; else drop fail-on: divergence'
        : 'nothing to fix in this pull request, unless your code relies on the documented outcome (then require: it in the policy)',
      url: null,
      linkText: null,
    })),
  )
  push(
    'probe-error',
    report.probeErrors.map((e) => ({
      what: `The probe failed on ${e.platform}`,
      text: `${e.scenario ? `${title(e.scenario)}: ` : ''}${e.message}`,
      step: 're-run the leg; if it fails again, the job summary has what to put in a bug report',
      url: runUrl,
      linkText: runUrl ? 'the run' : null,
    })),
  )
  push(
    'flaky',
    report.flaky.map((f) => ({
      what: `A result varied on ${f.platform}`,
      text: `${title(f.scenario)}: ${f.counts.map((c) => `${plainOutcome(c.outcome)} in ${c.count} of ${f.runs} runs`).join(', ')}`,
      step: 'a busy runner can do this; raise repeat: to see how often',
      url: null,
      linkText: null,
    })),
  )
  // The reporting service's new flips, as the gate counted them (a known-flaky one is tolerated).
  const flipReason = options.verdict?.reasons.find((r) => r.rule === 'flip' && r.scenarios)
  const measuredHere = new Set(report.platforms.map((p) => p.id))
  push(
    'flip',
    (report.history?.scenarios ?? [])
      .filter(
        (h) =>
          h.newFlip && measuredHere.has(h.platform) && flipReason?.scenarios?.includes(h.scenario),
      )
      .map((h) => ({
        what: `An outcome flipped on ${h.platform}${h.image ? ` (${h.image})` : ''}`,
        text: `${title(h.scenario)}: ${plainOutcome(h.previousOutcome ?? '')} in the previous run, ${plainOutcome(h.latestOutcome ?? '')} now${h.branch ? ` (${h.branch.flips} ${h.branch.flips === 1 ? 'flip' : 'flips'} in the last ${h.branch.runs} runs of the default branch)` : ''}`,
        step: flipReason!.fails
          ? 'the runner, not this pull request’s code: re-run the leg; if the scenario is known to flip there, list it under known-flaky: in the policy'
          : 'nothing to fix in this pull request; list the scenario under known-flaky: if it is known to flip there',
        url: runUrl,
        linkText: runUrl ? 'the run' : null,
      })),
  )
  return steps
}

function capFindings(files: readonly FindingGroup[], max: number) {
  let shown = 0
  const out: FindingGroup[] = []
  for (const group of files) {
    if (shown >= max) break
    const take = group.findings.slice(0, max - shown)
    shown += take.length
    out.push({ path: group.path, findings: take })
  }
  return { files: out, shown }
}

/** The §9.9 numbers per platform: how bind(0) hands out ports, which decides free-port races. */
function measurementsView(report: Report) {
  return report.scenarios
    .filter((row) => row.measurement)
    .flatMap((row) =>
      row.cells.flatMap((cell) =>
        cell.metrics
          ? [
              {
                scenario: row.id,
                title: row.title,
                platform: cell.platform,
                ...metricFigures(cell.metrics),
              },
            ]
          : [],
      ),
    )
}

function matrixView(report: Report, mode: Limits['matrix']) {
  // Rows a reader has to look at: a contradiction, something not measured, or a flaky outcome.
  const notable = (row: ScenarioRow) =>
    row.cells.some(
      (c) =>
        c.flaky ||
        c.verdict === 'diverges' ||
        c.verdict === 'refuted' ||
        c.verdict === 'not-measured',
    )
  const rows =
    mode === 'none' ? [] : mode === 'notable' ? report.scenarios.filter(notable) : report.scenarios
  const sections: { title: string; rows: ReturnType<typeof rowView>[] }[] = []
  for (const row of rows) {
    let section = sections.at(-1)
    if (!section || section.title !== row.section) {
      section = { title: row.section, rows: [] }
      sections.push(section)
    }
    section.rows.push(rowView(row))
  }
  return {
    show: rows.length > 0,
    mode,
    columns: report.platforms.map((p) => ({ id: p.id, osName: OS_NAMES[p.os] })),
    sections,
    rowCount: report.scenarios.length,
    shown: rows.length,
    omitted: report.scenarios.length - rows.length,
  }
}

function rowView(row: ScenarioRow) {
  return {
    id: row.id,
    title: row.title,
    custom: row.custom,
    known: row.known,
    expected: {
      linux: expectedText(row.expected.linux),
      macos: expectedText(row.expected.macos),
      windows: expectedText(row.expected.windows),
    },
    cells: row.cells.map((cell) => cellView(cell, row)),
    differs: differs(row),
  }
}

/** The platforms measured this scenario and did not all get the same outcome. */
function differs(row: ScenarioRow): boolean {
  const outcomes = new Set(
    row.cells
      .filter(
        (c) => c.outcome !== undefined && c.outcome !== 'skipped' && c.outcome !== 'probe-error',
      )
      .map((c) => (row.measurement ? 'measured' : `${c.outcome}\u0000${c.step ?? ''}`)),
  )
  return outcomes.size > 1
}

/** `EADDRINUSE`, `ok (inferred)`, `unknown`: documented expectations go without a word. */
function expectedText(expected: ExpectationSummary | undefined): string | null {
  if (!expected) return null
  const word =
    expected.confidence === 'inferred' || expected.confidence === 'measured'
      ? ` (${expected.confidence})`
      : ''
  return `${expected.text}${expected.text === 'unknown' ? '' : word}`
}

const MARKS: Record<Cell['verdict'], string> = {
  matches: '',
  confirmed: '',
  diverges: '❌',
  refuted: '⚠️',
  settled: '',
  measurement: '',
  'not-measured': '',
  'no-expectation': '',
}

function cellView(cell: Cell, row: ScenarioRow) {
  let text: string
  if (cell.outcome === undefined) text = '—'
  else if (cell.outcome === 'probe-error') text = 'probe error'
  else if (row.measurement && cell.outcome === 'ok') {
    text = cell.metrics ? shortMetrics(cell.metrics) : 'measured'
  } else if (!AT_ANY_STEP.has(cell.outcome) && row.recordedStep && cell.step !== row.recordedStep) {
    text = `${cell.outcome} at ${cell.step}`
  } else text = cell.outcome
  const flaky = cell.flaky && cell.counts?.[0] ? ` ${cell.counts[0].count}/${cell.runs}` : ''
  return {
    platform: cell.platform,
    outcome: cell.outcome ?? null,
    verdict: cell.verdict,
    text: `${text}${flaky}`,
    mark: `${MARKS[cell.verdict]}${cell.flaky ? '🎲' : ''}`,
    raw: cell.raw ?? null,
    reason: cell.reason ?? null,
    metrics: cell.metrics ? describeMetrics(cell.metrics) : null,
  }
}
