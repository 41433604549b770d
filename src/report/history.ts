// The reporting service's memory of past runs, as the report takes it: per scenario, platform and
// runner image, how often the outcome flipped over the last runs of the default branch and of the
// pull request. Plain data, computed by the service (src/service/history/); the action has none.

/** Flips over a window of runs: a flip is an outcome different from the previous run's. */
export interface FlipStats {
  /** The ref the runs are of: `refs/heads/main`, `refs/pull/12/merge`. User-controlled. */
  ref: string
  /** Runs in the window that measured this scenario here (at most the window). */
  runs: number
  flips: number
}

export interface ScenarioHistory {
  scenario: string
  platform: string
  /** The runner image (`ImageOS`, such as `ubuntu24`); absent off GitHub's hosted runners. */
  image?: string
  /** The default branch's last runs. */
  branch?: FlipStats
  /** The pull request's last runs. */
  pullRequest?: FlipStats
  /**
   * The latest run's outcome differs from the run before it: the pull request's previous run, or
   * when this is its first, the default branch's latest.
   */
  newFlip: boolean
  /** The latest outcome and the one before it, when `newFlip`. */
  previousOutcome?: string
  latestOutcome?: string
}

export interface ReportHistory {
  /** How many runs each figure looks back over (the service's setting, default 20). */
  window: number
  scenarios: ScenarioHistory[]
}
