// A finding as a GitHub check-run annotation. The GitHub layer sends them, 50 to a request (the
// Checks API's limit); this only shapes them.
import type { Finding, Severity } from './finding.ts'
import { RULES } from './rules/catalogue.ts'

export interface Annotation {
  path: string
  start_line: number
  end_line: number
  /** Only when the annotation stays on one line (the API rejects columns otherwise). */
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  title: string
  message: string
  raw_details?: string
}

const LEVEL: Record<Severity, Annotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  note: 'notice',
}

const MAX_MESSAGE = 64 * 1024 - 1
const MAX_TITLE = 255

export function toAnnotation(f: Finding): Annotation {
  const endLine = Math.max(f.line, f.endLine ?? f.line)
  const oneLine = endLine === f.line
  // A finding may come from a leg running another bind-probe version, with a rule this one lacks.
  const name = RULES.find((r) => r.id === f.rule)?.name
  const title = (name ? `${f.rule} ${name}` : f.rule).slice(0, MAX_TITLE)
  return {
    path: f.path,
    start_line: f.line,
    end_line: endLine,
    ...(oneLine
      ? { start_column: f.column, end_column: Math.max(f.column, f.endColumn ?? f.column) }
      : {}),
    annotation_level: LEVEL[f.severity],
    title,
    message: `${f.message}\n\nFix: ${f.advice}`.slice(0, MAX_MESSAGE),
  }
}
