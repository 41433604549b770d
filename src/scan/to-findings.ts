// The last step for every kind of file: number repeated hits so fingerprints stay stable, keep
// the changed lines only (diff-aware mode), and drop what a comment suppresses. Pure.
import { contains, type Span } from './facts.ts'
import type { Finding, Severity } from './finding.ts'
import { fingerprint } from './fingerprint.ts'
import { spanChanged, type LineSet } from './diff.ts'
import { isSuppressed, type Suppressions } from './suppress.ts'

/** A hit with what its finding says: the rule's message and advice in the file's language. */
export interface PlacedHit {
  rule: string
  severity: Severity
  at: Span
  /** The flagged code, for the fingerprint. */
  code: string
  message: string
  advice: string
}

export interface Placement {
  path: string
  language: string
  suppressions: Suppressions
  /** Report only on these lines (diff-aware mode). */
  lines?: LineSet
  /** Spans whose hits are dropped: tests the runner skips. */
  skipped?: readonly Span[]
}

export function toFindings(
  hits: Iterable<PlacedHit>,
  where: Placement,
): { findings: Finding[]; suppressed: number } {
  const findings: Finding[] = []
  const occurrences = new Map<string, number>()
  let suppressed = 0
  for (const hit of hits) {
    // Counted before any filter, so a finding keeps its fingerprint in diff-aware mode.
    const key = `${hit.rule}\0${hit.code.replace(/\s+/g, ' ')}`
    const occurrence = occurrences.get(key) ?? 0
    occurrences.set(key, occurrence + 1)
    const { at } = hit
    if (where.lines !== undefined && !spanChanged(where.lines, at.line, at.endLine)) continue
    if (where.skipped?.some((s) => contains(s, at))) continue
    if (isSuppressed(where.suppressions, hit.rule, at.line, at.endLine)) {
      suppressed++
      continue
    }
    findings.push({
      rule: hit.rule,
      severity: hit.severity,
      path: where.path,
      line: at.line,
      column: at.column,
      endLine: at.endLine,
      endColumn: at.endColumn,
      language: where.language,
      message: hit.message,
      advice: hit.advice,
      fingerprint: fingerprint(hit.rule, where.path, hit.code, occurrence),
    })
  }
  return { findings, suppressed }
}
