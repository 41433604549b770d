// One outcome name per error across systems; the raw code stays beside it.
import { describe, expect, it } from 'vitest'
import { errorName, outcomeOf, rawCode } from '../../src/probe/outcome.ts'

describe('outcomeOf', () => {
  it.each([
    [{ name: 'EADDRINUSE', errno: 98 }, 'EADDRINUSE'], // Linux
    [{ name: 'EADDRINUSE', errno: 48 }, 'EADDRINUSE'], // macOS
    [{ name: 'WSAEADDRINUSE', errno: 10048, winerror: 10048 }, 'EADDRINUSE'], // CPython on Windows
    [{ name: 'EACCES', errno: 13, winerror: 10013, exception: 'PermissionError' }, 'EACCES'],
    [{ errno: 10049, winerror: 10049 }, 'EADDRNOTAVAIL'], // no name: the winerror decides
    [{ name: 'EADDRNOTAVAIL', errno: 99 }, 'EADDRNOTAVAIL'],
    [{ name: 'EADDRINUSE', errno: -98, exception: 'Error' }, 'EADDRINUSE'], // Node's libuv code
    [{ missingConstant: 'SO_REUSEPORT' }, 'unsupported'],
    [{ name: 'ENOPROTOOPT', errno: 92 }, 'unsupported'],
    [{ name: 'WSAENOPROTOOPT', winerror: 10042 }, 'unsupported'],
    [{ name: 'ENOTSUP', errno: -95 }, 'unsupported'], // Node reusePort on macOS
    [{ exception: 'TimeoutError', message: 'timed out' }, 'ETIMEDOUT'],
  ])('%j is %s', (raw, outcome) => {
    expect(outcomeOf(raw)).toBe(outcome)
  })

  it('keeps an unmapped winerror recognisable', () => {
    expect(errorName({ winerror: 10107 })).toBe('EUNKNOWN')
    expect(rawCode({ winerror: 10107 })).toBe('winerror 10107')
  })

  it('writes the raw code the way people search for it', () => {
    expect(rawCode({ name: 'WSAEADDRINUSE', errno: 10048, winerror: 10048 })).toBe(
      'WSAEADDRINUSE (10048)',
    )
    expect(rawCode({ name: 'EADDRINUSE', errno: 98 })).toBe('EADDRINUSE (errno 98)')
    expect(rawCode({ missingConstant: 'SO_EXCLUSIVEADDRUSE' })).toBe('no SO_EXCLUSIVEADDRUSE')
  })
})
