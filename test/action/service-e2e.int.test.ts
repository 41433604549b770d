// The bundled action's probe leg with `service-url`, end to end: it asks the runner's ID-token
// endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) for an OIDC token, which the stand-in issuer signs,
// uploads to a running `bind-probe serve`, and the service publishes as a GitHub App to the
// stand-in GitHub. Its comment must be the one the action's own report job posts for the same
// results, to the letter: both publish through one module.
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { freshDatabase } from '../service/support/databases.ts'
import { appFlags, appStandIn, until } from '../service/support/github-app.ts'
import { AUDIENCE, OidcIssuer } from '../service/support/oidc-issuer.ts'
import { startTestService } from '../service/support/service.ts'
import { ACTION, makeCheckout, pullRequestEvent, runAction, workflowRunEvent } from './harness.ts'
import { existsSync } from 'node:fs'

const PLATFORM = `linux-${process.arch}`
const ONLY = 'tcp4-reuseaddr-both-dup-wildcard-nolisten,udp4-dup-loopback-default'
const POLICY = `platforms: [${PLATFORM}]\n`
// A free-port helper's number bound later (PORT002): an error, so the default gate fails on it.
const FLAKY_TEST = `const http = require('node:http')
const getPort = require('get-port')

test('serves', async () => {
  const port = await getPort()
  const server = http.createServer().listen(port)
  server.close()
})
`
const REQUEST_TOKEN = 'runner-request-token'
const LEG_JOB = 9001

const issuer = new OidcIssuer()
let idTokens: Server
let idTokenUrl = ''
const audiences: string[] = []
/** What the runner's ID-token endpoint puts in the tokens of the job asking. */
let jobClaims: Record<string, unknown> = {}
beforeAll(async () => {
  await issuer.start()
  // The runner's ID-token endpoint: a token for this job, with the audience asked for.
  idTokens = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://runner')
    if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
      res.writeHead(401).end('{}')
      return
    }
    const audience = url.searchParams.get('audience') ?? ''
    audiences.push(audience)
    void issuer.token({ aud: audience, ...jobClaims }).then((value) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ value }))
    })
  })
  await new Promise<void>((resolve) => idTokens.listen(0, '127.0.0.1', resolve))
  idTokenUrl = `http://127.0.0.1:${(idTokens.address() as AddressInfo).port}/id-token?api-version=2.0`
})
afterAll(async () => {
  await issuer.stop()
  await new Promise((resolve) => idTokens.close(resolve))
})

function prepare(api: GitHubStandIn, checkout: { baseSha: string; headSha: string }) {
  api.addPull({ number: 7, headSha: checkout.headSha, baseSha: checkout.baseSha })
  api.files.set(`${checkout.baseSha}:.github/bind-probe.yml`, POLICY)
  api.jobs.set('777/1', [
    { id: LEG_JOB, name: 'probe', status: 'completed', conclusion: 'success' },
  ])
}

function env(api: GitHubStandIn) {
  return {
    GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_API_URL: api.baseUrl,
    GITHUB_GRAPHQL_URL: `${api.baseUrl}/graphql`,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/pull/7/merge',
  }
}

describe.runIf(existsSync(ACTION))('the bundled action with service-url', () => {
  it('a probe leg uploads with its OIDC token; the service posts the comment the report job would', async () => {
    const checkout = makeCheckout(
      { '.github/bind-probe.yml': POLICY, 'src/app.js': 'module.exports = {}\n' },
      { 'test/server.test.js': FLAKY_TEST },
    )
    const event = pullRequestEvent({
      owner: 'octo-org',
      repo: 'octo-repo',
      number: 7,
      baseSha: checkout.baseSha,
      headSha: checkout.headSha,
      headRef: 'feature',
    })
    const bot = { 'token-bot': { login: 'github-actions[bot]', canWrite: true } }
    const viaService = await appStandIn({ 'octo-org/octo-repo': 77 }, bot)
    // The stand-in's fixture pull request is replaced by this checkout's.
    viaService.pulls.clear()
    prepare(viaService, checkout)
    const service = await startTestService(
      await freshDatabase('sqlite'),
      issuer.url,
      appFlags(viaService.baseUrl),
    )
    const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
    jobClaims = {
      run_id: '777',
      run_attempt: '1',
      check_run_id: String(LEG_JOB),
      event_name: 'pull_request',
      ref: 'refs/pull/7/merge',
    }
    try {
      const leg = await runAction({
        inputs: {
          mode: 'probe',
          'github-token': 'token-bot',
          only: ONLY,
          'service-url': service.url,
          'service-audience': AUDIENCE,
        },
        env: {
          ...env(viaService),
          BIND_PROBE_RESULTS_DIR: results,
          GITHUB_JOB: 'probe',
          ACTIONS_ID_TOKEN_REQUEST_URL: idTokenUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
        },
        event,
        workspace: checkout.dir,
      })
      expect(leg.code, leg.stdout).toBe(0)
      expect(leg.stdout).toMatch(/sent this leg's results to http:\/\/127\.0\.0\.1:\d+ \(/)
      expect(leg.stdout).not.toMatch(/::warning::bind-probe could not send/)
      expect(audiences).toEqual([AUDIENCE])
      const fromService = () =>
        viaService
          .liveCommentsWith(7, 'bind-probe:comment')
          .filter((c) => c.author === 'bind-probe[bot]')
      await until(() => fromService().length === 1, "the service's comment", 30_000)

      // The action's own report job, for the same results, against a GitHub of its own.
      const viaAction = new GitHubStandIn({ tokens: bot })
      await viaAction.start()
      try {
        prepare(viaAction, checkout)
        const report = await runAction({
          inputs: { mode: 'report', 'github-token': 'token-bot' },
          env: { ...env(viaAction), BIND_PROBE_RESULTS_DIR: results },
          event,
          workspace: checkout.dir,
        })
        expect(report.code, report.stdout).toBe(1) // the new free-port race fails the gate
        const fromAction = viaAction.liveCommentsWith(7, 'bind-probe:comment')
        expect(fromAction).toHaveLength(1)
        expect(fromService()[0]!.body).toBe(fromAction[0]!.body)
        expect(fromAction[0]!.body).toMatch(/Flaky port use/)
      } finally {
        await viaAction.stop()
      }
      const checks = viaService.checkRuns.filter((r) => r.name === 'bind-probe')
      expect(checks).toHaveLength(1)
      expect(checks[0]).toMatchObject({ status: 'completed', conclusion: 'failure' })
    } finally {
      await service.stop()
      await viaService.stop()
    }
  }, 120_000)

  it('a leg whose job may not have a token warns, names the permission, and still uploads the artifact', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const api = new GitHubStandIn({
      tokens: { 'token-bot': { login: 'github-actions[bot]', canWrite: true } },
    })
    await api.start()
    const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
    try {
      prepare(api, checkout)
      const leg = await runAction({
        inputs: {
          mode: 'probe',
          'github-token': 'token-bot',
          only: ONLY,
          scan: 'off',
          'service-url': 'http://127.0.0.1:9',
        },
        env: { ...env(api), BIND_PROBE_RESULTS_DIR: results, GITHUB_JOB: 'probe' },
        event: pullRequestEvent({
          owner: 'octo-org',
          repo: 'octo-repo',
          number: 7,
          baseSha: checkout.baseSha,
          headSha: checkout.headSha,
          headRef: 'feature',
        }),
        workspace: checkout.dir,
      })
      expect(leg.code, leg.stdout).toBe(0)
      expect(leg.stdout).toMatch(
        /::warning::bind-probe could not send this leg's results to http:\/\/127\.0\.0\.1:9: no OIDC token .*id-token: write/,
      )
      expect(leg.stdout).toMatch(/uploaded this leg's results as /)
    } finally {
      await api.stop()
    }
  })

  it('the fork recipe: the workflow_run job relays the fork legs’ artifacts, the service publishes', async () => {
    const checkout = makeCheckout(
      { '.github/bind-probe.yml': POLICY },
      { 'test/server.test.js': FLAKY_TEST },
    )
    const bot = {
      'token-bot': { login: 'github-actions[bot]', canWrite: true },
      'token-fork': { login: 'github-actions[bot]', canWrite: false },
    }
    const api = await appStandIn({ 'octo-org/octo-repo': 77 }, bot)
    api.pulls.clear()
    api.addPull({
      number: 31,
      headSha: checkout.headSha,
      baseSha: checkout.baseSha,
      headRef: 'patch-1',
      headOwner: 'someone',
    })
    api.files.set(`${checkout.baseSha}:.github/bind-probe.yml`, POLICY)
    api.runs.set(555, {
      attempt: 1,
      event: 'pull_request',
      headSha: checkout.headSha,
      headBranch: 'patch-1',
      headOwner: 'someone',
    })
    api.jobs.set('555/1', [{ id: 7001, name: 'probe', status: 'completed', conclusion: 'success' }])
    const service = await startTestService(
      await freshDatabase('sqlite'),
      issuer.url,
      appFlags(api.baseUrl),
    )
    const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
    try {
      // The fork's leg: a read-only token, no OIDC token, only the artifact.
      const leg = await runAction({
        inputs: { mode: 'probe', 'github-token': 'token-fork', only: ONLY },
        env: {
          ...env(api),
          BIND_PROBE_RESULTS_DIR: results,
          GITHUB_JOB: 'probe',
          GITHUB_RUN_ID: '555',
          GITHUB_REF: 'refs/pull/31/merge',
        },
        event: pullRequestEvent({
          owner: 'octo-org',
          repo: 'octo-repo',
          number: 31,
          baseSha: checkout.baseSha,
          headSha: checkout.headSha,
          headRef: 'patch-1',
          headOwner: 'someone',
        }),
        workspace: checkout.dir,
      })
      expect(leg.code, leg.stdout).toBe(0)
      // The base repository's workflow_run job, with its own OIDC token.
      jobClaims = {
        run_id: '6000',
        run_attempt: '1',
        check_run_id: '6001',
        event_name: 'workflow_run',
        ref: 'refs/heads/main',
      }
      const relay = await runAction({
        inputs: {
          mode: 'report',
          'github-token': 'token-bot',
          'service-url': service.url,
          'service-audience': AUDIENCE,
        },
        env: {
          ...env(api),
          GITHUB_EVENT_NAME: 'workflow_run',
          GITHUB_SHA: checkout.baseSha,
          GITHUB_REF: 'refs/heads/main',
          GITHUB_RUN_ID: '6000',
          BIND_PROBE_RESULTS_DIR: results,
          ACTIONS_ID_TOKEN_REQUEST_URL: idTokenUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
        },
        event: workflowRunEvent({
          owner: 'octo-org',
          repo: 'octo-repo',
          runId: 555,
          headSha: checkout.headSha,
          headBranch: 'patch-1',
          headOwner: 'someone',
        }),
        workspace: mkdtempSync(join(tmpdir(), 'bind-probe-report-')),
      })
      expect(relay.code, relay.stdout).toBe(0)
      expect(relay.stdout).toMatch(/1 of 1 legs relayed; the service publishes the report/)
      await until(
        () =>
          api
            .liveCommentsWith(31, 'bind-probe:comment')
            .some((c) => c.author === 'bind-probe[bot]') &&
          api.checkRuns.some((r) => r.status === 'completed'),
        "the service's comment on the fork's pull request",
        30_000,
      )
      // The relay job published nothing itself: one comment, the App's.
      expect(api.liveCommentsWith(31, 'bind-probe:comment')).toHaveLength(1)
      expect(api.checkRuns.filter((r) => r.name === 'bind-probe')).toHaveLength(1)
    } finally {
      await service.stop()
      await api.stop()
    }
  }, 120_000)
})
