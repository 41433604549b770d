// The network limits read from the environment: defaults, values, and a clear refusal of values
// that are not a positive whole number of milliseconds.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_NETWORK_SETTINGS,
  SettingError,
  duration,
  readNetworkSettings,
} from '../../src/github/settings.ts'

describe('readNetworkSettings', () => {
  it('takes the defaults when the variables are unset or empty', () => {
    expect(readNetworkSettings({})).toEqual(DEFAULT_NETWORK_SETTINGS)
    expect(readNetworkSettings({ BIND_PROBE_REQUEST_TIMEOUT_MS: '' })).toEqual(
      DEFAULT_NETWORK_SETTINGS,
    )
  })

  it('reads both limits', () => {
    expect(
      readNetworkSettings({
        BIND_PROBE_REQUEST_TIMEOUT_MS: '400',
        BIND_PROBE_NETWORK_DEADLINE_MS: '2500',
      }),
    ).toEqual({ requestTimeoutMs: 400, deadlineMs: 2500 })
  })

  it.each(['0', '-5', '1.5', 'ten', '3000000000'])('refuses %s, naming the variable', (value) => {
    const read = () => readNetworkSettings({ BIND_PROBE_NETWORK_DEADLINE_MS: value })
    expect(read).toThrow(SettingError)
    expect(read).toThrow(`BIND_PROBE_NETWORK_DEADLINE_MS must be a whole number`)
    expect(read).toThrow(`"${value}"`)
  })
})

describe('duration', () => {
  it('reads as the log writes it', () => {
    expect([400, 30_000, 600_000, 90_000].map(duration)).toEqual([
      '400 ms',
      '30 s',
      '10 min',
      '1 min 30 s',
    ])
  })
})
