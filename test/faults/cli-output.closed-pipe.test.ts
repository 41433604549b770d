// `bind-probe … | head`: the reader closes the pipe before the CLI has written everything. As
// ripgrep does, the command then ends with no message and the exit status it had decided; a
// closed pipe is not a crash, and not "findings found". The CLI runs as a separate process whose
// stdout is a pipe that this test closes before the CLI writes to it.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

const FLAKY =
  "const http = require('node:http')\ntest('x', () => { http.createServer().listen(8080) })\n"

/** Runs the CLI with its stdout a pipe whose reading end is closed at once. */
function withClosedStdout(args: string[], cwd = process.cwd()) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  )
}

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-pipe-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

describe('a closed stdout pipe', () => {
  it('ends `list` quietly with status 0', async () => {
    const run = await withClosedStdout(['list'])
    expect(run).toEqual({ code: 0, stderr: '' })
  })

  it('ends `probe` with its own status and no stack trace', async () => {
    const run = await withClosedStdout(['probe', '--only', 'udp4-dup-loopback-default'])
    expect(run.code).toBe(0)
    // Nothing on stderr: no stack trace, no word about the closed pipe.
    expect(run.stderr).toBe('')
  })

  it('ends `scan` with status 0 when nothing was found', async () => {
    const run = await withClosedStdout(['scan'], repo({ 'ok.test.js': 'test("x", () => {})\n' }))
    expect(run).toEqual({ code: 0, stderr: '' })
  })

  it('ends `scan` with status 0 under --fail-on never, and 1 for its findings otherwise', async () => {
    const dir = repo({ 'server.test.js': FLAKY })
    expect(await withClosedStdout(['scan', '--fail-on', 'never'], dir)).toEqual({
      code: 0,
      stderr: '',
    })
    expect(
      await withClosedStdout(['scan', '--format', 'json', '--fail-on', 'warning'], dir),
    ).toEqual({
      code: 1,
      stderr: '',
    })
  })

  it('ends `--help` quietly with status 0', async () => {
    expect(await withClosedStdout(['scan', '--help'])).toEqual({ code: 0, stderr: '' })
  })
})
