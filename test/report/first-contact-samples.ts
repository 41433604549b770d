// The three comments issue 8 ("First contact") asks to look at: all well; a pull request that adds
// two flaky port uses; a missing platform plus a divergence. Built from the recorded fixtures (the
// measured Linux result, and the synthetic ones, which say so in their platform ids).
import type { ReportInput } from '../../src/report/build.ts'
import type { Finding } from '../../src/scan/finding.ts'
import { CONTEXT, fixture, policy, singleOs, SYNTHETIC_IDS } from './samples.ts'

/** Two fixed ports in one test file, as the scan reports them (messages mark code with backticks). */
export const TWO_FIXED_PORTS: Finding[] = [14, 31].map((line) => ({
  rule: 'PORT001',
  severity: 'error',
  path: 'test/server.test.ts',
  line,
  column: 17,
  language: 'typescript',
  message:
    'A test listens on fixed port `8080` with `server.listen`: a parallel worker or another job on the runner can hold it.',
  advice:
    'Listen on port 0 and read the port back: `server.listen(0, () => { const { port } = server.address() })`.',
  fingerprint: `fp-port001-server-${line}`,
}))

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
    'two-flaky-port-uses': { ...singleOs(), findings: TWO_FIXED_PORTS },
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
