// A real CommonMark + GFM parser (micromark, the reference implementation's JavaScript twin) for
// the tests: what a body becomes is checked on the parsed tree, not by string matching.
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

export interface MdNode {
  type: string
  value?: string
  url?: string
  children?: MdNode[]
}

export function gfmTree(markdown: string): MdNode {
  return fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  }) as MdNode
}

/** HTML as GitHub's renderer makes it before its sanitiser runs (raw HTML passes through). */
export function gfmHtmlOf(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  })
}

export function walk(
  node: MdNode,
  visit: (node: MdNode, parents: MdNode[]) => void,
  parents: MdNode[] = [],
): void {
  visit(node, parents)
  for (const child of node.children ?? []) walk(child, visit, [...parents, node])
}

export function nodesOf(tree: MdNode, type: string): MdNode[] {
  const out: MdNode[] = []
  walk(tree, (n) => {
    if (n.type === type) out.push(n)
  })
  return out
}

/** The visible text: text and code values in order. */
export function textOf(tree: MdNode): string {
  let out = ''
  walk(tree, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value ?? ''
  })
  return out
}
