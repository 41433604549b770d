// A driver's replies are data from another process: a Python that answers in the wrong shape
// used to crash the probe with a TypeError, and one endless line grew to 800 MB and crashed it.
// Now a bad reply is a probe error of that scenario, and a line past the limit kills the driver.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { probe } from '../../src/probe/probe.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'

const BAD = fileURLToPath(new URL('../fixtures/bad_reply_driver.py', import.meta.url))
const ONLY = ['tcp4-dup-loopback-default', 'udp4-dup-loopback-default']

const run = (mode: string) =>
  probe({ only: ONLY, drivers: ['python'], pythonCandidates: [['python3', BAD, mode]] })

describe('a driver that answers in the wrong shape', () => {
  it.each(['garbage', 'half'])(
    '%s: a probe error per scenario, and a valid result',
    async (mode) => {
      const result = await run(mode)
      for (const scenario of result.scenarios) {
        expect(scenario.outcome).toBe('probe-error')
        expect(scenario.reason).toMatch(/python driver sent a reply of the wrong shape/)
      }
      expect(resultProblems(result)).toEqual([])
    },
  )

  it('an endless line: the driver is killed at the limit, and the probe ends', async () => {
    const result = await run('endless')
    expect(result.scenarios.map((s) => s.outcome)).toEqual(['probe-error', 'probe-error'])
    expect(result.scenarios[0]!.reason).toMatch(/a line longer than 1 MiB/)
    expect(resultProblems(result)).toEqual([])
  })
})
