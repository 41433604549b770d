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
  // History (issue 11): every uploaded result also as one row per scenario outcome, so flips
  // over a repository's last runs are a query on an index, not a read of every document.
  [
    `CREATE TABLE history_repositories (
      repository_id BIGINT PRIMARY KEY,
      repository TEXT NOT NULL,
      visibility TEXT NOT NULL,
      default_branch TEXT,
      updated_at TEXT NOT NULL
    )`,
    // One row per run (and attempt) of a ref that uploaded: the window of "the last N runs".
    `CREATE TABLE history_runs (
      repository_id BIGINT NOT NULL,
      ref TEXT NOT NULL,
      run_id BIGINT NOT NULL,
      run_attempt INTEGER NOT NULL,
      head_sha TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (repository_id, ref, run_id, run_attempt)
    )`,
    'CREATE INDEX history_runs_by_time ON history_runs (recorded_at)',
    `CREATE TABLE history_outcomes (
      result_id TEXT NOT NULL,
      scenario TEXT NOT NULL,
      repository_id BIGINT NOT NULL,
      ref TEXT NOT NULL,
      platform TEXT NOT NULL,
      image TEXT NOT NULL,
      run_id BIGINT NOT NULL,
      run_attempt INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (result_id, scenario)
    )`,
    'CREATE INDEX history_outcomes_by_run ON history_outcomes (repository_id, ref, run_id, run_attempt)',
    'CREATE INDEX history_outcomes_by_time ON history_outcomes (recorded_at)',
  ],
]
