// Runs the service: opens the store (migrating it), listens, prints `listening on URL` as its
// first line on stdout (logs are pino JSON on stderr), and on SIGTERM or SIGINT stops taking new
// connections, lets the uploads in flight finish, and closes the store.
import Fastify, { LogController } from 'fastify'
import { serviceApp } from './app.ts'
import { gitHubApp } from './github-app.ts'
import { loggerOf } from './log.ts'
import { registerHistory } from './history/register.ts'
import { readHistory } from './history/history-store.ts'
import { serviceMetrics } from './metrics.ts'
import { oidcVerifier, type Verify } from './oidc.ts'
import { Publisher } from './publish/publisher.ts'
import type { ServiceSettings } from './settings.ts'
import { openDatabase, SqlStore } from './store/sql-store.ts'

/** How long a stop waits for requests in flight before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 10_000

export interface RunningService {
  url: string
  /** Stops listening, lets the requests in flight finish, closes the store. */
  stop(): Promise<void>
}

export async function startService(
  settings: ServiceSettings,
  log: NodeJS.WritableStream = process.stderr,
): Promise<RunningService> {
  const db = await openDatabase(settings.database)
  const store = new SqlStore(db)
  const metrics = serviceMetrics()
  const app = Fastify({
    logger: { level: 'info', stream: log, redact: ['req.headers.authorization'] },
    // Two log lines per accepted upload cost more than the upload's own checks; refusals and
    // failures are logged (app.ts), accepted uploads are counted in the store.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: settings.bodyLimitBytes,
    requestTimeout: settings.requestTimeoutMs,
    connectionTimeout: settings.requestTimeoutMs,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  })
  // The audience is the public URL, which with --port 0 is known only once listening.
  let verify: Verify = async () => {
    throw new Error('the service is starting')
  }
  const github = settings.githubApp
    ? gitHubApp(settings.githubApp, settings.requestTimeoutMs)
    : undefined
  const publisher = github
    ? new Publisher({
        db,
        app: github,
        deadlineMs: settings.reportDeadlineMs,
        requestTimeoutMs: settings.requestTimeoutMs,
        pollMs: settings.publishPollMs,
        history: (repositoryId, pullRequest) =>
          readHistory(db, repositoryId, {
            ...(pullRequest !== undefined ? { pullRequest } : {}),
            window: settings.flipWindow,
          }),
        onPublished: (kind, ms) => {
          if (kind === 'published') metrics.publishSeconds.observe(ms / 1000)
        },
        logger: loggerOf(app.log),
      })
    : undefined
  await app.register(serviceApp, {
    store,
    db,
    verify: (token) => verify(token),
    settings,
    ...(github && publisher ? { github, publisher } : {}),
  })
  if (publisher) metrics.outboxDepth.collect(() => publisher.outbox.depth())
  let url = ''
  const retention = await registerHistory(app, {
    db,
    metrics,
    settings,
    publicUrl: () => settings.publicUrl ?? url,
    githubApiUrl: settings.githubApiUrl,
  })
  try {
    await app.listen({ host: settings.host, port: settings.port })
  } catch (error) {
    await store.close()
    throw error
  }
  const { port } = app.server.address() as { port: number }
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host
  url = `http://${host}:${port}`
  const audience = settings.oidcAudience ?? settings.publicUrl ?? url
  verify = oidcVerifier(settings.oidcIssuer, audience)
  app.log.info(
    {
      audience,
      issuer: settings.oidcIssuer,
      database: store.kind,
      publishing: github ? `as GitHub App ${github.settings.appId}` : 'off (no GITHUB_APP_ID)',
    },
    'ready',
  )
  await publisher?.start()

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      // Requests in flight finish; a connection that is still half-sent after the grace period
      // (a client that stalls) would hold the stop until the request timeout, so it is cut.
      const cut = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS)
      await app.close()
      clearTimeout(cut)
      await publisher?.stop()
      retention.stop()
      await store.close()
    })())
  return { url, stop }
}
