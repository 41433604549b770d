// The dashboard as a Fastify plugin: GET / (the repositories a viewer may see), GET /repos/:id
// (its latest matrix, flip charts and recent pull requests' flaky port use), and the GitHub login
// (the App's user authorization, OAuth web flow). Public repositories' data is shown to anyone;
// a private or internal repository's only to a logged-in user whose token can read it on GitHub,
// or to a request bearing the operator token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  listRepositories,
  repositoryRecord,
  type RepositoryRecord,
} from '../history/history-store.ts'
import type { SqlDatabase } from '../store/sql.ts'
import { recentFindings, repositoryView } from './data.ts'
import {
  authorizeUrl,
  canReadRepository,
  defaultApiUrl,
  exchangeCode,
  LoginFailed,
  userLogin,
} from './github-user.ts'
import type { Html } from './html.ts'
import { errorPage, indexPage, notFoundPage, repositoryPage, type Viewer } from './pages.ts'
import { cookie, readCookies, Sealer } from './session.ts'

export interface DashboardOptions {
  db: SqlDatabase
  /** Runs the charts look back over (the flip window). */
  window: number
  /** Where users log in: `https://github.com` or a GHES URL. */
  githubServerUrl: string
  /** The REST API; by default derived from the server URL. */
  githubApiUrl?: string
  /** This service's public URL (the OAuth callback is under it), or how to learn it once listening. */
  publicUrl: string | (() => string)
  oauth?: { clientId: string; clientSecret: string; sessionSecret: string }
  operatorToken?: string
}

interface Session {
  login: string
  token: string
}

const SESSION = 'bp_session'
const LOGIN_STATE = 'bp_login'
const SESSION_MS = 8 * 60 * 60 * 1000
const LOGIN_MS = 10 * 60 * 1000
/** A user's access to a repository is asked of GitHub again after this long. */
const ACCESS_CACHE_MS = 60 * 1000

const HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'private, no-store',
}

export async function dashboardApp(app: FastifyInstance, options: DashboardOptions): Promise<void> {
  const { db, oauth } = options
  const apiUrl = options.githubApiUrl ?? defaultApiUrl(options.githubServerUrl)
  const publicUrl = () =>
    (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(
      /\/+$/,
      '',
    )
  const sealer = oauth ? new Sealer(oauth.sessionSecret) : undefined
  const secure = () => publicUrl().startsWith('https:')
  const access = new Map<string, { allowed: boolean; until: number }>()

  const viewerOf = (request: FastifyRequest) => {
    const operator = isOperator(request, options.operatorToken)
    const session = operator
      ? undefined
      : sealer?.open<Session>(readCookies(request.headers.cookie).get(SESSION))
    const viewer: Viewer = {
      ...(operator ? { name: 'operator' } : session ? { name: session.login } : {}),
      canLogIn: oauth !== undefined,
    }
    return { operator, session, viewer }
  }

  const mayRead = async (
    who: ReturnType<typeof viewerOf>,
    repo: RepositoryRecord,
  ): Promise<boolean> => {
    if (repo.visibility === 'public' || who.operator) return true
    if (!who.session) return false
    const key = `${who.session.login}\u0000${repo.repositoryId}`
    const cached = access.get(key)
    if (cached && cached.until > Date.now()) return cached.allowed
    const allowed = await canReadRepository(apiUrl, who.session.token, repo.repository)
    access.set(key, { allowed, until: Date.now() + ACCESS_CACHE_MS })
    return allowed
  }

  const send = (reply: FastifyReply, status: number, body: Html) =>
    reply.code(status).headers(HEADERS).type('text/html; charset=utf-8').send(body.text)

  app.get('/', async (request, reply) => {
    const who = viewerOf(request)
    const visible: RepositoryRecord[] = []
    let hidden = 0
    for (const repo of await listRepositories(db)) {
      if (await mayRead(who, repo)) visible.push(repo)
      else hidden++
    }
    const views = await Promise.all(visible.map((r) => repositoryView(db, r, options.window)))
    return send(reply, 200, indexPage(views, hidden, who.viewer))
  })

  app.get<{ Params: { id: string } }>('/repos/:id', async (request, reply) => {
    const who = viewerOf(request)
    const next = `/repos/${request.params.id}`
    const id = /^[1-9]\d{0,15}$/.test(request.params.id) ? Number(request.params.id) : undefined
    const repo = id === undefined ? undefined : await repositoryRecord(db, id)
    // Unknown and unreadable look the same: a private repository's existence is not told.
    if (!repo || !(await mayRead(who, repo))) {
      return send(
        reply,
        404,
        notFoundPage(
          `No repository ${request.params.id} here that ${who.viewer.name ? 'you can read' : 'is public'}.`,
          who.viewer,
          next,
        ),
      )
    }
    const [view, pulls] = await Promise.all([
      repositoryView(db, repo, options.window),
      recentFindings(db, repo.repositoryId),
    ])
    return send(reply, 200, repositoryPage(view, pulls, who.viewer))
  })

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    if (!oauth || !sealer) {
      return send(
        reply,
        404,
        errorPage('Login is not set up on this service.', { canLogIn: false }),
      )
    }
    const state = randomBytes(24).toString('base64url')
    const next = safeNext(request.query.next)
    reply.header(
      'set-cookie',
      cookie(LOGIN_STATE, sealer.seal({ state, next }, LOGIN_MS), {
        maxAgeS: LOGIN_MS / 1000,
        secure: secure(),
      }),
    )
    return reply
      .headers(HEADERS)
      .redirect(
        authorizeUrl(
          { serverUrl: options.githubServerUrl, clientId: oauth.clientId },
          `${publicUrl()}/login/callback`,
          state,
        ),
      )
  })

  app.get<{ Querystring: { code?: string; state?: string } }>(
    '/login/callback',
    async (request, reply) => {
      if (!oauth || !sealer)
        return send(reply, 404, errorPage('Login is not set up.', { canLogIn: false }))
      const viewer: Viewer = { canLogIn: true }
      const started = sealer.open<{ state: string; next: string }>(
        readCookies(request.headers.cookie).get(LOGIN_STATE),
      )
      const { code, state } = request.query
      if (!started || !state || !code || !sameSecret(state, started.state)) {
        return send(
          reply,
          400,
          errorPage('This login did not start here, or took too long: log in again.', viewer),
        )
      }
      let session: Session
      try {
        const token = await exchangeCode(
          { serverUrl: options.githubServerUrl, apiUrl, ...oauth },
          code,
          `${publicUrl()}/login/callback`,
        )
        session = { token, login: await userLogin(apiUrl, token) }
      } catch (error) {
        if (!(error instanceof LoginFailed)) request.log.warn({ err: error }, 'login failed')
        return send(
          reply,
          502,
          errorPage(
            error instanceof LoginFailed ? error.message : 'GitHub could not be reached.',
            viewer,
          ),
        )
      }
      reply.header('set-cookie', [
        cookie(SESSION, sealer.seal(session, SESSION_MS), {
          maxAgeS: SESSION_MS / 1000,
          secure: secure(),
        }),
        cookie(LOGIN_STATE, '', { maxAgeS: 0, secure: secure() }),
      ])
      return reply.headers(HEADERS).redirect(started.next)
    },
  )

  app.post('/logout', async (_request, reply) => {
    reply.header('set-cookie', cookie(SESSION, '', { maxAgeS: 0, secure: secure() }))
    return reply.headers(HEADERS).redirect('/', 303)
  })
}

/** Only a path of this site: never `//elsewhere` or `https://elsewhere`. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/'
}

function isOperator(request: FastifyRequest, operatorToken: string | undefined): boolean {
  if (!operatorToken) return false
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match ? sameSecret(match[1]!, operatorToken) : false
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
