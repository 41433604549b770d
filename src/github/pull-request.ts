// Finding the pull request of a `workflow_run` report (the fork recipe). The triggering run's
// payload names its PRs only when the head branch lives in this repository; for forks the list is
// empty (github/docs#22501), so the probe legs also record the PR number in their artifacts. That
// number came from a run of untrusted code, so it is only believed once the API confirms the PR's
// head is exactly the commit the (trusted) workflow_run payload names.
import type { GitHubApi } from './octokit.ts'
import type { Logger } from './logger.ts'
import type { PullRequestRef, RunContext } from './context.ts'
import { refusalOf } from './errors.ts'
import { UnexpectedAnswerError, textField } from './answers.ts'

export async function resolvePullRequest(
  api: GitHubApi,
  context: RunContext,
  claimedNumbers: number[],
  logger: Logger,
): Promise<PullRequestRef | undefined> {
  if (context.pullRequest) return context.pullRequest
  const run = context.triggeringRun
  if (context.kind !== 'workflow_run' || !run) return undefined
  if (run.event !== 'pull_request' && run.event !== 'pull_request_target') return undefined
  const repoFull = `${context.repo.owner}/${context.repo.repo}`.toLowerCase()
  const fromFork = run.headRepo !== undefined && run.headRepo.toLowerCase() !== repoFull

  for (const number of [...new Set(claimedNumbers)]) {
    let pull
    try {
      ;({ data: pull } = await api.rest.pulls.get({ ...where(context), pull_number: number }))
    } catch (error) {
      if (!refusalOf(error)) throw error
      logger.warning(
        `the probe results name pull request #${number}, which cannot be read: ${refusalOf(error)!.message}`,
      )
      continue
    }
    const endpoint = 'GET /repos/{owner}/{repo}/pulls/{pull_number}'
    const headSha = textField(pull.head?.sha, endpoint, 'head.sha')
    const baseRepo = textField(
      pull.base?.repo?.full_name,
      endpoint,
      'base.repo.full_name',
    ).toLowerCase()
    if (headSha === run.headSha && baseRepo === repoFull) {
      return {
        number,
        headSha: pull.head.sha,
        baseRef: pull.base.ref,
        headRef: pull.head.ref,
        ...(pull.head.repo ? { headRepo: pull.head.repo.full_name } : {}),
        fromFork,
        source: 'verified-claim',
      }
    }
    logger.warning(
      `the probe results name pull request #${number}, but its head is ${headSha.slice(0, 12)}, ` +
        `not the commit the triggering run tested (${run.headSha.slice(0, 12)}); not commenting there`,
    )
  }

  // No usable claim (older artifacts, or none): ask for open PRs from the run's head branch.
  if (run.headBranch && run.headRepo) {
    const owner = run.headRepo.split('/')[0]
    const { data: pulls } = await api.rest.pulls.list({
      ...where(context),
      head: `${owner}:${run.headBranch}`,
      state: 'open',
      per_page: 10,
    })
    if (!Array.isArray(pulls)) {
      throw new UnexpectedAnswerError(
        "GitHub's API answered GET /repos/{owner}/{repo}/pulls without a list of pull requests",
      )
    }
    const match = pulls.find((p) => p.head?.sha === run.headSha)
    if (match) {
      return {
        number: match.number,
        headSha: match.head.sha,
        baseRef: match.base.ref,
        headRef: match.head.ref,
        headRepo: run.headRepo,
        fromFork,
        source: 'head-branch',
      }
    }
  }
  return undefined
}

function where(context: RunContext) {
  return { owner: context.repo.owner, repo: context.repo.repo }
}
