// The scan's public API: what the action, the CLI and the report side call.
export { scan, type ScanOptions, type ScanResult } from './scan.ts'
export type { Finding, Severity } from './finding.ts'
export type { ScanSettings } from './settings.ts'
export { checkSettings, SettingsError, DEFAULT_MAX_FILE_BYTES } from './settings.ts'
export {
  parseUnifiedDiff,
  parsePatch,
  parseHunkHeader,
  spanChanged,
  changesFromPrFiles,
  PR_FILES_LIMIT,
  type ChangedLines,
  type Hunk,
  type LineSet,
  type PrFile,
} from './diff.ts'
export { gitChangedLines, GitDiffError } from './git-diff.ts'
export { toSarif, type SarifOptions } from './sarif.ts'
export { toAnnotation, type Annotation } from './annotations.ts'
export { RULES, type RuleInfo } from './rules/catalogue.ts'
export { checkGrammars, Grammars, type GrammarStatus } from './grammars.ts'
export { LANGUAGES } from './languages.ts'
export type { SkipReason } from './files.ts'
