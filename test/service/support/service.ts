// `bind-probe serve` in this process, on a free loopback port, over a fresh database, trusting
// the stand-in issuer; and an upload as a runner sends it.
import { readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import { startService, type RunningService } from '../../../src/service/serve.ts'
import { readSettings } from '../../../src/service/settings.ts'
import { AUDIENCE } from './oidc-issuer.ts'

export const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789'

/** The measured Linux result of the test fixtures, as `bind-probe probe --format json` wrote it. */
export const MEASURED = JSON.parse(
  readFileSync(new URL('../../report/fixtures/measured-linux-x64.json', import.meta.url), 'utf8'),
)

export function envelope(overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    headSha: 'a'.repeat(40),
    commentKey: 'default',
    result: MEASURED,
    scan: { findings: [], notes: [] },
    ...overrides,
  }
}

export interface TestService extends RunningService {
  /** What the service logged (pino JSON lines). */
  log: () => string
}

export async function startTestService(
  database: string,
  issuer: string,
  extra: string[] = [],
): Promise<TestService> {
  let log = ''
  const sink = new Writable({
    write(chunk, _encoding, done) {
      log += chunk
      done()
    },
  })
  const settings = readSettings(
    [
      '--port',
      '0',
      '--db',
      database,
      '--oidc-issuer',
      issuer,
      '--oidc-audience',
      AUDIENCE,
      ...extra,
    ],
    { BIND_PROBE_OPERATOR_TOKEN: OPERATOR_TOKEN },
  )
  const service = await startService(settings, sink)
  return { ...service, log: () => log }
}

export async function upload(
  url: string,
  token: string | undefined,
  body: unknown,
  contentType = 'application/json',
) {
  const response = await fetch(`${url}/api/v1/results`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

export async function stored(url: string, repositoryId = 74) {
  const response = await fetch(`${url}/api/v1/results?repository_id=${repositoryId}`, {
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
  })
  return ((await response.json()) as { results: Record<string, unknown>[] }).results
}
