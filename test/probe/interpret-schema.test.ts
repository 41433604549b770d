// Whatever the drivers answer, the interpreter's ScenarioResult fits the PlatformResult schema:
// an invalid one would make a report drop the whole platform.
import { describe, expect, it } from 'vitest'
import type { StepReply } from '../../src/probe/drivers/driver.ts'
import { aggregateRuns, interpretReplies, runWithoutSockets } from '../../src/probe/interpret.ts'
import type { PlatformResult, ScenarioResult } from '../../src/probe/model.ts'
import { PLATFORM_RESULT_SCHEMA_VERSION } from '../../src/probe/model.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'
import { compiled } from '../helpers/scenarios.ts'

const dup = compiled('dup', [
  'A = socket tcp4',
  'A setsockopt? SO_EXCLUSIVEADDRUSE 1',
  'A bind lo4:0',
  'A getsockopt SO_REUSEADDR',
  'B = socket tcp4',
  '=> B bind lo4:P',
])
const eph = compiled('eph', ['=> ephemeral tcp4 lo4 x3'])

function problems(scenarios: ScenarioResult[]): string[] {
  const result: PlatformResult = {
    schemaVersion: PLATFORM_RESULT_SCHEMA_VERSION,
    tool: { name: 'bind-probe', version: '0.0.0' },
    platform: {
      id: 'linux-x64',
      os: 'linux',
      platform: 'linux',
      arch: 'x64',
      release: '6.1.0',
      kernel: '#1 SMP',
      node: { version: '24.0.0' },
      settings: {},
    },
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    options: { repeat: 1, drivers: ['python'] },
    drivers: [],
    scenarios,
  }
  return resultProblems(JSON.parse(JSON.stringify(result)))
}

const replies: Record<string, { scenario: typeof dup; replies: StepReply[] }> = {
  'every step ok': {
    scenario: dup,
    replies: [
      { ok: true },
      { skipped: 'SO_EXCLUSIVEADDRUSE' },
      { ok: true, value: 40000 },
      { ok: true, value: 0 },
      { ok: true },
      { ok: true, value: 40000 },
    ],
  },
  'an earlier failure': {
    scenario: dup,
    replies: [{ ok: true }, { ok: true }, { ok: false, error: { name: 'EACCES', errno: 13 } }],
  },
  'a missing constant': { scenario: dup, replies: [{ ok: true }, { unsupported: 'X' }] },
  'a short answer': { scenario: dup, replies: [{ ok: true }] },
  'no answer at all': { scenario: dup, replies: [] },
  'ephemeral ports': { scenario: eph, replies: [{ ok: true, value: [40000, 40001, 40001] }] },
  'an ephemeral step that drew no ports': { scenario: eph, replies: [{ ok: true, value: [] }] },
  'an ephemeral step that failed': {
    scenario: eph,
    replies: [{ ok: false, error: { name: 'EADDRNOTAVAIL' } }],
  },
}

describe('the interpreter’s results fit the schema', () => {
  it.each(Object.keys(replies))('after %s, once and repeated with probe errors', (name) => {
    const { scenario, replies: answer } = replies[name]!
    const run = interpretReplies(scenario, answer)
    const failed = runWithoutSockets(scenario, 'probe-error', 'the driver crashed')
    const skipped = runWithoutSockets(scenario, 'skipped', 'no Python')
    expect(
      problems([
        aggregateRuns(scenario, [run], 1.5, { low: 32768, high: 60999 }),
        aggregateRuns(scenario, [run, failed, run], 3),
        aggregateRuns(scenario, [failed], 0),
        aggregateRuns(scenario, [skipped], 0),
      ]),
    ).toEqual([])
  })
})
