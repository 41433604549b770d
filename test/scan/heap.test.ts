// The young generation's size is observable in V8's heap statistics, so the setting is checked
// in fresh processes that allocate as the extraction does: fast, keeping little.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const heap = fileURLToPath(new URL('../../src/scan/heap.ts', import.meta.url))

const CHILD = `
const { keepYoungGenerationSmall } = await import(process.argv[1])
if (process.argv[2] === 'small') keepYoungGenerationSmall()
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

describe('keepYoungGenerationSmall', () => {
  it('keeps the young generation at its starting size where V8 would grow it', () => {
    expect(youngGenerationMiB('default')).toBeGreaterThan(16)
    expect(youngGenerationMiB('small')).toBeLessThanOrEqual(8)
  })
})
