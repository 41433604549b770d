// Picking scenarios for a run: `--only` and the action's `only` input take this path.
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { compileAll, ProbeUsageError, selectScenarios } from '../../src/probe/probe.ts'

const all = compileAll(CATALOGUE)
const both = ['python', 'node'] as const
const ids = (only: string[]) => selectScenarios(all, only, both).map((c) => c.scenario.id)

describe('selectScenarios', () => {
  it('runs a scenario named twice once, in the order first named', () => {
    expect(
      ids([
        'udp4-dup-loopback-default',
        'tcp4-dup-loopback-default',
        'udp4-dup-loopback-default',
        'tcp4-dup-loopback-default',
      ]),
    ).toEqual(['udp4-dup-loopback-default', 'tcp4-dup-loopback-default'])
  })

  it('refuses an empty list rather than run nothing', () => {
    expect(() => selectScenarios(all, [], both)).toThrow(ProbeUsageError)
    expect(() => selectScenarios(all, [], both)).toThrow(/names no scenario/)
  })
})
