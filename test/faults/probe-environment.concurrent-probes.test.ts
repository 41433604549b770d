// Parallel jobs on one self-hosted runner probe the same host at once. Two probes must give the
// outcomes of one (the control step keeps the other probe's sockets out of each scenario's
// answer), and the ephemeral-port figures, host-wide by nature, say when another probe ran.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/probe/model.ts'
import { probe } from '../../src/probe/probe.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const EPHEMERAL = 'tcp4-ephemeral-repeat-distribution'

function probeProcess(out: string, repeat: number): Promise<PlatformResult> {
  const child = spawn(
    process.execPath,
    [CLI, 'probe', '--repeat', String(repeat), '--format', 'json', '--out', out],
    { stdio: 'ignore' },
  )
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(readFileSync(out, 'utf8')) as PlatformResult)
        : reject(new Error(`probe exited with ${code}`)),
    ),
  )
}

const answers = (result: PlatformResult) =>
  Object.fromEntries(result.scenarios.map((s) => [s.id, `${s.outcome} at ${s.step}`]))

describe('two probes on one host at once', () => {
  it('give the outcomes of one probe, none flaky, over 5 pairs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concurrent-'))
    const alone = answers(await probeProcess(join(dir, 'alone.json'), 1))
    for (let pair = 0; pair < 5; pair++) {
      const both = await Promise.all([
        probeProcess(join(dir, `a${pair}.json`), 3),
        probeProcess(join(dir, `b${pair}.json`), 3),
      ])
      for (const result of both) {
        expect(answers(result)).toEqual(alone)
        expect(result.scenarios.filter((s) => s.flaky).map((s) => s.id)).toEqual([])
      }
    }
  }, 120_000)
})

describe('port figures drawn while another probe runs', () => {
  let other: ChildProcess | undefined
  afterEach(() => other?.kill('SIGKILL'))

  /** A marker as a running probe leaves it, for a process that lives as long as the test wants. */
  function anotherProbe(dir: string): ChildProcess {
    other = spawn('sleep', ['60'], { stdio: 'ignore' })
    writeFileSync(join(dir, `${other.pid}-another-probe`), '')
    return other
  }

  const measure = async (presenceDir: string) => {
    const result = await probe({ only: [EPHEMERAL], drivers: ['python'], presenceDir })
    return result.scenarios[0]!.metrics
  }

  it('are marked concurrentProbe while another probe is alive, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presence-'))
    expect((await measure(dir))?.concurrentProbe).toBeUndefined()
    const running = anotherProbe(dir)
    expect((await measure(dir))?.concurrentProbe).toBe(true)
    running.kill('SIGKILL')
    await new Promise((resolve) => running.once('exit', resolve))
    // Its marker is still there, as a killed probe leaves it: a process that is gone does not count.
    expect((await measure(dir))?.concurrentProbe).toBeUndefined()
  })
})
