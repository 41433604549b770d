// Pure (apart from reading the shipped default templates once): a Report as the pull-request
// comment and as the job summary. A body that would pass its limit is rendered again with less in
// it, in this order: the matrix keeps only rows with something to see, then the matrix goes, then
// the lists get shorter, then only the headline and the counts stay, each time with a pointer to
// the job summary. Rendering never fails for size.
import { digestOf, encodeDigest, verdictKey } from '../digest.ts'
import type { GateVerdict } from '../gate.ts'
import { trailer } from '../marker.ts'
import type { Report } from '../model.ts'
import { DEFAULT_COMMENT_KEY } from '../../config/model.ts'
import { CHECK_TEXT_LIMIT, COMMENT_BODY_LIMIT, JOB_SUMMARY_LIMIT } from '../../github/limits.ts'
import { defaultTemplate } from './default-templates.ts'
import { compileTemplate, type TemplateSource } from './template.ts'
import { buildView, type Limits } from './view.ts'

/** GitHub's limits (src/github/limits.ts holds them all). Bodies are measured in UTF-8 bytes,
 * never fewer than characters, because how GitHub counts is not documented. */
export const COMMENT_LIMIT = COMMENT_BODY_LIMIT
export const SUMMARY_LIMIT = JOB_SUMMARY_LIMIT
export const CHECK_SUMMARY_LIMIT = CHECK_TEXT_LIMIT

export interface RenderOptions {
  /** A custom template; the default one when absent. */
  template?: TemplateSource
  /** The policy's conclusion, shown when given. */
  verdict?: GateVerdict
  /** Where the full report is; the run's URL (context.runUrl) when absent. */
  summaryUrl?: string
  /** In UTF-8 bytes. */
  limit?: number
}

export interface CommentOptions extends RenderOptions {
  /** One comment per pull request and key. */
  key?: string
}

const COMMENT_LEVELS: readonly Limits[] = [
  { list: 10, findings: 20, matrix: 'full' },
  { list: 10, findings: 20, matrix: 'notable' },
  { list: 10, findings: 20, matrix: 'none' },
  { list: 3, findings: 5, matrix: 'none' },
  { list: 0, findings: 0, matrix: 'none' },
]

const SUMMARY_LEVELS: readonly Limits[] = [
  { list: 1000, findings: 1000, matrix: 'full' },
  { list: 1000, findings: 1000, matrix: 'notable' },
  { list: 100, findings: 100, matrix: 'none' },
  { list: 10, findings: 10, matrix: 'none' },
  { list: 0, findings: 0, matrix: 'none' },
]

/**
 * The two hidden lines our comment ends with (the digest of this report, and the marker). Where no
 * comment is written, the check run's text keeps them, for the next run's "changed since".
 */
export function commentTrailer(
  report: Report,
  options: Pick<CommentOptions, 'verdict' | 'key'> = {},
): string {
  const digest = {
    ...digestOf(report),
    ...(options.verdict ? { verdict: verdictKey(options.verdict) } : {}),
  }
  return trailer(options.key ?? DEFAULT_COMMENT_KEY, encodeDigest(digest))
}

export function renderComment(report: Report, options: CommentOptions = {}): string {
  const end = `\n\n${commentTrailer(report, options)}\n`
  return fit(report, options, options.template ?? defaultTemplate('comment'), COMMENT_LEVELS, {
    limit: options.limit ?? COMMENT_LIMIT,
    limitName: "GitHub's limit for a comment",
    end,
  })
}

export function renderSummary(report: Report, options: RenderOptions = {}): string {
  return fit(report, options, options.template ?? defaultTemplate('summary'), SUMMARY_LEVELS, {
    limit: options.limit ?? SUMMARY_LIMIT,
    limitName: "GitHub's limit for this text",
    end: '\n',
  })
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function fit(
  report: Report,
  options: RenderOptions,
  template: TemplateSource,
  levels: readonly Limits[],
  budget: { limit: number; limitName: string; end: string },
): string {
  const render = compileTemplate(template)
  let body = ''
  for (const [i, limits] of levels.entries()) {
    const view = buildView(report, {
      limits,
      trimmed: i > 0,
      limitName: budget.limitName,
      ...(options.verdict ? { verdict: options.verdict } : {}),
      ...(options.summaryUrl ? { summaryUrl: options.summaryUrl } : {}),
    })
    body = `${tidy(render(view))}${budget.end}`
    if (byteLength(body) <= budget.limit) return body
  }
  return cut(body, budget)
}

/** Templates are easier to write with blank lines around blocks; collapse the runs they leave. */
function tidy(markdown: string): string {
  return markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The last resort, for a template whose own text is too long: cut at a line, close what is open. */
function cut(body: string, budget: { limit: number; end: string }): string {
  const notice = '\n\n… cut here to fit the size limit; the job summary has the full report.'
  const room = budget.limit - byteLength(budget.end) - byteLength(notice) - 64
  let text = Buffer.from(body, 'utf8').subarray(0, Math.max(0, room)).toString('utf8')
  text = text.replace(/\uFFFD$/, '')
  const lastLine = text.lastIndexOf('\n')
  if (lastLine > 0) text = text.slice(0, lastLine)
  // A custom template may open `<details open>`, or fence code with tildes: close what is open.
  const open =
    (text.match(/<details\b[^>]*>/gi) ?? []).length - (text.match(/<\/details>/gi) ?? []).length
  const fence = openFence(text)
  const closing = `${fence ? `\n${fence}` : ''}${'\n</details>'.repeat(Math.max(0, open))}`
  return `${text}${closing}${notice}${budget.end}`
}

/** The fence (``` or ~~~, as long as it was opened) of a code block left open, if any. */
function openFence(text: string): string | undefined {
  let open: string | undefined
  for (const m of text.matchAll(/^ {0,3}(`{3,}|~{3,})/gm)) {
    const fence = m[1]!
    if (open === undefined) open = fence
    else if (fence[0] === open[0] && fence.length >= open.length) open = undefined
  }
  return open
}
