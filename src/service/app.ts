// The service as a Fastify plugin: uploads from runners, authenticated by their OIDC tokens;
// the operator's listing and deletion; health and readiness. The server around it is serve.ts.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { checkEnvelope } from './envelope.ts'
import type { GitHubAppClient } from './github-app.ts'
import { bodyProblem } from './json-depth.ts'
import { TokenRefused, type VerifiedToken, type Verify } from './oidc.ts'
import type { Publisher } from './publish/publisher.ts'
import { RelayRefused, relayedIdentity } from './publish/relay.ts'
import { loggerOf } from './log.ts'
import { webhookRoutes } from './webhooks.ts'
import { RateLimiter } from './rate-limit.ts'
import type { ServiceSettings } from './settings.ts'
import type { Store } from './store/store.ts'
import type { SqlDatabase, SqlSession } from './store/sql.ts'
import { recordOutcomes } from './history/history-store.ts'

export interface ServiceOptions {
  store: Store
  /** The database under the store: each stored result's outcomes go to the history too. */
  db?: SqlDatabase
  verify: Verify
  settings: Pick<
    ServiceSettings,
    | 'operatorToken'
    | 'allowedOwnerIds'
    | 'allowedRepositoryIds'
    | 'rateLimitPerMinute'
    | 'requestTimeoutMs'
  >
  /** Publishing as a GitHub App; absent, results are collected only. */
  github?: GitHubAppClient
  publisher?: Publisher
}

/** Deeper than any PlatformResult or scan result (they nest about 6 levels). */
const MAX_JSON_DEPTH = 32

declare module 'fastify' {
  interface FastifyRequest {
    uploader?: VerifiedToken
    /** The body as it arrived: stored and hashed as sent, not serialised again. */
    rawBody?: string
  }
}

export async function serviceApp(app: FastifyInstance, options: ServiceOptions): Promise<void> {
  const { store, verify, settings } = options
  const limiter = new RateLimiter(settings.rateLimitPerMinute)

  // Every refusal is JSON `{ error }` saying what is wrong, Fastify's own (415, 413, bad JSON) too.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message })
  })
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 400) {
      request.log.info(
        { method: request.method, url: request.url.split('?')[0], status: reply.statusCode },
        'refused',
      )
    }
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }),
  )

  // Our own JSON parser: Fastify's calls a prototype key "not valid JSON", which says the wrong thing.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    let value: unknown
    try {
      value = JSON.parse(text as string)
    } catch (error) {
      return done(httpError(400, `the body is not JSON: ${(error as Error).message}`))
    }
    const problem = bodyProblem(value, MAX_JSON_DEPTH)
    if (problem) return done(httpError(400, problem))
    request.rawBody = text as string
    return done(null, value)
  })

  app.get('/healthz', async () => ({ ok: true }))
  app.get('/readyz', async (request, reply) => {
    try {
      await store.ping()
      return { ready: true }
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable')
      return reply.code(503).send({ error: 'the database is not reachable' })
    }
  })

  app.post('/api/v1/results', {
    // Identity before the body is read: an unauthenticated upload costs no parsing.
    onRequest: async (request, reply) => {
      const token = bearer(request)
      if (!token)
        return refuse(
          reply,
          401,
          'an Authorization: Bearer <GitHub Actions OIDC token> header is required',
        )
      try {
        request.uploader = await verify(token)
      } catch (error) {
        if (error instanceof TokenRefused) return refuse(reply, 401, error.message)
        throw error
      }
      const { repositoryId, ownerId } = request.uploader.identity
      if (settings.allowedOwnerIds && !settings.allowedOwnerIds.includes(ownerId)) {
        return refuse(reply, 403, `owner ${ownerId} is not allowed to upload here`)
      }
      if (settings.allowedRepositoryIds && !settings.allowedRepositoryIds.includes(repositoryId)) {
        return refuse(reply, 403, `repository ${repositoryId} is not allowed to upload here`)
      }
      if (options.github) {
        const { repository } = request.uploader.identity
        // GitHub not answering is no reason to lose a leg's result: the publish asks again.
        const installed = await options.github.installationFor(repository).catch((error) => {
          request.log.warn({ err: error }, 'installation lookup failed; upload kept')
          return 0
        })
        if (installed === undefined) {
          return refuse(reply, 403, `the bind-probe GitHub App is not installed on ${repository}`)
        }
      }
      const wait = limiter.take(repositoryId)
      if (wait !== undefined) {
        reply.header('retry-after', String(wait))
        return refuse(
          reply,
          429,
          `repository ${repositoryId} sent more than ${settings.rateLimitPerMinute} uploads this minute`,
        )
      }
    },
    handler: async (request, reply) => {
      const checked = checkEnvelope(request.body)
      if (!checked.ok) return refuse(reply, 400, checked.error)
      const { envelope, notes } = checked
      const uploader = request.uploader!
      let identity = uploader.identity
      if (envelope.relayedRun) {
        if (!options.github) {
          return refuse(
            reply,
            403,
            'relayed results need the GitHub App (GITHUB_APP_ID) to check the run',
          )
        }
        try {
          identity = await relayedIdentity(
            options.github,
            identity,
            envelope.relayedRun.id,
            envelope.headSha,
            settings.requestTimeoutMs,
            loggerOf(request.log),
          )
        } catch (error) {
          if (error instanceof RelayRefused) return refuse(reply, 403, error.message)
          throw error
        }
      }
      // A scan dropped for its size changed the envelope; otherwise it is stored as it came.
      const text = notes.length ? JSON.stringify(envelope) : request.rawBody!
      // A relayed result's run and pull request are the fork run's, not the relay job's.
      const claims = envelope.relayedRun
        ? { ...uploader.claims, ref: identity.ref, event_name: identity.eventName }
        : uploader.claims
      const receivedAt = new Date()
      // The history's rows go in the result's own transaction: both are kept, or neither.
      const history = options.db
        ? (session: SqlSession, id: string) =>
            recordOutcomes(session, { resultId: id, identity, claims, envelope, receivedAt })
        : undefined
      const outcome = await store.putResult(
        {
          identity,
          platform: envelope.result.platform.id,
          commentKey: envelope.commentKey,
          headSha: envelope.headSha,
          bodyHash: createHash('sha256').update(text).digest('hex'),
          envelope: text,
          notes,
          tokenExpiresAt: uploader.expiresAt,
          receivedAt,
        },
        history,
      )
      if (options.publisher && (outcome.status === 'created' || outcome.status === 'same')) {
        const key = {
          repositoryId: identity.repositoryId,
          headSha: envelope.headSha,
          commentKey: envelope.commentKey,
        }
        await options.publisher.uploaded(key, new Date())
      }
      switch (outcome.status) {
        case 'created':
          return reply.code(201).send({ id: outcome.id, notes })
        case 'same':
          return reply.code(200).send({ id: outcome.id, notes })
        case 'conflict':
          return refuse(
            reply,
            409,
            `this run, attempt, job, platform and comment key already uploaded another result (${outcome.id})`,
          )
        case 'replayed-token':
          return refuse(reply, 401, 'this token was already used for another upload')
      }
    },
  })

  if (options.github && options.publisher) {
    webhookRoutes(app, {
      github: options.github,
      publisher: options.publisher,
      store,
      ...(options.db ? { db: options.db } : {}),
    })
  }

  const operator = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!settings.operatorToken)
      return refuse(reply, 403, 'the operator routes are off (no BIND_PROBE_OPERATOR_TOKEN)')
    const token = bearer(request)
    if (!token || !sameSecret(token, settings.operatorToken))
      return refuse(reply, 401, 'the operator token is required')
  }

  app.get<{ Querystring: { repository_id?: string; sha?: string } }>('/api/v1/results', {
    onRequest: operator,
    handler: async (request, reply) => {
      const repositoryId = numericId(request.query.repository_id)
      if (repositoryId === undefined)
        return refuse(reply, 400, 'repository_id must be a numeric repository id')
      const { sha } = request.query
      if (sha !== undefined && !/^[0-9a-f]{40}$/.test(sha))
        return refuse(reply, 400, 'sha must be 40 hexadecimal digits')
      return { results: await store.listResults(repositoryId, sha) }
    },
  })

  app.delete<{ Params: { id: string } }>('/api/v1/repositories/:id', {
    onRequest: operator,
    handler: async (request, reply) => {
      const repositoryId = numericId(request.params.id)
      if (repositoryId === undefined) return refuse(reply, 400, 'the repository id must be numeric')
      return { deleted: await store.deleteRepository(repositoryId) }
    },
  })
}

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode })
}

function refuse(reply: FastifyReply, status: number, error: string): FastifyReply {
  return reply.code(status).send({ error })
}

function bearer(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1]
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

function numericId(text: string | undefined): number | undefined {
  if (!text || !/^[1-9]\d*$/.test(text)) return undefined
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : undefined
}
