// SARIF output against the official OASIS schema and GitHub's documented upload requirements.
import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/scan/finding.ts'
import { RULES } from '../../src/scan/rules/catalogue.ts'
import { pathToUri, toSarif } from '../../src/scan/sarif.ts'
import { SARIF_SCHEMA as schema, sarifValidator as validator } from '../helpers/sarif-schema.ts'
import { scanFiles } from './helpers.ts'

let findings: Finding[]

beforeAll(async () => {
  const r = await scanFiles({
    'tests/test_a.py': 'import socket\nsocket.socket().bind(("", 8080))\n',
    'test/weird name #1/a b.spec.js': 'it("x", () => { server.listen(3000) })\n',
    'src/π.go':
      'package p\n\nimport "testing"\n\nfunc TestX(t *testing.T) {\n\tnet.Listen("tcp", ":8080")\n}\n',
  })
  findings = r.findings
  expect(findings.length).toBe(3)
})

describe('toSarif', () => {
  it('uses the unmodified OASIS schema (whitespace aside)', () => {
    const canonical = createHash('sha256').update(JSON.stringify(schema)).digest('hex')
    expect(canonical).toBe('f8e9757f9f867ab381d482471ba4150c06f35f012ec12b97c4ef2ca633af5353')
  })

  it('validates against the SARIF 2.1.0 schema, with and without results', () => {
    const validate = validator()
    for (const log of [
      toSarif(findings, { version: '0.1.0' }),
      toSarif([], { version: '0.1.0', category: 'scan' }),
    ]) {
      const ok = validate(log)
      expect(validate.errors ?? []).toEqual([])
      expect(ok).toBe(true)
    }
  })

  it('the validator rejects what the schema forbids (so the check can fail)', () => {
    const validate = validator()
    const log = toSarif(findings, { version: '0.1.0' }) as unknown as {
      runs: { results: { level: string }[] }[]
    }
    log.runs[0]!.results[0]!.level = 'critical'
    expect(validate(log)).toBe(false)
  })

  it("meets GitHub's required properties for code scanning", () => {
    const log = toSarif(findings, {
      version: '1.2.3',
      informationUri: 'https://example.org/bind-probe',
    })
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]!
    expect(run.tool.driver).toMatchObject({ name: 'bind-probe', semanticVersion: '1.2.3' })
    const rules = run.tool.driver.rules!
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id))
    for (const rule of rules) {
      expect(rule.shortDescription?.text.length).toBeGreaterThan(0)
      expect(rule.shortDescription!.text.length).toBeLessThanOrEqual(1024)
      expect(rule.fullDescription?.text.length).toBeGreaterThan(0)
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024)
      expect(rule.help?.text.length).toBeGreaterThan(0)
      expect(rule.name!.length).toBeLessThanOrEqual(255)
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties?.precision)
      expect(['error', 'warning', 'recommendation']).toContain(
        rule.properties?.['problem.severity'],
      )
      expect((rule.properties?.tags as string[]).length).toBeLessThanOrEqual(20)
    }
    expect(run.results!.length).toBeLessThanOrEqual(25_000)
    for (const result of run.results!) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId)
      expect(result.message.text!.length).toBeGreaterThan(0)
      expect(result.locations).toHaveLength(1)
      const { artifactLocation, region } = result.locations![0]!.physicalLocation!
      expect(artifactLocation!.uri).not.toMatch(/^[a-z]+:|^\//)
      expect(region).toEqual({
        startLine: expect.any(Number),
        startColumn: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
      })
      expect(result.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/)
    }
  })

  it('percent-encodes paths into relative URIs that round-trip', () => {
    expect(pathToUri('test/weird name #1/a b.spec.js')).toBe(
      'test/weird%20name%20%231/a%20b.spec.js',
    )
    expect(pathToUri('src/π.go')).toBe('src/%CF%80.go')
    for (const f of findings) {
      const uri = pathToUri(f.path)
      expect(decodeURIComponent(uri)).toBe(f.path)
      expect(new URL(uri, 'file:///repo/').pathname).toBe(`/repo/${uri}`)
    }
  })

  it('sets the analysis category for several uploads per commit', () => {
    expect(
      toSarif([], { version: '1.0.0', category: 'bind-probe/linux' }).runs[0]!.automationDetails,
    ).toEqual({
      id: 'bind-probe/linux/',
    })
  })
})
