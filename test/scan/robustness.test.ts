// Files the scan must skip and count without failing: binary, minified, huge, not UTF-8,
// unknown language, unparsable; and a grammar that will not load.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classify, isMinified } from '../../src/scan/files.ts'
import { Grammars } from '../../src/scan/grammars.ts'
import { scan } from '../../src/scan/scan.ts'
import { hits, scanFiles, writeTree } from './helpers.ts'

const FIXED = 'import socket\nsocket.socket().bind(("", 8080))\n'

describe('skipped files', () => {
  it('counts binary, non-UTF-8, minified, huge and unknown files, and still scans the rest', async () => {
    const r = await scanFiles(
      {
        'tests/test_ok.py': FIXED,
        'tests/test_binary.py': Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]),
        'tests/test_latin1.py': Buffer.from('# caf\xe9\nimport socket\n', 'latin1'),
        'test/app.min.js': 'server.listen(3000)',
        'test/bundle.js': `${'a=1;'.repeat(3000)}\nserver.listen(3000)\n`,
        'tests/test_huge.py': `${'# padding\n'.repeat(20_000)}${FIXED}`,
        'tests/notes.txt': 'listen(8080)',
        'tests/Makefile': 'all:\n',
      },
      { settings: { maxFileBytes: 100_000 } },
    )
    expect(hits(r)).toEqual(['PORT001@2'])
    expect(r.skipped).toMatchObject({
      binary: 1,
      'not-utf8': 1,
      minified: 2,
      'too-large': 1,
      'unknown-language': 2,
    })
    expect(r.notes).toEqual([expect.stringMatching(/1 file was larger than 100,000 bytes/)])
    expect(r.skippedFiles).toContainEqual({ path: 'tests/test_huge.py', reason: 'too-large' })
  })

  it('does not walk into vendored copies of other projects', async () => {
    // fluent-bit keeps nghttp2's and WAMR's releases under lib/, with their own test code
    // (census 43), yarp Apache Thrift's under extern/ (census 65); `lib/app-v2` is no release name.
    const r = await scanFiles({
      'lib/nghttp2-1.65.0/integration-tests/test_server.py': FIXED,
      'third_party/zlib/tests/test_z.py': FIXED,
      'extern/thrift/thrift/test/py/TestServer.py': FIXED,
      'lib/app-v2/tests/test_app.py': FIXED,
      'tests/test_ok.py': FIXED,
    })
    expect(r.findings.map((f) => f.path)).toEqual([
      'lib/app-v2/tests/test_app.py',
      'tests/test_ok.py',
    ])
  })

  it('scans files with syntax errors on the parts that parse, and counts them', async () => {
    const broken = `${FIXED}def oops(:\n    pass\n`
    const r = await scanFiles({ 'tests/test_broken.py': broken })
    expect(hits(r)).toEqual(['PORT001@2'])
    expect(r.files.withSyntaxErrors).toBe(1)
  })

  it('never throws on arbitrary bytes in a source file', async () => {
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 96
    const noise = Array.from({ length: 20_000 }, (_, i) =>
      i % 70 === 69 ? '\n' : String.fromCharCode(32 + random()),
    ).join('')
    const r = await scanFiles({
      'test/noise.spec.ts': `listen(${noise}`,
      'tests/test_noise.py': `bind(${noise}`,
    })
    expect(r.files.scanned).toBe(2)
  })

  it('counts a parse failure and goes on with the next file', async () => {
    const root = writeTree({ 'tests/test_a.py': FIXED, 'tests/test_b.py': FIXED })
    const grammars = new Grammars()
    const real = await grammars.get('python')
    let calls = 0
    const parser = real.parser!
    const parse = parser.parse.bind(parser)
    parser.parse = ((...args: Parameters<typeof parse>) => {
      if (calls++ === 0) throw new Error('simulated parser crash')
      return parse(...args)
    }) as typeof parser.parse
    const r = await scan({ root, grammars })
    expect(r.skipped['parse-error']).toBe(1)
    expect(hits(r)).toEqual(['PORT001@2'])
    await grammars.dispose()
  })
})

describe('a grammar that cannot load', () => {
  it('disables its language only, and says which and why', async () => {
    const root = writeTree({
      'tests/test_a.py': FIXED,
      'test/a.spec.js': 'it("x", () => { server.listen(3000) })\n',
      'broken/tree-sitter-python.wasm': 'not wasm at all',
    })
    const grammars = new Grammars({
      locate: (pkg, file) =>
        pkg === 'tree-sitter-python' ? [join(root, 'broken', file)] : undefined,
    })
    const r = await scan({ root, grammars, paths: ['tests', 'test'] })
    expect(hits(r)).toEqual(['PORT001@1'])
    expect(r.findings[0]!.language).toBe('JavaScript')
    expect(r.skipped['language-unavailable']).toBe(1)
    const python = r.languages.find((l) => l.language === 'python')!
    expect(python.ok).toBe(false)
    expect(python.detail).toMatch(/tree-sitter-python\.wasm did not load/)
    expect(r.notes).toEqual([
      expect.stringMatching(/^Python files were not scanned: grammar tree-sitter-python\.wasm/),
    ])
  })

  it('reports a missing grammar file by its paths', async () => {
    const grammars = new Grammars({
      locate: (pkg, file) => (pkg === 'tree-sitter-go' ? [`/nonexistent/${file}`] : undefined),
    })
    const { status } = await grammars.get('go')
    expect(status).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/\/nonexistent\/tree-sitter-go\.wasm: ENOENT/),
    })
  })
})

describe('classify', () => {
  it('strips a UTF-8 byte order mark', () => {
    const r = classify(Buffer.from('\ufeffx = 1\n'), 'a.py')
    expect(r).toMatchObject({ ok: true, text: 'x = 1\n' })
  })

  it('does not call ordinary long files minified', () => {
    const normal = 'const x = someFunction(argument, another)\n'.repeat(500)
    expect(isMinified(normal, 'a.js')).toBe(false)
  })
})

describe('paths', () => {
  it('notes paths that do not exist and scans the ones that do', async () => {
    const root = writeTree({ 'tests/test_a.py': FIXED })
    writeFileSync(join(root, 'tests', 'extra.py'), '')
    const r = await scan({ root, paths: ['tests', 'missing'], grammars: new Grammars() })
    expect(hits(r)).toEqual(['PORT001@2'])
    expect(r.notes).toContain('missing: no such file or directory')
  })
})
