// Pure: the outcomes a project says it relies on (`require:` in the policy), held against what
// each platform measured. A target is an OS family (every platform of it) or one platform id; a
// platform id is more specific, so it wins over its family for that platform.
import type { Requirement } from '../config/model.ts'
import { OS_FAMILIES, type OsFamily } from '../probe/model.ts'
import type { MeasuredPlatform, RequirementResult, ScenarioRow } from './model.ts'

type Status = RequirementResult['status']

export function checkRequirements(
  requirements: readonly Requirement[],
  platforms: readonly MeasuredPlatform[],
  rows: readonly ScenarioRow[],
  /** The policy file the requirements came from. */
  source?: string,
): RequirementResult[] {
  const rowById = new Map(rows.map((row) => [row.id, row]))
  const byPlatform = new Set(
    requirements.filter((r) => !isOs(r.target)).map((r) => `${r.scenario}\u0000${r.target}`),
  )
  return requirements.map((req) => {
    const row = rowById.get(req.scenario)
    const covered = platforms
      .map((p, index) => ({ p, index }))
      .filter(({ p }) =>
        isOs(req.target)
          ? p.os === req.target && !byPlatform.has(`${req.scenario}\u0000${p.id}`)
          : p.id === req.target,
      )
    const results = covered.map(({ p, index }) => {
      const cell = row?.cells[index]
      const outcome = cell?.outcome
      const measured = outcome !== undefined && outcome !== 'skipped' && outcome !== 'probe-error'
      const status: Status = !measured
        ? 'unverified'
        : req.outcomes.includes(outcome)
          ? 'met'
          : 'violated'
      return { platform: p.id, ...(outcome !== undefined ? { outcome } : {}), status }
    })
    // Every platform of the OS is held to a requirement of its own: nothing is left to this one.
    if (isOs(req.target) && !covered.length && platforms.some((p) => p.os === req.target)) {
      return {
        scenario: req.scenario,
        target: req.target,
        allowed: req.outcomes,
        status: 'met' as const,
        platforms: [],
        message: `every ${req.target} platform measured has a requirement of its own`,
      }
    }
    const status: Status = results.some((r) => r.status === 'violated')
      ? 'violated'
      : results.length > 0 && results.every((r) => r.status === 'met')
        ? 'met'
        : 'unverified'
    return {
      scenario: req.scenario,
      target: req.target,
      allowed: req.outcomes,
      status,
      platforms: results,
      message: describe(req, status, results),
      ...(source ? { source } : {}),
      ...(req.line ? { line: req.line } : {}),
    }
  })
}

function describe(
  req: Requirement,
  status: Status,
  results: RequirementResult['platforms'],
): string {
  const wanted = req.outcomes.join(' or ')
  if (results.length === 0) return `${req.target} was not measured (required: ${wanted})`
  if (status === 'met') return `${wanted}, as required`
  const parts = results
    .filter((r) => r.status !== 'met')
    .map((r) =>
      r.status === 'violated'
        ? `${r.platform} gave ${r.outcome}`
        : `${r.platform} ${r.outcome === undefined ? 'did not run it' : `could not measure it (${r.outcome})`}`,
    )
  return `${parts.join(', ')}; required: ${wanted}`
}

function isOs(target: string): target is OsFamily {
  return (OS_FAMILIES as readonly string[]).includes(target)
}
