// A broken host is not a platform. With the ephemeral range narrowed to two ports, loopback down
// or IPv6 switched off, scenarios used to fail at their setup and read as divergences from the
// documented semantics (7, 4 and 4 of them), the 2008 case among them. Now what the host keeps
// from being measured is `skipped` with a machine-readable cause, decided once per family before
// any scenario or at the failing setup step, and nothing diverges.
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import type { PlatformResult } from '../../src/probe/model.ts'
import { judge } from '../../src/report/verdict.ts'
import { namespaceProblem, probeOn, type Host } from './namespace.ts'

const judged = (result: PlatformResult) =>
  result.scenarios.map((r) => ({
    id: r.id,
    verdict: judge(
      CATALOGUE.find((s) => s.id === r.id)!,
      r,
      'linux',
    ).verdict,
    flaky: r.flaky,
    causes: [...new Set(r.counts.map((c) => c.outcome === 'skipped' && r.cause))].filter(Boolean),
  }))

const problem = namespaceProblem()
if (problem) console.log(`skipping the broken-host fault tests: ${problem}`)

/** Each host, and the causes it may give: with two ports, the probe's own sockets take them too. */
const HOSTS: [string, Host, string[]][] = [
  [
    'the ephemeral range narrowed to two ports',
    { sysctls: { 'net.ipv4.ip_local_port_range': '40000 40001' } },
    ['ephemeral-exhausted', 'port-taken'],
  ],
  ['loopback down', { loopbackDown: true }, ['loopback-down']],
  [
    'IPv6 switched off',
    {
      sysctls: { 'net.ipv6.conf.all.disable_ipv6': '1', 'net.ipv6.conf.lo.disable_ipv6': '1' },
    },
    ['ipv6-unavailable'],
  ],
]

describe.skipIf(problem !== undefined)('a broken host', () => {
  it.each(HOSTS)('%s: 20 runs, no divergence, the host named as the cause', (_, host, causes) => {
    const result = probeOn(host, ['--repeat', '20'])
    const rows = judged(result)
    const wrong = rows.filter((r) => r.verdict === 'diverges' || r.verdict === 'refuted')
    expect(wrong).toEqual([])
    expect(rows.filter((r) => r.flaky)).toEqual([])
    const skipped = result.scenarios.filter((s) => s.cause !== undefined)
    expect(skipped.length).toBeGreaterThan(0)
    expect(skipped.map((s) => s.cause)).toContain(causes[0])
    for (const s of skipped) expect(causes).toContain(s.cause)
  })
})
