// One set of migrations for SQLite and PostgreSQL: portable SQL (TEXT ids made by the service,
// BIGINT ids from GitHub, ISO-8601 times as TEXT), applied in order at start-up.
export const MIGRATIONS: readonly string[][] = [
  [
    `CREATE TABLE results (
      id TEXT PRIMARY KEY,
      repository_id BIGINT NOT NULL,
      owner_id BIGINT NOT NULL,
      repository TEXT NOT NULL,
      run_id BIGINT NOT NULL,
      run_attempt INTEGER NOT NULL,
      job TEXT NOT NULL,
      platform TEXT NOT NULL,
      comment_key TEXT NOT NULL,
      head_sha TEXT NOT NULL,
      body_hash TEXT NOT NULL,
      envelope TEXT NOT NULL,
      notes TEXT NOT NULL,
      received_at TEXT NOT NULL,
      UNIQUE (repository_id, run_id, run_attempt, job, platform, comment_key)
    )`,
    'CREATE INDEX results_by_repository ON results (repository_id, head_sha)',
    // A token's jti, remembered until the token expires: never accepted again with another body.
    `CREATE TABLE token_uses (
      jti TEXT PRIMARY KEY,
      body_hash TEXT NOT NULL,
      expires_at TEXT NOT NULL
    )`,
  ],
  [
    // What publishing needs of an upload: the run's event and ref (a pull request's number).
    "ALTER TABLE results ADD COLUMN event_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE results ADD COLUMN ref TEXT NOT NULL DEFAULT ''",
    // One report per repository, commit and comment key: when it is due, and what it published.
    `CREATE TABLE reports (
      repository_id BIGINT NOT NULL,
      head_sha TEXT NOT NULL,
      comment_key TEXT NOT NULL,
      first_upload_at TEXT NOT NULL,
      check_run_id BIGINT,
      published_at TEXT,
      published_results TEXT,
      outcome TEXT,
      PRIMARY KEY (repository_id, head_sha, comment_key)
    )`,
    // Publishes to do: one row per report at most, leased by one process at a time.
    `CREATE TABLE outbox (
      repository_id BIGINT NOT NULL,
      head_sha TEXT NOT NULL,
      comment_key TEXT NOT NULL,
      version INTEGER NOT NULL,
      due_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      lease_owner TEXT,
      lease_until TEXT,
      PRIMARY KEY (repository_id, head_sha, comment_key)
    )`,
    'CREATE INDEX outbox_by_due ON outbox (due_at)',
  ],
]
