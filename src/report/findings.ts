// Pure: the scan's findings, checked (they arrive in artifacts, so they are untrusted), without
// duplicates (each leg may scan the same files), and grouped by file for display.
import type { Finding, Severity } from '../scan/finding.ts'
import type { FindingGroup, FindingsSummary, ReportFinding } from './model.ts'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note']

/** error > warning > note: a higher rank is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity)
}

export function summariseFindings(input: readonly unknown[]): FindingsSummary {
  const problems: string[] = []
  const seen = new Set<string>()
  const byPath = new Map<string, ReportFinding[]>()
  input.forEach((value, i) => {
    const why = findingProblem(value)
    if (why) {
      problems.push(`finding ${i + 1} was ignored: ${why}`)
      return
    }
    const f = value as Finding
    const key = `${f.fingerprint}\u0000${f.path}\u0000${f.line}\u0000${f.column}\u0000${f.rule}`
    if (seen.has(key)) return
    seen.add(key)
    const list = byPath.get(f.path) ?? []
    list.push({
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      column: f.column,
      ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
      ...(f.endColumn !== undefined ? { endColumn: f.endColumn } : {}),
      message: f.message,
      advice: f.advice,
      fingerprint: f.fingerprint,
      language: f.language,
      // A leg that scanned the whole tree marks what lies off the changed lines; without a mark,
      // the finding is judged, so a scan that could not tell never lets one pass unseen.
      new: (value as { new?: unknown }).new !== false,
    })
    byPath.set(f.path, list)
  })

  const files: FindingGroup[] = [...byPath.entries()].map(([path, findings]) => ({
    path,
    findings: findings.sort(
      (a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
    ),
  }))
  // A fold, not Math.max(...): a file may hold more findings than a call takes arguments.
  const worst = (g: FindingGroup) =>
    g.findings.reduce((most, f) => Math.max(most, severityRank(f.severity)), 0)
  files.sort((a, b) => worst(b) - worst(a) || a.path.localeCompare(b.path))

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 }
  const newBySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 }
  for (const group of files) {
    for (const f of group.findings) {
      bySeverity[f.severity]++
      if (f.new) newBySeverity[f.severity]++
    }
  }
  return { total: seen.size, bySeverity, newBySeverity, files, problems }
}

export function findingProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object'
  const f = value as Record<string, unknown>
  const text = (key: string, max: number) =>
    typeof f[key] === 'string' && (f[key] as string).length > 0 && (f[key] as string).length <= max
  const whole = (key: string) => Number.isInteger(f[key]) && (f[key] as number) >= 0
  if (!text('rule', 100)) return 'rule is missing'
  if (!SEVERITIES.includes(f.severity as Severity)) return 'severity is not error, warning or note'
  if (!text('path', 4096)) return 'path is missing'
  if (!whole('line') || (f.line as number) < 1) return 'line is not a positive whole number'
  if (!whole('column')) return 'column is not a whole number'
  if (f.endLine !== undefined && !whole('endLine')) return 'endLine is not a whole number'
  if (f.endColumn !== undefined && !whole('endColumn')) return 'endColumn is not a whole number'
  if (!text('message', 10_000)) return 'message is missing'
  if (typeof f.advice !== 'string') return 'advice is missing'
  if (!text('fingerprint', 200)) return 'fingerprint is missing'
  if (typeof f.language !== 'string') return 'language is missing'
  if (f.new !== undefined && typeof f.new !== 'boolean') return 'new is not true or false'
  return undefined
}
