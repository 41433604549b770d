// GitHub check-run annotations for findings, in batches of at most 50 (the Checks API's limit
// per request). The GitHub layer sends them; this only shapes them.
import type { Finding, Severity } from './finding.ts'
import { ruleInfo } from './rules/catalogue.ts'

export const ANNOTATION_BATCH = 50

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
  const title = `${f.rule} ${ruleInfo(f.rule).name}`.slice(0, MAX_TITLE)
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

/** Annotations in batches of at most `size` (default 50), in the findings' order. */
export function toAnnotations(
  findings: readonly Finding[],
  size = ANNOTATION_BATCH,
): Annotation[][] {
  if (!Number.isInteger(size) || size < 1 || size > ANNOTATION_BATCH) {
    throw new RangeError(`batch size must be 1 to ${ANNOTATION_BATCH}, not ${size}`)
  }
  const batches: Annotation[][] = []
  for (let i = 0; i < findings.length; i += size) {
    batches.push(findings.slice(i, i + size).map(toAnnotation))
  }
  return batches
}
