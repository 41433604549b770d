// Turns a tree-sitter tree into FileFacts in one walk. Generic over languages: what differs
// between grammars is looked up in SYNTAX (syntax.ts).
import type { Node, Tree } from 'web-tree-sitter'
import type { Arg, Block, Call, Entry, FileFacts, Scope, Span, Value } from './facts.ts'
import { GO_EXAMPLE_OUTPUT, NO_LISTENER_COMMENT, WAITS_FOR_SERVER, spanning } from './facts.ts'
import type { LanguageId } from './languages.ts'
import { SYNTAX, type Syntax } from './syntax.ts'
import { GO_BUILD_LINE } from './go-build.ts'
import {
  cap,
  identifiersIn,
  lastSegment,
  MAX_TEXT,
  parseInteger,
  splitCallee,
  unquote,
} from './literals.ts'
import {
  declared,
  declaredName,
  followsCode,
  functionName,
  innerOf,
  ownerOf,
  pick,
  readImport,
  returnType,
  short,
  typeIds,
} from './node-reading.ts'

/** Identifiers the rules look for outside calls (options, port reads, fixture names…). */
const WORD =
  /[rR]euse|REUSE|EXCLUSIVE|Exclusive|INADDR|in6addr|[Mm]ulticast|MEMBERSHIP|Membership|JOIN_GROUP|[jJ]oinGroup|getsockname|LocalEnd[pP]oint|localPort|local_addr|server_address|server_port|unused_|ResultOrder|autoSelectFamily|^family$|^IPv6|^Loopback$|^Any$|^Addr$|^address$|^[pP]ort$|^sockets$|^sin6?_port$/

const MAX_DEPTH = 6

const IMPORTS = new Set([
  'import_statement',
  'import_from_statement',
  'import_spec',
  'use_declaration',
  'import_declaration',
  'using_directive',
  'import',
  'import_header',
])

/** Nodes between a call and a function literal passed to it. */
const ARGUMENT_WRAPPERS = new Set([
  'arguments',
  'argument_list',
  'argument',
  'keyword_argument',
  'value_argument',
  'value_arguments',
  'annotated_lambda',
])

/** Function nodes that are declarations even without a `name` field. */
const DECLARATIONS = /(?:_declaration|_definition|_item)$/

/** Blocks of statements or members: a directive above the statement holding one skips it. */
const BODY =
  /^(?:block|compound_statement|declaration_list|field_declaration_list|lambda_literal|statements)$|_(?:block|body)$/

const NOT_TAIL = /(?:_statement|_declaration|_item|comment|^let_declaration)$/

/**
 * Facts of a whole file, or, given `focus` offsets, of the functions around them only (plus the
 * file's short top-level statements: constants and imports). Focus is for large files outside
 * tests, where only PORT002 applies and it needs no more than the function it is in.
 */
export function extractFacts(
  tree: Tree,
  language: LanguageId,
  focus?: readonly number[],
): FileFacts {
  const extractor = new Extractor(SYNTAX[language], language)
  return focus ? extractor.runFocused(tree.rootNode, focus) : extractor.run(tree.rootNode)
}

/** Top-level statements shorter than this are walked in focused mode (constants, imports). */
const SHORT_STATEMENT = 300

const C_TEST_MACRO =
  /^(?:TEST|TEST_F|TEST_P|TYPED_TEST|TYPED_TEST_P|BOOST_AUTO_TEST_CASE|BOOST_FIXTURE_TEST_CASE|TEST_CASE|TEST_CASE_METHOD|SCENARIO)\s*\(/

/** Function literals, which a call may invoke where it stands (`go func() {…}()`). */
const FUNCTION_LITERAL =
  /^(?:func_literal|function_expression|arrow_function|lambda|lambda_expression|closure_expression|anonymous_function)$/

/** `finally` clauses: Java, C#, Python, JavaScript/TypeScript (`finally_clause`), Kotlin. */
const FINALLY: ReadonlySet<string> = new Set(['finally_clause', 'finally_block'])

/** Handlers, which run only after a failure: Python's `except`, the `catch` of the others. */
const CATCH: ReadonlySet<string> = new Set(['except_clause', 'catch_clause', 'catch_block'])

/** A loop's move to its next turn; Kotlin writes it as a jump expression. */
const CONTINUE: ReadonlySet<string> = new Set(['continue_statement', 'continue_expression'])

/** A C macro's body before a comment that ends its line: strings may hold `//` (`"http://…"`). */
const MACRO_BODY = /^((?:"(?:[^"\\\n]|\\.)*"|[^"/\n]|\/(?![/*]))*?)\s*(?:\/\/.*|\/\*.*?\*\/)\s*$/

function withoutTrailingComment(text: string): string {
  return MACRO_BODY.exec(text)?.[1] ?? text
}

class Extractor {
  private readonly facts: FileFacts
  private readonly stack: (Scope & { endIndex: number })[] = []
  private readonly calls = new Map<number, Call>()
  private readonly awaited = new Set<number>()
  private readonly goCalls = new Set<number>()
  private readonly deferred = new Set<number>()
  private readonly statements = new Set<number>()
  private readonly interesting: Set<string>
  private readonly syntax: Syntax

  constructor(syntax: Syntax, language: LanguageId) {
    this.syntax = syntax
    this.facts = {
      language,
      calls: [],
      assigns: [],
      declaredOnly: [],
      entries: [],
      scopes: [],
      blocks: [],
      exits: [],
      strings: [],
      words: [],
      imports: [],
      comments: [],
      params: [],
      continues: [],
      hasErrors: false,
    }
    this.interesting = new Set([
      ...Object.keys(syntax.calls),
      ...syntax.functions,
      ...syntax.strings,
      ...syntax.comments,
      ...Object.keys(syntax.assignments),
      ...Object.keys(syntax.entries),
      ...syntax.returns,
      ...syntax.loops,
      ...syntax.ifs,
      ...(syntax.asserts ?? []),
      ...Object.keys(syntax.resources),
      ...syntax.awaits,
      ...syntax.goStatements,
      ...syntax.defers,
      ...IMPORTS,
      'expression_statement',
      'keyword_argument',
      'value_argument',
      'argument',
      'local_declaration_statement',
      ...FINALLY,
      ...CATCH,
      ...CONTINUE,
      'jump_expression',
    ])
  }

  run(root: Node): FileFacts {
    this.begin(root)
    this.walk(root)
    return this.facts
  }

  runFocused(root: Node, offsets: readonly number[]): FileFacts {
    this.begin(root)
    const regions: Node[] = []
    for (const child of root.namedChildren) {
      if (child.endIndex - child.startIndex < SHORT_STATEMENT) regions.push(child)
    }
    for (const offset of offsets) {
      let node: Node | null = root.descendantForIndex(offset)
      let region: Node | null = null
      for (; node && node.id !== root.id; node = node.parent) {
        if (this.syntax.functions.has(node.type) || node.parent?.id === root.id) region = node
      }
      if (region) regions.push(region)
    }
    regions.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex)
    let covered = -1
    for (const region of regions) {
      if (region.startIndex < covered) continue
      this.walk(region)
      covered = region.endIndex
    }
    return this.facts
  }

  private begin(root: Node): void {
    this.facts.hasErrors = root.hasError
    const fileScope: Scope & { endIndex: number } = {
      id: 0,
      parent: 0,
      name: '',
      at: this.span(root),
      test: false,
      returns: '',
      role: 'declared',
      passedTo: '',
      endIndex: Number.POSITIVE_INFINITY,
    }
    this.stack.push(fileScope)
    this.facts.scopes.push(strip(fileScope))
  }

  /** One pass over a subtree, in source order. */
  private walk(top: Node): void {
    // Type ids, not type names: reading a name copies a string out of the WebAssembly heap,
    // and this loop runs once per node of the file.
    const { interesting, identifiers } = typeIds(
      top.tree.language,
      this.interesting,
      this.syntax.identifiers,
    )
    const cursor = top.walk()
    let descending = true
    for (;;) {
      if (descending) {
        const id = cursor.nodeTypeId
        const isInteresting = interesting.has(id)
        if (isInteresting || identifiers.has(id)) {
          const start = cursor.startIndex
          while (this.stack.length > 1 && this.stack[this.stack.length - 1]!.endIndex <= start) {
            this.stack.pop()
          }
          if (isInteresting) {
            const node = cursor.currentNode
            this.visit(node, node.type)
          } else {
            const text = cursor.nodeText
            if (WORD.test(text)) {
              this.facts.words.push({ text, at: this.span(cursor.currentNode), scope: this.scope })
            }
          }
        }
      }
      if (descending && cursor.gotoFirstChild()) continue
      if (cursor.gotoNextSibling()) {
        descending = true
        continue
      }
      if (!cursor.gotoParent()) break
      descending = false
    }
    cursor.delete()
  }

  private get scope(): number {
    return this.stack[this.stack.length - 1]!.id
  }

  private visit(node: Node, type: string): void {
    const s = this.syntax
    if (s.functions.has(type)) this.enterFunction(node)
    const callShape = s.calls[type]
    if (callShape && (callShape.when?.(node) ?? true) && !this.isTrailingLambdaCallee(node))
      this.facts.calls.push(this.callOf(node))
    if (s.strings.has(type)) {
      this.facts.strings.push({ value: stringValue(node), at: this.span(node), scope: this.scope })
    }
    if (s.comments.has(type)) {
      const text = node.text
      if (text.includes('bind-probe') || GO_EXAMPLE_OUTPUT.test(text) || GO_BUILD_LINE.test(text))
        this.comment(node)
      else if (!this.continuesComment(node)) {
        // Read as one with the lines that wrap it, from its first line.
        const group = this.commentGroup(node)
        if (WAITS_FOR_SERVER.test(group.text) || NO_LISTENER_COMMENT.test(group.text))
          this.comment(node, group)
      }
    }
    const assignment = s.assignments[type]
    if (assignment) this.assignment(node, assignment)
    const entry = s.entries[type]
    if (entry) this.entry(node, entry)
    if (type === 'keyword_argument' || type === 'value_argument' || type === 'argument') {
      this.namedArgument(node)
    }
    if (s.returns.has(type)) this.exit(node)
    if (s.loops.has(type)) this.block('loop', node)
    if (s.ifs.has(type)) this.block('if', node)
    if (s.asserts?.has(type)) this.block('assert', node)
    if (CONTINUE.has(type) || (type === 'jump_expression' && node.text.startsWith('continue')))
      this.facts.continues.push(this.span(node))
    if (CATCH.has(type))
      this.facts.blocks.push({
        kind: 'catch',
        at: this.span(node),
        ...(node.parent ? { statement: this.span(node.parent) } : {}),
        scope: this.scope,
      })
    if (FINALLY.has(type) && node.parent) {
      this.facts.blocks.push({
        kind: 'finally',
        at: this.span(node),
        head: this.span(node.parent),
        scope: this.scope,
      })
    }
    if (type in s.resources) this.resource(node, s.resources[type] ?? null)
    if (type === 'local_declaration_statement' && node.children.some((c) => c.type === 'using')) {
      this.usingDeclaration(node)
    }
    if (s.awaits.has(type)) this.mark(this.awaited, node)
    if (s.goStatements.has(type)) this.mark(this.goCalls, node)
    if (s.defers.has(type)) this.mark(this.deferred, node)
    if (type === 'expression_statement') this.mark(this.statements, node)
    if (IMPORTS.has(type)) this.importOf(node, type)
  }

  /** The comment follows another on the line above: it wraps that one's text. */
  private continuesComment(node: Node): boolean {
    const previous = node.previousSibling
    return (
      previous !== null &&
      this.syntax.comments.has(previous.type) &&
      previous.endPosition.row + 1 === node.startPosition.row &&
      !followsCode(previous)
    )
  }

  /** The comment and the comment lines right after it, their text joined, and what follows. */
  private commentGroup(node: Node): { last: Node; next: Node | null; text: string } {
    let last = node
    let next = node.nextSibling
    let text = node.text
    while (
      next &&
      this.syntax.comments.has(next.type) &&
      next.startPosition.row === last.endPosition.row + 1
    ) {
      last = next
      text += `\n${next.text}`
      next = next.nextSibling
    }
    return { last, next, text }
  }

  /** A kept comment, with the comment lines right after it and the statement below. */
  private comment(node: Node, group = this.commentGroup(node)): void {
    const { last, text } = group
    let { next } = group
    const first = this.span(node)
    const end = this.span(last)
    const at = spanning(first, end)
    if (followsCode(node)) {
      this.facts.comments.push({ text, at, trailing: true })
      return
    }
    // A Python block starts at its first statement: the comment above a block's first line sits
    // before the block, so the statement is the block's first child.
    while (next && /^(?:block|statement_list)$/.test(next.type) && next.firstNamedChild)
      next = next.firstNamedChild
    const covers =
      next && next.startPosition.row === last.endPosition.row + 1
        ? this.statementLines(next)
        : undefined
    this.facts.comments.push({ text, at, ...(covers ? { covers } : {}) })
  }

  /**
   * Lines holding the statement's own code: a line counts when some token of the statement lies
   * on it outside every function body, block or callback nested in it (a directive above a test
   * suite or a function covers its header, not the code inside). Rust attributes lead on to the
   * item they mark.
   */
  private statementLines(statement: Node): number[] {
    const rows = new Set<number>()
    const pending: Node[] = []
    for (let item: Node | null = statement; item; item = item.nextSibling) {
      pending.push(item)
      if (item.type !== 'attribute_item') break
    }
    while (pending.length > 0) {
      const node = pending.pop()!
      if (this.isBody(node)) continue
      if (node.childCount === 0) {
        for (let row = node.startPosition.row; row <= node.endPosition.row; row++) rows.add(row)
        continue
      }
      const body = this.syntax.functions.has(node.type) ? node.childForFieldName('body') : null
      for (const child of node.children) if (child && child.id !== body?.id) pending.push(child)
    }
    return [...rows].sort((a, b) => a - b).map((row) => row + 1)
  }

  private isBody(node: Node): boolean {
    return BODY.test(node.type)
  }

  private mark(into: Set<number>, node: Node): void {
    let child = node.namedChild(0)
    while (child && this.syntax.transparent.has(child.type)) {
      if (this.syntax.awaits.has(child.type)) this.awaited.add(child.namedChild(0)?.id ?? -1)
      child = child.namedChild(0)
    }
    if (child) into.add(child.id)
  }

  private enterFunction(node: Node): void {
    const parent = this.stack[this.stack.length - 1]!
    // JVM and .NET mark tests (and skipped tests) with annotations: read the text once for both.
    const marked = ANNOTATED.has(this.facts.language) ? node.text : ''
    const scope: Scope & { endIndex: number } = {
      id: this.facts.scopes.length,
      parent: parent.id,
      name: functionName(node),
      at: this.span(node),
      test: parent.test || this.testMark(node, marked),
      ...(((marked && skipMark(node, marked)) ||
        this.skipAttribute(node) ||
        this.inSkippedClass(node)) && { skipped: true }),
      ...(marked && declaredPublic(node, marked) && { public: true }),
      returns: returnType(node),
      ...(this.facts.language === 'rust' && implOwner(node)),
      ...this.roleOf(node),
      endIndex: node.endIndex,
    }
    this.stack.push(scope)
    this.facts.scopes.push(strip(scope))
    this.params(node)
    this.expressionBody(node)
  }

  /** When a function runs: declared, passed to a call, called on the spot, or kept for later. */
  private roleOf(node: Node): Pick<Scope, 'role' | 'passedTo'> {
    let inner = node
    let outer = node.parent
    while (
      outer &&
      (ARGUMENT_WRAPPERS.has(outer.type) || this.syntax.transparent.has(outer.type))
    ) {
      inner = outer
      outer = outer.parent
    }
    const shape = outer ? this.syntax.calls[outer.type] : undefined
    if (outer && shape) {
      if (shape.callee(outer)?.id === inner.id) return { role: 'invoked', passedTo: '' }
      if (inner.id !== node.id) return { role: 'argument', passedTo: this.callOf(outer).name }
    }
    const named = node.childForFieldName('name') !== null || DECLARATIONS.test(node.type)
    return { role: named ? 'declared' : 'value', passedTo: '' }
  }

  /** Region marks of test code that does not live in a test file. */
  /**
   * Rust's `#[ignore]` and Python's `@pytest.mark.skip(…)` / `@unittest.skip(…)` (not the
   * conditional `skipif`/`skipIf`): the runner never runs the test by default.
   */
  private skipAttribute(node: Node): boolean {
    if (this.facts.language === 'rust') {
      for (let sib = node.previousNamedSibling; sib; sib = sib.previousNamedSibling) {
        // A comment among the attributes is theirs (hyper-util's `#[ignore] // TODO`; census 66).
        if (sib.type === 'line_comment' || sib.type === 'block_comment') continue
        if (sib.type !== 'attribute_item') break
        if (/^#\[ignore\b/.test(sib.text)) return true
      }
      return false
    }
    if (this.facts.language !== 'python' || node.parent?.type !== 'decorated_definition')
      return false
    return node.parent.namedChildren.some(
      (d) =>
        d.type === 'decorator' && /^@(?:pytest\.mark\.skip|unittest\.skip)\b(?!if|If)/.test(d.text),
    )
  }

  /** Classes already read for a skip mark, by node id. */
  private readonly skippedClasses = new Map<number, boolean>()

  /**
   * A method of a class its runner skips whole: `@unittest.skip(…)` on a Python TestCase (rpyc's
   * `Test_GDB`), which its subclasses inherit; NUnit's and MSTest's `[Ignore(…)]` on a C# fixture
   * that is not abstract (ServiceStack's `RedisServerEventsTests`); JUnit's `@Disabled` or
   * `@Ignore` on a class named as a test class (unirest-java's `ProxyTest`). Not on a JUnit base
   * class: a subclass runs its `@BeforeAll` all the same (rest-assured's `WithJetty` starts Jetty on
   * 8080), as it would an abstract C# fixture's `[OneTimeSetUp]`.
   */
  private inSkippedClass(node: Node): boolean {
    const language = this.facts.language
    if (!SKIPPED_CLASS_LANGUAGES.has(language)) return false
    const type = language === 'python' ? 'class_definition' : 'class_declaration'
    for (let up = node.parent; up; up = up.parent) {
      if (up.type !== type) continue
      let skipped = this.skippedClasses.get(up.id)
      if (skipped === undefined) {
        skipped = classSkipMark(up, language)
        this.skippedClasses.set(up.id, skipped)
      }
      if (skipped) return true
    }
    return false
  }

  private testMark(node: Node, marked: string): boolean {
    switch (this.facts.language) {
      case 'go':
        return /\*testing\.(?:T|B|F|TB)\b|testing\.TB\b/.test(
          node.childForFieldName('parameters')?.text ?? '',
        )
      case 'rust': {
        for (let sib = node.previousNamedSibling; sib; sib = sib.previousNamedSibling) {
          if (sib.type !== 'attribute_item') break
          if (/\btest\b/.test(sib.text)) return true
        }
        return false
      }
      case 'java':
      case 'kotlin':
      case 'csharp': {
        const head = marked.slice(0, 400)
        return /@(?:Test|ParameterizedTest|RepeatedTest)\b|\[(?:Fact|Theory|Test|TestMethod|TestCase)\b/.test(
          head,
        )
      }
      case 'c':
      case 'cpp':
        // GoogleTest, Boost.Test and Catch2 write each test as a macro over a block.
        return C_TEST_MACRO.test(node.text.slice(0, 40))
      default:
        return false
    }
  }

  private params(node: Node): void {
    const list = parameterList(node)
    if (!list) return
    for (const p of list.namedChildren) {
      // JavaScript's options destructured with defaults, `function start({ port = 7991 } = {})`
      // (tdoc's fixture server): each default is a parameter's.
      const pattern = p.type === 'assignment_pattern' ? p.childForFieldName('left') : p
      if (pattern?.type === 'object_pattern') {
        for (const field of pattern.namedChildren) {
          const name = field.type === 'object_assignment_pattern' && field.childForFieldName('left')
          const value = name && field.childForFieldName('right')
          if (!name || !value || name.type !== 'shorthand_property_identifier_pattern') continue
          this.facts.params.push({
            name: name.text,
            at: this.span(name),
            scope: this.scope,
            default: this.valueOf(value, 1),
          })
        }
        continue
      }
      const id =
        p.type === 'identifier'
          ? p
          : (p.childForFieldName('name') ??
            p.childForFieldName('pattern') ??
            p.namedChildren.find((c) => c.type === 'identifier') ??
            declaredName(p.childForFieldName('declarator')))
      if (!id) continue
      const fallback =
        p.childForFieldName('value') ??
        (p.type === 'assignment_pattern' ? p.childForFieldName('right') : null) ??
        afterEquals(p)
      this.facts.params.push({
        name: id.text,
        at: this.span(id),
        scope: this.scope,
        ...(fallback ? { default: this.valueOf(fallback, 1) } : {}),
      })
    }
  }

  /** Arrow functions, lambdas, Rust tail expressions: values that leave without `return`. */
  private expressionBody(node: Node): void {
    const body = node.childForFieldName('body')
    const type = node.type
    if (type === 'arrow_function' || type === 'lambda' || type === 'lambda_expression') {
      if (body && !/block$/.test(body.type)) this.exit(body)
      return
    }
    if (type === 'closure_expression' || type === 'function_item') {
      if (!body) return
      if (body.type !== 'block') return this.exit(body)
      const last = body.namedChildren[body.namedChildren.length - 1]
      if (last && !NOT_TAIL.test(last.type)) this.exit(last)
      return
    }
    if (type === 'lambda_literal') {
      const last = node.namedChildren[node.namedChildren.length - 1]
      if (last && last.type !== 'lambda_parameters') this.exit(last)
      return
    }
    if (type === 'function_declaration' && this.facts.language === 'kotlin') {
      const fnBody = node.namedChildren.find((c) => c.type === 'function_body')
      if (fnBody?.child(0)?.type === '=' && fnBody.namedChild(0)) this.exit(fnBody.namedChild(0)!)
    }
  }

  private trailingLambdaCall(node: Node, inner: Node): Call {
    const base = this.callOf(inner)
    const call: Call = {
      ...base,
      at: this.span(node),
      statement: this.statements.has(node.id) || this.kotlinStatement(node),
      text: short(node),
      args: [...base.args],
    }
    this.calls.set(node.id, call)
    for (const child of node.namedChildren.slice(1)) {
      if (child.type === 'annotated_lambda') {
        call.args.push({ value: this.valueOf(child, 1), at: this.span(child) })
      }
    }
    return call
  }

  private exit(node: Node): void {
    const last = this.facts.exits[this.facts.exits.length - 1]
    if (last && last.at.start === node.startIndex && last.at.end === node.endIndex) return
    const returned = node.type.startsWith('return') ? node.namedChildren : []
    this.facts.exits.push({
      at: this.span(node),
      text: cap(node.text, 300),
      scope: this.scope,
      ...(returned.length === 1 ? { value: this.valueOf(returned[0]!, 1) } : {}),
    })
  }

  private block(kind: Block['kind'], node: Node): void {
    // A loop's header, what comes before its body: `for (int port = 1024; port <= 65535; port++)`.
    const body = kind === 'loop' ? node.childForFieldName('body') : null
    const head = body ? node.text.slice(0, Math.min(body.startIndex - node.startIndex, 400)) : ''
    this.facts.blocks.push({
      kind,
      at: this.span(node),
      ...(head ? { headText: head.replace(/\s+/g, ' ') } : {}),
      scope: this.scope,
    })
  }

  private resource(node: Node, headField: string | null): void {
    const kind = node.type.startsWith('with')
      ? 'with'
      : node.type.startsWith('try')
        ? 'try'
        : 'using'
    let head: Node | null = headField
      ? (node.childForFieldName(headField) ??
        node.namedChildren.find((c) => c.type === headField) ??
        null)
      : null
    if (!head) {
      const body = node.childForFieldName('body')
      head = body ? (node.namedChildren.find((c) => c.endIndex <= body.startIndex) ?? null) : null
    }
    this.facts.blocks.push({
      kind,
      at: this.span(node),
      ...(head ? { head: this.span(head), headText: short(head) } : {}),
      scope: this.scope,
    })
  }

  /** C# `using var x = …;` closes x at the end of the enclosing block. */
  private usingDeclaration(node: Node): void {
    const parent = node.parent
    const at = this.span(node)
    const end = parent ? this.span(parent) : at
    this.facts.blocks.push({
      kind: 'using',
      at: spanning(at, end),
      head: at,
      headText: short(node),
      scope: this.scope,
    })
  }

  private assignment(node: Node, shape: Syntax['assignments'][string]): void {
    const left = pick(node, shape.left)
    let right = pick(node, shape.right)
    // C#'s `public static int Port => 7076;` holds its value as an initializer does.
    if (right?.type === 'arrow_expression_clause') right = right.firstNamedChild
    if (left && !right && shape.declaration) {
      const name = lastSegment(short(declared(left)))
      this.facts.declaredOnly.push({ name, at: this.span(node), scope: this.scope })
    }
    if (!left || !right || left.id === right.id) return
    if (shape.right === '#last' && !node.children.some((c) => c.type === '=')) {
      right = delegatedCall(right)
      if (!right) return
    }
    const lists = ['expression_list', 'pattern_list']
    const lefts = lists.includes(left.type) ? left.namedChildren : [left]
    const rights = lists.includes(right.type) ? right.namedChildren : [right]
    const pairs =
      lefts.length === rights.length
        ? lefts.map((l, i) => [l, rights[i]!] as const)
        : rights.length === 1
          ? // Go's `addr, err := net.ResolveTCPAddr(…)`: the first name holds the call's result.
            [
              [
                this.facts.language === 'go' && lefts.length > 1 ? lefts[0]! : left,
                rights[0]!,
              ] as const,
            ]
          : [[left, right] as const]
    const oneOfResults = rights.length === 1 && lefts.length > 1
    const results = oneOfResults ? lefts.slice(1).map((l) => short(declared(l))) : undefined
    for (const [l, r] of pairs) {
      const target = short(declared(l))
      const value = this.valueOf(r, 0)
      this.facts.assigns.push({
        target,
        name: lastSegment(target),
        value,
        declaration: shape.declaration,
        ...(oneOfResults && { oneOfResults, results }),
        at: this.span(node),
        scope: this.scope,
      })
      if (value.kind === 'call' && value.call.name === 'require') {
        const first = value.call.args[0]?.value
        if (first?.kind === 'string') {
          this.facts.imports.push({ module: first.value, names: identifiersIn(target) })
        }
      }
    }
  }

  private entry(node: Node, shape: { key: string; value: string }): void {
    const keyNode = node.childForFieldName(shape.key)
    const valueNode = node.childForFieldName(shape.value)
    if (!keyNode || !valueNode) return
    // C# assignments are entries only inside an object initializer.
    if (node.type === 'assignment_expression' && node.parent?.type !== 'initializer_expression')
      return
    this.facts.entries.push({
      key: unquote(keyNode.text),
      value: this.valueOf(valueNode, 0),
      at: this.span(node),
      scope: this.scope,
      owner: ownerOf(node, this.syntax),
    })
  }

  private namedArgument(node: Node): void {
    const read = this.syntax.argument(node)
    if (!read?.name) return
    this.facts.entries.push({
      key: read.name,
      value: this.valueOf(read.value, 0),
      at: this.span(node),
      scope: this.scope,
      owner: ownerOf(node, this.syntax),
    })
  }

  private importOf(node: Node, type: string): void {
    this.facts.imports.push(readImport(node, type))
  }

  private callOf(node: Node): Call {
    const cached = this.calls.get(node.id)
    if (cached) return cached
    const shape = this.syntax.calls[node.type]!
    const calleeNode = shape.callee(node)
    if (calleeNode && this.isTrailingLambdaCallee(calleeNode))
      return this.trailingLambdaCall(node, calleeNode)
    let callee = calleeNode?.text ?? ''
    if (node.type === 'method_invocation') {
      const object = node.childForFieldName('object')
      if (object) callee = `${object.text}.${callee}`
    }
    // A called function literal (`go func() {…}()`) is known by its head; any other callee by
    // its tail, where the name is.
    const literal = calleeNode !== null && FUNCTION_LITERAL.test(calleeNode.type)
    callee = cap(
      (literal ? callee.slice(0, 4 * MAX_TEXT) : callee.slice(-4 * MAX_TEXT))
        .replace(/\s+/g, '')
        .replace(/<[^<>()]*>/g, ''),
      MAX_TEXT,
      !literal,
    )
    // A generic class called with its type parameters is that class: bots's `HTTPServer[T](…)`.
    if (calleeNode?.type === 'subscript' && this.facts.language === 'python')
      callee = callee.replace(/^((?:[\w.]+\.)?[A-Z]\w*)\[[A-Z][\w.,[\]]*\]$/, '$1')
    const { receiver, name } = splitCallee(callee)
    const call: Call = {
      name,
      callee,
      receiver,
      isNew: shape.isNew === true,
      args: [],
      at: this.callSpan(node, calleeNode),
      scope: this.scope,
      awaited: this.awaited.has(node.id),
      go: this.goCalls.has(node.id),
      defer: this.deferred.has(node.id),
      statement: this.statements.has(node.id) || this.kotlinStatement(node),
      text: short(node),
    }
    this.calls.set(node.id, call)
    const args: Arg[] = []
    for (const child of shape.args(node).slice(0, 12)) {
      const read = this.syntax.argument(child)
      if (!read) continue
      args.push({
        ...(read.name ? { name: read.name } : {}),
        value: this.valueOf(read.value, 1),
        at: this.span(child),
      })
    }
    call.args = args
    return call
  }

  /** Kotlin `f(a) { … }` nests the call `f(a)` inside the lambda call; the outer one stands for both. */
  private isTrailingLambdaCallee(node: Node): boolean {
    // The language first: `node.parent` crosses into WebAssembly, for every call of every file.
    if (this.facts.language !== 'kotlin' || node.type !== 'call_expression') return false
    const parent = node.parent
    return parent?.type === 'call_expression' && parent.namedChild(0)?.id === node.id
  }

  private kotlinStatement(node: Node): boolean {
    if (this.facts.language !== 'kotlin') return false
    const parent = node.parent?.type
    return parent === 'block' || parent === 'statements' || parent === 'source_file'
  }

  valueOf(node: Node, depth: number): Value {
    const s = this.syntax
    const type = node.type
    const text = short(node)
    if (depth > MAX_DEPTH) return { kind: 'other', parts: [], text }
    if (s.transparent.has(type)) {
      const inner = innerOf(node)
      if (inner) return this.valueOf(inner, depth + 1)
    }
    if (s.ints.has(type)) {
      // A macro's body is raw text, with the comment after it: `#define PORT 5000 // default`.
      const body = type === 'preproc_arg' ? withoutTrailingComment(node.text) : node.text
      const value = parseInteger(body)
      if (value !== undefined) return { kind: 'int', value, text }
      // `#define ADDRESS "localhost:907"` holds a string.
      const quoted = /^\s*("(?:[^"\\]|\\.)*")\s*$/.exec(body)
      if (type === 'preproc_arg' && quoted)
        return { kind: 'string', value: unquote(quoted[1]!), text }
    }
    if (s.strings.has(type)) return { kind: 'string', value: stringValue(node), text }
    if (s.bools.has(type) && /^(?:true|false)$/i.test(node.text)) {
      return { kind: 'bool', value: node.text.toLowerCase() === 'true', text }
    }
    if (s.calls[type]) return { kind: 'call', call: this.callOf(node), text }
    const object = s.objects[type]
    if (object) {
      const { type: objectType, body } = object(node)
      const entries: Entry[] = []
      const items: Value[] = []
      for (const child of body?.namedChildren ?? []) {
        const shape = s.entries[child.type]
        if (shape) {
          const k = child.childForFieldName(shape.key)
          const v = child.childForFieldName(shape.value)
          if (k && v) {
            entries.push({
              key: unquote(k.text),
              value: this.valueOf(v, depth + 1),
              at: this.span(child),
            })
          }
        } else if (child.type === 'shorthand_property_identifier') {
          entries.push({
            key: child.text,
            value: { kind: 'name', name: child.text, last: child.text, text: child.text },
            at: this.span(child),
          })
        } else if (!s.comments.has(child.type) && items.length < 8) {
          items.push(this.valueOf(child, depth + 1))
        }
      }
      return { kind: 'object', type: objectType, entries, items, text }
    }
    if (s.tuples.has(type)) {
      const items = node.namedChildren
        .filter((c) => !s.comments.has(c.type))
        .slice(0, 8)
        .map((c) => this.valueOf(c, depth + 1))
      return { kind: 'tuple', items, text }
    }
    if (s.functions.has(type)) return { kind: 'function', text }
    const compact = s.names.has(type) ? node.text.slice(0, 2 * MAX_TEXT).replace(/\s+/g, '') : ''
    if (compact && /^[\w$.:>\-?@]+$/.test(compact)) {
      return { kind: 'name', name: compact, last: lastSegment(compact), text }
    }
    const parts = node.namedChildren
      .filter((c) => !s.comments.has(c.type))
      .slice(0, 6)
      .map((c) => this.valueOf(c, depth + 1))
    return { kind: 'other', parts, text }
  }

  /**
   * A call's span, but with the line and column of its name: in a chain spread over lines
   * (`HttpServer::new(…)\n  .bind(…)`) the finding belongs on the line of `.bind`.
   */
  private callSpan(node: Node, callee: Node | null): Span {
    const whole = this.span(node)
    let name: Node | null =
      node.type === 'method_invocation' ? node.childForFieldName('name') : callee
    for (let i = 0; name && i < 4; i++) {
      const last =
        name.childForFieldName('property') ??
        name.childForFieldName('attribute') ??
        name.childForFieldName('field') ??
        (name.type === 'navigation_expression'
          ? name.namedChild(name.namedChildCount - 1)
          : null) ??
        (name.type === 'member_access_expression' || name.type === 'scoped_identifier'
          ? name.childForFieldName('name')
          : null)
      if (!last || last.id === name.id) break
      name = last
    }
    if (!name || name.startIndex <= node.startIndex) return whole
    const p = name.startPosition
    return { ...whole, line: p.row + 1, column: p.column + 1 }
  }

  private span(node: Node): Span {
    const a = node.startPosition
    const b = node.endPosition
    return {
      line: a.row + 1,
      column: a.column + 1,
      endLine: b.row + 1,
      endColumn: b.column + 1,
      start: node.startIndex,
      end: node.endIndex,
    }
  }
}

function strip(scope: Scope & { endIndex: number }): Scope {
  const { id, parent, name, at, test, skipped, returns, owner, role, passedTo } = scope
  return {
    id,
    parent,
    name,
    at,
    test,
    ...(skipped && { skipped }),
    ...(scope.public && { public: true }),
    returns,
    ...(owner && { owner }),
    role,
    passedTo,
  }
}

/** C#'s default value: `string uri = "http://localhost:8082/"` holds it after the `=`. */
function afterEquals(param: Node): Node | null {
  const at = param.children.findIndex((c) => c.type === '=')
  return at < 0 ? null : (param.children[at + 1] ?? null)
}

/**
 * Kotlin's `val port by lazy { findFreePort() }` (or Spek's `memoized { … }`): the property holds
 * what the one call in the lambda returns.
 */
function delegatedCall(node: Node): Node | null {
  if (node.type !== 'property_delegate') return null
  const call = node.namedChildren.find((c) => c.type === 'call_expression')
  if (!/^(?:lazy|memoized)$/.test(call?.firstNamedChild?.text ?? '')) return null
  const lambda = call!.descendantsOfType('lambda_literal')[0]
  const body = lambda?.namedChildren.filter((c) => !c.type.endsWith('comment')) ?? []
  return body.length === 1 && body[0]!.type === 'call_expression' ? body[0]! : null
}

/** A function's parameter list, wherever its grammar keeps it. */
function parameterList(node: Node): Node | null {
  return (
    node.childForFieldName('parameters') ??
    node.namedChildren.find((c) => /parameters$|parameter_list$/.test(c.type)) ??
    // C and C++: `int start(int port)` keeps its parameters in the function's declarator.
    node.childForFieldName('declarator')?.childForFieldName('parameters') ??
    null
  )
}

/** Languages whose tests are marked by annotations or attributes on the method. */
const ANNOTATED = new Set(['java', 'kotlin', 'csharp'])

/** Languages whose test runners skip a whole class by a mark on it. */
const SKIPPED_CLASS_LANGUAGES: ReadonlySet<LanguageId> = new Set([
  'python',
  'csharp',
  'java',
  'kotlin',
])

/**
 * A JVM or .NET test method its runner skips: `@Disabled`, `@Ignore`, `[Fact(Skip = "…")]`,
 * `[Ignore]`, and NUnit's `[Test, Explicit]`, run only when asked for by name (Zebus's ZmqTests;
 * census 67). Read from the annotations before the parameters only, not from the body.
 */
function skipMark(node: Node, text: string): boolean {
  return /@(?:Disabled|Ignore)\b|\[(?:Fact|Theory|Test)\s*\([^\]]*\bSkip\s*=|[[,]\s*(?:Ignore|Explicit)\b/.test(
    headOf(node, text),
  )
}

/** A Java or C# method declared `public`. */
function declaredPublic(node: Node, text: string): boolean {
  return /\bpublic\b/.test(headOf(node, text))
}

/** A method's text before its parameters: its annotations, modifiers, type and name. */
function headOf(node: Node, text: string): string {
  const list = parameterList(node)
  return text.slice(0, list ? list.startIndex - node.startIndex : 200)
}

/**
 * A class's own skip mark: `@unittest.skip(…)` or `@pytest.mark.skip` among its decorators; C#'s
 * `[Ignore(…)]` or `[Explicit]` among its attributes, on a class that is not abstract; JUnit's,
 * below.
 */
function classSkipMark(node: Node, language: LanguageId): boolean {
  if (language === 'java' || language === 'kotlin') return jvmClassSkipMark(node)
  if (node.type === 'class_declaration') {
    const heads = node.children.filter((c) => c.type === 'attribute_list' || c.type === 'modifier')
    return (
      heads.some(
        (h) => h.type === 'attribute_list' && /[[,]\s*(?:Ignore|Explicit)\b/.test(h.text),
      ) && !heads.some((h) => h.type === 'modifier' && h.text === 'abstract')
    )
  }
  const decorated = node.parent?.type === 'decorated_definition' ? node.parent : null
  return (
    decorated?.namedChildren.some(
      (d) =>
        d.type === 'decorator' && /^@(?:pytest\.mark\.skip|unittest\.skip)\b(?!if|If)/.test(d.text),
    ) ?? false
  )
}

/**
 * JUnit's `@Disabled` or `@Ignore` on a class named as the runner's test classes are (`ProxyTest`,
 * `TestFoo`, `…Tests`, `…TestCase`) and not abstract: unirest-java's `@Disabled class ProxyTest`
 * (census 57). Not on a base class named otherwise, whose subclasses run its methods all the same
 * (rest-assured's `WithJetty`).
 */
function jvmClassSkipMark(node: Node): boolean {
  const modifiers = node.namedChildren.find((c) => c.type === 'modifiers')
  if (!modifiers || !/@(?:Disabled|Ignore)\b/.test(modifiers.text)) return false
  if (/\babstract\b/.test(modifiers.text)) return false
  const name =
    node.childForFieldName('name') ??
    node.namedChildren.find((c) => c.type === 'identifier' || c.type === 'type_identifier')
  return /^Test|Tests?$|TestCase$/.test(name?.text ?? '')
}

/**
 * A string literal's content; adjacent literals joined as the compiler joins them (Python's
 * `'… server.py ' \\⏎ '--port=8888'`). Adjacent to a macro name, C's text stays as written:
 * values.ts joins it with the macro's value.
 */
function stringValue(node: Node): string {
  if (node.type !== 'concatenated_string') return unquote(node.text)
  const parts = node.namedChildren
  if (!parts.every((p) => p.type === 'string' || p.type === 'string_literal'))
    return unquote(node.text)
  return parts.map((p) => unquote(p.text)).join('')
}

/** The type a Rust method's `impl` block implements: `impl Endpoints { fn new() … }`. */
function implOwner(node: Node): { owner: string } | undefined {
  if (node.type !== 'function_item') return undefined
  const impl = node.parent?.parent
  if (impl?.type !== 'impl_item') return undefined
  const type = impl.childForFieldName('type')
  // `impl<T> Foo<T>`: the name without its generic arguments.
  const name = (type?.type === 'generic_type' ? type.childForFieldName('type') : type)?.text
  return name ? { owner: name } : undefined
}
