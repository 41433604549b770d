import { setFlagsFromString } from 'node:v8'

/**
 * Keeps V8's heap close to what a scan holds, for a process that scans. The extraction allocates
 * fast and keeps little. At that rate V8 grows each semi-space of the young generation to its
 * default maximum (about 110 MiB of nats-server's peak that no live data needs), and it lets the
 * old generation grow well past its live data before a full collection, so the peak depended on
 * when that collection came (210–270 MiB over runs of the same scan on a loaded machine). The
 * growth factor of the semi-spaces, and the old generation's growing percent, are read each time
 * V8 sizes a space, so setting them once the process runs still works, which
 * `--max-semi-space-size` and `--max-old-space-size` (command line only, which the runner does
 * not let an action set) would not (docs/performance.md). Process-wide, so only the entry points
 * (the action, the CLI) call it, never the library.
 */
export function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
  setFlagsFromString('--heap-growing-percent=20')
}
