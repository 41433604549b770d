// Hostile branch names, file paths, scenario titles and the other strings a user or a pull request
// controls must render inert: no link, image, mention, reference, HTML or broken table can come
// out of them, and they can neither forge nor close our hidden marker. Checked on what a real
// CommonMark/GFM parser makes of the body (and, where the machine has it, GitHub's cmark-gfm).
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build.ts'
import { evaluatePolicy } from '../../src/report/gate.ts'
import { hasCommentMarker, readDigest } from '../../src/report/marker.ts'
import { renderComment, renderSummary } from '../../src/report/render/render.ts'
import type { Scenario } from '../../src/probe/model.ts'
import { gfmHtmlOf, gfmTree, nodesOf, textOf, walk, type MdNode } from './gfm.ts'
import { CONTEXT, SAMPLE_FINDINGS, fixture, policy } from './samples.ts'

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '@org/team',
  '@everyone please look',
  'fixes #123 and GH-45',
  '`',
  '``a`b``',
  'a | b | c',
  'line one\nline two\r\n# heading\n- item',
  '<!-- bind-probe:comment key=default -->',
  '-->',
  '<!-- bind-probe:digest v1.AAAA -->',
  '</details><script>alert(1)</script>',
  '**bold** _em_ ~~strike~~ $x^2$',
  'https://evil.example/x www.evil.example',
  'mail x@evil.example',
  '[ref]: https://evil.example',
  '<https://evil.example>',
  '&lt;img&gt; &#64;org',
  'right\u202Eto-left\u200Bhidden',
  'trailing backslash \\',
  '> quote\n---\n===',
  'x'.repeat(10_000),
]

const OUR_LINK = /^https:\/\/github\.com\/octo-org\/octo-service\/(blob|commit|actions)\//
const OUR_TAGS = /<\/?(details|summary|sub|br)>/g

function hostileReport(h: string) {
  const linux = fixture('synthetic-linux-x64')
  const macos = fixture('synthetic-macos-arm64')
  const custom: Scenario = {
    id: 'my-app-dual-stack',
    section: h,
    title: h,
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: { outcome: 'ok', confidence: 'documented', sources: [h], note: h },
      macos: { confidence: 'unknown', sources: [] },
      windows: { confidence: 'unknown', sources: [] },
    },
  }
  const customResult = {
    ...linux.scenarios.find((s) => s.id === 'tcp4-dup-loopback-default')!,
    id: custom.id,
  }
  linux.scenarios.push(customResult) // EADDRINUSE where the project documented ok: a divergence
  macos.scenarios.push({
    ...customResult,
    outcome: 'probe-error',
    reason: h,
    flaky: true,
    runs: 3,
    counts: [
      { outcome: 'ok', step: h, count: 2 },
      { outcome: 'EADDRINUSE', step: h, count: 1 },
    ],
  })
  const previous = renderComment(
    buildReport({
      artifacts: [{ name: h, content: fixture('synthetic-linux-x64') }],
      context: CONTEXT,
    }),
  )
  const config = policy({
    platforms: [
      { id: 'linux-x64-synthetic', name: h },
      { id: 'macos-arm64-synthetic', name: h },
      { id: 'windows-x64-synthetic', name: h },
    ],
    scenarios: [custom],
    require: [{ scenario: custom.id, target: 'linux', outcomes: ['ok'] }],
  })
  const report = buildReport({
    artifacts: [
      { name: `a ${h}`, content: linux },
      { name: `b ${h}`, content: structuredClone(linux) },
      { name: `c ${h}`, content: macos },
      { name: h, content: `{ ${h}` },
    ],
    policy: config,
    legs: [{ name: h, status: 'cancelled', platform: 'windows-x64-synthetic' }],
    previousComment: previous,
    findings: SAMPLE_FINDINGS.map((f) => ({
      ...f,
      path: `${h}/${f.path}`,
      message: h,
      advice: h,
      rule: h.slice(0, 100),
    })),
    context: { ...CONTEXT, headRef: h, baseRef: h },
  })
  return { report, verdict: evaluatePolicy(report, config) }
}

function checkInert(body: string, h: string, what: string) {
  const tree = gfmTree(body)
  // Links only to the repository; no images, references or definitions at all.
  for (const link of nodesOf(tree, 'link')) expect(link.url, what).toMatch(OUR_LINK)
  for (const type of ['image', 'imageReference', 'linkReference', 'definition']) {
    expect(nodesOf(tree, type), `${what}: ${type}`).toEqual([])
  }
  // Raw HTML only from the template's own tags, and our two trailing lines.
  for (const html of nodesOf(tree, 'html')) {
    const value = html.value ?? ''
    if (/^<!-- bind-probe:(digest|comment) /.test(value)) continue
    expect(value.replace(OUR_TAGS, ''), `${what}: html ${value}`).not.toContain('<')
  }
  // Tables keep their shape: a pipe or a newline in a value did not add or end a cell.
  for (const table of nodesOf(tree, 'table')) {
    const width = table.children![0]!.children!.length
    for (const row of table.children!) expect(row.children!.length, what).toBe(width)
  }
  // No live mention or issue reference in text (code is never linked by GitHub).
  walk(tree, (node: MdNode, parents) => {
    if (node.type !== 'text' || parents.some((p) => p.type === 'link')) return
    expect(node.value, what).not.toMatch(/(^|[^\w\u200b])@[A-Za-z0-9]/)
    expect(node.value, what).not.toMatch(/(^|[^\w\u200b])#\d/)
    expect(node.value, what).not.toMatch(/\bgh-\d/i)
  })
  // What the HTML would be before GitHub's sanitiser: still no tags or scripts from the value.
  const html = gfmHtmlOf(body)
  expect(html, what).not.toMatch(/<img|<script|<a href="(?!https:\/\/github\.com\/octo-org\/)/i)
  expect(html.match(/<\/details>/g)?.length ?? 0, what).toBe(html.match(/<details>/g)?.length ?? 0)
  // The value was printed, as text someone can read.
  const visible = textOf(tree).replace(/\u200b/g, '')
  const shown = h
    .replace(/[\u202e\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40)
  expect(visible, what).toContain(shown)
}

describe.each(
  HOSTILE.map((h) => [JSON.stringify(h.length > 50 ? `${h.slice(0, 20)}… (${h.length})` : h), h]),
)('hostile text %s', (_label, h) => {
  const { report, verdict } = hostileReport(h)

  it('renders inert in the comment, which keeps exactly our own marker and digest', () => {
    const body = renderComment(report, { verdict })
    checkInert(body, h, 'comment')
    expect(body.split('<!-- bind-probe:').length - 1).toBe(2)
    expect(hasCommentMarker(body, 'default')).toBe(true)
    expect(readDigest(body)).toHaveProperty('digest')
  })

  it('renders inert through a custom template that prints values inside raw HTML', () => {
    const template = {
      name: 'html-context.md.hbs',
      source:
        '<details><summary>{{context.headRef}}</summary>\n\n{{#each platforms}}{{name}} {{/each}}\n\n</details>\n' +
        '<sub>{{context.baseRef}}</sub>\n\n| a | b |\n|---|---|\n| {{context.headRef}} | {{code context.headRef table=true}} |\n',
    }
    const body = renderComment(report, { verdict, template })
    checkInert(body, h, 'custom template')
  })

  it('renders inert in the job summary', () => {
    const body = renderSummary(report, { verdict })
    checkInert(body, h, 'summary')
    expect(body).not.toContain('<!-- bind-probe:')
  })
})

const cmark = (() => {
  try {
    execFileSync('cmark-gfm', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('with GitHub’s own cmark-gfm', () => {
  it.skipIf(!cmark)('no hostile value becomes a tag, image or foreign link', () => {
    for (const h of HOSTILE) {
      const { report, verdict } = hostileReport(h)
      for (const body of [renderComment(report, { verdict }), renderSummary(report, { verdict })]) {
        const html = execFileSync(
          'cmark-gfm',
          ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
          { input: body, encoding: 'utf8' },
        )
        expect(html, h).not.toMatch(/<img|<script|<a href="(?!https:\/\/github\.com\/octo-org\/)/i)
        for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
          expect(tag, h).toMatch(
            /^<(p|h[1-6]|ul|ol|li|strong|em|code|table|thead|tbody|tr|th|td|details|summary|sub|br|blockquote|a href="https:\/\/github\.com\/octo-org\/[^"]*")( align="[a-z]+")?>$/,
          )
        }
      }
    }
  })
})
