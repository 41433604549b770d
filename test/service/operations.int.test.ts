// The service as an operator runs it: settings checked before listening, one process per SQLite
// file, a rate limit per repository, a clean stop on SIGTERM with the uploads in flight stored,
// and nothing answered 201/200 lost to a SIGKILL. Several processes over one PostgreSQL database
// behave as one service.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, freshDatabase } from './support/databases.ts'
import { OidcIssuer } from './support/oidc-issuer.ts'
import { spawnServe } from './support/serve-process.ts'
import { envelope, startTestService, stored, upload } from './support/service.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const issuer = new OidcIssuer()
beforeAll(() => issuer.start())
afterAll(() => issuer.stop())

/** One leg's upload per run id: distinct results. */
const legOfRun = async (url: string, run: number) =>
  upload(url, await issuer.token({ run_id: String(run) }), envelope())

describe('settings', () => {
  it.each([
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--oidc-issuer', 'not-a-url'], /--oidc-issuer must be an http\(s\) URL/],
    [['--allow-repository-ids', 'octo-org/octo-repo'], /numeric GitHub ids/],
  ])('%j: one line naming it, exit 2, before listening', (args, why) => {
    const run = spawnSync(process.execPath, [CLI, 'serve', ...args], { encoding: 'utf8' })
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(why)
  })

  it('a malformed environment variable is named too', () => {
    const run = spawnSync(process.execPath, [CLI, 'serve'], {
      encoding: 'utf8',
      env: { ...process.env, BIND_PROBE_RATE_LIMIT: 'lots' },
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/BIND_PROBE_RATE_LIMIT must be a whole number/)
  })

  it('a second serve on the same SQLite file is refused with a message', async () => {
    const database = await freshDatabase('sqlite')
    const first = await spawnServe(database, issuer.url)
    try {
      const second = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--db', database], {
        encoding: 'utf8',
      })
      expect(second.status).toBe(1)
      expect(second.stderr).toMatch(/is in use by another bind-probe serve \(pid \d+/)
    } finally {
      first.child.kill('SIGTERM')
      expect(await first.ended).toBe(0)
    }
  })
})

describe.each(DATABASES)('operations on %s', (kind) => {
  it('healthz and readyz answer', async () => {
    const service = await startTestService(await freshDatabase(kind), issuer.url)
    try {
      expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ ok: true })
      expect(await (await fetch(`${service.url}/readyz`)).json()).toEqual({ ready: true })
    } finally {
      await service.stop()
    }
  })

  it('a repository over its rate limit gets 429 with Retry-After; the others still upload', async () => {
    const service = await startTestService(await freshDatabase(kind), issuer.url, [
      '--rate-limit',
      '2',
    ])
    try {
      expect((await legOfRun(service.url, 1)).status).toBe(201)
      expect((await legOfRun(service.url, 2)).status).toBe(201)
      const third = await fetch(`${service.url}/api/v1/results`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await issuer.token({ run_id: '3' })}`,
        },
        body: JSON.stringify(envelope()),
      })
      expect(third.status).toBe(429)
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
      const other = await upload(
        service.url,
        await issuer.token({ repository_id: '75' }),
        envelope(),
      )
      expect(other.status).toBe(201)
      expect(await stored(service.url)).toHaveLength(2)
    } finally {
      await service.stop()
    }
  })

  it('SIGTERM with uploads in flight: each answered upload is stored, and serve exits 0', async () => {
    const database = await freshDatabase(kind)
    const serve = await spawnServe(database, issuer.url)
    const uploads = Array.from({ length: 40 }, (_, i) =>
      legOfRun(serve.url, 1000 + i).catch(() => undefined),
    )
    await uploads[0]
    serve.child.kill('SIGTERM')
    const answers = await Promise.all(uploads)
    expect(await serve.ended).toBe(0)
    const created = answers.filter((a) => a?.status === 201).map((a) => a!.body.id)
    expect(created.length).toBeGreaterThan(0)
    const again = await spawnServe(database, issuer.url)
    try {
      const ids = (await stored(again.url)).map((r) => r.id)
      for (const id of created) expect(ids).toContain(id)
    } finally {
      again.child.kill('SIGTERM')
      await again.ended
    }
  }, 60_000)

  it('SIGKILL in the middle of a load: after a restart every upload answered 201 or 200 is there', async () => {
    const database = await freshDatabase(kind)
    const serve = await spawnServe(database, issuer.url)
    const answered: string[] = []
    let next = 0
    const worker = async () => {
      while (next < 400) {
        const answer = await legOfRun(serve.url, 5000 + next++).catch(() => undefined)
        if (answer && (answer.status === 201 || answer.status === 200))
          answered.push(String(answer.body.id))
        if (answered.length === 100) serve.child.kill('SIGKILL')
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    expect(await serve.ended).toBe('SIGKILL')
    expect(answered.length).toBeGreaterThanOrEqual(100)
    const again = await spawnServe(database, issuer.url)
    try {
      const ids = new Set((await stored(again.url)).map((r) => r.id))
      expect(answered.filter((id) => !ids.has(id))).toEqual([])
    } finally {
      again.child.kill('SIGTERM')
      await again.ended
    }
  })
})

describe.runIf(DATABASES.includes('postgres' as never))(
  'two serve processes on one PostgreSQL',
  () => {
    it('store one result for the same upload sent to both at once, and list it from either', async () => {
      const database = await freshDatabase('postgres')
      const [a, b] = await Promise.all([
        spawnServe(database, issuer.url),
        spawnServe(database, issuer.url),
      ])
      try {
        for (let run = 1; run <= 10; run++) {
          const token = await issuer.token({ run_id: String(run) })
          const answers = await Promise.all([
            upload(a.url, token, envelope()),
            upload(b.url, token, envelope()),
          ])
          expect(answers.map((x) => x.status).sort()).toEqual([200, 201])
          expect(answers[0]!.body.id).toBe(answers[1]!.body.id)
        }
        expect(await stored(a.url)).toHaveLength(10)
        expect(await stored(b.url)).toEqual(await stored(a.url))
      } finally {
        a.child.kill('SIGTERM')
        b.child.kill('SIGTERM')
        await Promise.all([a.ended, b.ended])
      }
    })
  },
)
