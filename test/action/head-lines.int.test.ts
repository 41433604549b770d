// Findings at the pull request head's lines: actions/checkout checks out GitHub's test merge
// commit, so once the base branch has grown above a finding, the merge commit's line numbers are
// wrong where the check and the comment's links point (the head commit).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mapLine, parseFileDiff } from '../../src/action/head-lines.ts'
import { readInputs } from '../../src/action/inputs.ts'
import { runLeg } from '../../src/action/leg.ts'
import { DEFAULT_CONFIG } from '../../src/config/index.ts'
import { createOctokit, type GitHubApi } from '../../src/github/index.ts'
import type { Finding } from '../../src/scan/index.ts'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { recordingLogger } from '../github/support/logger.ts'
import {
  git,
  originOf,
  pullRequestContext as context,
  shallowMergeCheckout,
  type Origin,
} from './pull-request-repo.ts'

const TEST_FILE = 'tests/test_server.py'
const BEFORE = 'import socket\n\n\ndef test_server():\n    pass\n'
const AFTER =
  'import socket\n\n\ndef test_server():\n    s = socket.socket()\n    s.bind(("127.0.0.1", 8080))\n'

/**
 * A pull request adds a fixed-port bind on line 6 of a test, and main then adds four lines at the
 * top of the same file, so the bind is on line 10 of the test merge commit.
 */
function origin() {
  return originOf(
    { [TEST_FILE]: BEFORE },
    { [TEST_FILE]: AFTER },
    { [TEST_FILE]: `"""Server tests."""\n# one\n# two\n# three\n${BEFORE}` },
  )
}

let stand: GitHubStandIn | undefined
afterEach(async () => {
  await stand?.stop()
  stand = undefined
})

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

/** runLeg on the shallow merge checkout of `o`, findings as path:line at the head and in SARIF. */
async function legAt(o: Origin, scope: string, api?: GitHubApi) {
  const work = shallowMergeCheckout(o)
  const leg = await runLeg({
    inputs: readInputs((name) => ({ scan: scope, only: 'udp4-dup-loopback-default' })[name] ?? ''),
    config: DEFAULT_CONFIG,
    workspace: work,
    context: context(o),
    ...(api ? { api } : {}),
    logger: recordingLogger(),
  })
  const at = (findings: Finding[] = []) => findings.map((f) => `${f.path}:${f.line}`)
  return {
    head: at(leg.scan?.findings),
    sarif: at(leg.sarifFindings),
    notes: leg.scan?.notes ?? [],
  }
}

const js = (port: number) =>
  `const http = require('node:http')\n\ntest('serves', () => {\n  http.createServer().listen(${port})\n})\n`

describe('findings at the head commit, when the base branch changed the file too', () => {
  it('keeps a finding on a line the base only rewrote (line endings) at its place', async () => {
    const crlf = js(8125).replace(/\n/g, '\r\n')
    const o = originOf(
      { 'test/server.test.js': crlf },
      { 'test/server.test.js': `${crlf}// the pull request's line\r\n` },
      { 'test/server.test.js': `${js(8125)}`.replace(/\n$/, '\r\n') },
    )
    const { head, sarif, notes } = await legAt(o, 'all')
    expect(head).toEqual(['test/server.test.js:4'])
    expect(sarif).toEqual(['test/server.test.js:4'])
    expect(notes.join(' ')).toMatch(/1 finding is on lines the base branch rewrote/)
  })

  it('reads a path like [id].test.js literally, not as a pattern matching i.test.js', async () => {
    const o = originOf(
      { 'test/[id].test.js': js(0), 'test/i.test.js': js(0) },
      { 'test/[id].test.js': js(8125) },
      { 'test/i.test.js': `// one\n// two\n// three\n${js(0)}` },
    )
    const { head, sarif } = await legAt(o, 'changed')
    expect(head).toEqual(['test/[id].test.js:4'])
    expect(sarif).toEqual(['test/[id].test.js:4'])
  })

  it('leaves a finding in a file only the base branch has at its line, and says why', async () => {
    const o = originOf(
      { 'README.md': 'a project\n' },
      { 'README.md': 'a project, with a pull request\n' },
      { 'test/later.test.js': js(9000) },
    )
    const { head, notes } = await legAt(o, 'all')
    expect(head).toEqual(['test/later.test.js:4'])
    expect(notes.join(' ')).toMatch(
      /1 finding keeps the lines of the checked-out commit .*only on the base branch/,
    )
  })

  /** A leg on the merge commit alone, where only the files API can tell the changed lines. */
  async function filesApiLeg(o: Origin, headFetched: boolean) {
    stand = new GitHubStandIn()
    await stand.start()
    stand.addPull({ number: 1, headSha: o.headSha })
    stand.pullFiles.set(1, [
      {
        filename: TEST_FILE,
        status: 'modified',
        patch:
          '@@ -5 +5,2 @@\n-    pass\n+    s = socket.socket()\n+    s.bind(("127.0.0.1", 8080))',
      },
    ])
    const api = createOctokit({
      token: 'token-bot',
      baseUrl: stand.baseUrl,
      logger: recordingLogger(),
    })
    const ctx = { ...context(o), repo: { owner: stand.owner, repo: stand.repo } }
    const work = shallowMergeCheckout(o)
    if (headFetched) git(work, 'fetch', '-q', '--depth=1', `file://${o.dir}`, o.headSha)
    // Nothing more can be fetched: not the base, and not the head when it was not fetched above.
    git(work, 'remote', 'set-url', 'origin', 'file:///nonexistent')
    const leg = await runLeg({
      inputs: readInputs((name) => ({ only: 'udp4-dup-loopback-default' })[name] ?? ''),
      config: DEFAULT_CONFIG,
      workspace: work,
      context: { ...ctx, pullRequest: { ...ctx.pullRequest!, baseSha: 'f'.repeat(40) } },
      api,
      logger: recordingLogger(),
    })
    const at = (findings: Finding[] = []) => findings.map((f) => `${f.path}:${f.line}`)
    return {
      head: at(leg.scan?.findings),
      sarif: at(leg.sarifFindings),
      notes: leg.scan?.notes ?? [],
    }
  }

  it("filters on the files API's head lines after moving the findings there", async () => {
    const { head, sarif } = await filesApiLeg(origin(), true)
    expect(head).toEqual([`${TEST_FILE}:6`])
    expect(sarif).toEqual([`${TEST_FILE}:10`])
  })

  it('keeps, and says so, a finding it cannot place at the head, rather than drop it', async () => {
    const { head, notes } = await filesApiLeg(origin(), false)
    expect(head).toEqual([`${TEST_FILE}:10`])
    expect(notes.join(' ')).toMatch(/1 finding keeps the lines of the checked-out commit/)
  })

  it('follows a file the base branch renamed to its name at the head', async () => {
    const o = originOf(
      { 'test/old.test.js': js(0) },
      { 'test/old.test.js': js(8125) },
      { 'test/old.test.js': null, 'test/renamed.test.js': `// one\n// two\n${js(0)}` },
    )
    const { head, sarif } = await legAt(o, 'changed')
    expect(head).toEqual(['test/old.test.js:4'])
    expect(sarif).toEqual(['test/renamed.test.js:6'])
  })
})

describe('mapLine', () => {
  // Old lines 1–10; new: 2 inserted after 1, old 4–5 replaced by 1 line, old 8 deleted.
  const { hunks } = parseFileDiff(['@@ -1,0 +2,2 @@', '@@ -4,2 +6 @@', '@@ -8 +8,0 @@'].join('\n'))
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
