// `bind-probe scan [PATH…]`: flag flaky port use in source files, in a terminal list, JSON or SARIF.
import { existsSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_CONFIG, type Config, type FailOn } from '../config/index.ts'
import { summariseFindings } from '../report/findings.ts'
import { findingsReasons } from '../report/gate.ts'
import { VERSION } from '../version.ts'
import { checkGrammars, type GrammarStatus } from '../scan/grammars.ts'
import { GitDiffError, gitChangedLines } from '../scan/git-diff.ts'
import { LANGUAGES, languageById } from '../scan/languages.ts'
import { ruleInfo, RULE_IDS } from '../scan/rules/catalogue.ts'
import { scan, type ScanResult } from '../scan/scan.ts'
import { keepHeapSmall } from '../scan/heap.ts'
import { checkSettings, SettingsError, type ScanSettings } from '../scan/settings.ts'
import { toSarif } from '../scan/sarif.ts'
import type { Severity } from '../scan/finding.ts'
import { printable } from '../printable.ts'
import { painter, type Painter } from './terminal.ts'
import { displayPath, inferRoot, isInside } from './scan-root.ts'
import { checkOutPath, CommandFailure, UsageError, writeFailure, type Io } from './io.ts'
import { readPolicy } from './report-command.ts'

export const SCAN_HELP = `Usage: bind-probe scan [options] [PATH...]

Flags flaky port use (fixed ports in tests, free-port races, SO_REUSEADDR/SO_REUSEPORT in tests,
localhost IPv4/IPv6 mismatches, rebinding a closed fixed port, serving before listening) in
Python, JavaScript/TypeScript, Go, Java, Kotlin, C#, Rust and C/C++ files, and fixed host ports in
the tests' compose files. PATHs default to ".".

Options:
  --format text|json|sarif  text (default), JSON {findings, ...} or SARIF 2.1.0 on stdout
  --out FILE                also write the JSON or SARIF output to FILE
  --diff-base REF           report only lines changed since the merge base with REF (needs history)
  --config FILE             the policy (default: .github/bind-probe.yml of the scanned repository,
                            when it exists): its scan settings and its fail-on: findings
  --no-config               use the default policy, whatever the repository has
  --root DIR                root that PATHs and findings are relative to (default: the current
                            directory, or the repository of a PATH outside it)
  --fail-on LEVEL           exit 1 when a finding is at least error|warning|note; never (default:
                            the policy's fail-on: findings, else error)
  --ignore GLOB             skip matching files (repeatable), e.g. --ignore 'vendor/**'
  --allow-helper NAME       trust a port helper, e.g. a coordinated allocator (repeatable)
  --disable RULE,...        switch rules off (${RULE_IDS.join(', ')})
  --max-file-bytes N        skip files larger than N bytes (default 1048576)
  --check-grammars          load every grammar, report which load, and exit

Exit status: 1 exactly when the action's gate would fail on these findings (one reaches
  --fail-on, and the policy's mode is not warn) or the scan cannot do its work (--out cannot be
  written); 0 otherwise; 2 on a usage error or a policy that cannot be used.
`

const RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 }

export async function scanCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      'diff-base': { type: 'string' },
      root: { type: 'string' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      ignore: { type: 'string', multiple: true },
      'allow-helper': { type: 'string', multiple: true },
      disable: { type: 'string' },
      'max-file-bytes': { type: 'string' },
      'check-grammars': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  })
  if (values.help) {
    io.stdout.write(SCAN_HELP)
    return 0
  }
  if (values['check-grammars']) return grammarReport(await checkGrammars(), io)
  const format = values.format
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif, not "${format}"`)
  }
  const failOnFlag = values['fail-on']
  if (failOnFlag !== undefined && failOnFlag !== 'never' && !(failOnFlag in RANK)) {
    throw new UsageError(`--fail-on must be error, warning, note or never, not "${failOnFlag}"`)
  }
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('--config and --no-config cannot be used together')
  }

  const explicitRoot = values.root
  if (explicitRoot !== undefined && !(await isDirectory(explicitRoot))) {
    throw new UsageError(`root ${explicitRoot} not found`)
  }
  const base = explicitRoot ?? '.'
  const missing = positionals.filter((p) => !existsSync(resolve(base, p)))
  if (missing.length > 0 && missing.length === positionals.length) {
    throw new UsageError(missing.map((p) => `${p}: no such file or directory`).join('; '))
  }
  const present = positionals.filter((p) => !missing.includes(p))
  // Without --root, PATHs are taken from the current directory, wherever they lie.
  let root = explicitRoot ?? (await inferRoot(present))
  let paths =
    explicitRoot === undefined ? positionals.map((p) => relative(root, p) || '.') : positionals
  for (const p of paths) {
    if (!isInside(root, resolve(root, p))) {
      throw new UsageError(`${p} is outside the root ${root}; pass a --root that contains it`)
    }
  }
  if (values.out !== undefined) checkOutPath(values.out)
  let changes
  if (values['diff-base'] !== undefined) {
    try {
      const diff = await gitChangedLines(root, values['diff-base'], { untracked: true })
      // Findings and changed lines are relative to the top level; PATHs were given relative to
      // the root (the current directory by default).
      paths = paths.map((p) => relative(diff.root, resolve(root, p)).split(sep).join('/') || '.')
      if (paths.length === 0 && resolve(root) !== resolve(diff.root))
        paths = [relative(diff.root, resolve(root)).split(sep).join('/')]
      root = diff.root
      changes = diff.changes
    } catch (error) {
      if (error instanceof GitDiffError) throw new UsageError(error.message)
      throw error
    }
  }
  // The scanned repository's own policy, as the action reads it: its scan settings (the flags add
  // to them) and the findings rule of its gate.
  const policy = values['no-config'] ? DEFAULT_CONFIG : readPolicy(values.config, root)
  const settings = settingsFrom(values, policy)
  keepHeapSmall()
  const result = await scan({ root, paths, settings, ...(changes ? { changes } : {}) })

  const json =
    format === 'sarif'
      ? `${JSON.stringify(toSarif(result.findings, { version: VERSION }), null, 2)}\n`
      : `${JSON.stringify({ version: VERSION, ...result }, null, 2)}\n`
  let outFailure: unknown
  if (values.out) await writeFile(values.out, json).catch((error: unknown) => (outFailure = error))
  // The findings are printed even when --out could not take them: the scan's work is not lost.
  if (format === 'text') {
    // With --root, findings read relative to it, as they always have.
    const shown = (path: string) =>
      explicitRoot === undefined ? displayPath(root, path, positionals) : path
    io.stdout.write(renderText(result, painter(io.stdout), shown))
  } else io.stdout.write(json)
  if (outFailure !== undefined) {
    throw new CommandFailure(`could not write --out ${values.out}: ${writeFailure(outFailure)}`)
  }

  // The gate's own findings rule, so the two never disagree: every finding of this scan is in its
  // scope (the changed lines with --diff-base, else the paths asked for), as in the action.
  const findings = (failOnFlag ?? policy.failOn.findings) as FailOn['findings']
  const fails = findingsReasons(summariseFindings(result.findings), 0, { findings }).some(
    (r) => r.fails,
  )
  return fails && policy.mode !== 'warn' ? 1 : 0
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

function settingsFrom(
  values: {
    ignore?: string[] | undefined
    'allow-helper'?: string[] | undefined
    disable?: string | undefined
    'max-file-bytes'?: string | undefined
  },
  policy: Config,
): ScanSettings {
  const raw: Record<string, unknown> = {
    ignorePaths: [...policy.scan.ignore, ...(values.ignore ?? [])],
    allowedHelpers: [...policy.scan.allowedHelpers, ...(values['allow-helper'] ?? [])],
    disableRules: [
      ...policy.scan.disableRules,
      ...(values.disable ?? '')
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ],
    testPaths: policy.scan.testPaths,
    maxFileBytes: policy.scan.maxFileBytes,
  }
  if (values['max-file-bytes'] !== undefined) {
    const text = values['max-file-bytes']
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      throw new UsageError(`--max-file-bytes takes a positive whole number, not "${text}"`)
    }
    raw.maxFileBytes = Number(text)
  }
  try {
    return checkSettings(raw, 'options')
  } catch (error) {
    if (error instanceof SettingsError)
      throw new UsageError(error.message.replace(/^options: /, ''))
    throw error
  }
}

const LEVEL_STYLE = { error: 'red', warning: 'yellow', note: 'cyan' } as const

/**
 * The findings for a terminal or a workflow log. Paths, messages and notes come from the
 * repository (a file may be named "x\n::error::…"), so each is made printable before it is painted.
 */
export function renderText(
  result: ScanResult,
  paint: Painter,
  shown: (path: string) => string = (path) => path,
): string {
  const text = (value: string) => printable(value, { oneLine: true })
  const out: string[] = []
  for (const f of result.findings) {
    out.push(
      `${paint('bold', `${text(shown(f.path))}:${f.line}:${f.column}`)}  ${paint(LEVEL_STYLE[f.severity], f.severity)}  ` +
        `${f.rule} ${paint('dim', ruleInfo(f.rule).name)}`,
    )
    out.push(`  ${text(f.message)}`)
    out.push(`  ${paint('green', 'fix:')} ${text(f.advice)}`)
    out.push('')
  }
  const counts = (['error', 'warning', 'note'] as const)
    .map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`)
  const skipped = Object.entries(result.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`)
  out.push(
    `${result.findings.length === 0 ? paint('green', 'No flaky port use found') : `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${counts.join(', ')})`}` +
      ` in ${result.files.scanned} file${result.files.scanned === 1 ? '' : 's'} (${result.files.parsed} parsed)` +
      `${result.suppressed ? `, ${result.suppressed} suppressed` : ''}` +
      `${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}` +
      ` in ${result.durationMs} ms`,
  )
  for (const note of result.notes) out.push(paint('yellow', `note: ${text(note)}`))
  return `${out.join('\n')}\n`
}

function grammarReport(statuses: GrammarStatus[], io: Io): number {
  const paint = painter(io.stdout)
  for (const s of statuses) {
    const name = languageById(s.language).name.padEnd(11)
    io.stdout.write(
      s.ok
        ? `${paint('green', 'ok  ')} ${name} ABI ${s.abi}\n`
        : `${paint('red', 'FAIL')} ${name} ${s.detail}\n`,
    )
  }
  const failed = statuses.filter((s) => !s.ok).length
  io.stdout.write(`${LANGUAGES.length - failed} of ${LANGUAGES.length} grammars loaded\n`)
  return failed ? 1 : 0
}
