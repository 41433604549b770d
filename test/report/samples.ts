// Sample reports, for the tests and for the renders kept in docs/samples/. The Linux result in
// fixtures/measured-linux-x64.json was measured (the project's development container); the
// synthetic-*.json ones were WRITTEN from the documented expectations (make-synthetic.ts) and say
// so in their platform ids. `npm run samples` (scripts/render-samples.ts) refreshes docs/samples/.
import { readFileSync } from 'node:fs'
import type { Config } from '../../src/config/model.ts'
import type { PlatformResult } from '../../src/probe/model.ts'
import { buildReport, type ReportInput } from '../../src/report/build.ts'
import type { Report } from '../../src/report/model.ts'
import { renderComment } from '../../src/report/render/render.ts'
import type { Finding } from '../../src/scan/finding.ts'
import { DEFAULT_CONFIG } from '../../src/config/model.ts'

export function fixture(name: string): PlatformResult {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'))
}

export const SYNTHETIC_IDS = [
  'linux-x64-synthetic',
  'macos-arm64-synthetic',
  'windows-x64-synthetic',
]

export const CONTEXT = {
  repository: 'octo-org/octo-service',
  serverUrl: 'https://github.com',
  headSha: '3f2c1e9a7b5d4c3b2a1908f7e6d5c4b3a2918070',
  pullRequest: 42,
  headRef: 'feature/faster-tests',
  baseRef: 'main',
  event: 'pull_request',
  runUrl: 'https://github.com/octo-org/octo-service/actions/runs/1234567890',
} as const

export function policy(overrides: Partial<Config> = {}): Config {
  return { ...DEFAULT_CONFIG, ...overrides }
}

export function singleOs(): ReportInput {
  return {
    artifacts: [{ name: 'bind-probe-linux-x64', content: fixture('measured-linux-x64') }],
    policy: policy({ platforms: [{ id: 'linux-x64', name: 'ubuntu-latest' }] }),
    context: CONTEXT,
  }
}

export function threeOs(): ReportInput {
  return {
    artifacts: SYNTHETIC_IDS.map((id) => ({
      name: `bind-probe-${id}`,
      content: fixture(`synthetic-${id.replace('-synthetic', '')}`),
    })),
    policy: policy({ platforms: SYNTHETIC_IDS.map((id) => ({ id })) }),
    context: CONTEXT,
  }
}

export const SAMPLE_FINDINGS: Finding[] = [
  {
    rule: 'PORT001',
    severity: 'error',
    path: 'test/server.test.ts',
    line: 14,
    column: 20,
    language: 'typescript',
    message:
      'Fixed port 8080 in a test: a parallel run or another service on the runner already holds it.',
    advice: 'Listen on port 0 and read the port back from server.address().port.',
    fingerprint: 'fp-port001-server',
  },
  {
    rule: 'PORT002',
    severity: 'warning',
    path: 'test/helpers/free port (old).py',
    line: 7,
    column: 5,
    language: 'python',
    message:
      'Free-port race: the port is closed before the server binds it, and another process can take it.',
    advice: 'Pass the bound socket to the server, or bind port 0 in the server itself.',
    fingerprint: 'fp-port002-helpers',
  },
  {
    rule: 'PORT007',
    severity: 'warning',
    path: 'test/server.test.ts',
    line: 31,
    column: 3,
    language: 'typescript',
    message:
      "`server.listen(port, 'localhost')` is not awaited, so the request on line 33 can run before the port is open (ECONNREFUSED on a loaded runner).",
    advice: "Await the listen (or its 'listening' event) before the first request.",
    fingerprint: 'fp-port007-server',
  },
]

/** A run with something in every section: divergences, changes, flaky results, probe errors,
 * findings, a violated requirement, a cancelled leg, a missing platform and a bad artifact. */
export function eventful(): ReportInput {
  const linux = fixture('synthetic-linux-x64')
  const macos = fixture('synthetic-macos-arm64')
  // The previous run, as the comment it left: same synthetic results, nothing unusual.
  const before = buildReport({
    artifacts: [
      { name: 'bind-probe-linux-x64-synthetic', content: structuredClone(linux) },
      { name: 'bind-probe-macos-arm64-synthetic', content: structuredClone(macos) },
    ],
    findings: SAMPLE_FINDINGS.slice(0, 1),
    context: { ...CONTEXT, headSha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807' },
  })
  const previousComment = renderComment(before)

  // This run: the 2008 case raises EADDRINUSE on Linux (documented: ok), one scenario is flaky on
  // macOS, one hit a probe error, and Windows' leg was cancelled.
  const set = (
    r: PlatformResult,
    id: string,
    patch: Partial<PlatformResult['scenarios'][number]>,
  ) => {
    const s = r.scenarios.find((x) => x.id === id)!
    Object.assign(s, patch)
  }
  set(linux, 'tcp4-reuseaddr-both-dup-wildcard-nolisten', {
    outcome: 'EADDRINUSE',
    raw: { name: 'EADDRINUSE', errno: 98 },
    counts: [{ outcome: 'EADDRINUSE', step: 'B bind any4:P', count: 1 }],
  })
  set(macos, 'tcp4-timewait-rebind-reuseaddr-both', {
    flaky: true,
    runs: 5,
    outcome: 'ok',
    counts: [
      { outcome: 'ok', step: 'C bind lo4:P', count: 3 },
      { outcome: 'EADDRINUSE', step: 'C bind lo4:P', count: 2 },
    ],
  })
  set(macos, 'udp4-reuseport-both-dup-loopback', {
    outcome: 'probe-error',
    reason: 'the python driver did not answer within 10 s',
  })
  return {
    artifacts: [
      { name: 'bind-probe-linux-x64-synthetic', content: linux },
      { name: 'bind-probe-macos-arm64-synthetic', content: macos },
      { name: 'bind-probe-macos-x64', content: '{"schemaVersion": 1, "tool": ' },
    ],
    policy: policy({
      platforms: [...SYNTHETIC_IDS.map((id) => ({ id })), { id: 'macos-x64', name: 'macos-13' }],
      require: [
        {
          scenario: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
          target: 'linux',
          outcomes: ['ok'],
        },
      ],
    }),
    legs: [
      { name: 'probe (windows-latest)', status: 'cancelled', platform: 'windows-x64-synthetic' },
      { name: 'probe (macos-13)', status: 'failure', platform: 'macos-x64' },
    ],
    previousComment,
    findings: SAMPLE_FINDINGS,
    context: CONTEXT,
  }
}

export function sampleReports(): Record<string, { report: Report; config: Config }> {
  const out: Record<string, { report: Report; config: Config }> = {}
  for (const [name, input] of Object.entries({
    'single-os': singleOs(),
    'three-os-synthetic': threeOs(),
    'eventful-synthetic': eventful(),
  })) {
    out[name] = { report: buildReport(input), config: input.policy as Config }
  }
  return out
}
