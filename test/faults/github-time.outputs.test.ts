// Fault: the step's outputs cannot be written (GITHUB_OUTPUT on a full disk; /dev/full stands in).
// Before, the failed write failed the step before the leg's result was uploaded, with the bare
// ENOSPC message. Now the upload happens first, and the failure says which file and why.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTION, makeCheckout, runAction } from '../action/harness.ts'

const PLATFORM = `linux-${process.arch}`

describe.runIf(existsSync('/dev/full') && existsSync(ACTION))(
  'the bundled action when GITHUB_OUTPUT cannot be written',
  () => {
    it('`probe` uploads the leg’s result anyway, then fails naming GITHUB_OUTPUT', async () => {
      const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
      const results = mkdtempSync(join(tmpdir(), 'bind-probe-artifacts-'))
      const run = await runAction({
        inputs: { mode: 'probe', 'github-token': '', only: 'tcp4-dup-loopback-default' },
        env: {
          GITHUB_REPOSITORY: 'octo-org/octo-repo',
          GITHUB_EVENT_NAME: 'push',
          GITHUB_SHA: checkout.headSha,
          GITHUB_OUTPUT: '/dev/full',
          BIND_PROBE_RESULTS_DIR: results,
        },
        workspace: checkout.dir,
      })
      expect(readdirSync(results)).toEqual([`bind-probe-result-${PLATFORM}-1`])
      expect(run.summary).toMatch(/The 2008 case/)
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/::error::.*GITHUB_OUTPUT.*\/dev\/full.*ENOSPC/)
    })
  },
)
