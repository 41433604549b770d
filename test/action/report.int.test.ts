// The report job's own logic (runReport) against the loopback stand-in of GitHub's API, with a
// real PlatformResult from this machine: which jobs are named as legs, how often a broken policy
// is reported, and what it says when no leg scanned.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { readInputs } from '../../src/action/inputs.ts'
import type { PolicySource } from '../../src/action/policy-source.ts'
import { runReport, type LegFiles } from '../../src/action/report.ts'
import { DEFAULT_CONFIG } from '../../src/config/index.ts'
import { createOctokit, type RunContext } from '../../src/github/index.ts'
import { probe } from '../../src/probe/probe.ts'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { recordingLogger } from '../github/support/logger.ts'

let api: GitHubStandIn
let leg: LegFiles
beforeAll(async () => {
  const result = await probe({ only: ['tcp4-dup-loopback-default'] })
  leg = { source: 'bind-probe-result-linux-x64-1', result: JSON.stringify(result) }
})
beforeEach(async () => {
  api = new GitHubStandIn()
  await api.start()
})
afterEach(() => api.stop())

function context(): RunContext {
  return {
    eventName: 'push',
    kind: 'push',
    repo: { owner: api.owner, repo: api.repo },
    sha: 'a'.repeat(40),
    headSha: 'a'.repeat(40),
    runId: 9,
    runAttempt: 1,
    job: 'report',
    serverUrl: 'https://github.com',
    apiUrl: api.baseUrl,
    runUrl: 'https://github.com/o/r/actions/runs/9',
  }
}

async function report(options: {
  legJobs?: string[]
  policy?: Partial<PolicySource>
  legs?: LegFiles[]
}) {
  const logger = recordingLogger()
  const outcome = await runReport({
    inputs: readInputs(() => ''),
    policy: { config: { ...DEFAULT_CONFIG }, from: 'test', warnings: [], ...options.policy },
    legs: options.legs ?? [leg],
    artifactProblems: [],
    ...(options.legJobs ? { legJobs: options.legJobs } : {}),
    context: context(),
    api: createOctokit({ token: 'token-bot', baseUrl: api.baseUrl, logger }),
    logger,
    dryRun: false,
    print: () => {},
  })
  return { outcome, logger }
}

describe('runReport', () => {
  it('names only the legs’ own jobs when their names follow the job id', async () => {
    api.jobs.set('9/1', [
      { name: 'probe (windows-2025)', status: 'completed', conclusion: 'cancelled' },
      { name: 'lint', status: 'completed', conclusion: 'failure' },
      { name: 'report', status: 'in_progress', conclusion: null },
    ])
    const { outcome } = await report({ legJobs: ['probe'] })
    expect(outcome.report.legs).toEqual([{ leg: 'probe (windows-2025)', status: 'cancelled' }])
  })

  it('names a leg whose runner was lost, as GitHub annotated its job', async () => {
    const lost =
      'The self-hosted runner: ci-mac-3 lost communication with the server. Verify the machine is running and has a healthy network connection.'
    api.jobs.set('9/1', [
      {
        id: 41,
        name: 'probe (macos-14)',
        status: 'completed',
        conclusion: 'failure',
        annotations: [lost],
      },
      {
        id: 42,
        name: 'probe (windows-2025)',
        status: 'completed',
        conclusion: 'failure',
        annotations: ['Process completed with exit code 1.'],
      },
    ])
    const { outcome } = await report({ legJobs: ['probe'] })
    expect(outcome.report.legs).toEqual([
      { leg: 'probe (macos-14)', status: 'runner_lost' },
      { leg: 'probe (windows-2025)', status: 'failure' },
    ])
  })

  it('names every other finished job when none is named after the legs’ job id', async () => {
    api.jobs.set('9/1', [
      { name: 'Probe on Windows', status: 'completed', conclusion: 'cancelled' },
      { name: 'report', status: 'in_progress', conclusion: null },
    ])
    const { outcome } = await report({ legJobs: ['probe'] })
    expect(outcome.report.legs).toEqual([{ leg: 'Probe on Windows', status: 'cancelled' }])
  })

  it('warns once about a broken summary template, though the summary is rendered twice', async () => {
    const broken = { name: '.github/summary.hbs', source: '{{#each platforms}}\n' }
    const { outcome, logger } = await report({ policy: { summaryTemplate: broken } })
    const warnings = logger.warnings().filter((w) => w.includes('.github/summary.hbs'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/the built-in template was used instead$/)
    expect(outcome.checkRun).toBeDefined()
  })

  it('fails the step once for a broken policy, and fails the check for it', async () => {
    const problem = '.github/bind-probe.yml:2:3: unknown key "divergense"'
    const { outcome } = await report({ policy: { problem } })
    expect(outcome.failures).toEqual([problem])
    expect(outcome.verdict.conclusion).toBe('failure')
    expect(api.checkRuns[0]).toMatchObject({ conclusion: 'failure' })
  })

  it('says so when no leg scanned the code', async () => {
    const { outcome } = await report({})
    expect(outcome.report.notes).toContain(
      'No leg scanned the code (scan: off), so flaky port use was not checked.',
    )
  })

  it('keeps going, with a warning, when a GitHub call fails in an unexpected way', async () => {
    // A malformed answer: no error status for the client to classify, just nonsense.
    api.failNext((r) => r.path.includes('/jobs'), 200, { total_count: 1 })
    const { outcome, logger } = await report({ legJobs: ['probe'] })
    expect(outcome.report.platforms).toHaveLength(1)
    expect(api.checkRuns).toHaveLength(1)
    expect(logger.warnings().join('\n')).toMatch(/could not list the run’s jobs/)
  })

  it('comment-mode changes: rewrites the comment when only the verdict changed', async () => {
    const headSha = 'a'.repeat(40)
    api.addPull({ number: 7, headSha })
    const pr: RunContext = {
      ...context(),
      eventName: 'pull_request',
      kind: 'pull_request',
      pullRequest: {
        number: 7,
        headSha,
        baseRef: 'main',
        baseSha: 'b'.repeat(40),
        fromFork: false,
        source: 'event',
      },
    }
    const platform = (JSON.parse(leg.result!) as { platform: { id: string } }).platform.id
    const run = async (expected: string) => {
      const logger = recordingLogger()
      const given: Record<string, string> = {
        'comment-mode': 'changes',
        'expected-platforms': expected,
      }
      return runReport({
        inputs: readInputs((name) => given[name] ?? ''),
        policy: {
          // A missing platform fails only when the policy says so (a warning by default).
          config: {
            ...DEFAULT_CONFIG,
            failOn: { ...DEFAULT_CONFIG.failOn, missingPlatform: true },
          },
          from: 'test',
          warnings: [],
        },
        legs: [leg],
        artifactProblems: [],
        context: pr,
        api: createOctokit({ token: 'token-bot', baseUrl: api.baseUrl, logger }),
        logger,
        dryRun: false,
        print: () => {},
      })
    }
    const marker = '<!-- bind-probe:comment key=default -->'
    expect((await run(`${platform}, windows-x64`)).verdict.conclusion).toBe('failure')
    const before = api.liveCommentsWith(7, marker)[0]!.body
    expect(before).toMatch(/windows\\?-x64/)
    // The same results, judged by a policy that no longer expects Windows.
    expect((await run(platform)).verdict.conclusion).toBe('success')
    const comments = api.liveCommentsWith(7, marker)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).not.toMatch(/windows\\?-x64/)
    expect(comments[0]!.body).toMatch(/^### ✅ Passed on 1 platform/)
    // A third run with nothing new leaves the comment alone.
    const writes = () =>
      api.requests.filter(
        (r) => ['PATCH', 'POST'].includes(r.method) && !r.path.includes('graphql'),
      ).length
    const count = writes()
    await run(platform)
    expect(writes()).toBe(count + 1) // the check run only
  })

  it('comment-mode failures: no comment while it passes, one when it fails, updated when fixed; the digest stays in the check run', async () => {
    const [first, second] = ['c'.repeat(40), 'd'.repeat(40)]
    const pull = api.addPull({ number: 8, headSha: first, commits: [first] })
    const platform = (JSON.parse(leg.result!) as { platform: { id: string } }).platform.id
    const run = async (headSha: string, expected: string) => {
      const logger = recordingLogger()
      const pr: RunContext = {
        ...context(),
        eventName: 'pull_request',
        kind: 'pull_request',
        headSha,
        pullRequest: {
          number: 8,
          headSha,
          baseRef: 'main',
          baseSha: 'b'.repeat(40),
          fromFork: false,
          source: 'event',
        },
      }
      const given: Record<string, string> = {
        'comment-mode': 'failures',
        'expected-platforms': expected,
      }
      return runReport({
        inputs: readInputs((name) => given[name] ?? ''),
        policy: {
          config: {
            ...DEFAULT_CONFIG,
            failOn: { ...DEFAULT_CONFIG.failOn, missingPlatform: true },
          },
          from: 'test',
          warnings: [],
        },
        legs: [leg],
        artifactProblems: [],
        context: pr,
        api: createOctokit({ token: 'token-bot', baseUrl: api.baseUrl, logger }),
        logger,
        dryRun: false,
        print: () => {},
      })
    }
    const marker = '<!-- bind-probe:comment key=default -->'
    const passing = await run(first, platform)
    expect(passing.verdict.conclusion).toBe('success')
    expect(passing.comment?.status).toBe('not-needed')
    expect(api.liveCommentsWith(8, marker)).toEqual([])
    expect(api.checkRuns.at(-1)!.output?.text).toContain('<!-- bind-probe:digest ')

    // A new push: no comment to compare with, so the check run of the earlier commit is read.
    pull.commits = [first, second]
    pull.headSha = second
    const failing = await run(second, `${platform}, windows-x64`)
    expect(failing.report.changes.status).toBe('compared')
    expect(failing.report.changes.since).toBe(first)
    expect(failing.verdict.conclusion).toBe('failure')
    const posted = api.liveCommentsWith(8, marker)
    expect(posted).toHaveLength(1)
    expect(posted[0]!.body).toMatch(/^### ❌ Failed\\?: 1 expected platform missing/)

    const fixed = await run(second, platform)
    expect(fixed.comment?.status).toBe('updated')
    const updated = api.liveCommentsWith(8, marker)
    expect(updated).toHaveLength(1)
    expect(updated[0]!.body).toMatch(/^### ✅ Passed on 1 platform/)
  })
})

describe('the report’s switches', () => {
  // @actions/core keeps the first summary path it sees, so one file serves every run here.
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'bind-probe-summary-')), 'summary.md')
  beforeAll(() => {
    writeFileSync(summaryFile, '')
    process.env.GITHUB_STEP_SUMMARY = summaryFile
  })
  afterAll(() => {
    delete process.env.GITHUB_STEP_SUMMARY
  })

  async function withInputs(given: Record<string, string>) {
    const logger = recordingLogger()
    const before = readFileSync(summaryFile, 'utf8').length
    const outcome = await runReport({
      inputs: readInputs((name) => given[name] ?? ''),
      policy: { config: { ...DEFAULT_CONFIG }, from: 'test', warnings: [] },
      // A new fixed port in a test: the default gate fails on it.
      legs: [{ ...leg, scan: JSON.stringify({ scope: 'changed', findings: [FIXED_PORT] }) }],
      artifactProblems: [],
      context: context(),
      api: createOctokit({ token: 'token-bot', baseUrl: api.baseUrl, logger }),
      logger,
      dryRun: false,
      print: () => {},
    })
    return { outcome, summary: readFileSync(summaryFile, 'utf8').slice(before) }
  }

  it('fail-job: false keeps the step green while the check run carries the failure', async () => {
    const failing = await withInputs({})
    expect(failing.outcome.verdict.conclusion).toBe('failure')
    expect(failing.outcome.failures).toEqual([
      'bind-probe: failed: 1 new flaky port use at severity error',
    ])
    expect(api.checkRuns.at(-1)!.output?.title).toBe(
      '❌ Failed: 1 new flaky port use at severity error',
    )
    const reported = await withInputs({ 'fail-job': 'false' })
    expect(reported.outcome.failures).toEqual([])
    expect(api.checkRuns.at(-1)!.conclusion).toBe('failure')
  })

  it('job-summary: false writes no summary, annotations: false sends none', async () => {
    const both = await withInputs({})
    expect(both.summary).not.toBe('')
    expect(api.checkRuns.at(-1)!.annotations).toHaveLength(1)
    const neither = await withInputs({ 'job-summary': 'false', annotations: 'false' })
    expect(neither.summary).toBe('')
    expect(api.checkRuns.at(-1)!.annotations).toEqual([])
  })
})

const FIXED_PORT = {
  rule: 'PORT001',
  severity: 'error',
  path: 'test/server.test.ts',
  line: 3,
  column: 1,
  language: 'typescript',
  message: 'A test listens on a fixed port.',
  advice: 'Listen on port 0.',
  fingerprint: 'fp',
}
