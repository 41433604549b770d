// GitHub's OAuth web flow and the few user API routes the dashboard calls, on loopback, as
// github.com answers them: GET /login/oauth/authorize (the user approves at once as whoever
// `signInAs` named, and is sent back with a one-time code), POST /login/oauth/access_token (200
// with `error` for a bad code, as GitHub does), GET /user, and GET /repos/{owner}/{repo} (200 if
// the user can read it, 404 otherwise: GitHub does not tell a private repository exists).
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface OAuthApp {
  clientId: string
  clientSecret: string
  /** The callback URL registered for the App: redirect_uri must start with it. */
  callbackUrl: string
}

export class OAuthStandIn {
  /** Requests received: `GET /user`, `POST /login/oauth/access_token`, … */
  readonly requests: string[] = []
  private readonly server: Server
  private readonly app: OAuthApp
  private user: string | undefined
  /** Login to the repositories (`owner/name`) it can read besides public ones. */
  private readonly readable = new Map<string, Set<string>>()
  private readonly codes = new Map<string, { login: string; redirectUri: string }>()
  private readonly tokens = new Map<string, string>()

  constructor(app: OAuthApp) {
    this.app = app
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers)
          res.end(body)
        },
        (error: Error) => {
          res.writeHead(500).end(error.message)
        },
      )
    })
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return this.url
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  /** The browser's GitHub session: who approves the next authorization. */
  signInAs(login: string, canRead: readonly string[] = []): void {
    this.user = login
    this.readable.set(login, new Set(canRead))
  }

  private async handle(req: IncomingMessage) {
    const url = new URL(req.url ?? '/', this.url)
    this.requests.push(`${req.method} ${url.pathname}`)
    const json = (status: number, value: unknown) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value),
    })
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const redirectUri = url.searchParams.get('redirect_uri') ?? ''
      if (url.searchParams.get('client_id') !== this.app.clientId)
        return { status: 404, headers: {}, body: 'unknown client_id' }
      if (!redirectUri.startsWith(this.app.callbackUrl))
        return { status: 400, headers: {}, body: 'redirect_uri is not registered' }
      if (!this.user) return { status: 401, headers: {}, body: 'nobody is signed in' }
      const code = randomBytes(10).toString('hex')
      this.codes.set(code, { login: this.user, redirectUri })
      const back = new URL(redirectUri)
      back.searchParams.set('code', code)
      back.searchParams.set('state', url.searchParams.get('state') ?? '')
      return { status: 302, headers: { location: back.href }, body: '' }
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      const body = JSON.parse((await text(req)) || '{}') as Record<string, string>
      const grant = this.codes.get(body.code ?? '')
      this.codes.delete(body.code ?? '')
      if (body.client_id !== this.app.clientId || body.client_secret !== this.app.clientSecret)
        return json(200, { error: 'incorrect_client_credentials' })
      if (!grant || grant.redirectUri !== body.redirect_uri)
        return json(200, { error: 'bad_verification_code' })
      const token = `ghu_${randomBytes(16).toString('hex')}`
      this.tokens.set(token, grant.login)
      return json(200, { access_token: token, token_type: 'bearer', scope: '' })
    }
    const login = this.tokens.get(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '')
    if (req.method === 'GET' && url.pathname === '/user') {
      return login
        ? json(200, { login, id: 1000 + login.length })
        : json(401, { message: 'Bad credentials' })
    }
    const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && repo) {
      if (!login) return json(401, { message: 'Bad credentials' })
      const name = `${decodeURIComponent(repo[1]!)}/${decodeURIComponent(repo[2]!)}`
      return this.readable.get(login)?.has(name)
        ? json(200, { full_name: name, private: true })
        : json(404, { message: 'Not Found' })
    }
    return json(404, { message: 'Not Found' })
  }
}

async function text(req: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of req) body += chunk
  return body
}
