// The report side: merge every leg's results, compare, summarise, gate and render. Pure functions
// over plain data; the action, the CLI and the reporting service do the I/O around them.
export { buildReport, type LegInput, type ReportInput } from './build.ts'
export { mergeResults, type MergedResults, type ResultArtifact } from './merge.ts'
export {
  decodeDigest,
  digestOf,
  encodeDigest,
  verdictKey,
  type DecodedDigest,
  type Digest,
} from './digest.ts'
export {
  commentMarker,
  CommentKeyError,
  hasCommentMarker,
  readDigest,
  type PreviousDigest,
} from './marker.ts'
export {
  evaluatePolicy,
  type Conclusion,
  type GateReason,
  type GateRule,
  type GateVerdict,
} from './gate.ts'
export {
  CHECK_SUMMARY_LIMIT,
  COMMENT_LIMIT,
  commentTrailer,
  SUMMARY_LIMIT,
  renderComment,
  renderSummary,
  type CommentOptions,
  type RenderOptions,
} from './render/render.ts'
export { TemplateError, type TemplateSource } from './render/template.ts'
export {
  judge,
  describeExpectation,
  recordedStep,
  type Judgement,
  type Verdict,
} from './verdict.ts'
export * from './model.ts'
