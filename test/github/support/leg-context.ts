// The run context of a probe leg on pull request #4 of octo-org/octo-repo (run 900, attempt 1),
// resolved from runner variables as the action resolves it: for tests that file leg bundles.
import { resolveContext } from '../../../src/github/context.ts'

export const legContext = resolveContext(
  {
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: 'event.json',
    GITHUB_RUN_ID: '900',
    GITHUB_RUN_ATTEMPT: '1',
  },
  () =>
    JSON.stringify({
      pull_request: {
        number: 4,
        head: { sha: 'b'.repeat(40), repo: { full_name: 'octo-org/octo-repo' } },
        base: { ref: 'main', repo: { full_name: 'octo-org/octo-repo' } },
      },
    }),
)
