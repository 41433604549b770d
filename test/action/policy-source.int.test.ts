// Where the report reads its policy and template: the base branch on pull requests (through the
// API), the checkout elsewhere, and the pull request only when the base branch allows it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readPolicy } from '../../src/action/policy-source.ts'
import { createOctokit, type RunContext } from '../../src/github/index.ts'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { recordingLogger } from '../github/support/logger.ts'
import { git, originOf, pullRequestContext, shallowMergeCheckout } from './pull-request-repo.ts'

const BASE = 'b'.repeat(40)
let api: GitHubStandIn
beforeEach(async () => {
  api = new GitHubStandIn()
  await api.start()
})
afterEach(() => api.stop())

function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-policy-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

function prContext(): RunContext {
  return {
    eventName: 'pull_request',
    kind: 'pull_request',
    repo: { owner: api.owner, repo: api.repo },
    sha: 'f'.repeat(40),
    headSha: 'a'.repeat(40),
    runId: 1,
    runAttempt: 1,
    serverUrl: 'https://github.com',
    apiUrl: api.baseUrl,
    runUrl: 'https://github.com/o/r/actions/runs/1',
    pullRequest: {
      number: 1,
      headSha: 'a'.repeat(40),
      baseRef: 'main',
      baseSha: BASE,
      fromFork: true,
      source: 'event',
    },
  }
}

const octokit = () =>
  createOctokit({ token: 'token-bot', baseUrl: api.baseUrl, logger: recordingLogger() })
const PATH = '.github/bind-probe.yml'

describe('readPolicy', () => {
  it('reads the policy and template of the base branch, not the pull request’s', async () => {
    api.files.set(`${BASE}:${PATH}`, 'mode: enforce\ncomment:\n  template: .github/comment.hbs\n')
    api.files.set(`${BASE}:.github/comment.hbs`, 'base template {{headline.title}}')
    const workspace = checkout({ [PATH]: 'mode: warn\n', '.github/comment.hbs': 'pr template' })
    const policy = await readPolicy({
      path: PATH,
      workspace,
      context: prContext(),
      api: octokit(),
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.commentTemplate).toEqual({
      name: '.github/comment.hbs',
      source: 'base template {{headline.title}}',
    })
    expect(policy.from).toBe(`${PATH} at the base branch (main)`)
  })

  it('reads the pull request’s own when the base branch’s policy allows it', async () => {
    api.files.set(`${BASE}:${PATH}`, 'read-policy-from: pull-request\n')
    api.files.set(`${'a'.repeat(40)}:${PATH}`, 'mode: warn\n')
    const workspace = checkout({})
    const policy = await readPolicy({
      path: PATH,
      workspace,
      context: prContext(),
      api: octokit(),
    })
    expect(policy.config.mode).toBe('warn')
    expect(policy.from).toMatch(/at the pull request's head \(the base branch's policy allows it\)/)
  })

  it('uses the defaults when the base branch has no policy file', async () => {
    const workspace = checkout({ [PATH]: 'mode: warn\n' })
    const policy = await readPolicy({
      path: PATH,
      workspace,
      context: prContext(),
      api: octokit(),
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.problem).toBeUndefined()
  })

  it('names a policy file the config input asked for and the base branch lacks, as a problem', async () => {
    const workspace = checkout({ '.github/bindprobe.yml': 'mode: warn\n' })
    const policy = await readPolicy({
      path: '.github/bindprobe.yml',
      required: true,
      workspace,
      context: prContext(),
      api: octokit(),
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.problem).toBe(
      '.github/bindprobe.yml at the base branch (main) was not found (the config input names it)',
    )
  })

  it('keeps going on the defaults with a broken policy, naming the file, line and column', async () => {
    api.files.set(`${BASE}:${PATH}`, 'mode: enforce\nfail-on:\n  divergense: true\n')
    const policy = await readPolicy({
      path: PATH,
      workspace: tmpdir(),
      context: prContext(),
      api: octokit(),
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.problem).toMatch(/bind-probe\.yml at the base branch \(main\):3:3: .*divergense/)
  })

  it('reads the checkout without a token (a laptop, a probe leg)', async () => {
    const workspace = checkout({ [PATH]: 'mode: warn\n' })
    const policy = await readPolicy({ path: PATH, workspace })
    expect(policy.config.mode).toBe('warn')
  })

  it('without a token on a pull request, reads the base branch’s policy from git, not the checkout’s', async () => {
    const o = originOf(
      { [PATH]: 'platforms: [linux-x64, macos-arm64]\n' },
      { [PATH]: 'mode: warn\n' },
    )
    const workspace = shallowMergeCheckout(o) // the test merge commit: the PR's copy is in it
    const policy = await readPolicy({ path: PATH, workspace, context: pullRequestContext(o) })
    expect(policy.problem).toBeUndefined()
    expect(policy.config.mode).toBe('enforce')
    expect(policy.config.platforms.map((p) => p.id)).toEqual(['linux-x64', 'macos-arm64'])
    expect(policy.from).toMatch(/at the base branch \(main\) \(from git: no github-token\)/)
  })

  it('without a token, a base commit git cannot have is a policy problem, not the PR’s copy', async () => {
    const o = originOf({ [PATH]: 'mode: enforce\n' }, { [PATH]: 'mode: warn\n' })
    const workspace = shallowMergeCheckout(o)
    git(workspace, 'remote', 'set-url', 'origin', 'file:///nonexistent')
    const context = pullRequestContext(o)
    const policy = await readPolicy({
      path: PATH,
      workspace,
      context: { ...context, pullRequest: { ...context.pullRequest!, baseSha: 'e'.repeat(40) } },
    })
    expect(policy.config.mode).toBe('enforce') // the defaults, not the PR's `warn`
    expect(policy.problem).toMatch(/could not be read: git cannot find commit e{40}/)
  })

  it('reads the merge queue’s base, not the group’s head that holds the queued edits', async () => {
    const queueBase = 'c'.repeat(40)
    api.files.set(`${queueBase}:${PATH}`, 'mode: enforce\n')
    api.files.set(`${'d'.repeat(40)}:${PATH}`, 'mode: warn\n')
    const rest = { ...prContext(), pullRequest: undefined }
    const context: RunContext = {
      ...rest,
      eventName: 'merge_group',
      kind: 'merge_group',
      sha: 'd'.repeat(40),
      baseSha: queueBase,
    }
    const policy = await readPolicy({ path: PATH, workspace: tmpdir(), context, api: octokit() })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.from).toMatch(/the merge queue's base/)
  })

  it('reads the summary template, and names a template it cannot find', async () => {
    api.files.set(
      `${BASE}:${PATH}`,
      'summary:\n  template: .github/summary.hbs\ncomment:\n  template: .github/gone.hbs\n',
    )
    api.files.set(`${BASE}:.github/summary.hbs`, 'summary {{headline.title}}')
    const policy = await readPolicy({
      path: PATH,
      workspace: tmpdir(),
      context: prContext(),
      api: octokit(),
    })
    expect(policy.summaryTemplate).toEqual({
      name: '.github/summary.hbs',
      source: 'summary {{headline.title}}',
    })
    expect(policy.commentTemplate).toBeUndefined()
    expect(policy.warnings).toEqual([
      'template .github/gone.hbs was not found; the built-in one is used',
    ])
  })

  it('turns a policy it cannot read (no permission) into a problem, not the defaults', async () => {
    api.failNext((r) => r.path.includes('/contents/'), 403, {
      message: 'Resource not accessible by integration',
    })
    const policy = await readPolicy({
      path: PATH,
      workspace: tmpdir(),
      context: prContext(),
      api: octokit(),
    })
    expect(policy.problem).toMatch(/could not be read: Resource not accessible by integration/)
  })
})
