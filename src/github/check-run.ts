// The check run that branch protection can require: one per report, under a stable name per
// comment key, with the conclusion the policy gave. Annotations go 50 to a request (GitHub's cap);
// every further batch is an update, which appends.
import type { GitHubApi } from './octokit.ts'
import type { Logger } from './logger.ts'
import type { RepoRef } from './context.ts'
import { assertCommentKey } from './comment-marker.ts'
import { refusalOf, statusOf, type Refusal } from './errors.ts'
import { positiveId, textField } from './answers.ts'
import { ANNOTATIONS_PER_REQUEST, CHECK_TEXT_LIMIT, trimMarkdown, truncateBytes } from './limits.ts'

export type CheckConclusion =
  'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required'

/** One annotation, as the Checks API takes it. */
export interface CheckAnnotation {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'notice' | 'warning' | 'failure'
  message: string
  title?: string
  raw_details?: string
}

export interface PublishCheckRunOptions {
  repo: RepoRef
  /** The PR head (or pushed) commit, not the test merge commit. */
  headSha: string
  /** From `checkRunName(key)`, so required checks keep matching. */
  name: string
  title: string
  /** Markdown; trimmed to the API's 65,535 characters. */
  summary: string
  text?: string
  conclusion: CheckConclusion
  detailsUrl?: string
  externalId?: string
  annotations?: CheckAnnotation[]
  /** At most this many annotations are sent (the rest are counted in the log). Default 1,000. */
  maxAnnotations?: number
  /** Complete a check run created earlier (say, `in_progress` at the start) instead. */
  existingId?: number
  logger: Logger
}

export interface CheckRunResult {
  status: 'created' | 'updated' | 'denied' | 'not-found' | 'rejected' | 'unavailable'
  checkRun?: { id: number; url: string }
  annotationsSent: number
  /** Which of summary and text had to be cut. */
  trimmed: Array<'summary' | 'text'>
  refusal?: Refusal
}

const TRIM_NOTE =
  "_… trimmed to fit the Checks API's size limit; the job summary has the full report._"
const FIELD_LIMIT = 64 * 1024

export function checkRunName(key: string): string {
  assertCommentKey(key)
  return key === 'default' ? 'bind-probe' : `bind-probe (${key})`
}

export async function publishCheckRun(
  api: GitHubApi,
  options: PublishCheckRunOptions,
): Promise<CheckRunResult> {
  const trimmed: CheckRunResult['trimmed'] = []
  const summary = fit(options.summary, 'summary', trimmed)
  const text = options.text === undefined ? undefined : fit(options.text, 'text', trimmed)
  const title = truncateBytes(options.title, 255)
  const limit = options.maxAnnotations ?? 1000
  const all = (options.annotations ?? []).map(cleanAnnotation)
  const annotations = all.slice(0, limit)
  if (all.length > annotations.length) {
    options.logger.warning(
      `${all.length} annotations for the check run; sending the first ${annotations.length}`,
    )
  }
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  }
  const output = (batch: CheckAnnotation[] | undefined) => ({
    title,
    summary,
    ...(text !== undefined ? { text } : {}),
    ...(batch?.length ? { annotations: batch } : {}),
  })
  const where = { owner: options.repo.owner, repo: options.repo.repo }
  let sent = 0
  let checkRun: CheckRunResult['checkRun']
  const status: 'created' | 'updated' = options.existingId === undefined ? 'created' : 'updated'
  try {
    const first = batches[0]
    const common = {
      ...where,
      name: options.name,
      status: 'completed' as const,
      conclusion: options.conclusion,
      completed_at: new Date().toISOString(),
      ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
      ...(options.externalId ? { external_id: options.externalId } : {}),
      output: output(first),
    }
    const { data } =
      options.existingId === undefined
        ? await api.rest.checks.create({ ...common, head_sha: options.headSha })
        : await api.rest.checks.update({ ...common, check_run_id: options.existingId })
    const endpoint =
      options.existingId === undefined
        ? 'POST /repos/{owner}/{repo}/check-runs'
        : 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}'
    checkRun = {
      id: positiveId(data.id, endpoint),
      url: textField(data.html_url, endpoint, 'html_url'),
    }
    sent += first?.length ?? 0
    for (const batch of batches.slice(1)) {
      await api.rest.checks.update({ ...where, check_run_id: checkRun.id, output: output(batch) })
      sent += batch.length
    }
    return { status, checkRun, annotationsSent: sent, trimmed }
  } catch (error) {
    const refusal = refusalOf(error)
    if (!refusal) throw error
    return {
      status: statusOf(refusal),
      ...(checkRun ? { checkRun } : {}),
      annotationsSent: sent,
      trimmed,
      refusal,
    }
  }
}

function fit(value: string, field: 'summary' | 'text', trimmed: CheckRunResult['trimmed']): string {
  const cut = trimMarkdown(value, CHECK_TEXT_LIMIT, TRIM_NOTE)
  if (cut !== value) trimmed.push(field)
  return cut
}

/** What the API would refuse, made acceptable: capped text, columns only within one line. */
function cleanAnnotation(a: CheckAnnotation): CheckAnnotation {
  const endLine = Math.max(a.start_line, a.end_line)
  const sameLine = a.start_line === endLine
  return {
    path: a.path.replace(/\\/g, '/').replace(/^\.?\/+/, ''),
    start_line: a.start_line,
    end_line: endLine,
    ...(sameLine && a.start_column !== undefined ? { start_column: a.start_column } : {}),
    ...(sameLine && a.end_column !== undefined ? { end_column: a.end_column } : {}),
    annotation_level: a.annotation_level,
    message: truncateBytes(a.message, FIELD_LIMIT),
    ...(a.title !== undefined ? { title: truncateBytes(a.title, 255) } : {}),
    ...(a.raw_details !== undefined
      ? { raw_details: truncateBytes(a.raw_details, FIELD_LIMIT) }
      : {}),
  }
}
