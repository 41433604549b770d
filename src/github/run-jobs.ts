// The jobs of a workflow run and how they ended, so the report can name the legs that were
// cancelled or failed instead of silently reporting fewer platforms. Needs `actions: read`;
// without it the report still names missing platforms from the policy.
import type { RepoRef } from './context.ts'
import type { GitHubApi } from './octokit.ts'
import { refusalOf } from './errors.ts'
import { textField } from './answers.ts'

export interface RunJob {
  /** The job's id, which is also its check run's. */
  id: number
  name: string
  /** The job's conclusion, or its status while it runs. */
  status: string
}

/**
 * All jobs of one attempt of a run, or undefined when GitHub will not say (no permission). GitHub
 * not answering (in time) is thrown: the report then says the jobs could not be read.
 */
export async function listRunJobs(
  api: GitHubApi,
  repo: RepoRef,
  runId: number,
  attempt: number,
): Promise<RunJob[] | undefined> {
  try {
    const jobs = await api.paginate(api.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: repo.owner,
      repo: repo.repo,
      run_id: runId,
      attempt_number: attempt,
      per_page: 100,
    })
    const endpoint =
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'
    return jobs.map((job) => ({
      id: job.id,
      name: textField(job.name, endpoint, 'jobs[].name'),
      status: textField(job.conclusion ?? job.status, endpoint, 'jobs[].status'),
    }))
  } catch (error) {
    const refusal = refusalOf(error)
    if (refusal && refusal.kind !== 'unavailable') return undefined
    throw error
  }
}

/**
 * What GitHub writes on a job whose runner went away: a self-hosted runner that lost contact, a
 * runner that was shut down or reclaimed. The jobs API only says `failure`; the job's check run
 * annotations say which.
 */
const RUNNER_LOST =
  /lost communication with the server|runner has received a shutdown signal|hosted runner encountered an error|hosted runner lost communication/i

/** Whether GitHub says the job failed because its runner was lost; false when it cannot tell. */
export async function runnerWasLost(
  api: GitHubApi,
  repo: RepoRef,
  jobId: number,
): Promise<boolean> {
  try {
    const annotations = await api.paginate(api.rest.checks.listAnnotations, {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: jobId,
      per_page: 50,
    })
    return annotations.some((a) => typeof a.message === 'string' && RUNNER_LOST.test(a.message))
  } catch (error) {
    if (refusalOf(error)) return false
    throw error
  }
}
