// Reading tree-sitter nodes: names, operands, imports and the text of a node, for the walk in
// extract.ts. Generic over grammars; what differs between them is in syntax.ts.
import type { Language, Node } from 'web-tree-sitter'
import type { Import } from './facts.ts'
import { cap, identifiersIn, MAX_TEXT, unquote } from './literals.ts'
import type { Syntax } from './syntax.ts'

/** Parents that give an anonymous function its name: `const f = () => …`, `f = lambda: …`. */
const NAMING_PARENTS = new Set([
  'variable_declarator',
  'assignment_expression',
  'assignment',
  'pair',
  'public_field_definition',
  'property_declaration',
  'let_declaration',
])

const TYPE_IDS = new WeakMap<
  Language,
  Map<string, { interesting: Set<number>; identifiers: Set<number> }>
>()

/** The ids of the named node types with these names (a name can have several ids: aliases). */
export function typeIds(
  language: Language,
  interesting: ReadonlySet<string>,
  identifiers: ReadonlySet<string>,
): { interesting: Set<number>; identifiers: Set<number> } {
  let byKey = TYPE_IDS.get(language)
  if (!byKey) TYPE_IDS.set(language, (byKey = new Map()))
  const key = `${[...interesting].join()}|${[...identifiers].join()}`
  let ids = byKey.get(key)
  if (!ids) {
    ids = { interesting: new Set(), identifiers: new Set() }
    for (let id = 0; id < language.nodeTypeCount; id++) {
      if (!language.nodeTypeIsNamed(id)) continue
      const name = language.nodeTypeForId(id)
      if (name === null) continue
      if (interesting.has(name)) ids.interesting.add(id)
      else if (identifiers.has(name)) ids.identifiers.add(id)
    }
    byKey.set(key, ids)
  }
  return ids
}

export function readImport(node: Node, type: string): Import {
  const source = node.childForFieldName('source')
  if (type === 'import_statement' && source) {
    const clause = node.namedChildren.find((c) => c.type === 'import_clause')
    return { module: unquote(source.text), names: clause ? identifiersIn(clause.text) : [] }
  }
  if (type === 'import_statement') {
    // Python `import a.b as c`.
    const names = identifiersIn(node.text.replace(/^import\s+/, ''))
    return { module: names[0] ?? '', names }
  }
  if (type === 'import_from_statement') {
    return {
      module: node.childForFieldName('module_name')?.text ?? '',
      names: identifiersIn(node.text.slice(node.text.indexOf(' import ') + 8)),
    }
  }
  if (type === 'import_spec') {
    const module = unquote(node.childForFieldName('path')?.text ?? '')
    const name = node.childForFieldName('name')?.text
    return { module, names: [name ?? module.slice(module.lastIndexOf('/') + 1)] }
  }
  const module = node.text
    .replace(/^\s*(?:import|use|using|static)\s+/, '')
    .replace(/;\s*$/, '')
    .trim()
  return { module, names: identifiersIn(module).slice(-1) }
}

export function pick(node: Node, how: string): Node | null {
  // Kotlin's `private const val PORT = 8080`: the modifiers come before the declared name.
  if (how === '#first') return node.namedChildren.find((c) => c.type !== 'modifiers') ?? null
  if (how === '#last') return node.namedChild(node.namedChildCount - 1)
  return node.childForFieldName(how)
}

/** The operand of a wrapper node (parentheses, await, cast, `&x`, `x?`). */
export function innerOf(node: Node): Node | null {
  switch (node.type) {
    case 'cast_expression':
      return node.childForFieldName('value') ?? node.namedChild(node.namedChildCount - 1)
    case 'unary_expression':
      // Go: only `&T{…}` is transparent; `-1` and `!x` are not values we read.
      return node.child(0)?.type === '&' ? node.childForFieldName('operand') : null
    case 'type_assertion_expression':
      return node.childForFieldName('operand')
    case 'reference_expression':
      return node.childForFieldName('value')
    case 'pointer_expression':
      return node.childForFieldName('argument')
    case 'type_assertion':
      return node.namedChild(node.namedChildCount - 1)
    default:
      return node.namedChild(0)
  }
}

export function functionName(node: Node): string {
  const own = node.childForFieldName('name')
  if (own) return own.text
  const declarator = node.childForFieldName('declarator')
  if (declarator) {
    const inner = declarator.childForFieldName('declarator')
    return (inner ?? declarator).text.replace(/\(.*$/s, '')
  }
  const parent = node.parent
  if (!parent || !NAMING_PARENTS.has(parent.type)) return ''
  const holder =
    parent.childForFieldName('name') ??
    parent.childForFieldName('left') ??
    parent.childForFieldName('key')
  return holder && holder.id !== node.id ? holder.text : ''
}

export function returnType(node: Node): string {
  for (const name of ['return_type', 'result', 'type', 'returns']) {
    const t = node.childForFieldName(name)
    if (t) return cap(t.text, 100)
  }
  return ''
}

/** The type of the literal, or the callee of the call, that an entry belongs to. */
export function ownerOf(node: Node, syntax: Syntax): string {
  let current: Node | null = node.parent
  for (let i = 0; current && i < 4; i++, current = current.parent) {
    const object = syntax.objects[current.type]
    if (object) {
      const type = object(current).type
      if (type && type !== 'object' && type !== 'dict' && type !== 'initializer') return type
      continue
    }
    const shape = syntax.calls[current.type]
    if (shape) {
      const callee = shape.callee(current)
      if (current.type === 'method_invocation') {
        const object = current.childForFieldName('object')
        return cap(
          `${object ? `${object.text}.` : ''}${callee?.text ?? ''}`.replace(/\s+/g, ''),
          MAX_TEXT,
          true,
        )
      }
      return cap((callee?.text ?? '').slice(-4 * MAX_TEXT).replace(/\s+/g, ''), MAX_TEXT, true)
    }
  }
  return ''
}

/** The name a C declarator declares: `port`, `*name`, `&out`, `buf[16]`. */
export function declaredName(declarator: Node | null): Node | null {
  let d = declarator
  while (d && d.type !== 'identifier') d = d.childForFieldName('declarator')
  return d
}

/**
 * A node's text with whitespace collapsed, at most MAX_TEXT characters. Slices first: a callback
 * argument's text is its whole body, and collapsing that for every enclosing call is quadratic.
 */
export function short(node: Node): string {
  return cap(node.text.slice(0, 4 * MAX_TEXT).replace(/\s+/g, ' '), MAX_TEXT)
}

/** Whether code precedes the comment on its line: then it is a note on that line only. */
export function followsCode(comment: Node): boolean {
  let node = comment
  while (!node.previousSibling && node.parent) node = node.parent
  const before = node.previousSibling
  return before !== null && before.endPosition.row === comment.startPosition.row
}

/** C's `const char *HOST = …` declares HOST: the pointer (or reference) is the type's business. */
export function declared(node: Node): Node {
  // Kotlin's `val port: Int = 8080`: the name without its type.
  if (node.type === 'variable_declaration') return node.namedChild(0) ?? node
  let n = node
  while (n.type === 'pointer_declarator' || n.type === 'reference_declarator') {
    const inner = n.childForFieldName('declarator') ?? n.namedChildren[n.namedChildren.length - 1]
    if (!inner) break
    n = inner
  }
  return n
}
