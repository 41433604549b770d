// Embedded SQLite through Node's built-in node:sqlite (no native build): WAL, so readers do not
// wait for the writer, and one process per database file, held by a lock file beside it.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { Row, SqlDatabase, SqlSession } from './sql.ts'
import { processAlive } from '../../process-alive.ts'

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError'
}

export async function openSqlite(path: string): Promise<SqlDatabase> {
  const { DatabaseSync } = await import('node:sqlite')
  const releaseLock = holdLock(`${path}.lock`, path)
  let db: DatabaseSync
  try {
    db = new DatabaseSync(path)
    db.exec('PRAGMA journal_mode = WAL')
    // In WAL mode NORMAL loses no committed transaction when the process dies (SIGKILL), only
    // on a power loss or an OS crash; FULL would sync every commit to disk.
    db.exec('PRAGMA synchronous = NORMAL')
    db.exec('PRAGMA busy_timeout = 5000')
  } catch (error) {
    releaseLock()
    throw error
  }
  return new SqliteDatabase(db, releaseLock)
}

/** Distinct statements kept prepared (the service has a few dozen). */
const MAX_STATEMENTS = 256

class SqliteDatabase implements SqlDatabase {
  readonly kind = 'sqlite'
  private readonly db: DatabaseSync
  private readonly releaseLock: () => void
  /**
   * One connection serves every request, and a transaction's statements are awaited one by one:
   * without this queue, another request's statement would run inside it.
   */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(db: DatabaseSync, releaseLock: () => void) {
    this.db = db
    this.releaseLock = releaseLock
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.serially(async () => this.session.run(sql, params))
  }

  all(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return this.serially(async () => this.session.all(sql, params))
  }

  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.serially(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await work(this.session)
        this.db.exec('COMMIT')
        return result
      } catch (error) {
        this.db.exec('ROLLBACK')
        throw error
      }
    })
  }

  exclusively<T>(work: () => Promise<T>): Promise<T> {
    return work() // the lock file already keeps other processes out
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined)
    this.db.close()
    this.releaseLock()
  }

  private readonly session: SqlSession = {
    run: async (sql, params = []) =>
      Number(this.statement(sql).run(...(params as never[])).changes),
    all: async (sql, params = []) => this.statement(sql).all(...(params as never[])) as Row[],
  }

  /** Prepared statements, kept: preparing a history insert costs more than running it. */
  private readonly statements = new Map<string, StatementSync>()

  private statement(sql: string): StatementSync {
    let prepared = this.statements.get(sql)
    if (!prepared) {
      // A bounded cache: the oldest statement goes first.
      if (this.statements.size >= MAX_STATEMENTS) {
        this.statements.delete(this.statements.keys().next().value!)
      }
      prepared = this.db.prepare(sql)
      this.statements.set(sql, prepared)
    }
    return prepared
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }
}

/**
 * A lock file holding our pid: a second `serve` on the same database is refused with a message,
 * and a lock left by a process that is gone (killed) is taken over.
 */
function holdLock(lockPath: string, dbPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lockPath, 'utf8').trim())
      if (processAlive(holder)) {
        throw new DatabaseInUseError(
          `${dbPath} is in use by another bind-probe serve (pid ${holder}; lock file ${lockPath}): ` +
            'one process per SQLite database; use PostgreSQL (DATABASE_URL=postgres://…) to run several',
        )
      }
      rmSync(lockPath, { force: true })
    }
  }
  throw new DatabaseInUseError(`could not take the lock file ${lockPath}`)
}
