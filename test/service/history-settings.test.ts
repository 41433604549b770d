// The history and dashboard settings: defaults, flags and environment, and a malformed or
// incomplete one named in one line (readSettings throws SettingError; `serve` exits 2 on it).
import { describe, expect, it } from 'vitest'
import { readSettings, SettingError } from '../../src/service/settings.ts'

const SESSION = 's'.repeat(32)

describe('history and dashboard settings', () => {
  it('defaults: 90 days, 20 runs, github.com, no login', () => {
    const s = readSettings([], {})
    expect([s.historyDays, s.flipWindow, s.githubServerUrl, s.oauth]).toEqual([
      90,
      20,
      'https://github.com',
      undefined,
    ])
  })

  it('from flags and environment variables', () => {
    const s = readSettings(['--flip-window', '30'], {
      BIND_PROBE_HISTORY_DAYS: '7',
      GITHUB_SERVER_URL: 'https://ghes.example/',
      GITHUB_OAUTH_CLIENT_ID: 'Iv1.abc',
      GITHUB_OAUTH_CLIENT_SECRET: 'client-secret',
      BIND_PROBE_SESSION_SECRET: SESSION,
    })
    expect([s.historyDays, s.flipWindow, s.githubServerUrl]).toEqual([
      7,
      30,
      'https://ghes.example',
    ])
    expect(s.oauth).toEqual({
      clientId: 'Iv1.abc',
      clientSecret: 'client-secret',
      sessionSecret: SESSION,
    })
  })

  it.each([
    [['--flip-window', '1'], {}, /^--flip-window must be a whole number from 2 to 1000/],
    [[], { BIND_PROBE_HISTORY_DAYS: 'forever' }, /^BIND_PROBE_HISTORY_DAYS must be a whole/],
    [[], { GITHUB_SERVER_URL: 'github.com' }, /^GITHUB_SERVER_URL must be an http\(s\) URL/],
    [
      ['--oauth-client-id', 'Iv1.abc'],
      {},
      /login needs --oauth-client-secret \(GITHUB_OAUTH_CLIENT_SECRET\) and --session-secret/,
    ],
    [
      ['--oauth-client-id', 'x', '--oauth-client-secret', 'y', '--session-secret', 'short'],
      {},
      /^--session-secret must be at least 32 characters$/,
    ],
  ])('%j %j: one line naming it', (argv, env, why) => {
    expect(() => readSettings(argv, env)).toThrow(SettingError)
    expect(() => readSettings(argv, env)).toThrow(why)
  })
})
