// `{{html value}}` is for raw-HTML contexts such as `<summary>`, but a custom template may use it
// anywhere; a value it prints must stay text there too, checked with a real GFM parser.
import { describe, expect, it } from 'vitest'
import { compileTemplate } from '../../src/report/render/template.ts'
import { gfmHtmlOf, gfmTree, nodesOf, textOf } from '../report/gfm.ts'

const HOSTILE =
  '[click](https://evil.example/) ![pixel](https://evil.example/p.png) **bold** _it_ ' +
  '<https://evil.example/a> https://evil.example/b www.evil.example ~~gone~~ `code`'

const render = (source: string, value: string) =>
  compileTemplate({ name: 'custom.md.hbs', source })({ value })

describe('the html template helper', () => {
  it('prints a value as text in Markdown prose, not as a link, image or emphasis', () => {
    const out = render('Title: {{html value}}\n', HOSTILE)
    const tree = gfmTree(out)
    for (const type of ['link', 'image', 'strong', 'emphasis', 'delete', 'inlineCode', 'html']) {
      expect(nodesOf(tree, type), `${type} in ${out}`).toEqual([])
    }
    expect(textOf(tree).replaceAll('\u200b', '')).toBe(`Title: ${HOSTILE}`)
  })

  it('prints a value as text at the start of a line, not as a heading or a list', () => {
    for (const value of ['# heading', '- item', '1. item', '> quote']) {
      const tree = gfmTree(render('{{html value}}\n', value))
      expect(nodesOf(tree, 'paragraph'), value).toHaveLength(1)
      expect(textOf(tree), value).toBe(value)
    }
  })

  it('still prints a value as text inside raw HTML', () => {
    const html = gfmHtmlOf(
      render('<details><summary>{{html value}}</summary>\n\nx\n</details>\n', HOSTILE),
    )
    expect(html).not.toMatch(/<a |<img|<strong|<em>|<del>|<code>/)
    expect(html).toContain('<summary>')
  })
})
