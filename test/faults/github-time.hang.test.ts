// Faults: GitHub's API or artifact service takes the connection and then stalls, answering
// never or a byte at a time. The bundled action runs as the runner runs it (test/action/harness.ts)
// with both time limits shrunk through their settings; what is asserted is that the process ends
// on its own with its job summary, outputs and files written, never how long it took.
import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ArtifactServiceStandIn } from '../github/stand-in/artifact-service.ts'
import { StallingServer } from '../github/stand-in/stalling-server.ts'
import { ACTION, makeCheckout, pullRequestEvent, runAction } from '../action/harness.ts'

const ONLY = 'tcp4-reuseaddr-both-dup-wildcard-nolisten,udp4-dup-loopback-default'
const OWNER = 'octo-org'
const REPO = 'octo-repo'
/** Long enough that a hang is a hang; the fixed action ends far sooner. */
const KILL_AFTER_MS = 45_000

const LIMITS = {
  BIND_PROBE_REQUEST_TIMEOUT_MS: '400',
  BIND_PROBE_NETWORK_DEADLINE_MS: '2500',
}

let server: StallingServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

function pullRequest() {
  const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
  const event = pullRequestEvent({
    owner: OWNER,
    repo: REPO,
    number: 42,
    baseSha: checkout.baseSha,
    headSha: checkout.headSha,
    headRef: 'feature',
  })
  return { checkout, event }
}

function githubEnv(apiUrl: string) {
  return {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/pull/42/merge',
    ...LIMITS,
  }
}

async function allModeAgainst(stalling: StallingServer) {
  server = stalling
  const url = await stalling.start()
  const { checkout, event } = pullRequest()
  return runAction({
    inputs: { mode: 'all', 'github-token': 'token-bot', only: ONLY, scan: 'changed' },
    env: githubEnv(url),
    event,
    workspace: checkout.dir,
    killAfterMs: KILL_AFTER_MS,
  })
}

describe.runIf(existsSync(ACTION))('the bundled action when GitHub stalls', () => {
  it(
    'ends with its job summary and outputs written when the API accepts and never answers',
    {
      timeout: KILL_AFTER_MS + 15_000,
    },
    async () => {
      const run = await allModeAgainst(new StallingServer())
      expect(run.killed, run.stdout).toBe(false)
      expect(run.summary).toMatch(/The 2008 case/)
      expect(run.outputs.conclusion).toBeDefined()
      expect(run.outputs['result-file']).toBeDefined()
      expect(existsSync(run.outputs['result-file']!)).toBe(true)
      // It said what it was waiting for while it waited, and why it stopped.
      expect(run.stdout).toMatch(/still waiting for GitHub's API/)
      expect(run.stdout).toMatch(/::warning::.*network deadline/)
      // The writes it could not make are reported like refused ones, with the report kept.
      expect(run.stdout).toMatch(
        /::warning::.*the pull request comment and the check run.*job summary/,
      )
    },
  )

  it(
    'ends with its job summary and outputs written when the API trickles its answer',
    {
      timeout: KILL_AFTER_MS + 15_000,
    },
    async () => {
      // A byte every 100 ms: each byte comes well within the request timeout, the answer never.
      const run = await allModeAgainst(new StallingServer(100))
      expect(run.killed, run.stdout).toBe(false)
      expect(run.summary).toMatch(/The 2008 case/)
      expect(run.outputs.conclusion).toBeDefined()
      expect(run.stdout).toMatch(/::warning::.*network deadline/)
    },
  )

  it(
    '`probe` keeps its result file, summary and outputs when the artifact service never answers',
    {
      timeout: KILL_AFTER_MS + 15_000,
    },
    async () => {
      server = new StallingServer()
      const url = await server.start()
      const { checkout, event } = pullRequest()
      const run = await runAction({
        inputs: { mode: 'probe', 'github-token': '', only: ONLY, scan: 'off' },
        env: {
          ...githubEnv('http://127.0.0.1:9'), // no token: the API is not asked
          ACTIONS_RESULTS_URL: `${url}/`,
          ACTIONS_RUNTIME_TOKEN: ArtifactServiceStandIn.runtimeToken('run-1', 'job-1'),
          GITHUB_JOB: 'probe',
        },
        event,
        workspace: checkout.dir,
        killAfterMs: KILL_AFTER_MS,
      })
      expect(run.killed, run.stdout).toBe(false)
      expect(server.requests.length).toBeGreaterThan(0) // the upload was tried
      expect(run.summary).toMatch(/The 2008 case/)
      const resultFile = run.outputs['result-file']
      expect(resultFile).toBeDefined()
      expect(JSON.parse(readFileSync(resultFile!, 'utf8')).platform.id).toBe(
        run.outputs['platform-id'],
      )
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/::error::could not upload this leg's results.*network deadline/)
    },
  )
})
