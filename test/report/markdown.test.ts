import { describe, expect, it } from 'vitest'
import {
  codeSpan,
  encodePath,
  escapeHtml,
  escapeMarkdown,
  markdownLink,
  plainLine,
  safeUrl,
} from '../../src/report/render/markdown.ts'
import { gfmTree, textOf } from './gfm.ts'

const ZWSP = '\u200b'

describe('escapeMarkdown', () => {
  it('prints Markdown syntax as the literal text', () => {
    for (const input of [
      '**b** _e_ ~~s~~',
      '[x](javascript:alert(1))',
      '<b>hi</b>',
      '# h',
      '- item',
    ]) {
      const tree = gfmTree(escapeMarkdown(input))
      expect(textOf(tree)).toBe(input)
      expect(JSON.stringify(tree)).not.toMatch(
        /"type":"(link|image|html|strong|emphasis|delete|heading|list)"/,
      )
    }
  })

  it('breaks mentions, issue references and e-mail autolinks with a zero-width space', () => {
    expect(escapeMarkdown('@org/team')).toBe(`\\@${ZWSP}org/team`)
    expect(escapeMarkdown('#12 and GH-7')).toBe(`\\#${ZWSP}12 and GH\\-${ZWSP}7`)
    expect(escapeMarkdown('a@b.example')).toContain(`@${ZWSP}b`)
  })

  it('collapses line breaks and strips bidi and zero-width characters', () => {
    expect(plainLine('a\nb\r\n\tc\u2028d')).toBe('a b c d')
    expect(plainLine('abc\u202Edef\u200Bghi')).toBe('abcdefghi')
  })

  it('caps the length with an ellipsis', () => {
    const out = plainLine('x'.repeat(10_000), 300)
    expect(Array.from(out)).toHaveLength(300)
    expect(out.endsWith('…')).toBe(true)
  })
})

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run in the value', () => {
    for (const input of ['a`b', 'a``b', '`', '``x``', ' lead', 'trail ']) {
      const tree = gfmTree(codeSpan(input))
      const code = JSON.stringify(tree).match(/"type":"inlineCode","value":"((?:[^"\\]|\\.)*)"/)
      expect(code, input).not.toBeNull()
      expect(JSON.parse(`"${code![1]}"`)).toBe(input.trim() === input ? input : input.trim())
    }
  })

  it('escapes pipes only for table cells, where GFM needs it', () => {
    expect(codeSpan('a|b')).toBe('`a|b`')
    expect(codeSpan('a|b', { table: true })).toBe('`a\\|b`')
  })

  it('breaks HTML comment delimiters so our own marker cannot appear verbatim', () => {
    const out = codeSpan('<!-- bind-probe:comment key=default -->')
    expect(out).not.toContain('<!--')
    expect(out).not.toContain('-->')
  })
})

describe('links and URLs', () => {
  it('keeps only http(s) URLs and encodes what would end a link destination', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('data:text/html,x')).toBeUndefined()
    expect(safeUrl('https://user:pw@example.com/')).toBeUndefined()
    expect(safeUrl('https://example.com/a b(c)<d>')).toBe('https://example.com/a%20b%28c%29%3Cd%3E')
  })

  it('renders a link with inert text, or only the text for an unsafe URL', () => {
    expect(markdownLink('a]b', 'https://example.com')).toBe('[a\\]b](https://example.com/)')
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x')
  })

  it('encodes each path segment and drops dot segments', () => {
    expect(encodePath('test/free port (old).py')).toBe('test/free%20port%20(old).py')
    expect(encodePath('../../etc/passwd')).toBe('etc/passwd')
    expect(encodePath('a/#?/b')).toBe('a/%23%3F/b')
  })
})

describe('escapeHtml', () => {
  it('escapes for raw HTML contexts, with character references that Markdown leaves as text', () => {
    expect(escapeHtml('<img src=x onerror="a">&')).toBe(
      '&#60;img src&#61;x onerror&#61;&#34;a&#34;&#62;&#38;',
    )
  })
})
