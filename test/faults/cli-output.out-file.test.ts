// Output that cannot be written (a full disk: /dev/full). `scan --out` fails with one clear line
// and the documented status, and the findings are still printed; a stdout that cannot be written
// is one line too, never a stack trace. The CLI runs as a separate process.
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const FLAKY =
  "const http = require('node:http')\ntest('x', () => { http.createServer().listen(8080) })\n"

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-out-'))
  writeFileSync(join(dir, 'server.test.js'), FLAKY)
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

describe.runIf(existsSync('/dev/full'))('output on a full disk', () => {
  it('scan --out /dev/full: one line naming --out, status 1, and the findings on stdout', () => {
    const run = spawnSync(process.execPath, [CLI, 'scan', '--out', '/dev/full'], {
      cwd: repo(),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /^bind-probe scan: could not write --out \/dev\/full: no space left on device \(ENOSPC\)\n$/,
    )
    expect(run.stdout).toMatch(/server\.test\.js:2:\d+ {2}warning {2}PORT001/)
  })

  it('scan with stdout on /dev/full: one line, no stack trace, status 1', () => {
    const full = openSync('/dev/full', 'w')
    try {
      const run = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json'], {
        cwd: repo(),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', full, 'pipe'],
      })
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(
        /^bind-probe scan: could not write the output: no space left on device \(ENOSPC\)\n$/,
      )
    } finally {
      closeSync(full)
    }
  })
})
