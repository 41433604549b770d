// Pure: turns a driver's replies into what one run of a scenario measured, and many runs into a
// ScenarioResult. The first step that fails decides the outcome (a measurement, not an error);
// when none fails before it, the recorded `=>` step does.
import type { CompiledScenario } from './compile.ts'
import type {
  EphemeralMetrics,
  Outcome,
  OutcomeCount,
  RawError,
  ScenarioResult,
  SkipCause,
  StepTrace,
} from './model.ts'
import { outcomeOf } from './outcome.ts'
import type { StepReply } from './drivers/driver.ts'

export interface SingleRun {
  outcome: Outcome
  step: string
  raw?: RawError
  reason?: string
  trace: StepTrace[]
  /** Ports handed out by an `ephemeral` step, in order. */
  ports?: number[]
  /** Why the host kept this run from being measured. */
  cause?: SkipCause
  /**
   * Fresh-port runs that came before this one: because another program held the port, or to
   * confirm a conflict on an address the scenario never held (attribution.ts).
   */
  retries?: number
  /** Failures attributed to another program's socket (a control that failed too, or a conflict a fresh port did not repeat). */
  foreignConflicts?: number
}

export function interpretReplies(
  compiled: CompiledScenario,
  replies: readonly StepReply[],
): SingleRun {
  const trace: StepTrace[] = []
  let decided: Pick<SingleRun, 'outcome' | 'step' | 'raw'> | undefined
  let ports: number[] | undefined
  compiled.steps.forEach((step, i) => {
    const reply = replies[i]
    if (!reply) {
      trace.push({ step: step.text, status: 'not-run' })
      return
    }
    if ('skipped' in reply) {
      trace.push({ step: step.text, status: 'skipped' })
    } else if ('unsupported' in reply) {
      const raw = { missingConstant: reply.unsupported }
      trace.push({ step: step.text, status: 'unsupported', error: raw })
      if (!decided && i <= compiled.recorded)
        decided = { outcome: 'unsupported', step: step.text, raw }
    } else if (!reply.ok) {
      trace.push({ step: step.text, status: 'error', error: reply.error })
      if (!decided && i <= compiled.recorded) {
        decided = { outcome: outcomeOf(reply.error), step: step.text, raw: reply.error }
      }
    } else if (Array.isArray(reply.value)) {
      ports = reply.value
      trace.push({ step: step.text, status: 'ok' })
    } else {
      trace.push({
        step: step.text,
        status: 'ok',
        ...(reply.value === undefined ? {} : { value: reply.value }),
      })
    }
  })
  const recorded = compiled.steps[compiled.recorded]!.text
  if (!decided && trace[compiled.recorded]?.status !== 'ok') {
    return {
      outcome: 'probe-error',
      step: recorded,
      reason: `the driver answered ${replies.length} of ${compiled.steps.length} steps`,
      trace,
    }
  }
  return { ...(decided ?? { outcome: 'ok', step: recorded }), trace, ...(ports ? { ports } : {}) }
}

/** A run that never reached the sockets: the driver crashed, timed out, or is missing. */
export function runWithoutSockets(
  compiled: CompiledScenario,
  outcome: 'probe-error' | 'skipped',
  reason: string,
): SingleRun {
  return {
    outcome,
    step: compiled.steps[compiled.recorded]!.text,
    reason,
    trace: compiled.steps.map((s) => ({ step: s.text, status: 'not-run' as const })),
  }
}

/**
 * Folds the runs of one scenario into its result: a count per (outcome, step), the most frequent
 * as the outcome (the earliest seen wins a tie), and flaky when the OS answered in more than one
 * way. Our own failures (probe-error) are counted but do not make a scenario flaky. `runs` are
 * the runs attempted; when the probe's own failure stopped it short of the `asked` number, the
 * reason says how many were not attempted.
 */
export function aggregateRuns(
  compiled: CompiledScenario,
  runs: readonly SingleRun[],
  durationMs: number,
  portRange?: { low: number; high: number },
  asked = runs.length,
): ScenarioResult {
  if (runs.length === 0) throw new RangeError(`scenario "${compiled.scenario.id}" has no runs`)
  const counts: OutcomeCount[] = []
  const firstRun = new Map<OutcomeCount, SingleRun>()
  for (const run of runs) {
    let entry = counts.find((c) => c.outcome === run.outcome && c.step === run.step)
    if (!entry) {
      entry = { outcome: run.outcome, step: run.step, count: 0 }
      counts.push(entry)
      firstRun.set(entry, run)
    }
    entry.count++
  }
  const order = [...counts]
  counts.sort((a, b) => b.count - a.count || order.indexOf(a) - order.indexOf(b))
  const top = counts[0]!
  const representative = firstRun.get(top)!
  const answers = counts.filter((c) => c.outcome !== 'probe-error' && c.outcome !== 'skipped')
  const sequences = runs.flatMap((r) => (r.ports?.length ? [r.ports] : []))
  const missing = asked - runs.length
  const retries = runs.reduce((n, r) => n + (r.retries ?? 0), 0)
  const foreignConflicts = runs.reduce((n, r) => n + (r.foreignConflicts ?? 0), 0)
  const why = representative.reason ?? runs.findLast((r) => r.outcome === 'probe-error')?.reason
  const reason =
    missing > 0
      ? `${why ?? 'the probe stopped'}; ${missing} more run${missing === 1 ? ' was' : 's were'} not attempted`
      : representative.reason
  return {
    id: compiled.scenario.id,
    driver: compiled.driver,
    outcome: top.outcome,
    step: top.step,
    ...(representative.raw ? { raw: representative.raw } : {}),
    ...(reason ? { reason } : {}),
    ...(representative.cause ? { cause: representative.cause } : {}),
    ...(retries ? { retries } : {}),
    ...(foreignConflicts ? { foreignConflicts } : {}),
    trace: representative.trace,
    runs: runs.length,
    counts,
    flaky: answers.length > 1,
    ...(compiled.measurement && sequences.length
      ? { metrics: ephemeralMetrics(sequences, portRange) }
      : {}),
    durationMs: Math.round(durationMs),
  }
}

/**
 * How bind(0) hands out ports, over draws where each port was closed before the next draw.
 * Needs at least one port: the min and max of none are not numbers.
 */
export function ephemeralMetrics(
  sequences: readonly number[][],
  range?: { low: number; high: number },
): EphemeralMetrics {
  const all = sequences.flat()
  if (all.length === 0) throw new RangeError('ephemeral metrics need at least one port')
  let pairs = 0
  let same = 0
  let next = 0
  for (const seq of sequences) {
    for (let i = 1; i < seq.length; i++) {
      pairs++
      if (seq[i] === seq[i - 1]) same++
      if (seq[i] === seq[i - 1]! + 1) next++
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000)
  return {
    samples: all.length,
    distinct: new Set(all).size,
    // A loop, not Math.min(...all): spread arguments overflow the stack past ~120,000 draws.
    min: all.reduce((a, b) => Math.min(a, b)),
    max: all.reduce((a, b) => Math.max(a, b)),
    sameAsPrevious: share(same, pairs),
    nextAfterPrevious: share(next, pairs),
    oddShare: share(all.filter((p) => p % 2 === 1).length, all.length),
    ...(range
      ? { inRange: share(all.filter((p) => p >= range.low && p <= range.high).length, all.length) }
      : {}),
  }
}
