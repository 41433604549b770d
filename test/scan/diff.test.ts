// Changed-line sets from git diff output and PR files API patches, and diff-aware scans.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  changesFromPrFiles,
  parsePatch,
  parseUnifiedDiff,
  PR_FILES_LIMIT,
  unquoteGitPath,
} from '../../src/scan/diff.ts'
import { GitDiffError, gitChangedLines } from '../../src/scan/git-diff.ts'
import { scan } from '../../src/scan/scan.ts'
import { grammars, hits, writeTree } from './helpers.ts'

const sorted = (s: ReadonlySet<number> | 'all' | undefined) =>
  s === 'all' || !s ? s : [...s].sort((a, b) => a - b)

describe('parsePatch', () => {
  it('returns the added lines of each hunk, counting context lines', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' a',
      '-b',
      '+B',
      '+C',
      ' d',
      '@@ -10,2 +11,3 @@',
      ' x',
      '+y',
      ' z',
    ].join('\n')
    expect(sorted(parsePatch(patch))).toEqual([2, 3, 12])
  })

  it('handles one-line hunks without counts and the no-newline marker', () => {
    const patch = ['@@ -0,0 +1 @@', '+only', '\\ No newline at end of file'].join('\n')
    expect(sorted(parsePatch(patch))).toEqual([1])
  })

  it('treats content that looks like a header as content inside a hunk', () => {
    const patch = ['@@ -1,1 +1,3 @@', ' keep', '+++ not a header', '+@@ nor this @@'].join('\n')
    expect(sorted(parsePatch(patch))).toEqual([2, 3])
  })

  it('returns nothing for a pure deletion', () => {
    expect(sorted(parsePatch('@@ -3,2 +2,0 @@\n-a\n-b'))).toEqual([])
  })
})

describe('parseUnifiedDiff', () => {
  it('maps each new path to its added lines: edits, new files, renames, deletions', () => {
    const diff = [
      'diff --git a/src/app.py b/src/app.py',
      'index 111..222 100644',
      '--- a/src/app.py',
      '+++ b/src/app.py',
      '@@ -5 +5 @@',
      '-old',
      '+new',
      'diff --git a/new.go b/new.go',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/new.go',
      '@@ -0,0 +1,2 @@',
      '+package x',
      '+var y = 1',
      'diff --git a/old.js b/moved/old.js',
      'similarity index 90%',
      'rename from old.js',
      'rename to moved/old.js',
      '--- a/old.js',
      '+++ b/moved/old.js',
      '@@ -1 +1,2 @@',
      ' keep',
      '+added',
      'diff --git a/gone.rs b/gone.rs',
      'deleted file mode 100644',
      '--- a/gone.rs',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/img.png b/img.png',
      'Binary files a/img.png and b/img.png differ',
    ].join('\n')
    const files = parseUnifiedDiff(diff)
    expect([...files.keys()].sort()).toEqual(['moved/old.js', 'new.go', 'src/app.py'])
    expect(sorted(files.get('src/app.py'))).toEqual([5])
    expect(sorted(files.get('new.go'))).toEqual([1, 2])
    expect(sorted(files.get('moved/old.js'))).toEqual([2])
  })

  it('decodes quoted paths with octal escapes', () => {
    expect(unquoteGitPath('"b/caf\\303\\251 \\"x\\".py"')).toBe('b/café "x".py')
    const diff = [
      'diff --git "a/caf\\303\\251.py" "b/caf\\303\\251.py"',
      '--- "a/caf\\303\\251.py"',
      '+++ "b/caf\\303\\251.py"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n')
    expect([...parseUnifiedDiff(diff).keys()]).toEqual(['café.py'])
  })
})

describe('changesFromPrFiles', () => {
  it('uses patches, skips removed files and reports missing patches', () => {
    const { changes, notes } = changesFromPrFiles([
      { filename: 'a.py', status: 'modified', patch: '@@ -1 +1,2 @@\n x\n+y' },
      { filename: 'b.py', status: 'removed' },
      { filename: 'c.py', status: 'added' },
      { filename: 'big.ts', status: 'modified' },
    ])
    expect(sorted(changes.get('a.py'))).toEqual([2])
    expect(changes.has('b.py')).toBe(false)
    expect(changes.get('c.py')).toBe('all')
    expect(changes.get('big.ts')).toBe('all')
    expect(notes).toEqual([expect.stringMatching(/no patch for 1 file .*big\.ts/)])
  })

  it('treats pure renames and mode-only changes (no patch, no changed lines) as changing nothing', () => {
    const { changes, notes } = changesFromPrFiles([
      { filename: 'tests/test_moved.py', status: 'renamed', changes: 0, additions: 0 },
      { filename: 'tests/mode_only.py', status: 'changed', changes: 0, additions: 0 },
      { filename: 'tests/trimmed.py', status: 'modified', changes: 4000, additions: 0 },
      { filename: 'tests/grown.py', status: 'modified', changes: 4000, additions: 3000 },
    ])
    expect(sorted(changes.get('tests/test_moved.py'))).toEqual([])
    expect(sorted(changes.get('tests/mode_only.py'))).toEqual([])
    expect(sorted(changes.get('tests/trimmed.py'))).toEqual([])
    expect(changes.get('tests/grown.py')).toBe('all')
    expect(notes).toEqual([expect.stringMatching(/no patch for 1 file .*grown\.py;/)])
  })

  it('says so when the API stopped at 3,000 files', () => {
    const files = Array.from({ length: PR_FILES_LIMIT }, (_, i) => ({
      filename: `f${i}.py`,
      status: 'modified',
      patch: '@@ -1 +1 @@\n-a\n+b',
    }))
    const { notes } = changesFromPrFiles(files)
    expect(notes).toEqual([expect.stringMatching(/stops at 3,000 files/)])
    expect(changesFromPrFiles(files.slice(1)).notes).toEqual([])
  })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  })
}

describe('gitChangedLines and diff-aware scans', () => {
  const before = `const net = require('node:net')\nit('old', () => { net.createServer().listen(3000) })\n`
  const after = `${before}it('new', () => { net.createServer().listen(3001) })\n`

  function repo() {
    const root = writeTree({ 'test/a.spec.js': before })
    git(root, 'init', '-q', '-b', 'main')
    git(root, 'add', '.')
    git(root, 'commit', '-qm', 'base')
    git(root, 'checkout', '-qb', 'feature')
    writeFileSync(join(root, 'test/a.spec.js'), after)
    git(root, 'commit', '-qam', 'add a test')
    return root
  }

  it('reports only findings on lines the branch added', async () => {
    const root = repo()
    const { root: top, changes } = await gitChangedLines(root, 'main')
    expect(sorted(changes.get('test/a.spec.js'))).toEqual([3])
    const whole = await scan({ root, grammars })
    expect(hits(whole)).toEqual(['PORT001@2', 'PORT001@3'])
    const diffAware = await scan({ root: top, changes, grammars })
    expect(hits(diffAware)).toEqual(['PORT001@3'])
  })

  it('reads paths right whatever the diff prefix settings (diff.noprefix, mnemonicPrefix)', async () => {
    const root = repo()
    git(root, 'config', 'diff.noprefix', 'true')
    mkdirSync(join(root, 'b'))
    writeFileSync(join(root, 'b/x.spec.js'), before)
    git(root, 'add', 'b/x.spec.js')
    git(root, 'commit', '-qm', 'a directory named b')
    const { changes } = await gitChangedLines(root, 'main')
    expect([...changes.keys()].sort()).toEqual(['b/x.spec.js', 'test/a.spec.js'])
    git(root, 'config', 'diff.noprefix', 'false')
    git(root, 'config', 'diff.mnemonicPrefix', 'true')
    expect([...(await gitChangedLines(root, 'main')).changes.keys()].sort()).toEqual([
      'b/x.spec.js',
      'test/a.spec.js',
    ])
  })

  it('includes uncommitted edits', async () => {
    const root = repo()
    writeFileSync(join(root, 'test/b.spec.js'), before)
    git(root, 'add', 'test/b.spec.js')
    const { changes } = await gitChangedLines(root, 'main')
    expect(sorted(changes.get('test/b.spec.js'))).toEqual([1, 2])
  })

  it('explains a base ref the checkout does not have', async () => {
    const root = repo()
    await expect(gitChangedLines(root, 'origin/nope')).rejects.toThrow(GitDiffError)
    await expect(gitChangedLines(root, 'origin/nope')).rejects.toThrow(/fetch-depth: 0/)
  })

  it('explains a directory outside any checkout', async () => {
    await expect(gitChangedLines(writeTree({ 'x.py': '' }), 'main')).rejects.toThrow(
      /not inside a git checkout/,
    )
  })
})

describe('diff-aware filtering of multi-line findings', () => {
  const py = `import http.server

def test_fixed():
    srv = http.server.HTTPServer(
        ("127.0.0.1", 8080),
        http.server.BaseHTTPRequestHandler,
    )
`
  const js = `const net = require('node:net')
it('x', () => {
  net.createServer().listen({
    host: '127.0.0.1',
    port: 8080,
  })
})
`
  it('reports a finding when a later line of its call changed', async () => {
    const root = writeTree({ 'tests/test_multi.py': py, 'test/multi.spec.js': js })
    const changes = new Map([
      ['tests/test_multi.py', new Set([5])],
      ['test/multi.spec.js', new Set([5])],
    ])
    const r = await scan({ root, changes, grammars })
    expect(r.findings.map((f) => `${f.path}:${f.rule}@${f.line}`).sort()).toEqual([
      'test/multi.spec.js:PORT001@3',
      'tests/test_multi.py:PORT001@4',
    ])
  })

  it('stays quiet when only lines outside the call changed', async () => {
    const root = writeTree({ 'tests/test_multi.py': py, 'test/multi.spec.js': js })
    const changes = new Map([
      ['tests/test_multi.py', new Set([1, 3])],
      ['test/multi.spec.js', new Set([1, 7])],
    ])
    expect((await scan({ root, changes, grammars })).findings).toEqual([])
  })
})
