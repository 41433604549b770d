// `bind-probe list`: every scenario id with its title and expectations, to pick from for --only.
import { parseArgs } from 'node:util'
import { CATALOGUE } from '../probe/catalogue/index.ts'
import { OS_FAMILIES, type Expectation } from '../probe/model.ts'
import { painter, pad } from './terminal.ts'
import { UsageError, type Io } from './io.ts'

export const LIST_HELP = `Usage: bind-probe list [--format table|json]

Lists the scenario catalogue: ids, titles and the expected outcome on each OS.
`

export function listCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'table' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    io.stdout.write(LIST_HELP)
    return 0
  }
  if (values.format !== 'table' && values.format !== 'json') {
    throw new UsageError(`--format must be table or json, not "${values.format}"`)
  }
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(CATALOGUE, null, 2)}\n`)
    return 0
  }
  const paint = painter(io.stdout)
  const width = Math.max(...CATALOGUE.map((s) => s.id.length)) + 2
  const cell = (e: Expectation) =>
    `${e.outcome ?? 'unknown'}${e.confidence === 'documented' ? '' : '?'}`
  let section = ''
  for (const s of CATALOGUE) {
    if (s.section !== section) {
      section = s.section
      io.stdout.write(`${paint('bold', section)}\n`)
    }
    const cells = OS_FAMILIES.map((os) => `${os} ${cell(s.expect[os])}`).join('  ')
    io.stdout.write(
      `  ${pad(s.id, width)}${s.title}\n  ${' '.repeat(width)}${paint('dim', cells)}\n`,
    )
  }
  io.stdout.write(
    paint(
      'dim',
      `${CATALOGUE.length} scenarios; "?" marks an expectation that is not documented\n`,
    ),
  )
  return 0
}
