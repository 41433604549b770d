// How the legs' jobs of a run ended, for the report to name the legs that did not succeed.
import type { LegInput } from '../report/index.ts'
import type { RunContext } from './context.ts'
import type { GitHubApi } from './octokit.ts'
import { listRunJobs, runnerWasLost, type RunJob } from './run-jobs.ts'

/**
 * The jobs of the run, for the report to name the legs that did not succeed; needs `actions:
 * read`. When the legs recorded their job id, only that job's matrix legs count (`probe` →
 * "probe (macos-latest)"), so an unrelated failed job is not called a leg.
 */
export async function legStatuses(
  api: GitHubApi,
  context: RunContext,
  legJobs: string[] | undefined,
): Promise<LegInput[]> {
  const run = context.triggeringRun ?? { id: context.runId, attempt: context.runAttempt }
  const jobs = await listRunJobs(api, context.repo, run.id, run.attempt)
  return jobs ? legStatusesOf(api, context, jobs, legJobs) : []
}

/** The same, from the run's jobs already listed (the reporting service lists them to wait). */
export async function legStatusesOf(
  api: GitHubApi,
  context: RunContext,
  jobs: RunJob[],
  legJobs: string[] | undefined,
): Promise<LegInput[]> {
  const known = new Set(['success', 'failure', 'cancelled', 'skipped', 'timed_out'])
  const finished = jobs.filter(
    (job) => known.has(job.status) && (context.triggeringRun || job.name !== context.job),
  )
  const ofLegs = (id: string, name: string) => name === id || name.startsWith(`${id} (`)
  const matched = legJobs
    ? finished.filter((job) => legJobs.some((id) => ofLegs(id, job.name)))
    : []
  // Display names need not follow job ids (a `name:`, a reusable workflow): with no match, every
  // other job may have been a leg.
  const legs = matched.length ? matched : finished
  // A few calls at most: only failed legs are asked, and only the first ones.
  const asked = new Set(
    legs.filter((job) => job.status === 'failure').slice(0, MAX_LOST_RUNNER_LOOKUPS),
  )
  return Promise.all(
    legs.map(async (job) => ({
      name: job.name,
      status: (asked.has(job) && (await runnerWasLost(api, context.repo, job.id))
        ? 'runner_lost'
        : job.status) as LegInput['status'],
    })),
  )
}

/** Failed legs whose check run annotations are read to tell a lost runner from a failure. */
const MAX_LOST_RUNNER_LOOKUPS = 10
