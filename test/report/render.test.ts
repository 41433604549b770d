import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import type { PlatformResult, Scenario } from '../../src/probe/model.ts'
import { buildReport } from '../../src/report/build.ts'
import { evaluatePolicy } from '../../src/report/gate.ts'
import { hasCommentMarker, readDigest } from '../../src/report/marker.ts'
import {
  COMMENT_LIMIT,
  byteLength,
  renderComment,
  renderSummary,
} from '../../src/report/render/render.ts'
import { TemplateError } from '../../src/report/render/template.ts'
import { gfmTree, nodesOf, textOf } from './gfm.ts'
import { SAMPLE_FINDINGS, eventful, policy, singleOs, threeOs } from './samples.ts'

const custom = (source: string, name = '.github/bind-probe/comment.md.hbs') => ({ name, source })

describe('default comment', () => {
  it('states the 2008 case as the platforms’ headline fact, and collapses the matrix when there is something to see', () => {
    const clean = renderComment(buildReport(threeOs()))
    const text = textOf(gfmTree(clean))
    expect(text).toMatch(
      /The 2008 case, two SO_REUSEADDR sockets binding one port on 0\.0\.0\.0: EADDRINUSE on macos-arm64-synthetic · ok on linux-x64-synthetic, windows-x64-synthetic\./,
    )
    expect(text).toContain('All 56 scenarios behave as documented')
    // All well: the matrix is in the job summary, not in the comment.
    expect(clean).not.toContain('<details>')
    const body = renderComment(buildReport({ ...threeOs(), findings: SAMPLE_FINDINGS }))
    expect(body).toMatch(/<details><summary>Every scenario: 56 × 3 platforms<\/summary>/)
    expect(body.indexOf('<details><summary>Every')).toBeGreaterThan(body.indexOf('The 2008 case'))
    const table = nodesOf(gfmTree(body), 'table').at(-1)!
    const sections = new Set(CATALOGUE.map((scenario) => scenario.section)).size
    expect(table.children).toHaveLength(1 + 56 + sections) // header, rows, a row per section
  })

  it('says what was not measured on a single OS, with the documented outcome', () => {
    const text = textOf(gfmTree(renderComment(buildReport(singleOs()))))
    expect(text).toContain('ok on linux-x64.')
    expect(text).toContain(
      'Not measured here: macOS (documented: EADDRINUSE), Windows (documented: ok).',
    )
    expect(text).toContain('1 platform measured')
  })

  it('shows every section of an eventful run, short, with links to the lines at the head commit', () => {
    const input = eventful()
    const report = buildReport(input)
    const body = renderComment(report, { verdict: evaluatePolicy(report, input.policy as never) })
    const text = textOf(gfmTree(body))
    for (const heading of [
      'What to do',
      'Required outcome not met',
      'differs from the documented behaviour',
      'Changed since 9e8d7c6',
      'The probe failed on macos-arm64-synthetic',
      'A result varied on macos-arm64-synthetic',
      'Flaky port use added by this pull request',
    ]) {
      expect(text).toContain(heading)
    }
    expect(text).toContain(
      'windows-x64-synthetic was not measured: leg probe (windows-latest) was cancelled',
    )
    expect(text).toMatch(/^❌ Failed: 1 required outcome not met, and 1 more/)
    const links = nodesOf(gfmTree(body), 'link').map((l) => l.url)
    expect(links).toContain(
      'https://github.com/octo-org/octo-service/blob/3f2c1e9a7b5d4c3b2a1908f7e6d5c4b3a2918070/test/helpers/free%20port%20%28old%29.py#L7',
    )
    expect(byteLength(body)).toBeLessThan(20_000)
  })
})

describe('finding links', () => {
  it('link to the line at the head commit, and not at all for a path that leaves the repository', () => {
    const findings = [
      { ...SAMPLE_FINDINGS[0]!, path: 'src/a b/#x.ts', line: 3 },
      { ...SAMPLE_FINDINGS[0]!, path: '../outside.ts', line: 4, fingerprint: 'other' },
    ]
    const report = buildReport({ ...threeOs(), findings })
    const tree = gfmTree(renderComment(report))
    const links = nodesOf(tree, 'link').map((l) => l.url)
    expect(links).toContain(
      'https://github.com/octo-org/octo-service/blob/3f2c1e9a7b5d4c3b2a1908f7e6d5c4b3a2918070/src/a%20b/%23x.ts#L3',
    )
    expect(links.filter((l) => l!.includes('outside'))).toEqual([])
    expect(textOf(tree)).toMatch(/\.\.\/outside\.ts:4\s*PORT001 error/)
  })

  it('are plain text without a repository or a commit to link to', () => {
    const report = buildReport({ ...threeOs(), findings: SAMPLE_FINDINGS, context: {} })
    const tree = gfmTree(renderComment(report))
    expect(nodesOf(tree, 'link')).toEqual([])
    expect(textOf(tree)).toMatch(/test\/server\.test\.ts:14\s*PORT001 error/)
  })
})

describe('default job summary', () => {
  it('has the platform details, the expectations beside the matrix, and finding advice', () => {
    const input = eventful()
    const body = renderSummary(buildReport(input))
    const text = textOf(gfmTree(body))
    expect(text).toContain('Platforms')
    expect(text).toContain('synthetic-from-documented-expectations')
    expect(text).toContain('Pass the bound socket to the server')
    expect(body).not.toContain('<details>')
    expect(body).not.toContain('bind-probe:comment')
  })
})

describe('required outcomes nobody measured', () => {
  it('are listed in the comment, counted in the status line, and keep the ✅ line away', () => {
    const required = policy({
      platforms: [],
      require: [
        { scenario: 'tcp4-dup-loopback-default', target: 'windows', outcomes: ['EADDRINUSE'] },
      ],
    })
    const report = buildReport({ ...singleOs(), policy: required })
    const verdict = evaluatePolicy(report, required as never)
    expect(verdict.conclusion).toBe('failure')
    const text = textOf(gfmTree(renderComment(report, { verdict })))
    expect(text).toContain('1 required outcome not measured')
    expect(text).toContain('Required outcome not measured')
    expect(text).toContain('tcp4-dup-loopback-default on windows: windows was not measured')
    expect(text).not.toContain('behave as documented')
  })
})

describe('the headline', () => {
  it('marks a platform whose 2008 case was flaky, with the share of its commonest outcome', () => {
    const input = singleOs()
    const result = input.artifacts[0]!.content as PlatformResult
    const cell = result.scenarios.find((r) => r.id === 'tcp4-reuseaddr-both-dup-wildcard-nolisten')!
    Object.assign(cell, {
      runs: 5,
      flaky: true,
      counts: [
        { outcome: 'ok', step: cell.step, count: 3 },
        { outcome: 'EADDRINUSE', step: cell.step, count: 2 },
      ],
    })
    const text = textOf(gfmTree(renderComment(buildReport(input))))
    expect(text).toContain('0.0.0.0: ok on linux-x64 (3/5 🎲).')
  })
})

describe('refutations', () => {
  it('call a contradicted measurement of this project by its name, not an inferred expectation', () => {
    const input = singleOs()
    const result = input.artifacts[0]!.content as PlatformResult
    const cell = result.scenarios.find((r) => r.id === 'tcp4-reuseaddr-both-dup-second-listen')!
    Object.assign(cell, {
      outcome: 'ok',
      step: 'B listen',
      counts: [{ outcome: 'ok', step: 'B listen', count: 1 }],
    })
    const report = buildReport(input)
    expect(report.refutations.map((r) => r.confidence)).toEqual(['measured'])
    expect(textOf(gfmTree(renderComment(report)))).toContain(
      "1 result differs from this project's earlier measurement",
    )
    expect(textOf(gfmTree(renderSummary(report)))).toContain('EADDRINUSE (measured)')
  })
})

describe('flaky results', () => {
  it('name the step of an outcome counted at another step than the recorded one', () => {
    const input = singleOs()
    const result = input.artifacts[0]!.content as PlatformResult
    const scenario = result.scenarios.find((r) => r.id === 'tcp4-dup-loopback-default')!
    Object.assign(scenario, {
      runs: 5,
      flaky: true,
      counts: [
        { outcome: 'EADDRINUSE', step: 'B bind lo4:P', count: 3 },
        { outcome: 'EADDRINUSE', step: 'A bind lo4:0', count: 2 },
      ],
    })
    const text = textOf(gfmTree(renderSummary(buildReport(input))))
    expect(text).toContain(
      'tcp4-dup-loopback-default on linux-x64: EADDRINUSE 3/5, EADDRINUSE at A bind lo4:0 2/5',
    )
  })
})

describe('ephemeral-port measurements', () => {
  // A draw sequence where the kernel hands back the port just closed an eighth of the time.
  const input = () => {
    const base = singleOs()
    const result = base.artifacts[0]!.content as PlatformResult
    const scenario = result.scenarios.find((r) => r.id === 'tcp4-ephemeral-repeat-distribution')!
    scenario.metrics = {
      ...scenario.metrics!,
      samples: 200,
      distinct: 151,
      min: 40000,
      max: 40999,
      sameAsPrevious: 0.125,
      nextAfterPrevious: 0.5,
      oddShare: 0.48,
      inRange: 1,
    }
    return base
  }

  /** Each table row of a rendered body as the texts of its cells. */
  const rows = (markdown: string) =>
    nodesOf(gfmTree(markdown), 'tableRow').map((row) => row.children!.map((cell) => textOf(cell)))

  it('are figures in the job summary, a row per platform and scenario', () => {
    const summary = rows(renderSummary(buildReport(input())))
    expect(summary).toContainEqual([
      'linux-x64',
      'tcp4-ephemeral-repeat-distribution',
      '200',
      '40000–40999',
      '151',
      '12.5%',
      '50%',
      '48%',
      '100%',
    ])
  })

  it('show the two figures that matter in the comment matrix, not a bare word', () => {
    // Not all well (a finding), so the comment has its matrix.
    const comment = rows(renderComment(buildReport({ ...input(), findings: SAMPLE_FINDINGS })))
    const row = comment.find((cells) => cells[0]!.includes('tcp4-ephemeral-repeat-distribution'))
    expect(row?.slice(1)).toEqual(['same 12.5% · next 50%'])
  })
})

describe('custom templates', () => {
  it('renders the same view, escaping every value it prints', () => {
    const report = buildReport({ ...threeOs(), context: { headRef: '[x](javascript:alert(1))' } })
    const body = renderComment(report, {
      template: custom(
        'Branch {{context.headRef}}: {{plural measured.count "platform"}} · {{#each platforms}}{{code id}} {{/each}}',
      ),
    })
    expect(body.split('\n')[0]).toBe(
      'Branch \\[x\\]\\(javascript\\:alert\\(1\\)\\): 3 platforms · `linux-x64-synthetic` `macos-arm64-synthetic` `windows-x64-synthetic`',
    )
    expect(hasCommentMarker(body, 'default')).toBe(true)
  })

  it.each([
    ['{{{context.headRef}}}', 2, 1],
    ['{{& context.headRef}}', 2, 1],
  ])('refuses raw output %s, naming the line', (tag, line, column) => {
    const source = `ok\n${tag}\n`
    expect(() => renderComment(buildReport(threeOs()), { template: custom(source) })).toThrow(
      new RegExp(`^\\.github/bind-probe/comment\\.md\\.hbs:${line}:${column}: raw output`),
    )
  })

  it('refuses partials, which could pull in text from elsewhere', () => {
    expect(() =>
      renderComment(buildReport(threeOs()), { template: custom('a\n  {{> other}}') }),
    ).toThrow(
      /^\.github\/bind-probe\/comment\.md\.hbs:2:3: partials and decorators are not supported/,
    )
  })

  it('names the template, line and column of a syntax error', () => {
    const error = catchError(() =>
      renderComment(buildReport(threeOs()), { template: custom('a\nb\n{{#if x}}\nno end\n') }),
    )
    expect(error).toBeInstanceOf(TemplateError)
    expect(error.message).toMatch(/^\.github\/bind-probe\/comment\.md\.hbs:5: syntax error/)
    expect((error as TemplateError).line).toBe(5)
  })

  it('names the line of a field that does not exist, instead of printing nothing', () => {
    const error = catchError(() =>
      renderComment(buildReport(threeOs()), { template: custom('line 1\n\n  {{headline.nope}}') }),
    )
    expect(error.message).toBe(
      '.github/bind-probe/comment.md.hbs:3:3: {{headline.nope}} is not defined (docs/report.md lists what a template can use)',
    )
  })

  it('names the line of an unknown helper', () => {
    const error = catchError(() =>
      renderSummary(buildReport(threeOs()), {
        template: custom('\n{{shout title}}', 'summary.hbs'),
      }),
    )
    expect(error.message).toMatch(
      /^summary\.hbs:2:1: You specified knownHelpersOnly, but used the unknown helper shout$/,
    )
  })

  it('names the line of a helper used wrongly', () => {
    const error = catchError(() =>
      renderSummary(buildReport(threeOs()), {
        template: custom('a\nb\n{{join headline.title}}', 'summary.hbs'),
      }),
    )
    expect(error.message).toBe('summary.hbs:3:1: join needs a list')
  })

  it.each(['{{#with platforms}}{{constructor}}{{/with}}', '{{lookup context "__proto__"}}'])(
    'cannot reach prototypes: %s',
    (source) => {
      expect(() => renderSummary(buildReport(threeOs()), { template: custom(source) })).toThrow(
        /is not defined/,
      )
    },
  )
})

describe('size limits', () => {
  /** Thousands of custom scenarios with long titles on three platforms, and thousands of findings. */
  function hugeReport() {
    const input = threeOs()
    const scenarios: Scenario[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `huge-${i}`,
      section: `Section ${Math.floor(i / 100)}`,
      title: `A long custom scenario title number ${i} `.repeat(5),
      steps: ['A = socket tcp4', '=> A bind lo4:0'],
      expect: {
        linux: { outcome: 'EACCES', confidence: 'documented', sources: [] },
        macos: { confidence: 'unknown', sources: [] },
        windows: { confidence: 'unknown', sources: [] },
      },
    }))
    for (const artifact of input.artifacts) {
      const result = artifact.content as PlatformResult
      const template = result.scenarios[0]!
      for (const s of scenarios)
        result.scenarios.push({ ...template, id: s.id, outcome: 'ok', step: 'A bind lo4:0' })
    }
    const findings = Array.from({ length: 5000 }, (_, i) => ({
      ...SAMPLE_FINDINGS[i % 3]!,
      path: `test/generated/file-${i % 700}.test.ts`,
      line: i + 1,
      fingerprint: `fp-${i}`,
    }))
    return buildReport({ ...input, policy: policy({ scenarios }), findings })
  }

  it('trims a huge comment below 65,536, keeping the headline, a pointer and our marker', () => {
    const report = hugeReport()
    expect(report.divergences.length).toBe(3000)
    const body = renderComment(report)
    expect(byteLength(body)).toBeLessThanOrEqual(COMMENT_LIMIT)
    const text = textOf(gfmTree(body))
    expect(text).toContain('The 2008 case')
    expect(text).toContain(
      "Shortened to fit GitHub's limit for a comment. The job summary has the full report.",
    )
    expect(text).toContain('…and 2990 more: in the job summary')
    expect(hasCommentMarker(body, 'default')).toBe(true)
    expect(readDigest(body)).toHaveProperty('digest')
  })

  it('keeps only the notable matrix rows first, then drops the matrix, then shortens the lists', () => {
    const report = buildReport(eventful())
    const full = renderComment(report)
    expect(full).toContain('Every scenario: 56 × 2 platforms')
    const notable = renderComment(report, { limit: byteLength(full) - 1 })
    expect(notable).toContain('The 3 scenarios with something to see, of 56')
    expect(notable).toContain('Shortened to fit')
    const none = renderComment(report, { limit: byteLength(notable) - 1 })
    expect(none).not.toContain('<details><summary>The')
    expect(none).toContain('#### Flaky port use added by this pull request')
    expect(textOf(gfmTree(none))).toContain('PORT002')
    const shorter = renderComment(report, { limit: byteLength(none) - 1 })
    expect(textOf(gfmTree(shorter))).not.toContain('PORT002')
    expect(textOf(gfmTree(shorter))).toMatch(/…and \d more in the job summary\./)
  })

  it('trims a summary to any limit given, such as a check run’s 65,535', () => {
    const report = hugeReport()
    for (const limit of [65_535, 20_000]) {
      const body = renderSummary(report, { limit })
      expect(byteLength(body)).toBeLessThanOrEqual(limit)
      expect(textOf(gfmTree(body))).toContain('Shortened to fit')
    }
  })

  it('cuts a template whose own text is too long at a line, closing what it opened', () => {
    const source = `<details><summary>big</summary>\n\n${'a line of static text\n'.repeat(5000)}</details>\n`
    const body = renderComment(buildReport(threeOs()), { template: custom(source) })
    expect(byteLength(body)).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toMatch(/a line of static text\n<\/details>\n\n… cut here to fit the size limit/)
    expect(hasCommentMarker(body, 'default')).toBe(true)
  })

  it('shortens long lists of unreadable results and notes instead of cutting the verdict off', () => {
    const input = threeOs()
    const broken = Array.from({ length: 256 }, (_, i) => ({
      name: `bind-probe-result-linux-x64-v2-${i}-${'x'.repeat(200)}`,
      content: { schemaVersion: 2 },
    }))
    const report = buildReport({ ...input, artifacts: [...input.artifacts, ...broken] })
    const body = renderComment(report, { verdict: evaluatePolicy(report, input.policy as never) })
    expect(byteLength(body)).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).not.toContain('cut here')
    const text = textOf(gfmTree(body))
    expect(text).toContain('256 unreadable results')
    expect(text).toMatch(/and 24\d more: in the job summary/)
    expect(text).toMatch(/^✅ Passed with 1 warning: 256 artifacts could not be read/)
  })

  it('closes a <details open> and a tilde fence it cut through', () => {
    const source = `<details open><summary>big</summary>\n\n~~~~text\n${'a line of static text\n'.repeat(5000)}~~~~\n</details>\n`
    const body = renderComment(buildReport(threeOs()), { template: custom(source) })
    expect(byteLength(body)).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toMatch(
      /a line of static text\n~~~~\n<\/details>\n\n… cut here to fit the size limit/,
    )
  })
})

function catchError(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}
