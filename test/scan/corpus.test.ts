// The labelled corpus: every case file's `expect:` labels must match the scan exactly, and the
// measured precision and recall must stay above the floors the issue sets.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CORPUS, evaluateCorpus, type Evaluation } from '../../scripts/eval-scan.ts'
import { LANGUAGES, languageOf } from '../../src/scan/languages.ts'
import { RULE_IDS } from '../../src/scan/rules/catalogue.ts'
import { scan, type ScanResult } from '../../src/scan/scan.ts'
import { grammars, writeTree } from './helpers.ts'

const cases = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.case'))
  .map((p) => p.split('\\').join('/'))
  .sort()

let evaluation: Evaluation
let result: ScanResult

beforeAll(async () => {
  evaluation = await evaluateCorpus()
  const files = Object.fromEntries(
    cases.map((p) => [p.replace(/\.case$/, ''), readFileSync(join(CORPUS, p), 'utf8')]),
  )
  result = await scan({ root: writeTree(files), grammars })
}, 120_000)

describe('the labelled corpus', () => {
  it.each(cases)('%s: findings match the expect labels', (file) => {
    const path = file.replace(/\.case$/, '')
    const expected = readFileSync(join(CORPUS, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const m = /expect:\s*((?:PORT\d{3}\s*)+)/.exec(line)
        return m
          ? m[1]!
              .trim()
              .split(/\s+/)
              .map((rule) => `${rule}@${i + 1}`)
          : []
      })
      .sort()
    const found = result.findings
      .filter((f) => f.path === path)
      .map((f) => `${f.rule}@${f.line}`)
      .sort()
    expect(found).toEqual(expected)
  })

  it('has at least 80 cases, with positives and negatives for every rule', () => {
    expect(evaluation.cases).toBeGreaterThanOrEqual(80)
    for (const id of RULE_IDS) {
      expect(evaluation.casesByRule[id]!.positive, `${id} positives`).toBeGreaterThan(0)
      expect(evaluation.casesByRule[id]!.negative, `${id} negatives`).toBeGreaterThan(0)
    }
  })

  it('covers every language the scan parses', () => {
    const covered = new Set(cases.map((c) => languageOf(c.replace(/\.case$/, ''))?.id))
    for (const l of LANGUAGES) expect(covered, l.name).toContain(l.id)
  })

  it('meets the floors: precision >= 0.9 and recall >= 0.8 overall', () => {
    expect(evaluation.overall.precision).toBeGreaterThanOrEqual(0.9)
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.8)
  })

  it('loses no recall to the trigger-word pre-filter or to focused reading', () => {
    expect(evaluation.overall.recall).toBe(evaluation.recallWithoutPrefilter)
    expect(evaluation.recallFocused).toBe(evaluation.recallWithoutPrefilter)
  })

  it('scores every label once', () => {
    const labels = cases
      .map((c) => readFileSync(join(CORPUS, c), 'utf8'))
      .flatMap((text) => [...text.matchAll(/expect:\s*((?:PORT\d{3}\s*)+)/g)])
      .flatMap((m) => m[1]!.trim().split(/\s+/))
    expect(evaluation.overall.tp + evaluation.overall.fn).toBe(labels.length)
  })
})
