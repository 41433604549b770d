// With few file descriptors (`ulimit -n 26`) the probe crashed on an unhandled EMFILE, after a
// misleading "no Python found"; with a few more, the preflight's EMFILE on ::1 read as "IPv6 is
// not available on this host". Running out of descriptors is the process's limit, not the host's
// bind() semantics and not a missing Python: the probe says so in one line, or measures on.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/probe/model.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

function probeWithLimit(limit: number) {
  const out = join(mkdtempSync(join(tmpdir(), 'few-fds-')), 'result.json')
  const run = spawnSync(
    'bash',
    [
      '-c',
      `ulimit -n ${limit} && exec "$0" "$@"`,
      process.execPath,
      CLI,
      'probe',
      '--format',
      'json',
      '--out',
      out,
    ],
    { encoding: 'utf8' },
  )
  return { ...run, out }
}

describe('a process with few file descriptors', () => {
  it('ulimit -n 26: one line saying the process ran out of file descriptors, exit 1', () => {
    const { status, stderr } = probeWithLimit(26)
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(stderr).not.toMatch(/no Python/)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/out of file descriptors .*EMFILE.*ulimit -n/)
    expect(status).toBe(1)
  })

  // Where the limit bites depends on how many descriptors the process starts with: try a range.
  const limits = Array.from({ length: 11 }, (_, i) => 26 + i)
  it.each(limits)('ulimit -n %i: a clear stop, or no scenario blamed on the host', (limit) => {
    const { status, stderr, out } = probeWithLimit(limit)
    expect(stderr).not.toMatch(/^\s+at /m)
    if (status !== 0) {
      expect(stderr.trim()).toMatch(/^bind-probe probe: out of file descriptors/)
      expect(status).toBe(1)
      return
    }
    const result = JSON.parse(readFileSync(out, 'utf8')) as PlatformResult
    const causes = new Set(result.scenarios.map((s) => s.cause).filter(Boolean))
    expect(causes.has('ipv6-unavailable')).toBe(false)
    expect(causes.has('loopback-down')).toBe(false)
    const emfile = result.scenarios.filter((s) => ['EMFILE', 'ENFILE'].includes(s.outcome))
    expect(emfile.map((s) => s.id)).toEqual([])
  })
})
