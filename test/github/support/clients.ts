// Clients as the tests build them: real octokit with its real plugins, back-off shrunk from
// seconds to milliseconds and write spacing set per test, one throttling id per simulated process.
import { createOctokit, type GitHubApi } from '../../../src/github/octokit.ts'
import type { Logger } from '../../../src/github/logger.ts'

let processes = 0

export function testOctokit(
  baseUrl: string,
  logger: Logger,
  options: { token?: string; pacing?: { writeMs: number; notificationMs: number } } = {},
): GitHubApi {
  processes += 1
  return createOctokit({
    token: options.token ?? 'token-bot',
    baseUrl,
    logger,
    throttleId: `test-process-${processes}`,
    msPerSecond: 1,
    pacing: options.pacing ?? { writeMs: 0, notificationMs: 0 },
  })
}
