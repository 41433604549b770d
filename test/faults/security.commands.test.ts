// Text from the repository (file names above all) must not forge workflow commands in a GitHub
// Actions log, nor reach a terminal as escape sequences: the runner takes any line that starts,
// after blanks, with `::` as a command, and it splits lines at \r as well as \n. Real files with
// such names in real git repositories; the CLI and the action run as separate processes.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { pullRequestEvent, runAction } from '../action/harness.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const ACTION_SOURCE = fileURLToPath(new URL('../../src/index.ts', import.meta.url))

const FLAKY =
  "const http = require('node:http')\ntest('x', () => { http.createServer().listen(8080) })\n"

/** File names that forge a command, each hiding it in another way. */
const FORGED = [
  'a\n::error title=Forged::pwned\n.test.js',
  'b\r::add-mask::hunter2\r.test.js',
  '::stop-commands::tok.test.js',
  '  ::warning::indented.test.js',
  'c\x1b[2J\x1b]0;title\x07.test.js',
]

/** Lines the runner would read as workflow commands (it splits at \r and \n, trims blanks). */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line))
}

function repoWith(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-forged-'))
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    })
  git('init', '-q', '-b', 'main')
  for (const name of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), FLAKY)
  }
  git('add', '-A')
  git('commit', '-q', '-m', 'forged names')
  return dir
}

describe('bind-probe scan in a workflow step', () => {
  it('prints file names so that no line is a workflow command and no escape reaches the terminal', () => {
    const dir = repoWith(FORGED)
    const run = spawnSync(process.execPath, [CLI, 'scan', '--fail-on', 'warning'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
    expect(run.status, run.stderr).toBe(1)
    expect(run.stdout).toMatch(/5 findings/)
    expect(commandLines(run.stdout)).toEqual([])
    expect(run.stdout).not.toContain('\x1b')
    expect(run.stdout).not.toContain('\x07')
    // The names stay readable, their control characters shown as escapes.
    expect(run.stdout).toContain('a\\n')
    expect(run.stdout).toContain('title=Forged')
  })

  it('prints notes that name paths without forging commands', () => {
    const dir = repoWith(['ok.test.js'])
    const run = spawnSync(process.execPath, [CLI, 'scan', 'ok.test.js', 'x\n::error::gone'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
    expect(commandLines(run.stdout + run.stderr)).toEqual([])
  })
})

describe('the action’s log', () => {
  let api: GitHubStandIn
  beforeEach(async () => {
    api = new GitHubStandIn({
      tokens: { 'token-bot': { login: 'github-actions[bot]', canWrite: true } },
    })
    await api.start()
  })
  afterEach(() => api.stop())

  it('names files of a pull request without forging commands', async () => {
    // A checkout without git history: the changed lines come from the pull request's files API,
    // which gives no patch for large or binary files; the scan's note names them in the log.
    const workspace = mkdtempSync(join(tmpdir(), 'bind-probe-forged-'))
    const files = FORGED.map((filename) => ({ filename, status: 'modified' }))
    api.addPull({ number: 42, headSha: 'a'.repeat(40), headRef: 'feature' })
    api.pullFiles.set(42, files)
    const run = await runAction({
      inputs: {
        mode: 'all',
        'github-token': 'token-bot',
        only: 'udp4-dup-loopback-default',
        scan: 'changed',
      },
      env: {
        GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_API_URL: api.baseUrl,
        GITHUB_GRAPHQL_URL: `${api.baseUrl}/graphql`,
        GITHUB_SHA: 'f'.repeat(40),
        GITHUB_REF: 'refs/pull/42/merge',
      },
      event: pullRequestEvent({
        owner: api.owner,
        repo: api.repo,
        number: 42,
        baseSha: 'b'.repeat(40),
        headSha: 'a'.repeat(40),
        headRef: 'feature',
      }),
      workspace,
      entry: ACTION_SOURCE,
    })
    expect(run.stdout).toMatch(/gave no patch for 5 files/)
    // The action's own commands (::warning::, ::debug::) stay; none may come from a file name.
    expect(commandLines(run.stdout).join('\n')).not.toMatch(
      /Forged|add-mask|stop-commands|indented/,
    )
    expect(run.stdout).not.toContain('\x1b')
    expect(run.stdout).not.toContain('\x07')
  })
})
