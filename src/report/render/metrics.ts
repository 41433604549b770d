// Pure: an ephemeral-port measurement in words and figures, for the comment, the summary and the
// terminal.
import type { EphemeralMetrics } from '../../probe/model.ts'

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`

/** The measurement's figures, formatted once for every surface that shows them. */
export function metricFigures(m: EphemeralMetrics) {
  return {
    samples: m.samples,
    distinct: m.distinct,
    range: `${m.min}–${m.max}`,
    same: percent(m.sameAsPrevious),
    next: percent(m.nextAfterPrevious),
    odd: percent(m.oddShare),
    inRange: m.inRange === undefined ? null : percent(m.inRange),
    concurrentProbe: m.concurrentProbe === true,
  }
}

export function describeMetrics(m: EphemeralMetrics): string {
  const f = metricFigures(m)
  return (
    `${f.samples} draws in ${f.range}, ${f.distinct} distinct; ` +
    `same port again ${f.same}, next port ${f.next}, odd ${f.odd}` +
    (f.inRange === null ? '' : `, in the ephemeral range ${f.inRange}`) +
    (f.concurrentProbe ? ' (another bind-probe ran at the same time: the ports are shared)' : '')
  )
}

/** What fits in a matrix cell: the two figures that decide whether a free-port helper races. */
export function shortMetrics(m: EphemeralMetrics): string {
  const f = metricFigures(m)
  return `same ${f.same} · next ${f.next}`
}
