// Renders the sample comments in docs/samples as github.com shows them, into PNG pictures: the
// Markdown through cmark-gfm (GitHub's own engine, Debian's `cmark-gfm` package) with GitHub's
// extensions, styled by github-markdown-css, photographed by Debian's Chromium driven by
// playwright-core. `<details>` stay closed, as a reader first sees them.
//
//   node scripts/render-samples.ts            write the Markdown samples, then every picture
//   node scripts/render-samples.ts NAME...    only these samples' pictures (names without .comment.md)
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Config } from '../src/config/model.ts'
import { buildReport } from '../src/report/build.ts'
import { evaluatePolicy } from '../src/report/gate.ts'
import { renderComment, renderSummary } from '../src/report/render/render.ts'
import { firstContactSamples } from '../test/report/first-contact-samples.ts'
import { sampleReports } from '../test/report/samples.ts'

const SAMPLES = fileURLToPath(new URL('../docs/samples/', import.meta.url))
const WIDTH = 900
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function gfmToHtml(markdown: string): string {
  // --unsafe keeps the raw HTML bind-probe writes (<details>, <sub>); tagfilter then drops what
  // GitHub drops, as github.com does.
  return execFileSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    { input: markdown, encoding: 'utf8' },
  )
}

function page(body: string): string {
  const css = readFileSync(
    createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
    'utf8',
  )
  return `<!doctype html><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff }
.markdown-body { box-sizing: border-box; max-width: ${WIDTH}px; padding: 24px; margin: 16px;
  border: 1px solid #d0d7de; border-radius: 6px }</style>
<article class="markdown-body">${body}</article>`
}

/** Each sample's comment and job summary as Markdown, from the recorded fixtures. */
function writeMarkdown(): void {
  mkdirSync(SAMPLES, { recursive: true })
  const reports = sampleReports()
  for (const [name, input] of Object.entries(firstContactSamples())) {
    reports[name] = { report: buildReport(input), config: input.policy as Config }
  }
  for (const [name, { report, config }] of Object.entries(reports)) {
    const verdict = evaluatePolicy(report, config)
    writeFileSync(`${SAMPLES}${name}.comment.md`, renderComment(report, { verdict }))
    writeFileSync(`${SAMPLES}${name}.summary.md`, renderSummary(report, { verdict }))
    console.log(`docs/samples/${name}: ${verdict.conclusion}`)
  }
}

async function main(): Promise<void> {
  const named = process.argv.slice(2)
  if (!named.length) writeMarkdown()
  const names = named.length
    ? named
    : readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.comment.md'))
        .map((f) => f.slice(0, -'.comment.md'.length))
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  try {
    const tab = await browser.newPage({ viewport: { width: WIDTH + 32, height: 600 } })
    for (const name of names) {
      const markdown = readFileSync(`${SAMPLES}${name}.comment.md`, 'utf8')
      await tab.setContent(page(gfmToHtml(markdown)), { waitUntil: 'load' })
      const png = await tab.locator('article').screenshot({ animations: 'disabled' })
      writeFileSync(`${SAMPLES}${name}.comment.png`, png)
      console.log(`docs/samples/${name}.comment.png`)
    }
  } finally {
    await browser.close()
  }
}

await main()
