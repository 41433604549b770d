// The databases the service's tests run against: a fresh SQLite file always, and a fresh database
// on a real PostgreSQL server when BIND_PROBE_TEST_POSTGRES_URL names one (.ci/postgres.sh starts
// it). Locally without a server the PostgreSQL half is skipped with a printed reason; under
// CI=true a missing server fails.
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export const POSTGRES_URL = process.env.BIND_PROBE_TEST_POSTGRES_URL

if (!POSTGRES_URL) {
  const why =
    'BIND_PROBE_TEST_POSTGRES_URL is not set (.ci/postgres.sh starts a server and sets it)'
  if (process.env.CI === 'true')
    throw new Error(`PostgreSQL tests cannot run under CI=true: ${why}`)
  console.warn(`skipping the PostgreSQL half of the service tests: ${why}`)
}

export const DATABASES = POSTGRES_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)
export type DatabaseKind = (typeof DATABASES)[number]

/** A new, empty database of that kind: a SQLite file path, or a postgres:// URL. */
export async function freshDatabase(kind: DatabaseKind): Promise<string> {
  if (kind === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'bind-probe-serve-')), 'db.sqlite')
  const name = `bind_probe_${randomUUID().replace(/-/g, '')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(POSTGRES_URL!)
  url.pathname = `/${name}`
  return url.href
}
