// The service's store over either database: the same statements, the same answers.
import { randomUUID } from 'node:crypto'
import { migrate, type Row, type SqlDatabase, type SqlSession } from './sql.ts'
import type { NewResult, PutOutcome, Store, StoredSummary } from './store.ts'
import { deleteRepositoryHistory } from '../history/history-store.ts'
import { openPostgres } from './postgres.ts'
import { openSqlite } from './sqlite.ts'

/**
 * Opens and migrates the database: a `postgres://` (or `postgresql://`) URL opens PostgreSQL;
 * anything else is a SQLite file path. The service's stores (results, outbox, history) share it.
 */
export async function openDatabase(location: string): Promise<SqlDatabase> {
  const db = /^postgres(ql)?:\/\//.test(location)
    ? await openPostgres(location)
    : await openSqlite(location)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}

export async function openStore(location: string): Promise<Store> {
  return new SqlStore(await openDatabase(location))
}

/** What stays replayed: a token is remembered until it expires, and a day longer for clock skew. */
const TOKEN_MEMORY_MS = 24 * 60 * 60 * 1000

export class SqlStore implements Store {
  readonly kind: Store['kind']
  private readonly db: SqlDatabase

  constructor(db: SqlDatabase) {
    this.db = db
    this.kind = db.kind
  }

  putResult(
    result: NewResult,
    withNew?: (session: SqlSession, id: string) => Promise<unknown>,
  ): Promise<PutOutcome> {
    const { identity: who } = result
    return this.db.transaction(async (session) => {
      // The token first: a jti seen with another body is a replay, whatever the result key says.
      await session.run(
        'INSERT INTO token_uses (jti, body_hash, expires_at) VALUES (?, ?, ?) ON CONFLICT (jti) DO NOTHING',
        [
          who.jti,
          result.bodyHash,
          new Date(result.tokenExpiresAt.getTime() + TOKEN_MEMORY_MS).toISOString(),
        ],
      )
      const [token] = await session.all('SELECT body_hash FROM token_uses WHERE jti = ?', [who.jti])
      if (token?.body_hash !== result.bodyHash) return { status: 'replayed-token' }
      const id = randomUUID()
      const key = [
        who.repositoryId,
        who.runId,
        who.runAttempt,
        who.job,
        result.platform,
        result.commentKey,
      ]
      await session.run(
        `INSERT INTO results (id, repository_id, owner_id, repository, run_id, run_attempt, job,
           platform, comment_key, head_sha, body_hash, envelope, notes, received_at, event_name, ref)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (repository_id, run_id, run_attempt, job, platform, comment_key) DO NOTHING`,
        [
          id,
          who.repositoryId,
          who.ownerId,
          who.repository,
          who.runId,
          who.runAttempt,
          who.job,
          result.platform,
          result.commentKey,
          result.headSha,
          result.bodyHash,
          result.envelope,
          JSON.stringify(result.notes),
          result.receivedAt.toISOString(),
          who.eventName,
          who.ref,
        ],
      )
      const [stored] = await session.all(
        `SELECT id, body_hash FROM results WHERE repository_id = ? AND run_id = ? AND run_attempt = ?
           AND job = ? AND platform = ? AND comment_key = ?`,
        key,
      )
      const storedId = String(stored!.id)
      if (storedId === id) {
        await withNew?.(session, id)
        return { status: 'created', id }
      }
      return { status: stored!.body_hash === result.bodyHash ? 'same' : 'conflict', id: storedId }
    })
  }

  async listResults(repositoryId: number, headSha?: string): Promise<StoredSummary[]> {
    const rows = await this.db.all(
      `SELECT id, repository_id, platform, run_id, run_attempt, job, head_sha, comment_key,
         received_at, notes FROM results WHERE repository_id = ?${headSha ? ' AND head_sha = ?' : ''}
       ORDER BY received_at, id`,
      headSha ? [repositoryId, headSha] : [repositoryId],
    )
    return rows.map(summary)
  }

  /** The operator's delete: the repository's results and its history, in one transaction. */
  deleteRepository(repositoryId: number): Promise<number> {
    return this.db.transaction(async (session) => {
      const results = await session.run('DELETE FROM results WHERE repository_id = ?', [
        repositoryId,
      ])
      await deleteRepositoryHistory(session, repositoryId)
      return results
    })
  }

  async ping(): Promise<void> {
    await this.db.all('SELECT 1 AS one')
  }

  async purgeExpiredTokens(now = new Date()): Promise<number> {
    return this.db.run('DELETE FROM token_uses WHERE expires_at < ?', [now.toISOString()])
  }

  close(): Promise<void> {
    return this.db.close()
  }
}

function summary(row: Row): StoredSummary {
  return {
    id: String(row.id),
    repositoryId: Number(row.repository_id),
    platform: String(row.platform),
    runId: Number(row.run_id),
    runAttempt: Number(row.run_attempt),
    job: String(row.job),
    headSha: String(row.head_sha),
    commentKey: String(row.comment_key),
    receivedAt: String(row.received_at),
    notes: JSON.parse(String(row.notes)) as string[],
  }
}
