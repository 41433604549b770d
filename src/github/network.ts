// Bounded time for everything a run asks of the network. undici's defaults wait 5 minutes for a
// server that accepted the connection and then says nothing, and forever for one that trickles a
// byte at a time; with retries, calls in sequence and GitHub's 6-hour job timeout, a stuck proxy
// costs hours of a runner and leaves an empty log. So:
// - every HTTP request to GitHub's API has a timeout from sending it to the last byte of its answer
//   (`fetch` here, which the Octokit client uses);
// - all the network calls of a run (API calls with their retries and back-off, artifact uploads
//   and downloads, git fetches) share one budget of waiting time: once it is spent, what is in
//   flight is abandoned and every later call fails at once, like a refused write;
// - a call that waits logs a line every request timeout, so the log says what it is waiting for.
// The budget counts only time spent waiting on the network, not the probe or the scan.
// Requests honour HTTPS_PROXY, HTTP_PROXY and NO_PROXY as the Actions toolkit does: through
// @actions/http-client's proxy dispatcher, with the fetch of the undici it is built for.
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'
import type { Logger } from './logger.ts'
import {
  DEADLINE_VARIABLE,
  REQUEST_TIMEOUT_VARIABLE,
  duration,
  type NetworkSettings,
} from './settings.ts'

/**
 * A request that got no complete answer within the request timeout. Its name is not
 * `AbortError`, so Octokit wraps it in a status-500 RequestError and the retry plugin retries it.
 */
export class RequestTimeoutError extends Error {
  override name = 'TimeoutError'
}

/**
 * The run's network budget is spent. Named `AbortError` on purpose: Octokit passes such errors
 * through unwrapped, so its retry plugin does not retry a call that can no longer succeed.
 */
export class NetworkDeadlineError extends Error {
  override name = 'AbortError'
  readonly deadline = true
}

export class NetworkBudget {
  readonly settings: NetworkSettings
  private readonly logger: Logger
  private readonly controller = new AbortController()
  private inFlight = 0
  private spentMs = 0
  private since = 0
  private timer: NodeJS.Timeout | undefined

  constructor(settings: NetworkSettings, logger: Logger) {
    this.settings = settings
    this.logger = logger
  }

  /** Aborts when the budget is spent. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  get expired(): boolean {
    return this.controller.signal.aborted
  }

  /** What is left of the budget, in ms. */
  remainingMs(): number {
    const running = this.inFlight ? Date.now() - this.since : 0
    return Math.max(0, this.settings.deadlineMs - this.spentMs - running)
  }

  /**
   * Runs one network call (`what` names it for the log) within the budget: it is abandoned with a
   * NetworkDeadlineError when the budget runs out, and fails at once if it already has. `call`
   * gets the budget's signal, to stop its own work when abandoned.
   */
  async within<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.expired) throw this.passed(what)
    this.enter(what)
    const started = Date.now()
    const heartbeat = setInterval(() => {
      this.logger.info(
        `still waiting for ${what}: ${duration(Date.now() - started)} so far; ` +
          `${duration(this.remainingMs())} left of bind-probe's network deadline (${DEADLINE_VARIABLE})`,
      )
    }, this.settings.requestTimeoutMs)
    let onAbort: (() => void) | undefined
    try {
      return await new Promise<T>((resolve, reject) => {
        onAbort = () => reject(this.passed(what))
        this.signal.addEventListener('abort', onAbort, { once: true })
        call(this.signal).then(resolve, reject)
      })
    } finally {
      if (onAbort) this.signal.removeEventListener('abort', onAbort)
      clearInterval(heartbeat)
      this.leave()
    }
  }

  /**
   * fetch with the request timeout and the budget: the answer is read whole before it is
   * returned, so a body that trickles is bounded too. Octokit calls it for every attempt.
   */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const method = init.method ?? 'GET'
    const what = `${method} ${String(input instanceof Request ? input.url : input)}`
    if (this.expired) throw this.passed(what)
    const ms = this.settings.requestTimeoutMs
    const timeout = new AbortController()
    const timer = setTimeout(
      () =>
        timeout.abort(
          new RequestTimeoutError(
            `no complete answer to ${what} within ${duration(ms)} (${REQUEST_TIMEOUT_VARIABLE})`,
          ),
        ),
      ms,
    )
    const signals = [timeout.signal, this.signal, ...(init.signal ? [init.signal] : [])]
    try {
      const response = await fetchMaybeProxied(input, {
        ...init,
        signal: AbortSignal.any(signals),
      })
      const empty = method === 'HEAD' || [101, 204, 205, 304].includes(response.status)
      const body = empty ? null : await response.arrayBuffer()
      const whole = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
      // Octokit reports the answer's URL (after redirects); a new Response has none.
      Object.defineProperty(whole, 'url', { value: response.url })
      return whole
    } catch (error) {
      // Whatever the body stream threw when it was cut, say why it was cut.
      if (this.expired) throw this.passed(what)
      if (timeout.signal.aborted) throw timeout.signal.reason
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  private enter(what: string): void {
    if (this.inFlight++ > 0) return
    this.since = Date.now()
    this.timer = setTimeout(() => this.expire(what), this.remainingMs())
  }

  private leave(): void {
    if (--this.inFlight > 0) return
    this.spentMs += Date.now() - this.since
    clearTimeout(this.timer)
  }

  private expire(what: string): void {
    this.logger.warning(
      `bind-probe's network deadline passed: it waited ${duration(this.settings.deadlineMs)} on the ` +
        `network in all (${DEADLINE_VARIABLE}), the last time for ${what}. It stops waiting; ` +
        'what could not be read or written is listed below and in the job summary',
    )
    this.controller.abort(this.passed(what))
  }

  private passed(what: string): NetworkDeadlineError {
    return new NetworkDeadlineError(
      `gave up on ${what}: bind-probe's network deadline (${duration(this.settings.deadlineMs)} ` +
        `of waiting on the network, ${DEADLINE_VARIABLE}) passed`,
    )
  }
}

const proxies = new HttpClient('bind-probe')

/** fetch, through the proxy the environment names for this URL, if any. */
function fetchMaybeProxied(input: string | URL | Request, init: RequestInit): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input)
  const dispatcher = proxies.getAgentDispatcher(url)
  if (!dispatcher) return fetch(input, init)
  // undici's own fetch: a dispatcher belongs to the undici that made it, not to Node's built-in one.
  return undiciFetch(url, { ...init, dispatcher } as Parameters<
    typeof undiciFetch
  >[1]) as unknown as Promise<Response>
}
