// The one GitHub client the action uses: @octokit/core with REST methods, pagination, retries
// and GitHub's recommended throttling. Every request has a timeout and every call (retries and
// rate-limit waits included) runs within the run's network budget (network.ts); every wait is
// logged, so a stuck API shows up in the job log instead of as a silent hang.
import type BottleneckClass from 'bottleneck'
// @ts-expect-error light.js is the same class without Redis clustering (the build the throttling
// plugin itself uses); its types are the package's main ones.
import BottleneckLight from 'bottleneck/light.js'
import { Octokit } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { VERSION } from '../version.ts'
import type { Logger } from './logger.ts'
import { assertJsonAnswer } from './answers.ts'
import { NetworkBudget } from './network.ts'
import { DEFAULT_NETWORK_SETTINGS, duration } from './settings.ts'

const Bottleneck = BottleneckLight as typeof BottleneckClass

const BindProbeOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling)

/** The client every function in src/github takes. */
export type GitHubApi = InstanceType<typeof BindProbeOctokit>

export interface OctokitSettings {
  token: string
  /** REST root: `GITHUB_API_URL` (https://HOST/api/v3 on GitHub Enterprise Server). */
  baseUrl: string
  logger: Logger
  userAgent?: string
  /** Retries of a 5xx or network failure (with 1, 4, 9 … seconds between). Default 3. */
  retries?: number
  /** Retries after a primary or secondary rate limit. Default 3. */
  rateLimitRetries?: number
  /** The longest rate-limit wait worth sitting through in a CI job, in seconds. Default 300. */
  maxRateLimitWaitSeconds?: number
  /**
   * Throttling state is shared by all clients with the same id in one process (writes are
   * serialised per id). Separate ids stand for separate processes, as in the concurrency test.
   */
  throttleId?: string
  /**
   * Milliseconds per second of back-off that GitHub or the retry schedule asks for: 1000 for real
   * use; tests shrink it so that a 60-second `retry-after` takes 60 ms.
   */
  msPerSecond?: number
  /**
   * Spacing of writes and of notification-triggering writes (comment creation), in ms. Default:
   * GitHub's guidance as the throttling plugin implements it (1 s and 3 s).
   */
  pacing?: { writeMs: number; notificationMs: number }
  /**
   * The request timeout and the run's network budget, shared with the artifact transport and git.
   * Default: a budget of its own with the default limits.
   */
  network?: NetworkBudget
}

// 429 belongs to the throttling plugin; the rest are answers, not accidents: retrying a 403 or
// a 422 only repeats the refusal (and a 403 rate limit is the throttling plugin's too).
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

export function createOctokit(settings: OctokitSettings): GitHubApi {
  const {
    logger,
    retries = 3,
    rateLimitRetries = 3,
    maxRateLimitWaitSeconds = 300,
    msPerSecond = 1000,
  } = settings
  const network = settings.network ?? new NetworkBudget(DEFAULT_NETWORK_SETTINGS, logger)

  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      const what = `${options.method} ${options.url}`
      const left = network.remainingMs()
      if (retryAfter * msPerSecond >= left) {
        logger.warning(
          `GitHub ${kind} rate limit on ${what}: GitHub asks to wait ${retryAfter} s, more than the ` +
            `${duration(left)} left of bind-probe's network deadline; giving up`,
        )
        return false
      }
      if (retryCount < rateLimitRetries && retryAfter <= maxRateLimitWaitSeconds) {
        logger.warning(
          `GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter} s ` +
            `(retry ${retryCount + 1} of ${rateLimitRetries})`,
        )
        return true
      }
      logger.warning(
        `GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} ` +
          `retr${retryCount === 1 ? 'y' : 'ies'} (GitHub asks to wait ${retryAfter} s)`,
      )
      return false
    }

  const groups = settings.pacing
    ? {
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: settings.pacing.writeMs }),
        notifications: new Bottleneck.Group({
          maxConcurrent: 1,
          minTime: settings.pacing.notificationMs,
        }),
      }
    : {}

  const octokit = new BindProbeOctokit({
    auth: settings.token,
    baseUrl: settings.baseUrl.replace(/\/+$/, ''),
    userAgent: settings.userAgent ?? `bind-probe/${VERSION}`,
    log: {
      debug: (m: string) => logger.debug(m),
      info: (m: string) => logger.debug(m),
      warn: (m: string) => logger.warning(m),
      error: (m: string) => logger.error(m),
    },
    retry: { doNotRetry: DO_NOT_RETRY, retries, retryAfterBaseValue: msPerSecond },
    throttle: {
      id: settings.throttleId ?? 'bind-probe',
      retryAfterBaseValue: msPerSecond,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...groups,
    },
    request: { fetch: network.fetch },
  })
  // Not retried: a 200 that is not JSON may be a write that happened, with its answer lost.
  octokit.hook.after('request', (response, options) =>
    assertJsonAnswer(response, {
      method: options.method,
      url: options.url,
      headers: options.headers,
      ...(options.mediaType ? { mediaType: options.mediaType } : {}),
    }),
  )
  // Registered last, so it wraps the plugins: one budgeted call covers every retry and wait.
  octokit.hook.wrap('request', (request, options) =>
    network.within(`GitHub's API (${options.method} ${options.url})`, async () => request(options)),
  )
  return octokit
}
