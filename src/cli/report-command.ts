// `bind-probe report PATH…`: the action's report, gate included, on this machine. It merges
// result files (from `bind-probe probe --out`) and leg bundles (the action's artifacts, as
// `gh run download` leaves them) and prints the job summary, the comment or the Report as JSON.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, DEFAULT_CONFIG, loadConfig, type Config } from '../config/index.ts'
import { DirectoryTransport, readBundle } from '../github/directory-transport.ts'
import { collectLegs, RESULT_FILE, SCAN_FILE } from '../github/transport.ts'
import {
  buildReport,
  evaluatePolicy,
  renderComment,
  renderSummary,
  TemplateError,
  type ArtifactProblem,
  type ResultArtifact,
  type TemplateSource,
} from '../report/index.ts'
import { readLegScans, type LegScanFile } from '../report/leg-scans.ts'
import { UsageError, type Io } from './io.ts'

export const REPORT_HELP = `Usage: bind-probe report [options] PATH...

Merges probe results into one report, judges it by the policy and prints it, as the action's
report job does (without GitHub). Each PATH is a result file (bind-probe probe --out FILE), a leg
bundle directory (an artifact of the action, as \`gh run download\` leaves it), or a directory of
either.

Options:
  --format summary|comment|json  the job summary (default), the pull-request comment, or the
                                 Report with the verdict as JSON
  --config FILE    the policy (default: .github/bind-probe.yml when it exists)
  --template FILE  a Handlebars template for the chosen Markdown format
  --out FILE       also write the output to FILE
  --no-gate        exit 0 whatever the policy concludes

Exit status: 0 when the policy passes, 1 when it fails, 2 on bad input.
`

const DEFAULT_POLICY = '.github/bind-probe.yml'

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'summary' },
      config: { type: 'string' },
      template: { type: 'string' },
      out: { type: 'string' },
      'no-gate': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  })
  if (values.help) {
    io.stdout.write(REPORT_HELP)
    return 0
  }
  const format = values.format
  if (format !== 'summary' && format !== 'comment' && format !== 'json') {
    throw new UsageError(`--format must be summary, comment or json, not "${format}"`)
  }
  if (format === 'json' && values.template !== undefined) {
    throw new UsageError('--template renders Markdown; it does not go with --format json')
  }
  if (!positionals.length) {
    throw new UsageError(
      'name the results to report on, e.g. `bind-probe report linux.json` or the directory `gh run download` wrote',
    )
  }

  const config = readPolicy(values.config)
  const template = values.template === undefined ? undefined : readTemplate(values.template)
  const found = await Promise.all(positionals.map((path) => legsAt(path, config.comment.key)))
  const legs = found.flatMap((f) => f.legs)
  const artifactProblems = found.flatMap((f) => f.problems)
  if (!legs.length && !artifactProblems.length) {
    throw new UsageError(
      `no result files in ${positionals.join(', ')}: give .json files or the directories of leg bundles`,
    )
  }
  // Plain result files carry no scan; only the action's bundles say whether a leg scanned.
  const scans = readLegScans(legs.filter((leg) => leg.bundle))
  for (const problem of scans.problems) io.stderr.write(`bind-probe report: ${problem}\n`)
  const report = buildReport({
    artifacts: legs.map((leg) => ({ name: leg.name, content: leg.content })),
    artifactProblems,
    policy: config,
    findings: scans.findings,
    notes: scans.notes,
  })
  for (const problem of report.artifacts) {
    io.stderr.write(`bind-probe report: ${problem.artifact} was set aside: ${problem.message}\n`)
  }
  const verdict = evaluatePolicy(report, config)

  let output: string
  try {
    output =
      format === 'json'
        ? `${JSON.stringify({ ...report, verdict }, null, 2)}\n`
        : format === 'comment'
          ? renderComment(report, { verdict, key: config.comment.key, ...withTemplate(template) })
          : renderSummary(report, { verdict, ...withTemplate(template) })
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message)
    throw error
  }
  if (values.out) await writeFile(values.out, output)
  io.stdout.write(output)
  io.stderr.write(`bind-probe report: ${verdict.conclusion}: ${verdict.summary}\n`)
  return verdict.conclusion === 'failure' && !values['no-gate'] ? 1 : 0
}

function withTemplate(template: TemplateSource | undefined) {
  return template ? { template } : {}
}

function readPolicy(path: string | undefined): Config {
  const file = path ?? (existsSync(DEFAULT_POLICY) ? DEFAULT_POLICY : undefined)
  if (file === undefined) return DEFAULT_CONFIG
  try {
    return loadConfig(readText(file, 'policy'), file)
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}

function readTemplate(path: string): TemplateSource {
  return { name: path, source: readText(path, 'template') }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`)
  }
}

interface LegFile extends ResultArtifact, LegScanFile {
  /** An artifact of the action (which says whether it scanned) rather than a bare result file. */
  bundle: boolean
}

interface Found {
  legs: LegFile[]
  problems: ArtifactProblem[]
}

/**
 * The legs a PATH holds: a result file; one leg bundle (a directory with result.json); or a
 * directory of result files and of the action's artifacts, which are collected as the report job
 * collects them (the latest run attempt per platform, each checked against its metadata).
 */
async function legsAt(path: string, key: string): Promise<Found> {
  let stat
  try {
    stat = statSync(path)
  } catch {
    throw new UsageError(`${path}: no such file or directory`)
  }
  if (!stat.isDirectory()) return { legs: [resultFile(path)], problems: [] }
  if (existsSync(join(path, RESULT_FILE))) return { legs: [await bundleAt(path)], problems: [] }
  const collected = await collectLegs(new DirectoryTransport(path), key)
  const files = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => resultFile(join(path, entry.name)))
    .sort((a, b) => a.name.localeCompare(b.name))
  const bundles = collected.legs.map((leg) => legOf(leg.artifact, leg.files))
  return { legs: [...files, ...bundles], problems: collected.problems }
}

function resultFile(path: string): LegFile {
  return { name: path, source: path, content: readText(path, 'result'), bundle: false }
}

async function bundleAt(dir: string): Promise<LegFile> {
  const name = basename(dir)
  let bundle
  try {
    bundle = await readBundle(dir, name)
  } catch (error) {
    throw new UsageError(`cannot read the leg bundle ${dir}: ${(error as Error).message}`)
  }
  return legOf(name, new Map(bundle.files.map((f) => [f.name, f.content])))
}

function legOf(name: string, files: ReadonlyMap<string, string>): LegFile {
  const scan = files.get(SCAN_FILE)
  return {
    name,
    source: name,
    content: files.get(RESULT_FILE),
    bundle: true,
    ...(scan === undefined ? {} : { scan }),
  }
}
