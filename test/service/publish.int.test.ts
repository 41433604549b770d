// `bind-probe serve` publishing as a GitHub App, against the stand-in GitHub (App endpoints,
// installation tokens, pull requests, check runs, comments) and the stand-in OIDC issuer: one
// comment and one check run per report however the legs arrive, re-runs update them, a report
// waits for its platforms with a check run in progress, and nothing is written where the token's
// own repository and the pull request's head do not agree.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { GitHubStandIn } from '../github/stand-in/github-api.ts'
import { DATABASES, POSTGRES_URL, freshDatabase, type DatabaseKind } from './support/databases.ts'
import {
  APP_ID,
  HEAD,
  LEGS,
  PULL,
  RUN,
  WEBHOOK_SECRET,
  appFlags,
  appStandIn,
  legUpload,
  sendWebhook,
  until,
} from './support/github-app.ts'
import { OidcIssuer } from './support/oidc-issuer.ts'
import { spawnServe } from './support/serve-process.ts'
import { OPERATOR_TOKEN, startTestService, upload, type TestService } from './support/service.ts'

const issuer = new OidcIssuer()
beforeAll(() => issuer.start())
afterAll(() => issuer.stop())

const ours = (api: GitHubStandIn) =>
  (api.comments.get(PULL) ?? []).filter((c) => c.author === 'bind-probe[bot]')
const checkRuns = (api: GitHubStandIn) => api.checkRuns.filter((r) => r.name === 'bind-probe')
const completed = (api: GitHubStandIn) => checkRuns(api).some((r) => r.status === 'completed')
/** As the comment writes a platform id: Markdown's punctuation escaped. */
const escaped = (id: string) => id.replace(/-/g, '\\-')
/** Long enough for a second, wrong write to show up. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400))

async function uploadLeg(url: string, leg: (typeof LEGS)[number], options = {}) {
  const { token, body } = await legUpload(issuer, leg, options)
  return upload(url, token, body)
}

describe.each(DATABASES)('publishing on %s', (kind: DatabaseKind) => {
  let api: GitHubStandIn
  let service: TestService
  beforeEach(async () => {
    api = await appStandIn({ 'octo-org/octo-repo': 77, 'octo-org/other': 78 })
    service = await startTestService(await freshDatabase(kind), issuer.url, appFlags(api.baseUrl))
  })
  afterEach(async () => {
    await service.stop()
    await api.stop()
  })

  it('three legs uploading at once: one comment and one check run', async () => {
    const answers = await Promise.all(LEGS.map((leg) => uploadLeg(service.url, leg)))
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    await until(() => completed(api), 'a completed check run')
    await settle()
    expect(ours(api)).toHaveLength(1)
    expect(checkRuns(api)).toHaveLength(1)
    const [comment] = ours(api)
    expect(comment!.body).toMatch(/^### ✅ Passed on 3 platforms/)
    for (const leg of LEGS) expect(comment!.body).toContain(escaped(leg.platform))
    expect(comment!.body).toMatch(/<!-- bind-probe/)
    expect(checkRuns(api)[0]!.headSha).toBe(HEAD)
  })

  it('waits for the missing platforms with a check run in progress, then completes it', async () => {
    expect((await uploadLeg(service.url, LEGS[0])).status).toBe(201)
    await until(() => checkRuns(api).length === 1, 'the waiting check run')
    const [waiting] = checkRuns(api)
    expect(waiting!.status).toBe('in_progress')
    expect(waiting!.output?.title).toBe('Waiting for 2 platforms')
    expect(ours(api)).toHaveLength(0)
    for (const leg of LEGS.slice(1)) await uploadLeg(service.url, leg)
    await until(() => completed(api), 'the completed check run')
    await settle()
    expect(checkRuns(api)).toHaveLength(1)
    expect(checkRuns(api)[0]!.id).toBe(waiting!.id)
    expect(ours(api)).toHaveLength(1)
  })

  it('a re-run attempt updates the comment and the check run', async () => {
    for (const leg of LEGS) await uploadLeg(service.url, leg)
    await until(() => completed(api), 'the first report')
    await settle()
    const [first] = ours(api)
    const before = first!.body
    // Attempt 2 of the Linux leg measures one scenario fewer (its driver could not run it).
    const fewer = { ...LEGS[0].result, scenarios: LEGS[0].result.scenarios.slice(1) }
    api.jobs.set(`${RUN}/2`, [
      { id: 9101, name: 'probe (ubuntu-latest)', status: 'completed', conclusion: 'success' },
    ])
    const rerun = await legUpload(issuer, { ...LEGS[0], job: 9101 } as never, {
      attempt: 2,
      result: fewer,
    })
    expect((await upload(service.url, rerun.token, rerun.body)).status).toBe(201)
    await until(() => ours(api)[0]!.body !== before, 'the updated comment')
    await settle()
    expect(ours(api)).toHaveLength(1)
    expect(ours(api)[0]!.id).toBe(first!.id)
    expect(checkRuns(api)).toHaveLength(1)
  })

  it('a check run "Re-run" publishes again; a webhook with a bad signature is refused', async () => {
    for (const leg of LEGS) await uploadLeg(service.url, leg)
    await until(() => completed(api), 'the report')
    await settle()
    const patches = () =>
      api.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/check-runs/')).length
    const before = patches()
    const payload = {
      action: 'rerequested',
      repository: { id: 74 },
      installation: { id: 77 },
      check_run: { name: 'bind-probe', head_sha: HEAD, app: { id: APP_ID } },
    }
    expect(await sendWebhook(service.url, 'check_run', payload, 'not-the-secret-0123456789')).toBe(
      401,
    )
    await settle()
    expect(patches()).toBe(before)
    expect(await sendWebhook(service.url, 'check_run', payload, WEBHOOK_SECRET)).toBe(202)
    await until(() => patches() > before, 'the check run written again')
    expect(checkRuns(api)).toHaveLength(1)
    expect(ours(api)).toHaveLength(1)
  })

  it('a token of another repository aimed at this pull request writes nothing here', async () => {
    // octo-org/other (id 75) has the App too; its token names PR #7 and this PR's head.
    for (const leg of LEGS) {
      const answer = await uploadLeg(service.url, leg, {
        claims: { repository: 'octo-org/other', repository_id: '75' },
      })
      expect(answer.status).toBe(201)
    }
    await until(() => /not published/.test(service.log()), 'the publish to be judged')
    await settle()
    expect(api.checkRuns).toHaveLength(0)
    expect(api.comments.get(PULL)).toHaveLength(0)
    expect(service.log()).toMatch(/not published/)
  })

  it('a push run: the check run on its commit, no comment', async () => {
    const push = { event_name: 'push', ref: 'refs/heads/main' }
    for (const leg of LEGS) await uploadLeg(service.url, leg, { claims: push })
    await until(() => completed(api), 'the check run')
    await settle()
    expect(checkRuns(api)).toHaveLength(1)
    expect(checkRuns(api)[0]!.headSha).toBe(HEAD)
    expect(api.comments.get(PULL)).toHaveLength(0)
    // The policy of a push is the pushed commit's own.
    expect(
      api.requests.some((r) => r.path.includes(`/contents/.github%2Fbind-probe.yml?ref=${HEAD}`)),
    ).toBe(true)
  })

  it("a fork's token aimed at the upstream pull request is refused at upload", async () => {
    const answer = await uploadLeg(service.url, LEGS[0], {
      claims: {
        repository: 'contributor/octo-repo',
        repository_id: '99',
        repository_owner_id: '98',
      },
    })
    expect(answer.status).toBe(403)
    expect(answer.body.error).toBe(
      'the bind-probe GitHub App is not installed on contributor/octo-repo',
    )
    await settle()
    expect(api.checkRuns).toHaveLength(0)
    expect(api.comments.get(PULL)).toHaveLength(0)
  })

  it("an older head's results do not overwrite the report of the pull request's newer head", async () => {
    api.pulls.get(PULL)!.headSha = 'd'.repeat(40)
    for (const leg of LEGS) await uploadLeg(service.url, leg)
    await until(() => /has moved on to ddddddd/.test(service.log()), 'the publish to be judged')
    await settle()
    expect(api.checkRuns).toHaveLength(0)
    expect(api.comments.get(PULL)).toHaveLength(0)
  })

  it("refuses to publish a comment key the action's report job publishes too, and says so", async () => {
    api.checkRuns.push({
      id: 1,
      name: 'bind-probe',
      headSha: HEAD,
      annotations: [],
      status: 'completed',
    })
    for (const leg of LEGS) await uploadLeg(service.url, leg)
    await until(() => /one publisher per comment key/.test(service.log()), 'the refusal')
    await settle()
    expect(api.checkRuns).toHaveLength(1)
    expect(api.comments.get(PULL)).toHaveLength(0)
  })
})

describe('the deadline', () => {
  it('publishes without the missing platforms once it passes, and names them', async () => {
    const api = await appStandIn()
    const service = await startTestService(
      await freshDatabase('sqlite'),
      issuer.url,
      appFlags(api.baseUrl, ['--report-deadline', '1000']),
    )
    try {
      await uploadLeg(service.url, LEGS[0])
      await until(() => completed(api), 'the report after the deadline')
      await settle()
      expect(checkRuns(api)).toHaveLength(1)
      const [comment] = ours(api)
      expect(comment!.body).toMatch(/2 expected platforms missing/)
      expect(comment!.body).toContain(`${escaped('macos-arm64-synthetic')} was not measured`)
      expect(comment!.body).toContain(`${escaped('windows-x64-synthetic')} was not measured`)
    } finally {
      await service.stop()
      await api.stop()
    }
  })
})

describe.runIf(POSTGRES_URL)('two serve processes on one PostgreSQL', () => {
  it('three legs split between them: one comment and one check run; a re-run updates them', async () => {
    const api = await appStandIn()
    const database = await freshDatabase('postgres')
    const a = await startTestService(database, issuer.url, appFlags(api.baseUrl))
    const b = await startTestService(database, issuer.url, appFlags(api.baseUrl))
    try {
      await Promise.all(LEGS.map((leg, i) => uploadLeg((i % 2 ? a : b).url, leg)))
      await until(() => completed(api), 'the report')
      await settle()
      expect(ours(api)).toHaveLength(1)
      expect(checkRuns(api)).toHaveLength(1)
      const before = ours(api)[0]!.body
      api.jobs.set(`${RUN}/2`, [
        { id: 9101, name: 'probe (ubuntu-latest)', status: 'completed', conclusion: 'success' },
      ])
      const fewer = { ...LEGS[0].result, scenarios: LEGS[0].result.scenarios.slice(1) }
      const rerun = await legUpload(issuer, { ...LEGS[0], job: 9101 } as never, {
        attempt: 2,
        result: fewer,
      })
      expect((await upload(a.url, rerun.token, rerun.body)).status).toBe(201)
      await until(() => ours(api)[0]!.body !== before, 'the updated comment')
      await settle()
      expect(ours(api)).toHaveLength(1)
      expect(checkRuns(api)).toHaveLength(1)
    } finally {
      await a.stop()
      await b.stop()
      await api.stop()
    }
  })
})

describe('crash safety', () => {
  it('SIGKILL with publishes pending: after a restart they go out once', async () => {
    const api = await appStandIn()
    const database = await freshDatabase('sqlite')
    // GitHub answers slowly: the publishes are under way when the process is killed.
    let slow = true
    ;(api as unknown as { latency: unknown }).latency = () => (slow ? 1_500 : 0)
    const first = await spawnServe(database, issuer.url, appFlags(api.baseUrl))
    for (const leg of LEGS) expect((await uploadLeg(first.url, leg)).status).toBe(201)
    first.child.kill('SIGKILL')
    expect(await first.ended).toBe('SIGKILL')
    expect(completed(api)).toBe(false)
    slow = false
    const second = await spawnServe(database, issuer.url, appFlags(api.baseUrl))
    try {
      await until(() => completed(api), 'the report after the restart')
      await settle()
      expect(ours(api)).toHaveLength(1)
      expect(checkRuns(api)).toHaveLength(1)
    } finally {
      second.child.kill('SIGTERM')
      expect(await second.ended).toBe(0)
      await api.stop()
    }
  })
})

describe('a fork run relayed by the workflow_run job', () => {
  let api: GitHubStandIn
  let service: TestService
  const FORK_RUN = 5150
  const relayToken = (claims: Record<string, unknown> = {}) =>
    issuer.token({
      event_name: 'workflow_run',
      ref: 'refs/heads/main',
      run_id: '6000',
      check_run_id: '6001',
      ...claims,
    })
  const relay = async (
    runId: number,
    claims: Record<string, unknown> = {},
    leg: (typeof LEGS)[number] = LEGS[0],
  ) =>
    upload(service.url, await relayToken(claims), {
      schemaVersion: 1,
      headSha: HEAD,
      commentKey: 'default',
      result: leg.result,
      relayedRun: { id: runId },
    })
  beforeEach(async () => {
    api = await appStandIn()
    api.pulls.get(PULL)!.headOwner = 'contributor'
    api.pulls.get(PULL)!.headRef = 'patch-1'
    api.runs.set(FORK_RUN, {
      attempt: 1,
      event: 'pull_request',
      headSha: HEAD,
      headBranch: 'patch-1',
      headOwner: 'contributor',
    })
    service = await startTestService(
      await freshDatabase('sqlite'),
      issuer.url,
      appFlags(api.baseUrl),
    )
  })
  afterEach(async () => {
    await service.stop()
    await api.stop()
  })

  it("files each leg under the fork's run and pull request, and publishes one report", async () => {
    for (const leg of LEGS) expect((await relay(FORK_RUN, {}, leg)).status).toBe(201)
    await until(() => completed(api), 'the report')
    await settle()
    expect(ours(api)).toHaveLength(1)
    expect(checkRuns(api)).toHaveLength(1)
  })

  it.each([
    [
      'a token from a pull_request run',
      { event_name: 'pull_request' },
      FORK_RUN,
      /only a workflow_run job relays/,
    ],
    [
      'a run that is not this repository’s',
      {},
      999_999,
      /run 999999 is not a run of octo-org\/octo-repo/,
    ],
  ])('refuses %s', async (_what, claims, runId, why) => {
    const answer = await relay(runId, claims)
    expect(answer.status).toBe(403)
    expect(String(answer.body.error)).toMatch(why)
  })

  it('refuses a push run, and a run of another head', async () => {
    api.runs.set(1, {
      attempt: 1,
      event: 'push',
      headSha: HEAD,
      headBranch: 'main',
      headOwner: 'octo-org',
    })
    api.runs.set(2, {
      attempt: 1,
      event: 'pull_request',
      headSha: 'e'.repeat(40),
      headBranch: 'patch-1',
      headOwner: 'contributor',
    })
    expect((await relay(1)).body.error).toBe('run 1 is a push run, not a pull_request run')
    expect((await relay(2)).body.error).toBe('run 2 ran eeeeeee, not ccccccc')
    await settle()
    expect(api.checkRuns).toHaveLength(0)
  })
})

describe('the history in the published report', () => {
  it('says how often an outcome flipped on the default branch, from the uploads it kept', async () => {
    const api = await appStandIn()
    const service = await startTestService(
      await freshDatabase('sqlite'),
      issuer.url,
      appFlags(api.baseUrl),
    )
    try {
      // Four pushes to main: the first scenario's Linux outcome alternates, three flips.
      const [first] = LEGS[0].result.scenarios
      const flipped = (outcome: string) => ({
        ...LEGS[0].result,
        scenarios: [
          { ...first, outcome, counts: [{ ...first.counts[0], outcome }] },
          ...LEGS[0].result.scenarios.slice(1),
        ],
      })
      const outcomes = ['EADDRINUSE', 'ok', 'EADDRINUSE', 'ok']
      for (const [i, outcome] of outcomes.entries()) {
        const { token, body } = await legUpload(issuer, LEGS[0], {
          claims: { event_name: 'push', ref: 'refs/heads/main', run_id: String(100 + i) },
          result: flipped(outcome),
        })
        expect(
          (await upload(service.url, token, { ...body, headSha: String(i).repeat(40) })).status,
        ).toBe(201)
      }
      // The pull request: its base says which branch is the default.
      for (const leg of LEGS) {
        await uploadLeg(service.url, leg, { claims: { base_ref: 'main' } })
      }
      await until(() => ours(api).length === 1 && completed(api), 'the report')
      await settle()
      expect(ours(api)[0]!.body).toMatch(/flipped 3 times in the last 4 runs on linux\\?-x64/)
    } finally {
      await service.stop()
      await api.stop()
    }
  })
})

describe("the App's repository and installation webhooks", () => {
  it('a repository made public shows on the dashboard; a deleted installation takes its data', async () => {
    const api = await appStandIn()
    const service = await startTestService(
      await freshDatabase('sqlite'),
      issuer.url,
      appFlags(api.baseUrl),
    )
    const listed = async () =>
      (await (await fetch(`${service.url}/`)).text()).includes('octo-org/octo-repo')
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` }
    const stored = async () =>
      (
        (await (
          await fetch(`${service.url}/api/v1/results?repository_id=74`, { headers: operator })
        ).json()) as {
          results: unknown[]
        }
      ).results.length
    try {
      expect((await uploadLeg(service.url, LEGS[0])).status).toBe(201)
      // The token does not say the repository is public: a visitor does not see it.
      expect(await listed()).toBe(false)
      const repository = { id: 74, full_name: 'octo-org/octo-repo', private: false }
      expect(
        await sendWebhook(service.url, 'repository', { action: 'publicized', repository }),
      ).toBe(202)
      expect(await listed()).toBe(true)
      expect(await stored()).toBe(1)
      const deleted = { action: 'deleted', installation: { id: 77 }, repositories: [{ id: 74 }] }
      expect(await sendWebhook(service.url, 'installation', deleted)).toBe(202)
      expect(await stored()).toBe(0)
      expect(await listed()).toBe(false)
    } finally {
      await service.stop()
      await api.stop()
    }
  })
})
