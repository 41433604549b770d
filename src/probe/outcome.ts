// One name per outcome across operating systems. Winsock reports WSAEADDRINUSE (10048) where
// POSIX reports EADDRINUSE, and errno numbers differ between Linux, macOS and Windows, so the
// symbolic name is what we compare; the raw numbers stay in the result.
import type { Outcome, RawError } from './model.ts'

/** Winsock error codes (winerror.h), by the POSIX name they stand for. */
export const WINSOCK_ERRORS: Readonly<Record<number, string>> = {
  10004: 'EINTR',
  10009: 'EBADF',
  10013: 'EACCES',
  10014: 'EFAULT',
  10022: 'EINVAL',
  10024: 'EMFILE',
  10035: 'EWOULDBLOCK',
  10038: 'ENOTSOCK',
  10042: 'ENOPROTOOPT',
  10043: 'EPROTONOSUPPORT',
  10045: 'EOPNOTSUPP',
  10047: 'EAFNOSUPPORT',
  10048: 'EADDRINUSE',
  10049: 'EADDRNOTAVAIL',
  10050: 'ENETDOWN',
  10051: 'ENETUNREACH',
  10053: 'ECONNABORTED',
  10054: 'ECONNRESET',
  10055: 'ENOBUFS',
  10056: 'EISCONN',
  10057: 'ENOTCONN',
  10060: 'ETIMEDOUT',
  10061: 'ECONNREFUSED',
}

/** Errors that mean "this platform has no such option", not "the bind failed". */
const LACKS_OPTION = new Set(['ENOPROTOOPT', 'EOPNOTSUPP', 'ENOTSUP'])

/** The comparable name of an error: EADDRINUSE for EADDRINUSE, WSAEADDRINUSE and 10048. */
export function errorName(raw: RawError): string {
  if (raw.winerror !== undefined && WINSOCK_ERRORS[raw.winerror]) {
    return WINSOCK_ERRORS[raw.winerror]!
  }
  if (raw.name) return raw.name.startsWith('WSAE') ? raw.name.slice(3) : raw.name
  if (raw.errno !== undefined && WINSOCK_ERRORS[raw.errno]) return WINSOCK_ERRORS[raw.errno]!
  if (raw.exception === 'timeout' || raw.exception === 'TimeoutError') return 'ETIMEDOUT'
  return raw.exception ?? 'EUNKNOWN'
}

export function outcomeOf(raw: RawError): Outcome {
  if (raw.missingConstant) return 'unsupported'
  const name = errorName(raw)
  return LACKS_OPTION.has(name) ? 'unsupported' : name
}

/** Raw code as people search for it: `WSAEACCES (10013)`, `EADDRINUSE (errno 98)`. */
export function rawCode(raw: RawError | undefined): string | undefined {
  if (!raw) return undefined
  if (raw.missingConstant) return `no ${raw.missingConstant}`
  if (raw.winerror !== undefined) {
    const name = WINSOCK_ERRORS[raw.winerror]
    return name ? `WSA${name} (${raw.winerror})` : `winerror ${raw.winerror}`
  }
  if (raw.name && raw.errno !== undefined) return `${raw.name} (errno ${raw.errno})`
  return raw.name ?? raw.exception
}
