// What GitHub answers is checked before it is believed. A proxy's login page or a cut-off body
// comes back as 200 too, and Octokit then hands over a string: taken as success, ids became NaN
// and warnings spoke of `undefined`. Such an answer is a refusal (GitHub unavailable) naming the
// endpoint, so it is reported like any write that did not happen.

/** GitHub's answer is not what the endpoint returns. */
export class UnexpectedAnswerError extends Error {
  override name = 'UnexpectedAnswerError'
}

interface Answer {
  status: number
  headers: Record<string, string | number | undefined>
  data: unknown
}

interface Asked {
  method: string
  url: string
  headers: Record<string, string | number | undefined>
  /** A media type format (`raw`, `diff`) asks for something other than JSON. */
  mediaType?: { format?: string }
}

/**
 * Throws unless an answer to a JSON endpoint is JSON. Raw media types (the policy file's contents)
 * and empty answers (204) are what they should be.
 */
export function assertJsonAnswer(answer: Answer, asked: Asked): void {
  if (answer.status === 204 || answer.status === 205) return
  if (asked.mediaType?.format || !/json/i.test(String(asked.headers.accept ?? ''))) return
  if (
    typeof answer.data === 'object' &&
    answer.data !== null &&
    !(answer.data instanceof ArrayBuffer)
  )
    return
  const type = String(answer.headers['content-type'] ?? 'no content type')
  const body = typeof answer.data === 'string' ? answer.data : ''
  const start = body.replace(/\s+/g, ' ').trim().slice(0, 80)
  throw new UnexpectedAnswerError(
    `GitHub's API answered ${asked.method} ${asked.url} with something that is not JSON ` +
      `(${answer.status}, ${type}, ${body.length} characters${start ? `: "${start}"` : ''}); ` +
      'a proxy or a login page in the way, or an answer cut off',
  )
}

/** `value` as a GitHub id (a positive whole number, sent as a number or a string). */
export function positiveId(value: unknown, endpoint: string, field = 'id'): number {
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id
  throw unexpected(endpoint, field, value)
}

/** `value` as a non-empty string (a node id, an html_url, a sha, a name). */
export function textField(value: unknown, endpoint: string, field: string): string {
  if (typeof value === 'string' && value !== '') return value
  throw unexpected(endpoint, field, value)
}

function unexpected(endpoint: string, field: string, value: unknown): UnexpectedAnswerError {
  const got = value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 80)
  return new UnexpectedAnswerError(
    `GitHub's API answered ${endpoint} without a valid ${field} (got ${got})`,
  )
}
