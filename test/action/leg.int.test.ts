// One matrix leg in-process: the policy's scan section reaching the scan (rules switched off, extra
// test paths, the size limit), and a probe that fails in part.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readInputs } from '../../src/action/inputs.ts'
import { runLeg } from '../../src/action/leg.ts'
import { loadConfig } from '../../src/config/index.ts'
import type { RunContext } from '../../src/github/index.ts'
import { readLegScans } from '../../src/report/leg-scans.ts'
import { RULE_IDS } from '../../src/scan/rules/catalogue.ts'
import schema from '../../schemas/config.schema.json' with { type: 'json' }
import { recordingLogger } from '../github/support/logger.ts'
import { makeCheckout } from './harness.ts'

const FIXED_PORT =
  'import socket\n\n\ndef test_server():\n    socket.socket().bind(("127.0.0.1", 8080))\n'

async function scanWith(policy: string) {
  const checkout = makeCheckout(
    { 'README.md': 'a project\n' },
    { 'tests/test_a.py': FIXED_PORT, 'integration/check_b.py': FIXED_PORT },
  )
  const leg = await runLeg({
    inputs: readInputs((name) => ({ scan: 'all', only: 'udp4-dup-loopback-default' })[name] ?? ''),
    config: loadConfig(policy),
    workspace: checkout.dir,
    logger: recordingLogger(),
  })
  return leg.scan!
}

describe("the policy's scan settings", () => {
  it('finds the fixed port in the conventional test file only, by default', async () => {
    const scan = await scanWith('')
    expect(scan.findings.map((f) => `${f.rule} ${f.path}`)).toEqual(['PORT001 tests/test_a.py'])
  })

  it('treats test-paths as test code, and switches off disable-rules', async () => {
    const more = await scanWith("scan:\n  test-paths: ['integration/**']\n")
    expect(more.findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'PORT001 integration/check_b.py',
      'PORT001 tests/test_a.py',
    ])
    const off = await scanWith(
      "scan:\n  test-paths: ['integration/**']\n  disable-rules: [PORT001]\n",
    )
    expect(off.findings).toEqual([])
  })

  it('skips files over max-file-bytes and counts them', async () => {
    const scan = await scanWith('scan:\n  max-file-bytes: 20\n')
    expect(scan.findings).toEqual([])
    expect(scan.skipped['too-large']).toBe(2)
  })

  it('offers exactly the rules the scanner has', () => {
    const enumerated = schema.properties.scan.properties['disable-rules'].items.enum
    expect(enumerated).toEqual([...RULE_IDS])
  })
})

describe('a leg whose probe fails', () => {
  it('warns once, naming how many scenarios hit probe errors, and keeps the result', async () => {
    const dying = fileURLToPath(new URL('../fixtures/dying_driver.py', import.meta.url))
    const logger = recordingLogger()
    const leg = await runLeg({
      inputs: readInputs((name) => ({ scan: 'off', python: `python3 ${dying}` })[name] ?? ''),
      config: loadConfig(''),
      workspace: '/nonexistent',
      logger,
    })
    const warnings = logger.warnings().filter((w) => w.includes('probe errors'))
    expect(warnings).toHaveLength(1)
    const failed = leg.result.scenarios.filter((s) => s.outcome === 'probe-error').length
    expect(failed).toBeGreaterThan(0)
    expect(warnings[0]).toMatch(
      new RegExp(`^${failed} of ${leg.result.scenarios.length} scenarios hit probe errors`),
    )
  })
})

/** A pull_request context on a checkout made by makeCheckout (the head checked out). */
function prContext(checkout: { baseSha: string; headSha: string }): RunContext {
  return {
    eventName: 'pull_request',
    kind: 'pull_request',
    repo: { owner: 'o', repo: 'r' },
    sha: checkout.headSha,
    headSha: checkout.headSha,
    runId: 1,
    runAttempt: 1,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    pullRequest: {
      number: 1,
      headSha: checkout.headSha,
      baseRef: 'main',
      baseSha: checkout.baseSha,
      fromFork: false,
      source: 'event',
    },
  }
}

describe('the scan of a pull request', () => {
  const only = 'udp4-dup-loopback-default'

  it('says it could not run when the changed lines cannot be told, so the gate hears it', async () => {
    const notGit = mkdtempSync(join(tmpdir(), 'bind-probe-not-git-'))
    writeFileSync(join(notGit, 'test_a.py'), FIXED_PORT)
    const leg = await runLeg({
      inputs: readInputs((name) => ({ scan: 'changed', only })[name] ?? ''),
      config: loadConfig(''),
      workspace: notGit,
      context: prContext({ baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40) }),
      logger: recordingLogger(),
    })
    expect(leg.scan!.findings).toEqual([])
    expect(leg.scan!.failed).toMatch(/^the pull request's changed lines could not be told: /)
    expect(readLegScans([{ source: 'leg', scan: JSON.stringify(leg.scan) }]).problems).toEqual([
      expect.objectContaining({ artifact: 'leg', kind: 'scan' }),
    ])
  })

  it('with scan: all, marks which findings lie on the changed lines and which were there before', async () => {
    const checkout = makeCheckout(
      { 'tests/test_old.py': FIXED_PORT },
      { 'tests/test_new.py': FIXED_PORT },
    )
    const leg = await runLeg({
      inputs: readInputs((name) => ({ scan: 'all', only })[name] ?? ''),
      config: loadConfig(''),
      workspace: checkout.dir,
      context: prContext(checkout),
      logger: recordingLogger(),
    })
    const marks = Object.fromEntries(
      leg.scan!.findings.map((f) => [f.path, (f as { new?: boolean }).new]),
    )
    expect(marks).toEqual({ 'tests/test_new.py': true, 'tests/test_old.py': false })
    expect(leg.scan!.failed).toBeUndefined()
  })
})
