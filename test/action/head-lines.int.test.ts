// Findings at the pull request head's lines: actions/checkout checks out GitHub's test merge
// commit, so once the base branch has grown above a finding, the merge commit's line numbers are
// wrong where the check and the comment's links point (the head commit).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mapLine, parseHunks } from '../../src/action/head-lines.ts'
import { readInputs } from '../../src/action/inputs.ts'
import { runLeg } from '../../src/action/leg.ts'
import { DEFAULT_CONFIG } from '../../src/config/index.ts'
import type { RunContext } from '../../src/github/index.ts'
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
const write = (dir: string, path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

const TEST_FILE = 'tests/test_server.py'
const BEFORE = 'import socket\n\n\ndef test_server():\n    pass\n'
const AFTER =
  'import socket\n\n\ndef test_server():\n    s = socket.socket()\n    s.bind(("127.0.0.1", 8080))\n'

/**
 * An origin where a pull request adds a fixed-port bind on line 6 of a test, and main then adds
 * four lines at the top of the same file, so the bind is on line 10 of the test merge commit.
 */
function origin() {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-origin-'))
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true')
  write(dir, TEST_FILE, BEFORE)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'base')
  git(dir, 'checkout', '-q', '-b', 'feature')
  write(dir, TEST_FILE, AFTER)
  git(dir, 'commit', '-q', '-am', 'bind a fixed port')
  const headSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'checkout', '-q', 'main')
  write(dir, TEST_FILE, `"""Server tests."""\n# one\n# two\n# three\n${BEFORE}`)
  git(dir, 'commit', '-q', '-am', 'a docstring on main')
  const baseSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'merge', '-q', '--no-ff', '--no-edit', 'feature')
  const mergeSha = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'update-ref', 'refs/pull/1/merge', mergeSha)
  git(dir, 'reset', '-q', '--hard', baseSha)
  return { dir, baseSha, headSha, mergeSha }
}

/** What actions/checkout does by default on pull_request: the merge commit alone, depth 1. */
function shallowMergeCheckout(o: ReturnType<typeof origin>) {
  const work = mkdtempSync(join(tmpdir(), 'bind-probe-work-'))
  git(work, 'init', '-q')
  git(work, 'remote', 'add', 'origin', `file://${o.dir}`)
  git(work, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', 'refs/pull/1/merge')
  git(work, 'checkout', '-q', 'FETCH_HEAD')
  return work
}

function context(o: ReturnType<typeof origin>): RunContext {
  return {
    eventName: 'pull_request',
    kind: 'pull_request',
    repo: { owner: 'o', repo: 'r' },
    sha: o.mergeSha,
    headSha: o.headSha,
    runId: 1,
    runAttempt: 1,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
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

describe('findings at the head commit', () => {
  it.each(['changed', 'all'])(
    'scan: %s on the shallow test merge checkout reports the head line, SARIF keeps the merge line',
    async (scope) => {
      const o = origin()
      const work = shallowMergeCheckout(o)
      const leg = await runLeg({
        inputs: readInputs(
          (name) => ({ scan: scope, only: 'udp4-dup-loopback-default' })[name] ?? '',
        ),
        config: DEFAULT_CONFIG,
        workspace: work,
        context: context(o),
        logger: recordingLogger(),
      })
      const at = (findings: { rule: string; path: string; line: number }[] = []) =>
        findings.filter((f) => f.rule === 'PORT001').map((f) => `${f.path}:${f.line}`)
      expect(at(leg.scan?.findings)).toEqual([`${TEST_FILE}:6`])
      expect(at(leg.sarifFindings)).toEqual([`${TEST_FILE}:10`])
    },
  )

  it('leaves the lines alone when the head itself is checked out', async () => {
    const o = origin()
    const work = mkdtempSync(join(tmpdir(), 'bind-probe-work-'))
    git(work, 'clone', '-q', o.dir, '.')
    git(work, 'checkout', '-q', o.headSha)
    const leg = await runLeg({
      inputs: readInputs((name) => ({ only: 'udp4-dup-loopback-default' })[name] ?? ''),
      config: DEFAULT_CONFIG,
      workspace: work,
      context: context(o),
      logger: recordingLogger(),
    })
    expect(leg.scan?.findings.map((f) => f.line)).toEqual([6])
    expect(leg.sarifFindings?.map((f) => f.line)).toEqual([6])
  })
})

describe('mapLine', () => {
  // Old lines 1–10; new: 2 inserted after 1, old 4–5 replaced by 1 line, old 8 deleted.
  const hunks = parseHunks(['@@ -1,0 +2,2 @@', '@@ -4,2 +6 @@', '@@ -8 +8,0 @@'].join('\n'))
  it.each([
    [1, 1, true],
    [2, 4, true],
    [3, 5, true],
    [4, 6, false],
    [5, 6, false],
    [6, 7, true],
    [7, 8, true],
    [8, 8, false],
    [9, 9, true],
    [10, 10, true],
  ])('old line %i is new line %i (exact: %s)', (line, expected, exact) => {
    expect(mapLine(hunks, line)).toEqual({ line: expected, exact })
  })
})
