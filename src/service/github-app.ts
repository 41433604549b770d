// The service's GitHub App, through octokit's App: which installation covers a repository, an
// installation's API client (our own client: retries, throttling, timeouts, a budget per
// publish), and webhook signatures checked on the raw body.
import { App } from '@octokit/app'
import { Octokit } from '@octokit/core'
import type { NetworkBudget } from '../github/index.ts'
import { createOctokit, refusalOf, type GitHubApi, type Logger } from '../github/index.ts'
import type { GitHubAppSettings } from './settings.ts'

/** What the service asks of GitHub as an App; tests and the publisher see only this. */
export interface GitHubAppClient {
  readonly settings: GitHubAppSettings
  /** The installation covering `owner/name`, or undefined when the App is not installed there. */
  installationFor(repository: string): Promise<number | undefined>
  /** A client acting as the installation, bounded by `network` (one publish's budget). */
  installationApi(
    installationId: number,
    network: NetworkBudget,
    logger: Logger,
  ): Promise<GitHubApi>
  /** The `X-Hub-Signature-256` header matches the raw body and the webhook secret. */
  verifyWebhook(rawBody: string, signature: string): Promise<boolean>
  /** Forgets what is known of an installation (it was deleted, or lost repositories). */
  forgetInstallation(installationId: number): void
}

/** How long "installed here" is believed without asking again; webhooks forget it sooner. */
const INSTALLATION_MEMORY_MS = 10 * 60_000

export function gitHubApp(settings: GitHubAppSettings, requestTimeoutMs: number): GitHubAppClient {
  const timedFetch = (input: string | URL | Request, init: RequestInit = {}) =>
    fetch(input, {
      ...init,
      signal: AbortSignal.any([
        AbortSignal.timeout(requestTimeoutMs),
        ...(init.signal ? [init.signal] : []),
      ]),
    })
  const app = new App({
    appId: settings.appId,
    privateKey: settings.privateKey,
    webhooks: { secret: settings.webhookSecret },
    Octokit: Octokit.defaults({ baseUrl: settings.apiUrl, request: { fetch: timedFetch } }),
  })
  const installations = new Map<string, { id: number | undefined; until: number }>()

  return {
    settings,
    async installationFor(repository) {
      const known = installations.get(repository)
      if (known && known.until > Date.now()) return known.id
      const [owner, repo] = repository.split('/')
      let id: number | undefined
      try {
        const { data } = await app.octokit.request('GET /repos/{owner}/{repo}/installation', {
          owner: owner!,
          repo: repo!,
        })
        id = data.id
      } catch (error) {
        if (refusalOf(error)?.kind !== 'not-found') throw error
      }
      installations.set(repository, { id, until: Date.now() + INSTALLATION_MEMORY_MS })
      return id
    },
    async installationApi(installationId, network, logger) {
      // The App's auth caches installation tokens (an hour each) across publishes.
      const { token } = (await app.octokit.auth({ type: 'installation', installationId })) as {
        token: string
      }
      return createOctokit({
        token,
        baseUrl: settings.apiUrl,
        logger,
        network,
        throttleId: `installation-${installationId}`,
      })
    },
    async verifyWebhook(rawBody, signature) {
      try {
        return await app.webhooks.verify(rawBody, signature)
      } catch {
        return false // a malformed signature header is a wrong one
      }
    },
    forgetInstallation(installationId) {
      for (const [repository, known] of installations) {
        if (known.id === installationId) installations.delete(repository)
      }
    },
  }
}
