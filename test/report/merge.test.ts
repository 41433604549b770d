import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build.ts'
import { mergeResults } from '../../src/report/merge.ts'
import { fixture, policy, SYNTHETIC_IDS } from './samples.ts'

const linux = () => fixture('synthetic-linux-x64')
const macos = () => fixture('synthetic-macos-arm64')

describe('mergeResults', () => {
  it('keeps every good artifact and names each bad one with what is wrong with it', () => {
    const broken = linux() as unknown as Record<string, unknown>
    delete broken.platform
    const merged = mergeResults([
      { name: 'good-linux', content: JSON.stringify(linux()) },
      { name: 'not-json', content: '{"schemaVersion": 1,' },
      { name: 'empty', content: '  ' },
      { name: 'wrong-shape', content: broken },
      { name: 'a-number', content: 42 },
      { name: 'good-macos', content: macos() },
    ])
    expect(merged.results.map((r) => r.source)).toEqual(['good-linux', 'good-macos'])
    expect(merged.problems.map((p) => p.artifact)).toEqual([
      'not-json',
      'empty',
      'wrong-shape',
      'a-number',
    ])
    expect(merged.problems[0]!.message).toMatch(/^is not JSON: /)
    expect(merged.problems[1]!.message).toBe('is empty')
    expect(merged.problems[2]!.message).toMatch(/not a bind-probe PlatformResult: .*platform/)
  })

  it('keeps the newest result of a platform reported twice, and says which it ignored', () => {
    const older = linux()
    const newer = linux()
    newer.startedAt = '2026-01-02T00:00:00.000Z'
    newer.scenarios[0]!.outcome = 'ok'
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const merged = mergeResults(
        order.map((content, i) => ({
          name: content === newer ? 'attempt-2' : `attempt-1-${i}`,
          content,
        })),
      )
      expect(merged.results).toHaveLength(1)
      expect(merged.results[0]!.source).toBe('attempt-2')
      expect(merged.results[0]!.result.scenarios[0]!.outcome).toBe('ok')
      expect(merged.notes[0]).toMatch(
        /linux-x64-synthetic was reported 2 times; the newest result \(attempt-2\) is used and attempt-1-\d ignored/,
      )
    }
  })

  it('refuses an artifact larger than any honest result without reading it', () => {
    const merged = mergeResults([{ name: 'huge', content: ' '.repeat(20_000_001) }])
    expect(merged.problems[0]!.message).toMatch(/more than 20000000/)
  })
})

describe('missing platforms and legs', () => {
  it('names expected platforms that sent nothing, with the leg that should have', () => {
    const report = buildReport({
      artifacts: [{ name: 'linux', content: linux() }],
      policy: policy({
        platforms: [
          ...SYNTHETIC_IDS.map((id) => ({ id })),
          { id: 'linux-arm64', name: 'ubuntu-24.04-arm' },
        ],
      }),
      legs: [
        { name: 'probe (ubuntu-latest)', status: 'success', platform: 'linux-x64-synthetic' },
        { name: 'probe (macos-latest)', status: 'cancelled', platform: 'macos-arm64-synthetic' },
        { name: 'probe (windows-latest)', status: 'failure', platform: 'windows-x64-synthetic' },
        { name: 'lint', status: 'skipped' },
      ],
    })
    expect(report.platforms.map((p) => p.id)).toEqual(['linux-x64-synthetic'])
    expect(report.missing).toEqual([
      { id: 'macos-arm64-synthetic', reason: 'leg-cancelled', leg: 'probe (macos-latest)' },
      { id: 'windows-x64-synthetic', reason: 'leg-failed', leg: 'probe (windows-latest)' },
      { id: 'linux-arm64', name: 'ubuntu-24.04-arm', reason: 'no-result' },
    ])
    expect(report.legs.map((l) => `${l.leg}: ${l.status}`)).toEqual([
      'probe (macos-latest): cancelled',
      'probe (windows-latest): failure',
      'lint: skipped',
    ])
    expect(report.headline.notMeasured.map((n) => n.platform)).toEqual([
      'macos-arm64-synthetic',
      'windows-x64-synthetic',
      'linux-arm64',
    ])
  })

  it('orders platforms as the policy lists them, then the unexpected ones by id', () => {
    const report = buildReport({
      artifacts: [
        { name: 'w', content: fixture('synthetic-windows-x64') },
        { name: 'l', content: linux() },
        { name: 'm', content: macos() },
      ],
      policy: policy({ platforms: [{ id: 'windows-x64-synthetic' }] }),
    })
    expect(report.platforms.map((p) => p.id)).toEqual([
      'windows-x64-synthetic',
      'linux-x64-synthetic',
      'macos-arm64-synthetic',
    ])
    expect(report.scenarios[0]!.cells.map((c) => c.platform)).toEqual(
      report.platforms.map((p) => p.id),
    )
  })
})
