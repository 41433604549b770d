// Findings as check-run annotations (test/github/check-run.test.ts covers the batches of 50).
import { describe, expect, it } from 'vitest'
import { toAnnotation } from '../../src/scan/annotations.ts'
import type { Finding } from '../../src/scan/finding.ts'

function finding(i: number, over: Partial<Finding> = {}): Finding {
  return {
    rule: 'PORT001',
    severity: 'warning',
    path: `test/f${i}.spec.js`,
    line: i + 1,
    column: 3,
    endLine: i + 1,
    endColumn: 20,
    language: 'JavaScript',
    message: 'Test code listens on fixed port 3000.',
    advice: 'Listen on port 0.',
    fingerprint: 'f'.repeat(32),
    ...over,
  }
}

describe('toAnnotation', () => {
  it('maps severities to annotation levels and titles with the rule', () => {
    expect(toAnnotation(finding(0, { severity: 'error' })).annotation_level).toBe('failure')
    expect(toAnnotation(finding(0, { severity: 'note' })).annotation_level).toBe('notice')
    const a = toAnnotation(finding(0))
    expect(a).toMatchObject({
      path: 'test/f0.spec.js',
      start_line: 1,
      end_line: 1,
      start_column: 3,
      end_column: 20,
      annotation_level: 'warning',
      title: 'PORT001 fixed-port-in-test',
    })
    expect(a.message).toBe('Test code listens on fixed port 3000.\n\nFix: Listen on port 0.')
  })

  it('leaves columns out of multi-line annotations, as the Checks API requires', () => {
    const a = toAnnotation(finding(0, { line: 4, endLine: 6 }))
    expect(a).toMatchObject({ start_line: 4, end_line: 6 })
    expect(a).not.toHaveProperty('start_column')
    expect(a).not.toHaveProperty('end_column')
  })

  it('bounds the message size', () => {
    expect(toAnnotation(finding(0, { message: 'x'.repeat(70_000) })).message.length).toBeLessThan(
      65_536,
    )
  })

  it('titles a rule this version does not know (from a leg on another version) by its id', () => {
    expect(toAnnotation(finding(0, { rule: 'PORT999' })).title).toBe('PORT999')
  })
})
