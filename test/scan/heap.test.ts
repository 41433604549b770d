// The spaces' sizes are observable in V8's heap statistics, so the setting is checked in fresh
// processes that allocate as the extraction does: fast, keeping little (young generation), and
// keeping a batch for a while before dropping it (old generation).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const heap = fileURLToPath(new URL('../../src/scan/heap.ts', import.meta.url))

const CHILD = `
const { keepHeapSmall } = await import(process.argv[1])
if (process.argv[2] === 'small') keepHeapSmall()
const { getHeapSpaceStatistics } = await import('node:v8')
const kept = []
for (let i = 0; i < 3e6; i++) {
  const o = { a: i, b: [i, i + 1], c: 'x' + i }
  if (i % 10 === 0) kept.push(o)
  if (kept.length > 50000) kept.length = 0
}
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
process.stdout.write(String(young.space_size / 1048576))
`

function youngGenerationMiB(mode: 'small' | 'default'): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, heap, mode], {
    encoding: 'utf8',
  })
  return Number(out)
}

const OLD_CHILD = `
const { keepHeapSmall } = await import(process.argv[1])
if (process.argv[2] === 'small') keepHeapSmall()
const { getHeapSpaceStatistics } = await import('node:v8')
let peak = 0
let kept = []
for (let round = 0; round < 40; round++) {
  for (let i = 0; i < 100000; i++) kept.push({ a: i, b: [i, i + 1], c: 'x' + i })
  if (kept.length > 400000) kept = []
  const old = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')
  peak = Math.max(peak, old.space_size)
}
process.stdout.write(String(peak / 1048576))
`

function oldGenerationPeakMiB(mode: 'small' | 'default'): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', OLD_CHILD, heap, mode], {
    encoding: 'utf8',
  })
  return Number(out)
}

describe('keepHeapSmall', () => {
  it('keeps the young generation at its starting size where V8 would grow it', () => {
    expect(youngGenerationMiB('default')).toBeGreaterThan(16)
    expect(youngGenerationMiB('small')).toBeLessThanOrEqual(8)
  })

  it('collects the old generation before it grows far past its live data', () => {
    // About 90 MiB live at most; measured 224–246 MiB by default, 88–94 with the setting.
    const byDefault = oldGenerationPeakMiB('default')
    const small = oldGenerationPeakMiB('small')
    expect(small).toBeLessThan(byDefault * 0.7)
  })
})
