// Inline suppression comments.
import { describe, expect, it } from 'vitest'
import { isSuppressed, suppressionsOf } from '../../src/scan/suppress.ts'
import { hits, scanFiles } from './helpers.ts'

const span = (line: number, endLine = line) => ({
  line,
  endLine,
  column: 1,
  endColumn: 2,
  start: 0,
  end: 1,
})

describe('suppressionsOf', () => {
  it('covers the comment line and the line below, for the listed rules only', () => {
    const s = suppressionsOf([
      { text: '# bind-probe-ignore PORT001,PORT006: restart test', at: span(10) },
    ])
    expect(isSuppressed(s, 'PORT001', 10)).toBe(true)
    expect(isSuppressed(s, 'PORT006', 11)).toBe(true)
    expect(isSuppressed(s, 'PORT001', 12)).toBe(false)
    expect(isSuppressed(s, 'PORT002', 11)).toBe(false)
  })

  it('supports * and whole-file directives', () => {
    const s = suppressionsOf([
      { text: '// bind-probe-ignore *', at: span(3) },
      { text: '/* bind-probe-ignore-file PORT005: IPv4-only CI */', at: span(1) },
    ])
    expect(isSuppressed(s, 'PORT007', 4)).toBe(true)
    expect(isSuppressed(s, 'PORT005', 99)).toBe(true)
    expect(isSuppressed(s, 'PORT001', 99)).toBe(false)
  })

  it('ignores comments that only mention the tool', () => {
    const s = suppressionsOf([{ text: '// see bind-probe docs', at: span(1) }])
    expect(s.lines.size + s.file.size).toBe(0)
  })
})

describe('suppression in a scan', () => {
  const code = (comment: string) =>
    `const net = require('node:net')\nit('x', () => {\n  ${comment}\n  net.createServer().listen(4000)\n})\n`

  it('drops suppressed findings and counts them', async () => {
    const plain = await scanFiles({ 'test/a.spec.js': code('') })
    expect(hits(plain)).toEqual(['PORT001@4'])
    const quiet = await scanFiles({
      'test/a.spec.js': code('// bind-probe-ignore PORT001: fixed by protocol'),
    })
    expect(quiet.findings).toEqual([])
    expect(quiet.suppressed).toBe(1)
  })

  it('does not suppress other rules or other lines', async () => {
    const r = await scanFiles({
      'test/a.spec.js': code('// bind-probe-ignore PORT002: not this one'),
    })
    expect(hits(r)).toEqual(['PORT001@4'])
  })

  it('does not read directives from string literals', async () => {
    const r = await scanFiles({
      'test/a.spec.js': code("const note = 'bind-probe-ignore PORT001'"),
    })
    expect(hits(r)).toEqual(['PORT001@4'])
  })
})

describe('suppression of multi-line statements', () => {
  it('covers the whole statement below the comment, not just its first line', async () => {
    const js = `const http = require('http')
test('x', () => {
  // bind-probe-ignore PORT001: fixed port for the protocol
  const server = http
    .createServer(handler)
    .listen(3000)
})
`
    const r = await scanFiles({ 'tests/multi.test.js': js })
    expect(r.findings).toEqual([])
    expect(r.suppressed).toBe(1)
  })

  it('reads a run of comment lines (directive and wrapped reason) as one comment', async () => {
    const py = `import socket

def test_two():
    # bind-probe-ignore PORT001: reason
    # (wrapped explanation)
    s = socket.socket()
    s.bind(("127.0.0.1", 8126))

def test_three():
    s = socket.socket()
    # bind-probe-ignore PORT001: reason
    # (wrapped explanation)
    s.bind(("127.0.0.1", 8127))
    s.bind(("127.0.0.1", 8128))
`
    const r = await scanFiles({ 'tests/test_multi.py': py })
    expect(hits(r)).toEqual(['PORT001@14', 'PORT001@7'])
    expect(r.suppressed).toBe(1)
  })
})
