// Pure: what differs from the previous report on this pull request, read from the digest in our
// earlier comment. Only outcomes (and whether they were flaky), which scenarios were measured, the
// set of platforms and the findings are compared: those are what a reviewer acts on.
import { digestCell, hashKey, type Digest } from './digest.ts'
import type { PreviousDigest } from './marker.ts'
import type { CellChange, Changes, MeasuredPlatform, ScenarioRow } from './model.ts'

export function compareWithPrevious(
  previous: PreviousDigest | undefined,
  current: Digest,
  platforms: readonly MeasuredPlatform[],
  rows: readonly ScenarioRow[],
): Changes {
  const none = {
    cells: [],
    platformsAdded: [],
    platformsRemoved: [],
    cellsStarted: 0,
    cellsStopped: 0,
    any: false,
  }
  if (previous === undefined) return { status: 'first-run', ...none }
  if ('absent' in previous) {
    return { status: 'unreadable', note: 'the previous comment carries no digest', ...none }
  }
  if ('problem' in previous) {
    return {
      status: 'unreadable',
      note: `the previous comment's digest was ignored: ${previous.problem}`,
      ...none,
    }
  }
  const before = previous.digest
  const cells: CellChange[] = []
  let cellsStarted = 0
  let cellsStopped = 0
  platforms.forEach((platform, index) => {
    const codes = before.platforms[platform.id]
    if (codes === undefined) return
    // A scenario measured in one run and not in the other (added, removed, or skipped now).
    const measuredNow = new Set(
      rows.filter((row) => row.cells[index]?.outcome !== undefined).map((row) => hashKey(row.id)),
    )
    before.scenarios.forEach((hash, i) => {
      if (codes[i] !== '.' && !measuredNow.has(hash)) cellsStopped++
    })
    for (const row of rows) {
      const cell = row.cells[index]
      if (cell?.outcome === undefined) continue
      const then = digestCell(before, row.id, platform.id)
      if (!then) {
        cellsStarted++
        continue
      }
      if (then.outcome !== cell.outcome || then.flaky !== cell.flaky) {
        cells.push({
          scenario: row.id,
          platform: platform.id,
          before: then,
          after: { outcome: cell.outcome, flaky: cell.flaky },
        })
      }
    }
  })
  const now = new Set(platforms.map((p) => p.id))
  const platformsAdded = [...now].filter((id) => before.platforms[id] === undefined)
  const platformsRemoved = Object.keys(before.platforms)
    .filter((id) => !now.has(id))
    .sort()
  let findings: Changes['findings']
  if (before.findings && current.findings) {
    const then = new Set(before.findings)
    const nowSet = new Set(current.findings)
    findings = {
      added: current.findings.filter((h) => !then.has(h)).length,
      fixed: before.findings.filter((h) => !nowSet.has(h)).length,
    }
  }
  return {
    status: 'compared',
    ...(before.sha ? { since: before.sha } : {}),
    cells,
    platformsAdded,
    platformsRemoved,
    cellsStarted,
    cellsStopped,
    ...(findings ? { findings } : {}),
    any:
      cells.length > 0 ||
      cellsStarted + cellsStopped > 0 ||
      platformsAdded.length > 0 ||
      platformsRemoved.length > 0 ||
      (findings !== undefined && findings.added + findings.fixed > 0),
  }
}
