// Inline suppression: `bind-probe-ignore PORT002: why` at the end of the flagged line, or in the
// comment lines just above its statement (not reaching into bodies nested in that statement); `bind-probe-ignore-file PORT001: why` anywhere in the file. Several ids may be given
// (`PORT001,PORT006`), or `*` for all rules.
import type { Comment } from './facts.ts'

export interface Suppressions {
  /** Rule ids (or '*') by the lines they cover. */
  lines: ReadonlyMap<number, ReadonlySet<string>>
  file: ReadonlySet<string>
}

const DIRECTIVE =
  /bind-probe-ignore(-file)?\s+((?:PORT\d{3}[a-z]?|\*)(?:\s*,\s*(?:PORT\d{3}[a-z]?|\*))*)/g

export function suppressionsOf(comments: readonly Comment[]): Suppressions {
  const lines = new Map<number, Set<string>>()
  const file = new Set<string>()
  for (const comment of comments) {
    for (const m of comment.text.matchAll(DIRECTIVE)) {
      const ids = m[2]!.split(',').map((s) => s.trim())
      if (m[1]) {
        for (const id of ids) file.add(id)
        continue
      }
      // The comment's own lines (with the comment lines right after it); unless it ends a line
      // of code, also the statement below (the line below when none starts there).
      const covered: number[] = []
      for (let line = comment.at.line; line <= comment.at.endLine; line++) covered.push(line)
      if (!comment.trailing) covered.push(...(comment.covers ?? [comment.at.endLine + 1]))
      for (const line of covered) {
        const set = lines.get(line) ?? new Set<string>()
        for (const id of ids) set.add(id)
        lines.set(line, set)
      }
    }
  }
  return { lines, file }
}

/** Whether a directive covers any line of a finding (a formatter may move it to the last one). */
export function isSuppressed(s: Suppressions, rule: string, line: number, endLine = line): boolean {
  if (s.file.has(rule) || s.file.has('*')) return true
  for (let n = line; n <= endLine; n++) {
    const ids = s.lines.get(n)
    if (ids !== undefined && (ids.has(rule) || ids.has('*'))) return true
  }
  return false
}
