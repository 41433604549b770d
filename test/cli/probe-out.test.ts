// `probe --out FILE`: a path that cannot be written is refused before the probe runs, and a write
// that fails anyway loses nothing: the result still reaches stdout.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resultProblems } from '../../src/probe/validate-result.ts'

const SOURCE = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [SOURCE, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('bind-probe probe --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-out-'))

  // A directory named as the file is a usage error (2); a directory that is not there is a
  // failure to write (1), as --help says.
  it.each([
    [
      join(dir, 'missing', 'x.json'),
      /--out .*missing\/x\.json: its directory .* does not exist/,
      1,
    ],
    [dir, /--out .* is a directory/, 2],
  ])('refuses %s before probing, with one line and exit code %s', (out, message, status) => {
    const { code, stdout, stderr } = cli(['probe', '--format', 'json', '--out', out])
    expect(code).toBe(status)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)])
  })

  it.runIf(existsSync('/dev/full'))(
    'prints the result on stdout when the write fails after the run, with one error line',
    () => {
      const { code, stdout, stderr } = cli([
        'probe',
        '--only',
        'tcp4-dup-loopback-default',
        '--out',
        '/dev/full',
      ])
      expect(code).toBe(1)
      expect(resultProblems(JSON.parse(stdout))).toEqual([])
      const errors = stderr.split('\n').filter((l) => l.includes('/dev/full'))
      expect(errors).toEqual([
        expect.stringMatching(/could not write --out \/dev\/full: .*ENOSPC.*on stdout instead/),
      ])
      expect(stderr).not.toMatch(/\n\s+at /)
    },
  )
})
