// Leg bundles through the directory transport: naming, latest attempt per platform, and broken
// bundles reported without hiding the good ones.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DirectoryTransport } from '../../src/github/directory-transport.ts'
import {
  collectLegs,
  legMeta,
  parseResultArtifactName,
  resultArtifactName,
  uploadLeg,
  META_FILE,
  RESULT_FILE,
} from '../../src/github/transport.ts'
import { legContext } from './support/leg-context.ts'

const context = legContext

async function fresh() {
  return new DirectoryTransport(await mkdtemp(join(tmpdir(), 'bind-probe-transport-')))
}

describe('artifact names', () => {
  it('are unique per key, leg and attempt, and parse back', () => {
    expect(resultArtifactName('default', 'linux-x64', 1)).toBe('bind-probe-result-linux-x64-1')
    expect(resultArtifactName('nightly', 'windows-arm64', 3)).toBe(
      'bind-probe-result-nightly_windows-arm64-3',
    )
    expect(parseResultArtifactName('default', 'bind-probe-result-linux-x64-bindv6only-12')).toEqual(
      { platformId: 'linux-x64-bindv6only', runAttempt: 12 },
    )
    // Another key's bundles are not the default key's, and vice versa.
    expect(
      parseResultArtifactName('default', 'bind-probe-result-nightly_windows-arm64-3'),
    ).toBeUndefined()
    expect(parseResultArtifactName('nightly', 'bind-probe-result-linux-x64-1')).toBeUndefined()
    expect(parseResultArtifactName('a', 'bind-probe-result-a_b_linux-1')).toBeUndefined()
    expect(() => resultArtifactName('default', 'Linux X64', 1)).toThrow(/platform id "Linux X64"/)
  })
})

describe('collectLegs over a directory', () => {
  it('returns each platform’s latest attempt with the metadata the fork recipe needs', async () => {
    const transport = await fresh()
    await uploadLeg(transport, legMeta(context, 'default', 'linux-x64'), [
      { name: RESULT_FILE, content: '"linux, attempt 1"' },
    ])
    await uploadLeg(
      transport,
      { ...legMeta(context, 'default', 'linux-x64'), run: { id: 900, attempt: 2 } },
      [{ name: RESULT_FILE, content: '"linux, attempt 2"' }],
    )
    await uploadLeg(transport, legMeta(context, 'default', 'macos-arm64'), [
      { name: RESULT_FILE, content: '"macos"' },
      { name: 'findings.json', content: '[]' },
    ])
    const { legs, problems } = await collectLegs(transport, 'default')
    expect(problems).toEqual([])
    expect(legs.map((l) => [l.artifact, l.files.get(RESULT_FILE)])).toEqual([
      ['bind-probe-result-linux-x64-2', '"linux, attempt 2"'],
      ['bind-probe-result-macos-arm64-1', '"macos"'],
    ])
    expect(legs[1]!.files.get('findings.json')).toBe('[]')
    expect(legs[1]!.files.has(META_FILE)).toBe(false)
    expect(legs[0]!.meta).toMatchObject({
      headSha: 'b'.repeat(40),
      pullRequest: { number: 4, baseRef: 'main' },
      event: 'pull_request',
      repository: 'octo-org/octo-repo',
    })
  })

  it('names each broken bundle and still returns the good ones', async () => {
    const transport = await fresh()
    await uploadLeg(transport, legMeta(context, 'default', 'linux-x64'), [
      { name: RESULT_FILE, content: '{}' },
    ])
    const bad = async (name: string, meta?: string) => {
      await mkdir(join(transport.root, name), { recursive: true })
      await writeFile(join(transport.root, name, RESULT_FILE), '{}')
      if (meta !== undefined) await writeFile(join(transport.root, name, META_FILE), meta)
    }
    await bad('bind-probe-result-macos-x64-1')
    await bad('bind-probe-result-windows-x64-1', '{not json')
    await bad(
      'bind-probe-result-freebsd-x64-1',
      JSON.stringify({ ...legMeta(context, 'default', 'linux-x64') }),
    )
    await bad(
      'bind-probe-result-linux-arm64-1',
      JSON.stringify({ ...legMeta(context, 'default', 'linux-arm64'), headSha: 'HEAD' }),
    )
    await bad('unrelated-artifact')
    const { legs, problems } = await collectLegs(transport, 'default')
    expect(legs.map((l) => l.platformId)).toEqual(['linux-x64'])
    expect(problems).toEqual([
      {
        artifact: 'bind-probe-result-freebsd-x64-1',
        message:
          'its bind-probe-meta.json says platform "linux-x64" and key "default", not what its name says',
      },
      {
        artifact: 'bind-probe-result-linux-arm64-1',
        message: 'its bind-probe-meta.json lacks a 40-hex headSha',
      },
      { artifact: 'bind-probe-result-macos-x64-1', message: 'it has no bind-probe-meta.json' },
      {
        artifact: 'bind-probe-result-windows-x64-1',
        message: expect.stringMatching(/^its bind-probe-meta.json is not JSON/),
      },
    ])
  })

  it('refuses file names that would leave the bundle, and an empty directory is no legs', async () => {
    const transport = await fresh()
    await expect(transport.upload('x', [{ name: '../escape', content: '' }])).rejects.toThrow(
      /file name "..\/escape" must be a plain name/,
    )
    await expect(transport.upload('../x', [])).rejects.toThrow(/bundle name/)
    expect(
      await collectLegs(new DirectoryTransport(join(transport.root, 'missing')), 'default'),
    ).toEqual({ legs: [], problems: [], notes: [] })
  })
})
