// Which lines a pull request changed, from real git checkouts: full history, the shallow test
// merge commit actions/checkout makes by default, and the files API when git cannot tell.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { changedLines } from '../../src/action/changed-lines.ts'
import { createOctokit } from '../../src/github/index.ts'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { recordingLogger } from '../github/support/logger.ts'
import {
  git,
  originOf,
  pullRequestContext as context,
  shallowMergeCheckout,
} from './pull-request-repo.ts'

/** Main, a feature branch that adds line 3 of a.txt and b.txt, and GitHub's test merge ref. */
const origin = () =>
  originOf({ 'a.txt': 'one\ntwo\n' }, { 'a.txt': 'one\ntwo\nthree\n', 'b.txt': 'new\n' })

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
    const work = shallowMergeCheckout(o)
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
