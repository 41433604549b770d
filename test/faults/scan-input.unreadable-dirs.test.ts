// The scan silently skipped directories it could not read: only unreadable files were counted,
// so a tree whose test folder belongs to another user scanned "clean". Now each such directory is
// counted and named. As root the directory would be readable anyway, so the scan then runs
// without the capabilities that let root read anything (setpriv, from util-linux).
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const FLAKY = "const server = require('http').createServer()\nserver.listen(8080)\n"

const root = mkdtempSync(join(tmpdir(), 'scan-locked-'))
mkdirSync(join(root, 'open'))
mkdirSync(join(root, 'locked', 'deeper'), { recursive: true })
writeFileSync(join(root, 'open', 'a.test.js'), FLAKY)
writeFileSync(join(root, 'locked', 'deeper', 'b.test.js'), FLAKY)
chmodSync(join(root, 'locked'), 0o000)
afterAll(() => chmodSync(join(root, 'locked'), 0o755))

const CAPS = '-dac_override,-dac_read_search'
function scanAsUser(args: string[]) {
  const command = [process.execPath, CLI, 'scan', ...args]
  const asRoot = process.getuid?.() === 0
  const [file, ...rest] = asRoot
    ? ['setpriv', `--bounding-set=${CAPS}`, `--inh-caps=${CAPS}`, ...command]
    : command
  return spawnSync(file!, rest, { cwd: root, encoding: 'utf8' })
}

describe('a directory the scan cannot read', () => {
  it('is counted and named in the JSON result', () => {
    const run = scanAsUser(['--format', 'json', '.'])
    const result = JSON.parse(run.stdout)
    expect(result.findings.map((f: { path: string }) => f.path)).toEqual(['open/a.test.js'])
    expect(result.skipped['unreadable-directory']).toBe(1)
    expect(result.skippedFiles).toContainEqual({ path: 'locked/', reason: 'unreadable-directory' })
    expect(result.notes.join('\n')).toMatch(/locked\/ \(EACCES\).*could not be read/)
  })

  it('is named in the text output', () => {
    const run = scanAsUser(['.'])
    expect(run.stdout + run.stderr).toMatch(/locked\/.*could not be read/)
  })
})
