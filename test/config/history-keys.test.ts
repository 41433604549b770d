// The reporting service's policy keys: `fail-on: new-flip` and `known-flaky`, read as given, and
// absent (not defaulted) when the policy does not set them, so the action's policy is unchanged.
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/load.ts'

const FILE = '.github/bind-probe.yml'

describe('the history keys', () => {
  it('reads fail-on: new-flip and known-flaky (repeats merged)', () => {
    const config = loadConfig(
      `fail-on:
  new-flip: true
known-flaky:
  - tcp4-dup-loopback-default
  - tcp4-dup-loopback-default
  - mine
scenarios:
  - id: mine
    title: my own
    steps: [A = socket tcp4, "=> A bind any4:0"]
`,
      FILE,
    )
    expect(config.failOn.newFlip).toBe(true)
    expect(config.knownFlaky).toEqual(['tcp4-dup-loopback-default', 'mine'])
  })

  it('leaves both out when the policy does not set them', () => {
    const config = loadConfig('fail-on:\n  flaky: true\n', FILE)
    expect('newFlip' in config.failOn).toBe(false)
    expect('knownFlaky' in config).toBe(false)
  })

  it('names a known-flaky id that is no scenario, with its line', () => {
    try {
      loadConfig('known-flaky:\n  - tcp4-dup-loopback-default\n  - tcp4-no-such-thing\n', FILE)
      expect.unreachable('the policy was accepted')
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as ConfigError).problems).toMatchObject([
        { path: 'known-flaky[1]', line: 3, message: '"tcp4-no-such-thing" is not a scenario id' },
      ])
    }
  })
})
