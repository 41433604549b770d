// The history's rows: every uploaded result as one row per scenario outcome (repository, ref,
// scenario, platform, runner image, run, attempt, outcome, time), its run, and what the dashboard
// needs of the repository (name, visibility, default branch). Same statements on both databases.
import type { ReportHistory } from '../../report/history.ts'
import type { PlatformResult } from '../../probe/model.ts'
import type { Row, SqlDatabase, SqlSession } from '../store/sql.ts'
import type { UploadIdentity } from '../store/store.ts'
import { scenarioHistories, type OutcomeRow } from './flips.ts'

/** Runs each flip figure looks back over unless the service is told otherwise. */
export const DEFAULT_FLIP_WINDOW = 20

/** What the upload path knows once a result is stored. */
export interface UploadForHistory {
  /** The stored result's id: recording the same result twice records it once. */
  resultId: string
  identity: Pick<UploadIdentity, 'repositoryId' | 'repository' | 'runId' | 'runAttempt'>
  /** The verified token's claims: `ref`, `base_ref`, `event_name`, `repository_visibility`. */
  claims: Readonly<Record<string, unknown>>
  envelope: { headSha: string; result: PlatformResult }
  receivedAt: Date
}

export type Visibility = 'public' | 'private' | 'internal'

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** A repository whose token does not say it is public is treated as private. */
export function visibilityOf(claims: Readonly<Record<string, unknown>>): Visibility {
  const v = text(claims.repository_visibility)
  return v === 'public' || v === 'internal' ? v : 'private'
}

/**
 * Records one stored result's outcomes. Scenarios the host kept from being measured (a `cause`:
 * no IPv6, no free port) are not outcomes and are left out. Returns the rows written.
 */
export async function recordOutcomes(db: SqlSession, upload: UploadForHistory): Promise<number> {
  const { identity: who, claims, envelope } = upload
  const ref = text(claims.ref)
  const at = upload.receivedAt.toISOString()
  const platform = envelope.result.platform
  const image = platform.runner?.image ?? ''
  // A pull request's base is, nearly always, the default branch: the first one seen stands in
  // for it until setDefaultBranch (the App knows the repository's own) says otherwise.
  const base = text(claims.event_name).startsWith('pull_request') ? text(claims.base_ref) : ''
  await db.run(
    `INSERT INTO history_repositories (repository_id, repository, visibility, default_branch, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (repository_id) DO UPDATE SET repository = excluded.repository,
       visibility = excluded.visibility, updated_at = excluded.updated_at,
       default_branch = COALESCE(history_repositories.default_branch, excluded.default_branch)`,
    [who.repositoryId, who.repository, visibilityOf(claims), base || null, at],
  )
  await db.run(
    `INSERT INTO history_runs (repository_id, ref, run_id, run_attempt, head_sha, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (repository_id, ref, run_id, run_attempt) DO NOTHING`,
    [who.repositoryId, ref, who.runId, who.runAttempt, envelope.headSha, at],
  )
  const measured = envelope.result.scenarios.filter((s) => s.cause === undefined)
  if (measured.length === 0) return 0
  const values: unknown[] = []
  for (const s of measured) {
    values.push(upload.resultId, s.id, who.repositoryId, ref, platform.id, image)
    values.push(who.runId, who.runAttempt, s.outcome, at)
  }
  return db.run(
    `INSERT INTO history_outcomes (result_id, scenario, repository_id, ref, platform, image,
       run_id, run_attempt, outcome, recorded_at)
     VALUES ${measured.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (result_id, scenario) DO NOTHING`,
    values,
  )
}

/** The App knows a repository's default branch (webhook payloads carry it). */
export async function setDefaultBranch(
  db: SqlSession,
  repositoryId: number,
  branch: string,
): Promise<void> {
  await db.run('UPDATE history_repositories SET default_branch = ? WHERE repository_id = ?', [
    branch,
    repositoryId,
  ])
}

/**
 * The App's `repository` webhook (`privatized`, `publicized`, `renamed`): the dashboard must not
 * wait for the next upload to stop showing a repository made private.
 */
export async function setRepository(
  db: SqlSession,
  repositoryId: number,
  change: { visibility?: Visibility; repository?: string },
): Promise<void> {
  if (change.visibility) {
    await db.run('UPDATE history_repositories SET visibility = ? WHERE repository_id = ?', [
      change.visibility,
      repositoryId,
    ])
  }
  if (change.repository) {
    await db.run('UPDATE history_repositories SET repository = ? WHERE repository_id = ?', [
      change.repository,
      repositoryId,
    ])
  }
}

/** The outcome rows of a ref's last `window` runs, oldest run first. */
export async function windowRows(
  db: SqlSession,
  repositoryId: number,
  ref: string,
  window: number,
): Promise<OutcomeRow[]> {
  const runs = await db.all(
    `SELECT run_id, run_attempt FROM history_runs WHERE repository_id = ? AND ref = ?
     ORDER BY run_id DESC, run_attempt DESC LIMIT ?`,
    [repositoryId, ref, window],
  )
  const oldest = runs.at(-1)
  if (!oldest) return []
  const [firstRun, firstAttempt] = [Number(oldest.run_id), Number(oldest.run_attempt)]
  const rows = await db.all(
    `SELECT scenario, platform, image, run_id, run_attempt, outcome FROM history_outcomes
     WHERE repository_id = ? AND ref = ? AND run_id >= ?`,
    [repositoryId, ref, firstRun],
  )
  return rows
    .map((r) => outcomeRow(r, ref))
    .filter((r) => r.runId > firstRun || r.runAttempt >= firstAttempt)
}

function outcomeRow(r: Row, ref: string): OutcomeRow {
  return {
    ref,
    scenario: String(r.scenario),
    platform: String(r.platform),
    image: String(r.image),
    runId: Number(r.run_id),
    runAttempt: Number(r.run_attempt),
    outcome: String(r.outcome),
  }
}

export interface RepositoryRecord {
  repositoryId: number
  repository: string
  visibility: Visibility
  defaultBranch?: string
}

export async function repositoryRecord(
  db: SqlSession,
  repositoryId: number,
): Promise<RepositoryRecord | undefined> {
  const [row] = await db.all('SELECT * FROM history_repositories WHERE repository_id = ?', [
    repositoryId,
  ])
  return row ? repositoryOf(row) : undefined
}

export async function listRepositories(db: SqlSession): Promise<RepositoryRecord[]> {
  const rows = await db.all('SELECT * FROM history_repositories ORDER BY repository')
  return rows.map(repositoryOf)
}

function repositoryOf(row: Row): RepositoryRecord {
  return {
    repositoryId: Number(row.repository_id),
    repository: String(row.repository),
    visibility: visibilityOf({ repository_visibility: row.visibility }),
    ...(row.default_branch ? { defaultBranch: String(row.default_branch) } : {}),
  }
}

export const branchRef = (branch: string) => `refs/heads/${branch}`
export const pullRequestRef = (number: number) => `refs/pull/${number}/merge`

/**
 * The flip figures a report on this repository shows: over the default branch's last `window`
 * runs and, for a pull request, over its own.
 */
export async function readHistory(
  db: SqlSession,
  repositoryId: number,
  options: { pullRequest?: number; window?: number } = {},
): Promise<ReportHistory> {
  const window = options.window ?? DEFAULT_FLIP_WINDOW
  const record = await repositoryRecord(db, repositoryId)
  const branch = record?.defaultBranch ? branchRef(record.defaultBranch) : undefined
  const pull = options.pullRequest === undefined ? undefined : pullRequestRef(options.pullRequest)
  return scenarioHistories({
    window,
    ...(branch
      ? { branch: { ref: branch, rows: await windowRows(db, repositoryId, branch, window) } }
      : {}),
    ...(pull
      ? { pullRequest: { ref: pull, rows: await windowRows(db, repositoryId, pull, window) } }
      : {}),
  })
}

/** The operator's delete, within its transaction: the repository's history goes with its results. */
export async function deleteRepositoryHistory(
  db: SqlSession,
  repositoryId: number,
): Promise<number> {
  let rows = 0
  for (const table of ['history_outcomes', 'history_runs', 'history_repositories']) {
    rows += await db.run(`DELETE FROM ${table} WHERE repository_id = ?`, [repositoryId])
  }
  return rows
}

/**
 * The App's installation was deleted: everything kept about its repositories goes, stored
 * results and history, in one transaction. Returns the results deleted.
 */
export function purgeRepositories(
  db: SqlDatabase,
  repositoryIds: readonly number[],
): Promise<number> {
  return db.transaction(async (session) => {
    let results = 0
    for (const id of repositoryIds) {
      results += await session.run('DELETE FROM results WHERE repository_id = ?', [id])
      await deleteRepositoryHistory(session, id)
    }
    return results
  })
}

/** Retention: history older than `before` goes (the documents in `results` are not touched). */
export async function purgeHistoryBefore(db: SqlDatabase, before: Date): Promise<number> {
  const cutoff = before.toISOString()
  return db.transaction(async (session) => {
    const rows = await session.run('DELETE FROM history_outcomes WHERE recorded_at < ?', [cutoff])
    await session.run('DELETE FROM history_runs WHERE recorded_at < ?', [cutoff])
    return rows
  })
}
