// What serve.ts adds for issue 11, in one call: GET /metrics (and the upload route's counts), the
// dashboard, and the history's retention. The upload path records each stored result's outcomes
// with recordOutcomes; the publisher reads them with readHistory.
import type { FastifyInstance } from 'fastify'
import { dashboardApp } from '../dashboard/app.ts'
import { metricsApp, type ServiceMetrics } from '../metrics.ts'
import type { ServiceSettings } from '../settings.ts'
import type { SqlDatabase } from '../store/sql.ts'
import { startHistoryRetention, type Retention } from './retention.ts'

export interface HistoryWiring {
  db: SqlDatabase
  metrics: ServiceMetrics
  settings: Pick<
    ServiceSettings,
    'historyDays' | 'flipWindow' | 'githubServerUrl' | 'oauth' | 'operatorToken'
  >
  /** The service's public URL, known once it listens (with --port 0). */
  publicUrl: () => string
  /** The REST API (GITHUB_API_URL); by default derived from the server URL. */
  githubApiUrl?: string
}

/** Registers the routes; returns the retention (its first purge, and its stop for the service's). */
export async function registerHistory(
  app: FastifyInstance,
  wiring: HistoryWiring,
): Promise<Retention> {
  const { db, settings } = wiring
  await app.register(metricsApp, { metrics: wiring.metrics })
  await app.register(dashboardApp, {
    db,
    window: settings.flipWindow,
    githubServerUrl: settings.githubServerUrl,
    ...(wiring.githubApiUrl ? { githubApiUrl: wiring.githubApiUrl } : {}),
    publicUrl: wiring.publicUrl,
    ...(settings.oauth ? { oauth: settings.oauth } : {}),
    ...(settings.operatorToken ? { operatorToken: settings.operatorToken } : {}),
  })
  const retention = startHistoryRetention(db, settings.historyDays, (error) =>
    app.log.warn({ err: error }, 'the history retention purge failed'),
  )
  retention.started.catch((error: unknown) =>
    app.log.warn({ err: error }, 'the history retention purge failed'),
  )
  return retention
}
