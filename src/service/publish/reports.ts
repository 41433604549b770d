// What the publisher knows of each report: when its first leg arrived (its deadline runs from
// there), the check run it owns (updated, never duplicated), what it last published, and the
// uploads it is made of.
import type { SqlDatabase } from '../store/sql.ts'
import { KEY, keyParams, type ReportKey } from './outbox.ts'

export interface ReportState {
  firstUploadAt: Date
  checkRunId?: number
  publishedAt?: Date
  /** The result ids the last publish was made of, sorted, joined by commas. */
  publishedResults?: string
  /** The last publish's outcome, in words, for the operator. */
  outcome?: string
}

export interface StoredUpload {
  id: string
  repository: string
  ownerId: number
  runId: number
  runAttempt: number
  job: string
  platform: string
  eventName: string
  ref: string
  envelope: string
  receivedAt: string
}

export class ReportStore {
  private readonly db: SqlDatabase

  constructor(db: SqlDatabase) {
    this.db = db
  }

  /** Records the report's first upload (a later one changes nothing) and returns its state. */
  async open(key: ReportKey, at: Date): Promise<ReportState> {
    await this.db.run(
      `INSERT INTO reports (repository_id, head_sha, comment_key, first_upload_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (repository_id, head_sha, comment_key) DO NOTHING`,
      [...keyParams(key), at.toISOString()],
    )
    return (await this.get(key))!
  }

  async get(key: ReportKey): Promise<ReportState | undefined> {
    const [row] = await this.db.all(`SELECT * FROM reports WHERE ${KEY}`, keyParams(key))
    if (!row) return undefined
    return {
      firstUploadAt: new Date(String(row.first_upload_at)),
      ...(row.check_run_id != null ? { checkRunId: Number(row.check_run_id) } : {}),
      ...(row.published_at != null ? { publishedAt: new Date(String(row.published_at)) } : {}),
      ...(row.published_results != null ? { publishedResults: String(row.published_results) } : {}),
      ...(row.outcome != null ? { outcome: String(row.outcome) } : {}),
    }
  }

  async setCheckRun(key: ReportKey, checkRunId: number): Promise<void> {
    await this.db.run(`UPDATE reports SET check_run_id = ? WHERE ${KEY}`, [
      checkRunId,
      ...keyParams(key),
    ])
  }

  async published(key: ReportKey, results: string, outcome: string, at: Date): Promise<void> {
    await this.db.run(
      `UPDATE reports SET published_at = ?, published_results = ?, outcome = ? WHERE ${KEY}`,
      [at.toISOString(), results, outcome, ...keyParams(key)],
    )
  }

  /** Publish again even if nothing changed (the check run's "Re-run" asks for it). */
  async forgetPublished(key: ReportKey): Promise<void> {
    await this.db.run(`UPDATE reports SET published_results = NULL WHERE ${KEY}`, keyParams(key))
  }

  async noted(key: ReportKey, outcome: string): Promise<void> {
    await this.db.run(`UPDATE reports SET outcome = ? WHERE ${KEY}`, [outcome, ...keyParams(key)])
  }

  /** Every upload for the report, oldest run first. */
  async uploads(key: ReportKey): Promise<StoredUpload[]> {
    const rows = await this.db.all(
      `SELECT id, repository, owner_id, run_id, run_attempt, job, platform, event_name, ref,
         envelope, received_at
       FROM results WHERE ${KEY} ORDER BY run_id, run_attempt, received_at, id`,
      keyParams(key),
    )
    return rows.map((row) => ({
      id: String(row.id),
      repository: String(row.repository),
      ownerId: Number(row.owner_id),
      runId: Number(row.run_id),
      runAttempt: Number(row.run_attempt),
      job: String(row.job),
      platform: String(row.platform),
      eventName: String(row.event_name),
      ref: String(row.ref),
      envelope: String(row.envelope),
      receivedAt: String(row.received_at),
    }))
  }

  /** The reports with uploads for a commit, for webhooks that name only the commit. */
  async keysForCommit(repositoryId: number, headSha: string): Promise<ReportKey[]> {
    const rows = await this.db.all(
      'SELECT DISTINCT comment_key FROM results WHERE repository_id = ? AND head_sha = ?',
      [repositoryId, headSha],
    )
    return rows.map((row) => ({ repositoryId, headSha, commentKey: String(row.comment_key) }))
  }
}
