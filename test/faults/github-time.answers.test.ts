// Faults: GitHub's API (or whatever stands in front of it) answers 200 with something that is not
// what the endpoint returns: a proxy's login page, a cut-off body, JSON without the fields. Such
// an answer is not a success, no output holds NaN, and the warning names the endpoint.
import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  checkRunName,
  findComment,
  publishCheckRun,
  publishComment,
} from '../../src/github/index.ts'
import { GitHubStandIn, RawBody } from '../github/stand-in/github-api.ts'
import { testOctokit } from '../github/support/clients.ts'
import { recordingLogger } from '../github/support/logger.ts'
import { ACTION, makeCheckout, pullRequestEvent, runAction } from '../action/harness.ts'

const LOGIN_PAGE = '<!DOCTYPE html><html><body>Sign in to the corporate proxy</body></html>'
const HTML = { 'content-type': 'text/html; charset=utf-8' }

let api: GitHubStandIn
beforeEach(async () => {
  api = new GitHubStandIn()
  await api.start()
})
afterEach(() => api.stop())

const isCheckRunCreate = (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path.endsWith('/check-runs')

describe('an answer that is not what GitHub returns', () => {
  it('a login page for the check run is not a check run: the write is reported as not done', async () => {
    api.failNext(isCheckRunCreate, 200, new RawBody(LOGIN_PAGE), HTML)
    const logger = recordingLogger()
    const result = await publishCheckRun(testOctokit(api.baseUrl, logger), {
      repo: { owner: api.owner, repo: api.repo },
      headSha: 'a'.repeat(40),
      name: checkRunName('default'),
      title: 'all good',
      summary: 'all good',
      conclusion: 'success',
      logger,
    })
    expect(result.checkRun).toBeUndefined()
    expect(result.status).toBe('unavailable')
    expect(result.refusal?.message).toMatch(/not JSON/)
    expect(result.refusal?.message).toContain('/check-runs')
  })

  it('a created comment without an id is not a comment', async () => {
    api.addPull({ number: 7 })
    api.failNext((r) => r.method === 'POST' && r.path.endsWith('/issues/7/comments'), 201, {
      message: 'ok',
    })
    const logger = recordingLogger()
    const client = testOctokit(api.baseUrl, logger)
    const lookup = await findComment(client, {
      repo: { owner: api.owner, repo: api.repo },
      number: 7,
      key: 'default',
    })
    const result = await publishComment(client, lookup, { body: 'report', mode: 'always', logger })
    expect(result.comment).toBeUndefined()
    expect(result.status).toBe('unavailable')
    expect(result.refusal?.message).toMatch(/id/)
    expect(result.refusal?.message).toContain('/comments')
  })
})

describe.runIf(existsSync(ACTION))(
  'the bundled action, when the check run is answered by a login page',
  () => {
    it('publishes no NaN check-run-id, and its warning names the endpoint', async () => {
      const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
      api.addPull({ number: 42, headSha: checkout.headSha })
      api.failNext(isCheckRunCreate, 200, new RawBody(LOGIN_PAGE), HTML)
      const run = await runAction({
        inputs: {
          mode: 'all',
          'github-token': 'token-bot',
          only: 'tcp4-dup-loopback-default',
          scan: 'off',
        },
        env: {
          GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_API_URL: api.baseUrl,
          GITHUB_SHA: 'f'.repeat(40),
        },
        event: pullRequestEvent({
          owner: api.owner,
          repo: api.repo,
          number: 42,
          baseSha: checkout.baseSha,
          headSha: checkout.headSha,
          headRef: 'feature',
        }),
        workspace: checkout.dir,
      })
      expect(run.outputs['check-run-id']).toBe('')
      expect(run.stdout).not.toMatch(/NaN|undefined/)
      expect(run.stdout).toMatch(/::warning::.*the check run.*\/check-runs.*not JSON/)
      expect(run.summary).toMatch(/The 2008 case/)
    })
  },
)
