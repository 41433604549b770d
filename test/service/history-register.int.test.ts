// registerHistory, as serve.ts calls it: from the service's settings, /metrics, the dashboard and
// its login answer beside the upload plugin, and history older than --history-days is purged at
// start-up.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { serviceApp } from '../../src/service/app.ts'
import { readHistory } from '../../src/service/history/history-store.ts'
import { registerHistory } from '../../src/service/history/register.ts'
import { serviceMetrics } from '../../src/service/metrics.ts'
import { readSettings } from '../../src/service/settings.ts'
import { openDatabase, SqlStore } from '../../src/service/store/sql-store.ts'
import { freshDatabase } from './support/databases.ts'
import { recordedSequence, recordLegs } from './support/history-sequence.ts'

describe('registerHistory', () => {
  it('serves /metrics, the dashboard and its login from the settings, and purges old history', async () => {
    const db = await openDatabase(await freshDatabase('sqlite'))
    // Recorded in November 2026: older than a day by the time this runs.
    await recordLegs(db, recordedSequence())
    const settings = readSettings(['--history-days', '1'], {
      GITHUB_OAUTH_CLIENT_ID: 'Iv1.abc',
      GITHUB_OAUTH_CLIENT_SECRET: 'client-secret',
      BIND_PROBE_SESSION_SECRET: 'a session secret of at least 32 chars',
    })
    const app = Fastify({ logger: false })
    await app.register(serviceApp, {
      store: new SqlStore(db),
      verify: async () => {
        throw new Error('no uploads here')
      },
      settings,
    })
    const retention = await registerHistory(app, {
      db,
      metrics: serviceMetrics(),
      settings,
      publicUrl: () => 'https://bind-probe.example',
    })
    try {
      const metrics = await app.inject('/metrics')
      expect(metrics.statusCode).toBe(200)
      expect(metrics.body).toContain('# TYPE bind_probe_uploads_total counter')
      const index = await app.inject('/')
      expect(index.statusCode).toBe(200)
      expect(index.headers['content-security-policy']).toContain("default-src 'none'")
      const login = await app.inject('/login')
      expect(login.statusCode).toBe(302)
      const to = new URL(login.headers.location as string)
      expect(`${to.origin}${to.pathname}`).toBe('https://github.com/login/oauth/authorize')
      expect(to.searchParams.get('redirect_uri')).toBe('https://bind-probe.example/login/callback')
      expect(login.headers['set-cookie']).toMatch(/^bp_login=.*; HttpOnly; SameSite=Lax; .*Secure/)
      expect(await app.inject('/healthz').then((r) => r.statusCode)).toBe(200)
      // The purge at start-up: every outcome row of the sequence (25 × 2 + 10 + 1 on main, 3 × 2 on
      // the pull request) is older than a day.
      expect(await retention.started).toBe(67)
      expect((await readHistory(db, 74, { pullRequest: 7 })).scenarios).toEqual([])
    } finally {
      retention.stop()
      await app.close()
      await db.close()
    }
  })
})
