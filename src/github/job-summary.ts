// The job summary: written on every run, whatever happened to the comment and the check, so the
// report is never lost. GitHub refuses a step's summary above 1 MiB (and then shows none of it),
// so the text is trimmed to what is left of that budget. Written through @actions/core's
// `summary`, which resolves GITHUB_STEP_SUMMARY once per process (one step).
import { stat } from 'node:fs/promises'
import { summary as coreSummary } from '@actions/core'
import type { Logger } from './logger.ts'
import { JOB_SUMMARY_LIMIT, trimMarkdown, utf8Length } from './limits.ts'

/** The part of @actions/core's `summary` used here. */
export interface SummarySink {
  addRaw(text: string, addEOL?: boolean): SummarySink
  write(): Promise<unknown>
}

export interface JobSummaryResult {
  written: boolean
  trimmed: boolean
  bytes: number
  /** Why nothing was written (no GITHUB_STEP_SUMMARY outside Actions, say). */
  reason?: string
}

const NOTE =
  '_… trimmed to fit the 1 MiB job summary limit; the `report-json` output has everything._'

export async function writeJobSummary(
  markdown: string,
  logger: Logger,
  options: { sink?: SummarySink; path?: string; limit?: number } = {},
): Promise<JobSummaryResult> {
  const path = options.path ?? process.env.GITHUB_STEP_SUMMARY
  if (!path) {
    return { written: false, trimmed: false, bytes: 0, reason: 'GITHUB_STEP_SUMMARY is not set' }
  }
  // Earlier writes in this step count against the same limit.
  const used = await stat(path).then(
    (s) => s.size,
    () => 0,
  )
  const room = (options.limit ?? JOB_SUMMARY_LIMIT) - used - 1
  const text = trimMarkdown(markdown, Math.max(room, 0), NOTE)
  const trimmed = text !== markdown
  if (trimmed)
    logger.warning(`the job summary was over GitHub's 1 MiB limit and was trimmed to fit`)
  try {
    await (options.sink ?? coreSummary).addRaw(text, true).write()
  } catch (error) {
    logger.warning(`could not write the job summary: ${(error as Error).message}`)
    return { written: false, trimmed, bytes: 0, reason: (error as Error).message }
  }
  return { written: true, trimmed, bytes: utf8Length(text) + 1 }
}
