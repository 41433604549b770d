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
    graphqlUrl: `${api.baseUrl}/graphql`,
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
      logger: recordingLogger(),
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.template).toEqual({
      name: '.github/comment.hbs',
      source: 'base template {{headline.title}}',
    })
    expect(policy.from).toBe(`${PATH} on the base branch (main)`)
  })

  it('reads the pull request’s own when the base branch’s policy allows it', async () => {
    api.files.set(`${BASE}:${PATH}`, 'read-policy-from: pull-request\n')
    const workspace = checkout({ [PATH]: 'mode: warn\n' })
    const policy = await readPolicy({
      path: PATH,
      workspace,
      context: prContext(),
      api: octokit(),
      logger: recordingLogger(),
    })
    expect(policy.config.mode).toBe('warn')
    expect(policy.from).toMatch(/in the pull request \(the base branch's policy allows it\)/)
  })

  it('uses the defaults when the base branch has no policy file', async () => {
    const workspace = checkout({ [PATH]: 'mode: warn\n' })
    const policy = await readPolicy({
      path: PATH,
      workspace,
      context: prContext(),
      api: octokit(),
      logger: recordingLogger(),
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.problem).toBeUndefined()
  })

  it('keeps going on the defaults with a broken policy, naming the file, line and column', async () => {
    api.files.set(`${BASE}:${PATH}`, 'mode: enforce\nfail-on:\n  divergense: true\n')
    const logger = recordingLogger()
    const policy = await readPolicy({
      path: PATH,
      workspace: tmpdir(),
      context: prContext(),
      api: octokit(),
      logger,
    })
    expect(policy.config.mode).toBe('enforce')
    expect(policy.problem).toMatch(/bind-probe\.yml on the base branch \(main\):3:3: .*divergense/)
  })

  it('reads the checkout without a token (a laptop, a probe leg)', async () => {
    const workspace = checkout({ [PATH]: 'mode: warn\n' })
    const policy = await readPolicy({ path: PATH, workspace, logger: recordingLogger() })
    expect(policy.config.mode).toBe('warn')
  })
})
