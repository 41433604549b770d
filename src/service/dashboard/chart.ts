// A series' outcomes over the last runs as a small inline SVG: one bar per run, coloured by
// outcome (EADDRINUSE red, ok green, anything else grey), a tick above each flip. No script, no
// external resource; every label escaped.
import { html, type Html } from './html.ts'
import type { Series } from './data.ts'

const BAR = 8
const GAP = 2
const HEIGHT = 22

export function outcomeClass(outcome: string | undefined): string {
  if (outcome === undefined) return 'none'
  if (outcome === 'EADDRINUSE') return 'inuse'
  if (outcome === 'ok') return 'ok'
  return 'other'
}

const FILL: Record<string, string> = {
  inuse: '#cf222e',
  ok: '#1a7f37',
  other: '#8c959f',
}

export function flipChart(series: Series): Html {
  const where = `${series.platform}${series.image ? ` (${series.image})` : ''}`
  const label = `${series.scenario} on ${where}: ${series.flips} ${series.flips === 1 ? 'flip' : 'flips'} in ${series.outcomes.length} ${series.outcomes.length === 1 ? 'run' : 'runs'}`
  const width = series.outcomes.length * (BAR + GAP)
  return html`<svg
    class="flips"
    role="img"
    aria-label="${label}"
    width="${width}"
    height="${HEIGHT}"
    viewBox="0 0 ${width} ${HEIGHT}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title>${label}</title>
    ${series.outcomes.map((o, i) => {
      const x = i * (BAR + GAP)
      const flipped = i > 0 && o.outcome !== series.outcomes[i - 1]!.outcome
      const run = `run ${o.runId}${o.runAttempt > 1 ? ` attempt ${o.runAttempt}` : ''}: ${o.outcome}`
      return html`<rect
          class="run ${outcomeClass(o.outcome)}"
          x="${x}"
          y="6"
          width="${BAR}"
          height="16"
          fill="${FILL[outcomeClass(o.outcome)]}"
          ><title>${run}</title></rect
        >${flipped ? html`<rect class="flip" x="${x}" y="0" width="${BAR}" height="3" fill="#9a6700"></rect>` : ''}`
    })}
  </svg>`
}
