// The bind-probe command line: `probe`, `list`, and the report and scan commands.
import { printable } from '../printable.ts'
import { VERSION } from '../version.ts'
import { ProbeUsageError } from '../probe/probe.ts'
import { ScenarioError } from '../probe/compile.ts'
import {
  CommandFailure,
  isClosedPipe,
  UsageError,
  watchOutput,
  writeFailure,
  type Io,
} from './io.ts'
import { LIST_HELP, listCommand } from './list-command.ts'
import { PROBE_HELP, probeCommand } from './probe-command.ts'
import { REPORT_HELP, reportCommand } from './report-command.ts'
import { SCAN_HELP, scanCommand } from './scan-command.ts'
import { APP_HELP, SERVE_HELP } from './serve-help.ts'

const HELP = `Usage: bind-probe <command> [options]

Commands:
  probe   run the bind() scenario catalogue on this machine (try: bind-probe probe --help)
  list    list the scenario catalogue
  report  merge results into one report and judge it by the policy (try: bind-probe report --help)
  scan    flag flaky port use in source code (try: bind-probe scan --help)
  serve   run the reporting service that runners upload results to (try: bind-probe serve --help)
  app     create the service's GitHub App in one step (try: bind-probe app create --help)

Options:
  --version  print the version
  --help     print this help
`

const COMMANDS: Record<
  string,
  { run: (argv: string[], io: Io) => number | Promise<number>; help: string }
> = {
  probe: { run: probeCommand, help: PROBE_HELP },
  list: { run: listCommand, help: LIST_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  scan: { run: scanCommand, help: SCAN_HELP },
  // Loaded on use: the service's dependencies are large and the other commands never need them.
  serve: lazy(SERVE_HELP, async () => (await import('../service/serve-command.ts')).serveCommand),
  app: lazy(APP_HELP, async () => (await import('../service/app-command.ts')).appCommand),
}

/** A command whose module loads only when it runs; its --help needs nothing loaded. */
function lazy(
  help: string,
  load: () => Promise<(argv: string[], io: Io) => number | Promise<number>>,
): (typeof COMMANDS)[string] {
  return {
    run: async (argv, io) => {
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout.write(help)
        return 0
      }
      return (await load())(argv, io)
    },
    help,
  }
}

/**
 * Runs a command. Its status is decided by what it found; then, if stdout could not take the
 * output, a reader that closed the pipe (`| head`) changes nothing and is not mentioned, as with
 * ripgrep, while any other write error (a full disk) is one line and status 1, the failure to
 * do the work that every command's --help documents.
 */
export async function main(argv: string[], io: Io = process): Promise<number> {
  const written = watchOutput(io.stdout)
  watchOutput(io.stderr) // an unwritable stderr leaves nobody to tell; it must not crash either
  const [command, ...rest] = argv
  const status = await run(command, rest, io)
  const failure = await written()
  if (!failure || isClosedPipe(failure)) return status
  const name = command && COMMANDS[command] ? ` ${command}` : ''
  io.stderr.write(`bind-probe${name}: could not write the output: ${writeFailure(failure)}\n`)
  return 1
}

async function run(command: string | undefined, rest: string[], io: Io): Promise<number> {
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP)
    return command === undefined ? 2 : 0
  }
  if (command === '--version') {
    io.stdout.write(`${VERSION}\n`)
    return 0
  }
  const entry = COMMANDS[command]
  if (!entry) {
    io.stderr.write(
      `bind-probe: unknown command "${printable(command, { oneLine: true })}"; run \`bind-probe --help\` for the list\n`,
    )
    return 2
  }
  try {
    return await entry.run(rest, io)
  } catch (error) {
    // Messages name paths and files of the repository: printable, as the scan's output is.
    if (isUsageProblem(error)) {
      const hint = error instanceof TypeError ? `; run \`bind-probe ${command} --help\`` : ''
      io.stderr.write(
        printable(`bind-probe ${command}: ${usageMessage(error as Error, rest)}${hint}\n`),
      )
      return 2
    }
    if (error instanceof CommandFailure) {
      io.stderr.write(printable(`bind-probe ${command}: ${error.message}\n`))
      return 1
    }
    io.stderr.write(
      printable(`bind-probe ${command}: error: ${(error as Error)?.stack ?? String(error)}\n`),
    )
    return 1
  }
}

function isUsageProblem(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof ProbeUsageError ||
    error instanceof ScenarioError ||
    // node:util parseArgs reports unknown or malformed options with these codes.
    (error instanceof TypeError &&
      String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))
  )
}

/**
 * parseArgs explains a flag followed by a dash-led word in three lines; what to write instead
 * fits in one. Other messages stay whole (a config error may list several problems).
 */
function usageMessage(error: Error, argv: string[]): string {
  const ambiguous = /^Option '(-[^']+)' argument is ambiguous/.exec(error.message)?.[1]
  if (ambiguous) {
    const given = argv[argv.indexOf(ambiguous) + 1]
    // A secret is never echoed (a token, a key); nor is anything that would not fit on the line.
    const value =
      given && !/token|secret|key/i.test(ambiguous) && !given.includes('\n') && given.length <= 80
        ? given
        : 'VALUE'
    return `${ambiguous} needs a value; one that starts with a dash is written ${ambiguous}=${value}`
  }
  return error.message
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2))
}
