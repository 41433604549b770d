// Where no comment holds the previous report's digest (comment-mode off, or failures on a pull
// request that passed), the check run keeps it in its text, as two hidden lines. The next run
// reads it back from the newest of the pull request's recent commits that has our check run, so
// "changed since" still works. A read that fails leaves the comparison out, nothing more.
import type { RepoRef } from './context.ts'
import type { GitHubApi } from './octokit.ts'

/** Commits looked at, newest first: a re-run (the head itself) and the last few pushes. */
const RECENT_COMMITS = 5

export async function previousCheckDigest(
  api: GitHubApi,
  repo: RepoRef,
  pullNumber: number,
  checkName: string,
): Promise<string | undefined> {
  const commits = await api.paginate(api.rest.pulls.listCommits, {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pullNumber,
    per_page: 100,
  })
  const recent = commits
    .map((c) => (c as { sha?: unknown }).sha)
    .filter((sha): sha is string => typeof sha === 'string')
    .slice(-RECENT_COMMITS)
    .reverse()
  for (const sha of recent) {
    const { data } = await api.rest.checks.listForRef({
      owner: repo.owner,
      repo: repo.repo,
      ref: sha,
      check_name: checkName,
      per_page: 10,
    })
    for (const run of data.check_runs ?? []) {
      const text = run.output?.text
      if (typeof text === 'string' && text.includes('<!-- bind-probe:digest ')) return text
    }
  }
  return undefined
}
