// Faults: GitHub's API stalls (never answers, or trickles), with the action's run() called in this
// process rather than as the bundle: the same limits, read from the same settings, bound it.
// @actions/core reads its files and inputs from process.env, so the run gets process.env itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { run } from '../../src/action/main.ts'
import { StallingServer } from '../github/stand-in/stalling-server.ts'
import { makeCheckout, pullRequestEvent } from '../action/harness.ts'

const ONLY = 'tcp4-dup-loopback-default'
/** A safety stop: a run still going after this is a hang. Not a measure of speed. */
const GIVE_UP_MS = 40_000

const temp = mkdtempSync(join(tmpdir(), 'bind-probe-in-process-'))
const files = {
  output: join(temp, 'output'),
  summary: join(temp, 'summary.md'),
  event: join(temp, 'event.json'),
}

let server: StallingServer | undefined
beforeEach(() => {
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
})
afterEach(async () => {
  vi.unstubAllEnvs()
  process.exitCode = undefined
  await server?.stop()
  server = undefined
})

async function runAgainst(stalling: StallingServer): Promise<'ended' | 'hung'> {
  server = stalling
  const url = await stalling.start()
  const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
  writeFileSync(
    files.event,
    JSON.stringify(
      pullRequestEvent({
        owner: 'octo-org',
        repo: 'octo-repo',
        number: 42,
        baseSha: checkout.baseSha,
        headSha: checkout.headSha,
        headRef: 'feature',
      }),
    ),
  )
  const env: Record<string, string> = {
    INPUT_MODE: 'all',
    'INPUT_GITHUB-TOKEN': 'token-bot',
    INPUT_ONLY: ONLY,
    INPUT_SCAN: 'off',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: 'in-process',
    GITHUB_WORKSPACE: checkout.dir,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: temp,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_API_URL: url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'report',
    BIND_PROBE_REQUEST_TIMEOUT_MS: '400',
    BIND_PROBE_NETWORK_DEADLINE_MS: '2500',
  }
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  let guard: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      run(process.env).then(() => 'ended' as const),
      new Promise<'hung'>((resolve) => (guard = setTimeout(() => resolve('hung'), GIVE_UP_MS))),
    ])
  } finally {
    clearTimeout(guard)
    stdout.mockRestore()
  }
}

describe('run() in this process when GitHub stalls', () => {
  it(
    'ends with the job summary and outputs written when the API never answers',
    {
      timeout: GIVE_UP_MS + 15_000,
    },
    async () => {
      expect(await runAgainst(new StallingServer())).toBe('ended')
      expect(readFileSync(files.summary, 'utf8')).toMatch(/The 2008 case/)
      expect(readFileSync(files.output, 'utf8')).toMatch(/^conclusion<</m)
    },
  )

  it(
    'ends with the job summary and outputs written when the API trickles its answer',
    {
      timeout: GIVE_UP_MS + 15_000,
    },
    async () => {
      expect(await runAgainst(new StallingServer(100))).toBe('ended')
      expect(readFileSync(files.summary, 'utf8')).toMatch(/The 2008 case/)
      expect(readFileSync(files.output, 'utf8')).toMatch(/^conclusion<</m)
    },
  )
})
