// `probe --repeat N` for N ≥ about 630 died after the whole run with "Maximum call stack size
// exceeded": the ephemeral measurement's 200 draws per run were spread into Math.min/max, and
// every result was lost.
import { describe, expect, it } from 'vitest'
import { ephemeralMetrics } from '../../src/probe/interpret.ts'

describe('a long repeat of the ephemeral measurement', () => {
  it('summarises 1,000 runs of 200 draws (200,000 ports) without overflowing the stack', () => {
    const sequences = Array.from({ length: 1000 }, (_, run) =>
      Array.from({ length: 200 }, (_, i) => 32768 + ((run * 200 + i) % 28000)),
    )
    const metrics = ephemeralMetrics(sequences, { low: 32768, high: 60999 })
    expect(metrics).toMatchObject({ samples: 200_000, min: 32768, max: 32768 + 27999, inRange: 1 })
  })
})
