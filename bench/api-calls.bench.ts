// Counts the GitHub API calls one report makes for its PR comment, on a PR with 1 and with 3,000
// existing comments, against the loopback stand-in of the API (test/github/stand-in). Calls are
// what the design controls (and what rate limits count); time is shown under GitHub's own write
// spacing (1 s between writes, 3 s between comment creations) and 50 ms per round trip.
//
//   npm run bench:api-calls            # prints a Markdown table (docs/performance.md)
import { findComment } from '../src/github/comment-lookup.ts'
import { publishComment, type CommentStrategy } from '../src/github/comment-publish.ts'
import { createOctokit } from '../src/github/octokit.ts'
import type { Logger } from '../src/github/logger.ts'
import { GitHubStandIn } from '../test/github/stand-in/github-api.ts'

const MARKER = '<!-- bind-probe:comment key=default -->'
const quiet: Logger = { debug() {}, info() {}, warning() {}, error() {} }
const LATENCY_MS = 50

interface Case {
  title: string
  size: number
  /** Where our comment already sits, if anywhere: index among the existing comments. */
  ours?: 'none' | 'oldest' | 'middle' | 'newest'
  strategy?: CommentStrategy
  sameBody?: boolean
  racers?: number
}

const CASES: Case[] = []
for (const size of [1, 3000]) {
  CASES.push(
    { title: 'first report (no comment of ours yet)', size, ours: 'none' },
    { title: 'update; ours posted when the PR opened', size, ours: 'oldest' },
    { title: 'update; ours posted mid-thread', size, ours: 'middle' },
    { title: 'update; ours is the newest (after a recreate)', size, ours: 'newest' },
    { title: 'unchanged body (no write)', size, ours: 'oldest', sameBody: true },
    { title: 'recreate', size, ours: 'oldest', strategy: 'recreate' },
    { title: 'hide-previous', size, ours: 'oldest', strategy: 'hide-previous' },
    { title: '3 reports racing to create it', size, ours: 'none', racers: 3 },
  )
}

let nextProcess = 0
let nextPr = 1

async function runCase(api: GitHubStandIn, c: Case) {
  const pr = nextPr++
  api.addPull({ number: pr })
  const existing = Math.max(c.size, 1)
  const oursAt =
    c.ours === 'oldest'
      ? Math.min(1, existing - 1)
      : c.ours === 'middle'
        ? Math.floor(existing / 2)
        : c.ours === 'newest'
          ? existing - 1
          : -1
  for (let i = 0; i < existing; i++) {
    if (i === oursAt)
      api.addComment(
        pr,
        'github-actions[bot]',
        c.sameBody ? `the report\n\n${MARKER}\n` : `old report\n\n${MARKER}\n`,
      )
    else
      api.addComment(pr, i % 2 ? 'octocat' : 'hubot', `comment ${i}: ${'lorem ipsum '.repeat(8)}`)
  }
  const before = api.requests.length
  const started = performance.now()
  await Promise.all(
    Array.from({ length: c.racers ?? 1 }, async (_, r) => {
      const octokit = createOctokit({
        token: 'token-bot',
        baseUrl: api.baseUrl,
        logger: quiet,
        throttleId: `bench-${nextProcess++}`,
      })
      const lookup = await findComment(octokit, {
        repo: { owner: api.owner, repo: api.repo },
        number: pr,
        key: 'default',
      })
      await publishComment(octokit, lookup, {
        body: c.sameBody ? 'the report' : `new report ${r}`,
        mode: 'always',
        logger: quiet,
        ...(c.strategy ? { strategy: c.strategy } : {}),
      })
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const calls = api.requests.slice(before)
  const live = api.liveCommentsWith(pr, MARKER).length
  return {
    reads: calls.filter((q) => q.operation === 'BindProbeComments').length,
    writes: calls.filter((q) => q.operation !== 'BindProbeComments').length,
    creates: calls.filter((q) => q.method === 'POST' && q.path.endsWith('/comments')).length,
    seconds,
    live,
  }
}

const api = new GitHubStandIn({ latency: LATENCY_MS })
await api.start()
const rows: string[] = []
try {
  for (const c of CASES) {
    const r = await runCase(api, c)
    if (r.live !== 1)
      throw new Error(`${c.title} on ${c.size}: ${r.live} comments left, expected 1`)
    const perReport = c.racers ? ` (${c.racers} reports)` : ''
    rows.push(
      `| ${c.size.toLocaleString('en')} | ${c.title} | ${r.reads} | ${r.writes}${perReport} | ${r.reads + r.writes} | ${r.seconds.toFixed(1)} s |`,
    )
  }
} finally {
  await api.stop()
}

console.log(
  `GitHub API calls per report for the PR comment (stand-in, ${LATENCY_MS} ms per call, GitHub's write spacing)\n`,
)
console.log('| existing comments | case | reads (GraphQL pages) | writes | total | wall time |')
console.log('|---:|---|---:|---:|---:|---:|')
for (const row of rows) console.log(row)
