// Measures the scan against the labelled corpus in test/scan/corpus: each file ends in `.case`
// (so this project's own linters leave it alone) and marks the lines a rule must flag with an
// `expect: PORT001` comment; every other line is a negative. Prints precision and recall per
// rule and per language, with and without the trigger-word pre-filter.
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Grammars } from '../src/scan/grammars.ts'
import { COMPOSE_LANGUAGE, isComposeFile } from '../src/scan/compose.ts'
import { languageOf } from '../src/scan/languages.ts'
import { RULE_IDS } from '../src/scan/rules/catalogue.ts'
import { scan } from '../src/scan/scan.ts'
import {
  coversJudged,
  evaluateRealWorld,
  REAL_WORLD_ENV,
  loadJudgements,
  renderJudgements,
  rescanJudgedFiles,
  FRESH_CENSUSES,
  renderRealWorld,
  sampleUnlabelled,
} from './eval-real-world.ts'

export const CORPUS = fileURLToPath(new URL('../test/scan/corpus/', import.meta.url))

export interface Score {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
}

export interface Evaluation {
  cases: number
  casesByRule: Record<string, { positive: number; negative: number }>
  overall: Score
  byRule: Record<string, Score>
  byLanguage: Record<string, Score>
  /** Recall with every readable file parsed, to show the pre-filter loses nothing. */
  recallWithoutPrefilter: number
  /** Recall when every non-test file is read around its trigger words only (focus mode). */
  recallFocused: number
  falsePositives: string[]
  falseNegatives: string[]
}

function score(tp: number, fp: number, fn: number): Score {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  }
}

async function listCases(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.case')) out.push(join(entry.parentPath, entry.name))
  }
  return out.sort()
}

export async function evaluateCorpus(corpus = CORPUS): Promise<Evaluation> {
  const files = await listCases(corpus)
  const expected = new Set<string>()
  const casesByRule: Evaluation['casesByRule'] = Object.fromEntries(
    RULE_IDS.map((id) => [id, { positive: 0, negative: 0 }]),
  )
  const work = await mkdtemp(join(tmpdir(), 'bind-probe-corpus-'))
  try {
    await cp(corpus, work, { recursive: true })
    for (const file of files) {
      const rel = relative(corpus, file)
        .split('\\')
        .join('/')
        .replace(/\.case$/, '')
      await rename(join(work, `${rel}.case`), join(work, rel))
      const text = await readFile(file, 'utf8')
      text.split('\n').forEach((line, i) => {
        const m = /expect:\s*((?:PORT\d{3}\s*)+)/.exec(line)
        if (m) for (const rule of m[1]!.trim().split(/\s+/)) expected.add(`${rel}:${i + 1}:${rule}`)
      })
      const header = /case:\s*(.*)$/m.exec(text)?.[1] ?? ''
      for (const m of header.matchAll(/(PORT\d{3})\s+(positive|negative)/g)) {
        casesByRule[m[1]!]![m[2] as 'positive' | 'negative']++
      }
    }
    const grammars = new Grammars()
    const filtered = await scan({ root: work, grammars })
    const everything = await scan({ root: work, grammars, parseAll: true })
    const focused = await scan({ root: work, grammars, focusMinChars: 0 })
    await grammars.dispose()

    const found = new Set(filtered.findings.map((f) => `${f.path}:${f.line}:${f.rule}`))
    const foundAll = new Set(everything.findings.map((f) => `${f.path}:${f.line}:${f.rule}`))
    const tally = (keep: (key: string) => boolean): Score => {
      const exp = [...expected].filter(keep)
      const got = [...found].filter(keep)
      const tp = got.filter((k) => expected.has(k)).length
      return score(tp, got.length - tp, exp.length - tp)
    }
    const ruleOf = (key: string) => key.slice(key.lastIndexOf(':') + 1)
    const languageOfKey = (key: string) => {
      const path = key.slice(0, key.indexOf(':'))
      return languageOf(path)?.name ?? (isComposeFile(path) ? COMPOSE_LANGUAGE : '?')
    }
    const languages = [...new Set([...expected, ...found].map(languageOfKey))].sort()
    const expAll = [...expected]
    const tpAll = [...foundAll].filter((k) => expected.has(k)).length
    const tpFocused = focused.findings.filter((f) =>
      expected.has(`${f.path}:${f.line}:${f.rule}`),
    ).length
    return {
      cases: files.length,
      casesByRule,
      overall: tally(() => true),
      byRule: Object.fromEntries(RULE_IDS.map((id) => [id, tally((k) => ruleOf(k) === id)])),
      byLanguage: Object.fromEntries(
        languages.map((l) => [l, tally((k) => languageOfKey(k) === l)]),
      ),
      recallWithoutPrefilter: expAll.length === 0 ? 1 : tpAll / expAll.length,
      recallFocused: expAll.length === 0 ? 1 : tpFocused / expAll.length,
      falsePositives: [...found].filter((k) => !expected.has(k)).sort(),
      falseNegatives: expAll.filter((k) => !found.has(k)).sort(),
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function fmt(n: number): string {
  return n.toFixed(2)
}

export function renderEvaluation(e: Evaluation): string {
  const row = (name: string, s: Score) =>
    `| ${name} | ${s.tp} | ${s.fp} | ${s.fn} | ${fmt(s.precision)} | ${fmt(s.recall)} |`
  const head = '| | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|'
  const lines = [
    `Corpus: ${e.cases} cases (files); labelled per rule (positive/negative): ` +
      RULE_IDS.map(
        (id) => `${id} ${e.casesByRule[id]!.positive}/${e.casesByRule[id]!.negative}`,
      ).join(', '),
    '',
    head,
    ...RULE_IDS.map((id) => row(id, e.byRule[id]!)),
    row('**overall**', e.overall),
    '',
    head.replace('| |', '| language |'),
    ...Object.entries(e.byLanguage).map(([l, s]) => row(l, s)),
    '',
    `Recall without the trigger-word pre-filter: ${fmt(e.recallWithoutPrefilter)} (with it: ${fmt(e.overall.recall)}; ` +
      `with every non-test file read around its trigger words only: ${fmt(e.recallFocused)}).`,
  ]
  if (e.falsePositives.length)
    lines.push('', 'False positives:', ...e.falsePositives.map((k) => `  ${k}`))
  if (e.falseNegatives.length)
    lines.push('', 'False negatives:', ...e.falseNegatives.map((k) => `  ${k}`))
  return `${lines.join('\n')}\n`
}

// `--real-world DIR` (or BIND_PROBE_REAL_WORLD_DIR) scores the labelled cases from public
// repositories instead, reading their files from DIR; `--sample-unlabelled FILE` also writes a
// fixed-seed sample of 100 findings on lines nobody labelled, to be judged by hand.
async function main(args: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = args.indexOf(name)
    if (i < 0) return undefined
    const value = args[i + 1]
    if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`)
    return value
  }
  const dir = flag('--real-world') ?? process.env[REAL_WORLD_ENV]
  if (!dir) {
    process.stdout.write(renderEvaluation(await evaluateCorpus()))
    return
  }
  if (!existsSync(dir)) throw new Error(`--real-world ${dir}: no such directory`)
  const evaluation = await evaluateRealWorld(dir)
  const fresh = await rescanJudgedFiles(dir)
  process.stdout.write(
    renderRealWorld(evaluation) +
      (await renderJudgements(undefined, evaluation.unlabelled)) +
      '\n### Whole-repository scans of repositories outside the corpus\n' +
      (await renderJudgements(FRESH_CENSUSES, fresh.current)) +
      (fresh.errors.length ? `\nSkipped judged files: ${fresh.errors.join('; ')}\n` : ''),
  )
  const out = flag('--sample-unlabelled')
  if (out) {
    // A new sample leaves out what an earlier one judged (a judged line the finding covers).
    const judged = await loadJudgements()
    const seed = Number(flag('--seed') ?? 20260821)
    const perFile = Number(flag('--per-file') ?? Number.POSITIVE_INFINITY)
    const pool = evaluation.unlabelled.filter((f) => !judged.some((j) => coversJudged(f, j)))
    const judgements = sampleUnlabelled(pool, 100, seed, perFile).map((s) => ({
      ...s,
      verdict: null,
      reason: '',
    }))
    await writeFile(out, `${JSON.stringify({ seed, perFile, judgements }, null, 2)}\n`)
  }
}

if (import.meta.main) {
  try {
    await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`eval:scan: ${(error as Error).message}\n`)
    process.exitCode = 2
  }
}
