// The history query a report and the dashboard make (flips over the last 20 runs of the default
// branch and of a pull request), for a repository with 10,000 runs of its default branch, on
// SQLite and on PostgreSQL. Each run has three legs (linux-x64, macos-arm64, windows-x64) of the
// whole catalogue's scenarios; 2,000 more runs are spread over 200 pull requests, and another
// repository has 2,000 runs of its own. Aim: under 100 ms.
//
//   npm run bench:history        # PostgreSQL too when BIND_PROBE_TEST_POSTGRES_URL is set
//                                # (source .ci/postgres.sh starts one)
import { cpus, release } from 'node:os'
import { performance } from 'node:perf_hooks'
import { CATALOGUE } from '../src/probe/catalogue/index.ts'
import type { PlatformResult } from '../src/probe/model.ts'
import { recentFindings, repositoryView } from '../src/service/dashboard/data.ts'
import {
  readHistory,
  recordOutcomes,
  repositoryRecord,
} from '../src/service/history/history-store.ts'
import { openDatabase } from '../src/service/store/sql-store.ts'
import { DATABASES, freshDatabase } from '../test/service/support/databases.ts'
import { MEASURED } from '../test/service/support/service.ts'

const RUNS = 10_000
const PULL_REQUESTS = 200
const RUNS_PER_PULL_REQUEST = 10
const OTHER_REPOSITORY_RUNS = 2_000
const PLATFORMS = ['linux-x64', 'macos-arm64', 'windows-x64']
const IMAGES = ['ubuntu24', 'macos15', 'win25']
const QUERIES = 50

// A fixed pseudo-random sequence: each scenario flips now and then, the same in every run.
let seed = 42
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31

const template = (MEASURED as PlatformResult).scenarios[0]!
function result(platform: number): PlatformResult {
  return {
    ...(MEASURED as PlatformResult),
    platform: {
      ...(MEASURED as PlatformResult).platform,
      id: PLATFORMS[platform]!,
      runner: { image: IMAGES[platform]! },
    },
    scenarios: CATALOGUE.map((s) => ({
      ...template,
      id: s.id,
      outcome: random() < 0.05 ? 'ok' : 'EADDRINUSE',
    })),
  }
}

function finding(runId: number) {
  return {
    rule: 'PORT001',
    severity: 'error',
    path: `test/server-${runId % 7}.test.ts`,
    line: 14,
    message: 'Fixed port 8080 in a test.',
    fingerprint: `f${runId % 7}`,
  }
}

interface Run {
  repositoryId: number
  ref: string
  runId: number
  event: string
}

function runs(): Run[] {
  const list: Run[] = []
  for (let i = 0; i < RUNS; i++)
    list.push({ repositoryId: 74, ref: 'refs/heads/main', runId: 1_000_000 + i * 2, event: 'push' })
  for (let p = 0; p < PULL_REQUESTS; p++) {
    for (let i = 0; i < RUNS_PER_PULL_REQUEST; i++) {
      list.push({
        repositoryId: 74,
        ref: `refs/pull/${p + 1}/merge`,
        runId: 1_000_001 + (p * RUNS_PER_PULL_REQUEST + i) * 2,
        event: 'pull_request',
      })
    }
  }
  for (let i = 0; i < OTHER_REPOSITORY_RUNS; i++)
    list.push({ repositoryId: 75, ref: 'refs/heads/main', runId: 5_000_000 + i, event: 'push' })
  return list
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work() // warm: statements prepared, pages cached
  const times: number[] = []
  for (let i = 0; i < QUERIES; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)
}

const ms = (n: number) => `${n.toFixed(1)} ms`
const rows: string[] = []
for (const kind of DATABASES) {
  const db = await openDatabase(await freshDatabase(kind))
  const all = runs()
  const fillStart = performance.now()
  const BATCH = 200
  for (let i = 0; i < all.length; i += BATCH) {
    await db.transaction(async (session) => {
      for (const run of all.slice(i, i + BATCH)) {
        for (let p = 0; p < PLATFORMS.length; p++) {
          await recordOutcomes(session, {
            resultId: `${run.repositoryId}-${run.runId}-${p}`,
            identity: {
              repositoryId: run.repositoryId,
              repository: `octo-org/repo-${run.repositoryId}`,
              runId: run.runId,
              runAttempt: 1,
            },
            claims: {
              ref: run.ref,
              event_name: run.event,
              base_ref: run.event === 'pull_request' ? 'main' : '',
              repository_visibility: 'public',
            },
            envelope: { headSha: 'a'.repeat(40), result: result(p) },
            receivedAt: new Date(Date.UTC(2026, 0, 1) + run.runId * 1000),
          })
          // The stored result beside it (the findings query reads its scan): a compact envelope,
          // since only the scan is read.
          await session.run(
            `INSERT INTO results (id, repository_id, owner_id, repository, run_id, run_attempt, job,
               platform, comment_key, head_sha, body_hash, envelope, notes, received_at)
             VALUES (?, ?, 1, ?, ?, 1, ?, ?, 'default', ?, '', ?, '[]', ?)`,
            [
              `${run.repositoryId}-${run.runId}-${p}`,
              run.repositoryId,
              `octo-org/repo-${run.repositoryId}`,
              run.runId,
              `job-${p}`,
              PLATFORMS[p],
              'a'.repeat(40),
              JSON.stringify({ scan: { findings: [finding(run.runId)] } }),
              new Date(Date.UTC(2026, 0, 1) + run.runId * 1000).toISOString(),
            ],
          )
        }
      }
    })
  }
  const fillS = (performance.now() - fillStart) / 1000
  const [{ n }] = (await db.all('SELECT COUNT(*) AS n FROM history_outcomes')) as [{ n: unknown }]
  console.error(
    `${kind}: ${Number(n).toLocaleString('en-US')} outcome rows in ${fillS.toFixed(0)} s`,
  )

  const pull = await timed(() => readHistory(db, 74, { pullRequest: 150 }))
  const branch100 = await timed(() => readHistory(db, 74, { window: 100 }))
  const repo = (await repositoryRecord(db, 74))!
  const matrix = await timed(() => repositoryView(db, repo, 20))
  const findings = await timed(() => recentFindings(db, 74))
  for (const [what, times] of [
    ['flips, last 20 runs of main and of a pull request', pull],
    ['flips, last 100 runs of main', branch100],
    ['dashboard matrix and charts, last 20 runs', matrix],
    ["dashboard: recent pull requests' findings", findings],
  ] as const) {
    rows.push(
      `| ${kind} | ${what} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 99))} | ${ms(times.at(-1)!)} |`,
    )
  }
  await db.close()
}

console.log(
  `History query, repository with ${RUNS.toLocaleString('en-US')} runs of main × ${PLATFORMS.length} platforms × ${CATALOGUE.length} scenarios, ` +
    `${QUERIES} queries each after one warm-up; Node ${process.version}, Linux ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim()}`,
)
console.log('\n| database | query | p50 | p99 | max |\n|---|---|---|---|---|')
for (const r of rows) console.log(r)
