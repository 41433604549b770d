// The scan: files → findings, diff-aware when given changed lines. Files are read and parsed one
// at a time, so memory stays flat; one bad file is counted and skipped, never fatal.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { posix } from 'node:path'
import type { ChangedLines } from './diff.ts'
import { extractFacts } from './extract.ts'
import { analyse } from './analyse.ts'
import { composeFindings, isComposeFile, isTestCompose } from './compose.ts'
import { GoPrograms } from './go-programs.ts'
import { HeaderReader } from './header-reader.ts'
import { HelperDefinitionReader } from './helper-definition-reader.ts'
import { helperNamesCalled } from './helper-definitions.ts'
import type { Finding } from './finding.ts'
import { listFiles, readSource, SKIP_REASONS, type SkipReason } from './files.ts'
import { Grammars, type GrammarStatus } from './grammars.ts'
import { languageOf, languageById } from './languages.ts'
import { RULE_IDS } from './rules/catalogue.ts'
import { DEFAULT_MAX_FILE_BYTES, type ScanSettings } from './settings.ts'
import { isTestPath } from './test-files.ts'
import { focusOffsets, worthParsing } from './triggers.ts'

export interface ScanOptions {
  /** Repository root: finding paths are relative to it. */
  root: string
  /** Files or directories to scan, relative to root (default: the whole root). */
  paths?: readonly string[]
  /** Diff-aware mode: scan only these files and report only on these lines. */
  changes?: ChangedLines
  settings?: ScanSettings
  /** Notes to carry into the result, e.g. from changesFromPrFiles. */
  notes?: readonly string[]
  /** Reuse loaded grammars across scans (the caller disposes of them). */
  grammars?: Grammars
  /** Skip the trigger-word pre-filter and parse every readable file (for measuring it). */
  parseAll?: boolean
  /** Size from which non-test files are examined around their trigger words only (default 32,000 characters). */
  focusMinChars?: number
  /** Filled with where the time went, for benchmarks (bench/scan-repos.bench.ts). */
  timings?: ScanTimings
}

/** Milliseconds spent in each phase of a scan. */
export interface ScanTimings {
  list: number
  read: number
  prefilter: number
  parse: number
  extract: number
  rules: number
}

export interface ScanResult {
  findings: Finding[]
  files: {
    /** Files in a language we parse, and compose files, after ignores. */
    considered: number
    /** Files read and accepted (not skipped). */
    scanned: number
    /** Files actually parsed (the rest had none of the rules' trigger words). */
    parsed: number
    /** Parsed files with syntax errors (scanned anyway, on the parts that parsed). */
    withSyntaxErrors: number
    bytes: number
  }
  skipped: Record<SkipReason, number>
  /** Up to 50 skipped files with their reason (the counts above are complete). */
  skippedFiles: { path: string; reason: SkipReason }[]
  suppressed: number
  languages: GrammarStatus[]
  notes: string[]
  durationMs: number
}

const MAX_LISTED_SKIPS = 50

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now()
  const settings = options.settings ?? {}
  const root = resolve(options.root)
  const maxBytes = settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const enabled = new Set(RULE_IDS.filter((id) => !settings.disableRules?.includes(id)))
  const grammars = options.grammars ?? new Grammars()
  const notes = [...(options.notes ?? [])]
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>
  const skippedFiles: ScanResult['skippedFiles'] = []
  const result: ScanResult = {
    findings: [],
    files: { considered: 0, scanned: 0, parsed: 0, withSyntaxErrors: 0, bytes: 0 },
    skipped,
    skippedFiles,
    suppressed: 0,
    languages: [],
    notes,
    durationMs: 0,
  }
  const timings = options.timings
  const timed = <T>(phase: keyof ScanTimings, work: () => T): T => {
    if (!timings) return work()
    const t = performance.now()
    try {
      return work()
    } finally {
      timings[phase] += performance.now() - t
    }
  }
  const skip = (path: string, reason: SkipReason) => {
    skipped[reason]++
    if (skippedFiles.length < MAX_LISTED_SKIPS) skippedFiles.push({ path, reason })
  }
  // Whatever is below them was not scanned, so "no flaky port use" would claim too much.
  const unreadableDirectories = (dirs: readonly { path: string; code: string }[]) => {
    for (const dir of dirs) skip(dir.path, 'unreadable-directory')
    if (!dirs.length) return
    const named = dirs.slice(0, 5).map((d) => `${d.path} (${d.code})`)
    const more = dirs.length > 5 ? ` and ${dirs.length - 5} more` : ''
    const one = dirs.length === 1
    notes.push(
      `${named.join(', ')}${more}: ${one ? 'this directory' : `these ${dirs.length} directories`} ` +
        `could not be read, so nothing in ${one ? 'it' : 'them'} was scanned`,
    )
  }

  let paths: string[]
  if (options.changes) {
    const wanted = (options.paths?.length ? options.paths : undefined)?.map((p) =>
      posix.normalize(p.replace(/\\/g, '/')).replace(/\/$/, ''),
    )
    paths = [...options.changes.keys()].filter(
      (p) =>
        !wanted || wanted.includes('.') || wanted.some((w) => p === w || p.startsWith(`${w}/`)),
    )
    const listed = timed('list', () => listFiles(root, paths))
    paths = listed.files
    for (const link of listed.symlinks) skip(link, 'symlink')
    unreadableDirectories(listed.unreadable)
    for (const w of wanted ?? []) {
      if (!existsSync(resolve(root, w))) notes.push(`${w}: no such file or directory`)
    }
  } else {
    const listed = timed('list', () =>
      listFiles(root, options.paths?.length ? options.paths : ['.']),
    )
    for (const m of listed.missing) notes.push(`${m}: no such file or directory`)
    paths = listed.files
    for (const link of listed.symlinks) skip(link, 'symlink')
    unreadableDirectories(listed.unreadable)
  }
  paths.sort()
  const headers = new HeaderReader(root, maxBytes)
  const goPrograms = new GoPrograms(root)
  const helperDefinitions = new HelperDefinitionReader(root, maxBytes, grammars)

  try {
    for (const path of paths) {
      const language = languageOf(path)
      const compose = !language && isComposeFile(path)
      if (!language && !compose) {
        skipped['unknown-language']++
        continue
      }
      if (settings.ignorePaths?.some((g) => posix.matchesGlob(path, g))) {
        skip(path, 'ignored')
        continue
      }
      result.files.considered++
      const lines = options.changes?.get(path)
      if (lines !== undefined && lines !== 'all' && lines.size === 0) continue
      const read = timed('read', () => readSource(resolve(root, path), maxBytes, path))
      if (!read.ok) {
        skip(path, read.reason)
        continue
      }
      result.files.scanned++
      result.files.bytes += read.bytes
      if (!language) {
        if (!isTestCompose(path, settings.testPaths)) continue
        let found
        try {
          found = timed('rules', () =>
            composeFindings(read.text, {
              path,
              enabled,
              ...(lines !== undefined ? { lines } : {}),
            }),
          )
        } catch {
          skip(path, 'parse-error')
          continue
        }
        result.files.parsed++
        if (found.hasErrors) result.files.withSyntaxErrors++
        result.findings.push(...found.findings)
        result.suppressed += found.suppressed
        continue
      }
      const testFile =
        isTestPath(path, language.id, settings.testPaths) &&
        !goPrograms.standsAlone(path, read.text)
      if (!options.parseAll && !timed('prefilter', () => worthParsing(read.text, testFile, path)))
        continue
      const grammar = await grammars.get(language.id)
      if (!grammar.parser) {
        skip(path, 'language-unavailable')
        continue
      }
      let facts
      try {
        const tree = timed('parse', () => grammar.parser!.parse(read.text))
        if (!tree) throw new Error('no tree')
        try {
          const focus = options.parseAll
            ? undefined
            : focusOffsets(read.text, testFile, options.focusMinChars)
          facts = timed('extract', () => extractFacts(tree, language.id, focus))
        } finally {
          tree.delete()
        }
      } catch {
        grammar.parser.reset()
        skip(path, 'parse-error')
        continue
      }
      result.files.parsed++
      if (facts.hasErrors) result.files.withSyntaxErrors++
      const headerConstants =
        language.family === 'c'
          ? timed('read', () => headers.constantsFor(path, read.text))
          : undefined
      const elsewhere = enabled.has('PORT002')
        ? helperNamesCalled(read.text).filter((n) => !facts!.scopes.some((s) => s.name === n))
        : []
      const countingHelpers = elsewhere.length
        ? await helperDefinitions.countersAmong(path, elsewhere, language.family)
        : undefined
      const analysed = timed('rules', () =>
        analyse(facts!, {
          path,
          testFile,
          enabled,
          ...(settings.allowedHelpers ? { allowedHelpers: settings.allowedHelpers } : {}),
          ...(lines !== undefined ? { lines } : {}),
          ...(headerConstants ? { headerConstants } : {}),
          ...(countingHelpers?.size ? { countingHelpers } : {}),
        }),
      )
      for (const finding of analysed.findings) result.findings.push(finding)
      result.suppressed += analysed.suppressed
    }
  } finally {
    result.languages = await grammars.statuses()
    if (!options.grammars) await grammars.dispose()
  }
  for (const status of result.languages) {
    if (!status.ok)
      notes.push(`${languageById(status.language).name} files were not scanned: ${status.detail}`)
  }
  if (skipped['too-large'] > 0) {
    notes.push(
      `${skipped['too-large']} file${skipped['too-large'] === 1 ? ' was' : 's were'} larger than ` +
        `${maxBytes.toLocaleString('en-US')} bytes and not scanned (maxFileBytes).`,
    )
  }
  result.durationMs = Math.round(performance.now() - started)
  return result
}
