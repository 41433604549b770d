// The probe never hangs and never loses what it recorded: crashes, timeouts and a missing Python.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { probe, ProbeUsageError } from '../../src/probe/probe.ts'
import { pythonCandidates } from '../../src/probe/drivers/python-driver.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'
import { customScenario } from '../helpers/scenarios.ts'

const CRASHER = fileURLToPath(new URL('../fixtures/crashing_driver.py', import.meta.url))
const FIRST = ['tcp4-dup-loopback-default', 'tcp4-reuseaddr-both-dup-loopback-nolisten']
const REST = ['udp4-dup-loopback-default', 'tcp6-v6only-then-tcp4-wildcard', 'node-udp-dup-default']

describe('a python driver that crashes mid-run', () => {
  it('keeps the results it recorded and marks only the rest probe-error', async () => {
    const result = await probe({
      only: [...FIRST, ...REST],
      pythonCandidates: [['python3', CRASHER]],
      concurrency: 1,
    })
    const byId = new Map(result.scenarios.map((s) => [s.id, s]))
    expect(byId.get(FIRST[0]!)!.outcome).toBe('EADDRINUSE')
    expect(byId.get(FIRST[1]!)!.outcome).toBe('ok')
    for (const id of REST.slice(0, 2)) {
      expect(byId.get(id)).toMatchObject({ outcome: 'probe-error' })
      expect(byId.get(id)!.reason).toMatch(/python driver exited \(exit code 3\).*simulated crash/)
    }
    expect(byId.get('node-udp-dup-default')!.outcome).toBe('EADDRINUSE') // the node driver goes on
    expect(result.drivers.find((d) => d.name === 'python')).toMatchObject({ status: 'crashed' })
    expect(resultProblems(result)).toEqual([])
  })
})

describe('timeouts', () => {
  const slow = customScenario('custom-slow', ['A = socket tcp4', '=> A bind lo4:0', 'sleep 5000'])
  const quick = customScenario('custom-quick', ['A = socket tcp4', '=> A bind lo4:0'])

  it('turns a scenario that overruns its timeout into probe-error and runs the others', async () => {
    const result = await probe({
      only: ['custom-slow', 'custom-quick'],
      extraScenarios: [slow, quick],
      scenarioTimeoutMs: 300,
    })
    expect(result.scenarios[0]).toMatchObject({ id: 'custom-slow', outcome: 'probe-error' })
    expect(result.scenarios[0]!.reason).toMatch(/within 300 ms/)
    expect(result.scenarios[1]).toMatchObject({ id: 'custom-quick', outcome: 'ok' })
  })

  it('stops the whole probe at the global timeout and says so', async () => {
    const sleeps = [200, 5000, 200].map((ms, i) =>
      customScenario(`custom-sleep-${i}`, [`=> sleep ${ms}`], { runAlone: true }),
    )
    const started = performance.now()
    const result = await probe({
      only: sleeps.map((s) => s.id),
      extraScenarios: sleeps,
      globalTimeoutMs: 1500,
    })
    expect(performance.now() - started).toBeLessThan(10_000) // bounded, not a performance figure
    expect(result.scenarios.map((s) => s.outcome)).toEqual(['ok', 'probe-error', 'probe-error'])
    for (const cut of result.scenarios.slice(1))
      expect(cut.reason).toMatch(/global timeout \(1500 ms\)/)
  })
})

describe('without Python', () => {
  const missing = [['/nonexistent/python3'], ['/nonexistent/py', '-3']]

  it('skips the OS scenarios with the reason, runs the node ones, and still succeeds', async () => {
    const warnings: string[] = []
    const result = await probe({
      only: ['tcp4-dup-loopback-default', 'node-tcp-two-servers-same-port'],
      pythonCandidates: missing,
      onWarning: (m) => warnings.push(m),
    })
    expect(result.scenarios[0]).toMatchObject({ outcome: 'skipped' })
    expect(result.scenarios[0]!.reason).toMatch(/no Python 3.6\+ found.*BIND_PROBE_PYTHON/)
    expect(result.scenarios[1]).toMatchObject({ outcome: 'EADDRINUSE' })
    expect(result.drivers.find((d) => d.name === 'python')).toMatchObject({ status: 'unavailable' })
    expect(warnings).toHaveLength(1)
    expect(resultProblems(result)).toEqual([])
  })

  it('fails with one clear message when the python driver was asked for by name', async () => {
    await expect(probe({ drivers: ['python'], pythonCandidates: missing })).rejects.toThrow(
      ProbeUsageError,
    )
  })

  it('tries the next interpreter when one does not answer the handshake', async () => {
    const result = await probe({
      only: ['tcp4-dup-loopback-default'],
      pythonCandidates: [['false'], ['python3']],
    })
    expect(result.scenarios[0]!.outcome).toBe('EADDRINUSE')
  })

  it('looks for python, then the py launcher, first on Windows; BIND_PROBE_PYTHON wins', () => {
    expect(pythonCandidates('win32', undefined)).toEqual([['python'], ['py', '-3'], ['python3']])
    expect(pythonCandidates('linux', undefined)[0]).toEqual(['python3'])
    expect(pythonCandidates('linux', '/opt/py/bin/python3.13 -I')).toEqual([
      ['/opt/py/bin/python3.13', '-I'],
    ])
  })
})
