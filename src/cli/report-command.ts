// `bind-probe report PATH…`: the action's report, gate included, on this machine. It merges
// result files (from `bind-probe probe --out`) and leg bundles (the action's artifacts, as
// `gh run download` leaves them) and prints the job summary, the comment or the Report as JSON.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, DEFAULT_CONFIG, loadConfig, type Config } from '../config/index.ts'
import { assertCommentKey } from '../github/comment-marker.ts'
import { DirectoryTransport, isA } from '../github/directory-transport.ts'
import {
  collectLegs,
  MAX_BUNDLES,
  MAX_FILE_BYTES,
  META_FILE,
  parseResultArtifactName,
  RESULT_FILE,
  SCAN_FILE,
  type ResultTransport,
} from '../github/transport.ts'
import {
  buildReport,
  evaluatePolicy,
  renderComment,
  renderSummary,
  TemplateError,
  type ArtifactProblem,
  type TemplateSource,
} from '../report/index.ts'
import { readLegScans } from '../report/leg-scans.ts'
import { printable } from '../printable.ts'
import { checkOutPath, UsageError, type Io } from './io.ts'
import { parseJsonText } from '../report/json-text.ts'

export const REPORT_HELP = `Usage: bind-probe report [options] PATH...

Merges probe results into one report, judges it by the policy and prints it, as the action's
report job does (without GitHub). Each PATH is a result file (bind-probe probe --out FILE), a leg
bundle directory (an artifact of the action, as \`gh run download\` leaves it), or a directory of
either; below a directory, a folder holding result.json is one leg (scan.json beside it is its
scan), found up to 4 levels down. Run it from the repository's root: the policy's template paths are read from there.

Options:
  --format summary|comment|json  the job summary (default), the pull-request comment, or the
                                 Report with the verdict as JSON
  --config FILE    the policy (default: .github/bind-probe.yml when it exists)
  --key KEY        the comment key whose artifacts to read (default: the policy's)
  --template FILE  a Handlebars template for the chosen Markdown format (default: the policy's)
  --out FILE       also write the output to FILE
  --no-gate        exit 0 whatever the policy concludes

Exit status: 0 when the policy passes, 1 when it fails or --out cannot be written, 2 on bad input.
`

const DEFAULT_POLICY = '.github/bind-probe.yml'
/** A leg bundle's own files, which are no results of their own. */
const BUNDLE_FILES = new Set([RESULT_FILE, SCAN_FILE, META_FILE])

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'summary' },
      config: { type: 'string' },
      key: { type: 'string' },
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
  if (values.out !== undefined) checkOutPath(values.out)
  // Artifact names, paths and problems come from the results read: printable, like the report.
  const warn = (message: string) => io.stderr.write(printable(`bind-probe report: ${message}\n`))

  const config = readPolicy(values.config)
  const key = values.key ?? config.comment.key
  try {
    assertCommentKey(key)
  } catch (error) {
    throw new UsageError(`--key: ${(error as Error).message}`)
  }
  const template =
    format === 'json'
      ? undefined
      : values.template !== undefined
        ? readTemplate(values.template)
        : policyTemplate(config[format].template, warn)
  const all: Found = { legs: [], problems: [], notes: [] }
  for (const path of positionals) await collectAt(path, key, all, warn)
  const found: Found = {
    legs: uniqueBy(all.legs, (leg) => leg.where),
    problems: uniqueBy(all.problems, (p) => `${p.artifact}\0${p.message}`),
    notes: [...new Set(all.notes)],
  }
  if (!found.legs.length && !found.problems.length) {
    throw new UsageError(
      `no result files in ${positionals.join(', ')}: give .json files or the directories of leg bundles`,
    )
  }
  // Plain result files carry no scan; only the action's bundles say whether a leg scanned.
  const scans = readLegScans(found.legs.filter((leg) => leg.bundle))
  const report = buildReport({
    artifacts: found.legs.map((leg) => ({ name: leg.source, content: leg.result })),
    artifactProblems: [...found.problems, ...scans.problems],
    policy: config,
    findings: scans.findings,
    notes: [...found.notes, ...scans.notes],
  })
  for (const problem of report.artifacts) {
    warn(`${problem.artifact} was set aside: ${problem.message}`)
  }
  const verdict = evaluatePolicy(report, config)

  let output: string
  try {
    output =
      format === 'json'
        ? `${JSON.stringify({ ...report, verdict }, null, 2)}\n`
        : format === 'comment'
          ? renderComment(report, { verdict, key, ...(template ? { template } : {}) })
          : renderSummary(report, { verdict, ...(template ? { template } : {}) })
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message)
    throw error
  }
  // JSON escapes what it holds; Markdown is made safe for Markdown, not for a workflow log.
  io.stdout.write(format === 'json' ? output : printable(output))
  if (values.out !== undefined) {
    try {
      await writeFile(values.out, output)
    } catch (error) {
      throw new UsageError(`--out ${values.out}: ${(error as Error).message}`)
    }
  }
  warn(`${verdict.conclusion}: ${verdict.summary}`)
  return verdict.conclusion === 'failure' && !values['no-gate'] ? 1 : 0
}

/** `--config FILE`, else `.github/bind-probe.yml` below `root` when it exists, else the defaults. */
export function readPolicy(path: string | undefined, root = '.'): Config {
  const found = join(root, DEFAULT_POLICY)
  const file = path ?? (existsSync(found) ? found : undefined)
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

/** The policy's template, by path from the repository root; the built-in one when it is missing. */
function policyTemplate(
  path: string | undefined,
  warn: (message: string) => void,
): TemplateSource | undefined {
  if (path === undefined) return undefined
  if (!existsSync(path)) {
    warn(`template ${path} (from the policy) was not found here; the built-in one is used`)
    return undefined
  }
  return readTemplate(path)
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`)
  }
}

interface Leg {
  /** The artifact or file, for messages (the report names it so). */
  source: string
  result: string | undefined
  scan?: string
  /** An artifact of the action (which says whether it scanned) rather than a bare result file. */
  bundle: boolean
  /** Its resolved path: a leg reached twice (a directory named twice) counts once. */
  where: string
}

interface Found {
  legs: Leg[]
  problems: ArtifactProblem[]
  notes: string[]
}

/**
 * The legs a PATH holds: a result file; one leg bundle (a directory with result.json); or a
 * directory of result files and of the action's artifacts, which are collected as the report job
 * collects them (the latest run attempt per platform, each checked against its metadata). A file
 * that cannot be used is named in `problems`, and the others still count.
 */
async function collectAt(path: string, key: string, found: Found, warn: (m: string) => void) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) throw new UsageError(`${path}: no such file or directory`)
  if (!stat.isDirectory()) {
    addFile(path, found, { explicit: true, warn })
    return
  }
  if (existsSync(join(path, RESULT_FILE))) await addBundle(path, key, found)
  const transport = new DirectoryTransport(path)
  const collected = await collectLegs(transport, key)
  found.legs.push(
    ...collected.legs.map((leg) => legOf(leg.artifact, leg.files, resolve(path, leg.artifact))),
  )
  found.problems.push(...collected.problems)
  found.notes.push(...collected.notes)
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )
  const otherKeys = entries.filter(
    (e) =>
      isA('directory', path, e) &&
      e.name.startsWith('bind-probe-result-') &&
      parseResultArtifactName(key, e.name) === undefined,
  )
  if (otherKeys.length) {
    warn(
      `left out ${otherKeys.length} artifact(s) of another comment key in ${path} (${otherKeys
        .slice(0, 3)
        .map((e) => e.name)
        .join(', ')}${otherKeys.length > 3 ? ', …' : ''}); --key names the key to report on`,
    )
  }
  addLooseFiles(path, entries, found, warn)
  await collectLegFolders(path, key, found, warn, 1, new Set([realpathSync(path)]))
}

/** How deep below a named directory plain leg folders are looked for. */
const MAX_FOLDER_DEPTH = 4

/**
 * Plain leg folders below `dir`, as people lay out results by hand (`results/linux/result.json`):
 * a folder holding result.json is one leg (scan.json beside it is its scan); other folders are
 * read for loose result files and searched further, up to MAX_FOLDER_DEPTH levels. A folder
 * reached again through a symbolic link is read once.
 */
async function collectLegFolders(
  dir: string,
  key: string,
  found: Found,
  warn: (m: string) => void,
  depth: number,
  seen: Set<string>,
): Promise<void> {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter(
      (e) =>
        isA('directory', dir, e) &&
        !e.name.startsWith('.') &&
        e.name !== 'node_modules' &&
        !e.name.startsWith('bind-probe-result-'),
    )
    .sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of folders) {
    const folder = join(dir, entry.name)
    const real = realpathSync(folder)
    if (seen.has(real)) continue
    seen.add(real)
    if (found.legs.length >= MAX_BUNDLES) {
      warn(`read ${MAX_BUNDLES} legs; the folders from ${folder} on were not read`)
      return
    }
    if (existsSync(join(folder, RESULT_FILE))) {
      await addBundle(folder, key, found)
      continue
    }
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )
    // Below the named directory, JSON that is no result (a tsconfig.json) is passed over quietly.
    addLooseFiles(folder, entries, found, warn, { quiet: true })
    if (depth < MAX_FOLDER_DEPTH) {
      await collectLegFolders(folder, key, found, warn, depth + 1, seen)
    }
  }
}

/** The result files lying in a directory, beside its folders. */
function addLooseFiles(
  dir: string,
  entries: readonly Dirent[],
  found: Found,
  warn: (m: string) => void,
  { quiet = false }: { quiet?: boolean } = {},
): void {
  const passOver = quiet ? () => {} : warn
  const files = entries.filter(
    (e) => e.name.endsWith('.json') && !BUNDLE_FILES.has(e.name) && isA('file', dir, e),
  )
  for (const entry of files.slice(0, MAX_BUNDLES)) {
    addFile(join(dir, entry.name), found, { explicit: false, warn: passOver })
  }
  if (files.length > MAX_BUNDLES) {
    warn(
      `read the first ${MAX_BUNDLES} .json files in ${dir}; ${files.length - MAX_BUNDLES} more were not read`,
    )
  }
}

/**
 * A result file. Named on the command line, it must be a result; found in a directory, a JSON file
 * that is plainly something else (package.json, a scan's output) is passed over with a word.
 */
function addFile(
  path: string,
  found: Found,
  { explicit, warn }: { explicit: boolean; warn: (m: string) => void },
): void {
  const size = statSync(path).size
  if (size > MAX_FILE_BYTES) {
    found.problems.push({
      artifact: path,
      message: `it is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a result file`,
    })
    return
  }
  const text = readText(path, 'result')
  if (!explicit && !looksLikeResult(text)) {
    warn(
      `${path} is not a bind-probe result (name it on the command line to have it checked); passed over`,
    )
    return
  }
  found.legs.push({ source: path, result: text, bundle: false, where: resolve(path) })
}

/** Found in a directory, a file counts only when it is plainly a result: JSON with a platform. */
function looksLikeResult(text: string): boolean {
  try {
    const value = parseJsonText(text) as Record<string, unknown>
    return typeof value === 'object' && value !== null && 'platform' in value
  } catch {
    return false
  }
}

/**
 * A directory holding result.json itself. Named like an artifact of this key, it is collected as
 * the report job would (its metadata checked); otherwise, as `gh run download --name` leaves a
 * single artifact's files, it is read as it is.
 */
async function addBundle(given: string, key: string, found: Found): Promise<void> {
  const dir = resolve(given)
  const name = basename(dir)
  if (parseResultArtifactName(key, name) !== undefined) {
    const collected = await collectLegs(only(new DirectoryTransport(dirname(dir)), name), key)
    found.legs.push(...collected.legs.map((leg) => legOf(leg.artifact, leg.files, dir)))
    found.problems.push(...collected.problems)
    found.notes.push(...collected.notes)
    found.notes.push(...collected.notes)
    return
  }
  const files = new Map<string, string>()
  for (const file of [RESULT_FILE, SCAN_FILE]) {
    const path = join(dir, file)
    if (!existsSync(path)) continue
    const size = statSync(path).size
    if (size > MAX_FILE_BYTES) {
      found.problems.push({
        artifact: name,
        message: `${file} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a result file`,
      })
      return
    }
    files.set(file, readText(path, 'result'))
  }
  found.legs.push(legOf(name, files, dir))
}

/** The transport, seeing one bundle only. */
function only(transport: ResultTransport, name: string): ResultTransport {
  return {
    upload: (n, files) => transport.upload(n, files),
    downloadAll: (options) =>
      transport.downloadAll({ ...options, accept: (n) => n === name && options.accept(n) }),
  }
}

function legOf(name: string, files: ReadonlyMap<string, string>, where: string): Leg {
  const scan = files.get(SCAN_FILE)
  return {
    source: name,
    result: files.get(RESULT_FILE),
    bundle: true,
    where,
    ...(scan === undefined ? {} : { scan }),
  }
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)))
}
