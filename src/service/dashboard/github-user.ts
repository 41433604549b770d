// The little the dashboard asks of GitHub for a user: the OAuth web flow's code exchange, who the
// token belongs to, and whether it can read a repository. GitHub.com or GitHub Enterprise Server.

const TIMEOUT_MS = 10_000

export interface GitHubUserOptions {
  /** `https://github.com` or a GHES URL: where users log in. */
  serverUrl: string
  /** The REST API: `https://api.github.com`, or GHES's `https://HOST/api/v3`. */
  apiUrl: string
  clientId: string
  clientSecret: string
}

export function defaultApiUrl(serverUrl: string): string {
  return serverUrl === 'https://github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`
}

export function authorizeUrl(
  options: Pick<GitHubUserOptions, 'serverUrl' | 'clientId'>,
  redirectUri: string,
  state: string,
): string {
  const url = new URL(`${options.serverUrl}/login/oauth/authorize`)
  url.searchParams.set('client_id', options.clientId)
  url.searchParams.set('redirect_uri', redirectUri)
  url.searchParams.set('state', state)
  // A GitHub App's user authorization takes no scopes: the App's permissions bound the token.
  url.searchParams.set('allow_signup', 'false')
  return url.href
}

export class LoginFailed extends Error {
  override name = 'LoginFailed'
}

/** The code from the callback, for the user's token. GitHub answers 200 with `error` when it refuses. */
export async function exchangeCode(
  options: GitHubUserOptions,
  code: string,
  redirectUri: string,
): Promise<string> {
  const response = await fetch(`${options.serverUrl}/login/oauth/access_token`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code,
      redirect_uri: redirectUri,
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (!response.ok || typeof body.access_token !== 'string') {
    const why = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`
    throw new LoginFailed(`GitHub did not give a token for that login (${why})`)
  }
  return body.access_token
}

async function api(apiUrl: string, path: string, token: string): Promise<Response> {
  return fetch(`${apiUrl}${path}`, {
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'bind-probe-dashboard',
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
}

export async function userLogin(apiUrl: string, token: string): Promise<string> {
  const response = await api(apiUrl, '/user', token)
  const body = (await response.json().catch(() => ({}))) as { login?: unknown }
  if (!response.ok || typeof body.login !== 'string') {
    throw new LoginFailed(`GitHub did not say who the token belongs to (HTTP ${response.status})`)
  }
  return body.login
}

/** 200 on GET /repos/{owner}/{repo} with the user's token: they can read it. 404 (or 403): no. */
export async function canReadRepository(
  apiUrl: string,
  token: string,
  repository: string,
): Promise<boolean> {
  const [owner, name] = repository.split('/')
  if (!owner || !name) return false
  const response = await api(
    apiUrl,
    `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`,
    token,
  )
  await response.body?.cancel()
  return response.status === 200
}
