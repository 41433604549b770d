// The probe never hangs and never loses what it recorded: crashes, timeouts and a missing Python.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { compileAll, probe } from '../../src/probe/probe.ts'
import { ProbeSetupError } from '../../src/probe/setup-error.ts'
import { pythonCandidates } from '../../src/probe/drivers/python-driver.ts'
import { defaultGlobalTimeoutMs, RUN_DEFAULTS } from '../../src/probe/run.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'
import { customScenario } from '../helpers/scenarios.ts'
import { probeInChild } from './probe-in-child.ts'

const CRASHER = fileURLToPath(new URL('../fixtures/crashing_driver.py', import.meta.url))
const DIES_AFTER_16 = fileURLToPath(new URL('../fixtures/dying_driver.py', import.meta.url))
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

describe('a python driver that dies right after a burst of answers', () => {
  it('survives the failed writes, keeps the 16 answers and marks the rest probe-error', async () => {
    // At the default concurrency the first 16 scenarios are in flight together; the driver
    // answers them all, then exits while the probe is already sending the next ones.
    expect(RUN_DEFAULTS.concurrency).toBe(16)
    const { code, stderr, result } = await probeInChild({
      drivers: ['python'],
      pythonCandidates: [['python3', DIES_AFTER_16]],
    })
    expect(stderr).not.toMatch(/EPIPE/)
    expect(code).toBe(0)
    const together = compileAll(CATALOGUE)
      .filter((c) => c.driver === 'python' && !c.runAlone)
      .map((c) => c.scenario.id)
    const answered = new Set(together.slice(0, 16))
    for (const scenario of result!.scenarios) {
      if (answered.has(scenario.id)) {
        expect(scenario.outcome, scenario.id).not.toBe('probe-error')
      } else {
        expect(scenario.outcome, scenario.id).toBe('probe-error')
        expect(scenario.reason).toMatch(/python driver exited \(exit code 3\).*after 16 answers/)
      }
    }
    expect(result!.scenarios.length).toBeGreaterThan(16)
    expect(result!.drivers.find((d) => d.name === 'python')).toMatchObject({ status: 'crashed' })
    expect(resultProblems(result!)).toEqual([])
  })

  it('kills a driver that stops reading but lives on, and says why', async () => {
    const { code, hung, result } = await probeInChild({
      drivers: ['python'],
      pythonCandidates: [['python3', DIES_AFTER_16, '--linger']],
    })
    expect(hung).toBe(false)
    expect(code).toBe(0)
    const failed = result!.scenarios.filter((s) => s.outcome === 'probe-error')
    expect(failed).toHaveLength(result!.scenarios.length - 16)
    for (const scenario of failed) {
      expect(scenario.reason).toMatch(
        /python driver was killed: it stopped reading requests \(write EPIPE\)/,
      )
    }
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

  it('closes what a node scenario opens after its timeout, so the process can exit', async () => {
    // The scenario gives up at 500 ms; its steps go on waking up after that unless stopped.
    const late = customScenario('custom-node-late', [
      'A = net.listen lo4:0',
      'sleep 1000',
      'B = dgram.bind udp4 lo4:0',
      '=> C = net.listen lo4:0',
    ])
    const { code, hung, result } = await probeInChild(
      { drivers: ['node'], only: [late.id], extraScenarios: [late], scenarioTimeoutMs: 500 },
      5_000,
    )
    expect(result!.scenarios[0]).toMatchObject({ outcome: 'probe-error' })
    expect(result!.scenarios[0]!.reason).toMatch(/took over 500 ms/)
    expect(hung).toBe(false)
    expect(code).toBe(0)
  })

  it('gives the whole probe more time by default the more it repeats, up to an hour', () => {
    expect(defaultGlobalTimeoutMs(1)).toBe(120_000)
    expect(defaultGlobalTimeoutMs(2)).toBe(130_000)
    expect(defaultGlobalTimeoutMs(100)).toBe(1_110_000)
    expect(defaultGlobalTimeoutMs(1000)).toBe(3_600_000)
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
      ProbeSetupError,
    )
  })

  it('fails with one clear message when the user named the interpreter', async () => {
    const named = probe({ pythonCandidates: missing, pythonNamedBy: 'the python input' })
    await expect(named).rejects.toThrow(ProbeSetupError)
    await expect(named).rejects.toThrow(/no Python 3\.6\+ found.*\(the python input names it\)$/)
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
