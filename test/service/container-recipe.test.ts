// deploy/Dockerfile is not built here (no container runtime); scripts/check-package.sh runs its
// steps outside a container. This keeps the two in line: the same install of the packed tarball
// without dev dependencies, the same `serve` from the installed package, and settings the
// service accepts (readSettings is what `serve` runs before it listens; exit 2 if it throws).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSettings } from '../../src/service/settings.ts'

const root = new URL('../../', import.meta.url)
const dockerfile = readFileSync(new URL('deploy/Dockerfile', root), 'utf8')
const checkPackage = readFileSync(new URL('scripts/check-package.sh', root), 'utf8')

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line.trim())!
    return { keyword: keyword!, rest: rest! }
  })
const one = (keyword: string) => instructions.filter((i) => i.keyword === keyword)

describe('the container recipe', () => {
  it('installs the packed tarball without dev dependencies, as check-package.sh does', () => {
    const install = /npm install ([^&]*)/.exec(
      one('RUN')
        .map((r) => r.rest)
        .join(' '),
    )?.[1]
    expect(install).toBeDefined()
    const flags = (text: string) =>
      text
        .split(/\s+/)
        .filter((w) => w.startsWith('--'))
        .sort()
    const checked = /npm install ([^"]*)"\$tarball"/.exec(checkPackage)?.[1]
    expect(checked).toBeDefined()
    // check-package adds --silent for its own output; the rest must be the same.
    expect(flags(install!)).toEqual(flags(checked!).filter((f) => f !== '--silent'))
    expect(install).toContain('bind-probe-*.tgz')
    expect(checkPackage).toContain('npm pack')
    expect(checkPackage).toMatch(/"\$bin" serve /)
    expect(checkPackage).toContain('/healthz')
  })

  it('runs `serve` from the installed package with settings the service accepts', () => {
    const entrypoint = JSON.parse(one('ENTRYPOINT')[0]!.rest) as string[]
    const cmd = JSON.parse(one('CMD')[0]!.rest) as string[]
    expect(entrypoint).toEqual(['/opt/bind-probe/node_modules/.bin/bind-probe', 'serve'])
    const env = Object.fromEntries(one('ENV').map((e) => e.rest.split('=') as [string, string]))
    const settings = readSettings(cmd, env)
    expect(settings).toMatchObject({
      host: '0.0.0.0',
      port: 3000,
      database: '/data/bind-probe.sqlite',
    })
    expect(one('EXPOSE')[0]!.rest).toBe(String(settings.port))
    expect(one('VOLUME')[0]!.rest).toBe('/data')
  })
})
