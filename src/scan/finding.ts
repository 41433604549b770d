// A place in the code where port use makes tests flaky: the scan's output and the report's input.
// It travels inside the probe leg's results (the report job never checks out the code), so it is
// plain data.

export type Severity = 'error' | 'warning' | 'note'

export interface Finding {
  /** Stable rule id, such as PORT001. */
  rule: string
  severity: Severity
  /** Repository-relative path with forward slashes. */
  path: string
  /** 1-based line and column of the finding's start. */
  line: number
  column: number
  endLine?: number
  endColumn?: number
  language: string
  /** Why this is flaky, and on which OS. */
  message: string
  /** The safe pattern, in this language. */
  advice: string
  /** Stable across unrelated edits: rule, path and the normalised text of the flagged code. */
  fingerprint: string
}
