// Scores the scan against labelled cases from public repositories' real code
// (test/scan/real-world/labels.json). Only the labels live here: each case's file is read from a
// directory of mirrors or checkouts, its blob SHA checked, and the file scanned alone under its
// own repository path (so test-path detection works as in a real scan).
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Finding } from '../src/scan/finding.ts'
import { Grammars } from '../src/scan/grammars.ts'
import { isProgramSource, runsIt } from '../src/scan/go-programs.ts'
import { directoriesAbove } from '../src/scan/helper-definition-reader.ts'
import { definesFunction, helperNamesCalled } from '../src/scan/helper-definitions.ts'
import { localIncludes } from '../src/scan/includes.ts'
import { languageOf } from '../src/scan/languages.ts'
import { RULE_IDS } from '../src/scan/rules/catalogue.ts'
import { scan } from '../src/scan/scan.ts'

const run = promisify(execFile)

export const LABELS = fileURLToPath(new URL('../test/scan/real-world/labels.json', import.meta.url))
/** The judged samples of unlabelled findings, in the order they were drawn. */
export const JUDGEMENTS = [
  'unlabelled-judgements.json',
  'unlabelled-judgements-2.json',
  'unlabelled-judgements-3.json',
  'unlabelled-judgements-census.json',
  'unlabelled-judgements-census-2.json',
  'unlabelled-judgements-census-3.json',
  'unlabelled-judgements-census-4.json',
  'unlabelled-judgements-census-5.json',
  'unlabelled-judgements-census-6.json',
  'unlabelled-judgements-census-7.json',
  'unlabelled-judgements-census-8.json',
  'unlabelled-judgements-census-10.json',
  'unlabelled-judgements-census-11.json',
  'unlabelled-judgements-census-12.json',
  'unlabelled-judgements-census-13.json',
  'unlabelled-judgements-census-14.json',
  'unlabelled-judgements-census-15.json',
  'unlabelled-judgements-census-16.json',
  'unlabelled-judgements-census-17.json',
  'unlabelled-judgements-census-18.json',
  'unlabelled-judgements-census-19.json',
  'unlabelled-judgements-census-20.json',
  'unlabelled-judgements-census-21.json',
  'unlabelled-judgements-census-22.json',
  'unlabelled-judgements-census-23.json',
  'unlabelled-judgements-census-24.json',
  'unlabelled-judgements-census-25.json',
  'unlabelled-judgements-census-26.json',
  'unlabelled-judgements-census-27.json',
  'unlabelled-judgements-census-28.json',
  'unlabelled-judgements-census-29.json',
  'unlabelled-judgements-census-30.json',
  'unlabelled-judgements-census-31.json',
  'unlabelled-judgements-census-39.json',
  'unlabelled-judgements-census-46.json',
].map((name) => fileURLToPath(new URL(`../test/scan/real-world/${name}`, import.meta.url)))
/**
 * Judged findings of whole-repository scans of repositories outside the corpus: the precision a
 * user meets on code nobody tuned the rules on. Each names its repositories' commits.
 */
export const FRESH_CENSUSES = [
  'fresh-repos-census-32.json',
  'fresh-repos-census-33.json',
  'fresh-repos-census-34.json',
  'fresh-repos-census-35.json',
  'fresh-repos-census-36.json',
  'fresh-repos-census-37.json',
  'fresh-repos-census-38.json',
  'fresh-repos-census-40.json',
  'fresh-repos-census-41.json',
  'fresh-repos-census-42.json',
  'fresh-repos-census-43.json',
  'fresh-repos-census-44.json',
  'fresh-repos-census-45.json',
  'fresh-repos-census-46.json',
  'fresh-repos-census-47.json',
  'fresh-repos-census-48.json',
  'fresh-repos-census-49.json',
  'fresh-repos-census-50.json',
  'fresh-repos-census-51.json',
  'fresh-repos-census-52.json',
  'fresh-repos-census-53.json',
  'fresh-repos-census-54.json',
  'fresh-repos-census-55.json',
  'fresh-repos-census-56.json',
  'fresh-repos-census-57.json',
  'fresh-repos-census-58.json',
  'fresh-repos-census-59.json',
  'fresh-repos-census-60.json',
  'fresh-repos-census-61.json',
  'fresh-repos-census-62.json',
  'fresh-repos-census-63.json',
  'fresh-repos-census-64.json',
  'fresh-repos-census-65.json',
  'fresh-repos-census-66.json',
  'fresh-repos-census-67.json',
  'fresh-repos-census-68.json',
  'fresh-repos-census-69.json',
  'fresh-repos-census-70.json',
  'fresh-repos-census-71.json',
  'fresh-repos-census-72.json',
  'fresh-repos-census-73.json',
  'fresh-repos-census-74.json',
  'fresh-repos-census-75.json',
  'fresh-repos-census-76.json',
  'fresh-repos-census-77.json',
].map((name) => fileURLToPath(new URL(`../test/scan/real-world/${name}`, import.meta.url)))

export const REAL_WORLD_ENV = 'BIND_PROBE_REAL_WORLD_DIR'

export interface RealWorldCase {
  id: string
  repository: string
  commit: string
  path: string
  line: number
  blob: string
  language: string
  label: 'flag' | 'clean'
  rules: string[]
  pattern: string
  reason: string
  provenance: string
}

export interface Labels {
  heldOut: { method: string; seed: string; repositories: string[] }
  /**
   * Repositories labelled after the rules were changed on the other two sets: a test of whether
   * the changes carry over to code nobody looked at while making them. Neither guiding nor held out.
   */
  fresh?: { method: string; repositories: string[] }
  cases: RealWorldCase[]
}

const HEX40 = /^[0-9a-f]{40}$/

/** Reads and checks the labels file; a bad entry is an error naming the case and the field. */
export async function loadLabels(file = LABELS): Promise<Labels> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Labels
  const ids = new Set<string>()
  for (const [i, c] of data.cases.entries()) {
    const where = `${file}: cases[${i}] (${c.id ?? 'no id'})`
    if (!c.id || ids.has(c.id)) throw new Error(`${where}: id missing or repeated`)
    ids.add(c.id)
    if (!/^[\w.-]+\/[\w.-]+$/.test(c.repository)) throw new Error(`${where}: repository`)
    if (!HEX40.test(c.commit)) throw new Error(`${where}: commit is not 40 hex digits`)
    if (!HEX40.test(c.blob)) throw new Error(`${where}: blob is not 40 hex digits`)
    if (!Number.isInteger(c.line) || c.line < 1) throw new Error(`${where}: line`)
    if (c.label !== 'flag' && c.label !== 'clean') throw new Error(`${where}: label`)
    if (!c.rules.length || c.rules.some((r) => !RULE_IDS.includes(r)))
      throw new Error(`${where}: rules must be known rule ids`)
  }
  return data
}

/** Git's blob id of some bytes: sha1("blob <size>\0" + bytes). */
export function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/** Places a repository may sit in DIR: fetch's bare mirrors (owner+name/repo), or checkouts. */
function candidates(dir: string, repository: string): string[] {
  const [owner, name] = repository.split('/') as [string, string]
  const plus = `${owner}+${name}`
  return [join(dir, plus, 'repo'), join(dir, plus), join(dir, owner, name), join(dir, name)]
}

export type ReadError = 'no-repository' | 'missing-file' | 'blob-mismatch'

/** The file's bytes at the case's blob, or why they cannot be had. */
export async function readCaseFile(
  dir: string,
  c: Pick<RealWorldCase, 'repository' | 'commit' | 'path' | 'blob'>,
): Promise<Buffer | ReadError> {
  const places = candidates(dir, c.repository).filter((p) => existsSync(p))
  if (places.length === 0) return 'no-repository'
  let seen: Buffer | undefined
  for (const place of places) {
    // A git directory (bare or not) that holds the commit answers exactly.
    try {
      const { stdout } = await run(
        'git',
        ['-C', place, 'cat-file', 'blob', `${c.commit}:${c.path}`],
        {
          encoding: 'buffer',
          maxBuffer: 64 * 1024 * 1024,
        },
      )
      seen = stdout
      if (blobSha(stdout) === c.blob) return stdout
    } catch {
      // not a git directory, or the commit is not in it: try the work tree
    }
    const file = join(place, c.path)
    if (existsSync(file) && statSync(file).isFile()) {
      const bytes = await readFile(file)
      seen = bytes
      if (blobSha(bytes) === c.blob) return bytes
    }
  }
  return seen ? 'blob-mismatch' : 'missing-file'
}

/**
 * The local headers a C or C++ case file includes, at the case's commit, so that the scan sees the
 * constants it would see in a checkout. The commit pins them; no blob is labelled for them.
 */
async function writeIncludedHeaders(
  dir: string,
  c: Pick<RealWorldCase, 'repository' | 'commit' | 'path'>,
  source: Buffer,
  root: string,
): Promise<void> {
  if (languageOf(c.path)?.family !== 'c') return
  for (const include of localIncludes(source.toString('utf8'))) {
    const header = posix.normalize(posix.join(posix.dirname(c.path), include))
    if (header.startsWith('../')) continue
    for (const place of candidates(dir, c.repository).filter((p) => existsSync(p))) {
      try {
        const { stdout } = await run(
          'git',
          ['-C', place, 'cat-file', 'blob', `${c.commit}:${header}`],
          {
            encoding: 'buffer',
            maxBuffer: 64 * 1024 * 1024,
          },
        )
        await mkdir(dirname(join(root, header)), { recursive: true })
        await writeFile(join(root, header), stdout)
        break
      } catch {
        // not in this place at that commit (or not a git directory): try the next
      }
    }
  }
}

/**
 * The `_test.go` and Bazel BUILD files beside a Go `package main` file, at the case's commit,
 * written empty: the scan asks whether anything runs the directory's program
 * (src/scan/go-programs.ts), as it would in a checkout, and scans only the case's file.
 */
async function writeGoTestSiblings(
  dir: string,
  c: Pick<RealWorldCase, 'repository' | 'commit' | 'path'>,
  source: Buffer,
  root: string,
): Promise<void> {
  if (!isProgramSource(c.path, source.toString('utf8'))) return
  const folder = posix.dirname(c.path)
  for (const place of candidates(dir, c.repository).filter((p) => existsSync(p))) {
    try {
      const within = folder === '.' ? [] : [`${folder}/`]
      const { stdout } = await run('git', [
        '-C',
        place,
        'ls-tree',
        '--name-only',
        c.commit,
        ...within,
      ])
      for (const name of stdout.split('\n').filter((n) => runsIt(posix.basename(n))))
        await writeFile(join(root, name), '', { flag: 'wx' }).catch(() => undefined)
      return
    } catch {
      // not in this place at that commit (or not a git directory): try the next
    }
  }
}

/**
 * The files beside a case file, and in the directories above it, that define a free-port helper
 * it calls without defining (src/scan/helper-definition-reader.ts), at the case's commit, so that
 * the scan reads the definition as it would in a checkout.
 */
async function writeHelperDefinitions(
  dir: string,
  c: Pick<RealWorldCase, 'repository' | 'commit' | 'path'>,
  source: Buffer,
  root: string,
): Promise<void> {
  const family = languageOf(c.path)?.family
  const names = helperNamesCalled(source.toString('utf8'))
  if (!family || names.length === 0) return
  for (const place of candidates(dir, c.repository).filter((p) => existsSync(p))) {
    try {
      for (const folder of directoriesAbove(c.path)) {
        const within = folder === '.' ? '*' : `${folder}/*`
        const { stdout } = await run(
          'git',
          [
            '-C',
            place,
            'grep',
            '-l',
            '-w',
            ...names.flatMap((n) => ['-e', n]),
            c.commit,
            '--',
            `:(glob)${within}`,
          ],
          { maxBuffer: 16 << 20 },
        ).catch((e: { code?: number; stdout?: string }) => {
          // git grep answers 1 when nothing matches
          if (e.code === 1) return { stdout: '' }
          throw e
        })
        for (const line of stdout.split('\n').filter(Boolean)) {
          const path = line.slice(c.commit.length + 1)
          if (path === c.path || languageOf(path)?.family !== family) continue
          const { stdout: text } = await run(
            'git',
            ['-C', place, 'cat-file', 'blob', `${c.commit}:${path}`],
            { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
          )
          if (!names.some((n) => definesFunction(text.toString('utf8'), n, family))) continue
          await mkdir(dirname(join(root, path)), { recursive: true })
          await writeFile(join(root, path), text)
        }
      }
      return
    } catch {
      // not in this place at that commit (or not a git directory): try the next
    }
  }
}

interface Tally {
  tp: number
  fp: number
  fn: number
  tn: number
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0 })

export interface CaseResult {
  case: RealWorldCase
  heldOut: boolean
  set: 'guiding' | 'held-out' | 'fresh'
  /** A finding of one of the case's rules covers its line. */
  matched: boolean
  /** Rules of all findings that cover its line. */
  anyRules: string[]
}

export interface UnlabelledFinding {
  ref: string
  repository: string
  commit: string
  path: string
  line: number
  /** The last line the finding covers (a finding at a helper spans to the bind). */
  endLine?: number
  rule: string
  /** The severity the scan gives it now (not part of its identity; judgements may lack it). */
  severity?: Finding['severity']
  heldOut: boolean
  /** What the finding says (for judging; not part of its identity). */
  message?: string
}

/** A finding of the scan at a file version, as the eval and the censuses keep it. */
export function unlabelledOf(
  f: Finding,
  at: { repository: string; commit: string; path: string },
  ref: string,
  heldOut = false,
): UnlabelledFinding {
  return {
    ref,
    repository: at.repository,
    commit: at.commit,
    path: at.path,
    line: f.line,
    endLine: f.endLine ?? f.line,
    rule: f.rule,
    severity: f.severity,
    heldOut,
    message: f.message,
  }
}

export interface RealWorldEvaluation {
  cases: CaseResult[]
  errors: { id: string; error: ReadError }[]
  files: number
  unlabelled: UnlabelledFinding[]
}

const covers = (f: Finding, line: number) => f.line <= line && line <= (f.endLine ?? f.line)

/** Scans every labelled file version once and scores its cases. */
export async function evaluateRealWorld(
  dir: string,
  labels?: Labels,
): Promise<RealWorldEvaluation> {
  const data = labels ?? (await loadLabels())
  const held = new Set(data.heldOut.repositories)
  const fresh = new Set(data.fresh?.repositories ?? [])
  const setOf = (repository: string): CaseResult['set'] =>
    fresh.has(repository) ? 'fresh' : held.has(repository) ? 'held-out' : 'guiding'
  const groups = new Map<string, RealWorldCase[]>()
  for (const c of data.cases) {
    const key = `${c.repository}@${c.commit}:${c.path}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  const result: RealWorldEvaluation = { cases: [], errors: [], files: 0, unlabelled: [] }
  const grammars = new Grammars()
  const work = await mkdtemp(join(tmpdir(), 'bind-probe-real-world-'))
  try {
    let n = 0
    for (const group of groups.values()) {
      const first = group[0]!
      const findings = await scanFileVersion(dir, first, join(work, String(n++)), grammars)
      if (typeof findings === 'string') {
        for (const c of group) result.errors.push({ id: c.id, error: findings })
        continue
      }
      result.files++
      for (const c of group) {
        const over = findings.filter((f) => covers(f, c.line))
        result.cases.push({
          case: c,
          heldOut: held.has(c.repository),
          set: setOf(c.repository),
          matched: over.some((f) => c.rules.includes(f.rule)),
          anyRules: [...new Set(over.map((f) => f.rule))].sort(),
        })
      }
      for (const f of findings) {
        if (group.some((c) => covers(f, c.line))) continue
        result.unlabelled.push(
          unlabelledOf(
            f,
            first,
            `${first.repository}@${first.commit.slice(0, 12)}:${first.path}:${f.line}:${f.rule}`,
            held.has(first.repository),
          ),
        )
      }
    }
  } finally {
    await grammars.dispose()
    await rm(work, { recursive: true, force: true })
  }
  return result
}

/**
 * The current scan's findings on the files of fresh censuses' judgements, each file version read
 * from DIR (its blob checked) and scanned alone, as the labelled cases are: with `stillFound`,
 * which judged findings the scan still makes.
 */
export async function rescanJudgedFiles(
  dir: string,
  files = FRESH_CENSUSES,
): Promise<{ current: UnlabelledFinding[]; errors: string[] }> {
  const judged = (await loadJudgements(files)) as (Judgement & { blob: string })[]
  const versions = new Map(judged.map((j) => [`${j.repository}@${j.commit}:${j.path}`, j]))
  const current: UnlabelledFinding[] = []
  const errors: string[] = []
  const grammars = new Grammars()
  const work = await mkdtemp(join(tmpdir(), 'bind-probe-fresh-'))
  try {
    let n = 0
    for (const [key, version] of versions) {
      const findings = await scanFileVersion(dir, version, join(work, String(n++)), grammars)
      if (typeof findings === 'string') {
        errors.push(`${key}: ${findings}`)
        continue
      }
      for (const f of findings) current.push(unlabelledOf(f, version, `${key}:${f.line}:${f.rule}`))
    }
  } finally {
    await grammars.dispose()
    await rm(work, { recursive: true, force: true })
  }
  return { current, errors }
}

/**
 * One file version read from DIR (its blob checked) and scanned alone in ROOT, with the local
 * headers it includes, as a pull request's scan would read it; or why it could not be read.
 */
async function scanFileVersion(
  dir: string,
  version: Pick<RealWorldCase, 'repository' | 'commit' | 'path' | 'blob'>,
  root: string,
  grammars: Grammars,
): Promise<Finding[] | ReadError> {
  const bytes = await readCaseFile(dir, version)
  if (typeof bytes === 'string') return bytes
  try {
    await mkdir(dirname(join(root, version.path)), { recursive: true })
    await writeFile(join(root, version.path), bytes)
    await writeIncludedHeaders(dir, version, bytes, root)
    await writeGoTestSiblings(dir, version, bytes, root)
    await writeHelperDefinitions(dir, version, bytes, root)
    return (await scan({ root, paths: [version.path], grammars })).findings
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** Per-rule counts: a case counts once for each of its rules. */
function byRule(results: CaseResult[]): Map<string, Tally> {
  const out = new Map(RULE_IDS.map((id) => [id, tally()]))
  for (const r of results) {
    for (const rule of r.case.rules) {
      const t = out.get(rule)!
      const hit = r.anyRules.includes(rule)
      t[r.case.label === 'flag' ? (hit ? 'tp' : 'fn') : hit ? 'fp' : 'tn']++
    }
  }
  return out
}

/** Per-case counts (matched by any of the case's rules), grouped by a key. */
function byKey(results: CaseResult[], key: (r: CaseResult) => string): Map<string, Tally> {
  const out = new Map<string, Tally>()
  for (const r of results) {
    const k = key(r)
    const t = out.get(k) ?? tally()
    t[r.case.label === 'flag' ? (r.matched ? 'tp' : 'fn') : r.matched ? 'fp' : 'tn']++
    out.set(k, t)
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)))
}

const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(2))

function table(title: string, rows: Map<string, Tally>): string[] {
  const lines = [
    `| ${title} | flags | found | missed | cleans | false alarms | precision | recall |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ]
  const total = tally()
  for (const [name, t] of rows) {
    if (t.tp + t.fn + t.fp + t.tn === 0) continue
    for (const k of ['tp', 'fp', 'fn', 'tn'] as const) total[k] += t[k]
    lines.push(row(name, t))
  }
  lines.push(row('**all**', total))
  return lines
}

function row(name: string, t: Tally): string {
  return `| ${name} | ${t.tp + t.fn} | ${t.tp} | ${t.fn} | ${t.fp + t.tn} | ${t.fp} | ${ratio(t.tp, t.tp + t.fp)} | ${ratio(t.tp, t.tp + t.fn)} |`
}

/**
 * A deterministic sample (mulberry32 over a seed) of at most n unlabelled findings, at most
 * perFile from one file (so one large test file cannot stand for a rule).
 */
export function sampleUnlabelled(
  items: readonly UnlabelledFinding[],
  n: number,
  seed = 20260821,
  perFile = Number.POSITIVE_INFINITY,
): UnlabelledFinding[] {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pool = [...items].sort((a, b) => a.ref.localeCompare(b.ref))
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  const taken = new Map<string, number>()
  const picked = pool.filter((item) => {
    const file = `${item.repository}@${item.commit}:${item.path}`
    const count = taken.get(file) ?? 0
    if (count >= perFile) return false
    taken.set(file, count + 1)
    return true
  })
  return picked.slice(0, n).sort((a, b) => a.ref.localeCompare(b.ref))
}

export function renderRealWorld(e: RealWorldEvaluation): string {
  const parts: string[] = []
  const sets: [string, CaseResult[]][] = [
    ['guiding', e.cases.filter((r) => r.set === 'guiding')],
    ['held-out', e.cases.filter((r) => r.set === 'held-out')],
    ...(e.cases.some((r) => r.set === 'fresh')
      ? [['fresh', e.cases.filter((r) => r.set === 'fresh')] as [string, CaseResult[]]]
      : []),
    ['all', e.cases],
  ]
  const flags = e.cases.filter((r) => r.case.label === 'flag')
  parts.push(
    `Real-world corpus: ${e.cases.length + e.errors.length} cases, ${e.cases.length} scored from ${e.files} file versions; ` +
      `${e.errors.length} skipped (${[...new Set(e.errors.map((x) => x.error))].join(', ') || 'none'}).`,
    `Flags found by a finding of the expected rule: ${flags.filter((r) => r.matched).length}/${flags.length}; ` +
      `by a finding of any rule: ${flags.filter((r) => r.anyRules.length > 0).length}/${flags.length}.`,
  )
  for (const [name, results] of sets) {
    parts.push('', `### ${name} set (${results.length} cases)`, '')
    parts.push(...table('rule', byRule(results)), '')
    parts.push(
      ...table(
        'language',
        byKey(results, (r) => r.case.language),
      ),
    )
  }
  const missed = flags.filter((r) => !r.matched)
  if (missed.length) {
    parts.push('', 'Missed flags:')
    for (const r of missed)
      parts.push(
        `  ${r.case.id}${r.set === 'guiding' ? '' : ` (${r.set})`} ${r.case.rules.join(',')}: ${r.case.pattern}` +
          (r.anyRules.length ? ` [found by ${r.anyRules.join(',')}]` : ''),
      )
  }
  const alarms = e.cases.filter((r) => r.case.label === 'clean' && r.matched)
  if (alarms.length) {
    parts.push('', 'False alarms on clean cases:')
    for (const r of alarms)
      parts.push(
        `  ${r.case.id}${r.set === 'guiding' ? '' : ` (${r.set})`} ${r.anyRules.join(',')}: ${r.case.pattern}`,
      )
  }
  if (e.errors.length) {
    parts.push('', 'Skipped cases:')
    for (const x of e.errors) parts.push(`  ${x.id}: ${x.error}`)
  }
  parts.push('', `Findings on lines nobody labelled: ${e.unlabelled.length}.`)
  return `${parts.join('\n')}\n`
}

export interface Judgement extends UnlabelledFinding {
  verdict: 'true' | 'false' | null
  reason: string
}

/** Every judged finding of the committed samples. */
export async function loadJudgements(files = JUDGEMENTS): Promise<Judgement[]> {
  const out: Judgement[] = []
  for (const file of files) {
    if (!existsSync(file)) continue
    out.push(
      ...(JSON.parse(await readFile(file, 'utf8')) as { judgements: Judgement[] }).judgements,
    )
  }
  return out
}

/**
 * Whether the scan still makes a judged finding: one of the same rule in the same file version
 * covers the judged line. A finding whose span grew (it now starts at the statement that starts a
 * server, or at a helper's definition) is the same finding, as for labels.
 */
export function stillFound(
  current: readonly UnlabelledFinding[],
): (j: UnlabelledFinding) => boolean {
  const covering = coveringOf(current)
  return (j) => covering(j).length > 0
}

/** The current findings that cover a judged one. */
function coveringOf(
  current: readonly UnlabelledFinding[],
): (j: UnlabelledFinding) => UnlabelledFinding[] {
  const byFile = Map.groupBy(current, place)
  return (j) => (byFile.get(place(j)) ?? []).filter((f) => coversJudged(f, j))
}

const SEVERITIES = ['error', 'warning', 'note'] as const

/** The severity the scan now gives a judged finding: the strongest of the findings covering it. */
export function severityNow(
  current: readonly UnlabelledFinding[],
): (j: UnlabelledFinding) => Finding['severity'] | undefined {
  const covering = coveringOf(current)
  return (j) => {
    const over = covering(j)
    return SEVERITIES.find((s) => over.some((f) => f.severity === s))
  }
}

/** A finding covers a judged one: the same rule in the same file version, over its line. */
export function coversJudged(f: UnlabelledFinding, j: UnlabelledFinding): boolean {
  return place(f) === place(j) && f.line <= j.line && j.line <= (f.endLine ?? f.line)
}

const place = (f: UnlabelledFinding) => `${f.repository}@${f.commit}:${f.path}:${f.rule}`

/**
 * The judged findings the scan still makes, by the severity it now gives them: what fails the
 * gate by default (error) is meant to be the part measured ≥ 0.90 precise.
 */
function bySeverity(
  judged: readonly Judgement[],
  now: (j: UnlabelledFinding) => Finding['severity'] | undefined,
): string[] {
  const kept = judged.filter((j) => now(j))
  if (!kept.length) return []
  const cells = SEVERITIES.map((severity) => {
    const js = kept.filter((j) => now(j) === severity)
    const t = js.filter((j) => j.verdict === 'true').length
    return `${severity} ${t} of ${js.length} (${ratio(t, js.length)})`
  })
  return ['', `Still found, by the severity the scan now gives them: ${cells.join(', ')}.`]
}

/**
 * Summary of the committed judgements of sampled unlabelled findings, sample by sample and
 * together. With the current scan's unlabelled findings, also which judged findings it still
 * makes: after a rule change, their verdicts give the precision of what is left without judging
 * anything again.
 */

export async function renderJudgements(
  files = JUDGEMENTS,
  current?: readonly UnlabelledFinding[],
): Promise<string> {
  const samples = await Promise.all(
    files.map(async (file, i): Promise<[string, Judgement[]]> => {
      if (!existsSync(file)) return [`sample ${i + 1}`, []]
      // A file may name itself ("census"); otherwise it is the n-th sample.
      const { title } = JSON.parse(await readFile(file, 'utf8')) as { title?: string }
      return [title ?? `sample ${i + 1}`, await loadJudgements([file])]
    }),
  )
  const lines: string[] = []
  const found = current && stillFound(current)
  const named: [string, Judgement[]][] = [...samples]
  if (samples.filter(([, js]) => js.length).length > 1)
    named.push(['all judged', samples.flatMap(([, js]) => js)])
  for (const [name, judgements] of named) {
    if (!judgements.length) continue
    const judged = judgements.filter((j) => j.verdict)
    lines.push(
      '',
      `Unlabelled findings, ${name}: ${judgements.length}, judged ${judged.length}.`,
      '',
      `| rule | judged | true | false | precision |${found ? ' still found | true | precision |' : ''}`,
      `|---|---:|---:|---:|---:|${found ? '---:|---:|---:|' : ''}`,
    )
    const rules = [...new Set(judged.map((j) => j.rule))].sort()
    for (const rule of [...rules, '**all**']) {
      const js = rule === '**all**' ? judged : judged.filter((j) => j.rule === rule)
      const t = js.filter((j) => j.verdict === 'true').length
      let row = `| ${rule} | ${js.length} | ${t} | ${js.length - t} | ${ratio(t, js.length)} |`
      if (found) {
        const kept = js.filter(found)
        const keptTrue = kept.filter((j) => j.verdict === 'true').length
        row += ` ${kept.length} | ${keptTrue} | ${ratio(keptTrue, kept.length)} |`
      }
      lines.push(row)
    }
    if (current) lines.push(...bySeverity(judged, severityNow(current)))
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}
