// The run's settings that come from the environment rather than from inputs: the two network time
// limits. A value that is not what it should be stops the run at once with a line naming the
// variable and its value, instead of a failure somewhere later that names neither.

/** A setting the run cannot work with; the message names the variable and its value. */
export class SettingError extends Error {
  override name = 'SettingError'
}

export interface NetworkSettings {
  /** One HTTP request, from sending it to the last byte of its answer. */
  requestTimeoutMs: number
  /** All the time a run spends waiting on the network, retries and back-off included. */
  deadlineMs: number
}

export const REQUEST_TIMEOUT_VARIABLE = 'BIND_PROBE_REQUEST_TIMEOUT_MS'
export const DEADLINE_VARIABLE = 'BIND_PROBE_NETWORK_DEADLINE_MS'

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = {
  requestTimeoutMs: 30_000,
  deadlineMs: 10 * 60_000,
}

export function readNetworkSettings(env: Record<string, string | undefined>): NetworkSettings {
  return {
    requestTimeoutMs:
      milliseconds(env, REQUEST_TIMEOUT_VARIABLE) ?? DEFAULT_NETWORK_SETTINGS.requestTimeoutMs,
    deadlineMs: milliseconds(env, DEADLINE_VARIABLE) ?? DEFAULT_NETWORK_SETTINGS.deadlineMs,
  }
}

function milliseconds(env: Record<string, string | undefined>, name: string): number | undefined {
  const value = env[name]
  if (value === undefined || value.trim() === '') return undefined
  const n = Number(value)
  // setTimeout's ceiling: a larger delay fires at once.
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647) {
    throw new SettingError(`${name} must be a whole number of milliseconds above 0, got "${value}"`)
  }
  return n
}

/** How a duration reads in the log: `400 ms`, `30 s`, `10 min`, `1 min 30 s`. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`
}
