// Runs `git diff` against the merge base of a base ref, where the checkout has the history.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { parseUnifiedDiff, type LineSet } from './diff.ts'

const run = promisify(execFile)
const MAX_DIFF_BYTES = 256 * 1024 * 1024

export class GitDiffError extends Error {
  override name = 'GitDiffError'
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    maxBuffer: MAX_DIFF_BYTES,
    encoding: 'utf8',
  })
  return stdout
}

/**
 * Why git gave no top level for `cwd`, in words that say what to do. In `container:` jobs the
 * checkout often belongs to another user, and git then refuses it as "dubious ownership".
 */
export function whyNoCheckout(cwd: string, error: unknown): string {
  const { code, stderr } = error as { code?: unknown; stderr?: unknown }
  if (code === 'ENOENT') {
    return 'git is not installed (or not on PATH), so the changed lines cannot be found; install git or scan everything'
  }
  const said = typeof stderr === 'string' ? stderr.trim() : ''
  if (/dubious ownership/.test(said)) {
    const top = /git config --global --add safe\.directory (\S+)/.exec(said)?.[1] ?? cwd
    return (
      `git refuses the repository at ${top} because another user owns it ("dubious ownership", ` +
      `common in container jobs); run \`git config --global --add safe.directory ${top}\` first`
    )
  }
  const first = said.split('\n')[0]
  return `${cwd} is not inside a git checkout${first ? ` (git said: ${first})` : ''}, so --diff-base cannot be used`
}

/**
 * Lines added or changed since the merge base of `base` and HEAD, including uncommitted edits
 * (and, with `untracked`, new files git does not track yet, whole), with paths relative to the
 * repository's top level (returned as `root`).
 */
export async function gitChangedLines(
  cwd: string,
  base: string,
  options: { untracked?: boolean } = {},
): Promise<{ root: string; changes: Map<string, LineSet> }> {
  let root: string
  try {
    root = (await git(cwd, ['rev-parse', '--show-toplevel'])).trim()
  } catch (error) {
    throw new GitDiffError(whyNoCheckout(cwd, error))
  }
  try {
    await git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`])
  } catch {
    throw new GitDiffError(
      `base ref "${base}" is not in this checkout; fetch it (actions/checkout with fetch-depth: 0, or git fetch origin ${base})`,
    )
  }
  let mergeBase: string
  try {
    mergeBase = (await git(root, ['merge-base', base, 'HEAD'])).trim()
  } catch {
    throw new GitDiffError(
      `"${base}" and HEAD share no history in this checkout (a shallow clone?); fetch more history (fetch-depth: 0)`,
    )
  }
  // Explicit prefixes: diff.noprefix, diff.mnemonicPrefix or a custom prefix in the user's config
  // would otherwise change the paths the parser reads.
  const diff = await git(root, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--unified=0',
    '-M',
    '--diff-filter=d',
    mergeBase,
  ])
  const changes: Map<string, LineSet> = parseUnifiedDiff(diff)
  if (options.untracked) {
    // New files not yet added: every line of them is new.
    const others = await git(root, ['ls-files', '--others', '--exclude-standard', '-z'])
    for (const path of others.split('\0')) if (path) changes.set(path, 'all')
  }
  return { root, changes }
}
