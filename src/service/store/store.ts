import type { SqlSession } from './sql.ts'

// What the service keeps, behind one small interface with two implementations: embedded SQLite
// (node:sqlite, the default) and PostgreSQL (shared by several `serve` processes).

/** Who uploaded, as the verified OIDC token says: numeric ids are the keys, names are for display. */
export interface UploadIdentity {
  repositoryId: number
  ownerId: number
  repository: string
  runId: number
  runAttempt: number
  /** The job: the token's check_run_id when it has one, else its job_workflow_ref. */
  job: string
  jti: string
  /** The run's event (`pull_request`, `push`, `merge_group`, …) and ref (`refs/pull/7/merge`). */
  eventName: string
  ref: string
}

export interface NewResult {
  identity: UploadIdentity
  platform: string
  commentKey: string
  headSha: string
  /** SHA-256 of the canonical body: the same upload twice is one result, a different body a conflict. */
  bodyHash: string
  envelope: string
  notes: string[]
  /** When the token expires: its jti is remembered until then. */
  tokenExpiresAt: Date
  receivedAt: Date
}

export type PutOutcome =
  | { status: 'created'; id: string }
  | { status: 'same'; id: string }
  | { status: 'conflict'; id: string }
  | { status: 'replayed-token' }

export interface StoredSummary {
  id: string
  repositoryId: number
  platform: string
  runId: number
  runAttempt: number
  job: string
  headSha: string
  commentKey: string
  receivedAt: string
  notes: string[]
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  /** Stores one leg's result once (idempotent on repository, run, attempt, job, platform, key). */
  putResult(
    result: NewResult,
    /** Runs in the same transaction once a new result is inserted (its history rows). */
    withNew?: (session: SqlSession, id: string) => Promise<unknown>,
  ): Promise<PutOutcome>
  listResults(repositoryId: number, headSha?: string): Promise<StoredSummary[]>
  /** Removes a repository's data; returns how many results went. */
  deleteRepository(repositoryId: number): Promise<number>
  /** The database answers. */
  ping(): Promise<void>
  close(): Promise<void>
}
