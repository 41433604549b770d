// Which lines a pull request changed, from real git checkouts: full history, the shallow test
// merge commit actions/checkout makes by default, and the files API when git cannot tell.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { changedLines } from '../../src/action/changed-lines.ts'
import { createOctokit, type RunContext } from '../../src/github/index.ts'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { recordingLogger } from '../github/support/logger.ts'

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()

/** An origin with main, a feature branch, and GitHub's test merge ref for pull request #1. */
function origin() {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-origin-'))
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  writeFileSync(join(dir, 'a.txt'), 'one\ntwo\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'base')
  const baseSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-q', '-b', 'feature')
  writeFileSync(join(dir, 'a.txt'), 'one\ntwo\nthree\n')
  writeFileSync(join(dir, 'b.txt'), 'new\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'feature')
  const headSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-q', 'main')
  git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'feature')
  const mergeSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'update-ref', 'refs/pull/1/merge', mergeSha)
  git(dir, 'reset', '-q', '--hard', baseSha)
  return { dir, baseSha, headSha, mergeSha }
}

function context(o: ReturnType<typeof origin>, api?: GitHubStandIn): RunContext {
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

let stand: GitHubStandIn | undefined
afterEach(async () => {
  await stand?.stop()
  stand = undefined
})

describe('changedLines', () => {
  it('reads them from git when the checkout has the base', async () => {
    const o = origin()
    const work = mkdtempSync(join(tmpdir(), 'bind-probe-work-'))
    git(work, 'clone', '-q', o.dir, '.')
    git(work, 'checkout', '-q', 'origin/feature')
    const found = await changedLines(work, context(o), undefined, recordingLogger())
    expect(found.how).toBe('git')
    expect(found.changes).toEqual(
      new Map([
        ['a.txt', new Set([3])],
        ['b.txt', new Set([1])],
      ]),
    )
  })

  it('deepens the shallow test merge commit actions/checkout makes by one commit, and diffs', async () => {
    const o = origin()
    const work = mkdtempSync(join(tmpdir(), 'bind-probe-work-'))
    git(work, 'init', '-q')
    git(work, 'remote', 'add', 'origin', `file://${o.dir}`)
    git(work, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', 'refs/pull/1/merge')
    git(work, 'checkout', '-q', 'FETCH_HEAD')
    const found = await changedLines(work, context(o), undefined, recordingLogger())
    expect(found.how).toBe('git')
    expect(found.changes).toEqual(
      new Map([
        ['a.txt', new Set([3])],
        ['b.txt', new Set([1])],
      ]),
    )
  })

  it('falls back to the files API when git cannot tell', async () => {
    const o = origin()
    const notGit = mkdtempSync(join(tmpdir(), 'bind-probe-plain-'))
    stand = new GitHubStandIn()
    await stand.start()
    stand.addPull({ number: 1, headSha: o.headSha })
    stand.pullFiles.set(1, [
      { filename: 'a.txt', status: 'modified', patch: '@@ -1,2 +1,3 @@\n one\n two\n+three' },
      { filename: 'big.bin', status: 'modified' },
    ])
    const api = createOctokit({
      token: 'token-bot',
      baseUrl: stand.baseUrl,
      logger: recordingLogger(),
    })
    const found = await changedLines(notGit, context(o, stand), api, recordingLogger())
    expect(found.how).toBe('files-api')
    expect(found.changes).toEqual(
      new Map<string, unknown>([
        ['a.txt', new Set([3])],
        ['big.bin', 'all'],
      ]),
    )
    expect(found.notes.join(' ')).toMatch(/gave no patch for 1 file .*big\.bin/)
  })

  it('says why nothing is scanned without git or a token', async () => {
    const o = origin()
    const found = await changedLines(
      mkdtempSync(join(tmpdir(), 'x-')),
      context(o),
      undefined,
      recordingLogger(),
    )
    expect(found).toMatchObject({ how: 'none' })
    expect(found.notes[0]).toMatch(/lacks the base commit and there is no token/)
  })
})
