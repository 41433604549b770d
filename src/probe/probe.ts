// The probe as a library: pick scenarios, start the drivers they need, run, and return the
// PlatformResult. The CLI and the action are thin callers of probe().
import { CATALOGUE } from './catalogue/index.ts'
import { compileScenario, type CompiledScenario } from './compile.ts'
import type { SocketDriver } from './drivers/driver.ts'
import { NodeDriver } from './drivers/node-driver.ts'
import {
  findPython,
  PythonDriver,
  PythonUnavailable,
  startPythonDriver,
} from './drivers/python-driver.ts'
import { collectPlatform } from './environment/collect.ts'
import { PLATFORM_LABEL } from './environment/parse.ts'
import type { DriverName, DriverStatus, PlatformResult, Scenario } from './model.ts'
import { PLATFORM_RESULT_SCHEMA_VERSION } from './model.ts'
import { checkHost } from './preflight.ts'
import { announceProbe } from './presence.ts'
import { ProbeSetupError } from './setup-error.ts'
import { defaultGlobalTimeoutMs, RUN_DEFAULTS, runScenarios } from './run.ts'
import { VERSION } from '../version.ts'

export interface ProbeOptions {
  /** Scenario ids to run; all when absent. */
  only?: string[]
  repeat?: number
  /** Drivers to use; both when absent. Naming `python` makes a missing Python an error. */
  drivers?: DriverName[]
  label?: string
  /** Scenarios of the user's own, run after the catalogue's. */
  extraScenarios?: Scenario[]
  concurrency?: number
  scenarioTimeoutMs?: number
  /** Gives up on the whole probe after this long; by default it grows with `repeat`. */
  globalTimeoutMs?: number
  /** Interpreter commands to try for the python driver (tests point this at fakes). */
  pythonCandidates?: string[][]
  /**
   * Where the interpreter was named, when the user named one (`BIND_PROBE_PYTHON`, the action's
   * `python` input): a setting that cannot be honoured is then an error, not a skip.
   */
  pythonNamedBy?: string
  pythonScript?: string
  onProgress?: (done: number, total: number, id: string) => void
  /** Where running probes leave their markers (presence.ts); tests keep theirs apart. */
  presenceDir?: string
  /** Told once when Python is missing and its scenarios are skipped. */
  onWarning?: (message: string) => void
}

/** A mistake in what the caller asked for: the message says how to fix it. */
export class ProbeUsageError extends Error {
  override name = 'ProbeUsageError'
}

export async function probe(options: ProbeOptions = {}): Promise<PlatformResult> {
  const startedAt = new Date()
  const t0 = performance.now()
  const repeat = options.repeat ?? RUN_DEFAULTS.repeat
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 1000) {
    throw new ProbeUsageError(`repeat must be a whole number from 1 to 1000, not ${repeat}`)
  }
  if (options.label !== undefined && !PLATFORM_LABEL.test(options.label)) {
    throw new ProbeUsageError(
      `label "${options.label}" must be lower-case letters, digits, dots and dashes (at most 40)`,
    )
  }
  const drivers = options.drivers ?? ['python', 'node']
  const scenarios = selectScenarios(
    compileAll([...CATALOGUE, ...(options.extraScenarios ?? [])]),
    options.only,
    drivers,
  )
  const needed = new Set(scenarios.map((s) => s.driver))

  // First, so that a host that stops the probe (no file descriptors left) leaves no driver running.
  const availability = await checkHost()
  const [started, platform, python] = await Promise.all([
    startDrivers(needed, drivers, options),
    collectPlatform(options.label ? { label: options.label } : {}),
    // Without python scenarios the driver is not started, yet the facts still name the Python.
    needed.has('python') ? undefined : findPython(options.pythonCandidates),
  ])
  const presence = announceProbe(options.presenceDir)
  try {
    if (started.python instanceof PythonDriver) {
      const { python, implementation, executable } = started.python.hello
      platform.python = { version: python, implementation, executable }
    } else if (python) platform.python = python
    const results = await runScenarios({
      scenarios,
      drivers: started,
      repeat,
      concurrency: options.concurrency ?? concurrencyFor(platform.ephemeralPortRange),
      scenarioTimeoutMs: options.scenarioTimeoutMs ?? RUN_DEFAULTS.scenarioTimeoutMs,
      globalTimeoutMs: options.globalTimeoutMs ?? defaultGlobalTimeoutMs(repeat),
      ...(platform.ephemeralPortRange ? { portRange: platform.ephemeralPortRange } : {}),
      availability,
      othersRunning: presence.othersRunning,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    })
    return {
      schemaVersion: PLATFORM_RESULT_SCHEMA_VERSION,
      tool: { name: 'bind-probe', version: VERSION },
      platform,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      options: { repeat, drivers, ...(options.only ? { only: uniqueIds(options.only) } : {}) },
      drivers: driverStatuses(started),
      scenarios: results,
    }
  } finally {
    presence.leave()
    await Promise.all(Object.values(started).map((d) => ('close' in d ? d.close() : undefined)))
  }
}

/**
 * Scenarios run side by side, each on ports from bind(0); in a narrow ephemeral range they would
 * take each other's ports and read as conflicts, so there the probe runs one scenario at a time.
 */
export function concurrencyFor(range: { low: number; high: number } | undefined): number {
  const ports = range ? range.high - range.low + 1 : Infinity
  return ports < NARROW_RANGE ? 1 : RUN_DEFAULTS.concurrency
}

/** Fewer ephemeral ports than this make the probe run its scenarios one at a time. */
const NARROW_RANGE = 1024

export function compileAll(scenarios: readonly Scenario[]): CompiledScenario[] {
  const seen = new Set<string>()
  return scenarios.map((scenario) => {
    if (seen.has(scenario.id))
      throw new ProbeUsageError(`scenario id "${scenario.id}" is used twice`)
    seen.add(scenario.id)
    return compileScenario(scenario)
  })
}

export function selectScenarios(
  all: readonly CompiledScenario[],
  only: readonly string[] | undefined,
  drivers: readonly DriverName[],
): CompiledScenario[] {
  if (!only) return all.filter((c) => drivers.includes(c.driver))
  if (only.length === 0) {
    throw new ProbeUsageError(
      'the list of scenarios to run names no scenario; `bind-probe list` shows every id',
    )
  }
  const byId = new Map(all.map((c) => [c.scenario.id, c]))
  // A scenario named twice runs once: twice would double its counts.
  return uniqueIds(only).map((id) => {
    const found = byId.get(id)
    if (!found) {
      const hint = closest(id, [...byId.keys()])
      throw new ProbeUsageError(
        `unknown scenario "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; ` +
          '`bind-probe list` shows every id',
      )
    }
    if (!drivers.includes(found.driver)) {
      throw new ProbeUsageError(
        `scenario "${id}" needs the ${found.driver} driver, which --driver left out`,
      )
    }
    return found
  })
}

/** The ids without repeats, in the order first named. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}

type Started = Partial<Record<DriverName, SocketDriver | { unavailable: string }>>

async function startDrivers(
  needed: Set<DriverName>,
  chosen: readonly DriverName[],
  options: ProbeOptions,
): Promise<Started> {
  const started: Started = {}
  if (needed.has('node')) started.node = new NodeDriver()
  if (needed.has('python')) {
    try {
      started.python = await startPythonDriver(options.pythonCandidates, options.pythonScript)
    } catch (error) {
      if (!(error instanceof PythonUnavailable)) throw error
      // Only an explicit choice of the python driver makes a missing Python fatal.
      // A Python the user asked for, by driver or by name, must be there; only the default
      // search may come up empty.
      if (options.drivers && chosen.length === 1) {
        throw new ProbeSetupError(`${error.message} (--driver python needs it)`)
      }
      if (options.pythonNamedBy) {
        throw new ProbeSetupError(`${error.message} (${options.pythonNamedBy} names it)`)
      }
      const message = `${error.message}; the OS socket scenarios are skipped and the node scenarios still run`
      options.onWarning?.(message)
      started.python = { unavailable: message }
    }
  }
  return started
}

function driverStatuses(started: Started): DriverStatus[] {
  return Object.entries(started).map(([name, d]) =>
    'unavailable' in d
      ? { name: name as DriverName, status: 'unavailable', message: d.unavailable }
      : d.status,
  )
}

/** The id nearest to a mistyped one, if any is close (edit distance ≤ a third of its length). */
function closest(wanted: string, ids: string[]): string | undefined {
  let best: { id: string; d: number } | undefined
  for (const id of ids) {
    const d = distance(wanted, id)
    if (!best || d < best.d) best = { id, d }
  }
  return best && best.d <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
    prev = row
  }
  return prev[b.length]!
}
