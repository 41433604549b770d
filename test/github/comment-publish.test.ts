// The sticky comment against GitHub's API as nock plays it: every request the publisher makes is
// declared here, and nock fails the test on any other (a write that should not happen).
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findComment } from '../../src/github/comment-lookup.ts'
import { publishComment, type PublishCommentOptions } from '../../src/github/comment-publish.ts'
import { reportRefusals } from '../../src/github/degrade.ts'
import {
  API,
  MARKER,
  REPO,
  graphql,
  page,
  rest,
  type FakeComment,
  type GraphqlBody,
} from './support/nock-github.ts'
import { testOctokit } from './support/clients.ts'
import { recordingLogger, type RecordingLogger } from './support/logger.ts'

const TARGET = { repo: REPO, number: 7, key: 'default' }
const OURS = (text: string) => `${text}\n\n${MARKER}\n`

let logger: RecordingLogger

beforeAll(() => {
  nock.disableNetConnect()
})

afterEach(() => {
  const pending = nock.pendingMocks()
  nock.cleanAll()
  expect(pending, 'requests the test expected but the code never made').toEqual([])
})

async function run(options: Partial<PublishCommentOptions> = {}) {
  logger = recordingLogger()
  const api = testOctokit(API, logger)
  const lookup = await findComment(api, TARGET)
  const result = await publishComment(api, lookup, {
    body: 'new report',
    mode: 'always',
    logger,
    ...options,
  })
  return { lookup, result }
}

function createdComment(id: number, body: string) {
  return {
    id,
    node_id: `IC_${id}`,
    html_url: `https://github.com/octo-org/octo-repo/pull/7#issuecomment-${id}`,
    body,
  }
}

describe('publishComment', () => {
  it('creates the comment when the PR has none of ours, with the marker last', async () => {
    graphql('BindProbeComments', { last: 100, number: 7 }).reply(
      200,
      page([{ id: 1, body: 'LGTM' }]),
    )
    let posted = ''
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments', (b: { body: string }) => {
        posted = b.body
        return true
      })
      .reply(201, createdComment(2, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: 'c1' }).reply(
      200,
      page([{ id: 2, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run()
    expect(result).toMatchObject({
      status: 'created',
      comment: { id: 2, nodeId: 'IC_2' },
      removedDuplicates: 0,
    })
    expect(result.previousBody).toBeUndefined()
    expect(posted).toBe(OURS('new report'))
  })

  it('updates our comment in place and hands back its previous body', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([
        { id: 1, body: 'LGTM' },
        { id: 5, body: OURS('old report'), mine: true },
      ]),
    )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/5', { body: OURS('new report') })
      .reply(200, createdComment(5, OURS('new report')))
    const { result } = await run()
    expect(result).toMatchObject({
      status: 'updated',
      comment: { id: 5 },
      previousBody: OURS('old report'),
    })
  })

  it('writes nothing when the body is unchanged', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('new report').replace(/\n/g, '\r\n'), mine: true }]),
    )
    const { result } = await run()
    expect(result).toMatchObject({
      status: 'unchanged',
      unchangedBecause: 'same-body',
      comment: { id: 5 },
    })
  })

  it('in mode `changes`, writes nothing when the results did not change', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('report at 10:00'), mine: true }]),
    )
    const { result } = await run({
      body: 'report at 11:00',
      mode: 'changes',
      resultsChanged: false,
    })
    expect(result).toMatchObject({
      status: 'unchanged',
      unchangedBecause: 'same-results',
      previousBody: OURS('report at 10:00'),
    })
  })

  it('in mode `changes`, still writes the first comment', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(9, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: null }).reply(
      200,
      page([{ id: 9, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run({ mode: 'changes', resultsChanged: false })
    expect(result.status).toBe('created')
  })

  it('in mode `off`, makes no request at all', async () => {
    logger = recordingLogger()
    const api = testOctokit(API, logger)
    const lookup = { target: TARGET, marker: MARKER, duplicates: [], tailCursor: null }
    const result = await publishComment(api, lookup, { body: 'x', mode: 'off', logger })
    expect(result.status).toBe('off')
  })

  it('recreate: deletes our comment and posts anew at the bottom', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([
        { id: 5, body: OURS('old'), mine: true },
        { id: 6, body: 'a reply' },
      ]),
    )
    rest().delete('/repos/octo-org/octo-repo/issues/comments/5').reply(204)
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(8, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: 'c6' }).reply(
      200,
      page([{ id: 8, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run({ strategy: 'recreate' })
    expect(result).toMatchObject({
      status: 'recreated',
      comment: { id: 8 },
      previousBody: OURS('old'),
    })
  })

  it('hide-previous: minimizes our comment as outdated through GraphQL and posts anew', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('old'), mine: true }]),
    )
    let minimize: GraphqlBody = {}
    graphql('BindProbeHide', { id: 'IC_5' }, (body) => (minimize = body)).reply(200, {
      data: { minimizeComment: { minimizedComment: { isMinimized: true } } },
    })
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(8, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: 'c5' }).reply(
      200,
      page([{ id: 8, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run({ strategy: 'hide-previous' })
    expect(result).toMatchObject({ status: 'recreated', comment: { id: 8 } })
    expect(minimize.query).toMatch(
      /minimizeComment\(input: \{ subjectId: \$id, classifier: OUTDATED \}\)/,
    )
  })

  it('leaves alone a comment someone else wrote, even with our marker in it, and posts its own', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([
        { id: 3, body: OURS('I copied your marker'), mine: false },
        { id: 4, body: OURS('so did I, and hid it'), mine: false, minimized: true },
      ]),
    )
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(9, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: 'c4' }).reply(
      200,
      page([{ id: 9, body: OURS('new report'), mine: true }]),
    )
    // No PATCH or DELETE of comment 3 or 4 is declared: nock would refuse one.
    const { result } = await run()
    expect(result).toMatchObject({ status: 'created', comment: { id: 9 }, removedDuplicates: 0 })
  })

  it('removes older duplicates of ours found on the way, and updates the newest', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([
        { id: 3, body: OURS('dup'), mine: true },
        { id: 4, body: OURS('old'), mine: true },
        { id: 5, body: OURS('hidden'), mine: true, minimized: true },
      ]),
    )
    rest().delete('/repos/octo-org/octo-repo/issues/comments/3').reply(204)
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/4')
      .reply(200, createdComment(4, OURS('new report')))
    const { result } = await run()
    expect(result).toMatchObject({
      status: 'updated',
      comment: { id: 4 },
      removedDuplicates: 1,
      previousBody: OURS('old'),
    })
  })

  it('finds a recreated comment among 250 in one read: the newest page comes first', async () => {
    const comments: FakeComment[] = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      body: `comment ${i + 1}`,
    }))
    comments[219] = { id: 220, body: OURS('ours, recreated once'), mine: true }
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page(comments.slice(150), { hasPreviousPage: true, total: comments.length }),
    )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/220')
      .reply(200, createdComment(220, OURS('new report')))
    const { result } = await run()
    expect(result).toMatchObject({ status: 'updated', comment: { id: 220 } })
  })

  it('finds a comment posted when the PR opened among 250 in two reads: newest page, then oldest', async () => {
    const comments: FakeComment[] = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      body: `comment ${i + 1}`,
    }))
    comments[1] = { id: 2, body: OURS('ours, from the first push'), mine: true }
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page(comments.slice(150), { hasPreviousPage: true, total: comments.length }),
    )
    graphql('BindProbeComments', { first: 100 }).reply(
      200,
      page(comments.slice(0, 100), { hasNextPage: true, total: comments.length }),
    )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/2')
      .reply(200, createdComment(2, OURS('new report')))
    const { result } = await run()
    expect(result).toMatchObject({ status: 'updated', comment: { id: 2 } })
  })

  it('reads the middle of a long thread from the newest end when ours is not at either end', async () => {
    const comments: FakeComment[] = Array.from({ length: 350 }, (_, i) => ({
      id: i + 1,
      body: `comment ${i + 1}`,
    }))
    comments[149] = { id: 150, body: OURS('ours, mid-thread'), mine: true }
    graphql('BindProbeComments', { last: 100, before: undefined }).reply(
      200,
      page(comments.slice(250), { hasPreviousPage: true, total: comments.length }),
    )
    graphql('BindProbeComments', { first: 100 }).reply(
      200,
      page(comments.slice(0, 100), { hasNextPage: true, total: comments.length }),
    )
    graphql('BindProbeComments', { last: 100, before: 'c251' }).reply(
      200,
      page(comments.slice(150, 250), { hasPreviousPage: true, total: comments.length }),
    )
    graphql('BindProbeComments', { last: 100, before: 'c151' }).reply(
      200,
      page(comments.slice(100, 150), { hasPreviousPage: true, total: comments.length }),
    )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/150')
      .reply(200, createdComment(150, OURS('new report')))
    const { result } = await run()
    expect(result).toMatchObject({ status: 'updated', comment: { id: 150 } })
  })

  it('recreate on a long thread checks for racers only after the newest page it read', async () => {
    const comments: FakeComment[] = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      body: `comment ${i + 1}`,
    }))
    comments[0] = { id: 1, body: OURS('old'), mine: true }
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page(comments.slice(150), { hasPreviousPage: true, total: comments.length }),
    )
    graphql('BindProbeComments', { first: 100 }).reply(
      200,
      page(comments.slice(0, 100), { hasNextPage: true, total: comments.length }),
    )
    rest().delete('/repos/octo-org/octo-repo/issues/comments/1').reply(204)
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(251, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: 'c250' }).reply(
      200,
      page([{ id: 251, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run({ strategy: 'recreate' })
    expect(result).toMatchObject({ status: 'recreated', comment: { id: 251 } })
  })

  it('when our comment vanished before the update, looks again and creates it', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('old'), mine: true }]),
    )
    rest().patch('/repos/octo-org/octo-repo/issues/comments/5').reply(404, { message: 'Not Found' })
    graphql('BindProbeComments', { last: 100 }).reply(200, page([{ id: 6, body: 'a reply' }]))
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(7, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: 'c6' }).reply(
      200,
      page([{ id: 7, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run()
    expect(result).toMatchObject({ status: 'created', comment: { id: 7 } })
  })
})

describe('publishComment when GitHub refuses or stumbles', () => {
  it('403 from a read-only token (fork, Dependabot): a result and one clear warning, no crash', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    rest().post('/repos/octo-org/octo-repo/issues/7/comments').reply(403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    })
    const { result } = await run()
    expect(result).toMatchObject({ status: 'denied', refusal: { kind: 'denied', status: 403 } })
    const report = reportRefusals(
      [{ surface: 'the PR comment', ...(result.refusal ? { refusal: result.refusal } : {}) }],
      { kind: 'pull_request', readOnlyReason: 'fork' },
      'warn',
      logger,
    )
    expect(report).toMatchObject({ denied: true, fail: false })
    expect(logger.warnings()).toHaveLength(1)
    expect(logger.warnings()[0]).toMatch(
      /could not write the PR comment: GitHub said "Resource not accessible by integration"\. This pull request comes from a fork.*job summary.*workflow_run/,
    )
  })

  it('403 under the `error` policy: the same single message, as an error the step fails on', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(403, { message: 'Resource not accessible by integration' })
    const { result } = await run()
    const report = reportRefusals(
      [
        { surface: 'the PR comment', refusal: result.refusal! },
        {
          surface: 'the check run',
          refusal: {
            kind: 'denied',
            status: 403,
            message: 'Resource not accessible by integration',
          },
        },
      ],
      { kind: 'pull_request' },
      'error',
      logger,
    )
    expect(report.fail).toBe(true)
    expect(logger.errors()).toEqual([
      expect.stringMatching(
        /could not write the PR comment and the check run.*pull-requests: write.*checks: write/,
      ),
    ])
    expect(logger.warnings()).toEqual([])
  })

  it('404 on the lookup (the PR is gone, or the token cannot see it): no write is attempted', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, {
      data: { repository: { pullRequest: null } },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository', 'pullRequest'],
          message: 'Could not resolve to a PullRequest with the number of 7.',
        },
      ],
    })
    const { lookup, result } = await run()
    expect(lookup.refusal).toMatchObject({ kind: 'not-found' })
    expect(result).toMatchObject({
      status: 'not-found',
      refusal: { message: 'Could not resolve to a PullRequest with the number of 7.' },
    })
  })

  it('422 (body too long, say): rejected, with GitHub’s reason', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ],
      })
    const { result } = await run()
    expect(result).toMatchObject({ status: 'rejected', refusal: { kind: 'invalid', status: 422 } })
    expect(result.refusal!.message).toContain('Body is too long (maximum is 65536 characters)')
  })

  it('a body over the limit is cut to fit before it is sent, keeping the marker', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    let posted = ''
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments', (b: { body: string }) => {
        posted = b.body
        return true
      })
      .reply(201, createdComment(2, 'x'))
    graphql('BindProbeComments', { first: 100, after: null }).reply(
      200,
      page([{ id: 2, body: 'x', mine: true }]),
    )
    const { result } = await run({ body: `${'| a | b |\n'.repeat(9000)}` })
    expect(result.trimmed).toBe(true)
    expect(posted.length).toBeLessThanOrEqual(65_536)
    expect(posted.endsWith(`${MARKER}\n`)).toBe(true)
    expect(posted).toContain('trimmed to fit')
  })

  it('5xx: retried, then published', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(502, 'Bad Gateway')
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('old'), mine: true }]),
    )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/5')
      .reply(500, { message: 'Server Error' })
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/5')
      .reply(200, createdComment(5, OURS('new report')))
    const { result } = await run()
    expect(result.status).toBe('updated')
  })

  it('5xx that persists: `unavailable` after the retries, not a crash', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('old'), mine: true }]),
    )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/5')
      .times(4)
      .reply(503, { message: 'Service Unavailable' })
    const { result } = await run()
    expect(result).toMatchObject({ status: 'unavailable', refusal: { status: 503 } })
  })

  it('secondary rate limit: waits the retry-after GitHub gives, logs it, then publishes', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    rest().post('/repos/octo-org/octo-repo/issues/7/comments').reply(
      403,
      {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      { 'retry-after': '30' },
    )
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .reply(201, createdComment(2, OURS('new report')))
    graphql('BindProbeComments', { first: 100, after: null }).reply(
      200,
      page([{ id: 2, body: OURS('new report'), mine: true }]),
    )
    const { result } = await run()
    expect(result.status).toBe('created')
    expect(logger.warnings()).toEqual([
      expect.stringMatching(
        /secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: retrying in 30 s \(retry 1 of 3\)/,
      ),
    ])
  })

  it('primary rate limit: waits until the reset, then publishes', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(
      200,
      page([{ id: 5, body: OURS('old'), mine: true }]),
    )
    const reset = Math.floor(Date.now() / 1000) + 20
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/5')
      .reply(
        403,
        { message: 'API rate limit exceeded for installation ID 1.' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      )
    rest()
      .patch('/repos/octo-org/octo-repo/issues/comments/5')
      .reply(200, createdComment(5, OURS('new report')))
    const { result } = await run()
    expect(result.status).toBe('updated')
    expect(logger.warnings()[0]).toMatch(/primary rate limit .*retrying in \d+ s/)
  })

  it('a secondary rate limit that outlasts the retries ends as `unavailable`, logged each time', async () => {
    graphql('BindProbeComments', { last: 100 }).reply(200, page([]))
    rest()
      .post('/repos/octo-org/octo-repo/issues/7/comments')
      .times(4)
      .reply(403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' })
    const { result } = await run()
    expect(result).toMatchObject({ status: 'unavailable' })
    expect(logger.warnings()).toHaveLength(4)
    expect(logger.warnings()[3]).toMatch(/giving up after 3 retries/)
  })
})

describe('the posted body', () => {
  it('keeps the renderer’s trailer (digest, then marker) whole and last', async () => {
    const { markedBody } = await import('../../src/github/comment-marker.ts')
    const rendered = `## bind-probe\n\nall agree\n\n<!-- bind-probe:digest v1.abc -->\n${MARKER}\n`
    expect(markedBody(rendered, 'default')).toEqual({ body: rendered, trimmed: false })
    const long = `## bind-probe\n\n${'| a | b |\n'.repeat(9000)}\n<!-- bind-probe:digest v1.abc -->\n${MARKER}\n`
    const cut = markedBody(long, 'default')
    expect(cut.trimmed).toBe(true)
    expect(cut.body.length).toBeLessThanOrEqual(65_536)
    expect(
      cut.body.endsWith(
        `trimmed to fit GitHub's comment size limit; the job summary has the full report._\n\n<!-- bind-probe:digest v1.abc -->\n${MARKER}\n`,
      ),
    ).toBe(true)
    // A body without the marker gets it.
    expect(markedBody('plain', 'default').body).toBe(`plain\n\n${MARKER}\n`)
  })
})
