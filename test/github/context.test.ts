// Run context from real webhook payloads (@octokit/webhooks-examples) and runner variables.
import { describe, expect, it } from 'vitest'
import nock from 'nock'
import examples from '@octokit/webhooks-examples/api.github.com/index.json' with { type: 'json' }
import { resolveContext, ContextError } from '../../src/github/context.ts'
import { resolvePullRequest } from '../../src/github/pull-request.ts'
import { API, rest } from './support/nock-github.ts'
import { testOctokit } from './support/clients.ts'
import { recordingLogger } from './support/logger.ts'

type Payload = Record<string, unknown>

function example(name: string, pick: (p: Payload) => boolean = () => true): Payload {
  const entry = (examples as Array<{ name: string; examples: Payload[] }>).find(
    (e) => e.name === name,
  )
  const found = entry?.examples.find(pick)
  if (!found) throw new Error(`no ${name} example`)
  return structuredClone(found)
}

function env(eventName: string, payload: Payload, extra: Record<string, string> = {}) {
  const files = new Map([['/runner/event.json', JSON.stringify(payload)]])
  const vars = {
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: '/runner/event.json',
    GITHUB_SHA: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_ACTOR: 'Codertocat',
    ...extra,
  }
  return resolveContext(vars, (path) => {
    const text = files.get(path)
    if (text === undefined) throw new Error('ENOENT: no such file')
    return text
  })
}

describe('resolveContext', () => {
  it('pull_request: the PR, its head commit (not the merge commit), same repository', () => {
    const ctx = env(
      'pull_request',
      example('pull_request', (p) => p.action === 'opened'),
    )
    expect(ctx.kind).toBe('pull_request')
    expect(ctx.pullRequest).toMatchObject({
      number: 2,
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      baseRef: 'master',
      headRef: 'changes',
      fromFork: false,
      source: 'event',
    })
    expect(ctx.headSha).toBe('ec26c3e57ca3a959ca5aad62de7213c562f8c821')
    expect(ctx.sha).toBe('f95f852bd8fca8fcc58a9a2d6c842781e32a215e')
    expect(ctx.readOnlyReason).toBeUndefined()
    expect(ctx).toMatchObject({
      runId: 1658821493,
      runAttempt: 2,
      apiUrl: 'https://api.github.com',
    })
    expect(ctx.runUrl).toBe('https://github.com/Codertocat/Hello-World/actions/runs/1658821493')
  })

  it.each(['pull_request_review', 'pull_request_review_comment'])(
    '%s: the pull request of a real payload, so the policy is read at its base, not GITHUB_SHA',
    (name) => {
      const payload = example(name)
      const pr = payload.pull_request as { number: number; head: { sha: string } }
      const ctx = env(name, payload)
      expect(ctx.kind).toBe('pull_request')
      expect(ctx.eventName).toBe(name)
      expect(ctx.pullRequest).toMatchObject({ number: pr.number, headSha: pr.head.sha })
      expect(ctx.headSha).toBe(pr.head.sha)
    },
  )

  it('pull_request from a fork: marked as such, token expected read-only', () => {
    const payload = example('pull_request', (p) => p.action === 'opened')
    const pr = payload.pull_request as { head: { repo: { full_name: string } } }
    pr.head.repo.full_name = 'forker/Hello-World'
    const ctx = env('pull_request', payload)
    expect(ctx.pullRequest).toMatchObject({ fromFork: true, headRepo: 'forker/Hello-World' })
    expect(ctx.readOnlyReason).toBe('fork')
  })

  it('Dependabot’s pull request: token expected read-only', () => {
    const ctx = env(
      'pull_request',
      example('pull_request', (p) => p.action === 'synchronize'),
      { GITHUB_ACTOR: 'dependabot[bot]' },
    )
    expect(ctx.readOnlyReason).toBe('dependabot')
  })

  it('push: no pull request; the check goes on the pushed commit', () => {
    const ctx = env('push', example('push'))
    expect(ctx.kind).toBe('push')
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.headSha).toBe('f95f852bd8fca8fcc58a9a2d6c842781e32a215e')
  })

  it('merge_group: no pull request; the check goes on the queue’s head commit', () => {
    const ctx = env('merge_group', example('merge_group'))
    expect(ctx.kind).toBe('merge_group')
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.headSha).toBe('2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d')
  })

  it('workflow_run for a same-repository PR: the PR comes from the run’s own list', () => {
    const payload = example(
      'workflow_run',
      (p) => ((p.workflow_run as Payload).pull_requests as unknown[]).length > 0,
    )
    const run = payload.workflow_run as Payload
    run.event = 'pull_request'
    run.head_sha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
    ;(payload.repository as Payload).id = 186853002
    const ctx = env('workflow_run', payload)
    expect(ctx.triggeringRun).toMatchObject({
      id: 289782451,
      event: 'pull_request',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
    })
    expect(ctx.pullRequest).toMatchObject({ number: 2, source: 'workflow-run' })
    expect(ctx.headSha).toBe('ec26c3e57ca3a959ca5aad62de7213c562f8c821')
  })

  it('workflow_run for a fork PR: an empty list, so no PR until one is verified', () => {
    const payload = example('workflow_run', (p) => p.action === 'completed')
    const run = payload.workflow_run as Payload
    run.event = 'pull_request'
    run.head_repository = { full_name: 'forker/octo-repo' }
    const ctx = env('workflow_run', payload)
    expect(ctx.pullRequest).toBeUndefined()
    expect(ctx.triggeringRun).toMatchObject({ headRepo: 'forker/octo-repo', pullRequests: [] })
  })

  it('GitHub Enterprise Server: API and GraphQL URLs from the variables, or derived from the server', () => {
    const ctx = env('push', example('push'), {
      GITHUB_SERVER_URL: 'https://ghes.example.com',
      GITHUB_API_URL: 'https://ghes.example.com/api/v3',
    })
    expect(ctx).toMatchObject({
      apiUrl: 'https://ghes.example.com/api/v3',
    })
    const derived = env('push', example('push'), { GITHUB_SERVER_URL: 'https://ghes.example.com/' })
    expect(derived).toMatchObject({
      apiUrl: 'https://ghes.example.com/api/v3',
      runUrl: 'https://ghes.example.com/Codertocat/Hello-World/actions/runs/1658821493',
    })
  })

  it('says what is wrong and where', () => {
    expect(() => resolveContext({})).toThrow(
      new ContextError(
        'GITHUB_REPOSITORY is not set: run inside GitHub Actions, or set it for a local run',
      ),
    )
    expect(() => env('push', {}, { GITHUB_RUN_ID: 'abc' })).toThrow(
      /GITHUB_RUN_ID must be a whole number, got "abc"/,
    )
    expect(() => env('pull_request', {})).toThrow(
      /a pull_request event without a pull_request in its payload \(\/runner\/event\.json\)/,
    )
    expect(() =>
      resolveContext({ GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: '/nope' }, () => {
        throw new Error('ENOENT')
      }),
    ).toThrow(/cannot read the event payload at GITHUB_EVENT_PATH=\/nope: ENOENT/)
    expect(() =>
      resolveContext({ GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: '/e' }, () => '{oops'),
    ).toThrow(/the event payload at \/e is not JSON/)
  })
})

describe('resolvePullRequest for a workflow_run report (the fork recipe)', () => {
  function forkRun() {
    const payload = example('workflow_run', (p) => p.action === 'completed')
    const run = payload.workflow_run as Payload
    run.event = 'pull_request'
    run.head_sha = 'd'.repeat(40)
    run.head_branch = 'fix-ports'
    run.head_repository = { full_name: 'forker/octo-repo' }
    return env('workflow_run', payload, { GITHUB_REPOSITORY: 'octo-org/octo-repo' })
  }
  const pull = (sha: string, base = 'octo-org/octo-repo') => ({
    number: 12,
    head: { sha, ref: 'fix-ports', repo: { full_name: 'forker/octo-repo' } },
    base: { ref: 'main', repo: { full_name: base } },
  })

  it('believes the PR number from the artifacts once the API shows its head is the run’s commit', async () => {
    nock.disableNetConnect()
    rest()
      .get('/repos/octo-org/octo-repo/pulls/12')
      .reply(200, pull('d'.repeat(40)))
    const pr = await resolvePullRequest(
      testOctokit(API, recordingLogger()),
      forkRun(),
      [12, 12],
      recordingLogger(),
    )
    expect(pr).toMatchObject({
      number: 12,
      fromFork: true,
      source: 'verified-claim',
      baseRef: 'main',
    })
    expect(nock.pendingMocks()).toEqual([])
  })

  it('ignores a claimed PR whose head is another commit (a forged artifact), then asks by branch', async () => {
    const logger = recordingLogger()
    rest()
      .get('/repos/octo-org/octo-repo/pulls/1')
      .reply(200, pull('e'.repeat(40)))
    rest()
      .get('/repos/octo-org/octo-repo/pulls')
      .query({ head: 'forker:fix-ports', state: 'open', per_page: 10 })
      .reply(200, [pull('d'.repeat(40))])
    const pr = await resolvePullRequest(testOctokit(API, logger), forkRun(), [1], logger)
    expect(pr).toMatchObject({ number: 12, source: 'head-branch' })
    expect(logger.warnings()[0]).toMatch(
      /name pull request #1, but its head is eeeeeeeeeeee, not the commit the triggering run tested \(dddddddddddd\)/,
    )
    expect(nock.pendingMocks()).toEqual([])
  })

  it('finds nothing: no comment target, and no error', async () => {
    rest().get('/repos/octo-org/octo-repo/pulls').query(true).reply(200, [])
    const pr = await resolvePullRequest(
      testOctokit(API, recordingLogger()),
      forkRun(),
      [],
      recordingLogger(),
    )
    expect(pr).toBeUndefined()
    expect(nock.pendingMocks()).toEqual([])
    nock.cleanAll()
  })
})
