// Every leg's results to one report, one comment, one check run and the job summary: the report
// job of the action and the reporting service both publish through here, so the two can never
// say different things. The job summary is written before anything is sent to GitHub, and a
// GitHub failure of any kind becomes a warning, so nothing the legs measured is lost.
import type { CommentMode, Config, Policy } from '../config/index.ts'
import { checkRunName, publishCheckRun, type CheckRunResult } from './check-run.ts'
import { previousCheckDigest } from './check-digest.ts'
import { findComment, type CommentLookup } from './comment-lookup.ts'
import { publishComment, type CommentResult, type CommentStrategy } from './comment-publish.ts'
import type { RunContext } from './context.ts'
import { reportRefusals, type SurfaceOutcome } from './degrade.ts'
import { describeError } from './errors.ts'
import { writeJobSummary } from './job-summary.ts'
import type { Logger } from './logger.ts'
import type { GitHubApi } from './octokit.ts'
import {
  CHECK_SUMMARY_LIMIT,
  TemplateError,
  buildReport,
  commentTrailer,
  evaluatePolicy,
  renderComment,
  renderSummary,
  readDigest,
  verdictKey,
  type ArtifactProblem,
  type GateVerdict,
  type LegInput,
  type Report,
  type ReportContext,
  type TemplateSource,
} from '../report/index.ts'
import { readLegScans, type LegScanFile } from '../report/leg-scans.ts'
import { toAnnotation } from '../scan/index.ts'
import type { ReportHistory } from '../report/history.ts'

/** One leg's files, as they arrived (text, untrusted until checked). */
export interface LegFiles extends LegScanFile {
  /** Artifact name, or "this job" in `all` mode. */
  source: string
  result?: string
}

/** The policy and the custom templates, read from a commit the pull request cannot change. */
export interface ReportPolicy {
  config: Config
  commentTemplate?: TemplateSource
  summaryTemplate?: TemplateSource
  /** Why the policy could not be used (read failure, invalid file): the defaults stand in. */
  problem?: string
}

/** How to publish, where the policy leaves a choice (the action's inputs, the service's settings). */
export interface PublishSettings {
  /** Absent: the policy's, else `default`. */
  commentKey?: string
  /** Absent: the policy's, else `always`. */
  commentMode?: CommentMode
  /** Absent: the policy's `platforms`. */
  expectedPlatforms?: string[]
  strategy: CommentStrategy
  /** Absent: `bind-probe`, or `bind-probe (KEY)` for another comment key. */
  checkName?: string
  /** False: the gate's verdict is reported (check run) without failing the caller. */
  failJob: boolean
  jobSummary: boolean
  annotations: boolean
}

export interface PublishReportOptions {
  settings: PublishSettings
  policy: ReportPolicy
  legs: LegFiles[]
  artifactProblems: ArtifactProblem[]
  /** What collecting the legs wants a reader to know (an attempt passed over for an earlier one). */
  legNotes?: string[]
  /** How the legs' jobs ended, for the report to name the legs that did not succeed. */
  legStatuses?: () => Promise<LegInput[]>
  /** Complete this check run (the service's "waiting" one, or its earlier report) instead. */
  existingCheckRunId?: number
  /** The service's flip figures; the action has none (its history keys are "not evaluated"). */
  history?: ReportHistory
  context?: RunContext
  api?: GitHubApi
  logger: Logger
  /** Print instead of writing the comment and the check run. */
  dryRun: boolean
  /** Prints dry-run output (core.info in the action). */
  print: (text: string) => void
}

export interface ReportOutcome {
  report: Report
  verdict: GateVerdict
  comment?: CommentResult
  checkRun?: CheckRunResult
  /** Why the step should fail, if it should, in one line each. */
  failures: string[]
}

export async function publishReport(options: PublishReportOptions): Promise<ReportOutcome> {
  const { settings, context, api, logger } = options
  const { config } = options.policy
  const key = settings.commentKey ?? config.comment.key
  const policy: Policy = {
    ...config,
    platforms: settings.expectedPlatforms?.map((id) => ({ id })) ?? config.platforms,
  }
  const pr = context?.pullRequest
  const github = <T>(what: string, call: () => Promise<T>) => guarded(what, call, logger)
  // Reads that failed (GitHub did not answer in time, say) are named in the report as missing.
  const unread: string[] = []
  const read = async <T>(what: string, missing: string, call: () => Promise<T>) => {
    try {
      return await call()
    } catch (error) {
      unread.push(`${missing} (${describeError(error)}).`)
      logger.warning(
        `bind-probe could not ${what}: ${describeError(error)}. The report is in the job summary.`,
      )
      return undefined
    }
  }
  const commentMode = settings.commentMode ?? config.comment.mode
  // With comments off, not even a read: on a long thread that is up to 30 calls for nothing.
  const lookup =
    pr && api && context && commentMode !== 'off'
      ? await github('look up the pull request comment', () =>
          findComment(api, { repo: context.repo, number: pr.number, key }),
        )
      : undefined
  if (lookup?.refusal?.kind === 'unavailable') {
    unread.push(
      `The pull request's comments could not be read (${lookup.refusal.message}), so the changes since the previous report are not shown.`,
    )
  }
  const legStatuses = options.legStatuses
  const legs =
    (legStatuses &&
      (await read(
        'list the run’s jobs',
        'The run’s jobs could not be read, so legs that did not finish are not named',
        legStatuses,
      ))) ||
    []
  // In the modes that may leave no comment, the check run of an earlier commit keeps the digest.
  const previousCheck =
    pr &&
    api &&
    context &&
    !lookup?.existing &&
    (commentMode === 'off' || commentMode === 'failures')
      ? await read(
          'read the previous check run',
          'The previous check run could not be read, so the changes since it are not shown',
          () => previousCheckDigest(api, context.repo, pr.number, checkName(settings, key)),
        )
      : undefined
  const previousComment = lookup?.existing?.body ?? previousCheck
  const scans = readLegScans(options.legs)
  for (const p of scans.problems) logger.warning(`${p.artifact}: ${p.message}`)
  const report = buildReport({
    artifacts: options.legs.map((leg) => ({ name: leg.source, content: leg.result })),
    artifactProblems: [...options.artifactProblems, ...scans.problems],
    policy: { ...config, platforms: policy.platforms },
    legs,
    ...(previousComment !== undefined ? { previousComment } : {}),
    findings: scans.findings,
    notes: [...(options.legNotes ?? []), ...scans.notes, ...unread],
    ...(options.history ? { history: options.history } : {}),
    ...(context ? { context: reportContext(context) } : {}),
  })
  const problems = options.policy.problem ? [options.policy.problem] : []
  const verdict = evaluatePolicy(report, policy, problems)
  const { commentTemplate, summaryTemplate } = options.policy
  const body = withFallback(
    (template) => renderComment(report, { verdict, key, ...(template ? { template } : {}) }),
    commentTemplate,
    logger,
  )
  // Rendered twice (the job summary, the check run's shorter text): a broken template warns once.
  let summarySource = summaryTemplate
  const summary = (limit?: number) =>
    withFallback(
      (template) =>
        renderSummary(report, {
          verdict,
          ...(template ? { template } : {}),
          ...(limit ? { limit } : {}),
        }),
      summarySource,
      logger,
      () => (summarySource = undefined),
    )
  const failures = [...problems]
  if (
    verdict.conclusion === 'failure' &&
    verdict.reasons.some((r) => r.fails && r.rule !== 'policy')
  ) {
    failures.push(`bind-probe: ${verdict.summary}`)
  }
  // fail-job: false reports the verdict (the check run, the outputs) and keeps the step green.
  if (!settings.failJob && failures.length) {
    logger.info(`bind-probe: ${verdict.summary} (fail-job: false, so the step does not fail)`)
    failures.length = 0
  }

  if (settings.jobSummary) await writeJobSummary(summary(), logger)
  if (options.dryRun || !api || !context) {
    options.print(`--- the comment bind-probe would write (${body.length} characters) ---\n${body}`)
    options.print(
      `--- the check run "${checkName(settings, key)}": ${verdict.conclusion} — ${verdict.summary}`,
    )
    return { report, verdict, failures }
  }

  const surfaces: SurfaceOutcome[] = []
  let comment: CommentResult | undefined
  if (lookup) {
    comment = await github('write the pull request comment', () =>
      publishComment(api, lookup as CommentLookup, {
        body,
        mode: commentMode,
        strategy: settings.strategy,
        resultsChanged:
          report.changes.status !== 'compared' ||
          report.changes.any ||
          verdictChanged(lookup.existing?.body, verdict),
        passed: verdict.conclusion === 'success',
        logger,
      }),
    )
    surfaces.push({
      surface: 'the pull request comment',
      ...(comment?.refusal ? { refusal: comment.refusal } : {}),
    })
  }
  const checkRun = await github('write the check run', () =>
    publishCheckRun(api, {
      repo: context.repo,
      headSha: pr?.headSha ?? context.headSha,
      name: checkName(settings, key),
      // The same first line as the comment: pass or fail and the one reason.
      title: verdict.title,
      summary: summary(CHECK_SUMMARY_LIMIT),
      // Hidden lines: the digest the next run compares with when there is no comment to read.
      text: commentTrailer(report, { verdict, key }),
      conclusion: verdict.conclusion,
      annotations: settings.annotations ? annotationsOf(report) : [],
      detailsUrl: context.runUrl,
      ...(options.existingCheckRunId ? { existingId: options.existingCheckRunId } : {}),
      logger,
    }),
  )
  surfaces.push({
    surface: 'the check run',
    ...(checkRun?.refusal ? { refusal: checkRun.refusal } : {}),
  })
  const refusals = reportRefusals(
    surfaces,
    context,
    config.failOn.refusedWrite ? 'error' : 'warn',
    logger,
  )
  if (refusals.fail) failures.push(...refusals.messages)
  return {
    report,
    verdict,
    ...(comment ? { comment } : {}),
    ...(checkRun ? { checkRun } : {}),
    failures,
  }
}

/**
 * A GitHub call whose failure must not lose the report: known refusals come back inside the
 * results; anything else (a network failure, a GraphQL rate limit) is a warning and undefined.
 */
async function guarded<T>(
  what: string,
  call: () => Promise<T>,
  logger: Logger,
): Promise<T | undefined> {
  try {
    return await call()
  } catch (error) {
    logger.warning(
      `bind-probe could not ${what}: ${error instanceof Error ? error.message : String(error)}. ` +
        'The report is in the job summary.',
    )
    return undefined
  }
}

/** One annotation per finding the report kept (legs scan the same code, so it merged them). */
function annotationsOf(report: Report) {
  return report.findings.files.flatMap((group) =>
    group.findings.map((f) => toAnnotation({ ...f, path: group.path })),
  )
}

function checkName(settings: PublishSettings, key: string): string {
  return settings.checkName ?? checkRunName(key)
}

/** A custom template that fails to render falls back to the built-in one, with a warning. */
function withFallback(
  render: (template?: TemplateSource) => string,
  template: TemplateSource | undefined,
  logger: Logger,
  onBroken: () => void = () => {},
): string {
  if (!template) return render()
  try {
    return render(template)
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    logger.warning(`${error.message}; the built-in template was used instead`)
    onBroken()
    return render()
  }
}

function reportContext(context: RunContext): ReportContext {
  const pr = context.pullRequest
  return {
    repository: `${context.repo.owner}/${context.repo.repo}`,
    serverUrl: context.serverUrl,
    headSha: pr?.headSha ?? context.headSha,
    event: context.eventName,
    runUrl: context.runUrl,
    ...(pr
      ? {
          pullRequest: pr.number,
          baseRef: pr.baseRef,
          ...(pr.headRef ? { headRef: pr.headRef } : {}),
        }
      : {}),
  }
}

/** The gate's conclusion or failing rules differ from what our earlier comment says. */
function verdictChanged(previousBody: string | undefined, verdict: GateVerdict): boolean {
  if (previousBody === undefined) return true
  const previous = readDigest(previousBody)
  return !('digest' in previous) || previous.digest.verdict !== verdictKey(verdict)
}
