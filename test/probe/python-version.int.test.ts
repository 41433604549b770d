// The environment facts name the Python found even when no scenario needed the python driver.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { probe } from '../../src/probe/probe.ts'

const python3 = spawnSync('python3', ['-c', 'import platform; print(platform.python_version())'], {
  encoding: 'utf8',
}).stdout?.trim()

describe('the Python version among the environment facts', () => {
  it.runIf(python3)(
    'is recorded with --driver node, without running python scenarios',
    async () => {
      const result = await probe({
        drivers: ['node'],
        only: ['node-tcp-two-servers-same-port'],
        pythonCandidates: [['python3']],
      })
      expect(result.platform.python).toMatchObject({ version: python3, implementation: 'CPython' })
      expect(result.drivers.map((d) => d.name)).toEqual(['node'])
    },
  )

  it('is left out when there is no Python', async () => {
    const result = await probe({
      drivers: ['node'],
      only: ['node-tcp-two-servers-same-port'],
      pythonCandidates: [['/nonexistent/python3']],
    })
    expect(result.platform.python).toBeUndefined()
  })
})
