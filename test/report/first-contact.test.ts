// The comment a reviewer reads in five seconds (issue 8, "First contact"): the verdict and its one
// reason first, then what this pull request's own code does, then every problem with its next
// step, then the platforms; plain words outside <details>; code in messages shown as code.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, loadConfig, type Config } from '../../src/config/index.ts'
import { buildReport, type ReportInput } from '../../src/report/build.ts'
import { evaluatePolicy } from '../../src/report/gate.ts'
import { INTERNAL_TERMS } from '../../src/report/render/plain-words.ts'
import { renderComment } from '../../src/report/render/render.ts'
import { firstContactSamples, FLAKY_PORT_USES } from './first-contact-samples.ts'
import { gfmTree, nodesOf, textOf } from './gfm.ts'
import { eventful, threeOs } from './samples.ts'

function comment(input: ReportInput, policy: Partial<Config> = {}): string {
  const report = buildReport(input)
  const verdict = evaluatePolicy(report, { ...DEFAULT_CONFIG, ...input.policy, ...policy })
  return renderComment(report, { verdict })
}

/** The body without our two hidden lines, which GitHub does not show. */
const visible = (body: string) =>
  body.replace(/\n*<!-- bind-probe:digest [^\n]*-->\n<!-- bind-probe:comment [^\n]*-->\n$/, '\n')

/** The body with every <details> block taken out: what a reviewer sees without a click. */
const outsideDetails = (body: string) => body.replace(/<details>[\s\S]*?<\/details>/g, '')

const samples = () => ({ ...firstContactSamples(), eventful: eventful() })

describe('the comment, first contact', () => {
  it.each(Object.keys(samples()))(
    '%s: the first line is the verdict and its reason, at most 100 characters',
    (name) => {
      const input = samples()[name as keyof ReturnType<typeof samples>]
      const body = comment(input)
      const firstLine = body.split('\n')[0]!
      const rendered = textOf(gfmTree(firstLine))
      expect(rendered).toMatch(/^(✅ Passed|❌ Failed|⚠️ Would fail)/)
      expect(Array.from(rendered).length).toBeLessThanOrEqual(100)
      const verdict = evaluatePolicy(buildReport(input), { ...DEFAULT_CONFIG, ...input.policy })
      expect(rendered).toBe(verdict.title)
    },
  )

  it('all well: at most 8 lines, hidden marker included, and no matrix', () => {
    const body = comment(firstContactSamples()['all-well']!)
    expect(body.trimEnd().split('\n').length).toBeLessThanOrEqual(8)
    expect(textOf(gfmTree(body))).toMatch(/^✅ Passed on 1 platform: nothing to fix/)
    expect(body).not.toContain('<details>')
  })

  it('a pull request adding flaky port uses: fails on the errors only, lists them first, grouped, with code as code', () => {
    const body = comment(firstContactSamples()['flaky-port-uses']!)
    const text = textOf(gfmTree(body))
    // The scanner's severities: the free-port race is an error, the fixed port only a warning.
    expect(text).toMatch(/^❌ Failed: 2 new flaky port uses at severity error/)
    expect(body.indexOf('Flaky port use added by this pull request')).toBeLessThan(
      body.indexOf('The 2008 case'),
    )
    // One row for the two uses of one rule in one file, each line linked; the warning its own.
    const rows = body.split('\n').filter((l) => /^\| .*`PORT00\d`/.test(l))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('`PORT002` error')
    expect(rows[0]).toContain('test/server.test.ts#L6')
    expect(rows[0]).toContain('test/server.test.ts#L13')
    expect(rows[1]).toContain('`PORT001` warning')
    expect(rows[1]).toContain('test/server.test.ts#L20')
    // The long message and the fix are collapsed, their identifiers rendered as code spans.
    const details = body.slice(body.indexOf('<details>'), body.indexOf('</details>'))
    expect(details).toContain('**Fix:**')
    const code = nodesOf(gfmTree(body), 'inlineCode').map((n) => n.value)
    expect(code).toEqual(expect.arrayContaining(['getPort', 'server.address().port']))
    expect(code).toContain('server.listen(0, () => { const { port } = server.address() })')
    expect(text).not.toContain('`')
  })

  it('a missing platform plus a divergence: both warn, each with its next step', () => {
    const body = comment(firstContactSamples()['missing-platform-and-divergence']!)
    const text = textOf(gfmTree(body))
    expect(text).toMatch(/^✅ Passed with 2 warnings: 1 expected platform missing, and 1 more/)
    expect(text).toMatch(
      /windows-x64-synthetic was not measured: leg probe \(windows-latest\) was cancelled→ GitHub cancelled the job .*re-run it/,
    )
    expect(text).toMatch(
      /linux-x64-synthetic differs from the documented behaviour: .*→ nothing to fix/,
    )
    // The 2008 case is the platforms' headline fact, after the verdict and the steps.
    expect(body.indexOf('#### What to do')).toBeLessThan(body.indexOf('The 2008 case'))
  })

  it('names the policy file and line of an unmet requirement', () => {
    const policy = loadConfig(
      'platforms: [linux-x64-synthetic]\nrequire:\n  tcp4-reuseaddr-both-dup-wildcard-nolisten:\n    linux: EADDRINUSE\n',
      '.github/bind-probe.yml',
    )
    const input = threeOs()
    const body = comment({ ...input, policy }, policy)
    const text = textOf(gfmTree(body))
    expect(text).toMatch(/^❌ Failed: 1 required outcome not met/)
    expect(text).toContain('(.github/bind-probe.yml line 4)')
  })

  it('keeps the internal terms inside <details>', () => {
    // A run with a refuted inference, a step-qualified outcome, a Windows-only option on Linux
    // and a probe error: every term has a chance to leak.
    const bodies = [
      ...Object.values(samples()).map((input) => comment(input)),
      comment(threeOs()),
      comment({ ...eventful(), findings: FLAKY_PORT_USES }, { mode: 'warn' }),
    ]
    const leaks = bodies.flatMap((body) =>
      INTERNAL_TERMS.filter(({ pattern }) => pattern.test(outsideDetails(visible(body)))).map(
        ({ term }) => term,
      ),
    )
    expect(leaks).toEqual([])
    // The terms are there to find: the matrix keeps them.
    expect(bodies.some((body) => /unsupported/.test(body))).toBe(true)
  })

  it('highlights the matrix rows where the platforms differ, and only those', () => {
    const body = comment(eventful())
    const rows = body.split('\n').filter((l) => /^\| .*<br>`/.test(l))
    const marked = rows.filter((l) => l.startsWith('| ◆ **'))
    expect(marked.length).toBeGreaterThan(0)
    expect(marked.length).toBeLessThan(rows.length)
    for (const row of marked) {
      const cells = row
        .split(' | ')
        .slice(1)
        .map((c) => c.replace(/❌|⚠️|🎲|\|/gu, '').trim())
      expect(new Set(cells).size, row).toBeGreaterThan(1)
    }
  })

  it('renders code in a hostile message as code that cannot break out, and the rest inert', () => {
    const hostile = {
      ...FLAKY_PORT_USES[0]!,
      message:
        'Use `a``b` then ``` <img src=x onerror=alert(1)> `` [x](javascript:alert(1)) @org/team #12 `<!-- bind-probe:comment key=default -->` and `|`',
      advice: 'Fix `x` <b>now</b>',
    }
    const body = comment({
      ...firstContactSamples()['all-well']!,
      findings: [hostile],
      context: {},
    })
    const tree = gfmTree(body)
    expect(nodesOf(tree, 'link')).toEqual([])
    expect(nodesOf(tree, 'image')).toEqual([])
    const html = nodesOf(tree, 'html').map((n) => n.value ?? '')
    expect(html.filter((h) => /<img|<b>|javascript/i.test(h))).toEqual([])
    expect(body.match(/<!-- bind-probe:comment key=default -->/g)).toHaveLength(1)
    const code = nodesOf(tree, 'inlineCode').map((n) => n.value)
    expect(code).toContain('x')
  })
})
