// The action's report job: its inputs and the run's jobs handed to the shared publisher, which
// the reporting service uses too.
import { legStatuses, type RunContext } from '../github/index.ts'
import {
  publishReport,
  type PublishReportOptions,
  type ReportOutcome,
} from '../github/publish-report.ts'
import type { ActionInputs } from './inputs.ts'
import type { PolicySource } from './policy-source.ts'

export type { LegFiles, ReportOutcome } from '../github/publish-report.ts'

export interface ReportOptions extends Omit<
  PublishReportOptions,
  'settings' | 'legStatuses' | 'policy'
> {
  inputs: ActionInputs
  policy: PolicySource
  /**
   * Job ids (GITHUB_JOB) the legs ran in; the run's other jobs are not legs. Empty: there are no
   * other legs (`all` mode). Absent: unknown (no leg arrived), so every other job may be one.
   */
  legJobs?: string[]
  context?: RunContext
}

export function runReport(options: ReportOptions): Promise<ReportOutcome> {
  const { inputs, legJobs, ...rest } = options
  const { api, context } = options
  return publishReport({
    ...rest,
    settings: {
      ...(inputs.commentKey ? { commentKey: inputs.commentKey } : {}),
      ...(inputs.commentMode ? { commentMode: inputs.commentMode } : {}),
      ...(inputs.expectedPlatforms ? { expectedPlatforms: inputs.expectedPlatforms } : {}),
      ...(inputs.checkName ? { checkName: inputs.checkName } : {}),
      strategy: inputs.recreateComment
        ? 'recreate'
        : inputs.hidePreviousComment
          ? 'hide-previous'
          : 'update',
      failJob: inputs.failJob,
      jobSummary: inputs.jobSummary,
      annotations: inputs.annotations,
    },
    ...(api && context && legJobs?.length !== 0
      ? { legStatuses: () => legStatuses(api, context, legJobs) }
      : {}),
  })
}
