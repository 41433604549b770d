// Real git repositories shaped like a pull request on GitHub: an origin with main, a feature
// branch and the test merge ref `refs/pull/1/merge`, the shallow checkout actions/checkout makes of
// it, and the RunContext the action would see.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { RunContext } from '../../src/github/index.ts'
import type { GitHubStandIn } from '../github/stand-in/github-api.ts'

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
}

export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()

/** Files to write, by path; null removes one. */
export type Files = Record<string, string | null>

export interface Origin {
  dir: string
  baseSha: string
  headSha: string
  mergeSha: string
}

/**
 * An origin: `base` on main, `pr` on a feature branch, then `later` on main (when given), and
 * GitHub's test merge of the two under refs/pull/1/merge. Main is left at the base of the merge.
 */
export function originOf(base: Files, pr: Files, later: Files = {}): Origin {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-origin-'))
  const commit = (files: Files, message: string) => {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) {
        rmSync(join(dir, path))
        continue
      }
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', message)
  }
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  git(dir, 'config', 'core.autocrlf', 'false')
  commit(base, 'base')
  git(dir, 'checkout', '-q', '-b', 'feature')
  commit(pr, 'the pull request')
  const headSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-q', 'main')
  if (Object.keys(later).length) commit(later, 'main moves on')
  const baseSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'feature')
  const mergeSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'update-ref', 'refs/pull/1/merge', mergeSha)
  git(dir, 'reset', '-q', '--hard', baseSha)
  return { dir, baseSha, headSha, mergeSha }
}

/** What actions/checkout does by default on pull_request: the merge commit alone, depth 1. */
export function shallowMergeCheckout(o: Origin): string {
  const work = mkdtempSync(join(tmpdir(), 'bind-probe-work-'))
  git(work, 'init', '-q')
  git(work, 'remote', 'add', 'origin', `file://${o.dir}`)
  git(work, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', 'refs/pull/1/merge')
  git(work, 'checkout', '-q', 'FETCH_HEAD')
  return work
}

/** The context of a pull_request run on pull request #1 of `o`. */
export function pullRequestContext(o: Origin, api?: GitHubStandIn): RunContext {
  return {
    eventName: 'pull_request',
    kind: 'pull_request',
    repo: { owner: api?.owner ?? 'o', repo: api?.repo ?? 'r' },
    sha: o.mergeSha,
    headSha: o.headSha,
    runId: 1,
    runAttempt: 1,
    serverUrl: 'https://github.com',
    apiUrl: api?.baseUrl ?? 'https://api.github.com',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    pullRequest: {
      number: 1,
      headSha: o.headSha,
      baseRef: 'main',
      baseSha: o.baseSha,
      fromFork: false,
      source: 'event',
    },
  }
}
