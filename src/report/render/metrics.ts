// Pure: an ephemeral-port measurement in words, for the comment, the summary and the terminal.
import type { EphemeralMetrics } from '../../probe/model.ts'

export function describeMetrics(m: EphemeralMetrics): string {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`
  return (
    `${m.samples} draws in ${m.min}–${m.max}, ${m.distinct} distinct; ` +
    `same port again ${pct(m.sameAsPrevious)}, next port ${pct(m.nextAfterPrevious)}, odd ${pct(m.oddShare)}` +
    (m.inRange === undefined ? '' : `, in the ephemeral range ${pct(m.inRange)}`)
  )
}
