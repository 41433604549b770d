// The project's policy, `.github/bind-probe.yml`, after loading: camelCase, defaults filled in,
// custom scenarios checked. schemas/config.schema.json describes the YAML form; docs/configuration.md
// explains every key.
import type { Outcome, Scenario } from '../probe/model.ts'
import type { Severity } from '../scan/finding.ts'
import { DEFAULT_MAX_FILE_BYTES } from '../scan/settings.ts'

export interface ExpectedPlatform {
  /** A platform id as the probe writes it: `linux-x64`, or `linux-x64-<label>`. */
  id: string
  /** How the report names it, such as "Ubuntu 24.04". */
  name?: string
}

export interface FailOn {
  /** A measured outcome contradicts a documented expectation (the runner's kernel, not the PR). */
  divergence: boolean
  /** An outcome differs from the previous report on this pull request. */
  change: boolean
  /** An expected platform sent no result, or its leg was cancelled or failed. */
  missingPlatform: boolean
  /**
   * A platform's result arrived, but its host kept most scenarios from being measured (no IPv6,
   * loopback down, no free port). Its leg looks green, so unlike a cancelled leg nothing else
   * would show it: on by default, so a broken host never reports green.
   */
  unmeasurableHost: boolean
  /** The probe itself failed on a scenario, or a driver crashed. */
  probeError: boolean
  /** A scenario's outcome varied across repeats. */
  flaky: boolean
  /**
   * New scan findings (on the pull request's changed lines) at or above this severity fail, and so
   * does a scan that could not run or be read; `never` ignores them. Findings elsewhere only warn.
   */
  findings: Severity | 'never'
  /**
   * GitHub refused to write the comment or check run (a read-only token: forks, Dependabot).
   * Off: one warning, and the report stays in the job summary. On: the step fails.
   */
  refusedWrite: boolean
  /**
   * The reporting service's key (it has the history; the action reports it "not evaluated"): a
   * scenario's latest outcome differs from the run before it on the same platform and image.
   * Absent unless the policy sets it, which keeps the action's report as it was.
   */
  newFlip?: boolean
}

/** A scenario outcome the project relies on, on an OS family or one platform. */
export interface Requirement {
  scenario: string
  /** `linux`, `macos`, `windows`, or a platform id. */
  target: string
  /** Any of these is fine. */
  outcomes: Outcome[]
  /** Where the policy file says it, so the report can point there. */
  line?: number
}

/**
 * `failures`: post or update only when the check did not pass; a comment already there is updated
 * (it then says the check passed), and none is posted on a pull request that never failed.
 */
export type CommentMode = 'always' | 'changes' | 'failures' | 'off'

export interface Config {
  /** The file it came from, for messages; absent for DEFAULT_CONFIG. */
  source?: string
  platforms: ExpectedPlatform[]
  mode: 'enforce' | 'warn'
  failOn: FailOn
  require: Requirement[]
  /** The project's own scenarios, complete (omitted expectations are `unknown`). */
  scenarios: Scenario[]
  comment: { mode: CommentMode; key: string; template?: string }
  summary: { template?: string }
  /** Plain data for the scanner (its ScanSettings). */
  scan: {
    ignore: string[]
    allowedHelpers: string[]
    disableRules: string[]
    testPaths: string[]
    maxFileBytes: number
  }
  /** Where the report job reads this file and the templates from. */
  readPolicyFrom: 'base' | 'pull-request'
  /**
   * The reporting service's key: scenario ids known to flip between runs; their flips are
   * reported and never fail the check. Absent unless the policy lists some.
   */
  knownFlaky?: string[]
}

/** What evaluatePolicy needs. */
export type Policy = Pick<Config, 'mode' | 'failOn' | 'require' | 'platforms'> &
  Pick<Partial<Config>, 'knownFlaky'>

/**
 * By default the gate fails on what the pull request's author can fix: new flaky port use at
 * severity error, the project's own requirements, a scan that could not run, and a host that
 * measured nothing while looking green. The platform's own behaviour, flaky outcomes and a leg
 * that did not finish are warnings (docs/configuration.md, "The defaults").
 */
export const DEFAULT_FAIL_ON: Readonly<FailOn> = Object.freeze({
  divergence: false,
  change: false,
  missingPlatform: false,
  unmeasurableHost: true,
  probeError: false,
  flaky: false,
  findings: 'error',
  refusedWrite: false,
})

export const DEFAULT_COMMENT_KEY = 'default'

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze<Config>({
  platforms: [],
  mode: 'enforce',
  failOn: DEFAULT_FAIL_ON,
  require: [],
  scenarios: [],
  comment: Object.freeze({ mode: 'always', key: DEFAULT_COMMENT_KEY }),
  summary: Object.freeze({}),
  scan: Object.freeze({
    ignore: [],
    allowedHelpers: [],
    disableRules: [],
    testPaths: [],
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  }),
  readPolicyFrom: 'base',
})
