// Several reports publishing to the same PR and comment key at once, against a real HTTP stand-in
// of the API with realistic latency: however they interleave, exactly one comment survives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findComment } from '../../src/github/comment-lookup.ts'
import { publishComment, type CommentStrategy } from '../../src/github/comment-publish.ts'
import { GitHubStandIn } from './stand-in/github-api.ts'
import { testOctokit } from './support/clients.ts'
import { recordingLogger } from './support/logger.ts'

const MARKER = '<!-- bind-probe:comment key=default -->'

// A small deterministic generator, so a failing interleaving can be replayed.
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

let api: GitHubStandIn
let random: () => number

beforeEach(async () => {
  random = seeded(Number(process.env.RACE_SEED ?? 42))
  // 20–120 ms per request: the spread of api.github.com round trips from a hosted runner.
  api = new GitHubStandIn({ latency: () => 20 + Math.floor(random() * 100) })
  await api.start()
})

afterEach(async () => {
  await api.stop()
})

async function race(pr: number, racers: number, strategy: CommentStrategy, stagger = 40) {
  const results = await Promise.all(
    Array.from({ length: racers }, async (_, i) => {
      await new Promise((r) => setTimeout(r, Math.floor(random() * stagger)))
      const logger = recordingLogger()
      const octokit = testOctokit(api.baseUrl, logger)
      const lookup = await findComment(octokit, {
        repo: { owner: api.owner, repo: api.repo },
        number: pr,
        key: 'default',
      })
      return publishComment(octokit, lookup, {
        body: `report from racer ${i}`,
        mode: 'always',
        strategy,
        logger,
      })
    }),
  )
  return results
}

describe('racing reports leave exactly one comment per key', () => {
  it.each([2, 3, 6])('%i reports creating the first comment at once', async (racers) => {
    let duplicatesCreated = 0
    for (let round = 0; round < 5; round++) {
      const pr = 100 * racers + round
      api.addPull({ number: pr })
      api.addComment(pr, 'octocat', 'LGTM, but what about Windows?')
      const results = await race(pr, racers, 'update')
      const live = api.liveCommentsWith(pr, MARKER)
      expect(live, `round ${round}`).toHaveLength(1)
      // The survivor is one that a racer wrote, and some racer says so.
      expect(results.map((r) => r.comment?.id)).toContain(live[0]!.id)
      // A racer that came late found the comment and updated it; none may do anything else.
      for (const r of results) expect(['created', 'updated']).toContain(r.status)
      duplicatesCreated += results.filter((r) => r.status === 'created').length - 1
      expect(results.reduce((n, r) => n + r.removedDuplicates, 0)).toBe(
        results.filter((r) => r.status === 'created').length - 1,
      )
    }
    // The latency made the racers really collide, so the clean-up path was exercised.
    expect(duplicatesCreated).toBeGreaterThan(0)
  })

  it.each<CommentStrategy>(['update', 'recreate', 'hide-previous'])(
    'four reports at once on a PR that already has our comment (%s)',
    async (strategy) => {
      for (let round = 0; round < 4; round++) {
        const pr = 700 + round
        api.addPull({ number: pr })
        api.addComment(pr, 'github-actions[bot]', `old report\n\n${MARKER}\n`)
        for (let i = 0; i < 150; i++) api.addComment(pr, 'octocat', `comment ${i}`)
        await race(pr, 4, strategy)
        expect(api.liveCommentsWith(pr, MARKER), `round ${round}`).toHaveLength(1)
        expect(api.liveCommentsWith(pr, MARKER)[0]!.body).toMatch(/^report from racer \d/)
      }
    },
  )

  it('a late report after the race updates the survivor instead of adding one', async () => {
    api.addPull({ number: 9 })
    await race(9, 3, 'update')
    const survivor = api.liveCommentsWith(9, MARKER)[0]!
    const logger = recordingLogger()
    const octokit = testOctokit(api.baseUrl, logger)
    const lookup = await findComment(octokit, {
      repo: { owner: api.owner, repo: api.repo },
      number: 9,
      key: 'default',
    })
    const result = await publishComment(octokit, lookup, {
      body: 'later report',
      mode: 'always',
      logger,
    })
    expect(result.status).toBe('updated')
    expect(api.liveCommentsWith(9, MARKER).map((c) => c.id)).toEqual([survivor.id])
  })

  it('holds with GitHub’s own write spacing (1 s per write, 3 s per comment creation)', async () => {
    api.addPull({ number: 11 })
    const results = await Promise.all(
      Array.from({ length: 3 }, async (_, i) => {
        const logger = recordingLogger()
        const octokit = testOctokit(api.baseUrl, logger, {
          pacing: { writeMs: 1000, notificationMs: 3000 },
        })
        const lookup = await findComment(octokit, {
          repo: { owner: api.owner, repo: api.repo },
          number: 11,
          key: 'default',
        })
        return publishComment(octokit, lookup, { body: `paced racer ${i}`, mode: 'always', logger })
      }),
    )
    expect(api.liveCommentsWith(11, MARKER)).toHaveLength(1)
    expect(results.map((r) => r.comment?.id)).toContain(api.liveCommentsWith(11, MARKER)[0]!.id)
  })
})
