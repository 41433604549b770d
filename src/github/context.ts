// Where this run stands: which repository, which commit a check belongs to, which pull request
// (if any) a comment goes on, and whether the token is likely read-only. Read from the variables
// and the event payload the runner provides, never from the network.
import { httpUrl } from '../http-url.ts'
import { readFileSync } from 'node:fs'
import { SettingError } from './settings.ts'

export interface RepoRef {
  owner: string
  repo: string
}

export interface PullRequestRef {
  number: number
  /** The PR's head commit: where check runs go (GITHUB_SHA is the test merge commit). */
  headSha: string
  /** Branch the PR merges into, without refs/heads/. */
  baseRef: string
  /** The base branch's commit when the event was sent (pull_request events only). */
  baseSha?: string
  headRef?: string
  /** `owner/name` of the head repository, when known. */
  headRepo?: string
  fromFork: boolean
  /** Who opened it, when the event says. */
  author?: string
  /**
   * How we know: the event payload itself, the `workflow_run` payload's own list (same-repo PRs
   * only), or a claim from an artifact that the API has since confirmed.
   */
  source: 'event' | 'workflow-run' | 'verified-claim' | 'head-branch'
}

/** The run that triggered a `workflow_run` event: the fork recipe's probe run. */
export interface TriggeringRun {
  id: number
  attempt: number
  /** The event of that run (`pull_request` in the fork recipe). */
  event: string
  headSha: string
  headBranch?: string
  /** `owner/name`; a fork when it differs from the repository. */
  headRepo?: string
  conclusion?: string
  htmlUrl?: string
  /** Open PRs of this repository whose head is the run's head (empty for forks). */
  pullRequests: Array<{ number: number; headSha: string; baseRef: string; headRef?: string }>
}

export type EventKind =
  'pull_request' | 'pull_request_target' | 'workflow_run' | 'push' | 'merge_group' | 'other'

export interface RunContext {
  eventName: string
  kind: EventKind
  repo: RepoRef
  /** GITHUB_SHA as given. */
  sha: string
  /** The commit results and check runs belong to (see PullRequestRef.headSha). */
  headSha: string
  ref?: string
  runId: number
  runAttempt: number
  workflow?: string
  job?: string
  actor?: string
  serverUrl: string
  apiUrl: string
  /** Link to this run's page. */
  runUrl: string
  pullRequest?: PullRequestRef
  /**
   * merge_group only: the commit the queued changes are merged onto. The group's head includes
   * the pull requests' own edits, so whatever must not be theirs to change is read here.
   */
  baseSha?: string
  triggeringRun?: TriggeringRun
  /**
   * Why the job's token is expected to be read-only, if it is: a PR from a fork, or Dependabot's.
   * Writes are still attempted (a repository may grant more); a refusal then degrades.
   */
  readOnlyReason?: 'fork' | 'dependabot'
}

export class ContextError extends Error {
  override name = 'ContextError'
}

type Env = Record<string, string | undefined>
type Json = Record<string, unknown>

const DEPENDABOT = 'dependabot[bot]'

/**
 * Resolves the run's context from the runner's environment. `readEvent` reads the event
 * payload file (injectable for tests; the default reads GITHUB_EVENT_PATH from disk).
 */
export function resolveContext(
  env: Env = process.env,
  readEvent: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): RunContext {
  const repoFull = required(env, 'GITHUB_REPOSITORY')
  const [owner, repo, ...rest] = repoFull.split('/')
  if (!owner || !repo || rest.length) {
    throw new ContextError(`GITHUB_REPOSITORY must be "owner/name", got "${repoFull}"`)
  }
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const payload = readPayload(env, readEvent)
  const serverUrl = trimSlash(webUrl(env, 'GITHUB_SERVER_URL') ?? 'https://github.com')
  const apiUrl = trimSlash(webUrl(env, 'GITHUB_API_URL') ?? apiUrlFor(serverUrl))
  const sha = env.GITHUB_SHA ?? str(payload.after) ?? ''
  const runId = int(env.GITHUB_RUN_ID, 'GITHUB_RUN_ID') ?? 0
  const runAttempt = int(env.GITHUB_RUN_ATTEMPT, 'GITHUB_RUN_ATTEMPT') ?? 1
  const actor = env.GITHUB_ACTOR || undefined

  const base: RunContext = {
    eventName,
    kind: kindOf(eventName),
    repo: { owner, repo },
    sha,
    headSha: sha,
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    runId,
    runAttempt,
    ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
    ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
    ...(actor ? { actor } : {}),
    serverUrl,
    apiUrl,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
  }

  switch (base.kind) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = pullRequestFromEvent(payload, repoFull)
      if (!pr) {
        throw new ContextError(
          `a ${eventName} event without a pull_request in its payload (${env.GITHUB_EVENT_PATH})`,
        )
      }
      const dependabot = actor === DEPENDABOT || pr.author === DEPENDABOT
      const readOnlyReason = pr.fromFork ? 'fork' : dependabot ? 'dependabot' : undefined
      return {
        ...base,
        headSha: pr.headSha,
        pullRequest: pr,
        // pull_request_target runs with the base repository's token, write access included.
        ...(readOnlyReason && base.kind === 'pull_request' ? { readOnlyReason } : {}),
      }
    }
    case 'workflow_run': {
      const run = triggeringRunFrom(payload)
      if (!run) {
        throw new ContextError(
          `a workflow_run event without a workflow_run in its payload (${env.GITHUB_EVENT_PATH})`,
        )
      }
      const pr = pullRequestFromRun(run, repoFull)
      return {
        ...base,
        headSha: run.headSha,
        triggeringRun: run,
        ...(pr ? { pullRequest: pr } : {}),
      }
    }
    case 'merge_group': {
      const group = obj(payload.merge_group)
      const baseSha = str(group?.base_sha)
      return { ...base, headSha: str(group?.head_sha) ?? sha, ...(baseSha ? { baseSha } : {}) }
    }
    default:
      return base
  }
}

/** The API root for a server: api.github.com, or /api/v3 on GitHub Enterprise Server. */
function apiUrlFor(serverUrl: string): string {
  const host = new URL(serverUrl).hostname
  if (host === 'github.com') return 'https://api.github.com'
  if (host.endsWith('.ghe.com')) return `https://api.${host}`
  return `${serverUrl}/api/v3`
}

export function kindOf(eventName: string): EventKind {
  switch (eventName) {
    // A review runs like a pull_request: on the test merge commit (GITHUB_SHA, which holds the
    // pull request's edits), read-only from a fork. Only the pull request's base is trusted.
    case 'pull_request_review':
    case 'pull_request_review_comment':
      return 'pull_request'
    case 'pull_request':
    case 'pull_request_target':
    case 'workflow_run':
    case 'push':
    case 'merge_group':
      return eventName
    default:
      return 'other'
  }
}

function pullRequestFromEvent(payload: Json, repoFull: string): PullRequestRef | undefined {
  const pr = obj(payload.pull_request)
  const number = num(pr?.number) ?? num(payload.number)
  const head = obj(pr?.head)
  const baseBranch = obj(pr?.base)
  const headSha = str(head?.sha)
  if (!pr || number === undefined || !headSha) return undefined
  const headRepo = str(obj(head?.repo)?.full_name)
  const baseRepo = str(obj(baseBranch?.repo)?.full_name) ?? repoFull
  const author = str(obj(pr.user)?.login)
  const headRef = str(head?.ref)
  const baseSha = str(baseBranch?.sha)
  return {
    number,
    headSha,
    baseRef: str(baseBranch?.ref) ?? '',
    ...(baseSha ? { baseSha } : {}),
    ...(headRef ? { headRef } : {}),
    ...(headRepo ? { headRepo } : {}),
    // A deleted head repository (headRepo undefined) can only have been a fork.
    fromFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    ...(author ? { author } : {}),
    source: 'event',
  }
}

function triggeringRunFrom(payload: Json): TriggeringRun | undefined {
  const run = obj(payload.workflow_run)
  const id = num(run?.id)
  const headSha = str(run?.head_sha)
  if (!run || id === undefined || !headSha) return undefined
  const repoId = num(obj(payload.repository)?.id) ?? num(obj(run.repository)?.id)
  const pullRequests = (Array.isArray(run.pull_requests) ? run.pull_requests : [])
    .map((p: unknown) => obj(p))
    .filter((p): p is Json => p !== undefined)
    // GitHub lists PRs of any repository whose head matches; only ours may get a comment.
    .filter((p) => repoId === undefined || num(obj(obj(p.base)?.repo)?.id) === repoId)
    .flatMap((p) => {
      const number = num(p.number)
      const sha = str(obj(p.head)?.sha)
      if (number === undefined || !sha) return []
      const headRef = str(obj(p.head)?.ref)
      return [
        {
          number,
          headSha: sha,
          baseRef: str(obj(p.base)?.ref) ?? '',
          ...(headRef ? { headRef } : {}),
        },
      ]
    })
  const headBranch = str(run.head_branch)
  const headRepo = str(obj(run.head_repository)?.full_name)
  const conclusion = str(run.conclusion)
  const htmlUrl = str(run.html_url)
  return {
    id,
    attempt: num(run.run_attempt) ?? 1,
    event: str(run.event) ?? '',
    headSha,
    ...(headBranch ? { headBranch } : {}),
    ...(headRepo ? { headRepo } : {}),
    ...(conclusion ? { conclusion } : {}),
    ...(htmlUrl ? { htmlUrl } : {}),
    pullRequests,
  }
}

function pullRequestFromRun(run: TriggeringRun, repoFull: string): PullRequestRef | undefined {
  if (run.event !== 'pull_request' && run.event !== 'pull_request_target') return undefined
  const match = run.pullRequests.find((p) => p.headSha === run.headSha)
  if (!match) return undefined
  return {
    number: match.number,
    headSha: match.headSha,
    baseRef: match.baseRef,
    ...(match.headRef ? { headRef: match.headRef } : {}),
    ...(run.headRepo ? { headRepo: run.headRepo } : {}),
    fromFork: run.headRepo !== undefined && run.headRepo.toLowerCase() !== repoFull.toLowerCase(),
    source: 'workflow-run',
  }
}

function readPayload(env: Env, readEvent: (path: string) => string): Json {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  let text: string
  try {
    text = readEvent(path)
  } catch (error) {
    throw new ContextError(
      `cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${(error as Error).message}`,
    )
  }
  try {
    const value: unknown = JSON.parse(text)
    return obj(value) ?? {}
  } catch (error) {
    throw new ContextError(`the event payload at ${path} is not JSON: ${(error as Error).message}`)
  }
}

function required(env: Env, name: string): string {
  const value = env[name]
  if (!value) {
    throw new ContextError(
      `${name} is not set: run inside GitHub Actions, or set it for a local run`,
    )
  }
  return value
}

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ContextError(`${name} must be a whole number, got "${value}"`)
  }
  return n
}

/**
 * An http(s) URL from the environment, or undefined when unset. Anything else is a SettingError at
 * once: a bare "Invalid URL" names nothing, and an API URL that cannot be fetched was retried
 * like a network fault.
 */
function webUrl(env: Env, name: string): string | undefined {
  const value = env[name]
  if (!value) return undefined
  if (!httpUrl(value)) {
    const example = name === 'GITHUB_API_URL' ? 'https://api.github.com' : 'https://github.com'
    throw new SettingError(`${name} must be an http(s) URL such as ${example}, got "${value}"`)
  }
  return value
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined
}
