import { setFlagsFromString } from 'node:v8'

/**
 * Stops V8 from growing its young generation, for a process that scans. The extraction allocates
 * fast and keeps little, and at that rate V8 grows each semi-space to its default maximum: about
 * 110 MiB of the scan's peak on a large repository that no live data needs (nats-server: 341–359
 * MiB peak, 227–235 with this, the time unchanged; docs/performance.md). `--max-semi-space-size`
 * only works on the command line, which the runner does not let an action set; the growth factor
 * is read each time the space would grow, so it still works once the process runs. Process-wide,
 * so only the entry points (the action, the CLI) call it, never the library.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
}
