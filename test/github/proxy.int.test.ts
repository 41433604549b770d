// Self-hosted runners often reach GitHub only through a proxy. The action honours HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY (either case) as the Actions toolkit does, for every API request. The
// stand-in API is addressed by a name that does not resolve, which only the proxy maps to
// loopback: a request that went around the proxy could not arrive.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ACTION, makeCheckout, pullRequestEvent, runAction } from '../action/harness.ts'
import { ForwardProxy } from './stand-in/forward-proxy.ts'
import { GitHubStandIn } from './stand-in/github-api.ts'

const SOURCE = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
const HOST = 'api.github.test'
const MARKER = '<!-- bind-probe:comment key=default -->'

let api: GitHubStandIn
let proxy: ForwardProxy
let proxyUrl: string
beforeEach(async () => {
  api = new GitHubStandIn({
    tokens: { 'token-bot': { login: 'github-actions[bot]', canWrite: true } },
  })
  await api.start()
  proxy = new ForwardProxy({ [HOST]: '127.0.0.1' })
  proxyUrl = await proxy.start()
})
afterEach(async () => {
  await proxy.stop()
  await api.stop()
})

async function runThrough(entry: string, proxyEnv: Record<string, string>) {
  const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
  api.addPull({ number: 42, headSha: checkout.headSha, headRef: 'feature' })
  const apiUrl = api.baseUrl.replace('127.0.0.1', HOST)
  return runAction({
    entry,
    inputs: { mode: 'all', 'github-token': 'token-bot', only: 'tcp4-dup-loopback-default' },
    env: {
      GITHUB_REPOSITORY: `${api.owner}/${api.repo}`,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_API_URL: apiUrl,
      GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_REF: 'refs/pull/42/merge',
      // Give up quickly when a request cannot connect (the NO_PROXY case).
      BIND_PROBE_NETWORK_DEADLINE_MS: '8000',
      ...proxyEnv,
    },
    event: pullRequestEvent({
      owner: api.owner,
      repo: api.repo,
      number: 42,
      baseSha: checkout.baseSha,
      headSha: checkout.headSha,
      headRef: 'feature',
    }),
    workspace: checkout.dir,
    killAfterMs: 90_000,
  })
}

const entries: [string, string][] = [
  ['the source', SOURCE],
  ...(existsSync(ACTION) ? [['the bundle', ACTION] as [string, string]] : []),
]

describe.each(entries)('%s behind a proxy', (_, entry) => {
  it.each(['HTTP_PROXY', 'http_proxy'])(
    '%s: every API request goes through the proxy',
    async (name) => {
      const run = await runThrough(entry, { [name]: proxyUrl })
      expect(run.killed).toBe(false)
      expect(api.liveCommentsWith(42, MARKER)).toHaveLength(1)
      expect(api.checkRuns).toHaveLength(1)
      // The name resolves only in the proxy: every request that arrived went through it (undici's
      // proxy agent tunnels with CONNECT and keeps the tunnel for the next requests).
      expect(api.requests.length).toBeGreaterThan(0)
      expect(proxy.forwarded.filter((line) => line.includes(HOST)).length).toBeGreaterThan(0)
    },
    120_000,
  )

  it('NO_PROXY naming the API host: the requests go direct and cannot connect', async () => {
    const run = await runThrough(entry, { HTTP_PROXY: proxyUrl, NO_PROXY: `example.com,${HOST}` })
    expect(run.killed).toBe(false)
    expect(proxy.forwarded).toEqual([])
    expect(api.requests).toEqual([])
    expect(api.liveCommentsWith(42, MARKER)).toHaveLength(0)
    expect(run.stdout).toMatch(/GitHub did not accept the pull request comment/)
  }, 120_000)
})
