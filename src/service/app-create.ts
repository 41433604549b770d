// `bind-probe app create`: GitHub's App manifest flow on loopback, so a user creates the
// service's App in one step. A page on 127.0.0.1 posts the manifest to GitHub; GitHub sends the
// browser back with a code, which is exchanged (once, within an hour) for the App's id, private
// key and webhook secret; those are written to files only the user can read.
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { appManifest } from './app-manifest.ts'

export interface AppCreateOptions {
  name: string
  publicUrl: string
  /** An organisation to own the App; absent: the signed-in user. */
  org?: string
  serverUrl: string
  apiUrl: string
  /** Where the key and the settings file are written. */
  out: string
  port: number
  requestTimeoutMs: number
}

export interface CreatedApp {
  id: number
  slug: string
  htmlUrl: string
  keyFile: string
  envFile: string
}

export interface AppCreation {
  /** The page to open in a browser. */
  url: string
  /** Resolves once GitHub has sent the browser back and the files are written. */
  created: Promise<CreatedApp>
  close(): Promise<void>
}

export async function startAppCreation(options: AppCreateOptions): Promise<AppCreation> {
  const state = randomBytes(16).toString('hex')
  let resolveCreated!: (app: CreatedApp) => void
  let rejectCreated!: (error: Error) => void
  const created = new Promise<CreatedApp>((resolve, reject) => {
    resolveCreated = resolve
    rejectCreated = reject
  })
  let exchanged = false
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'GET' && url.pathname === '/') return page(res, form(options, base(), state))
    if (req.method === 'GET' && url.pathname === '/callback') {
      const code = url.searchParams.get('code') ?? ''
      if (url.searchParams.get('state') !== state || !/^[\w-]{1,200}$/.test(code)) {
        return page(res, '<p>This link is not from the App creation this command started.</p>', 400)
      }
      if (exchanged) return page(res, '<p>The App was already created.</p>', 409)
      exchanged = true
      convert(options, code).then(
        (app) => {
          page(
            res,
            `<p>Created <a href="${html(app.htmlUrl)}">${html(app.slug)}</a>. Install it on your repositories, then start the service (see the terminal).</p>`,
          )
          resolveCreated(app)
        },
        (error: Error) => {
          page(res, `<p>GitHub did not create the App: ${html(error.message)}</p>`, 502)
          rejectCreated(error)
        },
      )
      return
    }
    page(res, '<p>Not found.</p>', 404)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${base()}/`,
    created,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The page that posts the manifest to GitHub: one button (GitHub wants a form POST). */
function form(options: AppCreateOptions, base: string, state: string): string {
  const manifest = appManifest({
    name: options.name,
    publicUrl: options.publicUrl,
    redirectUrl: `${base}/callback`,
  })
  const owner = options.org
    ? `/organizations/${encodeURIComponent(options.org)}/settings/apps/new`
    : '/settings/apps/new'
  const action = `${options.serverUrl}${owner}?state=${state}`
  return `<p>Create the GitHub App <strong>${html(options.name)}</strong> for ${html(options.publicUrl)}:</p>
<form method="post" action="${html(action)}">
<input type="hidden" name="manifest" value="${html(JSON.stringify(manifest))}">
<button type="submit">Create on GitHub</button>
</form>`
}

/** POST /app-manifests/{code}/conversions: the App's credentials, handed over once. */
async function convert(options: AppCreateOptions, code: string): Promise<CreatedApp> {
  const response = await fetch(`${options.apiUrl}/app-manifests/${code}/conversions`, {
    method: 'POST',
    headers: { accept: 'application/vnd.github+json', 'user-agent': 'bind-probe' },
    signal: AbortSignal.timeout(options.requestTimeoutMs),
  })
  const body = (await response.json().catch(() => ({}))) as {
    id?: unknown
    slug?: unknown
    html_url?: unknown
    pem?: unknown
    webhook_secret?: unknown
    message?: unknown
  }
  if (!response.ok) {
    throw new Error(
      `${response.status} ${typeof body.message === 'string' ? body.message : ''}`.trim(),
    )
  }
  if (
    typeof body.id !== 'number' ||
    typeof body.pem !== 'string' ||
    typeof body.webhook_secret !== 'string'
  ) {
    throw new Error('the answer has no id, pem or webhook_secret')
  }
  const keyFile = join(options.out, 'bind-probe-app.pem')
  const envFile = join(options.out, 'bind-probe-app.env')
  // 0600, and never overwritten: a second App's key must not replace the first one's.
  await writeFile(keyFile, body.pem, { mode: 0o600, flag: 'wx' })
  await writeFile(
    envFile,
    [
      `GITHUB_APP_ID=${body.id}`,
      `GITHUB_APP_PRIVATE_KEY_FILE=${keyFile}`,
      `GITHUB_WEBHOOK_SECRET=${body.webhook_secret}`,
      `GITHUB_API_URL=${options.apiUrl}`,
      `GITHUB_SERVER_URL=${options.serverUrl}`,
      `BIND_PROBE_PUBLIC_URL=${options.publicUrl}`,
      '',
    ].join('\n'),
    { mode: 0o600, flag: 'wx' },
  )
  return {
    id: body.id,
    slug: typeof body.slug === 'string' ? body.slug : String(body.id),
    htmlUrl: typeof body.html_url === 'string' ? body.html_url : '',
    keyFile,
    envFile,
  }
}

function page(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; form-action https: http:",
  })
  res.end(`<!doctype html><meta charset="utf-8"><title>bind-probe app create</title>${body}\n`)
}

function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}
