// One file's facts → findings: runs the rules, drops suppressed hits and hits outside the
// changed lines, and gives each finding its advice and fingerprint. Pure.
import { contains, type FileFacts } from './facts.ts'
import type { Finding } from './finding.ts'
import { fingerprint } from './fingerprint.ts'
import { spanChanged, type LineSet } from './diff.ts'
import { languageById } from './languages.ts'
import { listenersOf } from './listeners.ts'
import { goroutineServers } from './rules/serve-before-listen.ts'
import { spawnedServers } from './spawned-servers.ts'
import { ruleInfo } from './rules/catalogue.ts'
import { runRules } from './rules/index.ts'
import { isSuppressed, suppressionsOf } from './suppress.ts'
import { skippedTests } from './skipped-tests.ts'
import { withHeaderConstants } from './includes.ts'
import { constantsOf, type Constants } from './values.ts'

export interface AnalyseOptions {
  path: string
  testFile: boolean
  enabled: ReadonlySet<string>
  allowedHelpers?: readonly string[]
  /** Report only on these lines (diff-aware mode). */
  lines?: LineSet
  /** Constants of the local headers a C or C++ file includes (includes.ts). */
  headerConstants?: readonly Constants[]
}

export function analyse(
  facts: FileFacts,
  options: AnalyseOptions,
): { findings: Finding[]; suppressed: number } {
  const language = languageById(facts.language)
  const consts = withHeaderConstants(constantsOf(facts), options.headerConstants ?? [])
  const shared = {
    facts,
    family: language.family,
    language: facts.language,
    path: options.path,
    testFile: options.testFile,
    consts,
    listeners: listenersOf(facts, language.family, consts),
    spawned: spawnedServers(facts, consts),
    allowedHelpers: options.allowedHelpers ?? [],
  }
  const ctx = { ...shared, goroutines: goroutineServers(shared) }
  const suppressions = suppressionsOf(facts.comments)
  const skipped = skippedTests(facts, language.family)
  const findings: Finding[] = []
  const occurrences = new Map<string, number>()
  let suppressed = 0
  for (const hit of runRules(ctx, options.enabled)) {
    const key = `${hit.rule}\0${hit.code.replace(/\s+/g, ' ')}`
    const occurrence = occurrences.get(key) ?? 0
    occurrences.set(key, occurrence + 1)
    const lines = options.lines
    if (lines !== undefined && !spanChanged(lines, hit.at.line, hit.at.endLine)) continue
    if (skipped.some((s) => contains(s, hit.at))) continue
    if (isSuppressed(suppressions, hit.rule, hit.at.line, hit.at.endLine)) {
      suppressed++
      continue
    }
    findings.push({
      rule: hit.rule,
      severity: hit.severity,
      path: options.path,
      line: hit.at.line,
      column: hit.at.column,
      endLine: hit.at.endLine,
      endColumn: hit.at.endColumn,
      language: language.name,
      message: hit.message,
      advice: ruleInfo(hit.rule).advice[language.family],
      fingerprint: fingerprint(hit.rule, options.path, hit.code, occurrence),
    })
  }
  return { findings, suppressed }
}
