// Faults: the runner's URLs are not URLs. Before, GITHUB_SERVER_URL=not-a-url failed with a bare
// "Invalid URL" and GITHUB_API_URL=not-a-url was retried like a network fault for 105 s. Now
// either is one line naming the variable and its value, before anything is tried.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { resolveContext } from '../../src/github/context.ts'
import { ACTION, makeCheckout, runAction } from '../action/harness.ts'

const BASE = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_EVENT_NAME: 'push' }

describe('URLs from the runner that are not URLs', () => {
  it('GITHUB_SERVER_URL=not-a-url is named with its value', () => {
    expect(() => resolveContext({ ...BASE, GITHUB_SERVER_URL: 'not-a-url' })).toThrow(
      /GITHUB_SERVER_URL.*"not-a-url"/,
    )
  })

  it('GITHUB_API_URL=not-a-url is named with its value', () => {
    expect(() => resolveContext({ ...BASE, GITHUB_API_URL: 'not-a-url' })).toThrow(
      /GITHUB_API_URL.*"not-a-url"/,
    )
  })
})

describe.runIf(existsSync(ACTION))('the bundled action with GITHUB_API_URL=not-a-url', () => {
  it(
    'fails the step with one line naming the variable, and tries nothing',
    {
      timeout: 90_000,
    },
    async () => {
      const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
      const run = await runAction({
        inputs: { mode: 'all', 'github-token': 'token-bot', only: 'tcp4-dup-loopback-default' },
        env: { ...BASE, GITHUB_SHA: checkout.headSha, GITHUB_API_URL: 'not-a-url' },
        workspace: checkout.dir,
        killAfterMs: 60_000,
      })
      expect(run.killed).toBe(false)
      expect(run.code).toBe(1)
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
      expect(errors).toEqual([expect.stringMatching(/GITHUB_API_URL.*"not-a-url"/)])
    },
  )
})
