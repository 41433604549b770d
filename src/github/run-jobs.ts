// The jobs of a workflow run and how they ended, so the report can name the legs that were
// cancelled or failed instead of silently reporting fewer platforms. Needs `actions: read`;
// without it the report still names missing platforms from the policy.
import type { RepoRef } from './context.ts'
import type { GitHubApi } from './octokit.ts'
import { refusalOf } from './errors.ts'
import { textField } from './answers.ts'

export interface RunJob {
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
      name: textField(job.name, endpoint, 'jobs[].name'),
      status: textField(job.conclusion ?? job.status, endpoint, 'jobs[].status'),
    }))
  } catch (error) {
    const refusal = refusalOf(error)
    if (refusal && refusal.kind !== 'unavailable') return undefined
    throw error
  }
}
