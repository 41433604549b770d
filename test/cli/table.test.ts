import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import type { PlatformResult, ScenarioResult } from '../../src/probe/model.ts'
import { HEADLINE_SCENARIO } from '../../src/report/model.ts'
import { renderTable } from '../../src/cli/table.ts'

const measured = JSON.parse(
  readFileSync(new URL('../report/fixtures/measured-linux-x64.json', import.meta.url), 'utf8'),
) as PlatformResult
const byId = new Map(CATALOGUE.map((s) => [s.id, s]))

function withOutcome(id: string, outcome: string): PlatformResult {
  const scenarios = measured.scenarios.map((s): ScenarioResult =>
    s.id === id
      ? {
          ...s,
          outcome,
          counts: [{ outcome, step: s.step, count: s.runs }],
          raw: { name: outcome },
        }
      : s,
  )
  return { ...measured, scenarios }
}

const lines = (result: PlatformResult) => renderTable(result, byId).split('\n')

describe('the probe’s table', () => {
  it('answers first: the 2008 case on this machine and whether everything matched', () => {
    expect(lines(measured)[0]).toBe(
      'On linux-x64 two SO_REUSEADDR sockets may bind one port on 0.0.0.0 (the 2008 case: ok); ' +
        'everything measured matches the documented behaviour.',
    )
  })

  it('says in the first line how many scenarios differ from the documented behaviour', () => {
    const first = lines(withOutcome(HEADLINE_SCENARIO, 'EADDRINUSE'))[0]
    expect(first).toBe(
      'On linux-x64 a second SO_REUSEADDR socket on a 0.0.0.0 port gets EADDRINUSE (the 2008 case); ' +
        '1 scenario differs from the documented behaviour.',
    )
  })

  it('closes with the non-zero categories only, in plain words', () => {
    const closing = lines(measured).at(-2)!
    expect(closing).toMatch(/^56 scenarios in \d+\.\d\d s: 31 as documented, /)
    expect(closing).not.toMatch(/\b0 /)
    expect(closing).not.toMatch(/refute|settle an unknown/)
  })

  it('says "all as documented" and the singular for one scenario', () => {
    const one = {
      ...measured,
      scenarios: measured.scenarios.filter((s) => s.id === 'tcp4-dup-loopback-default'),
    }
    expect(lines(one).at(-2)).toMatch(/^1 scenario in \d+\.\d\d s: all as documented$/)
  })

  it('marks an option this OS lacks as "not on this OS", never as a ✓', () => {
    const unsupported = measured.scenarios.find((s) => s.outcome === 'unsupported')!
    const table = lines(measured)
    const row = table[table.findIndex((l) => l.includes(unsupported.id)) - 1]!
    expect(row).toMatch(/^ · not on this OS /)
    expect(table.some((l) => /✓ unsupported/.test(l))).toBe(false)
  })
})
