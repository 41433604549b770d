// The service takes results only from tokens GitHub's issuer signed for this deployment, and only
// bodies it can read. Every forgery and every bad body is refused with 401/403 or a 4xx saying
// what is wrong, and nothing is stored. Run against SQLite and, when a server is there, PostgreSQL.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DATABASES, freshDatabase } from './support/databases.ts'
import { OidcIssuer } from './support/oidc-issuer.ts'
import { envelope, startTestService, stored, upload, type TestService } from './support/service.ts'

const issuer = new OidcIssuer()
beforeAll(() => issuer.start())
afterAll(() => issuer.stop())

describe.each(DATABASES)('uploads to serve on %s', (kind) => {
  let service: TestService
  beforeEach(async () => {
    service = await startTestService(await freshDatabase(kind), issuer.url, [
      '--allow-owner-ids',
      '65,66',
    ])
  })
  afterEach(() => service.stop())

  it('an honest token is stored once (201), the same upload again is the same result (200)', async () => {
    const token = await issuer.token()
    const first = await upload(service.url, token, envelope())
    expect(first.status).toBe(201)
    const again = await upload(service.url, token, envelope())
    expect(again).toEqual({ status: 200, body: first.body })
    expect((await stored(service.url)).map((r) => r.id)).toEqual([first.body.id])
  })

  it('the same run, attempt, job and platform with another body is a conflict (409)', async () => {
    expect((await upload(service.url, await issuer.token(), envelope())).status).toBe(201)
    const other = await upload(
      service.url,
      await issuer.token(),
      envelope({ headSha: 'b'.repeat(40) }),
    )
    expect(other.status).toBe(409)
    expect(await stored(service.url)).toHaveLength(1)
  })

  const forgeries: [string, () => Promise<string> | string, RegExp][] = [
    ['a wrong issuer', () => issuer.token({ iss: 'https://token.actions.example.com' }), /iss/],
    ['a wrong audience', () => issuer.token({ aud: 'https://another-deployment.test' }), /aud/],
    ['no audience', () => issuer.token({ aud: undefined }), /aud/],
    [
      'several audiences',
      () => issuer.token({ aud: ['https://bind-probe.test', 'x'] }),
      /one audience/,
    ],
    ['alg: none', () => issuer.unsigned(), /not signed with RS256|not valid/],
    ['HS256 signed with the public key', () => issuer.hmacWithPublicKey(), /not signed with RS256/],
    [
      'an unknown kid',
      () => issuer.token({}, issuer.newKey('unknown-kid')),
      /not one of the issuer/,
    ],
    [
      'another key under the published kid',
      () => issuer.token({}, issuer.strangerKey(), 'published-key'),
      /signature/,
    ],
    [
      'an expired token',
      () => issuer.token({ exp: Math.floor(Date.now() / 1000) - 600 }),
      /expired/,
    ],
    [
      'a token not yet valid',
      () => issuer.token({ nbf: Math.floor(Date.now() / 1000) + 600 }),
      /nbf/,
    ],
    ['no jti', () => issuer.token({ jti: undefined }), /jti/],
    [
      'a repository id that is a name',
      () => issuer.token({ repository_id: 'octo-repo' }),
      /repository_id/,
    ],
    ['a garbled token', () => 'not.a.jwt', /not valid/],
  ]
  it.each(forgeries)('%s: 401 and nothing stored', async (_, forge, why) => {
    const answer = await upload(service.url, await forge(), envelope())
    expect(answer.status).toBe(401)
    expect(String(answer.body.error)).toMatch(why)
    expect(await stored(service.url)).toEqual([])
  })

  it('no token: 401, and nothing stored', async () => {
    const answer = await upload(service.url, undefined, envelope())
    expect(answer.status).toBe(401)
    expect(String(answer.body.error)).toMatch(/Authorization: Bearer/)
    expect(await stored(service.url)).toEqual([])
  })

  it('a replayed jti with another body: 401, only the first stored', async () => {
    const token = await issuer.token()
    expect((await upload(service.url, token, envelope())).status).toBe(201)
    const replay = await upload(service.url, token, envelope({ commentKey: 'other' }))
    expect(replay.status).toBe(401)
    expect(String(replay.body.error)).toMatch(/already used/)
    expect(await stored(service.url)).toHaveLength(1)
  })

  it('an owner outside the allowlist: 403, and nothing stored', async () => {
    const answer = await upload(
      service.url,
      await issuer.token({ repository_owner_id: '99' }),
      envelope(),
    )
    expect(answer.status).toBe(403)
    expect(String(answer.body.error)).toMatch(/owner 99 is not allowed/)
    expect(await stored(service.url)).toEqual([])
    expect(await stored(service.url, 74)).toEqual([])
  })

  const badBodies: [string, unknown, string | undefined, number, RegExp][] = [
    ['malformed JSON', '{"schemaVersion": 1,', undefined, 400, /JSON/i],
    [
      'a wrong content type',
      JSON.stringify(envelope()),
      'text/plain',
      415,
      /content-type|media type/i,
    ],
    [
      '__proto__ keys',
      '{"schemaVersion":1,"__proto__":{"polluted":true}}',
      undefined,
      400,
      /prototype/i,
    ],
    [
      'a constructor.prototype key',
      '{"constructor":{"prototype":{"polluted":true}}}',
      undefined,
      400,
      /prototype/i,
    ],
    [
      'deep nesting',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      undefined,
      400,
      /deeper|JSON|envelope/i,
    ],
    ['a body that is not an envelope', { hello: 'world' }, undefined, 400, /envelope/],
    [
      'a result that is not a PlatformResult',
      envelope({ result: { schemaVersion: 2 } }),
      undefined,
      400,
      /not a PlatformResult/,
    ],
    ['a head SHA that is not one', envelope({ headSha: 'main' }), undefined, 400, /headSha/],
    ['a scan of the wrong shape', envelope({ scan: { findings: 'lots' } }), undefined, 400, /scan/],
  ]
  it.each(badBodies)(
    '%s: refused with a message, nothing stored',
    async (_, body, type, status, why) => {
      const answer = await upload(service.url, await issuer.token(), body, type)
      expect(answer.status).toBe(status)
      expect(String(answer.body.error)).toMatch(why)
      expect(await stored(service.url)).toEqual([])
    },
  )

  it('a body over the limit: 413 with a message, nothing stored', async () => {
    const small = await startTestService(await freshDatabase(kind), issuer.url, [
      '--body-limit',
      '4096',
    ])
    try {
      const answer = await upload(small.url, await issuer.token(), envelope())
      expect(answer.status).toBe(413)
      expect(String(answer.body.error)).toMatch(/too large|limit/i)
      expect(await stored(small.url)).toEqual([])
    } finally {
      await small.stop()
    }
  })

  it('an oversized scan is dropped with a note and the result is stored', async () => {
    const findings = Array.from({ length: 12_000 }, (_, i) => ({
      rule: 'PORT001',
      severity: 'warning',
      path: `test/t${i}.test.js`,
      line: 1,
      message: 'x'.repeat(300),
      fingerprint: `f${i}`,
    }))
    const answer = await upload(service.url, await issuer.token(), envelope({ scan: { findings } }))
    expect(answer.status).toBe(201)
    expect(answer.body.notes).toEqual([expect.stringMatching(/findings were dropped/)])
    expect((await stored(service.url))[0]!.notes).toEqual(answer.body.notes)
  })

  it('the log holds no token', async () => {
    const token = await issuer.token()
    await upload(service.url, token, envelope())
    await upload(service.url, 'not.a.jwt', envelope())
    expect(service.log()).not.toContain(token.split('.')[2])
    expect(service.log()).not.toMatch(/Bearer/)
  })
})
