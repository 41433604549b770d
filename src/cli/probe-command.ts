// `bind-probe probe`: run the catalogue on this machine and print a table or the JSON result.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { CATALOGUE } from '../probe/catalogue/index.ts'
import type { DriverName } from '../probe/model.ts'
import { probe } from '../probe/probe.ts'
import { ProbeSetupError } from '../probe/setup-error.ts'
import { renderTable } from './table.ts'
import { painter } from './terminal.ts'
import { checkOutPath, CommandFailure, UsageError, type Io } from './io.ts'

export const PROBE_HELP = `Usage: bind-probe probe [options]

Runs the bind() scenario catalogue on this machine with real sockets.

Options:
  --format table|json   table (default) or the PlatformResult JSON on stdout
  --out FILE            also write the PlatformResult JSON to FILE (checked before the
                        probe runs; if the write still fails, the JSON goes to stdout)
  --only ID,...         run only these scenarios (see \`bind-probe list\`); may be repeated
  --repeat N            run each scenario N times on fresh ports (default 1)
  --driver python|node  only this driver (default: both; python fails if Python is missing)
  --label NAME          refine the platform id, e.g. linux-x64-NAME
  --timeout SECONDS     give up on the whole probe after this long
                        (default 120, plus 10 per extra repeat, at most 3600)

Environment:
  BIND_PROBE_PYTHON     the Python to use: a path (spaces allowed) or a command such as "py -3";
                        when it names no Python, the probe exits 1 instead of skipping

Exit status: 0 when every scenario was measured (or skipped for want of Python),
  1 when the probe itself failed in some (probe-error: a driver crash or a timeout; the result
  is still printed), --out could not be written, or the Python asked for (--driver python,
  BIND_PROBE_PYTHON) is not there, 2 on a usage error.
`

export async function probeCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: negativeNumbersJoined(argv, ['--repeat', '--timeout']),
    options: {
      format: { type: 'string', default: 'table' },
      out: { type: 'string' },
      only: { type: 'string', multiple: true },
      repeat: { type: 'string', default: '1' },
      driver: { type: 'string' },
      label: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) {
    io.stdout.write(PROBE_HELP)
    return 0
  }
  if (values.format !== 'table' && values.format !== 'json') {
    throw new UsageError(`--format must be table or json, not "${values.format}"`)
  }
  const repeat = wholeNumber(values.repeat, '--repeat', 1, 1000)
  const timeout =
    values.timeout === undefined ? undefined : wholeNumber(values.timeout, '--timeout', 1, 3600)
  const drivers = values.driver === undefined ? undefined : [driverName(values.driver)]
  // Every --only counts: `--only A --only B` runs both.
  const only = values.only
    ?.flatMap((list) => list.split(','))
    .map((id) => id.trim())
    .filter(Boolean)
  if (only?.length === 0) {
    throw new UsageError(
      '--only names no scenario; give ids such as --only tcp4-dup-loopback-default (`bind-probe list` shows them)',
    )
  }
  if (values.out !== undefined) checkOutPath(values.out)

  const progress = io.stderr.isTTY
    ? (done: number, total: number, id: string) =>
        io.stderr.write(`\r\x1b[2K[${done}/${total}] ${id}`)
    : undefined
  const result = await probe({
    ...(process.env.BIND_PROBE_PYTHON?.trim() ? { pythonNamedBy: 'BIND_PROBE_PYTHON' } : {}),
    repeat,
    ...(timeout ? { globalTimeoutMs: timeout * 1000 } : {}),
    ...(drivers ? { drivers } : {}),
    ...(only ? { only } : {}),
    ...(values.label ? { label: values.label } : {}),
    ...(progress ? { onProgress: progress } : {}),
    onWarning: (message) => io.stderr.write(`bind-probe: warning: ${message}\n`),
  }).catch((error: unknown) => {
    if (error instanceof ProbeSetupError) throw new CommandFailure(error.message)
    throw error
  })
  if (progress) io.stderr.write('\r\x1b[2K')
  // The table closes with the same count and time; JSON on stdout gets it on stderr instead.
  else if (values.format === 'json') {
    const n = result.scenarios.length
    io.stderr.write(
      `bind-probe: ran ${n} scenario${n === 1 ? '' : 's'} in ${result.durationMs} ms\n`,
    )
  }

  const json = `${JSON.stringify(result, null, 2)}\n`
  if (values.out !== undefined) {
    try {
      await writeFile(values.out, json)
    } catch (error) {
      // The run cannot be repeated for free: keep its result on stdout rather than lose it.
      io.stdout.write(json)
      io.stderr.write(
        `bind-probe probe: could not write --out ${values.out}: ${(error as Error).message}; ` +
          'printed the result JSON on stdout instead\n',
      )
      return 1
    }
  }
  if (values.format === 'json') io.stdout.write(json)
  else {
    const byId = new Map(CATALOGUE.map((s) => [s.id, s]))
    io.stdout.write(`${renderTable(result, byId, painter(io.stdout))}\n`)
  }
  const failed = result.scenarios.filter((s) => s.counts.some((c) => c.outcome === 'probe-error'))
  if (failed.length > 0) {
    io.stderr.write(
      `bind-probe: warning: ${failed.length} of ${result.scenarios.length} scenarios hit probe ` +
        'errors (the probe’s own failures, not answers of the OS; see their reason); exit status 1\n',
    )
    return 1
  }
  return 0
}

/** Refuses an --out path that cannot be written before minutes of probing are spent on it. */
/**
 * `--repeat -1` reads to parseArgs as a flag without its value; joined as `--repeat=-1`, it gets
 * the range check's one-line message instead.
 */
function negativeNumbersJoined(argv: string[], flags: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1]
    if (flags.includes(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`)
      i++
    } else out.push(argv[i]!)
  }
  return out
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const n = Number(text)
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${text}"`)
  }
  return n
}

function driverName(text: string): DriverName {
  if (text !== 'python' && text !== 'node') {
    throw new UsageError(`--driver must be python or node, not "${text}"`)
  }
  return text
}
