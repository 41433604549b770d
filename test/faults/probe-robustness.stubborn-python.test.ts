// A Python candidate is another program: one that ignores SIGTERM, or that exits while a
// background process of its own keeps its pipes open, made the probe hang for as long as it
// lived, even with `--driver node` (which still asks the interpreter its version), and left the
// interpreter running. Now it is killed with SIGKILL, its pipes are let go, and the probe ends.
// The probe runs under a subreaper (Linux prctl) that finds what it left behind: a killed child
// the probe exited without reaping stays a zombie in a container whose first process does not
// reap (seen in CI under load).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const stub = (name: string) =>
  fileURLToPath(new URL(`../fixtures/stubborn/${name}`, import.meta.url))

const leftovers: number[] = []
afterEach(() => {
  for (const pid of leftovers.splice(0)) killQuietly(pid)
})

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/** Runs the probe with the stub as the named interpreter; resolves when the process has ended. */
function probeWith(name: string, driver: 'node' | 'python') {
  const dir = mkdtempSync(join(tmpdir(), 'stubborn-'))
  const pidFile = join(dir, 'pid')
  const reportFile = join(dir, 'left-behind.json')
  const probe = [process.execPath, CLI, 'probe', '--driver', driver]
  const child = spawn('python3', [stub('subreaper.py'), ...probe], {
    env: {
      ...process.env,
      BIND_PROBE_PYTHON: stub(name),
      STUBBORN_PID_FILE: pidFile,
      SUBREAPER_REPORT: reportFile,
    },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return new Promise<{ code: number | null; stdout: string; stderr: string; left: number[] }>(
    (resolve) =>
      child.on('close', (code) => {
        leftovers.push(Number(readFileSync(pidFile, 'utf8')))
        const left = JSON.parse(readFileSync(reportFile, 'utf8')) as { pid: number }[]
        leftovers.push(...left.map(({ pid }) => pid))
        resolve({ code, stdout, stderr, left: left.map(({ pid }) => pid) })
      }),
  )
}

// Each case waits out the 10 s handshake or version timeout once; a hang fails on the test timeout.
describe('a Python candidate that will not go away', () => {
  it('ignores SIGTERM: the node probe ends with its table, and the interpreter is killed', async () => {
    const { code, stdout, left } = await probeWith('deaf-python', 'node')
    expect(code).toBe(0)
    expect(stdout).toMatch(/scenarios in/)
    expect(left).toEqual([])
  }, 60_000)

  it('ignores SIGTERM: the python probe fails with one line, and the interpreter is killed', async () => {
    const { code, stderr, left } = await probeWith('deaf-python', 'python')
    expect(code).toBe(1)
    expect(stderr).toMatch(/no handshake within 10 s/)
    expect(left).toEqual([])
  }, 60_000)

  it('leaves a process holding its pipes: the node probe ends with its table', async () => {
    const { code, stdout } = await probeWith('pipe-holder-python', 'node')
    expect(code).toBe(0)
    expect(stdout).toMatch(/scenarios in/)
  }, 60_000)

  it('leaves a process holding its pipes: the python probe fails with one line', async () => {
    const { code, stderr } = await probeWith('pipe-holder-python', 'python')
    expect(code).toBe(1)
    expect(stderr).toMatch(/exited with code 0 before the handshake/)
  }, 60_000)
})
