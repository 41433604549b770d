// The dashboard's HTML template escapes every value, in text and in quoted attributes, and inserts
// only its own results unescaped; the session cookie opens only as sealed, and not after expiry.
import { describe, expect, it } from 'vitest'
import { html as h } from '../../src/service/dashboard/html.ts'
import { readCookies, Sealer } from '../../src/service/dashboard/session.ts'

// `h`, not `h`: a formatter would re-indent an `h` template's text, which is what is checked.
describe('html', () => {
  it('escapes values in text and attributes, and nests its own results as they are', () => {
    const name = `"><script>alert('x')</script>&`
    const cell = h`<td title="${name}">${name}</td>`
    expect(cell.text).toBe(
      '<td title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</td>',
    )
    const row = h`<tr>${[cell, '<b>', 3, null, undefined, false]}</tr>`
    expect(row.text).toBe(`<tr>${cell.text}&lt;b&gt;3</tr>`)
  })
})

describe('the session cookie', () => {
  const sealer = new Sealer('a session secret of at least 32 chars')
  it('opens what it sealed, until it expires', () => {
    const sealed = sealer.seal({ login: 'alice', token: 'ghu_x' }, 1000, 5000)
    expect(sealed).not.toContain('alice')
    expect(sealer.open(sealed, 5999)).toEqual({ login: 'alice', token: 'ghu_x' })
    expect(sealer.open(sealed, 6000)).toBeUndefined()
  })

  it('opens nothing sealed by another secret, changed, or cut short', () => {
    const sealed = sealer.seal({ login: 'alice' }, 60_000)
    expect(new Sealer('another secret, also of 32 chars!').open(sealed)).toBeUndefined()
    const bytes = Buffer.from(sealed, 'base64url')
    bytes[bytes.length - 1]! ^= 1
    expect(sealer.open(bytes.toString('base64url'))).toBeUndefined()
    expect(sealer.open(sealed.slice(0, 20))).toBeUndefined()
    expect(sealer.open('not base64 at all!')).toBeUndefined()
  })

  it('reads a Cookie header, the first of a repeated name', () => {
    expect([...readCookies('a=1; bp_session=x=y; a=2; junk')]).toEqual([
      ['a', '1'],
      ['bp_session', 'x=y'],
    ])
  })
})
