// The job summary and step outputs through the real @actions/core, writing the files the runner
// would give the step (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { writeJobSummary } from '../../src/github/job-summary.ts'
import { setOutputsSafely } from '../../src/github/outputs.ts'
import { recordingLogger } from './support/logger.ts'

let dir: string
let summaryPath: string

// @actions/core resolves the summary file once per process, as a step would: one file for all.
beforeAll(async () => {
  summaryPath = join(await mkdtemp(join(tmpdir(), 'bind-probe-summary-')), 'summary.md')
})

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bind-probe-step-'))
  process.env.GITHUB_STEP_SUMMARY = summaryPath
  process.env.GITHUB_OUTPUT = join(dir, 'output')
  await writeFile(summaryPath, '')
  await writeFile(process.env.GITHUB_OUTPUT, '')
})

/** Reads GITHUB_OUTPUT the way the runner does (name<<DELIMITER … DELIMITER). */
async function outputs(): Promise<Record<string, string>> {
  const text = await readFile(process.env.GITHUB_OUTPUT!, 'utf8')
  const found: Record<string, string> = {}
  const re = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) found[m[1]!] = m[3]!
  return found
}

describe('writeJobSummary', () => {
  it('writes the report to the step summary file', async () => {
    const result = await writeJobSummary('## bind-probe\n\nall platforms agree', recordingLogger())
    expect(result).toMatchObject({ written: true, trimmed: false })
    expect(await readFile(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe(
      '## bind-probe\n\nall platforms agree\n',
    )
  })

  it('trims to what is left of the 1 MiB limit, counting what the step wrote before', async () => {
    await writeFile(process.env.GITHUB_STEP_SUMMARY!, 'x'.repeat(100_000))
    const logger = recordingLogger()
    const result = await writeJobSummary(`# big\n${'| row | ✓ |\n'.repeat(100_000)}`, logger)
    expect(result.trimmed).toBe(true)
    const size = (await readFile(process.env.GITHUB_STEP_SUMMARY!)).length
    expect(size).toBeLessThanOrEqual(1024 * 1024)
    expect(size).toBeGreaterThan(1024 * 1024 - 1000)
    expect(logger.warnings()).toEqual([expect.stringMatching(/over GitHub's 1 MiB limit/)])
  })

  it('outside Actions, says why nothing was written', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    expect(await writeJobSummary('x', recordingLogger())).toMatchObject({
      written: false,
      reason: 'GITHUB_STEP_SUMMARY is not set',
    })
  })
})

describe('setOutputsSafely', () => {
  it('sets small outputs as they are, and always writes the report file', async () => {
    const result = await setOutputsSafely(
      [
        { name: 'conclusion', value: 'failure' },
        { name: 'divergent-scenarios', value: '["tcp4-reuseaddr-listen"]' },
        {
          name: 'report-json',
          value: '{"ok":true}',
          spill: { fileName: 'bind-probe-report.json' },
        },
      ],
      recordingLogger(),
      { dir },
    )
    expect(await outputs()).toEqual({
      conclusion: 'failure',
      'divergent-scenarios': '["tcp4-reuseaddr-listen"]',
      'report-json': '{"ok":true}',
      'report-json-file': join(dir, 'bind-probe-report.json'),
    })
    expect(result.spilled).toEqual({})
    expect(await readFile(join(dir, 'bind-probe-report.json'), 'utf8')).toBe('{"ok":true}')
  })

  it('a report-json too large for the output limit becomes empty and points to its file', async () => {
    const big = JSON.stringify({
      scenarios: Array.from({ length: 20_000 }, (_, i) => ({
        id: `scenario-${i}`,
        outcome: 'EADDRINUSE',
      })),
    })
    const logger = recordingLogger()
    const result = await setOutputsSafely(
      [
        { name: 'conclusion', value: 'success' },
        { name: 'report-json', value: big, spill: { fileName: 'report.json' } },
      ],
      logger,
      { dir },
    )
    const set = await outputs()
    expect(set['report-json']).toBe('')
    expect(set['report-json-file']).toBe(join(dir, 'report.json'))
    expect(set.conclusion).toBe('success')
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(JSON.parse(big))
    expect(result.spilled).toEqual({ 'report-json': join(dir, 'report.json') })
    expect(logger.warnings()[0]).toMatch(
      /output report-json would be \d+ bytes.*report-json-file names/,
    )
    // What was set stays within GitHub's job limit, UTF-16 counted.
    expect(result.bytes).toBeLessThan(1024 * 1024)
  })
})
