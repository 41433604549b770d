// The check run against GitHub's API as nock plays it.
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  checkRunName,
  publishCheckRun,
  type CheckAnnotation,
  type PublishCheckRunOptions,
} from '../../src/github/check-run.ts'
import { API, REPO, rest } from './support/nock-github.ts'
import { testOctokit } from './support/clients.ts'
import { recordingLogger } from './support/logger.ts'

const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'

beforeAll(() => nock.disableNetConnect())
afterEach(() => {
  const pending = nock.pendingMocks()
  nock.cleanAll()
  expect(pending).toEqual([])
})

function annotations(n: number): CheckAnnotation[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `test/port-${i}.test.ts`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'warning',
    message: `hard-coded port ${8000 + i}`,
    title: 'PORT001',
  }))
}

function options(extra: Partial<PublishCheckRunOptions> = {}): PublishCheckRunOptions {
  return {
    repo: REPO,
    headSha: SHA,
    name: checkRunName('default'),
    title: 'linux-x64 and windows-x64 differ on 2 scenarios',
    summary: '## bind-probe\n\nAll good.',
    conclusion: 'failure',
    logger: recordingLogger(),
    ...extra,
  }
}

interface Sent {
  name?: string
  head_sha?: string
  status?: string
  conclusion?: string
  output?: { title: string; summary: string; text?: string; annotations?: CheckAnnotation[] }
}

describe('publishCheckRun', () => {
  it('creates a completed check run with the caller’s conclusion', async () => {
    let sent: Sent = {}
    rest()
      .post('/repos/octo-org/octo-repo/check-runs', (b: Sent) => ((sent = b), true))
      .reply(201, { id: 55, html_url: 'https://github.com/octo-org/octo-repo/runs/55' })
    const result = await publishCheckRun(testOctokit(API, recordingLogger()), options())
    expect(result).toEqual({
      status: 'created',
      checkRun: { id: 55, url: 'https://github.com/octo-org/octo-repo/runs/55' },
      annotationsSent: 0,
      trimmed: [],
    })
    expect(sent).toMatchObject({
      name: 'bind-probe',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: 'linux-x64 and windows-x64 differ on 2 scenarios',
        summary: '## bind-probe\n\nAll good.',
      },
    })
    expect(sent.output!.annotations).toBeUndefined()
  })

  it('sends 120 annotations as 50 + 50 + 20: the create, then two updates of the same run', async () => {
    const bodies: Sent[] = []
    rest()
      .post('/repos/octo-org/octo-repo/check-runs', (b: Sent) => (bodies.push(b), true))
      .reply(201, { id: 56, html_url: 'u' })
    rest()
      .patch('/repos/octo-org/octo-repo/check-runs/56', (b: Sent) => (bodies.push(b), true))
      .times(2)
      .reply(200, { id: 56, html_url: 'u' })
    const result = await publishCheckRun(
      testOctokit(API, recordingLogger()),
      options({ annotations: annotations(120) }),
    )
    expect(result.annotationsSent).toBe(120)
    expect(bodies.map((b) => b.output!.annotations!.length)).toEqual([50, 50, 20])
    // Every update repeats title and summary (the API requires them with `output`).
    for (const b of bodies)
      expect(b.output).toMatchObject({
        title: expect.any(String),
        summary: '## bind-probe\n\nAll good.',
      })
    const lines = bodies.flatMap((b) => b.output!.annotations!.map((a) => a.start_line))
    expect(lines).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
  })

  it('completes a check run created earlier when given its id', async () => {
    let sent: Sent = {}
    rest()
      .patch('/repos/octo-org/octo-repo/check-runs/77', (b: Sent) => ((sent = b), true))
      .reply(200, { id: 77, html_url: 'u' })
    const result = await publishCheckRun(
      testOctokit(API, recordingLogger()),
      options({ existingId: 77, conclusion: 'success' }),
    )
    expect(result.status).toBe('updated')
    expect(sent).toMatchObject({ status: 'completed', conclusion: 'success', name: 'bind-probe' })
    expect(sent.head_sha).toBeUndefined()
  })

  it('trims a summary over 65,535 characters and says so', async () => {
    let sent: Sent = {}
    rest()
      .post('/repos/octo-org/octo-repo/check-runs', (b: Sent) => ((sent = b), true))
      .reply(201, { id: 1, html_url: 'u' })
    const long = `<details><summary>matrix</summary>\n\n${'| scenario | linux | macos |\n'.repeat(4000)}</details>\n`
    const result = await publishCheckRun(
      testOctokit(API, recordingLogger()),
      options({ summary: long, text: 'short' }),
    )
    expect(result.trimmed).toEqual(['summary'])
    expect(sent.output!.summary.length).toBeLessThanOrEqual(65_535)
    expect(sent.output!.summary).toMatch(/<\/details>\n\n_… trimmed to fit/)
    expect(sent.output!.text).toBe('short')
  })

  it('makes annotations acceptable: columns only within one line, long text capped', async () => {
    let sent: Sent = {}
    rest()
      .post('/repos/octo-org/octo-repo/check-runs', (b: Sent) => ((sent = b), true))
      .reply(201, { id: 1, html_url: 'u' })
    await publishCheckRun(
      testOctokit(API, recordingLogger()),
      options({
        annotations: [
          {
            path: './src\\server.ts',
            start_line: 3,
            end_line: 5,
            start_column: 2,
            end_column: 9,
            annotation_level: 'failure',
            message: 'x'.repeat(70_000),
            title: 't'.repeat(300),
          },
        ],
      }),
    )
    const [a] = sent.output!.annotations!
    expect(a).toMatchObject({ path: 'src/server.ts', start_line: 3, end_line: 5 })
    expect(a!.start_column).toBeUndefined()
    expect(a!.message.length).toBe(64 * 1024)
    expect(a!.title!.length).toBe(255)
  })

  it('403 (read-only token): denied, no crash', async () => {
    rest()
      .post('/repos/octo-org/octo-repo/check-runs')
      .reply(403, { message: 'Resource not accessible by integration' })
    const result = await publishCheckRun(testOctokit(API, recordingLogger()), options())
    expect(result).toMatchObject({
      status: 'denied',
      refusal: { kind: 'denied', message: 'Resource not accessible by integration' },
    })
  })

  it('404 (the check run to complete is gone): not-found', async () => {
    rest().patch('/repos/octo-org/octo-repo/check-runs/9').reply(404, { message: 'Not Found' })
    const result = await publishCheckRun(
      testOctokit(API, recordingLogger()),
      options({ existingId: 9 }),
    )
    expect(result.status).toBe('not-found')
  })

  it('422 on a later annotation batch: rejected, and the run created so far is reported', async () => {
    rest().post('/repos/octo-org/octo-repo/check-runs').reply(201, { id: 60, html_url: 'u' })
    rest()
      .patch('/repos/octo-org/octo-repo/check-runs/60')
      .reply(422, {
        message: 'Invalid request.',
        errors: ['annotation path is not in the repository'],
      })
    const result = await publishCheckRun(
      testOctokit(API, recordingLogger()),
      options({ annotations: annotations(60) }),
    )
    expect(result).toMatchObject({ status: 'rejected', checkRun: { id: 60 }, annotationsSent: 50 })
    expect(result.refusal!.message).toContain('annotation path is not in the repository')
  })

  it('5xx then success: retried', async () => {
    rest().post('/repos/octo-org/octo-repo/check-runs').reply(502, 'Bad Gateway')
    rest().post('/repos/octo-org/octo-repo/check-runs').reply(201, { id: 61, html_url: 'u' })
    const result = await publishCheckRun(testOctokit(API, recordingLogger()), options())
    expect(result.status).toBe('created')
  })

  it('secondary rate limit: retried after retry-after', async () => {
    const logger = recordingLogger()
    rest()
      .post('/repos/octo-org/octo-repo/check-runs')
      .reply(403, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '5' })
    rest().post('/repos/octo-org/octo-repo/check-runs').reply(201, { id: 62, html_url: 'u' })
    const result = await publishCheckRun(testOctokit(API, logger), options())
    expect(result.status).toBe('created')
    expect(logger.warnings()).toEqual([
      expect.stringMatching(/secondary rate limit .* retrying in 5 s/),
    ])
  })

  it('names check runs stably per comment key', () => {
    expect(checkRunName('default')).toBe('bind-probe')
    expect(checkRunName('nightly')).toBe('bind-probe (nightly)')
    expect(() => checkRunName('x y')).toThrow(/comment key "x y"/)
  })
})
