// The service as a GitHub App in tests: the App's key pair, a stand-in GitHub that knows the App
// (installations, tokens) and hosts one repository with an open pull request, the flags that
// point `serve` at it, signed webhooks, and what a runner's leg uploads.
import { createHmac, generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubStandIn } from '../../github/stand-in/github-api.ts'
import type { OidcIssuer } from './oidc-issuer.ts'

export const APP_ID = 31337
export const WEBHOOK_SECRET = 'webhook-secret-for-tests-0123456789'
export const HEAD = 'c'.repeat(40)
export const BASE = 'b'.repeat(40)
export const PULL = 7
/** The run whose legs upload, its jobs' ids are their check run ids (the tokens' claim). */
export const RUN = 4321

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
export const APP_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const KEY_FILE = join(mkdtempSync(join(tmpdir(), 'bind-probe-app-')), 'app.pem')
writeFileSync(KEY_FILE, APP_PRIVATE_KEY, { mode: 0o600 })

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../report/fixtures/${name}`, import.meta.url), 'utf8'))

/** Three legs, one per OS: the measured Linux result and the recorded (synthetic) others. */
export const LEGS = [
  {
    platform: 'linux-x64',
    job: 9001,
    name: 'probe (ubuntu-latest)',
    result: fixture('measured-linux-x64.json'),
  },
  {
    platform: 'macos-arm64-synthetic',
    job: 9002,
    name: 'probe (macos-latest)',
    result: fixture('synthetic-macos-arm64.json'),
  },
  {
    platform: 'windows-x64-synthetic',
    job: 9003,
    name: 'probe (windows-latest)',
    result: fixture('synthetic-windows-x64.json'),
  },
] as const

/** The recorded results' platform ids say they are synthetic: the policy expects those. */
export const POLICY = `platforms: [linux-x64, macos-arm64-synthetic, windows-x64-synthetic]\n`

/** A stand-in GitHub with the App installed on octo-org/octo-repo (id 74), PR #7 at HEAD. */
export async function appStandIn(
  installations: Record<string, number> = { 'octo-org/octo-repo': 77 },
  tokens: Record<string, { login: string; canWrite: boolean }> = {},
) {
  const api = new GitHubStandIn({
    tokens,
    app: { id: APP_ID, slug: 'bind-probe', publicKey, installations },
  })
  await api.start()
  api.addPull({ number: PULL, headSha: HEAD, baseSha: BASE })
  api.files.set(`${BASE}:.github/bind-probe.yml`, POLICY)
  api.files.set(`${HEAD}:.github/bind-probe.yml`, POLICY)
  api.jobs.set(
    `${RUN}/1`,
    LEGS.map((leg) => ({
      id: leg.job,
      name: leg.name,
      status: 'completed',
      conclusion: 'success',
    })),
  )
  return api
}

export function appFlags(apiUrl: string, extra: string[] = []): string[] {
  return [
    '--github-app-id',
    String(APP_ID),
    '--github-app-private-key-file',
    KEY_FILE,
    '--webhook-secret',
    WEBHOOK_SECRET,
    '--github-api-url',
    apiUrl,
    '--publish-poll',
    '20',
    ...extra,
  ]
}

/** A leg's token and envelope, as the action's probe leg sends them for PR #7. */
export async function legUpload(
  issuer: OidcIssuer,
  leg: (typeof LEGS)[number],
  overrides: { claims?: Record<string, unknown>; result?: unknown; attempt?: number } = {},
) {
  const token = await issuer.token({
    run_id: String(RUN),
    run_attempt: String(overrides.attempt ?? 1),
    check_run_id: String(leg.job),
    event_name: 'pull_request',
    ref: `refs/pull/${PULL}/merge`,
    ...overrides.claims,
  })
  const body = {
    schemaVersion: 1,
    headSha: HEAD,
    commentKey: 'default',
    result: overrides.result ?? leg.result,
    scan: { findings: [], notes: [] },
  }
  return { token, body }
}

export async function sendWebhook(
  url: string,
  event: string,
  payload: unknown,
  secret = WEBHOOK_SECRET,
): Promise<number> {
  const body = JSON.stringify(payload)
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
  const response = await fetch(`${url}/api/v1/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': signature,
    },
    body,
  })
  await response.arrayBuffer()
  return response.status
}

/** Waits until `check` holds (polling), or fails naming `what`. */
export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
