// Runs probe() in a child Node process, so that a test sees what a user's process would: an
// uncaught error kills it, and a handle left open keeps it from exiting.
import { spawn } from 'node:child_process'
import type { PlatformResult } from '../../src/probe/model.ts'
import type { ProbeOptions } from '../../src/probe/probe.ts'

const PROBE_MODULE = new URL('../../src/probe/probe.ts', import.meta.url).href

// The child prints the result as soon as probe() returns and then has nothing left to do, so it
// exits at once unless something of the probe's is still open.
const SCRIPT = `
const { probe } = await import(${JSON.stringify(PROBE_MODULE)})
const result = await probe(JSON.parse(process.argv[1]))
process.stdout.write(JSON.stringify(result))
`

export interface ChildProbe {
  /** The child's exit code, or null when it had to be killed. */
  code: number | null
  /** True when it was still running `killAfterMs` after probe() returned. */
  hung: boolean
  stderr: string
  result: PlatformResult | undefined
}

/** `options` must be plain JSON (no callbacks). */
export function probeInChild(options: ProbeOptions, killAfterMs = 10_000): Promise<ChildProbe> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', SCRIPT, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  let hung = false
  let killer: NodeJS.Timeout | undefined
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    // Timed from the moment the result arrives: how long probe() itself takes does not matter.
    killer ??= setTimeout(() => {
      hung = true
      child.kill('SIGKILL')
    }, killAfterMs)
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(killer)
      resolve({ code, hung, stderr, result: stdout ? JSON.parse(stdout) : undefined })
    })
  })
}
