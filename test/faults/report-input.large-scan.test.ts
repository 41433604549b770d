// A leg's scan.json comes from a runner that ran the pull request's code (in the fork recipe), so
// it can be as large or as strange as that code makes it. 130,000 findings used to kill the whole
// report job with "Maximum call stack size exceeded" (push(...findings)), and so did the grouping
// by file; a scan.json with no findings list passed as "nothing found".
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/model.ts'
import { buildReport } from '../../src/report/build.ts'
import { readLegScans } from '../../src/report/leg-scans.ts'
import { fixture, SAMPLE_FINDINGS } from '../report/samples.ts'

const base = SAMPLE_FINDINGS[0]!

describe('a leg’s scan.json', () => {
  it('with 130,000 findings in one file is read and grouped, and the report is built', () => {
    const findings = Array.from({ length: 130_000 }, (_, i) => ({
      ...base,
      line: i + 1,
      fingerprint: `fp-${i}`,
    }))
    const scans = readLegScans([
      { source: 'bind-probe-result-linux-x64-1', scan: JSON.stringify({ findings }) },
    ])
    expect(scans.findings).toHaveLength(130_000)
    const report = buildReport({
      artifacts: [{ name: 'bind-probe-linux-x64', content: fixture('measured-linux-x64') }],
      policy: DEFAULT_CONFIG,
      findings: scans.findings,
    })
    expect(report.findings.total).toBe(130_000)
    expect(report.findings.files).toHaveLength(1)
  })

  it('without a findings list is a named problem, not "nothing found"', () => {
    const scans = readLegScans([
      { source: 'bind-probe-result-linux-x64-1', scan: '{"findings":"lots"}' },
    ])
    expect(scans.problems).toEqual([
      {
        artifact: 'bind-probe-result-linux-x64-1',
        message: 'its scan.json has no findings list, so what it found is unknown',
        kind: 'scan',
      },
    ])
  })
})
