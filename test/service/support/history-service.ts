// The service's plugin with this beside it (metrics, and the dashboard when asked), on a
// free loopback port over a real database: serve.ts registers them the same way.
import Fastify, { type FastifyInstance } from 'fastify'
import { serviceApp } from '../../../src/service/app.ts'
import { metricsApp, serviceMetrics, type ServiceMetrics } from '../../../src/service/metrics.ts'
import { oidcVerifier } from '../../../src/service/oidc.ts'
import type { SqlDatabase } from '../../../src/service/store/sql.ts'
import { openDatabase, SqlStore } from '../../../src/service/store/sql-store.ts'
import { AUDIENCE } from './oidc-issuer.ts'
import { OPERATOR_TOKEN } from './service.ts'

export interface HistoryService {
  url: string
  db: SqlDatabase
  metrics: ServiceMetrics
  app: FastifyInstance
  stop(): Promise<void>
}

export async function startHistoryService(
  database: string,
  issuer: string,
  more: (app: FastifyInstance, db: SqlDatabase) => Promise<void> = async () => undefined,
): Promise<HistoryService> {
  const db = await openDatabase(database)
  const metrics = serviceMetrics()
  const app = Fastify({ logger: false, onProtoPoisoning: 'error', onConstructorPoisoning: 'error' })
  await app.register(serviceApp, {
    store: new SqlStore(db),
    verify: oidcVerifier(issuer, AUDIENCE),
    settings: { operatorToken: OPERATOR_TOKEN, rateLimitPerMinute: 600, requestTimeoutMs: 30_000 },
  })
  await app.register(metricsApp, { metrics })
  await more(app, db)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    metrics,
    app,
    stop: async () => {
      await app.close()
      await db.close()
    },
  }
}
