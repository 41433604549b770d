// `bind-probe app create` as a user runs it, with GitHub's side played on loopback: the page it
// prints posts the manifest to GitHub's "new App" URL with a state; GitHub's redirect brings a
// code, exchanged once (POST /app-manifests/{code}/conversions) for the App's credentials, which
// land in two files only the user can read. app.yml asks for the same permissions and events.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { APP_EVENTS, APP_PERMISSIONS } from '../../src/service/app-manifest.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nstand-in\n-----END RSA PRIVATE KEY-----\n'

let github: Server | undefined
afterEach(
  () => new Promise<void>((resolve) => (github ? github.close(() => resolve()) : resolve())),
)

/** GitHub's conversion endpoint: the code `good` is worth an App, once. */
async function conversions(): Promise<{ url: string; codes: string[] }> {
  const codes: string[] = []
  github = createServer((req, res) => {
    const match = /^\/app-manifests\/([^/]+)\/conversions$/.exec(req.url ?? '')
    res.setHeader('content-type', 'application/json')
    if (req.method !== 'POST' || !match) return void res.writeHead(404).end('{}')
    codes.push(match[1]!)
    if (match[1] !== 'good' || codes.length > 1) {
      return void res.writeHead(404).end(JSON.stringify({ message: 'Not Found' }))
    }
    res.end(
      JSON.stringify({
        id: 424242,
        slug: 'bind-probe-test',
        html_url: 'https://github.com/apps/bind-probe-test',
        pem: PEM,
        webhook_secret: 'whsec-from-github-0123456789',
      }),
    )
  })
  await new Promise<void>((resolve) => github!.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(github.address() as AddressInfo).port}`, codes }
}

function start(apiUrl: string, out: string) {
  const child = spawn(process.execPath, [
    CLI,
    'app',
    'create',
    '--public-url',
    'https://bind-probe.example.com',
    '--github-server-url',
    'https://github.example.com',
    '--github-api-url',
    apiUrl,
    '--out',
    out,
  ])
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d))
  child.stderr.on('data', (d: Buffer) => (stderr += d))
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve))
  const first = new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  )
  return { child, ended, first, output: () => ({ stdout, stderr }) }
}

describe('bind-probe app create', () => {
  it('posts the manifest to GitHub and writes the App’s key and settings, readable by the user only', async () => {
    const api = await conversions()
    const out = mkdtempSync(join(tmpdir(), 'bind-probe-app-'))
    const run = start(api.url, out)
    const page = /^open (http:\/\/127\.0\.0\.1:\d+\/) in a browser/.exec(await run.first)![1]!
    const html = await (await fetch(page)).text()
    const action = /<form method="post" action="([^"]+)">/.exec(html)![1]!.replace(/&amp;/g, '&')
    expect(action).toMatch(
      /^https:\/\/github\.example\.com\/settings\/apps\/new\?state=[0-9a-f]{32}$/,
    )
    const manifest = JSON.parse(
      /name="manifest" value="([^"]+)"/
        .exec(html)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    expect(manifest.hook_attributes.url).toBe(
      'https://bind-probe.example.com/api/v1/github/webhooks',
    )
    expect(manifest.redirect_url).toBe(`${page}callback`)
    expect(manifest.default_permissions).toEqual(APP_PERMISSIONS)

    // A redirect that did not come from this flow is refused.
    const forged = await fetch(`${page}callback?code=good&state=${'0'.repeat(32)}`)
    expect(forged.status).toBe(400)
    const state = new URL(action).searchParams.get('state')
    const back = await fetch(`${page}callback?code=good&state=${state}`)
    expect(back.status).toBe(200)
    expect(await run.ended).toBe(0)
    expect(run.output().stdout).toMatch(/created the GitHub App bind-probe-test \(id 424242\)/)
    const keyFile = join(out, 'bind-probe-app.pem')
    const envFile = join(out, 'bind-probe-app.env')
    expect(readFileSync(keyFile, 'utf8')).toBe(PEM)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(statSync(envFile).mode & 0o777).toBe(0o600)
    const env = readFileSync(envFile, 'utf8')
    expect(env).toContain('GITHUB_APP_ID=424242\n')
    expect(env).toContain(`GITHUB_APP_PRIVATE_KEY_FILE=${keyFile}\n`)
    expect(env).toContain('GITHUB_WEBHOOK_SECRET=whsec-from-github-0123456789\n')
    expect(api.codes).toEqual(['good'])
  })

  it('says what GitHub answered when the code is refused, and writes nothing', async () => {
    const api = await conversions()
    const out = mkdtempSync(join(tmpdir(), 'bind-probe-app-'))
    const run = start(api.url, out)
    const page = /^open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(await run.first)![1]!
    const html = await (await fetch(page)).text()
    const state = /state=([0-9a-f]{32})/.exec(html)![1]
    expect((await fetch(`${page}callback?code=expired&state=${state}`)).status).toBe(502)
    expect(await run.ended).toBe(1)
    expect(run.output().stderr).toMatch(/GitHub did not create the App: 404 Not Found/)
    expect(() => statSync(join(out, 'bind-probe-app.pem'))).toThrow()
  })

  it('app.yml asks for the permissions and events the command puts in the manifest', () => {
    const yml = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8'))
    expect(yml.default_permissions).toEqual(APP_PERMISSIONS)
    expect(yml.default_events).toEqual([...APP_EVENTS])
  })
})
