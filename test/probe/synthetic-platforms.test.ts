// The python driver's Windows and macOS code paths, run on Linux over SYNTHETIC socket modules
// (test/fixtures/fake_platforms): Winsock codes as CPython raises them, Darwin errno numbers, and
// the constants each platform lacks. Nothing here is a measurement of Windows or macOS.
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { startPythonDriver, type PythonDriver } from '../../src/probe/drivers/python-driver.ts'
import type { ScenarioResult } from '../../src/probe/model.ts'
import { compileAll } from '../../src/probe/probe.ts'
import { runScenarios } from '../../src/probe/run.ts'
import { judge } from '../../src/report/verdict.ts'

const FAKE = fileURLToPath(
  new URL('../fixtures/fake_platforms/run_fake_driver.py', import.meta.url),
)
const osScenarios = compileAll(CATALOGUE).filter((c) => c.driver === 'python')
const drivers: PythonDriver[] = []

async function synthetic(platform: 'windows' | 'macos') {
  const driver = await startPythonDriver([['python3', FAKE, platform]])
  drivers.push(driver)
  const results = await runScenarios({
    scenarios: osScenarios,
    drivers: { python: driver },
    repeat: 1,
    concurrency: 1,
    scenarioTimeoutMs: 5_000,
    globalTimeoutMs: 60_000,
  })
  return new Map(results.map((r) => [r.id, r]))
}

afterAll(async () => {
  await Promise.all(drivers.map((d) => d.close()))
})

const byId = new Map(CATALOGUE.map((s) => [s.id, s]))
const verdicts = (os: 'windows' | 'macos', results: Map<string, ScenarioResult>) =>
  [...results.values()].map((r) => ({ id: r.id, verdict: judge(byId.get(r.id)!, r, os).verdict }))

describe('the python driver over a synthetic Windows socket module', async () => {
  const results = await synthetic('windows')

  it('names WSAEADDRINUSE as EADDRINUSE and keeps the Winsock code', () => {
    expect(results.get('tcp4-dup-loopback-default')).toMatchObject({
      outcome: 'EADDRINUSE',
      raw: { name: 'WSAEADDRINUSE', errno: 10048, winerror: 10048, exception: 'OSError' },
    })
  })

  it('names WSAEACCES, which CPython raises as PermissionError with errno 13, EACCES', () => {
    expect(results.get('tcp4-reuseaddr-second-only-dup-loopback')).toMatchObject({
      outcome: 'EACCES',
      raw: { errno: 13, winerror: 10013, exception: 'PermissionError' },
    })
  })

  it('records SO_REUSEPORT as unsupported, and uses SO_EXCLUSIVEADDRUSE where bind_port would', () => {
    expect(results.get('tcp4-reuseport-both-dup-bind')).toMatchObject({
      outcome: 'unsupported',
      step: 'A setsockopt SO_REUSEPORT 1',
      raw: { missingConstant: 'SO_REUSEPORT' },
    })
    const freePort = results.get('tcp4-freeport-close-rebind')!
    expect(freePort.trace[1]).toEqual({ step: 'T setsockopt? SO_EXCLUSIVEADDRUSE 1', status: 'ok' })
  })

  it('lines up with the documented Windows expectations (the model was written from them)', () => {
    const off = verdicts('windows', results).filter(
      (v) => !['matches', 'confirmed', 'measurement', 'settled'].includes(v.verdict),
    )
    expect(off).toEqual([])
  })
})

describe('the python driver over a synthetic macOS socket module', async () => {
  const results = await synthetic('macos')

  it('names Darwin errno 48 EADDRINUSE and 49 EADDRNOTAVAIL', () => {
    expect(results.get('tcp4-reuseaddr-both-dup-wildcard-nolisten')).toMatchObject({
      outcome: 'EADDRINUSE',
      raw: { name: 'EADDRINUSE', errno: 48 },
    })
    expect(results.get('tcp4-two-loopback-addrs-default')).toMatchObject({
      outcome: 'EADDRNOTAVAIL',
      raw: { errno: 49 },
    })
  })

  it('records SO_EXCLUSIVEADDRUSE as unsupported, and skips bind_port’s optional use of it', () => {
    expect(results.get('tcp4-exclusive-then-default-loopback')).toMatchObject({
      outcome: 'unsupported',
      raw: { missingConstant: 'SO_EXCLUSIVEADDRUSE' },
    })
    const freePort = results.get('tcp4-freeport-close-rebind')!
    expect(freePort.outcome).toBe('ok')
    expect(freePort.trace[1]!.status).toBe('skipped')
  })

  it('reports an earlier failing bind as the outcome at that step', () => {
    expect(results.get('tcp4-reuseaddr-both-dup-second-listen')).toMatchObject({
      outcome: 'EADDRINUSE',
      step: 'B bind lo4:P',
    })
  })

  it('lines up with the documented macOS expectations (the model was written from them)', () => {
    const off = verdicts('macos', results).filter(
      (v) => !['matches', 'confirmed', 'measurement', 'settled'].includes(v.verdict),
    )
    expect(off).toEqual([])
  })
})
