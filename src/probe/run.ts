// Schedules scenario runs over the drivers: independent scenarios run concurrently (each takes
// its own ports from bind(0)), the run-alone ones afterwards one at a time, every run bounded by
// a per-scenario timeout and the whole probe by a global one.
import type { CompiledScenario } from './compile.ts'
import { controlFor, hostCause, MAX_FOREIGN_RETRIES, takenByAnother } from './attribution.ts'
import { DriverFailure, type SocketDriver, type StepReply } from './drivers/driver.ts'
import { aggregateRuns, interpretReplies, runWithoutSockets, type SingleRun } from './interpret.ts'
import type { DriverName, ScenarioResult } from './model.ts'
import { hostBlocks, type Availability } from './preflight.ts'
import { RunGate } from './run-gate.ts'

export interface RunOptions {
  scenarios: readonly CompiledScenario[]
  /** A driver, or the reason there is none (its scenarios are then skipped). */
  drivers: Partial<Record<DriverName, SocketDriver | { unavailable: string }>>
  repeat: number
  concurrency: number
  scenarioTimeoutMs: number
  globalTimeoutMs: number
  portRange?: { low: number; high: number }
  /** What keeps an address family from being measured on this host (preflight.ts). */
  availability?: Availability
  onProgress?: (done: number, total: number, id: string) => void
  /** Whether another probe runs on this host now (presence.ts): marks host-wide figures. */
  othersRunning?: () => boolean
}

export const RUN_DEFAULTS = {
  repeat: 1,
  concurrency: 16,
  scenarioTimeoutMs: 10_000,
} as const

/**
 * The whole probe's timeout unless the caller sets one: 120 s, plus 10 s for each repeat after
 * the first, and never more than an hour. A pass over the catalogue takes well under a second
 * on Linux; the margin is for slow runners, and a fixed bound would cut long repeats short.
 */
export function defaultGlobalTimeoutMs(repeat: number): number {
  return Math.min(120_000 + 10_000 * (repeat - 1), 3_600_000)
}

export async function runScenarios(options: RunOptions): Promise<ScenarioResult[]> {
  const { scenarios, repeat } = options
  const runs = new Map<string, SingleRun[]>(scenarios.map((c) => [c.scenario.id, []]))
  const spans = new Map<string, { start: number; end: number }>()
  const overlapped = new Set<string>()
  const deadline = performance.now() + options.globalTimeoutMs
  // Scenarios not to try again: their driver died or the global timeout passed, so every
  // further run would only repeat that failure and claim a run that never happened.
  const stopped = new Set<string>()
  const gate = new RunGate()
  let done = 0

  const runOnce = async (compiled: CompiledScenario): Promise<void> => {
    const id = compiled.scenario.id
    const progress = () => options.onProgress?.(++done, scenarios.length * repeat, id)
    if (stopped.has(id)) return progress()
    // Checked with no await before the run is recorded, so that concurrent lanes agree.
    const hopeless = hopelessReason(compiled, options, deadline)
    if (hopeless) {
      stopped.add(id)
      runs.get(id)!.push(runWithoutSockets(compiled, 'probe-error', hopeless))
      return progress()
    }
    const start = performance.now()
    // Before and after: a probe takes far longer than one measurement, so none slips in between.
    const othersBefore = compiled.measurement && options.othersRunning?.()
    const { run, final } = await attempt(compiled, options, deadline, gate)
    if (othersBefore || (compiled.measurement && options.othersRunning?.())) overlapped.add(id)
    runs.get(id)!.push(run)
    if (final) stopped.add(id)
    const span = spans.get(id)
    spans.set(id, { start: Math.min(span?.start ?? start, start), end: performance.now() })
    progress()
  }

  const together = scenarios.filter((c) => !c.runAlone)
  const alone = scenarios.filter((c) => c.runAlone)
  await pool(
    together.flatMap((c) => Array.from({ length: repeat }, () => c)),
    options.concurrency,
    runOnce,
  )
  for (const compiled of alone) {
    for (let i = 0; i < repeat; i++) await runOnce(compiled)
  }

  return scenarios.map((compiled) => {
    const span = spans.get(compiled.scenario.id)
    const result = aggregateRuns(
      compiled,
      runs.get(compiled.scenario.id)!,
      span ? span.end - span.start : 0,
      options.portRange,
      repeat,
    )
    return result.metrics && overlapped.has(compiled.scenario.id)
      ? { ...result, metrics: { ...result.metrics, concurrentProbe: true } }
      : result
  })
}

/** Why a run of this scenario cannot happen now, if it cannot: the probe's own failure. */
function hopelessReason(
  compiled: CompiledScenario,
  options: RunOptions,
  deadline: number,
): string | undefined {
  const driver = options.drivers[compiled.driver]
  if (!driver || 'unavailable' in driver) return undefined // skipped, which attempt() says
  if (deadline - performance.now() < 1) return globalTimeoutReason(options)
  if (driver.status.status === 'crashed') return driver.status.message ?? 'the driver crashed'
  return undefined
}

function globalTimeoutReason(options: RunOptions): string {
  return `the probe's global timeout (${options.globalTimeoutMs} ms) passed`
}

/** One run; `final` when the failure will repeat for every later run (crash, global timeout). */
async function attempt(
  compiled: CompiledScenario,
  options: RunOptions,
  deadline: number,
  gate: RunGate,
): Promise<{ run: SingleRun; final: boolean }> {
  const driver = options.drivers[compiled.driver]
  if (!driver) {
    const reason = `the ${compiled.driver} driver was not selected`
    return { run: runWithoutSockets(compiled, 'skipped', reason), final: false }
  }
  if ('unavailable' in driver) {
    return { run: runWithoutSockets(compiled, 'skipped', driver.unavailable), final: false }
  }
  const blocked = hostBlocks(compiled, options.availability ?? {})
  if (blocked) {
    const run = runWithoutSockets(compiled, 'skipped', blocked.reason)
    return { run: { ...run, cause: blocked.cause }, final: false }
  }
  const left = deadline - performance.now()
  // Near the end, the global deadline is the tighter bound, and a timeout is its doing.
  const cappedByDeadline = left < options.scenarioTimeoutMs
  const timeout = () =>
    cappedByDeadline ? Math.max(1, deadline - performance.now()) : options.scenarioTimeoutMs
  try {
    return { run: await runAttributed(compiled, driver, timeout, gate), final: false }
  } catch (error) {
    if (!(error instanceof DriverFailure)) throw error
    const global = error.kind === 'timeout' && cappedByDeadline
    const reason = global ? globalTimeoutReason(options) : error.message
    return {
      run: runWithoutSockets(compiled, 'probe-error', reason),
      final: global || error.kind === 'crash',
    }
  }
}

/**
 * One run whose failures are the scenario's own: when another program's socket made a bind fail,
 * the run is repeated on a fresh port (at most MAX_FOREIGN_RETRIES times, not counted as runs),
 * and a port that stays taken is "not measured", never an outcome. A conflict on an address the
 * scenario never held stands only once a run on a fresh port gives it again (one such run, on a
 * budget of its own); a confirming run that cannot answer leaves the conflict as measured. The
 * control runs alone (run-gate.ts).
 */
async function runAttributed(
  compiled: CompiledScenario,
  driver: SocketDriver,
  timeout: () => number,
  gate: RunGate,
): Promise<SingleRun> {
  const ops = compiled.steps.map((s) => s.op)
  let retries = 0
  let foreignRetries = 0
  let foreignConflicts = 0
  let confirming = false
  let unconfirmed: { run: SingleRun; failedAt: number } | undefined
  const counted = (run: SingleRun): SingleRun => ({
    ...run,
    ...(retries ? { retries } : {}),
    ...(foreignConflicts ? { foreignConflicts } : {}),
  })
  for (;;) {
    const replies = await gate
      .shared(() => driver.execute(ops, timeout()))
      .catch((error: unknown) => {
        if (unconfirmed && error instanceof DriverFailure) return undefined
        throw error
      })
    if (!replies) return counted(unconfirmed!.run)
    const run = interpretReplies(compiled, replies)
    const failedAt = failedStep(replies)
    const host = hostCause(compiled, failedAt, run.outcome)
    if (unconfirmed) {
      const earlier = unconfirmed
      unconfirmed = undefined
      // The fresh port gave the same conflict: it is the scenario's.
      if (failedAt === earlier.failedAt && run.outcome === earlier.run.outcome) return counted(run)
      // It did not reach the step (the host, another failure): nothing is confirmed either way.
      if (host || (failedAt >= 0 && failedAt < earlier.failedAt)) return counted(earlier.run)
      // It passed the step: the earlier conflict was another program's socket, gone since.
      foreignConflicts++
    }
    if (host) {
      const skipped = { ...runWithoutSockets(compiled, 'skipped', host.reason), trace: run.trace }
      return counted({ ...skipped, cause: host.cause })
    }
    const control = controlFor(compiled, replies, failedAt, run.outcome)
    if (!control) return counted(run)
    // A control the driver cannot run (it crashed) leaves the run as measured, not lost.
    const check = await gate
      .alone(() => driver.execute(control.ops, timeout()))
      .catch((error: unknown) => {
        if (error instanceof DriverFailure) return undefined
        throw error
      })
    if (!check) return counted(run)
    if (!takenByAnother(check)) {
      if (!control.exposed || confirming) return counted(run)
      confirming = true
      unconfirmed = { run, failedAt }
      retries++
      continue
    }
    foreignConflicts++
    if (foreignRetries === MAX_FOREIGN_RETRIES) {
      const reason = `port ${control.port} was taken by another program (${foreignConflicts} fresh ports tried)`
      return counted({ ...runWithoutSockets(compiled, 'skipped', reason), cause: 'port-taken' })
    }
    foreignRetries++
    retries++
  }
}

function failedStep(replies: readonly StepReply[]): number {
  return replies.findIndex((r) => 'ok' in r && !r.ok)
}

/** Runs `work` over `items` with at most `limit` in flight, in order of the items. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const lane = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}
