// BIND_PROBE_PYTHON names an interpreter: a path, spaces and all, or a command with arguments.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pythonCandidates, pythonCommand } from '../../src/probe/drivers/python-driver.ts'
import { probe } from '../../src/probe/probe.ts'

const python3 = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], {
  encoding: 'utf8',
}).stdout?.trim()

describe('pythonCommand', () => {
  const files = new Set(['C:\\Program Files\\Python\\python.exe', '/tmp/my py/python3'])
  const isFile = (path: string) => files.has(path)

  it.each([
    ['C:\\Program Files\\Python\\python.exe', ['C:\\Program Files\\Python\\python.exe']],
    ['/tmp/my py/python3', ['/tmp/my py/python3']],
    ['  /tmp/my py/python3 ', ['/tmp/my py/python3']],
    ['py -3', ['py', '-3']],
    ['/opt/py/bin/python3.13 -I', ['/opt/py/bin/python3.13', '-I']],
  ])('reads %j as %j', (text, command) => {
    expect(pythonCommand(text, isFile)).toEqual(command)
  })

  it('is what BIND_PROBE_PYTHON gives', () => {
    expect(pythonCandidates('win32', 'C:\\Program Files\\Python\\python.exe', isFile)).toEqual([
      ['C:\\Program Files\\Python\\python.exe'],
    ])
  })
})

describe.runIf(python3)('a Python whose path has a space', () => {
  it('runs the python driver', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bind-probe-')), 'my py')
    mkdirSync(dir)
    symlinkSync(python3!, join(dir, 'python3'))
    const result = await probe({
      only: ['tcp4-dup-loopback-default'],
      drivers: ['python'],
      pythonCandidates: pythonCandidates('linux', join(dir, 'python3')),
    })
    expect(result.scenarios[0]!.outcome).toBe('EADDRINUSE')
  })
})
