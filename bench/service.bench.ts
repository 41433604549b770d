// Uploads per second to `bind-probe serve` on loopback, with real token verification (RS256
// tokens from the stand-in issuer, one per upload, each a new result), on SQLite and on
// PostgreSQL, beside a bare Fastify route that parses the same body and answers, in one run.
// The client is autocannon (bounded connections), not a hand-made loop.
//
//   npm run bench:service        # PostgreSQL too when BIND_PROBE_TEST_POSTGRES_URL is set
//                                # (source .ci/postgres.sh starts one)
import { cpus, release } from 'node:os'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { DATABASES, freshDatabase } from '../test/service/support/databases.ts'
import { OidcIssuer } from '../test/service/support/oidc-issuer.ts'
import { envelope, startTestService } from '../test/service/support/service.ts'

const DURATION_S = 10
const CONNECTIONS = 10
/** More tokens than a run can use: each upload takes the next one. */
const TOKENS = 20_000

// Indented, as `bind-probe probe --format json` writes the result and a runner would send it.
const body = JSON.stringify(envelope(), null, 2)
const issuer = new OidcIssuer()
await issuer.start()
console.error(`minting ${TOKENS} tokens…`)
const tokens: string[] = []
for (let i = 0; i < TOKENS; i++) tokens.push(await issuer.token({ run_id: String(10_000 + i) }))

async function load(url: string, path: string): Promise<autocannon.Result> {
  let next = 0
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path,
        body,
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[next++ % TOKENS]}`,
          },
        }),
      },
    ],
  })
}

const rows: string[] = []
function row(what: string, result: autocannon.Result, created?: number) {
  const ok = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0
  rows.push(
    `| ${what} | ${Math.round(result.requests.average).toLocaleString('en-US')} | ` +
      `${result.latency.p50} ms | ${result.latency.p99} ms | ` +
      `${ok ? 'all 2xx' : `${result.non2xx} non-2xx, ${result.errors} errors`}` +
      `${created === undefined ? '' : `; ${created.toLocaleString('en-US')} stored`} |`,
  )
}

// The bare route: Fastify parsing the same body and answering, nothing else.
const bare = Fastify({ bodyLimit: 16 * 1024 * 1024 })
bare.post('/api/v1/results', async (request) => ({
  size: Object.keys(request.body as object).length,
}))
await bare.listen({ host: '127.0.0.1', port: 0 })
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`
row('bare Fastify route (parse the body, answer)', await load(bareUrl, '/api/v1/results'))
await bare.close()

for (const kind of DATABASES) {
  const database = await freshDatabase(kind)
  const service = await startTestService(database, issuer.url, ['--rate-limit', '1000000'])
  const result = await load(service.url, '/api/v1/results')
  const listed = await fetch(`${service.url}/api/v1/results?repository_id=74`, {
    headers: { authorization: 'Bearer operator-token-for-tests-0123456789' },
  })
  const created = ((await listed.json()) as { results: unknown[] }).results.length
  row(`bind-probe serve, ${kind}`, result, created)
  await service.stop()
}
await issuer.stop()

console.log(`| target | uploads/s | p50 | p99 | answers |`)
console.log(`|---|---:|---:|---:|---|`)
for (const line of rows) console.log(line)
console.log(
  `body ${Math.round(body.length / 1024)} KB; ${CONNECTIONS} connections, ${DURATION_S} s each; ` +
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Linux ${release()}, Node ${process.versions.node}`,
)
