// The three comments issue 8 ("First contact") asks to look at: all well; a pull request that adds
// flaky port uses; a missing platform plus a divergence. Built from the recorded fixtures (the
// measured Linux result, and the synthetic ones, which say so in their platform ids).
import type { ReportInput } from '../../src/report/build.ts'
import type { Finding } from '../../src/scan/finding.ts'
import { scanFiles } from '../scan/helpers.ts'
import { CONTEXT, fixture, policy, singleOs, SYNTHETIC_IDS } from './samples.ts'

/**
 * A test file a pull request adds: two tests take a port from get-port and listen on it (the
 * free-port race, an error by default), a third listens on a fixed port (a warning by default).
 */
export const SERVER_TEST = `import getPort from 'get-port'
import { createServer } from 'node:http'
import { test } from 'node:test'

test('serves the health check', async () => {
  const port = await getPort()
  const server = createServer(handler).listen(port)
  await fetch(\`http://127.0.0.1:\${port}/health\`)
  server.close()
})

test('serves the index', async () => {
  const port = await getPort()
  const server = createServer(handler).listen(port)
  await fetch(\`http://127.0.0.1:\${port}/\`)
  server.close()
})

test('serves the metrics', async () => {
  const server = createServer(handler).listen(9464)
  await fetch('http://127.0.0.1:9464/metrics')
  server.close()
})
`

/** What the real scanner reports on that file, so the sample shows its own messages and severities. */
export const FLAKY_PORT_USES: Finding[] = (await scanFiles({ 'test/server.test.ts': SERVER_TEST }))
  .findings

export function firstContactSamples(): Record<string, ReportInput> {
  const linux = fixture('synthetic-linux-x64')
  const diverging = linux.scenarios.find(
    (s) => s.id === 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
  )!
  Object.assign(diverging, {
    outcome: 'EADDRINUSE',
    raw: { name: 'EADDRINUSE', errno: 98 },
    counts: [{ outcome: 'EADDRINUSE', step: 'B bind any4:P', count: 1 }],
  })
  return {
    'all-well': singleOs(),
    'flaky-port-uses': { ...singleOs(), findings: FLAKY_PORT_USES },
    'missing-platform-and-divergence': {
      artifacts: [
        { name: 'bind-probe-linux-x64-synthetic', content: linux },
        {
          name: 'bind-probe-macos-arm64-synthetic',
          content: fixture('synthetic-macos-arm64'),
        },
      ],
      policy: policy({ platforms: SYNTHETIC_IDS.map((id) => ({ id })) }),
      legs: [
        { name: 'probe (windows-latest)', status: 'cancelled', platform: 'windows-x64-synthetic' },
      ],
      context: CONTEXT,
    },
  }
}
