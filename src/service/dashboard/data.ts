// What the dashboard shows of a repository, read from the history: the latest matrix (platform
// and image × scenario), each series' outcomes over the last runs with its flips, and the flaky
// port use the scanner found in recent pull requests' uploads.
import { byRun, countFlips, type OutcomeRow } from '../history/flips.ts'
import { branchRef, windowRows, type RepositoryRecord } from '../history/history-store.ts'
import type { Row, SqlSession } from '../store/sql.ts'

export interface Column {
  platform: string
  /** '' when the runner named no image. */
  image: string
}

export interface MatrixRow {
  scenario: string
  /** The latest outcome per column; undefined where that column did not measure it. */
  cells: (string | undefined)[]
}

export interface Series extends Column {
  scenario: string
  outcomes: { runId: number; runAttempt: number; outcome: string }[]
  flips: number
}

export interface PullRequestFindings {
  number: number
  headSha: string
  findings: { rule: string; severity: string; path: string; line: number; message: string }[]
}

export interface RepositoryView {
  repository: RepositoryRecord
  /** The ref the matrix and charts are of: the default branch, else the ref that ran last. */
  ref?: string
  runs: number
  columns: Column[]
  rows: MatrixRow[]
  series: Series[]
}

/** The default branch when it has runs; else the ref of the newest run. */
async function displayedRef(db: SqlSession, repo: RepositoryRecord): Promise<string | undefined> {
  if (repo.defaultBranch) {
    const ref = branchRef(repo.defaultBranch)
    const [run] = await db.all(
      'SELECT run_id FROM history_runs WHERE repository_id = ? AND ref = ? LIMIT 1',
      [repo.repositoryId, ref],
    )
    if (run) return ref
  }
  const [latest] = await db.all(
    `SELECT ref FROM history_runs WHERE repository_id = ?
     ORDER BY run_id DESC, run_attempt DESC LIMIT 1`,
    [repo.repositoryId],
  )
  return latest ? String(latest.ref) : undefined
}

export async function repositoryView(
  db: SqlSession,
  repo: RepositoryRecord,
  window: number,
): Promise<RepositoryView> {
  const ref = await displayedRef(db, repo)
  const rows = ref ? await windowRows(db, repo.repositoryId, ref, window) : []
  return { repository: repo, ...(ref ? { ref } : {}), ...shape(rows) }
}

const columnKey = (c: Column) => `${c.platform}\u0000${c.image}`

/** Pure: outcome rows of a window to the matrix and the series. */
export function shape(rows: readonly OutcomeRow[]): Omit<RepositoryView, 'repository' | 'ref'> {
  const sorted = [...rows].sort(byRun)
  const runs = new Set(sorted.map((r) => `${r.runId}.${r.runAttempt}`)).size
  const columns = [
    ...new Map(
      sorted.map((r) => [columnKey(r), { platform: r.platform, image: r.image }]),
    ).values(),
  ].sort((a, b) => a.platform.localeCompare(b.platform) || a.image.localeCompare(b.image))
  const index = new Map(columns.map((c, i) => [columnKey(c), i]))
  const bySeries = new Map<string, Series>()
  for (const r of sorted) {
    const key = `${columnKey(r)}\u0000${r.scenario}`
    let series = bySeries.get(key)
    if (!series) {
      series = {
        platform: r.platform,
        image: r.image,
        scenario: r.scenario,
        outcomes: [],
        flips: 0,
      }
      bySeries.set(key, series)
    }
    series.outcomes.push({ runId: r.runId, runAttempt: r.runAttempt, outcome: r.outcome })
  }
  const matrix = new Map<string, (string | undefined)[]>()
  for (const series of bySeries.values()) {
    series.flips = countFlips(series.outcomes.map((o) => o.outcome))
    const cells = matrix.get(series.scenario) ?? columns.map(() => undefined)
    cells[index.get(columnKey(series))!] = series.outcomes.at(-1)!.outcome
    matrix.set(series.scenario, cells)
  }
  return {
    runs,
    columns,
    rows: [...matrix.entries()]
      .map(([scenario, cells]) => ({ scenario, cells }))
      .sort((a, b) => a.scenario.localeCompare(b.scenario)),
    series: [...bySeries.values()].sort(
      (a, b) =>
        b.flips - a.flips ||
        a.scenario.localeCompare(b.scenario) ||
        columnKey(a).localeCompare(columnKey(b)),
    ),
  }
}

/** Runs read for findings: the newest of the repository's pull-request runs. */
const RECENT_RUNS = 20
const PULL_REQUESTS_SHOWN = 10

export async function recentFindings(
  db: SqlSession,
  repositoryId: number,
): Promise<PullRequestFindings[]> {
  // From the runs, not the results: the newest pull-request runs by the runs' key, then each
  // run's results by the results' unique key (repository, run, attempt, …).
  const runs = await db.all(
    `SELECT ref, run_id, run_attempt FROM history_runs
     WHERE repository_id = ? AND ref LIKE 'refs/pull/%'
     ORDER BY run_id DESC, run_attempt DESC LIMIT ?`,
    [repositoryId, RECENT_RUNS],
  )
  const uploads: Row[] = []
  for (const run of runs) {
    const results = await db.all(
      `SELECT head_sha, envelope FROM results
       WHERE repository_id = ? AND run_id = ? AND run_attempt = ? ORDER BY received_at DESC, id`,
      [repositoryId, run.run_id, run.run_attempt],
    )
    uploads.push(...results.map((r) => ({ ...r, ref: run.ref })))
  }
  const pulls = new Map<number, PullRequestFindings & { seen: Set<string> }>()
  for (const upload of uploads) {
    const number = Number(/^refs\/pull\/(\d+)\//.exec(String(upload.ref))?.[1])
    if (!Number.isSafeInteger(number)) continue
    const headSha = String(upload.head_sha)
    let pull = pulls.get(number)
    if (!pull) {
      if (pulls.size >= PULL_REQUESTS_SHOWN) continue
      pull = { number, headSha, findings: [], seen: new Set() }
      pulls.set(number, pull)
    }
    // Only the newest head's findings: an older push's are fixed or moved.
    if (pull.headSha !== headSha) continue
    for (const f of scanFindings(String(upload.envelope))) {
      const key = f.fingerprint || `${f.rule}:${f.path}:${f.line}`
      if (pull.seen.has(key)) continue
      pull.seen.add(key)
      pull.findings.push({
        rule: f.rule,
        severity: f.severity,
        path: f.path,
        line: f.line,
        message: f.message,
      })
    }
  }
  return [...pulls.values()].map(({ seen: _seen, ...pull }) => pull)
}

interface StoredFinding {
  rule: string
  severity: string
  path: string
  line: number
  message: string
  fingerprint: string
}

/** The envelope was checked against the scan schema on upload; anything else is skipped. */
function scanFindings(envelope: string): StoredFinding[] {
  try {
    const findings = (JSON.parse(envelope) as { scan?: { findings?: unknown } }).scan?.findings
    return Array.isArray(findings)
      ? findings.filter(
          (f): f is StoredFinding =>
            typeof f === 'object' &&
            f !== null &&
            typeof f.rule === 'string' &&
            typeof f.path === 'string' &&
            typeof f.line === 'number' &&
            typeof f.message === 'string',
        )
      : []
  } catch {
    return []
  }
}
