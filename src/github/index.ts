// All of bind-probe's GitHub I/O: the client, the run's context, the sticky comment, the check
// run, leg results as artifacts, the job summary and outputs. Nothing here renders or judges.
export type { Logger } from './logger.ts'
export { createOctokit, type GitHubApi, type OctokitSettings } from './octokit.ts'
export {
  resolveContext,
  kindOf,
  ContextError,
  type RunContext,
  type RepoRef,
  type PullRequestRef,
  type TriggeringRun,
  type EventKind,
} from './context.ts'
export { resolvePullRequest } from './pull-request.ts'
export { assertCommentKey } from './comment-marker.ts'
export {
  findComment,
  type CommentTarget,
  type CommentLookup,
  type ExistingComment,
} from './comment-lookup.ts'
export {
  publishComment,
  type CommentStrategy,
  type CommentResult,
  type CommentStatus,
  type PublishCommentOptions,
} from './comment-publish.ts'
export {
  publishCheckRun,
  checkRunName,
  type CheckAnnotation,
  type CheckConclusion,
  type CheckRunResult,
  type PublishCheckRunOptions,
} from './check-run.ts'
export { refusalOf, describeError, type Refusal, type RefusalKind } from './errors.ts'
export { NetworkBudget, NetworkDeadlineError, RequestTimeoutError } from './network.ts'
export {
  SettingError,
  readNetworkSettings,
  DEFAULT_NETWORK_SETTINGS,
  type NetworkSettings,
} from './settings.ts'
export {
  reportRefusals,
  type RefusalPolicy,
  type RefusalReport,
  type SurfaceOutcome,
} from './degrade.ts'
export {
  collectLegs,
  legMeta,
  uploadLeg,
  resultArtifactName,
  parseResultArtifactName,
  RESULT_FILE,
  SCAN_FILE,
  META_FILE,
  type ResultTransport,
  type TransportFile,
  type DownloadedBundle,
  type DownloadOptions,
  type RunSource,
  type LegMeta,
  type CollectedLeg,
  type CollectedLegs,
} from './transport.ts'
export { DirectoryTransport } from './directory-transport.ts'
export {
  ArtifactTransport,
  defaultArtifactClient,
  type ArtifactClientLike,
  type ArtifactTransportOptions,
} from './artifact-transport.ts'
export { writeJobSummary, type JobSummaryResult, type SummarySink } from './job-summary.ts'
export {
  setOutputsSafely,
  OutputWriteError,
  OUTPUTS_BUDGET,
  type OutputValue,
  type OutputsResult,
} from './outputs.ts'
export {
  COMMENT_BODY_LIMIT,
  CHECK_TEXT_LIMIT,
  ANNOTATIONS_PER_REQUEST,
  JOB_SUMMARY_LIMIT,
  trimMarkdown,
} from './limits.ts'
export { listRunJobs, runnerWasLost, type RunJob } from './run-jobs.ts'
export { previousCheckDigest } from './check-digest.ts'
export { legStatuses, legStatusesOf } from './leg-statuses.ts'
