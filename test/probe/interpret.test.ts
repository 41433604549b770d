// Pure interpretation: which step decides a run, and how repeats fold into one result.
import { describe, expect, it } from 'vitest'
import {
  aggregateRuns,
  ephemeralMetrics,
  interpretReplies,
  runWithoutSockets,
  type SingleRun,
} from '../../src/probe/interpret.ts'
import { compiled } from '../helpers/scenarios.ts'

const dup = compiled('dup', [
  'A = socket tcp4',
  'A bind lo4:0',
  'B = socket tcp4',
  '=> B bind lo4:P',
])
const inUse = { ok: false as const, error: { name: 'EADDRINUSE', errno: 98 } }

describe('interpretReplies', () => {
  it('records the recorded step when every step succeeds', () => {
    const run = interpretReplies(dup, [
      { ok: true },
      { ok: true, value: 40001 },
      { ok: true },
      { ok: true, value: 40001 },
    ])
    expect(run).toMatchObject({ outcome: 'ok', step: 'B bind lo4:P' })
    expect(run.trace[1]).toEqual({ step: 'A bind lo4:0', status: 'ok', value: 40001 })
  })

  it('makes an earlier failure the outcome, at its own step, and marks the rest not run', () => {
    const run = interpretReplies(dup, [{ ok: true }, inUse])
    expect(run).toMatchObject({ outcome: 'EADDRINUSE', step: 'A bind lo4:0', raw: inUse.error })
    expect(run.trace.map((t) => t.status)).toEqual(['ok', 'error', 'not-run', 'not-run'])
  })

  it('treats a missing option as unsupported at the setsockopt step', () => {
    const s = compiled('rp', ['A = socket tcp4', '=> A setsockopt SO_REUSEPORT 1'])
    expect(interpretReplies(s, [{ ok: true }, { unsupported: 'SO_REUSEPORT' }])).toMatchObject({
      outcome: 'unsupported',
      raw: { missingConstant: 'SO_REUSEPORT' },
    })
  })

  it('calls a short answer without a failure a probe error', () => {
    expect(interpretReplies(dup, [{ ok: true }])).toMatchObject({
      outcome: 'probe-error',
      reason: 'the driver answered 1 of 4 steps',
    })
  })

  it('ignores a failure after the recorded step for the outcome, keeping it in the trace', () => {
    const s = compiled('after', ['A = socket tcp4', '=> A bind lo4:0', 'A connect lo4:P'])
    const run = interpretReplies(s, [
      { ok: true },
      { ok: true, value: 5 },
      { ok: false, error: { name: 'ECONNREFUSED' } },
    ])
    expect(run.outcome).toBe('ok')
    expect(run.trace[2]!.status).toBe('error')
  })
})

describe('aggregateRuns', () => {
  const ok: SingleRun = { outcome: 'ok', step: 'B bind lo4:P', trace: [] }
  const busy: SingleRun = {
    outcome: 'EADDRINUSE',
    step: 'B bind lo4:P',
    trace: [],
    raw: inUse.error,
  }

  it('counts outcomes, reports the most frequent, and marks varying ones flaky', () => {
    const result = aggregateRuns(dup, [ok, busy, busy, ok, busy], 12.4)
    expect(result).toMatchObject({ outcome: 'EADDRINUSE', runs: 5, flaky: true, durationMs: 12 })
    expect(result.counts).toEqual([
      { outcome: 'EADDRINUSE', step: 'B bind lo4:P', count: 3 },
      { outcome: 'ok', step: 'B bind lo4:P', count: 2 },
    ])
    expect(result.raw).toEqual(inUse.error)
  })

  it('breaks a tie by the outcome seen first', () => {
    expect(aggregateRuns(dup, [busy, ok], 1).outcome).toBe('EADDRINUSE')
    expect(aggregateRuns(dup, [ok, busy], 1).outcome).toBe('ok')
  })

  it('tells the same error at different steps apart', () => {
    const early = { ...busy, step: 'A bind lo4:0' }
    expect(aggregateRuns(dup, [busy, early], 1).flaky).toBe(true)
  })

  it('does not call a scenario flaky because of the probe’s own failures', () => {
    const failed = runWithoutSockets(dup, 'probe-error', 'timeout')
    const result = aggregateRuns(dup, [ok, failed, ok], 1)
    expect(result).toMatchObject({ outcome: 'ok', flaky: false })
    expect(result.counts).toHaveLength(2)
  })
})

describe('aggregateRuns of a scenario cut short', () => {
  it('counts the runs attempted and says how many were not', () => {
    const ok: SingleRun = { outcome: 'ok', step: 'B bind lo4:P', trace: [] }
    const crashed = runWithoutSockets(dup, 'probe-error', 'python driver exited (exit code 3)')
    expect(aggregateRuns(dup, [crashed], 0, undefined, 1000)).toMatchObject({
      outcome: 'probe-error',
      runs: 1,
      counts: [{ outcome: 'probe-error', count: 1 }],
      reason: 'python driver exited (exit code 3); 999 more runs were not attempted',
    })
    expect(aggregateRuns(dup, [ok, ok, crashed], 0, undefined, 4)).toMatchObject({
      outcome: 'ok',
      runs: 3,
      reason: 'python driver exited (exit code 3); 1 more run was not attempted',
    })
    expect(aggregateRuns(dup, [ok], 0, undefined, 1).reason).toBeUndefined()
  })
})

describe('ephemeralMetrics', () => {
  it('measures repeats, next-port steps and parity only within a run', () => {
    const m = ephemeralMetrics(
      [
        [100, 100, 101, 103],
        [103, 104],
      ],
      { low: 101, high: 200 },
    )
    expect(m).toEqual({
      samples: 6,
      distinct: 4,
      min: 100,
      max: 104,
      sameAsPrevious: 0.25, // 1 of 4 pairs: the 103 → 103 across runs does not count
      nextAfterPrevious: 0.5,
      oddShare: 0.5,
      inRange: 0.6667,
    })
  })
})
