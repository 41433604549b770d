// Paths the action takes from its inputs and the policy: inside the repository, or refused.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PathError, repositoryPath, resolveInside } from '../../src/action/workspace-path.ts'

describe('repositoryPath', () => {
  it('normalises a path inside the repository, an absolute one in the workspace included', () => {
    expect(repositoryPath('./.github/x/../bind-probe.yml')).toBe('.github/bind-probe.yml')
    expect(repositoryPath('..hidden/file')).toBe('..hidden/file')
    expect(repositoryPath('/w/repo/.github/a.yml', '/w/repo')).toBe('.github/a.yml')
  })

  it('refuses a way out, an absolute path elsewhere and the root itself', () => {
    for (const path of ['../x', 'a/../../x', '/etc/passwd', '.', '']) {
      expect(repositoryPath(path, '/w/repo'), path).toBeUndefined()
    }
  })
})

describe('resolveInside', () => {
  const roots = (dir: string) => [{ dir, name: 'workspace' }]

  it('follows symbolic links inside, and refuses one that leads out, dangling or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bind-probe-inside-'))
    const outside = mkdtempSync(join(tmpdir(), 'bind-probe-outside-'))
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'sub/real.yml'), 'x')
    symlinkSync(join(dir, 'sub/real.yml'), join(dir, 'link.yml'))
    symlinkSync(outside, join(dir, 'out-dir'))
    symlinkSync(join(outside, 'not-yet.sarif'), join(dir, 'dangling.sarif'))
    expect(await resolveInside('link.yml', dir, roots(dir))).toMatch(/sub\/real\.yml$/)
    expect(await resolveInside('new/file.sarif', dir, roots(dir))).toMatch(/new\/file\.sarif$/)
    for (const path of ['out-dir/x.yml', 'dangling.sarif', '../x']) {
      await expect(resolveInside(path, dir, roots(dir)), path).rejects.toThrow(PathError)
    }
  })
})
