// The action's file inputs (config, template, sarif-file) and the policy's template paths stay in
// the workspace (sarif-file may also go to RUNNER_TEMP), through symbolic links too, and a file's
// content never reaches an error message, the log or the job summary. The action runs from the
// source as a separate process, as the runner runs it.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readPolicy } from '../../src/action/policy-source.ts'
import { loadConfig } from '../../src/config/load.ts'
import { compileTemplate } from '../../src/report/render/template.ts'
import { makeCheckout, runAction } from '../action/harness.ts'
import { originOf, pullRequestContext, shallowMergeCheckout } from '../action/pull-request-repo.ts'

const SOURCE = fileURLToPath(new URL('../../src/index.ts', import.meta.url))
const MARKER = 'SECRET_6d1f0b7e'

/** A file outside every workspace, whose content must never be shown. */
function secretFile(name = 'secret.txt'): string {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-outside-'))
  const path = join(dir, name)
  writeFileSync(path, `${MARKER}=hunter2\n`)
  return path
}

/** A dry run of `all` outside GitHub: the comment it would write is printed in the log. */
function dryRun(workspace: string, inputs: Record<string, string>, env = {}) {
  return runAction({
    inputs: { mode: 'all', 'dry-run': 'true', only: 'udp4-dup-loopback-default', ...inputs },
    env: { GITHUB_EVENT_NAME: '', ...env },
    workspace,
    entry: SOURCE,
  })
}

const everything = (run: { stdout: string; stderr: string; summary: string }) =>
  `${run.stdout}\n${run.stderr}\n${run.summary}`

describe('action inputs that name files', () => {
  it('refuses a template input outside the workspace, and never prints the file', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const run = await dryRun(checkout.dir, {
      scan: 'off',
      template: relative(checkout.dir, secretFile()),
    })
    expect(everything(run)).not.toContain(MARKER)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::input "template" .*outside the workspace/)
  })

  it('refuses a config input outside the workspace, and never puts the file in an error', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const run = await dryRun(checkout.dir, {
      scan: 'off',
      config: relative(checkout.dir, secretFile()),
    })
    expect(everything(run)).not.toContain(MARKER)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::input "config" .*outside the workspace/)
  })

  it('refuses an absolute config path outside the workspace', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const run = await dryRun(checkout.dir, { scan: 'off', config: secretFile() })
    expect(everything(run)).not.toContain(MARKER)
    expect(run.stdout).toMatch(/::error::input "config" .*outside the workspace/)
  })

  it('does not follow a symbolic link in the workspace that leads outside it', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    mkdirSync(join(checkout.dir, '.github'), { recursive: true })
    symlinkSync(secretFile(), join(checkout.dir, '.github/bind-probe.yml'))
    symlinkSync(secretFile(), join(checkout.dir, '.github/comment.md.hbs'))
    const run = await dryRun(checkout.dir, { scan: 'off', template: '.github/comment.md.hbs' })
    expect(everything(run)).not.toContain(MARKER)
    // The policy cannot be read, so the gate fails; the template falls back to the built-in one.
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/bind-probe\.yml could not be read: .*outside the workspace/)
    expect(run.stdout).toMatch(
      /::warning::template \.github\/comment\.md\.hbs .*outside the workspace/,
    )
    expect(run.stdout).toMatch(/--- the comment bind-probe would write/)
  })

  it('writes sarif-file only inside the workspace or RUNNER_TEMP', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const outside = join(mkdtempSync(join(tmpdir(), 'bind-probe-outside-')), 'scan.sarif')
    const refused = await dryRun(checkout.dir, {
      scan: 'all',
      'sarif-file': relative(checkout.dir, outside),
    })
    expect(existsSync(outside)).toBe(false)
    expect(refused.stdout).toMatch(/::warning::.*sarif-file.*outside the workspace and RUNNER_TEMP/)

    const temp = mkdtempSync(join(tmpdir(), 'bind-probe-runner-temp-'))
    const inTemp = join(temp, 'out', 'scan.sarif')
    const written = await dryRun(
      checkout.dir,
      { scan: 'all', 'sarif-file': inTemp },
      { RUNNER_TEMP: temp },
    )
    expect(written.code, written.stdout).toBe(0)
    expect(existsSync(inTemp)).toBe(true)
  })

  it('does not write sarif-file through a symbolic link that leads outside', async () => {
    const checkout = makeCheckout({ 'README.md': 'x\n' }, { 'README.md': 'y\n' })
    const target = secretFile('scan.sarif')
    symlinkSync(target, join(checkout.dir, 'bind-probe.sarif'))
    const run = await dryRun(checkout.dir, { scan: 'all', 'sarif-file': 'bind-probe.sarif' })
    expect(run.stdout).toMatch(/::warning::.*sarif-file.*outside the workspace/)
    expect(readFileSync(target, 'utf8')).toBe(`${MARKER}=hunter2\n`)
  })
})

describe('template paths in the policy', () => {
  it('reads no template outside the checkout that the policy names', async () => {
    const secret = secretFile()
    const workspace = mkdtempSync(join(tmpdir(), 'bind-probe-policy-'))
    mkdirSync(join(workspace, '.github'))
    writeFileSync(
      join(workspace, '.github/bind-probe.yml'),
      `summary:\n  template: ${relative(workspace, secret)}\n`,
    )
    const policy = await readPolicy({ path: '.github/bind-probe.yml', workspace })
    expect(policy.summaryTemplate).toBeUndefined()
    expect(policy.warnings.join('\n')).toMatch(/outside the workspace/)
  })

  it('gives git only paths inside the repository', async () => {
    const PATH = '.github/bind-probe.yml'
    const o = originOf(
      { [PATH]: 'comment:\n  template: ../../outside.hbs\n' },
      { 'README.md': 'y\n' },
    )
    const workspace = shallowMergeCheckout(o)
    const policy = await readPolicy({ path: PATH, workspace, context: pullRequestContext(o) })
    expect(policy.problem).toBeUndefined()
    expect(policy.commentTemplate).toBeUndefined()
    expect(policy.warnings).toEqual([
      'template ../../outside.hbs is outside the workspace; the built-in one is used',
    ])
  })
})

describe('errors about a file do not quote it', () => {
  it('names the line of a template syntax error without quoting the line', () => {
    let message = ''
    try {
      compileTemplate({ name: 'comment.hbs', source: 'ok\npw=hunter2 {{foo\n' })({})
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^comment\.hbs:2: syntax error/)
    expect(message).not.toContain('hunter2')
  })

  it.each([
    ['a text file', `${MARKER}=hunter2\n`],
    ['a stray token', `mode: enforce\n] ${MARKER}\n`],
    ['an unknown alias', `mode: *${MARKER}\n`],
    ['a block scalar header', `mode: |${MARKER}\n  x\n`],
  ])('names the place of a YAML problem in %s without quoting it', (_what, text) => {
    let message = ''
    try {
      loadConfig(text, 'policy.yml')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^policy\.yml is not a valid bind-probe policy/)
    expect(message).toMatch(/policy\.yml:\d+:\d+: /)
    expect(message).not.toContain(MARKER)
  })
})
