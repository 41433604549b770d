// The dashboard in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core), over the
// recorded sequence of support/history-sequence.ts on a real database, with GitHub's OAuth web
// flow and user API stood in on loopback: the page loads, shows the latest matrix and the flip
// charts, prints hostile names as text, and keeps a private repository from anyone who cannot
// read it on GitHub.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardApp } from '../../src/service/dashboard/app.ts'
import { OAuthStandIn, type OAuthApp } from '../github/stand-in/oauth.ts'
import { freshDatabase } from './support/databases.ts'
import { startHistoryService, type HistoryService } from './support/history-service.ts'
import { A, B, recordedSequence, recordLegs, START } from './support/history-sequence.ts'
import { OPERATOR_TOKEN } from './support/service.ts'

/** What the test reads of the browser's computed style (the DOM types are not in this project). */
interface CSSStyle {
  backgroundColor: string
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Locally a missing browser skips with a printed reason; under CI=true it fails (launch throws).
const HAVE_CHROMIUM = existsSync(CHROMIUM) || process.env.CI === 'true'
if (!HAVE_CHROMIUM)
  console.warn(`skipping the dashboard's browser tests: no Chromium at ${CHROMIUM}`)
const HOSTILE_REPO = `octo-org/<script>window.__pwned=1</script>`
const HOSTILE_SCENARIO = `<img src=x onerror="window.__pwned=2">`
const SECRET = 'octo-org/secret-repo'
const SECRET_SCENARIO = 'tcp4-secret-scenario'

const oauthApp: OAuthApp = {
  clientId: 'Iv1.dashboard',
  clientSecret: 'client-secret',
  callbackUrl: '',
}
const github = new OAuthStandIn(oauthApp)
let service: HistoryService
let browser: Browser

beforeAll(async () => {
  await github.start()
  let url = ''
  service = await startHistoryService(
    await freshDatabase('sqlite'),
    'http://127.0.0.1:9', // no upload in these tests: the legs are recorded directly
    async (app, db) => {
      await app.register(dashboardApp, {
        db,
        window: 20,
        githubServerUrl: github.url,
        githubApiUrl: github.url,
        publicUrl: () => url,
        oauth: { ...oauthApp, sessionSecret: 'a session secret of at least 32 chars' },
        operatorToken: OPERATOR_TOKEN,
      })
    },
  )
  url = service.url
  oauthApp.callbackUrl = `${url}/login/callback`
  await recordLegs(service.db, [
    ...recordedSequence(),
    {
      ref: 'refs/pull/8/merge',
      event: 'pull_request',
      baseRef: 'main',
      runId: 3001,
      platform: 'linux-x64',
      image: 'ubuntu24',
      outcomes: { [A]: 'ok' },
      at: new Date(START.getTime() + 90 * 60_000),
      scan: {
        findings: [
          {
            rule: 'PORT001',
            severity: 'error',
            path: 'test/server.test.ts',
            line: 14,
            message: 'Fixed port 8080 in a test: <b>a parallel run</b> already holds it.',
            fingerprint: 'f1',
          },
        ],
      },
    },
    {
      repositoryId: 75,
      repository: SECRET,
      visibility: 'private',
      ref: 'refs/heads/main',
      runId: 1,
      platform: 'linux-x64',
      outcomes: { [SECRET_SCENARIO]: 'EADDRINUSE' },
      at: START,
    },
    {
      repositoryId: 76,
      repository: HOSTILE_REPO,
      ref: 'refs/heads/main',
      runId: 1,
      platform: 'linux-x64',
      outcomes: { [HOSTILE_SCENARIO]: 'EADDRINUSE' },
      at: START,
    },
  ])
  if (HAVE_CHROMIUM) browser = await chromium.launch({ executablePath: CHROMIUM })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await service?.stop()
  await github.stop()
})

async function open(path: string): Promise<{ page: Page; status: number }> {
  const page = await (await browser.newContext()).newPage()
  const response = await page.goto(`${service.url}${path}`)
  return { page, status: response!.status() }
}

describe.runIf(HAVE_CHROMIUM)('the dashboard in Chromium', () => {
  it('lists the public repositories and says how many private ones it keeps back', async () => {
    const { page, status } = await open('/')
    expect(status).toBe(200)
    expect(await page.locator('a.repository').allInnerTexts()).toEqual([
      HOSTILE_REPO,
      'octo-org/octo-repo',
    ])
    expect(await page.innerText('body')).toContain(
      '1 more repository is private: log in with GitHub to see those you can read.',
    )
    expect(await page.innerText('body')).not.toContain('secret')
    await page.context().close()
  })

  it("shows a repository's latest matrix, EADDRINUSE at a glance, and its flips as charts", async () => {
    const { page, status } = await open('/')
    expect(status).toBe(200)
    await page.click('text=octo-org/octo-repo')
    expect(new URL(page.url()).pathname).toBe('/repos/74')
    const headers = await page.locator('table.matrix thead th').allInnerTexts()
    expect(headers).toEqual([
      'Scenario',
      'linux-x64\nubuntu22',
      'linux-x64\nubuntu24',
      'macos-arm64\nmacos15',
    ])
    const rows = await page
      .locator('table.matrix tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.children].map((c) => `${(c.textContent ?? '').trim()}:${c.className}`),
        ),
      )
    // Run 1025 of main: A ok everywhere; B EADDRINUSE on ubuntu24, not measured on the others.
    expect(rows).toEqual([
      [`${A}:`, 'ok:ok', 'ok:ok', 'ok:ok'],
      [`${B}:`, '—:none', 'EADDRINUSE:inuse', '—:none'],
    ])
    const inUse = page.locator('td.inuse')
    expect(
      await inUse.evaluate(
        (td) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): CSSStyle }).getComputedStyle(td)
            .backgroundColor,
      ),
    ).toBe('rgb(255, 235, 233)')

    const charts = page.locator('svg.flips')
    expect(await charts.count()).toBe(2)
    expect(await charts.nth(0).getAttribute('aria-label')).toBe(
      `${A} on macos-arm64 (macos15): 6 flips in 10 runs`,
    )
    expect(await charts.nth(1).getAttribute('aria-label')).toBe(
      `${A} on linux-x64 (ubuntu24): 4 flips in 20 runs`,
    )
    // Drawn, not only written: one bar per run, a tick per flip, at the size laid out.
    expect(await charts.nth(0).locator('rect.run').count()).toBe(10)
    expect(await charts.nth(0).locator('rect.flip').count()).toBe(6)
    expect((await charts.nth(0).boundingBox())?.width).toBe(100)
    // Linux's window, 1006–1025 (ooooo oooEo ooooo oEEoo): EADDRINUSE in runs 1014, 1022, 1023.
    expect(await charts.nth(1).locator('rect.run.inuse').count()).toBe(3)

    const findings = await page.locator('table.findings td').allInnerTexts()
    expect(await page.locator('h3').first().innerText()).toMatch(/^#8 /)
    expect(findings).toEqual([
      'test/server.test.ts:14',
      'PORT001 error',
      'Fixed port 8080 in a test: <b>a parallel run</b> already holds it.',
    ])
    await page.context().close()
  })

  it('prints hostile repository and scenario names as text: nothing of theirs runs', async () => {
    const { page, status } = await open('/repos/76')
    expect(status).toBe(200)
    expect(await page.innerText('h1')).toBe(HOSTILE_REPO)
    expect(await page.locator('table.matrix tbody th').innerText()).toBe(HOSTILE_SCENARIO)
    expect(await page.locator('script, img').count()).toBe(0)
    expect(await page.evaluate('window.__pwned')).toBeUndefined()
    const index = await open('/')
    expect(await index.page.locator('script').count()).toBe(0)
    expect(await index.page.locator('a.repository').first().innerText()).toBe(HOSTILE_REPO)
    await page.context().close()
    await index.page.context().close()
  })

  it('refuses a private repository to a visitor, and to a GitHub user who cannot read it', async () => {
    const anonymous = await open('/repos/75')
    expect(anonymous.status).toBe(404)
    expect(await anonymous.page.innerText('body')).not.toContain(SECRET_SCENARIO)

    github.signInAs('mallory')
    const page = anonymous.page
    await page.click('text=Log in with GitHub')
    await page.waitForURL(`${service.url}/repos/75`)
    expect(await page.innerText('header')).toContain('mallory')
    expect(await page.innerText('body')).toContain('No repository 75 here that you can read.')
    expect(await page.innerText('body')).not.toContain(SECRET_SCENARIO)
    expect(github.requests).toContain('GET /repos/octo-org/secret-repo')
    await page.goto(`${service.url}/`)
    expect(await page.locator('a.repository').allInnerTexts()).not.toContain(SECRET)
    await page.context().close()
  })

  it('shows it to a user GitHub says can read it, and to the operator token', async () => {
    github.signInAs('alice', [SECRET])
    const { page } = await open('/')
    await page.click('text=log in with GitHub')
    await page.waitForURL(`${service.url}/`)
    expect(await page.locator('a.repository').allInnerTexts()).toContain(SECRET)
    await page.click(`text=${SECRET}`)
    expect(await page.locator('table.matrix tbody th').innerText()).toBe(SECRET_SCENARIO)

    // A session cookie changed by the browser is no session.
    const [session] = (await page.context().cookies()).filter((c) => c.name === 'bp_session')
    await page.context().addCookies([{ ...session!, value: `${session!.value.slice(0, -2)}AA` }])
    const tampered = await page.goto(`${service.url}/repos/75`)
    expect(tampered!.status()).toBe(404)
    await page.context().close()

    const operator = await fetch(`${service.url}/repos/75`, {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    })
    expect(operator.status).toBe(200)
    expect(await operator.text()).toContain(SECRET_SCENARIO)
  })

  it('a login that did not start here is refused, and no session is made', async () => {
    const forged = await fetch(`${service.url}/login/callback?code=abc&state=xyz`, {
      redirect: 'manual',
    })
    expect(forged.status).toBe(400)
    expect(forged.headers.get('set-cookie')).toBeNull()
    const away = await fetch(`${service.url}/login?next=//evil.example/`, { redirect: 'manual' })
    const state = new URL(away.headers.get('location')!).searchParams.get('state')
    expect(state).toMatch(/^[\w-]{32}$/)
  })
})
