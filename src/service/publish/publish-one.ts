// One report, published as the App: the same comment, check run and verdict as the action's
// report job (through the shared publisher), once the legs it waits for have reported or its
// deadline has passed. Where the report goes comes from the uploads' verified tokens and from
// GitHub, never from an upload's body: a pull request of the token's own repository whose head
// is the uploaded commit.
import { readPolicy } from '../../action/policy-source.ts'
import {
  checkRunName,
  kindOf,
  legStatusesOf,
  listRunJobs,
  NetworkBudget,
  refusalOf,
  type GitHubApi,
  type Logger,
  type RunContext,
  type RunJob,
} from '../../github/index.ts'
import { publishReport } from '../../github/publish-report.ts'
import type { GitHubAppClient } from '../github-app.ts'
import { assemble, type AssembledReport } from './assemble.ts'
import type { ReportKey } from './outbox.ts'
import type { ReportStore } from './reports.ts'
import type { ReportHistory } from '../../report/history.ts'

export const POLICY_PATH = '.github/bind-probe.yml'

/** One publish's share of GitHub's time: within the outbox lease, with room for the writes. */
const PUBLISH_BUDGET_MS = 120_000

export type PublishDecision =
  | { kind: 'published'; outcome: string }
  | { kind: 'wait'; until: Date; outcome: string }
  /** Nothing to publish, and nothing to try again: why, for the operator's log. */
  | { kind: 'skipped'; outcome: string }

export interface PublishContext {
  app: GitHubAppClient
  reports: ReportStore
  deadlineMs: number
  requestTimeoutMs: number
  logger: Logger
  /** The flip figures for the report; absent: none (the report then equals the action's). */
  history?: (repositoryId: number, pullRequest: number | undefined) => Promise<ReportHistory>
  now?: () => Date
}

export async function publishOne(key: ReportKey, ctx: PublishContext): Promise<PublishDecision> {
  const now = ctx.now?.() ?? new Date()
  const assembled = assemble(await ctx.reports.uploads(key))
  if (!assembled) return { kind: 'skipped', outcome: 'no uploads (deleted by the operator?)' }
  const state = await ctx.reports.open(key, now)
  if (state.publishedResults === assembled.fingerprint) {
    return { kind: 'skipped', outcome: 'already published with these results' }
  }
  const { latest } = assembled
  const installationId = await ctx.app.installationFor(latest.repository)
  if (installationId === undefined) {
    return { kind: 'skipped', outcome: `the App is not installed on ${latest.repository}` }
  }
  const network = new NetworkBudget(
    { requestTimeoutMs: ctx.requestTimeoutMs, deadlineMs: PUBLISH_BUDGET_MS },
    ctx.logger,
  )
  const api = await ctx.app.installationApi(installationId, network, ctx.logger)
  const target = await resolveTarget(api, key, assembled, ctx.app)
  if ('skip' in target) return { kind: 'skipped', outcome: target.skip }
  const { context } = target

  const policy = await readPolicy({ path: POLICY_PATH, workspace: '.', context, api })
  const name = checkRunName(key.commentKey)
  const jobs = await listRunJobs(api, context.repo, latest.runId, latest.runAttempt)
  const waitingFor = awaited(policy.config.platforms, assembled, jobs)
  const deadline = new Date(state.firstUploadAt.getTime() + ctx.deadlineMs)
  const checks = await checkRunsOnCommit(api, context, key.headSha, name, ctx.app.settings.appId)
  if (checks.ofTheAction) {
    return {
      kind: 'skipped',
      outcome: `the action's report job also publishes "${name}" on ${key.headSha.slice(0, 7)}; one publisher per comment key: remove the report job (or give it another comment key)`,
    }
  }
  // A check run this App made but did not get to record (a crash between the two) is reused.
  const checkRunId = state.checkRunId ?? checks.ours
  if (waitingFor.length && now < deadline) {
    await waitingCheckRun(api, ctx.reports, key, checkRunId, name, waitingFor, deadline, context)
    return {
      kind: 'wait',
      until: deadline,
      outcome: `waiting for ${waitingFor.join(', ')} until ${deadline.toISOString()}`,
    }
  }

  const legJobs = jobs ? legJobNames(jobs, assembled) : []
  const history = await ctx.history?.(key.repositoryId, context.pullRequest?.number)
  const outcome = await publishReport({
    ...(history ? { history } : {}),
    settings: {
      commentKey: key.commentKey,
      strategy: 'update',
      failJob: true,
      jobSummary: false,
      annotations: true,
    },
    policy,
    legs: assembled.legs,
    artifactProblems: [],
    ...(jobs && legJobs.length
      ? { legStatuses: () => legStatusesOf(api, context, jobs, legJobs) }
      : {}),
    ...(checkRunId ? { existingCheckRunId: checkRunId } : {}),
    context,
    api,
    logger: ctx.logger,
    dryRun: false,
    print: () => {},
  })
  const written = outcome.checkRun?.checkRun?.id
  if (written && written !== state.checkRunId) await ctx.reports.setCheckRun(key, written)
  const what = `${outcome.verdict.conclusion}: ${outcome.verdict.summary}`
  await ctx.reports.published(key, assembled.fingerprint, what, now)
  return { kind: 'published', outcome: what }
}

/** Where the report goes, checked against GitHub; or why it goes nowhere. */
async function resolveTarget(
  api: GitHubApi,
  key: ReportKey,
  assembled: AssembledReport,
  app: GitHubAppClient,
): Promise<{ context: RunContext } | { skip: string }> {
  const { latest, pullNumber } = assembled
  const [owner = '', repo = ''] = latest.repository.split('/')
  // The token's name for the repository is for display; its id decides (a rename, a transfer).
  let repository
  try {
    ;({ data: repository } = await api.rest.repos.get({ owner, repo }))
  } catch (error) {
    if (refusalOf(error)?.kind === 'not-found') {
      return { skip: `${latest.repository} is not visible to the App's installation` }
    }
    throw error
  }
  if (repository.id !== key.repositoryId) {
    return { skip: `${latest.repository} is now another repository (id ${repository.id})` }
  }
  const serverUrl = app.settings.serverUrl
  const base: RunContext = {
    eventName: latest.eventName,
    kind: kindOf(latest.eventName),
    repo: { owner, repo },
    sha: key.headSha,
    headSha: key.headSha,
    ...(latest.ref ? { ref: latest.ref } : {}),
    runId: latest.runId,
    runAttempt: latest.runAttempt,
    serverUrl,
    apiUrl: app.settings.apiUrl,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${latest.runId}`,
  }
  if (pullNumber === undefined) {
    // push, merge_group, …: the check run on the commit, no comment. A merge group's policy is
    // the default branch's: the group's own commit holds the queued pull requests' edits.
    return base.kind === 'merge_group'
      ? { context: { ...base, baseSha: repository.default_branch } }
      : { context: base }
  }
  let pull
  try {
    ;({ data: pull } = await api.rest.pulls.get({ owner, repo, pull_number: pullNumber }))
  } catch (error) {
    if (refusalOf(error)?.kind === 'not-found') {
      return { skip: `pull request #${pullNumber} is not in ${latest.repository}` }
    }
    throw error
  }
  if (pull.base.repo.id !== key.repositoryId) {
    return { skip: `pull request #${pullNumber} does not merge into ${latest.repository}` }
  }
  if (pull.head.sha !== key.headSha) {
    // An older head's results never overwrite the report of the pull request's newer head.
    return {
      skip: `pull request #${pullNumber} has moved on to ${pull.head.sha.slice(0, 7)}; the report for ${key.headSha.slice(0, 7)} is not published`,
    }
  }
  const headRepo = pull.head.repo?.full_name
  return {
    context: {
      ...base,
      pullRequest: {
        number: pullNumber,
        headSha: pull.head.sha,
        baseRef: pull.base.ref,
        baseSha: pull.base.sha,
        headRef: pull.head.ref,
        ...(headRepo ? { headRepo } : {}),
        fromFork: headRepo !== undefined && headRepo !== pull.base.repo.full_name,
        ...(pull.user?.login ? { author: pull.user.login } : {}),
        source: 'verified-claim',
      },
    },
  }
}

/**
 * What the report still waits for: the policy's platforms that have not reported; with none
 * listed, the legs' jobs in the latest run (the uploaded jobs and their matrix siblings) that
 * have not finished.
 */
function awaited(
  expected: readonly { id: string }[],
  assembled: AssembledReport,
  jobs: RunJob[] | undefined,
): string[] {
  if (expected.length) {
    const have = new Set(assembled.platforms)
    return expected.map((p) => p.id).filter((id) => !have.has(id))
  }
  if (!jobs) return []
  const names = new Set(legJobNames(jobs, assembled))
  const finished = new Set(['success', 'failure', 'cancelled', 'skipped', 'timed_out', 'neutral'])
  return jobs
    .filter((job) => names.has(matrixName(job.name)) && !finished.has(job.status))
    .map((job) => job.name)
}

/** The job names (before the matrix values) of the jobs the latest run's uploads came from. */
function legJobNames(jobs: RunJob[], assembled: AssembledReport): string[] {
  const uploaded = new Set(assembled.jobs)
  return [
    ...new Set(jobs.filter((job) => uploaded.has(String(job.id))).map((j) => matrixName(j.name))),
  ]
}

/** "probe (ubuntu-latest, x64)" → "probe". */
function matrixName(name: string): string {
  const at = name.indexOf(' (')
  return at === -1 ? name : name.slice(0, at)
}

/** The report's check run, in progress while platforms are missing: a required check is never silent. */
async function waitingCheckRun(
  api: GitHubApi,
  reports: ReportStore,
  key: ReportKey,
  checkRunId: number | undefined,
  name: string,
  waitingFor: string[],
  deadline: Date,
  context: RunContext,
): Promise<void> {
  const n = waitingFor.length
  const output = {
    title: `Waiting for ${n} platform${n === 1 ? '' : 's'}`,
    summary:
      `bind-probe publishes its report when ${waitingFor.map((p) => `\`${p}\``).join(', ')} ` +
      `${n === 1 ? 'has' : 'have'} reported, or at ${deadline.toISOString()} without ${n === 1 ? 'it' : 'them'}.`,
  }
  const where = { owner: context.repo.owner, repo: context.repo.repo }
  if (checkRunId) {
    await reports.setCheckRun(key, checkRunId)
    await api.rest.checks.update({
      ...where,
      check_run_id: checkRunId,
      status: 'in_progress',
      output,
    })
    return
  }
  const { data } = await api.rest.checks.create({
    ...where,
    name,
    head_sha: key.headSha,
    status: 'in_progress',
    details_url: context.runUrl,
    output,
  })
  await reports.setCheckRun(key, Number(data.id))
}

/**
 * The check runs of this name on the commit: this App's own (the newest), and whether the
 * action's report job (as github-actions) writes one too: one publisher per comment key.
 */
async function checkRunsOnCommit(
  api: GitHubApi,
  context: RunContext,
  headSha: string,
  name: string,
  appId: number,
): Promise<{ ours?: number; ofTheAction: boolean }> {
  const { data } = await api.rest.checks.listForRef({
    owner: context.repo.owner,
    repo: context.repo.repo,
    ref: headSha,
    check_name: name,
    filter: 'all',
  })
  const ofTheAction = data.check_runs.some((run) => run.app?.slug === 'github-actions')
  const ours = data.check_runs.find((run) => run.app?.id === appId)?.id
  return { ...(ours !== undefined ? { ours: Number(ours) } : {}), ofTheAction }
}
