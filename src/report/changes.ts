// Pure: what differs from the previous report on this pull request, read from the digest in our
// earlier comment. Only outcomes (and whether they were flaky), the set of platforms and the
// findings are compared: those are what a reviewer acts on.
import { digestCell, type Digest } from './digest.ts'
import type { PreviousDigest } from './marker.ts'
import type { CellChange, Changes, MeasuredPlatform, ScenarioRow } from './model.ts'

export function compareWithPrevious(
  previous: PreviousDigest | undefined,
  current: Digest,
  platforms: readonly MeasuredPlatform[],
  rows: readonly ScenarioRow[],
): Changes {
  const none = { cells: [], platformsAdded: [], platformsRemoved: [], any: false }
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
  platforms.forEach((platform, index) => {
    if (before.platforms[platform.id] === undefined) return
    for (const row of rows) {
      const cell = row.cells[index]
      if (cell?.outcome === undefined) continue
      const then = digestCell(before, row.id, platform.id)
      if (!then) continue
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
    ...(findings ? { findings } : {}),
    any:
      cells.length > 0 ||
      platformsAdded.length > 0 ||
      platformsRemoved.length > 0 ||
      (findings !== undefined && findings.added + findings.fixed > 0),
  }
}
