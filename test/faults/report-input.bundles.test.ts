// Nothing already recorded is lost to a limit. A scan.json over the 16 MiB limit used to set aside
// its whole leg, the valid probe result too; and bundles past the 500th were dropped without a word.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DirectoryTransport } from '../../src/github/directory-transport.ts'
import {
  collectLegs,
  legMeta,
  MAX_BUNDLES,
  MAX_FILE_BYTES,
  RESULT_FILE,
  resultArtifactName,
  SCAN_FILE,
  uploadLeg,
} from '../../src/github/transport.ts'
import { readLegScans } from '../../src/report/leg-scans.ts'
import { legContext } from '../github/support/leg-context.ts'

async function directory() {
  const root = await mkdtemp(join(tmpdir(), 'bind-probe-bundles-'))
  return { root, transport: new DirectoryTransport(root) }
}

describe('limits on what a report reads', () => {
  it('a scan.json over the limit drops the findings with a note and keeps the platform', async () => {
    const { root, transport } = await directory()
    const meta = legMeta(legContext, 'default', 'linux-x64')
    await uploadLeg(transport, meta, [{ name: RESULT_FILE, content: '{"result": true}' }])
    const name = resultArtifactName('default', 'linux-x64', 1)
    await writeFile(join(root, name, SCAN_FILE), ' '.repeat(MAX_FILE_BYTES + 1))
    const collected = await collectLegs(transport, 'default')
    expect(collected.problems).toEqual([])
    expect(collected.legs.map((l) => l.platformId)).toEqual(['linux-x64'])
    const leg = collected.legs[0]!
    const scans = readLegScans([{ source: name, scan: leg.files.get(SCAN_FILE)! }])
    expect(scans.notes).toEqual([
      expect.stringMatching(/over the 16777216-byte limit, so its findings were dropped/),
    ])
  })

  it(`bundles past the ${MAX_BUNDLES}th are named as not read`, async () => {
    const { transport } = await directory()
    for (let i = 0; i < MAX_BUNDLES + 2; i++) {
      const meta = legMeta(legContext, 'default', `linux-x${String(i).padStart(3, '0')}`)
      await uploadLeg(transport, meta, [{ name: RESULT_FILE, content: '{}' }])
    }
    const collected = await collectLegs(transport, 'default')
    expect(collected.legs).toHaveLength(MAX_BUNDLES)
    expect(collected.problems).toEqual([
      {
        artifact: expect.stringMatching(/^bind-probe-result-/),
        message: `it and 1 more bundle(s) after it were not read: at most ${MAX_BUNDLES} bundles are read`,
      },
    ])
  })
})
