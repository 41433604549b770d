// Pure: flips and flip rates from outcome rows. A series is one repository's scenario on one
// platform and runner image; runs are ordered by run id, then attempt (a re-run attempt is a run
// of its own: it is how a flaky outcome shows itself).
import type { FlipStats, ReportHistory, ScenarioHistory } from '../../report/history.ts'

export interface OutcomeRow {
  ref: string
  scenario: string
  platform: string
  /** '' when the runner named no image. */
  image: string
  runId: number
  runAttempt: number
  outcome: string
}

/** Oldest run first. */
export function byRun(a: OutcomeRow, b: OutcomeRow): number {
  return a.runId - b.runId || a.runAttempt - b.runAttempt
}

/** How many times consecutive outcomes differ; `outcomes` oldest first. */
export function countFlips(outcomes: readonly string[]): number {
  let flips = 0
  for (let i = 1; i < outcomes.length; i++) if (outcomes[i] !== outcomes[i - 1]) flips++
  return flips
}

const seriesKey = (r: Pick<OutcomeRow, 'scenario' | 'platform' | 'image'>) =>
  `${r.platform}\u0000${r.image}\u0000${r.scenario}`

function groupSeries(rows: readonly OutcomeRow[]): Map<string, OutcomeRow[]> {
  const series = new Map<string, OutcomeRow[]>()
  for (const row of [...rows].sort(byRun)) {
    const key = seriesKey(row)
    const list = series.get(key)
    if (list) list.push(row)
    else series.set(key, [row])
  }
  return series
}

function stats(ref: string, rows: readonly OutcomeRow[]): FlipStats {
  return { ref, runs: rows.length, flips: countFlips(rows.map((r) => r.outcome)) }
}

export interface HistoryWindows {
  window: number
  /** The default branch's ref and its rows from its last `window` runs. */
  branch?: { ref: string; rows: readonly OutcomeRow[] }
  /** The pull request's ref and its rows from its last `window` runs. */
  pullRequest?: { ref: string; rows: readonly OutcomeRow[] }
}

/**
 * Per series, the flips over the default branch's and the pull request's windows, and whether
 * the latest run flipped. Sorted by platform, image, scenario.
 */
export function scenarioHistories(windows: HistoryWindows): ReportHistory {
  const branch = groupSeries(windows.branch?.rows ?? [])
  const pull = groupSeries(windows.pullRequest?.rows ?? [])
  const keys = [...new Set([...branch.keys(), ...pull.keys()])].sort()
  const scenarios = keys.map((key): ScenarioHistory => {
    const onBranch = branch.get(key) ?? []
    const onPull = pull.get(key) ?? []
    const any = (onPull[0] ?? onBranch[0])!
    // The latest run and the one before it: the pull request's own, else the branch's latest.
    const sequence = windows.pullRequest ? [...onBranch.slice(-1), ...onPull] : onBranch
    const latest = sequence.at(-1)
    const previous = sequence.at(-2)
    const newFlip =
      latest !== undefined && previous !== undefined && latest.outcome !== previous.outcome
    return {
      scenario: any.scenario,
      platform: any.platform,
      ...(any.image ? { image: any.image } : {}),
      ...(windows.branch && onBranch.length ? { branch: stats(windows.branch.ref, onBranch) } : {}),
      ...(windows.pullRequest && onPull.length
        ? { pullRequest: stats(windows.pullRequest.ref, onPull) }
        : {}),
      newFlip,
      ...(newFlip ? { previousOutcome: previous!.outcome, latestOutcome: latest!.outcome } : {}),
    }
  })
  return { window: windows.window, scenarios }
}
