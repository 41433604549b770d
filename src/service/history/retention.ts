// Retention: history older than the setting (--history-days) is purged at start-up and every
// hour after, in whichever process gets there (the delete is idempotent on both databases).
import type { SqlDatabase } from '../store/sql.ts'
import { purgeHistoryBefore } from './history-store.ts'

const EVERY_MS = 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

export interface Retention {
  /** The purge at start-up, done: rows deleted. */
  started: Promise<number>
  stop(): void
}

export function startHistoryRetention(
  db: SqlDatabase,
  days: number,
  onError: (error: unknown) => void,
  now: () => number = Date.now,
): Retention {
  const purge = () => purgeHistoryBefore(db, new Date(now() - days * DAY_MS))
  const started = purge()
  const timer = setInterval(() => purge().catch(onError), EVERY_MS)
  timer.unref()
  return { started, stop: () => clearInterval(timer) }
}
