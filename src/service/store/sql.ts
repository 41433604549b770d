// The little a store needs of a SQL database, so that one store serves SQLite and PostgreSQL:
// statements are written with `?` placeholders and run inside transactions.
import { MIGRATIONS } from './migrations.ts'

export type Row = Record<string, unknown>

export interface SqlSession {
  run(sql: string, params?: readonly unknown[]): Promise<number>
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

export interface SqlDatabase extends SqlSession {
  readonly kind: 'sqlite' | 'postgres'
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>
  /** Runs `work` while no other process migrates the same database. */
  exclusively<T>(work: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Brings the schema up to date; several processes starting at once apply each migration once. */
export async function migrate(db: SqlDatabase): Promise<void> {
  await db.exclusively(async () => {
    await db.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    )
    const applied = new Set(
      (await db.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    )
    for (const [index, statements] of MIGRATIONS.entries()) {
      const version = index + 1
      if (applied.has(version)) continue
      await db.transaction(async (session) => {
        for (const statement of statements) await session.run(statement)
        await session.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
          version,
          new Date().toISOString(),
        ])
      })
    }
  })
}
