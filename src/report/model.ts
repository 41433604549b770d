// The Report: everything one report job knows, merged from all legs. Plain JSON data (it becomes
// the action's `report-json` output and the reporting service stores it), versioned like the
// PlatformResult. Every string in it may come from a user or a pull request: render it escaped.
import type {
  Confidence,
  EphemeralMetrics,
  OsFamily,
  Outcome,
  OutcomeCount,
} from '../probe/model.ts'
import type { Severity } from '../scan/finding.ts'
import type { ReportHistory } from './history.ts'
import type { Verdict } from './verdict.ts'

export const REPORT_SCHEMA_VERSION = 1

/** The scenario the headline is about: the 2008 python-dev report that started this project. */
export const HEADLINE_SCENARIO = 'tcp4-reuseaddr-both-dup-wildcard-nolisten'

/** Where the report is about; all optional so a CLI report on a laptop works too. */
export interface ReportContext {
  /** `owner/name`. */
  repository?: string
  /** `https://github.com` or a GitHub Enterprise Server URL. */
  serverUrl?: string
  headSha?: string
  pullRequest?: number
  /** Branch names, as the event gives them: user-controlled. */
  headRef?: string
  baseRef?: string
  event?: string
  /** Link to the workflow run (where the job summary is). */
  runUrl?: string
}

export interface MeasuredPlatform {
  id: string
  os: OsFamily | 'other'
  arch: string
  /** The project's display name for it, from the policy. */
  name?: string
  /** Artifact (or file) the result was read from. */
  source: string
  release: string
  distro?: string
  runnerImage?: string
  python?: string
  node: string
  toolVersion: string
  repeat: number
  startedAt: string
  durationMs: number
  settings: Record<string, string>
  ephemeralPortRange?: { low: number; high: number }
  /** Drivers that did not run, with why: their scenarios are not measured here. */
  driverProblems: { driver: string; status: string; message?: string }[]
}

export type MissingReason =
  | 'no-result'
  | 'leg-cancelled'
  /** GitHub stopped the job at its `timeout-minutes`. */
  | 'leg-timed-out'
  /** GitHub lost the leg's runner before it uploaded a result. */
  | 'leg-runner-lost'
  | 'leg-failed'
  | 'leg-skipped'
  /** A result arrived, but its host kept most scenarios from being measured. */
  | 'host-unmeasurable'

export interface MissingPlatform {
  id: string
  name?: string
  reason: MissingReason
  /** The leg that should have measured it, when the caller knows. */
  leg?: string
  /** For host-unmeasurable: why, and how much was not measured. */
  detail?: string
}

/** How a matrix leg ended, as the caller read it from the run's jobs. */
export type LegStatus =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  /** GitHub lost the job's runner (its check run's annotations say so). */
  | 'runner_lost'
  | 'unknown'

export interface LegProblem {
  leg: string
  status: LegStatus
  /** The platform the leg was meant to measure, when known. */
  platform?: string
}

export interface ArtifactProblem {
  artifact: string
  message: string
  /**
   * `scan`: the leg's scan could not run or be read, so what the pull request's code does is
   * unknown; the gate counts it under the findings rule. Absent: a result that could not be read.
   */
  kind?: 'scan'
}

export interface Cell {
  platform: string
  /** Absent when the platform did not run the scenario. */
  outcome?: Outcome
  step?: string
  verdict: Verdict
  /** The raw code people search for: `WSAEACCES (10013)`. */
  raw?: string
  flaky: boolean
  runs?: number
  /** Per-outcome counts, kept only when the outcome varied. */
  counts?: OutcomeCount[]
  reason?: string
  metrics?: EphemeralMetrics
}

export interface ExpectationSummary {
  /** `EADDRINUSE`, `EADDRINUSE at B bind lo4:P`, or `unknown`. */
  text: string
  confidence: Confidence
}

export interface ScenarioRow {
  id: string
  title: string
  section: string
  /** From the project's own config rather than the built-in catalogue. */
  custom: boolean
  /** False when a leg reported a scenario the report's catalogue does not know. */
  known: boolean
  measurement: boolean
  /** The step the scenario records (`=>`); an error at another step is shown with its step. */
  recordedStep?: string
  expected: Partial<Record<OsFamily, ExpectationSummary>>
  /** One per measured platform, in the order of Report.platforms. */
  cells: Cell[]
}

export interface CellRef {
  scenario: string
  platform: string
  os: OsFamily | 'other'
  outcome: Outcome
  step: string
  expected: string
  confidence: Confidence
}

export interface ProbeProblem {
  platform: string
  /** Absent for a problem with a whole driver. */
  scenario?: string
  message: string
}

export interface FlakyCell {
  scenario: string
  platform: string
  runs: number
  counts: OutcomeCount[]
}

export interface Headline {
  scenario: string
  title: string
  raises: string[]
  succeeds: string[]
  other: { platform: string; outcome: Outcome }[]
  /** Measured platforms that did not run it, and expected platforms that are missing. */
  notMeasured: { platform: string; reason: string }[]
  /** What the sources say, per OS family, for the families nobody measured. */
  documented: { os: OsFamily; text: string; confidence: Confidence }[]
  /** Platforms whose outcome varied between runs: the headline's outcome is only the commonest. */
  flaky: { platform: string; count: number; runs: number }[]
}

export interface CellChange {
  scenario: string
  platform: string
  before: { outcome: Outcome; flaky: boolean }
  after: { outcome: Outcome; flaky: boolean }
}

export interface Changes {
  /** `first-run`: no earlier report on this PR; `unreadable`: its digest was bad (see note). */
  status: 'first-run' | 'compared' | 'unreadable'
  note?: string
  /** The head commit of the earlier report. */
  since?: string
  cells: CellChange[]
  platformsAdded: string[]
  platformsRemoved: string[]
  /** Cells of platforms in both runs that are measured now and were not, and the other way. */
  cellsStarted: number
  cellsStopped: number
  /** Undefined when either run had too many findings to keep their fingerprints. */
  findings?: { added: number; fixed: number }
  /** True when anything above differs from the earlier report. */
  any: boolean
}

export interface RequirementResult {
  scenario: string
  /** OS family or platform id, as the policy wrote it. */
  target: string
  allowed: Outcome[]
  status: 'met' | 'violated' | 'unverified'
  /** One per platform the target covers. */
  platforms: { platform: string; outcome?: Outcome; status: 'met' | 'violated' | 'unverified' }[]
  message: string
  /** Where the policy says it: the file and line, when the policy came from a file. */
  source?: string
  line?: number
}

export interface ReportFinding {
  rule: string
  severity: Severity
  line: number
  column: number
  endLine?: number
  endColumn?: number
  message: string
  advice: string
  fingerprint: string
  language: string
  /**
   * On a line the pull request adds or changes (or the changed lines could not be told, as on a
   * push or a scan of a whole tree without a base): what the findings rule judges. False: it was
   * there before, and is listed as pre-existing.
   */
  new: boolean
}

export interface FindingGroup {
  path: string
  findings: ReportFinding[]
}

export interface FindingsSummary {
  total: number
  bySeverity: Record<Severity, number>
  /** The findings on the pull request's changed lines, by severity (see ReportFinding.new). */
  newBySeverity: Record<Severity, number>
  /** Grouped by file, files in order of their worst finding, then path. */
  files: FindingGroup[]
  /** Findings that could not be read, with why. */
  problems: string[]
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  tool: { name: 'bind-probe'; version: string }
  context: ReportContext
  /** Measured platforms, in the policy's order, then the others by id. */
  platforms: MeasuredPlatform[]
  missing: MissingPlatform[]
  legs: LegProblem[]
  artifacts: ArtifactProblem[]
  /** Things a reader should know that fit nowhere else (a platform reported twice). */
  notes: string[]
  scenarios: ScenarioRow[]
  headline: Headline
  divergences: CellRef[]
  /** Inferred expectations the measurement contradicted: news, not failures. */
  refutations: CellRef[]
  probeErrors: ProbeProblem[]
  flaky: FlakyCell[]
  changes: Changes
  requirements: RequirementResult[]
  findings: FindingsSummary
  /** Ids of the scenarios with at least one divergence, sorted. */
  divergentScenarios: string[]
  /** The reporting service's flip figures over past runs; absent in the action's report. */
  history?: ReportHistory
}
