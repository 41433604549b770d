// `bind-probe report`: result files and the action's leg bundles merged, judged by the policy and
// printed, run in-process with captured streams.
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { DirectoryTransport } from '../../src/github/directory-transport.ts'
import { legMeta, uploadLeg, RESULT_FILE, SCAN_FILE } from '../../src/github/transport.ts'
import { fixture, SAMPLE_FINDINGS } from '../report/samples.ts'
import { gfmTree, nodesOf, textOf } from '../report/gfm.ts'
import { legContext } from '../github/support/leg-context.ts'

/** A policy with every default, so the tests do not read this repository's own policy. */
const DEFAULTS = join(tmpdir(), `bind-probe-defaults-${process.pid}.yml`)
writeFileSync(DEFAULTS, '# every key at its default\n')

async function run(...argv: string[]) {
  if (!argv.includes('--config')) argv = ['--config', DEFAULTS, ...argv]
  let stdout = ''
  let stderr = ''
  const sink = (write: (s: string) => void) => ({ write: (s: string) => (write(s), true) })
  const code = await main(['report', ...argv], {
    stdout: sink((s) => (stdout += s)) as never,
    stderr: sink((s) => (stderr += s)) as never,
  })
  return { code, stdout, stderr }
}

const context = legContext

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

async function scratch() {
  return mkdtemp(join(tmpdir(), 'bind-probe-report-'))
}

/** A directory as `gh run download` leaves it: one sub-directory per artifact of the run. */
async function downloadedRun() {
  const dir = await scratch()
  const transport = new DirectoryTransport(dir)
  const linux = fixture('measured-linux-x64')
  await uploadLeg(transport, legMeta(context, 'default', 'linux-x64'), [
    { name: RESULT_FILE, content: json(linux) },
    {
      name: SCAN_FILE,
      content: json({ scope: 'changed', findings: SAMPLE_FINDINGS.slice(0, 1), notes: [] }),
    },
  ])
  // A re-run of the macOS leg: only its latest attempt counts (the first one's result is broken).
  const macos = fixture('synthetic-macos-arm64')
  for (const [attempt, content] of [
    [1, '{}'],
    [2, json(macos)],
  ] as const) {
    const meta = legMeta({ ...context, runAttempt: attempt }, 'default', macos.platform.id)
    await uploadLeg(transport, meta, [{ name: RESULT_FILE, content }])
  }
  return dir
}

const rows = (markdown: string) =>
  nodesOf(gfmTree(markdown), 'tableRow').map((row) => row.children!.map((cell) => textOf(cell)))

describe('bind-probe report', () => {
  it('merges the artifacts of a downloaded run into one summary, with the scan findings', async () => {
    const { code, stdout, stderr } = await run(await downloadedRun())
    // The default policy fails on a finding of severity error.
    expect(stderr).toMatch(
      /^bind-probe report: failure: failed: 1 new flaky port use at severity error/m,
    )
    expect(code).toBe(1)
    const platforms = rows(stdout).filter((r) => r.at(-1)?.startsWith('bind-probe-result-'))
    expect(platforms.map((r) => [r[0], r.at(-1)])).toEqual([
      ['linux-x64', 'bind-probe-result-linux-x64-1'],
      ['macos-arm64-synthetic', 'bind-probe-result-macos-arm64-synthetic-2'],
    ])
    expect(textOf(gfmTree(stdout))).toContain(SAMPLE_FINDINGS[0]!.message)
  })

  it('prints the comment or the Report as JSON, with the verdict', async () => {
    const dir = await downloadedRun()
    await rm(join(dir, 'bind-probe-result-linux-x64-1', SCAN_FILE))
    const comment = await run('--format', 'comment', dir)
    expect(comment.stdout).toMatch(/^### ✅ Passed on 2 platforms/)
    expect(comment.stdout).toContain('<!-- bind-probe:comment')
    const asJson = JSON.parse((await run('--format', 'json', dir)).stdout)
    expect(asJson.platforms.map((p: { id: string }) => p.id)).toEqual([
      'linux-x64',
      'macos-arm64-synthetic',
    ])
    expect(asJson.verdict.conclusion).toBe('success')
    expect(asJson.findings.total).toBe(0)
    expect(asJson.notes).toContain(
      'No leg scanned the code (scan: off), so flaky port use was not checked.',
    )
  })

  it('fails when the policy fails, names what is missing, and --no-gate keeps exit 0', async () => {
    const dir = await scratch()
    const result = join(dir, 'linux.json')
    await writeFile(result, json(fixture('measured-linux-x64')))
    const policy = join(dir, 'policy.yml')
    // A missing platform warns by default; this policy makes it fail.
    await writeFile(
      policy,
      'platforms: [linux-x64, windows-x64]\nfail-on:\n  missing-platform: true\n',
    )
    const failed = await run('--config', policy, result)
    expect(failed.code).toBe(1)
    expect(textOf(gfmTree(failed.stdout))).toContain('windows-x64 was expected and is missing')
    expect(failed.stderr).toMatch(/failure: /)
    expect((await run('--config', policy, '--no-gate', result)).code).toBe(0)
  })

  it('sets a broken file aside, names it, and still reports the others', async () => {
    const dir = await downloadedRun()
    const truncated = join(await scratch(), 'truncated.json')
    await writeFile(truncated, '{"schemaVersion": 1,')
    await mkdir(join(dir, 'bind-probe-result-windows-x64-1'))
    await writeFile(join(dir, 'bind-probe-result-windows-x64-1', RESULT_FILE), '{}')
    const { code, stdout, stderr } = await run(dir, truncated)
    expect(code).toBe(1) // an unreadable artifact fails the default policy
    expect(stderr).toContain(`${truncated} was set aside: is not JSON`)
    expect(stderr).toContain(
      'bind-probe-result-windows-x64-1 was set aside: it has no bind-probe-meta.json',
    )
    expect(rows(stdout).some((r) => r[0] === 'linux-x64')).toBe(true)
  })

  it('passes over files in a directory that are no results: JSONC, empty, other JSON', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'linux.json'), json(fixture('measured-linux-x64')))
    await writeFile(join(dir, 'tsconfig.json'), '{\n  // comments are fine here\n}\n')
    await writeFile(join(dir, 'empty.json'), '')
    const { code, stderr } = await run(dir)
    expect(code).toBe(0)
    expect(stderr).toContain(`${join(dir, 'tsconfig.json')} is not a bind-probe result`)
    expect(stderr).toContain(`${join(dir, 'empty.json')} is not a bind-probe result`)
  })

  it('counts a leg reached twice once', async () => {
    const dir = await downloadedRun()
    const twice = await run(
      '--format',
      'json',
      dir,
      dir,
      join(dir, 'bind-probe-result-linux-x64-1'),
    )
    const report = JSON.parse(twice.stdout)
    expect(report.platforms).toHaveLength(2)
    expect(report.notes.join(' ')).not.toMatch(/reported 2 times/)
  })

  it('checks the metadata of a bundle named as . from inside it', async () => {
    const dir = await downloadedRun()
    const bundle = join(dir, 'bind-probe-result-linux-x64-1')
    await writeFile(join(bundle, 'bind-probe-meta.json'), '{not json')
    const { code, stderr } = await run(join(bundle, '.'))
    expect(code).toBe(1)
    expect(stderr).toMatch(/bind-probe-result-linux-x64-1 was set aside: its bind-probe-meta\.json/)
  })

  it('says what is wrong with bad input, in one line, with exit 2', async () => {
    const dir = await scratch()
    const result = join(dir, 'linux.json')
    await writeFile(result, json(fixture('measured-linux-x64')))
    const policy = join(dir, 'policy.yml')
    await writeFile(policy, 'mode: enfroce\n')
    const template = join(dir, 'comment.hbs')
    await writeFile(template, 'line one\n{{#each platforms}}\n')
    const cases: [string[], RegExp][] = [
      [[], /name the results to report on/],
      [[join(dir, 'nope.json')], /nope\.json: no such file or directory/],
      [[await scratch()], /no result files in /],
      [['--format', 'html', result], /--format must be summary, comment or json, not "html"/],
      [['--config', policy, result], /policy\.yml:1:7: mode must be one of enforce, warn/],
      [['--template', template, result], /comment\.hbs:\d+: syntax error/],
      [['--bogus', result], /Unknown option '--bogus'/],
      [['--key', 'bad key!', result], /--key: /],
    ]
    for (const [argv, message] of cases) {
      const { code, stderr, stdout } = await run(...argv)
      expect({ argv, code }).toEqual({ argv, code: 2 })
      expect(stderr).toMatch(message)
      expect(stdout).toBe('')
    }
  })

  it("renders the policy's own templates, and names a missing one", async () => {
    const dir = await scratch()
    const result = join(dir, 'linux.json')
    await writeFile(result, json(fixture('measured-linux-x64')))
    await writeFile(join(dir, 'comment.hbs'), 'CUSTOM COMMENT on {{measured.count}} platform\n')
    await writeFile(join(dir, 'summary.hbs'), 'CUSTOM SUMMARY\n')
    const policy = join(dir, 'policy.yml')
    const templates = (comment: string) =>
      `comment:\n  template: ${comment}\nsummary:\n  template: ${join(dir, 'summary.hbs')}\n`
    await writeFile(policy, templates(join(dir, 'comment.hbs')))
    const comment = await run('--config', policy, '--format', 'comment', result)
    expect(comment.stdout).toMatch(/^CUSTOM COMMENT on 1 platform\n/)
    expect((await run('--config', policy, result)).stdout).toBe('CUSTOM SUMMARY\n')
    await writeFile(policy, templates(join(dir, 'gone.hbs')))
    const fallback = await run('--config', policy, '--format', 'comment', result)
    expect(fallback.stdout).toMatch(/^### ✅ Passed on 1 platform/)
    expect(fallback.stderr).toContain('gone.hbs (from the policy) was not found here')
  })

  it('reads a bundle and the artifacts beside it, and passes over JSON that is no result', async () => {
    const dir = await downloadedRun()
    await writeFile(join(dir, RESULT_FILE), json(fixture('synthetic-windows-x64')))
    await writeFile(join(dir, 'package.json'), json({ name: 'not-a-result' }))
    const { code, stdout, stderr } = await run('--format', 'json', dir)
    const report = JSON.parse(stdout)
    expect(report.platforms.map((p: { id: string }) => p.id).sort()).toEqual([
      'linux-x64',
      'macos-arm64-synthetic',
      'windows-x64-synthetic',
    ])
    expect(report.artifacts).toEqual([])
    expect(stderr).toContain('package.json is not a bind-probe result')
    expect(code).toBe(1) // the linux leg's finding, as in the first test
  })

  it('reads the artifacts of another comment key with --key, and says when it leaves them out', async () => {
    const dir = await scratch()
    await uploadLeg(new DirectoryTransport(dir), legMeta(context, 'nightly', 'linux-x64'), [
      { name: RESULT_FILE, content: json(fixture('measured-linux-x64')) },
    ])
    const without = await run(dir)
    expect(without.code).toBe(2)
    expect(without.stderr).toContain(
      'left out 1 artifact(s) of another comment key in ' +
        `${dir} (bind-probe-result-nightly_linux-x64-1); --key names the key to report on`,
    )
    const keyed = await run('--key', 'nightly', '--format', 'json', dir)
    expect(keyed.code).toBe(0)
    expect(JSON.parse(keyed.stdout).platforms.map((p: { id: string }) => p.id)).toEqual([
      'linux-x64',
    ])
  })

  it('checks the metadata of a bundle named on the command line, as in a directory', async () => {
    const dir = await downloadedRun()
    const bundle = join(dir, 'bind-probe-result-linux-x64-1')
    await writeFile(join(bundle, 'bind-probe-meta.json'), '{not json')
    const { code, stderr } = await run(bundle)
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /bind-probe-result-linux-x64-1 was set aside: its bind-probe-meta\.json is not JSON/,
    )
  })

  it('sets an oversized file aside and still reports the rest', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'linux.json'), json(fixture('measured-linux-x64')))
    writeFileSync(join(dir, 'huge.json'), '')
    truncateSync(join(dir, 'huge.json'), 17 * 1024 * 1024) // sparse: 17 MiB on paper
    const { stdout, stderr } = await run('--format', 'json', dir)
    expect(JSON.parse(stdout).platforms.map((p: { id: string }) => p.id)).toEqual(['linux-x64'])
    expect(stderr).toMatch(
      /huge\.json was set aside: it is 17825792 bytes, over the \d+-byte limit/,
    )
  })

  it('sets a broken scan.json aside as an artifact problem, which the gate counts', async () => {
    const dir = await downloadedRun()
    await writeFile(join(dir, 'bind-probe-result-linux-x64-1', SCAN_FILE), '{"findings": [')
    const { code, stdout } = await run('--format', 'json', dir)
    const report = JSON.parse(stdout)
    expect(report.artifacts).toEqual([
      {
        artifact: 'bind-probe-result-linux-x64-1',
        message: expect.stringMatching(
          /^its scan\.json is not a JSON object .*findings are left out$/,
        ),
        kind: 'scan',
      },
    ])
    expect(report.notes.join(' ')).not.toMatch(/No leg scanned/)
    expect(report.platforms).toHaveLength(2)
    expect(code).toBe(1)
  })

  it('refuses an --out it cannot write before reading anything', async () => {
    const dir = await scratch()
    for (const [out, message, status] of [
      [
        '/nonexistent/x.md',
        /--out \/nonexistent\/x\.md: its directory \/nonexistent does not exist/,
        1,
      ],
      [dir, /is a directory; name a file in it/, 2],
    ] as const) {
      const r = await run('--out', out, join(dir, 'missing.json'))
      expect(r.code).toBe(status)
      expect(r.stderr).toMatch(message)
    }
  })

  it('follows symbolic links to bundles and result files', async () => {
    const run1 = await downloadedRun()
    const links = await scratch()
    symlinkSync(
      join(run1, 'bind-probe-result-linux-x64-1'),
      join(links, 'bind-probe-result-linux-x64-1'),
    )
    const result = join(await scratch(), 'windows.json')
    await writeFile(result, json(fixture('synthetic-windows-x64')))
    symlinkSync(result, join(links, 'windows.json'))
    const { stdout } = await run('--format', 'json', links)
    expect(JSON.parse(stdout).platforms.map((p: { id: string }) => p.id)).toEqual([
      'linux-x64',
      'windows-x64-synthetic',
    ])
  })

  it('reads at most 500 JSON files of a directory, and says how many it left', async () => {
    const dir = await scratch()
    for (let i = 0; i < 503; i++)
      writeFileSync(join(dir, `x${String(i).padStart(3, '0')}.json`), '{}')
    await writeFile(join(dir, 'a-linux.json'), json(fixture('measured-linux-x64')))
    const { stdout, stderr } = await run('--format', 'json', dir)
    expect(JSON.parse(stdout).platforms).toHaveLength(1)
    expect(stderr).toContain(`read the first 500 .json files in ${dir}; 4 more were not read`)
  })
})

describe('bind-probe report over plain leg folders', () => {
  /** Results laid out by hand: one folder per leg, at different depths. */
  async function legFolders() {
    const dir = await scratch()
    await mkdir(join(dir, 'linux'))
    await writeFile(join(dir, 'linux', RESULT_FILE), json(fixture('measured-linux-x64')))
    await writeFile(join(dir, 'linux', SCAN_FILE), json({ findings: SAMPLE_FINDINGS }))
    await mkdir(join(dir, 'ci', 'nightly', 'mac'), { recursive: true })
    await writeFile(
      join(dir, 'ci', 'nightly', 'mac', 'macos.json'),
      json(fixture('synthetic-macos-arm64')),
    )
    await writeFile(join(dir, 'ci', 'tsconfig.json'), '{ "compilerOptions": {} }\n')
    return dir
  }

  it('takes a folder holding a result file as one leg, up to four levels down', async () => {
    const dir = await legFolders()
    const r = await run('--format', 'json', dir)
    expect(r.stderr).not.toMatch(/no result files/)
    const report = JSON.parse(r.stdout) as { platforms: { id: string }[] }
    expect(report.platforms.map((p) => p.id).sort()).toEqual(['linux-x64', 'macos-arm64-synthetic'])
    // The tsconfig.json below the named directory is passed over without a word.
    expect(r.stderr).not.toMatch(/tsconfig/)
  })

  it('reads a folder reached twice through a symbolic link once', async () => {
    const dir = await legFolders()
    symlinkSync(join(dir, 'linux'), join(dir, 'ci', 'linux-again'))
    const r = await run('--format', 'json', dir)
    const report = JSON.parse(r.stdout) as { platforms: { id: string }[] }
    expect(report.platforms.filter((p) => p.id === 'linux-x64')).toHaveLength(1)
  })

  it('does not look deeper than four levels', async () => {
    const dir = await scratch()
    const deep = join(dir, 'a', 'b', 'c', 'd', 'e')
    await mkdir(deep, { recursive: true })
    await writeFile(join(deep, RESULT_FILE), json(fixture('measured-linux-x64')))
    const r = await run('--format', 'json', dir)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no result files/)
  })
})
