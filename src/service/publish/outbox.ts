// Publishes to do, kept in the database so that they survive a restart and are done once among
// several `serve` processes: one row per report, leased by one process at a time. A new upload
// while a publish runs bumps the row's version, so the row stays and the report goes out again
// with it; a process that dies holding a lease loses it when the lease runs out (short, renewed
// while the publish runs), or at once when it restarts on SQLite, which no other process shares.
import type { SqlDatabase } from '../store/sql.ts'

/** A report: one comment and one check run per repository, commit and comment key. */
export interface ReportKey {
  repositoryId: number
  headSha: string
  commentKey: string
}

export interface Claim extends ReportKey {
  version: number
  attempts: number
}

/** A report's row, in SQL, and its parameters. */
export const KEY = 'repository_id = ? AND head_sha = ? AND comment_key = ?'
export const keyParams = (key: ReportKey) => [key.repositoryId, key.headSha, key.commentKey]

export class Outbox {
  private readonly db: SqlDatabase
  /** This process, as lease owner. */
  private readonly owner: string

  constructor(db: SqlDatabase, owner: string) {
    this.db = db
    this.owner = owner
  }

  /** Asks for the report to be published at `dueAt` or sooner (an earlier request stands). */
  async enqueue(key: ReportKey, dueAt: Date): Promise<void> {
    await this.db.run(
      `INSERT INTO outbox (repository_id, head_sha, comment_key, version, due_at)
       VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (repository_id, head_sha, comment_key) DO UPDATE SET
         version = outbox.version + 1,
         attempts = 0,
         due_at = CASE WHEN excluded.due_at < outbox.due_at THEN excluded.due_at ELSE outbox.due_at END`,
      [...keyParams(key), dueAt.toISOString()],
    )
  }

  /** Leases up to `limit` due rows that no live lease holds. */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<Claim[]> {
    const at = now.toISOString()
    const rows = await this.db.all(
      `SELECT repository_id, head_sha, comment_key, version, attempts FROM outbox
       WHERE due_at <= ? AND (lease_until IS NULL OR lease_until < ?)
       ORDER BY due_at LIMIT ?`,
      [at, at, limit],
    )
    const claims: Claim[] = []
    for (const row of rows) {
      const claim: Claim = {
        repositoryId: Number(row.repository_id),
        headSha: String(row.head_sha),
        commentKey: String(row.comment_key),
        version: Number(row.version),
        attempts: Number(row.attempts),
      }
      // Conditional on the lease being free still: of two processes, one wins the row.
      const won = await this.db.run(
        `UPDATE outbox SET lease_owner = ?, lease_until = ?
         WHERE ${KEY} AND (lease_until IS NULL OR lease_until < ?)`,
        [this.owner, new Date(now.getTime() + leaseMs).toISOString(), ...keyParams(claim), at],
      )
      if (won === 1) claims.push(claim)
    }
    return claims
  }

  /** Done: the row goes, unless a newer upload asked again meanwhile (then it is due at once). */
  async finish(claim: Claim): Promise<void> {
    const removed = await this.db.run(
      `DELETE FROM outbox WHERE ${KEY} AND version = ? AND lease_owner = ?`,
      [...keyParams(claim), claim.version, this.owner],
    )
    if (removed === 0) await this.release(claim, new Date())
  }

  /** Not yet (waiting for platforms): due again at `dueAt`, or at once if asked again meanwhile. */
  async later(claim: Claim, dueAt: Date): Promise<void> {
    await this.db.run(
      `UPDATE outbox SET lease_owner = NULL, lease_until = NULL,
         due_at = CASE WHEN version = ? THEN ? ELSE due_at END
       WHERE ${KEY} AND lease_owner = ?`,
      [claim.version, dueAt.toISOString(), ...keyParams(claim), this.owner],
    )
  }

  /** Failed: tried again at `retryAt`, with the error kept for the operator. */
  async failed(claim: Claim, error: string, retryAt: Date): Promise<void> {
    await this.db.run(
      `UPDATE outbox SET lease_owner = NULL, lease_until = NULL, attempts = attempts + 1,
         last_error = ?, due_at = ?
       WHERE ${KEY} AND lease_owner = ?`,
      [error.slice(0, 2000), retryAt.toISOString(), ...keyParams(claim), this.owner],
    )
  }

  /** Gives up on a row (too many failures): it goes, whatever its version. */
  async drop(claim: Claim): Promise<void> {
    await this.db.run(`DELETE FROM outbox WHERE ${KEY} AND lease_owner = ?`, [
      ...keyParams(claim),
      this.owner,
    ])
  }

  /** Keeps a lease while its publish runs. */
  async renew(claim: Claim, until: Date): Promise<void> {
    await this.db.run(`UPDATE outbox SET lease_until = ? WHERE ${KEY} AND lease_owner = ?`, [
      until.toISOString(),
      ...keyParams(claim),
      this.owner,
    ])
  }

  /**
   * Frees every lease: only for a database no other process uses (SQLite, held with its lock
   * file), where a lease can only be a killed predecessor's.
   */
  async releaseAll(): Promise<number> {
    return this.db.run(
      'UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL',
    )
  }

  /** Rows waiting, for /metrics and the logs. */
  async depth(): Promise<number> {
    const [row] = await this.db.all('SELECT COUNT(*) AS n FROM outbox')
    return Number(row?.n ?? 0)
  }

  private async release(claim: Claim, dueAt: Date): Promise<void> {
    await this.db.run(
      `UPDATE outbox SET lease_owner = NULL, lease_until = NULL, due_at = ?
       WHERE ${KEY} AND lease_owner = ?`,
      [dueAt.toISOString(), ...keyParams(claim), this.owner],
    )
  }
}
