// The probe's data model: scenarios (what to run) and PlatformResult (what one machine answered).
// PlatformResult is a public, versioned contract: schemas/platform-result.schema.json describes it
// and every change here must change that schema and PLATFORM_RESULT_SCHEMA_VERSION together.

export const PLATFORM_RESULT_SCHEMA_VERSION = 2
/** Versions a reader accepts: version 1 lacks only optional fields of version 2. */
export const READABLE_PLATFORM_RESULT_VERSIONS = [1, 2] as const

/** The three operating systems a scenario states expectations for. */
export type OsFamily = 'linux' | 'macos' | 'windows'
export const OS_FAMILIES: readonly OsFamily[] = ['linux', 'macos', 'windows']

/**
 * What one scenario ended in. `ok`, or the normalised error name (`EADDRINUSE` for both
 * `EADDRINUSE` and `WSAEADDRINUSE`), `unsupported` when the platform lacks an option,
 * `skipped` when the scenario could not be run here (no Python), and `probe-error` for the
 * probe's own failures (driver crash, timeout).
 */
export type Outcome = string

export type Confidence = 'documented' | 'inferred' | 'unknown' | 'measured'

export interface Expectation {
  /** Absent when nobody knows (confidence `unknown`). */
  outcome?: Outcome
  /** The step expected to end the scenario, when it is not the recorded step (`=>`). */
  step?: string
  confidence: Confidence
  /** Keys of the sources in docs/semantics-sources.md. */
  sources: string[]
  note?: string
  /** For confidence `measured`: the environment the project measured it in. */
  measuredOn?: string
  /** For confidence `measured`: what the literature said before the measurement. */
  previously?: Exclude<Confidence, 'measured'>
}

export interface Scenario {
  /** Stable public id: reports, policies and `--only` use it. Never rename one. */
  id: string
  /** A group heading for tables, such as "TCP/IPv4 with SO_REUSEADDR". */
  section: string
  /** One line a person understands. */
  title: string
  /** Steps in the step language of src/probe/steps.ts; `=>` marks the recorded step. */
  steps: string[]
  expect: Record<OsFamily, Expectation>
  /**
   * Run with nothing else on the port allocator: for scenarios that depend on nobody taking a
   * just-freed port. Measurements always run alone.
   */
  runAlone?: boolean
}

/** Raw error data exactly as the driver saw it. */
export interface RawError {
  /** Symbolic errno (`EADDRINUSE`, `WSAEACCES`) or Node's error code. */
  name?: string
  errno?: number
  winerror?: number
  exception?: string
  message?: string
  /** The option constant the platform lacks (`SO_EXCLUSIVEADDRUSE`). */
  missingConstant?: string
}

export type StepStatus = 'ok' | 'error' | 'unsupported' | 'skipped' | 'not-run'

export interface StepTrace {
  step: string
  status: StepStatus
  /** A port a bind was given, or a getsockopt value. */
  value?: number
  error?: RawError
}

export interface OutcomeCount {
  outcome: Outcome
  step: string
  count: number
}

export interface EphemeralMetrics {
  samples: number
  distinct: number
  min: number
  max: number
  /** Share of draws that returned the port just closed. */
  sameAsPrevious: number
  /** Share of draws that returned the port just closed plus one. */
  nextAfterPrevious: number
  oddShare: number
  /** Share of draws inside the recorded ephemeral range, when the range is known. */
  inRange?: number
  /** Another bind-probe ran on this host while the ports were drawn: the figures are host-wide. */
  concurrentProbe?: boolean
}

/**
 * Why a scenario could not be measured on this host: a fact about the environment, never about
 * bind() semantics, so reports show it as "not measured" rather than as an outcome.
 */
export type SkipCause =
  | 'ipv6-unavailable'
  | 'loopback-down'
  | 'ephemeral-exhausted'
  | 'port-taken'
  | 'descriptors-exhausted'

export interface ScenarioResult {
  id: string
  driver: DriverName
  outcome: Outcome
  /** The step that decided the outcome: the first that failed, else the recorded one. */
  step: string
  raw?: RawError
  /** Why the scenario was skipped or errored, in words. */
  reason?: string
  /** For a scenario the host kept from being measured: the machine-readable cause. */
  cause?: SkipCause
  /**
   * Runs repeated on a fresh port, not counted in `runs`: because another program held a port,
   * or to confirm a conflict on an address the scenario never held (attribution.ts).
   */
  retries?: number
  /** Errors the control step attributed to another program's socket, not the scenario's own. */
  foreignConflicts?: number
  trace: StepTrace[]
  runs: number
  counts: OutcomeCount[]
  flaky: boolean
  metrics?: EphemeralMetrics
  durationMs: number
}

export type DriverName = 'python' | 'node'

export interface DriverStatus {
  name: DriverName
  status: 'ok' | 'unavailable' | 'crashed'
  version?: string
  executable?: string
  message?: string
}

export interface PlatformIdentity {
  /** Stable id such as `linux-x64`, or `linux-x64-bindv6only` with a label. */
  id: string
  os: OsFamily | 'other'
  /** `process.platform` as Node reports it. */
  platform: string
  arch: string
  label?: string
  release: string
  kernel: string
  distro?: string
  runner?: {
    os?: string
    arch?: string
    name?: string
    environment?: string
    image?: string
    imageVersion?: string
  }
  python?: { version: string; implementation: string; executable: string }
  node: { version: string }
  /** Sysctls, registry settings or `netsh` readings that shape bind(), by their own names. */
  settings: Record<string, string>
  ephemeralPortRange?: { low: number; high: number }
}

export interface PlatformResult {
  schemaVersion: (typeof READABLE_PLATFORM_RESULT_VERSIONS)[number]
  tool: { name: 'bind-probe'; version: string }
  platform: PlatformIdentity
  startedAt: string
  durationMs: number
  options: { repeat: number; drivers: DriverName[]; only?: string[] }
  drivers: DriverStatus[]
  scenarios: ScenarioResult[]
}
