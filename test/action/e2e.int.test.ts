// The bundled action end to end, run the way the runner runs it (see harness.ts), against a local
// stand-in of GitHub's API on loopback. Everything but GitHub is real: the probe's sockets, the
// scan of a real git checkout, the artifact hand-over between legs (through a directory), and the
// HTTP requests the action makes.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/probe/model.ts'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { sarifValidator } from '../helpers/sarif-schema.ts'
import { ACTION, makeCheckout, pullRequestEvent, runAction, workflowRunEvent } from './harness.ts'

const PLATFORM = `linux-${process.arch}`
const ONLY =
  'tcp4-reuseaddr-both-dup-wildcard-nolisten,udp4-dup-loopback-default,node-udp-dup-default'

const BASE_POLICY = `platforms: [${PLATFORM}]
mode: enforce
fail-on:
  findings: warning
`
/** What the pull request would like its gate to be: it must not get its way. */
const LOOSER_POLICY = `mode: warn
fail-on:
  findings: never
`
const FLAKY_TEST = `const http = require('node:http')

test('serves', (done) => {
  const server = http.createServer()
  server.listen(8080, () => server.close(done))
})
`

let api: GitHubStandIn
beforeEach(async () => {
  api = new GitHubStandIn({
    tokens: {
      'token-bot': { login: 'github-actions[bot]', canWrite: true },
      'token-fork': { login: 'github-actions[bot]', canWrite: false },
    },
    latency: 5,
  })
  await api.start()
})
afterEach(async () => {
  await api.stop()
})

function githubEnv(token = 'token-bot') {
  return {
    env: {
      GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_API_URL: api.baseUrl,
      GITHUB_GRAPHQL_URL: `${api.baseUrl}/graphql`,
      GITHUB_SHA: 'f'.repeat(40), // the test merge commit
      GITHUB_REF: 'refs/pull/42/merge',
    },
    token,
  }
}

describe.runIf(existsSync(ACTION))('the bundled action on a pull request', () => {
  it('`all`: probes, scans the new lines, and posts one comment and a failing check from the base policy', async () => {
    const checkout = makeCheckout(
      { '.github/bind-probe.yml': BASE_POLICY, 'src/app.js': 'module.exports = {}\n' },
      { '.github/bind-probe.yml': LOOSER_POLICY, 'test/server.test.js': FLAKY_TEST },
    )
    api.addPull({ number: 42, headSha: checkout.headSha, headRef: 'feature' })
    api.files.set(`${checkout.baseSha}:.github/bind-probe.yml`, BASE_POLICY)
    const { env, token } = githubEnv()
    const event = pullRequestEvent({
      owner: api.owner,
      repo: api.repo,
      number: 42,
      baseSha: checkout.baseSha,
      headSha: checkout.headSha,
      headRef: 'feature',
    })
    const run = await runAction({
      inputs: {
        mode: 'all',
        'github-token': token,
        only: ONLY,
        scan: 'changed',
        'sarif-file': 'bind-probe.sarif',
      },
      env,
      event,
      workspace: checkout.dir,
    })

    // The policy came from the base branch, through the API, not from the pull request's copy.
    // One job is its only leg: the workflow's other jobs are not asked about.
    expect(api.requests.filter((r) => r.path.includes('/jobs'))).toEqual([])
    const policyReads = api.requests.filter((r) => r.path.includes('/contents/'))
    expect(policyReads.map((r) => decodeURIComponent(r.path))).toEqual([
      `/repos/${api.owner}/${api.repo}/contents/.github/bind-probe.yml?ref=${checkout.baseSha}`,
    ])
    expect(run.outputs.conclusion).toBe('failure')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::bind-probe: .*flaky port use/i)

    const comments = api.liveCommentsWith(42, '<!-- bind-probe:comment key=default -->')
    expect(comments).toHaveLength(1)
    const body = comments[0]!.body
    expect(comments[0]!.author).toBe('github-actions[bot]')
    expect(body).toMatch(/The 2008 case/)
    expect(body.replace(/\\(.)/g, '$1')).toContain(`**ok** on ${PLATFORM}`)
    expect(body).toMatch(/Flaky port use/)
    const link = `https://github.com/${api.owner}/${api.repo}/blob/${checkout.headSha}/test/server.test.js#L5`
    expect(body).toContain(link)

    expect(api.checkRuns).toHaveLength(1)
    const check = api.checkRuns[0]!
    expect(check).toMatchObject({
      name: 'bind-probe',
      headSha: checkout.headSha,
      conclusion: 'failure',
    })
    expect(check.annotations).toContainEqual(
      expect.objectContaining({
        path: 'test/server.test.js',
        start_line: 5,
        // A fixed port is a warning; the base policy's `findings: warning` fails the check on it.
        annotation_level: 'warning',
      }),
    )

    const report = JSON.parse(run.outputs['report-json']!)
    expect(report.platforms.map((p: { id: string }) => p.id)).toEqual([PLATFORM])
    expect(Number(run.outputs.findings)).toBe(1)
    expect(run.outputs['findings-new']).toBe('1')
    expect(run.outputs.failures).toBe('1')
    expect(run.outputs['check-run-url']).toBe(
      `https://github.com/${api.owner}/${api.repo}/runs/${check.id}`,
    )
    expect(run.summary).toMatch(/bind-probe/)
    const sarif = JSON.parse(readFileSync(join(checkout.dir, 'bind-probe.sarif'), 'utf8'))
    const validSarif = sarifValidator()
    expect(validSarif(sarif), JSON.stringify(validSarif.errors)).toBe(true)
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'test/server.test.js' },
      region: { startLine: 5 },
    })

    // A second report on the same pull request edits the one comment. SARIF may also go to
    // RUNNER_TEMP, by an absolute path.
    const runnerTemp = mkdtempSync(join(tmpdir(), 'bind-probe-sarif-'))
    const absoluteSarif = join(runnerTemp, 'out', 'scan.sarif')
    const again = await runAction({
      inputs: {
        mode: 'all',
        'github-token': token,
        only: ONLY,
        scan: 'changed',
        'sarif-file': absoluteSarif,
      },
      env: { ...env, RUNNER_TEMP: runnerTemp },
      event,
      workspace: checkout.dir,
    })
    expect(again.outputs['comment-id']).toBe(String(comments[0]!.id))
    expect(existsSync(absoluteSarif)).toBe(true) // an absolute path stays absolute
    expect(api.liveCommentsWith(42, '<!-- bind-probe:comment key=default -->')).toHaveLength(1)
  })

  it('`probe` on two legs, then `report`: merges them and names the missing and cancelled legs', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'src/lib.py': 'x = 1\n' })
    api.addPull({ number: 7, headSha: checkout.headSha, headRef: 'feature' })
    api.jobs.set('777/1', [
      { name: 'probe (ubuntu-24.04, leg-a)', status: 'completed', conclusion: 'success' },
      { name: 'probe (ubuntu-24.04, leg-b)', status: 'completed', conclusion: 'success' },
      { name: 'probe (windows-2025)', status: 'completed', conclusion: 'cancelled' },
      { name: 'report', status: 'in_progress', conclusion: null },
    ])
    const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
    const { env, token } = githubEnv()
    const event = pullRequestEvent({
      owner: api.owner,
      repo: api.repo,
      number: 7,
      baseSha: checkout.baseSha,
      headSha: checkout.headSha,
      headRef: 'feature',
    })
    const legEnv = { ...env, BIND_PROBE_RESULTS_DIR: results }
    for (const label of ['leg-a', 'leg-b']) {
      const leg = await runAction({
        inputs: { mode: 'probe', 'github-token': token, only: ONLY, label, repeat: '2' },
        env: { ...legEnv, GITHUB_JOB: 'probe' },
        event,
        workspace: checkout.dir,
      })
      expect(leg.code, leg.stdout).toBe(0)
      expect(leg.outputs['platform-id']).toBe(`${PLATFORM}-${label}`)
      expect(existsSync(leg.outputs['result-file']!)).toBe(true)
      expect(leg.summary).toMatch(/bind-probe/)
    }
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]) // legs write nothing to GitHub

    const report = await runAction({
      inputs: {
        mode: 'report',
        'github-token': token,
        'expected-platforms': `${PLATFORM}-leg-a, ${PLATFORM}-leg-b, windows-x64`,
      },
      env: legEnv,
      event,
      workspace: checkout.dir,
    })
    // A missing platform is a warning by default: the check passes, and says so.
    expect(report.outputs.conclusion).toBe('success')
    expect(report.outputs.failures).toBe('0')
    expect(Number(report.outputs.warnings)).toBeGreaterThan(0)
    // As a reader sees it: Markdown's backslash escapes removed.
    const body = api.liveCommentsWith(7, 'bind-probe:comment')[0]!.body.replace(/\\(.)/g, '$1')
    expect(body).toMatch(new RegExp(`\\*\\*ok\\*\\* on ${PLATFORM}-leg-a, ${PLATFORM}-leg-b`))
    expect(body).toMatch(/^### ✅ Passed with \d warnings?: 1 expected platform missing/)
    expect(body).toMatch(/\*\*windows-x64 was not measured\*\*: no result arrived/)
    expect(body).toMatch(/Jobs that did not finish:\*\* probe \(windows-2025\) was cancelled/)
    const merged = JSON.parse(report.outputs['report-json']!)
    expect(merged.platforms).toHaveLength(2)
    expect(merged.missing).toEqual([expect.objectContaining({ id: 'windows-x64' })])
    expect(merged.platforms[0].repeat).toBe(2)
  })

  it('with a read-only token (a fork), warns once and keeps the report in the job summary', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    api.addPull({ number: 9, headSha: checkout.headSha, headRef: 'patch-1', headOwner: 'someone' })
    const { env, token } = githubEnv('token-fork')
    const run = await runAction({
      inputs: { mode: 'all', 'github-token': token, only: ONLY },
      env,
      event: pullRequestEvent({
        owner: api.owner,
        repo: api.repo,
        number: 9,
        baseSha: checkout.baseSha,
        headSha: checkout.headSha,
        headRef: 'patch-1',
        headOwner: 'someone',
      }),
      workspace: checkout.dir,
    })
    expect(run.code, run.stdout).toBe(0)
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /could not write the pull request comment and the check run.*fork.*job summary/,
    )
    expect(api.comments.get(9)).toEqual([])
    expect(api.checkRuns).toEqual([])
    expect(run.summary).toMatch(/The 2008 case/)
  })

  it('two steps in one job: comment-mode off reads no comment, and each keeps its own files', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    api.addPull({ number: 42, headSha: checkout.headSha, headRef: 'feature' })
    const { env, token } = githubEnv()
    const event = pullRequestEvent({
      owner: api.owner,
      repo: api.repo,
      number: 42,
      baseSha: checkout.baseSha,
      headSha: checkout.headSha,
      headRef: 'feature',
    })
    const temp = mkdtempSync(join(tmpdir(), 'bind-probe-runner-shared-'))
    const step = (id: string, key: string, only: string) =>
      runAction({
        inputs: { 'github-token': token, only, 'comment-key': key, 'comment-mode': 'off' },
        env: { ...env, RUNNER_TEMP: temp, GITHUB_ACTION: id },
        event,
        workspace: checkout.dir,
      })
    const first = await step('first', 'first', 'udp4-dup-loopback-default')
    const second = await step('second', 'second', 'tcp4-dup-loopback-default')
    expect([first.code, second.code]).toEqual([0, 0])
    expect(
      api.requests.filter(
        (r) => r.path.includes('/comments') || r.operation === 'BindProbeComments',
      ),
    ).toEqual([])
    expect(api.checkRuns.map((c) => c.name).sort()).toEqual([
      'bind-probe (first)',
      'bind-probe (second)',
    ])
    const ids = (file: string) =>
      (JSON.parse(readFileSync(file, 'utf8')) as PlatformResult).scenarios.map((r) => r.id)
    expect(first.outputs['result-file']).not.toBe(second.outputs['result-file'])
    expect(ids(first.outputs['result-file']!)).toEqual(['udp4-dup-loopback-default'])
    expect(ids(second.outputs['result-file']!)).toEqual(['tcp4-dup-loopback-default'])
  })
})

describe.runIf(existsSync(ACTION))(
  'the fork recipe: probe on pull_request, report on workflow_run',
  () => {
    it('reports on the fork’s pull request, believing its number only after the API confirms it', async () => {
      const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'test/app.test.js': FLAKY_TEST })
      api.addPull({
        number: 31,
        headSha: checkout.headSha,
        headRef: 'patch-1',
        headOwner: 'someone',
      })
      api.jobs.set('555/1', [
        { name: 'probe (ubuntu-24.04)', status: 'completed', conclusion: 'success' },
        { name: 'probe (windows-2025)', status: 'completed', conclusion: 'failure' },
        { name: 'lint', status: 'completed', conclusion: 'failure' },
      ])
      const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
      const probeEnv = githubEnv('token-fork')
      const leg = await runAction({
        inputs: { mode: 'probe', 'github-token': probeEnv.token, only: ONLY },
        env: {
          ...probeEnv.env,
          BIND_PROBE_RESULTS_DIR: results,
          GITHUB_JOB: 'probe',
          GITHUB_RUN_ID: '555',
        },
        event: pullRequestEvent({
          owner: api.owner,
          repo: api.repo,
          number: 31,
          baseSha: checkout.baseSha,
          headSha: checkout.headSha,
          headRef: 'patch-1',
          headOwner: 'someone',
        }),
        workspace: checkout.dir,
      })
      expect(leg.code, leg.stdout).toBe(0)
      expect(
        api.requests.filter((r) => r.method !== 'GET' && r.operation !== 'BindProbeComments'),
      ).toEqual([])

      // The trusted job: the default branch's workflow, no checkout of the pull request's code.
      const reportEnv = githubEnv('token-bot')
      const emptyWorkspace = mkdtempSync(join(tmpdir(), 'bind-probe-report-'))
      const report = await runAction({
        inputs: { mode: 'report', 'github-token': reportEnv.token },
        env: {
          ...reportEnv.env,
          GITHUB_EVENT_NAME: 'workflow_run',
          GITHUB_SHA: checkout.baseSha,
          GITHUB_REF: 'refs/heads/main',
          BIND_PROBE_RESULTS_DIR: results,
        },
        event: workflowRunEvent({
          owner: api.owner,
          repo: api.repo,
          runId: 555,
          headSha: checkout.headSha,
          headBranch: 'patch-1',
          headOwner: 'someone',
        }),
        workspace: emptyWorkspace,
      })
      expect(
        api.requests.some(
          (r) => r.method === 'GET' && r.path === `/repos/${api.owner}/${api.repo}/pulls/31`,
        ),
      ).toBe(true)
      const comments = api.liveCommentsWith(31, 'bind-probe:comment')
      expect(comments).toHaveLength(1)
      const body = comments[0]!.body.replace(/\\(.)/g, '$1')
      expect(body).toContain(`blob/${checkout.headSha}/test/app.test.js#L5`)
      expect(body).toMatch(/Jobs that did not finish:\*\* probe \(windows-2025\) failed\./) // "lint" is not a leg
      expect(api.checkRuns).toEqual([expect.objectContaining({ headSha: checkout.headSha })])
      expect(report.outputs['comment-url']).toContain('/pull/31#issuecomment-')
    })

    it('finds the legs filed under the comment key of the pull request’s base, not the default branch’s', async () => {
      const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
      const basePolicy = 'comment:\n  key: rel\n'
      // The legs read it at the event's base sha, the report at the base branch's name.
      api.files.set(`${checkout.baseSha}:.github/bind-probe.yml`, basePolicy)
      api.files.set('release:.github/bind-probe.yml', basePolicy)
      api.addPull({
        number: 32,
        headSha: checkout.headSha,
        headRef: 'fix-1',
        headOwner: 'someone',
        baseRef: 'release',
      })
      const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
      const probeEnv = githubEnv('token-fork')
      const event = pullRequestEvent({
        owner: api.owner,
        repo: api.repo,
        number: 32,
        baseSha: checkout.baseSha,
        headSha: checkout.headSha,
        headRef: 'fix-1',
        headOwner: 'someone',
      })
      const leg = await runAction({
        inputs: { mode: 'probe', 'github-token': probeEnv.token, only: ONLY, scan: 'off' },
        env: {
          ...probeEnv.env,
          BIND_PROBE_RESULTS_DIR: results,
          GITHUB_JOB: 'probe',
          GITHUB_RUN_ID: '556',
        },
        event,
        workspace: checkout.dir,
      })
      expect(leg.code, leg.stdout).toBe(0)

      const reportEnv = githubEnv('token-bot')
      const report = await runAction({
        inputs: { mode: 'report', 'github-token': reportEnv.token },
        env: {
          ...reportEnv.env,
          GITHUB_EVENT_NAME: 'workflow_run',
          GITHUB_SHA: 'e'.repeat(40), // the default branch's head: no policy there
          BIND_PROBE_RESULTS_DIR: results,
        },
        event: workflowRunEvent({
          owner: api.owner,
          repo: api.repo,
          runId: 556,
          headSha: checkout.headSha,
          headBranch: 'fix-1',
          headOwner: 'someone',
        }),
        workspace: mkdtempSync(join(tmpdir(), 'bind-probe-report-')),
      })
      expect(report.code, report.stdout).toBe(0)
      expect(api.liveCommentsWith(32, '<!-- bind-probe:comment key=rel -->')).toHaveLength(1)
      expect(api.checkRuns).toEqual([
        expect.objectContaining({ name: 'bind-probe (rel)', conclusion: 'success' }),
      ])
    })
  },
)

describe.runIf(existsSync(ACTION))('the bundled action in a merge queue', () => {
  it('writes no comment, but the check run on the merge group head and the job summary', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const { env, token } = githubEnv()
    const run = await runAction({
      inputs: { mode: 'all', 'github-token': token, only: ONLY },
      env: { ...env, GITHUB_EVENT_NAME: 'merge_group', GITHUB_SHA: checkout.headSha },
      event: {
        merge_group: {
          head_sha: checkout.headSha,
          head_ref: 'refs/heads/gh-readonly-queue/main/pr-5',
        },
      },
      workspace: checkout.dir,
    })
    expect(run.code, run.stdout).toBe(0)
    expect(
      api.requests.filter(
        (r) => r.path.includes('/comments') || r.operation === 'BindProbeComments',
      ),
    ).toEqual([])
    expect(api.checkRuns).toEqual([
      expect.objectContaining({
        name: 'bind-probe',
        headSha: checkout.headSha,
        conclusion: 'success',
      }),
    ])
    expect(run.summary).toMatch(/The 2008 case/)
  })
})

describe.runIf(existsSync(ACTION))('the bundled action outside GitHub', () => {
  it('prints what it would post on a dry run of `all`', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const run = await runAction({
      inputs: { mode: 'all', 'dry-run': 'true', only: ONLY, scan: 'all' },
      env: { GITHUB_EVENT_NAME: '' },
      workspace: checkout.dir,
    })
    expect(run.code, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/--- the comment bind-probe would write/)
    expect(run.stdout).toMatch(/The 2008 case/)
  })

  it('fails with one clear line on a bad input', async () => {
    const run = await runAction({
      inputs: { mode: 'everything' },
      env: {},
      workspace: tmpdir(),
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::input "mode" must be one of probe, report, all, not "everything"/,
    )
  })
})
