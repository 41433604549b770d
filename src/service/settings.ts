// `bind-probe serve`'s settings, from flags or environment variables (flags win). Every setting is
// checked before the server listens: a malformed one is one line naming it, and exit 2.
import { createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { httpUrl as parseHttpUrl } from '../http-url.ts'

export interface ServiceSettings {
  host: string
  port: number
  /** A SQLite file path, or a postgres:// URL. */
  database: string
  /** The URL runners reach the service at; undefined: http://HOST:PORT once listening. */
  publicUrl?: string
  oidcIssuer: string
  /** The `aud` tokens must carry; undefined: the public URL. */
  oidcAudience?: string
  operatorToken?: string
  allowedOwnerIds?: number[]
  allowedRepositoryIds?: number[]
  bodyLimitBytes: number
  /** Uploads per minute per repository. */
  rateLimitPerMinute: number
  requestTimeoutMs: number
  /** Unset: the service collects results and publishes nothing. */
  githubApp?: GitHubAppSettings
  /** How long a report waits for its missing platforms before it is published without them. */
  reportDeadlineMs: number
  /** How often the outbox is polled for publishes that are due (other processes add them too). */
  publishPollMs: number
  /** REST root, for the App and the dashboard's access checks. */
  githubApiUrl: string
  // --- History and dashboard (issue 11) ---
  /** Days of outcome history kept; older rows are purged. */
  historyDays: number
  /** Runs each flip figure looks back over. */
  flipWindow: number
  /** `https://github.com`, or a GitHub Enterprise Server: where users log in to the dashboard. */
  githubServerUrl: string
  /** The App's OAuth client, for the dashboard's login; unset: only public repositories show. */
  oauth?: { clientId: string; clientSecret: string; sessionSecret: string }
}

export interface GitHubAppSettings {
  appId: number
  /** PEM. */
  privateKey: string
  webhookSecret: string
  /** REST root: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string
  /** Web root, for links to runs: https://github.com, or the GHES host. */
  serverUrl: string
}

export class SettingError extends Error {
  override name = 'SettingError'
}

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

/** Flag, environment variable, and what it is, for --help and the docs. */
export const SETTINGS: readonly { flag: string; env: string; what: string }[] = [
  { flag: '--host', env: 'BIND_PROBE_HOST', what: 'address to listen on (default 127.0.0.1)' },
  {
    flag: '--port',
    env: 'BIND_PROBE_PORT',
    what: 'port to listen on; 0 picks a free one (default 3000)',
  },
  {
    flag: '--db',
    env: 'DATABASE_URL',
    what: 'a SQLite file (default ./bind-probe.sqlite) or a postgres:// URL',
  },
  {
    flag: '--public-url',
    env: 'BIND_PROBE_PUBLIC_URL',
    what: 'the URL runners upload to (default http://HOST:PORT)',
  },
  {
    flag: '--oidc-issuer',
    env: 'BIND_PROBE_OIDC_ISSUER',
    what: `the OIDC issuer tokens must come from (default ${GITHUB_OIDC_ISSUER})`,
  },
  {
    flag: '--oidc-audience',
    env: 'BIND_PROBE_OIDC_AUDIENCE',
    what: 'the one audience tokens must carry (default the public URL)',
  },
  {
    flag: '--operator-token',
    env: 'BIND_PROBE_OPERATOR_TOKEN',
    what: 'bearer token for listing and deleting stored data (unset: those routes are off)',
  },
  {
    flag: '--allow-owner-ids',
    env: 'BIND_PROBE_ALLOWED_OWNER_IDS',
    what: 'comma-separated numeric owner ids allowed to upload (default any)',
  },
  {
    flag: '--allow-repository-ids',
    env: 'BIND_PROBE_ALLOWED_REPOSITORY_IDS',
    what: 'comma-separated numeric repository ids allowed to upload (default any)',
  },
  {
    flag: '--body-limit',
    env: 'BIND_PROBE_BODY_LIMIT_BYTES',
    what: 'largest upload body in bytes (default 16777216)',
  },
  {
    flag: '--rate-limit',
    env: 'BIND_PROBE_RATE_LIMIT',
    what: 'uploads per minute per repository (default 600)',
  },
  {
    flag: '--request-timeout',
    env: 'BIND_PROBE_REQUEST_TIMEOUT_MS',
    what: 'longest time to receive a request, in ms (default 30000)',
  },
  {
    flag: '--github-app-id',
    env: 'GITHUB_APP_ID',
    what: 'the GitHub App that publishes reports (unset: results are collected, nothing is published)',
  },
  {
    flag: '--github-app-private-key-file',
    env: 'GITHUB_APP_PRIVATE_KEY_FILE',
    what: "a file holding the App's private key (PEM); or the PEM itself in GITHUB_APP_PRIVATE_KEY (no flag: a key on the command line shows in `ps`)",
  },
  {
    flag: '--webhook-secret',
    env: 'GITHUB_WEBHOOK_SECRET',
    what: "the App's webhook secret; webhooks are verified with it",
  },
  {
    flag: '--github-api-url',
    env: 'GITHUB_API_URL',
    what: 'GitHub REST API root (default https://api.github.com; GHES: https://HOST/api/v3)',
  },
  {
    flag: '--github-server-url',
    env: 'GITHUB_SERVER_URL',
    what: 'GitHub web root: links to runs, and where dashboard users log in (default https://github.com)',
  },
  {
    flag: '--report-deadline',
    env: 'BIND_PROBE_REPORT_DEADLINE_MS',
    what: 'how long a report waits for missing platforms, in ms (default 1800000: 30 minutes)',
  },
  {
    flag: '--publish-poll',
    env: 'BIND_PROBE_PUBLISH_POLL_MS',
    what: 'how often the outbox is polled for due publishes, in ms (default 1000)',
  },
  // --- History and dashboard (issue 11) ---
  {
    flag: '--history-days',
    env: 'BIND_PROBE_HISTORY_DAYS',
    what: 'days of outcome history kept for flip rates and the dashboard (default 90)',
  },
  {
    flag: '--flip-window',
    env: 'BIND_PROBE_FLIP_WINDOW',
    what: 'runs a flip rate looks back over (default 20)',
  },
  {
    flag: '--oauth-client-id',
    env: 'GITHUB_OAUTH_CLIENT_ID',
    what: "the App's OAuth client id, for the dashboard's login (unset: public repositories only)",
  },
  {
    flag: '--oauth-client-secret',
    env: 'GITHUB_OAUTH_CLIENT_SECRET',
    what: "the App's OAuth client secret",
  },
  {
    flag: '--session-secret',
    env: 'BIND_PROBE_SESSION_SECRET',
    what: 'signs the dashboard session cookie (at least 32 characters)',
  },
]

export function readSettings(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): ServiceSettings {
  const options = Object.fromEntries(
    SETTINGS.map((s) => [s.flag.slice(2), { type: 'string' as const }]),
  )
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true })
  if (positionals.length) throw new SettingError(`unexpected argument "${positionals[0]}"`)
  const get: Get = (flag) => {
    const setting = SETTINGS.find((s) => s.flag === flag)!
    const fromFlag = values[flag.slice(2)]
    if (typeof fromFlag === 'string') return { value: fromFlag, name: flag }
    const fromEnv = env[setting.env]
    return fromEnv !== undefined && fromEnv !== ''
      ? { value: fromEnv, name: setting.env }
      : undefined
  }
  const publicUrl = optional(get('--public-url'), httpUrl)
  const audience = get('--oidc-audience')
  return {
    host: get('--host')?.value ?? '127.0.0.1',
    port: optional(get('--port'), whole(0, 65535)) ?? 3000,
    database: get('--db')?.value ?? './bind-probe.sqlite',
    ...(publicUrl ? { publicUrl } : {}),
    oidcIssuer: optional(get('--oidc-issuer'), httpUrl) ?? GITHUB_OIDC_ISSUER,
    ...(audience ? { oidcAudience: audience.value } : {}),
    ...optionalField('operatorToken', get('--operator-token'), secret),
    ...optionalField('allowedOwnerIds', get('--allow-owner-ids'), ids),
    ...optionalField('allowedRepositoryIds', get('--allow-repository-ids'), ids),
    bodyLimitBytes: optional(get('--body-limit'), whole(1024, 1 << 30)) ?? 16 * 1024 * 1024,
    rateLimitPerMinute: optional(get('--rate-limit'), whole(1, 1_000_000)) ?? 600,
    requestTimeoutMs: optional(get('--request-timeout'), whole(100, 3_600_000)) ?? 30_000,
    ...optionalField('githubApp', get('--github-app-id'), (value, name) =>
      githubApp(value, name, get, env),
    ),
    reportDeadlineMs:
      optional(get('--report-deadline'), whole(1_000, 7 * 24 * 3_600_000)) ?? 30 * 60_000,
    publishPollMs: optional(get('--publish-poll'), whole(10, 60_000)) ?? 1_000,
    githubApiUrl: optional(get('--github-api-url'), httpUrl) ?? 'https://api.github.com',
    ...historySettings(get),
  }
}

type Get = (flag: string) => { value: string; name: string } | undefined

/** The App's settings come together: an id without its key or webhook secret is a mistake. */
function githubApp(
  value: string,
  name: string,
  get: Get,
  env: NodeJS.ProcessEnv,
): GitHubAppSettings {
  const appId = whole(1, Number.MAX_SAFE_INTEGER)(value, name)
  const inline = env.GITHUB_APP_PRIVATE_KEY
    ? { value: env.GITHUB_APP_PRIVATE_KEY, name: 'GITHUB_APP_PRIVATE_KEY' }
    : undefined
  const file = get('--github-app-private-key-file')
  if (inline && file) {
    throw new SettingError(`set ${inline.name} or ${file.name}, not both`)
  }
  if (!inline && !file) {
    throw new SettingError(
      `${name} is set, so GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_FILE must be too`,
    )
  }
  let privateKey: string
  if (file) {
    try {
      privateKey = readFileSync(file.value, 'utf8')
    } catch (error) {
      throw new SettingError(
        `${file.name}: cannot read ${file.value} (${(error as NodeJS.ErrnoException).code})`,
      )
    }
  } else privateKey = inline!.value.replace(/\\n/g, '\n')
  try {
    createPrivateKey(privateKey)
  } catch {
    throw new SettingError(`${(file ?? inline)!.name} is not a PEM private key`)
  }
  const webhookSecret = get('--webhook-secret')
  if (!webhookSecret) throw new SettingError(`${name} is set, so GITHUB_WEBHOOK_SECRET must be too`)
  return {
    appId,
    privateKey,
    webhookSecret: secret(webhookSecret.value, webhookSecret.name),
    apiUrl: optional(get('--github-api-url'), httpUrl) ?? 'https://api.github.com',
    serverUrl: optional(get('--github-server-url'), httpUrl) ?? 'https://github.com',
  }
}

// --- History and dashboard (issue 11) ---
function historySettings(get: Get) {
  const id = get('--oauth-client-id')
  const secretOf = get('--oauth-client-secret')
  const session = get('--session-secret')
  const given = [id, secretOf, session].filter(Boolean)
  if (given.length > 0 && given.length < 3) {
    const missing = [
      id ? undefined : '--oauth-client-id (GITHUB_OAUTH_CLIENT_ID)',
      secretOf ? undefined : '--oauth-client-secret (GITHUB_OAUTH_CLIENT_SECRET)',
      session ? undefined : '--session-secret (BIND_PROBE_SESSION_SECRET)',
    ].filter(Boolean)
    throw new SettingError(`the dashboard's login needs ${missing.join(' and ')} as well`)
  }
  return {
    historyDays: optional(get('--history-days'), whole(1, 36_500)) ?? 90,
    flipWindow: optional(get('--flip-window'), whole(2, 1000)) ?? 20,
    githubServerUrl: optional(get('--github-server-url'), httpUrl) ?? 'https://github.com',
    ...(id && secretOf && session
      ? {
          oauth: {
            clientId: id.value,
            clientSecret: secretOf.value,
            sessionSecret: longSecret(session.value, session.name),
          },
        }
      : {}),
  }
}

function longSecret(value: string, name: string): string {
  if (value.length < 32) throw new SettingError(`${name} must be at least 32 characters`)
  return value
}

type Parse<T> = (value: string, name: string) => T

function optional<T>(found: { value: string; name: string } | undefined, parse: Parse<T>) {
  return found ? parse(found.value, found.name) : undefined
}

function optionalField<K extends string, T>(
  key: K,
  found: { value: string; name: string } | undefined,
  parse: Parse<T>,
): Partial<Record<K, T>> {
  return found ? ({ [key]: parse(found.value, found.name) } as Record<K, T>) : {}
}

function whole(min: number, max: number): Parse<number> {
  return (value, name) => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new SettingError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`)
    }
    return n
  }
}

function httpUrl(value: string, name: string): string {
  const url = parseHttpUrl(value)
  if (!url) throw new SettingError(`${name} must be an http(s) URL, got "${value}"`)
  return url
}

function ids(value: string, name: string): number[] {
  const list = value.split(',').map((s) => s.trim())
  for (const id of list) {
    if (!/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(Number(id))) {
      throw new SettingError(
        `${name} must list numeric GitHub ids separated by commas (names change on a rename; ids do not), got "${id}"`,
      )
    }
  }
  return list.map(Number)
}

function secret(value: string, name: string): string {
  if (value.length < 16) throw new SettingError(`${name} must be at least 16 characters`)
  return value
}
