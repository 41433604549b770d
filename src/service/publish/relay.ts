// A fork's pull request run gets no OIDC token, so its legs cannot upload; the base repository's
// `workflow_run` job relays their artifacts instead, with its own token. The repository comes
// only from that token; the run it names is checked through the API: a `pull_request` run of the
// same repository, whose head is the uploaded commit, from an open pull request. The result is
// then filed under that run and pull request, as if its leg had uploaded it.
import { NetworkBudget, refusalOf, type Logger } from '../../github/index.ts'
import type { GitHubAppClient } from '../github-app.ts'
import type { UploadIdentity } from '../store/store.ts'

export class RelayRefused extends Error {
  override name = 'RelayRefused'
}

/** The job a relayed result is filed under: one per platform and run attempt. */
export const RELAYED_JOB = 'relayed'

export async function relayedIdentity(
  github: GitHubAppClient,
  relay: UploadIdentity,
  runId: number,
  headSha: string,
  requestTimeoutMs: number,
  logger: Logger,
): Promise<UploadIdentity> {
  if (relay.eventName !== 'workflow_run') {
    throw new RelayRefused(
      `only a workflow_run job relays a run's results; this token is from a ${relay.eventName || 'unknown'} run`,
    )
  }
  const installationId = await github.installationFor(relay.repository)
  if (installationId === undefined) {
    throw new RelayRefused(`the bind-probe GitHub App is not installed on ${relay.repository}`)
  }
  const network = new NetworkBudget({ requestTimeoutMs, deadlineMs: 30_000 }, logger)
  const api = await github.installationApi(installationId, network, logger)
  const [owner = '', repo = ''] = relay.repository.split('/')
  let run
  try {
    ;({ data: run } = await api.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }))
  } catch (error) {
    if (refusalOf(error)?.kind === 'not-found') {
      throw new RelayRefused(`run ${runId} is not a run of ${relay.repository}`)
    }
    throw error
  }
  if (run.repository.id !== relay.repositoryId) {
    throw new RelayRefused(`run ${runId} is not a run of ${relay.repository}`)
  }
  if (run.event !== 'pull_request') {
    throw new RelayRefused(`run ${runId} is a ${run.event} run, not a pull_request run`)
  }
  if (run.head_sha !== headSha) {
    throw new RelayRefused(
      `run ${runId} ran ${run.head_sha.slice(0, 7)}, not ${headSha.slice(0, 7)}`,
    )
  }
  const number = await pullRequestOf(api, owner, repo, run)
  if (number === undefined) {
    throw new RelayRefused(
      `no open pull request of ${relay.repository} has head ${headSha.slice(0, 7)}`,
    )
  }
  return {
    ...relay,
    runId,
    runAttempt: run.run_attempt ?? 1,
    job: RELAYED_JOB,
    eventName: 'pull_request',
    ref: `refs/pull/${number}/merge`,
  }
}

/** GitHub lists a run's pull requests only for same-repository branches; a fork's is looked up. */
async function pullRequestOf(
  api: Awaited<ReturnType<GitHubAppClient['installationApi']>>,
  owner: string,
  repo: string,
  run: {
    head_sha: string
    head_branch: string | null
    head_repository?: { owner?: { login?: string } | null } | null
    pull_requests?: { number: number; head: { sha: string } }[] | null
  },
): Promise<number | undefined> {
  const listed = run.pull_requests?.find((pr) => pr.head.sha === run.head_sha)
  if (listed) return listed.number
  const headOwner = run.head_repository?.owner?.login
  if (!headOwner || !run.head_branch) return undefined
  const { data } = await api.rest.pulls.list({
    owner,
    repo,
    head: `${headOwner}:${run.head_branch}`,
    state: 'open',
  })
  return data.find((pr) => pr.head.sha === run.head_sha)?.number
}
