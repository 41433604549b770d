// The report job: every leg's results to one report, one comment, one check run, the job summary
// and the outputs. The job summary is always written, whatever GitHub refuses, so nothing the legs
// measured is lost.
import type { Config, Policy } from '../config/index.ts'
import {
  checkRunName,
  findComment,
  listRunJobs,
  publishCheckRun,
  publishComment,
  reportRefusals,
  writeJobSummary,
  type CheckRunResult,
  type CommentResult,
  type GitHubApi,
  type Logger,
  type RunContext,
  type SurfaceOutcome,
} from '../github/index.ts'
import {
  CHECK_SUMMARY_LIMIT,
  TemplateError,
  buildReport,
  evaluatePolicy,
  renderComment,
  renderSummary,
  type ArtifactProblem,
  type GateVerdict,
  type LegInput,
  type Report,
  type ReportContext,
  type TemplateSource,
} from '../report/index.ts'
import { toAnnotation, type Finding } from '../scan/index.ts'
import type { ActionInputs } from './inputs.ts'

/** One leg's files, as they arrived (text, untrusted until checked). */
export interface LegFiles {
  /** Artifact name, or "this job" in `all` mode. */
  source: string
  result?: string
  scan?: string
}

export interface ReportOptions {
  inputs: ActionInputs
  config: Config
  template?: TemplateSource
  legs: LegFiles[]
  artifactProblems: ArtifactProblem[]
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

export async function runReport(options: ReportOptions): Promise<ReportOutcome> {
  const { inputs, config, context, api, logger } = options
  const key = inputs.commentKey ?? config.comment.key
  const policy: Policy = {
    ...config,
    platforms: inputs.expectedPlatforms?.map((id) => ({ id })) ?? config.platforms,
  }
  const pr = context?.pullRequest
  const lookup =
    pr && api && context
      ? await findComment(api, { repo: context.repo, number: pr.number, key })
      : undefined
  const findings = options.legs.flatMap((leg) => findingsOf(leg, logger))
  const report = buildReport({
    artifacts: options.legs.map((leg) => ({ name: leg.source, content: leg.result })),
    artifactProblems: options.artifactProblems,
    policy: { ...config, platforms: policy.platforms },
    legs: context && api ? await legStatuses(api, context) : [],
    ...(lookup?.existing ? { previousComment: lookup.existing.body } : {}),
    findings,
    ...(context ? { context: reportContext(context) } : {}),
  })
  const verdict = evaluatePolicy(report, policy)
  const body = renderWithFallback(
    (template) => renderComment(report, { verdict, key, ...(template ? { template } : {}) }),
    options.template,
    logger,
  )
  const summary = renderSummary(report, { verdict })
  const checkSummary = renderSummary(report, { verdict, limit: CHECK_SUMMARY_LIMIT })
  const failures: string[] = []
  if (verdict.conclusion === 'failure') failures.push(`bind-probe: ${verdict.summary}`)

  await writeJobSummary(summary, logger)
  if (options.dryRun || !api || !context) {
    options.print(`--- the comment bind-probe would write (${body.length} characters) ---\n${body}`)
    options.print(
      `--- the check run "${checkName(inputs, key)}": ${verdict.conclusion} — ${verdict.summary}`,
    )
    return { report, verdict, failures }
  }

  const surfaces: SurfaceOutcome[] = []
  let comment: CommentResult | undefined
  if (lookup) {
    comment = await publishComment(api, lookup, {
      body,
      mode: inputs.commentMode ?? config.comment.mode,
      strategy: inputs.recreateComment
        ? 'recreate'
        : inputs.hidePreviousComment
          ? 'hide-previous'
          : 'update',
      resultsChanged: report.changes.status !== 'compared' || report.changes.any,
      logger,
    })
    surfaces.push({
      surface: 'the pull request comment',
      ...(comment.refusal ? { refusal: comment.refusal } : {}),
    })
  }
  const checkRun = await publishCheckRun(api, {
    repo: context.repo,
    headSha: pr?.headSha ?? context.headSha,
    name: checkName(inputs, key),
    title: verdict.summary,
    summary: checkSummary,
    conclusion: verdict.conclusion,
    annotations: annotationsOf(report),
    detailsUrl: context.runUrl,
    logger,
  })
  surfaces.push({
    surface: 'the check run',
    ...(checkRun.refusal ? { refusal: checkRun.refusal } : {}),
  })
  const refusals = reportRefusals(
    surfaces,
    context,
    config.failOn.refusedWrite ? 'error' : 'warn',
    logger,
  )
  if (refusals.fail) failures.push(...refusals.messages)
  return { report, verdict, ...(comment ? { comment } : {}), checkRun, failures }
}

/** One annotation per finding the report kept (legs scan the same code, so it merged them). */
function annotationsOf(report: Report) {
  return report.findings.files.flatMap((group) =>
    group.findings.map((f) => toAnnotation({ ...f, path: group.path })),
  )
}

function checkName(inputs: ActionInputs, key: string): string {
  return inputs.checkName ?? checkRunName(key)
}

/** A custom template that fails to render falls back to the built-in one, with a warning. */
function renderWithFallback(
  render: (template?: TemplateSource) => string,
  template: TemplateSource | undefined,
  logger: Logger,
): string {
  if (!template) return render()
  try {
    return render(template)
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    logger.warning(`${error.message}; the built-in template was used instead`)
    return render()
  }
}

function findingsOf(leg: LegFiles, logger: Logger): Finding[] {
  if (leg.scan === undefined) return []
  try {
    const parsed = JSON.parse(leg.scan) as { findings?: unknown }
    return Array.isArray(parsed.findings) ? (parsed.findings as Finding[]) : []
  } catch (error) {
    logger.warning(
      `${leg.source}: its scan.json is not JSON (${(error as Error).message}); its findings are left out`,
    )
    return []
  }
}

/** The run's legs that did not succeed (the report names them); needs `actions: read`. */
async function legStatuses(api: GitHubApi, context: RunContext): Promise<LegInput[]> {
  const run = context.triggeringRun ?? { id: context.runId, attempt: context.runAttempt }
  const jobs = await listRunJobs(api, context.repo, run.id, run.attempt)
  if (!jobs) return []
  const known = new Set(['success', 'failure', 'cancelled', 'skipped', 'timed_out'])
  return jobs
    .filter((job) => job.name !== context.job && known.has(job.status))
    .map((job) => ({ name: job.name, status: job.status as LegInput['status'] }))
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
