// When git is missing, or refuses the checkout as "dubious ownership" (a container job whose
// checkout belongs to another user), the scan used to say only "not inside a git checkout". Now it
// says what git said and what to do.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

function checkout(): { repo: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-git-'))
  const repo = join(dir, 'repo')
  mkdirSync(repo)
  writeFileSync(join(repo, 'server_test.py'), 'x = 1\n')
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo })
  git('init', '-q')
  git('add', '.')
  git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init')
  const home = join(dir, 'home')
  mkdirSync(home)
  return { repo, home }
}

const scan = (cwd: string, env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [CLI, 'scan', '--diff-base', 'HEAD'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })

describe.skipIf(process.getuid?.() !== 0)('git that cannot serve the scan', () => {
  it('a checkout owned by another user: names safe.directory and the path', () => {
    const { repo, home } = checkout()
    execFileSync('chown', ['-R', '65534:65534', repo])
    const run = scan(repo, { HOME: home, GIT_CONFIG_NOSYSTEM: '1' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('dubious ownership')
    expect(run.stderr).toContain(`git config --global --add safe.directory ${repo}`)
    chownSync(repo, 0, 0)
  })

  it('no git on PATH: says git is not installed', () => {
    const { repo } = checkout()
    const run = scan(repo, { PATH: '/nonexistent' })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/git is not installed \(or not on PATH\)/)
  })
})
