// PostgreSQL through `pg`: a pool per process, and any number of `serve` processes over one
// database. Unique keys and `ON CONFLICT` decide races between them; an advisory lock serialises
// migrations at start-up.
import pg from 'pg'
import type { Row, SqlDatabase, SqlSession } from './sql.ts'

/** Any number chosen once: the key of the advisory lock held while migrating. */
const MIGRATION_LOCK = 0x62696e64

export async function openPostgres(url: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // A pool's idle client that loses its connection emits 'error'; the next query reconnects.
  pool.on('error', () => undefined)
  await pool.query('SELECT 1')
  return new PostgresDatabase(pool)
}

/** `?` placeholders as PostgreSQL's `$1`, `$2`, … */
function numbered(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    run: async (sql, params = []) =>
      (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0,
    all: async (sql, params = []) =>
      (await client.query(numbered(sql), params as unknown[])).rows as Row[],
  }
}

class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres'
  private readonly pool: pg.Pool
  private readonly direct: SqlSession

  constructor(pool: pg.Pool) {
    this.pool = pool
    this.direct = sessionOf(pool)
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.direct.run(sql, params)
  }

  all(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.direct.all(sql, params)
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(sessionOf(client))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      return await work()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
      client.release()
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
