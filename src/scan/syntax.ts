// Per-language knowledge of tree-sitter node types: which nodes are calls, functions, literals,
// assignments and so on. The extractor (extract.ts) is generic; everything that differs between
// grammars is written down here, as data where it can be.
import type { Node } from 'web-tree-sitter'
import type { LanguageId } from './languages.ts'

export interface CallShape {
  callee(node: Node): Node | null
  args(node: Node): Node[]
  isNew?: boolean
  /** For node types that are calls only in some forms. */
  when?(node: Node): boolean
}

export interface Syntax {
  calls: Record<string, CallShape>
  /** Nodes that open a scope: functions, methods, lambdas (and Rust modules, for #[cfg(test)]). */
  functions: ReadonlySet<string>
  strings: ReadonlySet<string>
  ints: ReadonlySet<string>
  /** Node types whose value is their text `true`/`false` (any casing). */
  bools: ReadonlySet<string>
  comments: ReadonlySet<string>
  /** Member access and plain names: their text is a dotted path. */
  names: ReadonlySet<string>
  /** Assignment-like nodes and the fields (or positions) of their two sides. */
  assignments: Record<string, { left: string; right: string; declaration: boolean }>
  /** Object or struct literals, and how to read their entries. */
  objects: Record<string, (node: Node) => { type: string; body: Node | null }>
  entries: Record<string, { key: string; value: string }>
  tuples: ReadonlySet<string>
  /** Wrappers whose value is that of their main child: parentheses, await, casts, `&x`, `x?`. */
  transparent: ReadonlySet<string>
  returns: ReadonlySet<string>
  loops: ReadonlySet<string>
  /** Blocks that close what their header opened: with, using, try-with-resources. */
  resources: Record<string, string | null>
  awaits: ReadonlySet<string>
  goStatements: ReadonlySet<string>
  defers: ReadonlySet<string>
  ifs: ReadonlySet<string>
  /** Assertion statements (Python's and Java's `assert`): what they hold is only checked. */
  asserts?: ReadonlySet<string>
  identifiers: ReadonlySet<string>
  /** Reads one child of an argument list: unwraps keyword/named arguments. */
  argument(node: Node): { name?: string; value: Node } | null
}

const set = (...items: string[]): ReadonlySet<string> => new Set(items)

function field(name: string): (node: Node) => Node | null {
  return (node) => node.childForFieldName(name)
}

function argsOf(fieldName: string): (node: Node) => Node[] {
  return (node) => node.childForFieldName(fieldName)?.namedChildren ?? []
}

const plainArgument = (node: Node) => ({ value: node })

const python: Syntax = {
  calls: { call: { callee: field('function'), args: argsOf('arguments') } },
  functions: set('function_definition', 'lambda'),
  strings: set('string', 'concatenated_string'),
  ints: set('integer'),
  bools: set('true', 'false'),
  comments: set('comment'),
  names: set('identifier', 'attribute'),
  assignments: { assignment: { left: 'left', right: 'right', declaration: false } },
  objects: { dictionary: (n) => ({ type: 'dict', body: n }) },
  entries: { pair: { key: 'key', value: 'value' } },
  tuples: set('tuple', 'list', 'expression_list', 'pattern_list'),
  transparent: set('parenthesized_expression', 'await'),
  returns: set('return_statement', 'yield'),
  loops: set('for_statement', 'while_statement'),
  resources: { with_statement: 'with_clause' },
  awaits: set('await'),
  goStatements: set(),
  defers: set(),
  ifs: set('if_statement'),
  asserts: set('assert_statement'),
  identifiers: set('identifier'),
  argument(node) {
    if (node.type === 'keyword_argument') {
      const value = node.childForFieldName('value')
      return value ? { name: node.childForFieldName('name')?.text ?? '', value } : null
    }
    if (node.type === 'comment') return null
    return { value: node }
  },
}

const jsCalls: Record<string, CallShape> = {
  call_expression: { callee: field('function'), args: argsOf('arguments') },
  new_expression: { callee: field('constructor'), args: argsOf('arguments'), isNew: true },
}

const javascript: Syntax = {
  calls: jsCalls,
  functions: set(
    'function_declaration',
    'function_expression',
    'function',
    'arrow_function',
    'method_definition',
    'generator_function_declaration',
    'generator_function',
  ),
  strings: set('string', 'template_string'),
  ints: set('number'),
  bools: set('true', 'false'),
  comments: set('comment'),
  names: set('identifier', 'member_expression', 'property_identifier', 'this'),
  assignments: {
    assignment_expression: { left: 'left', right: 'right', declaration: false },
    variable_declarator: { left: 'name', right: 'value', declaration: true },
    public_field_definition: { left: 'name', right: 'value', declaration: true },
  },
  objects: { object: (n) => ({ type: 'object', body: n }) },
  entries: { pair: { key: 'key', value: 'value' } },
  tuples: set('array'),
  transparent: set(
    'parenthesized_expression',
    'await_expression',
    'as_expression',
    'satisfies_expression',
    'non_null_expression',
    'type_assertion',
  ),
  returns: set('return_statement'),
  loops: set('for_statement', 'for_in_statement', 'while_statement', 'do_statement'),
  resources: {},
  awaits: set('await_expression'),
  goStatements: set(),
  defers: set(),
  ifs: set('if_statement'),
  identifiers: set(
    'identifier',
    'property_identifier',
    'shorthand_property_identifier',
    'shorthand_property_identifier_pattern',
  ),
  argument(node) {
    return node.type === 'comment' ? null : { value: node }
  },
}

const go: Syntax = {
  calls: { call_expression: { callee: field('function'), args: argsOf('arguments') } },
  functions: set('function_declaration', 'method_declaration', 'func_literal'),
  strings: set('interpreted_string_literal', 'raw_string_literal'),
  ints: set('int_literal'),
  bools: set('true', 'false'),
  comments: set('comment'),
  names: set('identifier', 'selector_expression', 'field_identifier', 'package_identifier'),
  assignments: {
    assignment_statement: { left: 'left', right: 'right', declaration: false },
    short_var_declaration: { left: 'left', right: 'right', declaration: true },
    var_spec: { left: 'name', right: 'value', declaration: true },
    const_spec: { left: 'name', right: 'value', declaration: true },
  },
  objects: {
    composite_literal: (n) => ({
      type: n.childForFieldName('type')?.text ?? '',
      body: n.childForFieldName('body'),
    }),
  },
  entries: { keyed_element: { key: 'key', value: 'value' } },
  tuples: set('expression_list'),
  transparent: set(
    'parenthesized_expression',
    'unary_expression',
    'literal_element',
    'type_assertion_expression',
  ),
  returns: set('return_statement'),
  loops: set('for_statement'),
  resources: {},
  awaits: set(),
  goStatements: set('go_statement'),
  defers: set('defer_statement'),
  ifs: set('if_statement'),
  identifiers: set('identifier', 'field_identifier'),
  argument(node) {
    return node.type === 'comment' ? null : { value: node }
  },
}

const java: Syntax = {
  calls: {
    method_invocation: {
      // `object.name` has no single callee node; the extractor joins them (see calleeText).
      callee: (n) => n.childForFieldName('name'),
      args: argsOf('arguments'),
    },
    object_creation_expression: { callee: field('type'), args: argsOf('arguments'), isNew: true },
  },
  functions: set('method_declaration', 'constructor_declaration', 'lambda_expression'),
  strings: set('string_literal', 'text_block'),
  ints: set('decimal_integer_literal', 'hex_integer_literal'),
  bools: set('true', 'false'),
  comments: set('line_comment', 'block_comment'),
  names: set('identifier', 'field_access', 'scoped_identifier', 'this'),
  assignments: {
    assignment_expression: { left: 'left', right: 'right', declaration: false },
    variable_declarator: { left: 'name', right: 'value', declaration: true },
    resource: { left: 'name', right: 'value', declaration: true },
  },
  objects: {},
  entries: {},
  tuples: set('array_initializer'),
  transparent: set('parenthesized_expression', 'cast_expression'),
  returns: set('return_statement'),
  loops: set('for_statement', 'enhanced_for_statement', 'while_statement', 'do_statement'),
  resources: { try_with_resources_statement: 'resources' },
  awaits: set(),
  goStatements: set(),
  defers: set(),
  ifs: set('if_statement'),
  asserts: set('assert_statement'),
  identifiers: set('identifier'),
  argument(node) {
    return node.type.endsWith('comment') ? null : { value: node }
  },
}

const kotlin: Syntax = {
  calls: {
    call_expression: {
      callee: (n) => n.namedChild(0),
      args: (n) => {
        const out: Node[] = []
        for (const child of n.namedChildren.slice(1)) {
          if (child.type === 'value_arguments') out.push(...child.namedChildren)
          else if (child.type === 'annotated_lambda') out.push(child)
        }
        return out
      },
    },
  },
  functions: set('function_declaration', 'lambda_literal', 'anonymous_function'),
  strings: set('string_literal', 'multiline_string_literal'),
  ints: set('number_literal', 'integer_literal', 'long_literal', 'hex_literal'),
  bools: set('boolean_literal', 'identifier'),
  comments: set('line_comment', 'block_comment', 'comment', 'multiline_comment'),
  names: set('identifier', 'navigation_expression', 'simple_identifier', 'this_expression'),
  assignments: {
    assignment: { left: 'left', right: 'right', declaration: false },
    property_declaration: { left: '#first', right: '#last', declaration: true },
  },
  objects: {},
  entries: {},
  tuples: set('collection_literal'),
  transparent: set('parenthesized_expression', 'annotated_lambda', 'as_expression'),
  returns: set('return_expression', 'jump_expression'),
  loops: set('for_statement', 'while_statement', 'do_while_statement'),
  resources: {},
  awaits: set(),
  goStatements: set(),
  defers: set(),
  ifs: set('if_expression'),
  identifiers: set('identifier', 'simple_identifier'),
  argument(node) {
    if (node.type === 'annotated_lambda') return { value: node }
    if (node.type !== 'value_argument')
      return node.type.includes('comment') ? null : { value: node }
    const named = node.namedChildren
    const hasEquals = node.children.some((c) => c.type === '=')
    const value = named[named.length - 1]
    if (!value) return null
    return hasEquals && named.length >= 2 ? { name: named[0]!.text, value } : { value }
  },
}

const csharp: Syntax = {
  calls: {
    invocation_expression: { callee: field('function'), args: argsOf('arguments') },
    object_creation_expression: { callee: field('type'), args: argsOf('arguments'), isNew: true },
    implicit_object_creation_expression: {
      callee: () => null,
      args: (n) => n.namedChildren.find((c) => c.type === 'argument_list')?.namedChildren ?? [],
      isNew: true,
    },
  },
  functions: set(
    'method_declaration',
    'local_function_statement',
    'lambda_expression',
    'anonymous_method_expression',
    'constructor_declaration',
  ),
  strings: set(
    'string_literal',
    'verbatim_string_literal',
    'interpolated_string_expression',
    'raw_string_literal',
  ),
  ints: set('integer_literal'),
  bools: set('boolean_literal'),
  comments: set('comment'),
  names: set('identifier', 'member_access_expression', 'qualified_name', 'this_expression', 'this'),
  assignments: {
    assignment_expression: { left: 'left', right: 'right', declaration: false },
    variable_declarator: { left: 'name', right: '#last', declaration: true },
    property_declaration: { left: 'name', right: 'value', declaration: true },
  },
  objects: { initializer_expression: (n) => ({ type: 'initializer', body: n }) },
  entries: { assignment_expression: { key: 'left', value: 'right' } },
  tuples: set('tuple_expression', 'array_creation_expression'),
  transparent: set('parenthesized_expression', 'await_expression', 'cast_expression'),
  returns: set('return_statement', 'arrow_expression_clause'),
  loops: set('for_statement', 'foreach_statement', 'while_statement', 'do_statement'),
  resources: { using_statement: null },
  awaits: set('await_expression'),
  goStatements: set(),
  defers: set(),
  ifs: set('if_statement'),
  identifiers: set('identifier'),
  argument(node) {
    if (node.type !== 'argument') return node.type === 'comment' ? null : { value: node }
    const nameNode = node.childForFieldName('name')
    const named = node.namedChildren.filter((c) => c !== nameNode && c.id !== nameNode?.id)
    const value = named[named.length - 1]
    if (!value) return null
    return nameNode ? { name: nameNode.text, value } : { value }
  },
}

const rust: Syntax = {
  calls: {
    call_expression: { callee: field('function'), args: argsOf('arguments') },
    macro_invocation: {
      callee: field('macro'),
      args: (n) => n.namedChildren.find((c) => c.type === 'token_tree')?.namedChildren ?? [],
    },
  },
  functions: set('function_item', 'closure_expression', 'mod_item'),
  strings: set('string_literal', 'raw_string_literal'),
  ints: set('integer_literal'),
  bools: set('boolean_literal'),
  comments: set('line_comment', 'block_comment'),
  names: set('identifier', 'field_expression', 'scoped_identifier', 'self'),
  assignments: {
    let_declaration: { left: 'pattern', right: 'value', declaration: true },
    assignment_expression: { left: 'left', right: 'right', declaration: false },
    const_item: { left: 'name', right: 'value', declaration: true },
    static_item: { left: 'name', right: 'value', declaration: true },
  },
  objects: {
    struct_expression: (n) => ({
      type: n.childForFieldName('name')?.text ?? '',
      body: n.childForFieldName('body'),
    }),
  },
  entries: { field_initializer: { key: 'field', value: 'value' } },
  tuples: set('tuple_expression', 'array_expression', 'token_tree'),
  transparent: set(
    'parenthesized_expression',
    'reference_expression',
    'try_expression',
    'await_expression',
    'type_cast_expression',
  ),
  returns: set('return_expression'),
  loops: set('for_expression', 'while_expression', 'loop_expression'),
  resources: {},
  awaits: set('await_expression'),
  goStatements: set(),
  defers: set(),
  ifs: set('if_expression'),
  identifiers: set('identifier', 'field_identifier'),
  argument(node) {
    return node.type.endsWith('comment') ? null : { value: node }
  },
}

/**
 * C++'s `ix::WebSocketServer server(port);` constructs an object. With a bare name as argument
 * the grammar reads it as a function declaration (the most vexing parse); inside a function body
 * nobody declares a function that way, so both forms are constructor calls.
 */
function constructorArgs(node: Node): Node[] | null {
  const declarator = node.childForFieldName('declarator')
  if (!declarator || node.childForFieldName('type')?.type === 'primitive_type') return null
  const value = declarator.type === 'init_declarator' ? declarator.childForFieldName('value') : null
  // …or with braces, `TestWsServer server{ctx, "0.0.0.0", 11114};` (clio's tests).
  if (value?.type === 'argument_list' || value?.type === 'initializer_list')
    return value.namedChildren
  if (declarator.type !== 'function_declarator' || node.parent?.type !== 'compound_statement')
    return null
  const params = declarator.childForFieldName('parameters')?.namedChildren ?? []
  const args = params.map(misreadArgument)
  return args.length > 0 && args.every((a) => a !== null) ? (args as Node[]) : null
}

/**
 * A class member built where it is declared, `TestWsServer server_{ctx, "0.0.0.0", 11114};`
 * (clio's ForwardingSourceTests fixture): each object of the class constructs it so.
 */
function memberConstructorArgs(node: Node): Node[] | null {
  const value = node.childForFieldName('default_value')
  const type = node.childForFieldName('type')?.type
  if (value?.type !== 'initializer_list' || type === 'primitive_type') return null
  return value.namedChildren
}

/**
 * A constructor's member initializer builds the member as its declared type does:
 * libjson-rpc-cpp's fixture `F() : server(IP, PORT)` with `TcpSocketServer server;` above it
 * constructs a TcpSocketServer. The type of a member declared in the same class body, else null.
 */
function memberType(node: Node): Node | null {
  const name = node.namedChildren.find((c) => c.type === 'field_identifier')?.text
  const body = node.parent?.parent?.parent
  if (!name || body?.type !== 'field_declaration_list') return null
  const member = body.namedChildren.find(
    (c) => c.type === 'field_declaration' && c.childForFieldName('declarator')?.text === name,
  )
  if (member) return member.childForFieldName('type')
  // A base class built in place is its own type: clio's `GrpcSourceTests() :
  // WithMockXrpLedgerAPIService("localhost:55051")`.
  const bases = body.parent?.namedChildren.find((c) => c.type === 'base_class_clause')
  const base = bases?.namedChildren.some((b) => b.text.split('::').pop() === name)
  return base ? node.namedChildren.find((c) => c.type === 'field_identifier')! : null
}

/**
 * An argument the grammar misread as a parameter: a bare name (`PORT`, read as a type) or a call
 * of misread arguments (`Ipv4::any()`, `std::move(serverConfig)`, read as a parameter of function
 * type; libdatachannel's `WebSocketServer server(std::move(serverConfig))`), which keeps its text.
 */
function misreadArgument(param: Node): Node | null {
  if (param.type !== 'parameter_declaration') return null
  const type = param.childForFieldName('type')
  const declarator = param.childForFieldName('declarator')
  if (!declarator) return type?.type === 'type_identifier' ? type : null
  const named = type?.type === 'type_identifier' || type?.type === 'qualified_identifier'
  const inner = declarator.childForFieldName('parameters')?.namedChildren
  const call =
    declarator.type === 'abstract_function_declarator' &&
    inner !== undefined &&
    inner.every((p) => misreadArgument(p) !== null)
  return call && named ? param : null
}

const cFamily = (cpp: boolean): Syntax => ({
  calls: {
    call_expression: { callee: field('function'), args: argsOf('arguments') },
    ...(cpp
      ? {
          new_expression: { callee: field('type'), args: argsOf('arguments'), isNew: true },
          declaration: {
            callee: field('type'),
            args: (node) => constructorArgs(node) ?? [],
            isNew: true,
            when: (node) => constructorArgs(node) !== null,
          },
          field_declaration: {
            callee: field('type'),
            args: (node) => memberConstructorArgs(node) ?? [],
            isNew: true,
            when: (node) => memberConstructorArgs(node) !== null,
          },
          field_initializer: {
            callee: memberType,
            args: (node) =>
              node.namedChildren.find((c) => c.type === 'argument_list')?.namedChildren ?? [],
            isNew: true,
            when: (node) => memberType(node) !== null,
          },
        }
      : {}),
  },
  functions: set('function_definition', 'lambda_expression'),
  strings: set('string_literal', 'raw_string_literal', 'concatenated_string'),
  ints: set('number_literal', 'preproc_arg'),
  bools: set('true', 'false'),
  comments: set('comment'),
  // A type identifier is a name where the grammar misreads a constructor's argument as a type.
  names: set('identifier', 'field_expression', 'qualified_identifier', 'this', 'type_identifier'),
  assignments: {
    assignment_expression: { left: 'left', right: 'right', declaration: false },
    init_declarator: { left: 'declarator', right: 'value', declaration: true },
    preproc_def: { left: 'name', right: 'value', declaration: true },
    // A class's `static const unsigned short PORT = 54321;` (cucumber-cpp's SocketServerTest).
    ...(cpp
      ? { field_declaration: { left: 'declarator', right: 'default_value', declaration: true } }
      : {}),
  },
  objects: {},
  // Designated initializers: `{ .sin_port = htons(8080) }`.
  entries: { initializer_pair: { key: 'designator', value: 'value' } },
  tuples: set('initializer_list'),
  transparent: set('parenthesized_expression', 'cast_expression', 'pointer_expression'),
  returns: set('return_statement'),
  loops: set('for_statement', 'while_statement', 'do_statement', 'for_range_loop'),
  resources: {},
  awaits: set(),
  goStatements: set(),
  defers: set(),
  ifs: set('if_statement'),
  identifiers: set('identifier', 'field_identifier'),
  argument: plainArgument,
})

export const SYNTAX: Record<LanguageId, Syntax> = {
  python,
  javascript,
  typescript: javascript,
  tsx: javascript,
  go,
  java,
  kotlin,
  csharp,
  rust,
  c: cFamily(false),
  cpp: cFamily(true),
}
