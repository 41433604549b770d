// Sorting GitHub's refusals into the few kinds the publishers act on. REST answers with an HTTP
// status; GraphQL answers 200 with typed `errors`, so both are read here and nowhere else. No
// answer in time is a refusal too: GitHub unavailable.
import { UnexpectedAnswerError } from './answers.ts'
import { NetworkDeadlineError, RequestTimeoutError } from './network.ts'

/**
 * Why a write did not happen: a read-only or under-privileged token, a thing that is gone, input
 * GitHub rejected, or GitHub not answering (5xx or a rate limit that outlasted the retries).
 */
export type RefusalKind = 'denied' | 'not-found' | 'invalid' | 'unavailable'

export interface Refusal {
  kind: RefusalKind
  status?: number
  /** GitHub's own words, for the log. */
  message: string
}

/** A refusal carried through code that throws, so callers still see what GitHub said. */
export class RefusedError extends Error {
  override name = 'RefusedError'
  readonly refusal: Refusal
  constructor(refusal: Refusal) {
    super(refusal.message)
    this.refusal = refusal
  }
}

interface RestLikeError {
  status: number
  message: string
  response?: { data?: unknown }
}

interface GraphqlLikeError {
  errors: Array<{ type?: string; message?: string }>
  message: string
}

function isRestLike(error: unknown): error is RestLikeError {
  return (
    typeof error === 'object' && error !== null && typeof Reflect.get(error, 'status') === 'number'
  )
}

function isGraphqlLike(error: unknown): error is GraphqlLikeError {
  return typeof error === 'object' && error !== null && Array.isArray(Reflect.get(error, 'errors'))
}

// https://docs.github.com/en/graphql/guides/forming-calls-with-graphql (error `type` values)
const GRAPHQL_KINDS: Record<string, RefusalKind> = {
  FORBIDDEN: 'denied',
  NOT_FOUND: 'not-found',
  UNPROCESSABLE: 'invalid',
}

/**
 * The refusal `error` stands for, or undefined when it is something else (a 5xx that outlived its
 * retries, a network failure, a bug), which callers let propagate.
 */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof RefusedError) return error.refusal
  if (
    error instanceof NetworkDeadlineError ||
    error instanceof RequestTimeoutError ||
    error instanceof UnexpectedAnswerError
  ) {
    return { kind: 'unavailable', message: error.message }
  }
  if (isGraphqlLike(error)) {
    for (const e of error.errors) {
      const kind = e.type ? GRAPHQL_KINDS[e.type] : undefined
      if (kind) return { kind, message: e.message ?? error.message }
    }
    return undefined
  }
  if (!isRestLike(error)) return undefined
  const message = restMessage(error)
  // Rate limits and server errors reach here only after the plugins' retries ran out.
  if (error.status === 429 || (error.status === 403 && /rate limit/i.test(message))) {
    return { kind: 'unavailable', status: error.status, message }
  }
  if (error.status >= 500) return { kind: 'unavailable', status: error.status, message }
  if (error.status === 401 || error.status === 403) {
    return { kind: 'denied', status: error.status, message }
  }
  if (error.status === 404 || error.status === 410) {
    return { kind: 'not-found', status: error.status, message }
  }
  if (error.status === 422) return { kind: 'invalid', status: error.status, message }
  return undefined
}

function restMessage(error: RestLikeError): string {
  const data = error.response?.data
  const detail =
    typeof data === 'object' && data !== null ? Reflect.get(data, 'message') : undefined
  const errors = typeof data === 'object' && data !== null ? Reflect.get(data, 'errors') : undefined
  const extra = Array.isArray(errors)
    ? errors
        .map((e: unknown) =>
          typeof e === 'string'
            ? e
            : typeof e === 'object' && e !== null
              ? String(Reflect.get(e, 'message') ?? Reflect.get(e, 'code') ?? '')
              : '',
        )
        .filter(Boolean)
    : []
  const base = typeof detail === 'string' ? detail : error.message
  return extra.length ? `${base} (${extra.join('; ')})` : base
}

/** How a publisher reports a refusal: `invalid` input shows as `rejected`. */
export function statusOf(refusal: Refusal): 'denied' | 'not-found' | 'rejected' | 'unavailable' {
  return refusal.kind === 'invalid' ? 'rejected' : refusal.kind
}

/** One line for a log, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
