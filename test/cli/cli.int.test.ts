// The CLI as users run it, as a separate process: from the source, and bundled in dist/.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/probe/model.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'

const SOURCE = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const BUNDLE = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

function cli(args: string[], env: NodeJS.ProcessEnv = {}, entry = SOURCE) {
  const run = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('bind-probe probe', () => {
  it('prints a table with the title, outcome and expectation of each scenario', () => {
    const { code, stdout } = cli([
      'probe',
      '--only',
      'tcp4-reuseaddr-both-dup-wildcard-nolisten,udp4-dup-loopback-default',
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /The 2008 case: two SO_REUSEADDR TCP sockets bind the same port on 0\.0\.0\.0/,
    )
    expect(stdout).toMatch(/^ ✓ ok\s+ok · documented/m)
    expect(stdout).toMatch(/^ ✓ EADDRINUSE\s+EADDRINUSE · documented\s+Two plain UDP sockets/m)
    expect(stdout).toMatch(/^2 scenarios in \S+ s: all as documented$/m)
  })

  it('prints the PlatformResult with --format json and writes it with --out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bind-probe-')), 'result.json')
    const { code, stdout } = cli([
      'probe',
      '--format',
      'json',
      '--only',
      'tcp4-dup-loopback-default',
      '--repeat',
      '3',
      '--out',
      out,
    ])
    expect(code).toBe(0)
    const printed = JSON.parse(stdout)
    expect(resultProblems(printed)).toEqual([])
    expect(printed.scenarios[0]).toMatchObject({ id: 'tcp4-dup-loopback-default', runs: 3 })
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(printed)
  })

  it('names the Python found in the table’s header with --driver node', () => {
    const found = spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout
    const { code, stdout, stderr } = cli([
      'probe',
      '--driver',
      'node',
      '--only',
      'node-udp-dup-default',
    ])
    expect(code).toBe(0)
    // The table's closing line has the count and time; stderr does not say it again.
    expect(stderr).not.toMatch(/ran 1 scenario/)
    if (found) expect(stdout).toMatch(/^python 3\.\d+\.\d+ · node /m)
    else expect(stdout).toMatch(/^no python · node /m)
  })

  it('runs a scenario named twice in --only once, with its own count', () => {
    const id = 'tcp4-dup-loopback-default'
    const { code, stdout } = cli(['probe', '--format', 'json', '--only', `${id},${id}`])
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as PlatformResult
    expect(result.scenarios.map((s) => [s.id, s.runs, s.counts[0]!.count])).toEqual([[id, 1, 1]])
    expect(result.options.only).toEqual([id])
  })

  it('runs the scenarios of every --only given', () => {
    const a = 'tcp4-dup-loopback-default'
    const b = 'udp4-dup-loopback-default'
    const { code, stdout } = cli(['probe', '--format', 'json', '--only', a, '--only', `${b},${a}`])
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as PlatformResult).scenarios.map((s) => s.id)).toEqual([a, b])
  })

  it.each([
    [['probe', '--repeat', '0'], /--repeat takes a whole number from 1 to 1000, not "0"/],
    [['probe', '--repeat', 'many'], /--repeat takes a whole number/],
    [['probe', '--repeat', '-1'], /--repeat takes a whole number from 1 to 1000, not "-1"\n$/],
    [['probe', '--timeout', '-5'], /--timeout takes a whole number from 1 to 3600, not "-5"\n$/],
    [
      ['probe', '--label', '-x'],
      /--label needs a value; one that starts with a dash is written --label=-x; run/,
    ],
    [
      ['probe', '--only', 'tcp4-dup-lopback-default'],
      /unknown scenario "tcp4-dup-lopback-default" \(did you mean "tcp4-dup-loopback-default"\?\)/,
    ],
    [['probe', '--driver', 'perl'], /--driver must be python or node/],
    [['probe', '--format', 'xml'], /--format must be table or json/],
    [['probe', '--label', 'Has Spaces'], /label "Has Spaces" must be lower-case/],
    [['probe', '--frobnicate'], /Unknown option '--frobnicate'.*--help/],
    [['probe', '--only', 'node-udp-dup-default', '--driver', 'python'], /needs the node driver/],
    [['nonsense'], /unknown command "nonsense"/],
    [['probe', '--only', ''], /--only names no scenario; give ids such as/],
    [
      ['list', '--format', 'bogus'],
      /^bind-probe list: --format must be table or json, not "bogus"/,
    ],
    [['probe', '--only', ','], /--only names no scenario/],
    [['probe', '--out', ''], /^bind-probe probe: --out needs a file name\n$/],
    [
      ['probe', '--out', 'x.json/'],
      /^bind-probe probe: --out x\.json\/: name a file, not a directory\n$/,
    ],
  ])('rejects %j with one line that says how to fix it, and exit code 2', (args, message) => {
    const { code, stdout, stderr } = cli(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(message)
  })

  it('fails with one line and exit 1 when --driver python is asked for and there is no Python', () => {
    const { code, stderr } = cli(['probe', '--driver', 'python'], { PATH: '/nonexistent' })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/no Python 3\.6\+ found .*\(--driver python needs it\)$/),
    ])
  })

  it('fails with one line and exit 1 when BIND_PROBE_PYTHON names no Python', () => {
    const { code, stderr } = cli(['probe', '--only', 'tcp4-dup-loopback-default'], {
      BIND_PROBE_PYTHON: '/nonexistent/python3',
    })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^bind-probe probe: no Python 3\.6\+ found .*\(BIND_PROBE_PYTHON names it\)$/,
      ),
    ])
  })

  it('falls back to the node driver without Python, with one warning, and succeeds', () => {
    const { code, stdout, stderr } = cli(['probe', '--format', 'json'], { PATH: '/nonexistent' })
    expect(code).toBe(0)
    expect(stderr).toMatch(/warning: no Python 3\.6\+ found/)
    const result = JSON.parse(stdout) as PlatformResult
    const outcomes = new Set(result.scenarios.map((s) => `${s.driver}:${s.outcome}`))
    expect([...outcomes].filter((o) => o.startsWith('python:'))).toEqual(['python:skipped'])
  })
})

describe('bind-probe probe when the probe itself fails', () => {
  const DIES_AFTER_16 = fileURLToPath(new URL('../fixtures/dying_driver.py', import.meta.url))

  it('still prints the result, warns in one line how many scenarios failed, and exits 1', () => {
    const { code, stdout, stderr } = cli(['probe', '--format', 'json', '--repeat', '3'], {
      BIND_PROBE_PYTHON: `python3 ${DIES_AFTER_16}`,
    })
    const result = JSON.parse(stdout) as PlatformResult
    expect(resultProblems(result)).toEqual([])
    const failed = result.scenarios.filter((s) => s.counts.some((c) => c.outcome === 'probe-error'))
    expect(failed.length).toBeGreaterThan(0)
    const warnings = stderr.split('\n').filter((l) => l.includes('probe error'))
    expect(warnings).toEqual([
      `bind-probe: warning: ${failed.length} of ${result.scenarios.length} scenarios hit probe errors ` +
        '(the probe’s own failures, not answers of the OS; see their reason); exit status 1',
    ])
    expect(code).toBe(1)
  })

  it('documents the exit status in --help', () => {
    expect(cli(['probe', '--help']).stdout).toMatch(
      /Exit status: 0 .*\n.*1 when .*probe-error[^]*?2 on a usage error/,
    )
  })
})

describe('bind-probe list', () => {
  it('lists every scenario id with its expectations', () => {
    const { code, stdout } = cli(['list'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/tcp4-reuseaddr-both-dup-wildcard-nolisten\s+The 2008 case/)
    expect(stdout).toMatch(/linux ok {2}macos EADDRINUSE {2}windows ok/)
  })
})

describe.runIf(existsSync(BUNDLE))('the bundled CLI in dist/', () => {
  it('runs the probe with the python driver it carries', () => {
    const { code, stdout } = cli(
      ['probe', '--format', 'json', '--only', 'tcp4-reuseaddr-both-dup-second-listen'],
      {},
      BUNDLE,
    )
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(resultProblems(result)).toEqual([])
    expect(result.scenarios[0]).toMatchObject({ outcome: 'EADDRINUSE', step: 'B listen' })
  })

  it('probes to a file, then reports on it with the templates it carries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bind-probe-'))
    const out = join(dir, 'linux.json')
    const only = ['--only', 'tcp4-reuseaddr-both-dup-wildcard-nolisten']
    expect(cli(['probe', ...only, '--out', out], {}, BUNDLE).code).toBe(0)
    const policy = join(dir, 'policy.yml')
    writeFileSync(policy, '# the defaults\n')
    const { code, stdout, stderr } = cli(
      ['report', '--config', policy, '--format', 'comment', out],
      {},
      BUNDLE,
    )
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/success/) })
    // The verdict first (dist/ must be rebuilt to show it).
    expect(stdout).toMatch(/^### ✅ Passed on 1 platform/)
    expect(stdout).toMatch(
      /two `SO_REUSEADDR` sockets binding one port on `0\.0\.0\.0`: \*\*ok\*\*/,
    )
  })

  it.skipIf(process.platform === 'win32')(
    'runs as the package’s bin, as npm links it: executable, with a node shebang',
    () => {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
      expect(fileURLToPath(new URL(`../../${pkg.bin['bind-probe']}`, import.meta.url))).toBe(BUNDLE)
      expect(readFileSync(BUNDLE, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
      const run = spawnSync(BUNDLE, ['--version'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
        },
      })
      expect(run.error).toBeUndefined()
      expect(run.stdout.trim()).toBe(pkg.version)
    },
  )
})
