// Which lines a pull request adds or changes, for the diff-aware scan: from `git diff` against the
// base where the checkout has the history, else from the pull request's files API (which stops at
// 3,000 files and leaves out the patches of large files; the scan's notes say so).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { GitHubApi, Logger, NetworkBudget, RunContext } from '../github/index.ts'
import { refusalOf } from '../github/index.ts'
import { GitDiffError, changesFromPrFiles, gitChangedLines } from '../scan/index.ts'
import type { ChangedLines, PrFile } from '../scan/index.ts'

const run = promisify(execFile)

export interface ChangedLinesResult {
  /** Absent when they could not be told: then nothing is scanned. */
  changes?: ChangedLines
  /** The checkout's top level, when git told it (paths in `changes` are relative to it). */
  root?: string
  notes: string[]
  how: 'git' | 'files-api' | 'none'
}

async function tryGit(workspace: string, base: string, logger: Logger) {
  try {
    return await gitChangedLines(workspace, base)
  } catch (error) {
    if (!(error instanceof GitDiffError)) throw error
    // A git that is missing or refuses the checkout is the user's to fix: say so where it shows.
    if (/not installed|dubious ownership/.test(error.message)) logger.warning(error.message)
    else logger.debug(`git diff against ${base}: ${error.message}`)
    return undefined
  }
}

/** A git command's output (trimmed unless asked not to), or undefined when it fails. */
export async function gitOut(
  cwd: string,
  args: string[],
  { trim = true, signal }: { trim?: boolean; signal?: AbortSignal } = {},
): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      ...(signal ? { signal } : {}),
      maxBuffer: 64 * 1024 * 1024,
    })
    return trim ? stdout.trim() : stdout
  } catch {
    return undefined
  }
}

/**
 * `git fetch ARGS…` within the run's network budget (a remote that stalls is given up with the
 * rest of the network); undefined when it fails, as with gitOut.
 */
export async function gitFetch(
  cwd: string,
  args: string[],
  network: NetworkBudget | undefined,
): Promise<string | undefined> {
  const command = ['fetch', ...args]
  if (!network) return gitOut(cwd, command)
  try {
    return await network.within(`git fetch of ${args.at(-1)}`, (signal) =>
      gitOut(cwd, command, { signal }),
    )
  } catch {
    return undefined
  }
}

export async function changedLines(
  workspace: string,
  context: RunContext,
  api: GitHubApi | undefined,
  logger: Logger,
  network?: NetworkBudget,
): Promise<ChangedLinesResult> {
  const pr = context.pullRequest
  if (!pr) {
    return {
      notes: [
        `a ${context.eventName} event has no pull request, so no lines are new; use scan: all`,
      ],
      how: 'none',
    }
  }
  const notes: string[] = []
  for (const base of [pr.baseSha, `origin/${pr.baseRef}`].filter(Boolean) as string[]) {
    const found = await tryGit(workspace, base, logger)
    if (found) return { ...found, notes, how: 'git' }
  }
  // actions/checkout's default for pull requests: the test merge commit alone (depth 1). Its
  // first parent is the base branch, so one more commit of history is enough to diff.
  if ((await gitOut(workspace, ['rev-parse', 'HEAD'])) === context.sha) {
    await gitFetch(workspace, ['--no-tags', '--quiet', '--depth=2', 'origin', context.sha], network)
    const found = await tryGit(workspace, `${context.sha}^1`, logger)
    if (found) return { ...found, notes, how: 'git' }
  }
  if (!api) {
    return {
      notes: ['the checkout lacks the base commit and there is no token for the files API'],
      how: 'none',
    }
  }
  let files: PrFile[]
  try {
    files = await api.paginate(api.rest.pulls.listFiles, {
      owner: context.repo.owner,
      repo: context.repo.repo,
      pull_number: pr.number,
      per_page: 100,
    })
  } catch (error) {
    const refusal = refusalOf(error)
    if (!refusal) throw error
    return {
      notes: [
        `the pull request's files could not be read (${refusal.message}): nothing was scanned`,
      ],
      how: 'none',
    }
  }
  const fromApi = changesFromPrFiles(files)
  return { changes: fromApi.changes, notes: [...notes, ...fromApi.notes], how: 'files-api' }
}

/**
 * The commit checked out in `cwd`, with `head` fetched beside it when it differs (a shallow test
 * merge checkout lacks it), or undefined when git cannot say.
 */
export async function checkedOut(
  cwd: string,
  head: string,
  network?: NetworkBudget,
): Promise<string | undefined> {
  const checkout = await gitOut(cwd, ['rev-parse', 'HEAD'])
  if (!checkout || checkout === head) return checkout
  if ((await gitOut(cwd, ['cat-file', '-e', `${head}^{commit}`])) === undefined) {
    await gitFetch(cwd, ['--no-tags', '--quiet', '--depth=1', 'origin', head], network)
  }
  return checkout
}
