// A re-run leg uploads beside its first attempt, and the report keeps the latest attempt per
// platform. A newer attempt that is broken (its result.json cut off, say) used to replace a good
// earlier one: the platform went missing and the notes said falsely that no leg scanned. And a
// result or scan file written with a UTF-8 byte-order mark (PowerShell's `Out-File -Encoding
// utf8`, Windows editors) was "not JSON".
import { spawnSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DirectoryTransport } from '../../src/github/directory-transport.ts'
import {
  legMeta,
  RESULT_FILE,
  SCAN_FILE,
  uploadLeg,
  type TransportFile,
} from '../../src/github/transport.ts'
import type { Report } from '../../src/report/model.ts'
import { legContext } from '../github/support/leg-context.ts'
import { fixture } from '../report/samples.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const MEASURED = JSON.stringify(fixture('measured-linux-x64'))
const SCAN = JSON.stringify({ findings: [], notes: [] })
const BOM = '\uFEFF'

async function legsDirectory(attempts: TransportFile[][]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'bind-probe-attempts-'))
  const transport = new DirectoryTransport(root)
  for (const [i, files] of attempts.entries()) {
    const context = { ...legContext, runAttempt: i + 1 }
    await uploadLeg(transport, legMeta(context, 'default', 'linux-x64'), files)
  }
  return root
}

function report(dir: string): { report: Report; stderr: string; status: number | null } {
  const run = spawnSync(process.execPath, [CLI, 'report', '--format', 'json', '--no-gate', dir], {
    encoding: 'utf8',
    cwd: dir,
  })
  return { report: JSON.parse(run.stdout) as Report, stderr: run.stderr, status: run.status }
}

describe('a broken newer attempt of a leg', () => {
  it('falls back to the latest readable attempt, and says so', async () => {
    const dir = await legsDirectory([
      [
        { name: RESULT_FILE, content: MEASURED },
        { name: SCAN_FILE, content: SCAN },
      ],
      [{ name: RESULT_FILE, content: MEASURED.slice(0, 1000) }],
    ])
    const { report: built } = report(dir)
    expect(built.platforms.map((p) => p.id)).toEqual(['linux-x64'])
    expect(built.missing).toEqual([])
    expect(built.notes.join('\n')).not.toMatch(/No leg scanned/)
    expect(built.notes.join('\n')).toMatch(
      /bind-probe-result-linux-x64-2.*could not be read.*attempt 1/,
    )
  })
})

describe('files that start with a UTF-8 byte-order mark', () => {
  it('are read as the JSON they are', async () => {
    const dir = await legsDirectory([
      [
        { name: RESULT_FILE, content: BOM + MEASURED },
        { name: SCAN_FILE, content: BOM + SCAN },
      ],
    ])
    const { report: built } = report(dir)
    expect(built.artifacts).toEqual([])
    expect(built.platforms.map((p) => p.id)).toEqual(['linux-x64'])
    expect(built.notes.join('\n')).not.toMatch(/No leg scanned/)
  })
})
