// The real @actions/artifact client, driven by ArtifactTransport, against a loopback stand-in of
// the artifact service: uploads of leg bundles, collection in the report job, and reading another
// run's artifacts (the fork recipe's workflow_run report).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ArtifactServiceStandIn } from './stand-in/artifact-service.ts'
import { recordingLogger } from './support/logger.ts'
import type { ArtifactTransport as ArtifactTransportType } from '../../src/github/artifact-transport.ts'
import { collectLegs, uploadLeg, RESULT_FILE, type LegMeta } from '../../src/github/transport.ts'

const service = new ArtifactServiceStandIn()
let transport: ArtifactTransportType

function meta(platformId: string, attempt: number, key = 'default'): LegMeta {
  return {
    schemaVersion: 1,
    key,
    platformId,
    repository: 'octo-org/octo-repo',
    run: { id: 77, attempt },
    event: 'pull_request',
    headSha: 'c'.repeat(40),
    pullRequest: { number: 5, baseRef: 'main' },
    createdAt: '2026-01-01T00:00:00.000Z',
  }
}

beforeAll(async () => {
  const url = await service.start()
  service.runs.set(77, 'run-backend-77')
  // What the runner gives a job, pointed at the stand-in. @actions/artifact reads these when
  // called (the API URL when first imported), so they are set before the client is loaded.
  process.env.ACTIONS_RESULTS_URL = `${url}/`
  process.env.ACTIONS_RUNTIME_TOKEN = ArtifactServiceStandIn.runtimeToken(
    'run-backend-77',
    'job-backend-1',
  )
  process.env.GITHUB_API_URL = url
  process.env.GITHUB_SERVER_URL = 'https://github.com'
  process.env.GITHUB_WORKSPACE = await mkdtemp(join(tmpdir(), 'bind-probe-ws-'))
  const { ArtifactTransport, defaultArtifactClient } =
    await import('../../src/github/artifact-transport.ts')
  transport = new ArtifactTransport(await defaultArtifactClient(), {
    logger: recordingLogger(),
    tempDir: await mkdtemp(join(tmpdir(), 'bind-probe-tmp-')),
  })
})

afterAll(async () => {
  await service.stop()
})

describe('ArtifactTransport over @actions/artifact', () => {
  it('uploads each leg as one artifact through the Twirp calls and the signed blob URL', async () => {
    const before = service.requests.length
    const name = await uploadLeg(transport, meta('linux-x64', 1), [
      { name: RESULT_FILE, content: '{"platform":"linux"}' },
    ])
    expect(name).toBe('bind-probe-result-linux-x64-1')
    const calls = service.requests.slice(before)
    expect(calls.filter((c) => c.rpc).map((c) => c.rpc)).toEqual([
      'CreateArtifact',
      'FinalizeArtifact',
    ])
    expect(
      calls.filter((c) => c.path.startsWith('/blob/') && c.method === 'PUT').length,
    ).toBeGreaterThan(0)
    expect(calls.find((c) => c.rpc === 'CreateArtifact')!.body).toMatchObject({
      name: 'bind-probe-result-linux-x64-1',
      workflow_run_backend_id: 'run-backend-77',
      workflow_job_run_backend_id: 'job-backend-1',
    })
    expect(calls.find((c) => c.rpc)!.authorization).toMatch(/^Bearer /)
    const stored = service.artifacts.find((a) => a.name === name)!
    expect(stored.finalized).toBe(true)
    expect(stored.blob!.subarray(0, 2).toString()).toBe('PK') // a zip
  })

  it('collects every leg of this run, keeping the latest attempt per platform', async () => {
    await uploadLeg(transport, meta('windows-x64', 1), [
      { name: RESULT_FILE, content: '{"platform":"windows","attempt":1}' },
    ])
    await uploadLeg(transport, meta('windows-x64', 2), [
      { name: RESULT_FILE, content: '{"platform":"windows","attempt":2}' },
    ])
    await uploadLeg(transport, meta('macos-arm64', 1, 'nightly'), [
      { name: RESULT_FILE, content: '{}' },
    ])
    const before = service.requests.length
    const { legs, problems } = await collectLegs(transport, 'default')
    expect(problems).toEqual([])
    expect(legs.map((l) => [l.platformId, l.runAttempt])).toEqual([
      ['linux-x64', 1],
      ['windows-x64', 2],
    ])
    expect(legs[1]!.files.get(RESULT_FILE)).toBe('{"platform":"windows","attempt":2}')
    expect(legs[1]!.meta.pullRequest).toEqual({ number: 5, baseRef: 'main' })
    const rpcs = service.requests
      .slice(before)
      .map((c) => c.rpc)
      .filter(Boolean)
    expect(rpcs[0]).toBe('ListArtifacts')
    expect(rpcs.filter((r) => r === 'GetSignedArtifactURL')).toHaveLength(3)
  })

  it('reads a triggering run’s artifacts through the REST API with an actions:read token', async () => {
    // Same stand-in, seen from a different job of a different run: only the REST path is used.
    const before = service.requests.length
    const { legs } = await collectLegs(transport, 'nightly', {
      runId: 77,
      owner: 'octo-org',
      repo: 'octo-repo',
      token: 'token-actions-read',
    })
    expect(legs.map((l) => l.platformId)).toEqual(['macos-arm64'])
    const calls = service.requests.slice(before)
    expect(calls.some((c) => c.rpc)).toBe(false)
    expect(calls.map((c) => `${c.method} ${c.path.replace(/\d{4,}/g, 'ID')}`)).toEqual(
      expect.arrayContaining([
        'GET /repos/octo-org/octo-repo/actions/runs/77/artifacts',
        'GET /repos/octo-org/octo-repo/actions/artifacts/ID/zip',
      ]),
    )
    expect(calls.find((c) => c.path.endsWith('/artifacts'))!.authorization).toBe(
      'token token-actions-read',
    )
  })

  it('a token without actions:read is refused by the REST API and the error says so', async () => {
    await expect(
      collectLegs(transport, 'nightly', {
        runId: 77,
        owner: 'octo-org',
        repo: 'octo-repo',
        token: 'token-no-actions',
      }),
    ).rejects.toThrow(/Resource not accessible by integration|403/)
  })
})
