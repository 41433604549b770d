// `bind-probe app create`: loaded only when asked for.
import { parseArgs } from 'node:util'
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { CommandFailure, UsageError, type Io } from '../cli/io.ts'
import { httpUrl as parseHttpUrl } from '../http-url.ts'
import { startAppCreation } from './app-create.ts'

export async function appCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'create')
    throw new UsageError(`unknown app command "${sub ?? ''}"; try: bind-probe app create --help`)
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      'public-url': { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      'github-server-url': { type: 'string' },
      'github-api-url': { type: 'string' },
      out: { type: 'string' },
      port: { type: 'string' },
    },
    allowPositionals: true,
  })
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const publicUrl = httpUrl(values['public-url'], '--public-url')
  if (!publicUrl)
    throw new UsageError(
      '--public-url is required: the URL runners and GitHub reach the service at',
    )
  const serverUrl =
    httpUrl(values['github-server-url'] ?? process.env.GITHUB_SERVER_URL, '--github-server-url') ??
    'https://github.com'
  const apiUrl =
    httpUrl(values['github-api-url'] ?? process.env.GITHUB_API_URL, '--github-api-url') ??
    (serverUrl === 'https://github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`)
  const out = resolve(values.out ?? '.')
  if (!existsSync(out) || !statSync(out).isDirectory())
    throw new UsageError(`--out ${out}: not a directory`)
  for (const file of ['bind-probe-app.pem', 'bind-probe-app.env']) {
    if (existsSync(resolve(out, file)))
      throw new CommandFailure(`${resolve(out, file)} exists: move it away or choose another --out`)
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`)
  const creation = await startAppCreation({
    name: values.name ?? 'bind-probe',
    publicUrl,
    ...(values.org ? { org: values.org } : {}),
    serverUrl,
    apiUrl,
    out,
    port,
    requestTimeoutMs: 30_000,
  })
  io.stdout.write(
    `open ${creation.url} in a browser signed in to ${serverUrl}, and press "Create on GitHub"\n`,
  )
  try {
    const app = await creation.created
    io.stdout.write(
      `created the GitHub App ${app.slug} (id ${app.id})${app.htmlUrl ? `: ${app.htmlUrl}` : ''}\n` +
        `wrote ${app.keyFile} and ${app.envFile} (readable by you only)\n` +
        `install the App on your repositories, then: set -a; . ${app.envFile}; set +a; bind-probe serve\n`,
    )
    return 0
  } catch (error) {
    throw new CommandFailure(`GitHub did not create the App: ${(error as Error).message}`)
  } finally {
    await creation.close()
  }
}

function httpUrl(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined
  const url = parseHttpUrl(value)
  if (!url) throw new UsageError(`${name} must be an http(s) URL, got "${value}"`)
  return url
}
