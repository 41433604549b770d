// The PlatformResult contract: what the probe writes validates, and a bad document is named.
import { describe, expect, it } from 'vitest'
import { probe } from '../../src/probe/probe.ts'
import {
  assertPlatformResult,
  InvalidResultError,
  resultProblems,
} from '../../src/probe/validate-result.ts'

describe('PlatformResult validation', async () => {
  const result = await probe({
    only: [
      'tcp4-dup-loopback-default',
      'tcp4-ephemeral-repeat-distribution',
      'node-tcp-two-servers-same-port',
    ],
  })

  it('accepts what the probe writes', () => {
    expect(resultProblems(result)).toEqual([])
    expect(() =>
      assertPlatformResult(JSON.parse(JSON.stringify(result)), 'the probe'),
    ).not.toThrow()
  })

  it.each([
    ['a newer schema version', { schemaVersion: 3 }, /\/schemaVersion must be equal to one of/],
    [
      'a bad platform id',
      { platform: { ...result.platform, id: 'Linux X64' } },
      /\/platform\/id must match pattern/,
    ],
    ['no scenarios array', { scenarios: 'none' }, /\/scenarios must be array/],
    ['an unknown field', { extra: true }, /must NOT have additional properties/],
  ])('rejects %s, naming where', (_what, change, message) => {
    const bad = { ...result, ...change }
    expect(resultProblems(bad).join('\n')).toMatch(message)
    expect(() => assertPlatformResult(bad, 'artifact bind-probe-result-linux-x64-1')).toThrow(
      InvalidResultError,
    )
    expect(() => assertPlatformResult(bad, 'artifact bind-probe-result-linux-x64-1')).toThrow(
      /^artifact bind-probe-result-linux-x64-1 is not a bind-probe PlatformResult: /,
    )
  })

  it('still reads version 1, which lacks only optional fields', () => {
    expect(resultProblems({ ...result, schemaVersion: 1 })).toEqual([])
  })

  it('rejects a scenario whose outcome count is missing', () => {
    const scenarios = [{ ...result.scenarios[0]!, counts: [] }]
    expect(resultProblems({ ...result, scenarios })).toEqual([
      '/scenarios/0/counts must NOT have fewer than 1 items',
    ])
  })
})
