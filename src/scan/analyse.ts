// One file's facts → findings: runs the rules and gives each hit its advice; to-findings.ts
// drops suppressed hits and hits outside the changed lines, and fingerprints the rest. Pure.
import type { FileFacts } from './facts.ts'
import type { Finding } from './finding.ts'
import type { LineSet } from './diff.ts'
import { languageById } from './languages.ts'
import { listenersOf } from './listeners.ts'
import { goroutineServers } from './rules/serve-before-listen/go.ts'
import { spawnedServers } from './spawned-servers.ts'
import { ruleInfo } from './rules/catalogue.ts'
import { runRules } from './rules/index.ts'
import { suppressionsOf } from './suppress.ts'
import { toFindings } from './to-findings.ts'
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
  /** Free-port helper names whose definition in another file picks no port (helper-definitions.ts). */
  countingHelpers?: ReadonlySet<string>
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
    countingHelpers: options.countingHelpers ?? new Set<string>(),
  }
  const ctx = { ...shared, goroutines: goroutineServers(shared) }
  const advice = (rule: string) => ruleInfo(rule).advice[language.family]
  return toFindings(
    runRules(ctx, options.enabled).map((hit) => ({ ...hit, advice: advice(hit.rule) })),
    {
      path: options.path,
      language: language.name,
      suppressions: suppressionsOf(facts.comments),
      skipped: skippedTests(facts, language.family, options.path),
      ...(options.lines !== undefined ? { lines: options.lines } : {}),
    },
  )
}
