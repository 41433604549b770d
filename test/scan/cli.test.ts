// `bind-probe scan` in-process with captured streams, and once through the bundle in dist/.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { writeTree } from './helpers.ts'

async function run(args: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (d) => (out += d))
  stderr.on('data', (d) => (err += d))
  const code = await main(['scan', ...args], { stdout, stderr })
  return { code, stdout: out, stderr: err }
}

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

const FLAKY = {
  // An error (PORT002): a helper's released port handed to a server.
  'tests/test_a.py':
    'import portpicker\nport = portpicker.pick_unused_port()\nserver = HTTPServer(("127.0.0.1", port), Handler)\n',
  // A warning (PORT001, a fixed port): reported, but below the default gate.
  'tests/test_b.py':
    'import socketserver\n\n\nserver = socketserver.TCPServer(("127.0.0.1", 8765), Handler)\n',
  'src/app.py': 'app.run(port=5000)\n',
}

describe('bind-probe scan', () => {
  it('prints findings with advice and a summary, and exits 1 on warnings with --fail-on warning', async () => {
    const root = writeTree(FLAKY)
    const r = await run(['--root', root, '--fail-on', 'warning'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^tests\/test_a\.py:2:\d+ {2}error {2}PORT002 free-port-race$/m)
    expect(r.stdout).toMatch(/^tests\/test_b\.py:4:\d+ {2}warning {2}PORT001 /m)
    expect(r.stdout).toMatch(/^ {2}fix: Pass the bound socket on/m)
    expect(r.stdout).toMatch(/2 findings \(1 error, 1 warning\) in 3 files/)
    expect(r.stderr).toBe('')
  })

  it('exits 0 with --fail-on never, or when nothing reaches the level', async () => {
    const root = writeTree(FLAKY)
    expect((await run(['--root', root, '--fail-on', 'never'])).code).toBe(0)
    const warningsOnly = writeTree({ 'tests/test_b.py': FLAKY['tests/test_b.py'] })
    expect((await run(['--root', warningsOnly, '--fail-on', 'error'])).code).toBe(0)
    const clean = writeTree({ 'tests/test_ok.py': 'x = 1\n' })
    const r = await run(['--root', clean])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/No flaky port use found in 1 file/)
  })

  it('--format json prints {findings, ...} with rule, severity, path, line and message', async () => {
    const root = writeTree(FLAKY)
    const r = await run(['--root', root, '--format', 'json', 'tests'])
    const json = JSON.parse(r.stdout) as {
      findings: Record<string, unknown>[]
      files: { scanned: number }
    }
    expect(json.files.scanned).toBe(2)
    expect(json.findings.map((f) => [f.rule, f.severity, f.path, f.line])).toEqual([
      ['PORT002', 'error', 'tests/test_a.py', 2],
      ['PORT001', 'warning', 'tests/test_b.py', 4],
    ])
    for (const f of json.findings) expect(f.message).toEqual(expect.any(String))
  })

  it('--format sarif prints SARIF and --out writes the same file', async () => {
    const root = writeTree(FLAKY)
    const out = join(root, 'scan.sarif')
    const r = await run(['--root', root, '--format', 'sarif', '--out', out])
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: unknown[] }[] }
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0]!.results).toHaveLength(2)
    expect(readFileSync(out, 'utf8')).toBe(r.stdout)
  })

  it('--diff-base reports only lines changed since the base', async () => {
    const root = writeTree({ 'tests/test_a.py': FLAKY['tests/test_a.py'] })
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    }
    const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env })
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'base')
    writeFileSync(
      join(root, 'tests/test_a.py'),
      `${FLAKY['tests/test_a.py']}socket.socket().bind(("", 9090))\n`,
    )
    const r = await run(['--root', root, '--diff-base', 'main', '--format', 'json'])
    const json = JSON.parse(r.stdout) as { findings: { line: number }[] }
    expect(json.findings.map((f) => f.line)).toEqual([4])
  })

  it('--diff-base with a PATH that does not exist is one line and exit 2, as without it', async () => {
    const root = writeTree({ 'tests/test_a.py': FLAKY['tests/test_a.py'] })
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root })
    for (const args of [['nope.go'], ['--diff-base', 'main', 'nope.go']]) {
      const r = await run(['--root', root, ...args])
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({
        args,
        code: 2,
        stderr: 'bind-probe scan: nope.go: no such file or directory\n',
      })
    }
  })

  it('--diff-base names a missing PATH beside ones that exist, as without it', async () => {
    const root = writeTree({ 'tests/test_a.py': FLAKY['tests/test_a.py'] })
    const who = ['-c', 'user.name=t', '-c', 'user.email=t@e']
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root })
    execFileSync('git', ['add', '.'], { cwd: root })
    execFileSync('git', [...who, 'commit', '-qm', 'base'], { cwd: root })
    for (const args of [
      ['nosuch', 'tests'],
      ['--diff-base', 'main', 'nosuch', 'tests'],
    ]) {
      const r = await run(['--root', root, '--format', 'json', ...args])
      expect(JSON.parse(r.stdout).notes).toContain('nosuch: no such file or directory')
    }
  })

  it.each([
    [['--format', 'xml'], /^bind-probe scan: --format must be text, json or sarif, not "xml"\n$/],
    [['--fail-on', 'loud'], /^bind-probe scan: --fail-on must be error, warning, note or never/],
    [
      ['--max-file-bytes', 'lots'],
      /^bind-probe scan: --max-file-bytes takes a positive whole number/,
    ],
    [['--disable', 'PORT999'], /^bind-probe scan: disableRules has unknown rule PORT999/],
    [['--nope'], /^bind-probe scan: Unknown option '--nope'.*bind-probe scan --help/],
    [['no/such/dir'], /^bind-probe scan: no\/such\/dir: no such file or directory\n$/],
  ])('bad input %j gives one clear line and exit 2', async (args, message) => {
    const root = writeTree(FLAKY)
    const r = await run(['--root', root, ...args])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stdout).toBe('')
  })

  it('a base ref the checkout lacks is one clear line, exit 2', async () => {
    const root = writeTree(FLAKY)
    execFileSync('git', ['init', '-q'], { cwd: root })
    const r = await run(['--root', root, '--diff-base', 'origin/main'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      /^bind-probe scan: base ref "origin\/main" is not in this checkout; fetch it/,
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('--diff-base resolves PATHs against --root (the cwd by default), not the git top level', async () => {
    const root = writeTree({ 'sub/tests/test_s.py': FLAKY['tests/test_a.py'] })
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e' }
    const git = (...a: string[]) =>
      execFileSync('git', a, {
        cwd: root,
        env: { ...env, GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
      })
    git('init', '-q', '-b', 'main')
    git('commit', '-q', '--allow-empty', '-m', 'base')
    git('add', '.')
    git('commit', '-qm', 'add')
    const r = await run([
      '--root',
      join(root, 'sub'),
      '--diff-base',
      'HEAD~1',
      '--format',
      'json',
      'tests',
    ])
    const json = JSON.parse(r.stdout) as { findings: { path: string }[] }
    expect(json.findings.map((f) => f.path)).toEqual(['sub/tests/test_s.py'])
  })

  it('--diff-base includes untracked files named or under the paths given', async () => {
    const root = writeTree({ 'tests/test_a.py': 'x = 1\n' })
    const git = (...a: string[]) =>
      execFileSync('git', a, {
        cwd: root,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      })
    git('init', '-q', '-b', 'main')
    git('add', '.')
    git('commit', '-qm', 'base')
    writeFileSync(join(root, 'tests/test_new.py'), FLAKY['tests/test_a.py'])
    const r = await run(['--root', root, '--diff-base', 'main', '--format', 'json', 'tests'])
    const json = JSON.parse(r.stdout) as { findings: { path: string; line: number }[] }
    expect(json.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['tests/test_new.py:2'])
  })

  it('refuses PATHs outside the root with one clear line, exit 2', async () => {
    const root = writeTree(FLAKY)
    const r = await run(['--root', join(root, 'tests'), '../src'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^bind-probe scan: \.\.\/src is outside the root /)
    expect(r.stdout).toBe('')
  })

  it('scans a tree outside the current directory, as a linter would', async () => {
    const tree = writeTree(FLAKY)
    const text = await run(['--fail-on', 'warning', tree])
    expect(text.code).toBe(1)
    // Typed absolute, shown absolute (ripgrep style).
    expect(text.stdout).toContain(`${join(tree, 'tests/test_a.py')}:2:`)
    const json = await run(['--format', 'json', tree])
    const paths = (JSON.parse(json.stdout) as { findings: { path: string }[] }).findings.map(
      (f) => f.path,
    )
    // JSON keeps paths relative to the tree, as SARIF needs.
    expect(paths).toContain('tests/test_a.py')
  })

  it('shows relative PATHs from the current directory and takes the repository as root', () => {
    const tree = writeTree(FLAKY)
    execFileSync('git', ['init', '-q'], { cwd: tree })
    const elsewhere = mkdtempSync(join(tmpdir(), 'bind-probe-cwd-'))
    const rel = relative(elsewhere, join(tree, 'tests'))
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [CLI, 'scan', ...args], { cwd: elsewhere, encoding: 'utf8' })
    const text = cli(['--fail-on', 'warning', rel])
    expect(text.status).toBe(1)
    expect(text.stdout).toContain(`${join(rel, 'test_a.py')}:2:`)
    const json = JSON.parse(cli(['--format', 'json', rel]).stdout) as {
      findings: { path: string }[]
    }
    expect(json.findings.map((f) => f.path)).toContain('tests/test_a.py')
  })

  it('says a PATH that does not exist does not exist, wherever it is', async () => {
    const r = await run(['/nonexistent/bind-probe-tree'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      'bind-probe scan: /nonexistent/bind-probe-tree: no such file or directory\n',
    )
  })

  it('counts a named symbolic link as skipped, with its reason', async () => {
    const root = writeTree(FLAKY)
    symlinkSync(join(root, 'tests/test_a.py'), join(root, 'tests/test_link.py'))
    const r = await run(['--root', root, '--format', 'json', 'tests/test_link.py'])
    const json = JSON.parse(r.stdout) as {
      skipped: Record<string, number>
      skippedFiles: { path: string; reason: string }[]
    }
    expect(json.skipped.symlink).toBe(1)
    expect(json.skippedFiles).toEqual([{ path: 'tests/test_link.py', reason: 'symlink' }])
  })

  it('a missing --root is one clear line, exit 2', async () => {
    const r = await run(['--root', '/nonexistent/bind-probe-root'])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('bind-probe scan: root /nonexistent/bind-probe-root not found\n')
  })

  it('an --out in a missing directory is one clear line, exit 1, before scanning', async () => {
    const root = writeTree(FLAKY)
    const r = await run(['--root', root, '--format', 'json', '--out', '/nonexistent/dir/x.json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^bind-probe scan: --out \/nonexistent\/dir\/x\.json: its directory \/nonexistent\/dir does not exist\n$/,
    )
    expect(r.stdout).toBe('')
  })

  it('--check-grammars lists every language', async () => {
    const r = await run(['--check-grammars'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ok {3}Kotlin {6}ABI \d+$/m)
    expect(r.stdout).toMatch(/11 of 11 grammars loaded/)
  })
})

describe('the bundled CLI', () => {
  it('runs from dist/ with the grammars shipped beside it', () => {
    const bundle = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
    const root = writeTree(FLAKY)
    const args = ['scan', '--root', root, '--format', 'json', '--fail-on', 'warning']
    const r = spawnSync(process.execPath, [bundle, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const json = JSON.parse(r.stdout) as { findings: unknown[]; languages: { detail: string }[] }
    expect(json.findings).toHaveLength(2)
    expect(json.languages[0]!.detail).toMatch(/dist\/grammars\/tree-sitter-python\.wasm$/)
  })
})

describe('bind-probe scan and the scanned repository’s policy', () => {
  it('exits 1 exactly when the gate would fail: the policy’s fail-on: findings, mode and scan settings', async () => {
    // The defaults: a helper's released port handed to a server (PORT002, severity error) fails
    // the gate…
    expect((await run(['--root', writeTree(FLAKY)])).code).toBe(1)
    // …while warnings pass it, so the scan exits 0.
    const tree = writeTree({ 'tests/test_b.py': FLAKY['tests/test_b.py'] })
    expect((await run(['--root', tree])).code).toBe(0)
    const policyFile = join(tree, '.github', 'bind-probe.yml')
    mkdirSync(join(tree, '.github'))
    writeFileSync(policyFile, 'fail-on:\n  findings: warning\n')
    expect((await run(['--root', tree])).code).toBe(1)
    // Found from another directory too: the policy is the scanned repository's.
    const cli = spawnSync(process.execPath, [CLI, 'scan', tree], {
      cwd: mkdtempSync(join(tmpdir(), 'bind-probe-cwd-')),
      encoding: 'utf8',
    })
    expect(cli.status).toBe(1)
    expect((await run(['--root', tree, '--no-config'])).code).toBe(0)
    writeFileSync(policyFile, 'mode: warn\nfail-on:\n  findings: warning\n')
    expect((await run(['--root', tree])).code).toBe(0)
    writeFileSync(policyFile, "fail-on:\n  findings: warning\nscan:\n  ignore: ['tests/**']\n")
    const ignored = await run(['--root', tree])
    expect(ignored.code).toBe(0)
    expect(ignored.stdout).toMatch(/No flaky port use found/)
    const other = join(tree, 'strict.yml')
    writeFileSync(other, 'fail-on:\n  findings: note\n')
    expect((await run(['--root', tree, '--config', other])).code).toBe(1)
  })

  it('refuses a policy that cannot be used, naming the file and line, exit 2', async () => {
    const tree = writeTree(FLAKY)
    const bad = join(tree, 'bad.yml')
    writeFileSync(bad, 'fail-on:\n  findings: loud\n')
    const r = await run(['--root', tree, '--config', bad])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${bad}:2:13`)
    const both = await run(['--root', tree, '--config', bad, '--no-config'])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--config and --no-config cannot be used together/)
  })
})
