// Short constructors for expectation cells, so a catalogue entry reads like a row of the
// semantics tables: doc('EADDRINUSE', 'LX-ICSK') is "INUSE, documented, source LX-ICSK".
import type { Expectation, Outcome } from '../model.ts'

type Extra = Pick<Expectation, 'step' | 'note'>

export const doc = (outcome: Outcome, sources: string[], extra: Extra = {}): Expectation => ({
  outcome,
  confidence: 'documented',
  sources,
  ...extra,
})

export const inf = (outcome: Outcome, sources: string[], extra: Extra = {}): Expectation => ({
  outcome,
  confidence: 'inferred',
  sources,
  ...extra,
})

export const unknown = (sources: string[], note?: string): Expectation => ({
  confidence: 'unknown',
  sources,
  ...(note ? { note } : {}),
})

/** The option does not exist on this OS: the setsockopt step records `unsupported`. */
export const lacks = (
  step: string,
  sources: string[],
  confidence: 'documented' | 'inferred' = 'inferred',
): Expectation => ({ outcome: 'unsupported', step, confidence, sources })

/** A measurement cell: what the sources say about the numbers, with no outcome to compare. */
export const describe = (
  confidence: Exclude<Expectation['confidence'], 'measured'>,
  sources: string[],
  note: string,
): Expectation => ({ confidence, sources, note })

/** Where this project settled cells the literature left inferred (docs/linux-findings.md). */
export const LINUX_MEASUREMENT =
  'Linux 6.18.44 x86_64 (Debian 12), CPython 3.11.7, Node 24.21.0; bind-probe 0.1.0, 2026-11-25, ' +
  '20 runs each, no flaky result'

/** An inferred Linux cell that bind-probe's own run confirmed: keep what the sources said. */
export const measuredOnLinux = (cell: Expectation): Expectation => ({
  ...cell,
  confidence: 'measured',
  measuredOn: LINUX_MEASUREMENT,
  previously: cell.confidence === 'measured' ? 'inferred' : cell.confidence,
})
