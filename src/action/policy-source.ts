// Where the policy and the custom templates come from. A pull request must not loosen its own
// gate, so with a token they are read through the API at a commit the pull request cannot
// change: its base on a pull request (the checkout holds the pull request's code), the queue's
// base in a merge queue, the reported commit on a push or a workflow_run. Only when the trusted
// copy itself says `read-policy-from: pull-request` are they read at the pull request's head.
// Without a token they are read from git at that same commit (fetched if the checkout lacks it);
// only outside a pull request or a merge queue (a laptop, a push) is the checkout itself trusted.
//
// The legs read the same trusted copy: its scan settings and custom scenarios are part of the
// gate too (an ignore-everything pattern, a redefined required scenario).
import { readFile } from 'node:fs/promises'
import { DEFAULT_CONFIG, loadConfig, type Config } from '../config/index.ts'
import type { GitHubApi, NetworkBudget, RunContext } from '../github/index.ts'
import { refusalOf } from '../github/index.ts'
import { gitFetch, gitOut } from './changed-lines.ts'
import type { ReportPolicy } from '../github/publish-report.ts'
import { PathError, outsideRepository, repositoryPath, resolveInside } from './workspace-path.ts'

export interface PolicySource extends ReportPolicy {
  /** Where they were read, in words, for the log and the summary. */
  from: string
  /** Templates that could not be read: the built-in ones stand in. */
  warnings: string[]
}

export interface PolicyRequest {
  path: string
  /** Named by the user (the config input): a missing file is then a problem, not the defaults. */
  required?: boolean
  /** A comment template named by the action's input, which wins over the policy's. */
  commentTemplatePath?: string
  /** Read the templates too (a report needs them; a leg does not). Default true. */
  templates?: boolean
  workspace: string
  context?: RunContext
  api?: GitHubApi
  /** Bounds the git fetch of the trusted commit. */
  network?: NetworkBudget
}

type Reader = (path: string) => Promise<string | undefined>

export async function readPolicy(request: PolicyRequest): Promise<PolicySource> {
  const { context, api } = request
  let read: Reader
  let from: string
  if (context && api) {
    const trusted = trustedRef(context)
    read = (path) => fromRef(api, context, path, trusted.ref)
    from = `${request.path} at ${trusted.what}`
  } else if (context && (context.pullRequest || context.kind === 'merge_group')) {
    // No token, yet the checkout holds code the gate is about: read the trusted commit from git.
    const trusted = trustedRef(context)
    read = (path) => fromGit(request.workspace, trusted.ref, path, request.network)
    from = `${request.path} at ${trusted.what} (from git: no github-token)`
  } else {
    read = (path) => fromCheckout(request.workspace, path)
    from = request.path
  }

  read = confined(read)
  let loaded = await load(read, request.path, from, request.required ?? false)
  const pr = context?.pullRequest
  if (!loaded.problem && pr && api && loaded.config.readPolicyFrom === 'pull-request') {
    read = confined((path) => fromRef(api, context!, path, pr.headSha))
    from = `${request.path} at the pull request's head (the base branch's policy allows it)`
    loaded = await load(read, request.path, from, request.required ?? false)
  }

  const warnings: string[] = []
  const template = async (path: string | undefined) => {
    if (!path) return undefined
    try {
      const source = await read(path)
      if (source !== undefined) return { name: path, source }
      warnings.push(`template ${path} was not found; the built-in one is used`)
    } catch (error) {
      warnings.push(
        error instanceof PathError
          ? `template ${path} ${error.reason}; the built-in one is used`
          : `template ${path} could not be read (${message(error)}); the built-in one is used`,
      )
    }
    return undefined
  }
  const wanted = request.templates ?? true
  const commentTemplate = wanted
    ? await template(request.commentTemplatePath ?? loaded.config.comment.template)
    : undefined
  const summaryTemplate = wanted ? await template(loaded.config.summary.template) : undefined
  return {
    ...loaded,
    from,
    ...(commentTemplate ? { commentTemplate } : {}),
    ...(summaryTemplate ? { summaryTemplate } : {}),
    warnings,
  }
}

/**
 * Every path read is one inside the repository, whatever reads it: the policy's own template
 * paths are repository content too, and git and the API get no `..` to resolve.
 */
function confined(read: Reader): Reader {
  return (path) => {
    const inside = repositoryPath(path)
    return inside === undefined ? Promise.reject(outsideRepository(path)) : read(inside)
  }
}

/** The commit whose policy governs this run, and how to name it. */
function trustedRef(context: RunContext): { ref: string; what: string } {
  const pr = context.pullRequest
  if (pr) return { ref: pr.baseSha ?? pr.baseRef, what: `the base branch (${pr.baseRef})` }
  if (context.kind === 'merge_group' && context.baseSha) {
    return { ref: context.baseSha, what: `the merge queue's base (${context.baseSha.slice(0, 7)})` }
  }
  return { ref: context.sha, what: `${context.sha.slice(0, 7)}` }
}

async function load(
  read: Reader,
  path: string,
  from: string,
  required: boolean,
): Promise<{ config: Config; problem?: string }> {
  let text: string | undefined
  try {
    text = await read(path)
  } catch (error) {
    // Without its policy the gate cannot be trusted: the check fails with this as its reason.
    return {
      config: { ...DEFAULT_CONFIG },
      problem: `${from} could not be read: ${message(error)}`,
    }
  }
  if (text === undefined) {
    // A path the user named that is not there (a typo, .yaml for .yml) must not pass on defaults.
    return required
      ? {
          config: { ...DEFAULT_CONFIG },
          problem: `${from} was not found (the config input names it)`,
        }
      : { config: { ...DEFAULT_CONFIG } }
  }
  try {
    return { config: loadConfig(text, from) }
  } catch (error) {
    return { config: { ...DEFAULT_CONFIG }, problem: message(error) }
  }
}

/** A file of the checkout, never one a symbolic link in it leads to outside the workspace. */
async function fromCheckout(workspace: string, path: string): Promise<string | undefined> {
  try {
    const real = await resolveInside(path, workspace, [{ dir: workspace, name: 'workspace' }])
    return await readFile(real, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** A file at a commit, through the contents API; undefined when it does not exist there. */
async function fromRef(api: GitHubApi, context: RunContext, path: string, ref: string) {
  try {
    const { data } = await api.rest.repos.getContent({
      owner: context.repo.owner,
      repo: context.repo.repo,
      path,
      ref,
      mediaType: { format: 'raw' },
    })
    return data as unknown as string
  } catch (error) {
    if (refusalOf(error)?.kind === 'not-found') return undefined
    throw error
  }
}

function message(error: unknown): string {
  if (error instanceof PathError) return `it ${error.reason}`
  return refusalOf(error)?.message ?? (error instanceof Error ? error.message : String(error))
}

/**
 * A file at a commit, through git in the checkout: undefined when the commit has no such file, an
 * error when the commit itself cannot be had (then the policy is unusable and the gate fails).
 */
async function fromGit(
  workspace: string,
  ref: string,
  path: string,
  network: NetworkBudget | undefined,
): Promise<string | undefined> {
  const commit = `${ref}^{commit}`
  if ((await gitOut(workspace, ['cat-file', '-e', commit])) === undefined) {
    await gitFetch(workspace, ['--no-tags', '--quiet', '--depth=1', 'origin', ref], network)
    if ((await gitOut(workspace, ['cat-file', '-e', commit])) === undefined) {
      const late = network?.expired ? " (bind-probe's network deadline had passed)" : ''
      throw new Error(`git cannot find commit ${ref} in the checkout, nor fetch it${late}`)
    }
  }
  if ((await gitOut(workspace, ['cat-file', '-e', `${ref}:${path}`])) === undefined)
    return undefined
  const text = await gitOut(workspace, ['show', `${ref}:${path}`], { trim: false })
  if (text === undefined) throw new Error(`git could not show ${path} at ${ref}`)
  return text
}
