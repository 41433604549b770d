// Handlebars for Markdown. Handlebars escapes for HTML, which leaves Markdown live, so templates
// are rewritten before they compile: every `{{value}}` becomes `{{md value}}`, which prints the
// value as inert text, and the raw forms (`{{{value}}}`, `{{& value}}`) are refused. The helpers
// below produce the only Markdown a value can become (code spans, links to http(s) URLs). Any
// error, at compile time or while rendering, names the template and the line.
import Handlebars from 'handlebars'
import { codeSpan, escapeHtml, escapeMarkdown, markdownLink, proseMarkdown } from './markdown.ts'

export interface TemplateSource {
  /** For messages: the path it was read from, such as `.github/bind-probe/comment.md.hbs`. */
  name: string
  source: string
}

export class TemplateError extends Error {
  override name = 'TemplateError'
  readonly template: string
  readonly line: number | undefined
  readonly column: number | undefined
  constructor(template: string, message: string, line?: number, column?: number) {
    const where =
      line === undefined
        ? template
        : `${template}:${line}${column === undefined ? '' : `:${column}`}`
    super(`${where}: ${message}`)
    this.template = template
    this.line = line
    this.column = column
  }
}

export const MAX_TEMPLATE_CHARS = 200_000

type Options = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } }
type Loc = { start: { line: number; column: number } }

/** Helpers whose result is Markdown already made safe: their output is printed as it is. */
const SAFE_HELPERS = ['md', 'code', 'prose', 'html', 'link', 'plural', 'join'] as const
const VALUE_HELPERS = ['eq', 'ne', 'gt', 'and', 'or', 'not', 'concat'] as const

class HelperError extends Error {
  readonly loc: Loc | undefined
  constructor(message: string, loc: Loc | undefined) {
    super(message)
    this.loc = loc
  }
}

function environment(): typeof Handlebars {
  const hb = Handlebars.create()
  const safe = (text: string) => new hb.SafeString(text)
  const max = (options: Options) => {
    const value = options.hash?.max
    return typeof value === 'number' && value > 0 ? value : undefined
  }
  const defined = (value: unknown, options: Options, what: string) => {
    if (value === undefined) {
      const expr = typeof options.hash?.expr === 'string' ? `{{${options.hash.expr}}}` : what
      throw new HelperError(
        `${expr} is not defined (docs/report.md lists what a template can use)`,
        options.loc,
      )
    }
  }
  hb.registerHelper('md', function (value: unknown, options: Options) {
    defined(value, options, 'the value given to md')
    if (value instanceof hb.SafeString) return value
    return safe(escapeMarkdown(value ?? '', max(options)))
  })
  hb.registerHelper('code', function (value: unknown, options: Options) {
    defined(value, options, 'the value given to code')
    const table = options.hash?.table === true
    return safe(codeSpan(value ?? '', { table, ...(max(options) ? { max: max(options)! } : {}) }))
  })
  hb.registerHelper('prose', function (value: unknown, options: Options) {
    defined(value, options, 'the value given to prose')
    const table = options.hash?.table === true
    return safe(
      proseMarkdown(value ?? '', { table, ...(max(options) ? { max: max(options)! } : {}) }),
    )
  })
  hb.registerHelper('html', function (value: unknown, options: Options) {
    defined(value, options, 'the value given to html')
    return safe(escapeHtml(value ?? '', max(options)))
  })
  hb.registerHelper('link', function (text: unknown, url: unknown, options: Options) {
    defined(text, options, 'the text given to link')
    return safe(markdownLink(text ?? '', url, max(options)))
  })
  hb.registerHelper('plural', function (count: unknown, one: unknown, ...rest: unknown[]) {
    rest.pop() // Handlebars' options object
    const many = typeof rest[0] === 'string' ? rest[0] : `${String(one)}s`
    const n = Number(count)
    return safe(escapeMarkdown(`${n} ${n === 1 ? String(one) : many}`))
  })
  hb.registerHelper('join', function (list: unknown, options: Options) {
    defined(list, options, 'the list given to join')
    if (!Array.isArray(list)) throw new HelperError('join needs a list', options.loc)
    const sep = typeof options.hash?.sep === 'string' ? options.hash.sep : ', '
    const each =
      options.hash?.code === true ? (x: unknown) => codeSpan(x) : (x: unknown) => escapeMarkdown(x)
    // The separator is the template's own text, as trusted as the rest of it.
    return safe(list.map(each).join(sep))
  })
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b)
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b)
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b))
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean))
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean))
  hb.registerHelper('not', (value: unknown) => !value)
  hb.registerHelper('concat', (...args: unknown[]) =>
    args
      .slice(0, -1)
      .map((x) => String(x ?? ''))
      .join(''),
  )
  return hb
}

const env = environment()
const KNOWN_HELPERS: Record<string, boolean> = Object.fromEntries(
  [...SAFE_HELPERS, ...VALUE_HELPERS].map((h) => [h, true]),
)
const BUILT_IN = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log'])

export type CompiledTemplate = (view: object) => string

const cache = new Map<string, CompiledTemplate>()

/** Compiles (and caches) a template; a syntax error throws a TemplateError with its line. */
export function compileTemplate(template: TemplateSource): CompiledTemplate {
  const cached = cache.get(`${template.name}\u0000${template.source}`)
  if (cached) return cached
  if (template.source.length > MAX_TEMPLATE_CHARS) {
    throw new TemplateError(
      template.name,
      `is ${template.source.length} characters; the most is ${MAX_TEMPLATE_CHARS}`,
    )
  }
  let ast: hbs.AST.Program
  try {
    ast = env.parse(template.source)
    makeMarkdownSafe(ast, template.name)
  } catch (error) {
    throw asTemplateError(template.name, error)
  }
  const render = env.compile(ast, {
    strict: true,
    knownHelpers: KNOWN_HELPERS,
    knownHelpersOnly: true,
    preventIndent: true,
  })
  const compiled: CompiledTemplate = (view) => {
    try {
      return render(view, {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      })
    } catch (error) {
      throw asTemplateError(template.name, error)
    }
  }
  cache.set(`${template.name}\u0000${template.source}`, compiled)
  return compiled
}

type Node = { type?: string; [key: string]: unknown }

function makeMarkdownSafe(node: unknown, name: string): void {
  if (Array.isArray(node)) {
    for (const child of node) makeMarkdownSafe(child, name)
    return
  }
  if (typeof node !== 'object' || node === null) return
  const n = node as Node
  if (n.type === 'MustacheStatement') wrapMustache(n as unknown as hbs.AST.MustacheStatement, name)
  if (typeof n.type === 'string' && /^(Partial|Decorator)/.test(n.type)) {
    const start = (n.loc as hbs.AST.SourceLocation | undefined)?.start
    throw new TemplateError(
      name,
      'partials and decorators are not supported; a template is one file',
      start?.line,
      start ? start.column + 1 : undefined,
    )
  }
  for (const [key, value] of Object.entries(n)) {
    if (key !== 'loc' && typeof value === 'object') makeMarkdownSafe(value, name)
  }
}

function wrapMustache(node: hbs.AST.MustacheStatement, name: string): void {
  const { line, column } = node.loc.start
  if (!node.escaped) {
    throw new TemplateError(
      name,
      'raw output ({{{…}}} or {{&…}}) would let a value become Markdown or HTML; use {{…}}, ' +
        'or a helper such as code or link (docs/report.md)',
      line,
      column + 1,
    )
  }
  const path = node.path
  const isHelperCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0
  if (
    path.type === 'PathExpression' &&
    (SAFE_HELPERS as readonly string[]).includes((path as hbs.AST.PathExpression).original) &&
    isHelperCall
  ) {
    return
  }
  const helper =
    path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : undefined
  const original = helper ?? String((path as hbs.AST.Literal & { value?: unknown }).value ?? '')
  const expr = {
    type: 'StringLiteral',
    value: original,
    original,
    loc: node.loc,
  } as hbs.AST.StringLiteral
  const exprPair = { type: 'HashPair', key: 'expr', value: expr, loc: node.loc } as hbs.AST.HashPair
  const callsHelper =
    helper !== undefined && (KNOWN_HELPERS[helper] === true || BUILT_IN.has(helper))
  let inner: hbs.AST.Expression = path
  let pairs: hbs.AST.HashPair[] = [exprPair]
  if (callsHelper || node.params.length > 0) {
    // A helper's result is printed through md; an unknown helper stays a call, for
    // knownHelpersOnly to name it.
    inner = {
      type: 'SubExpression',
      path,
      params: node.params,
      hash: node.hash,
      loc: node.loc,
    } as hbs.AST.SubExpression
  } else if (node.hash) {
    // `{{title max=90}}`: a value with options for md.
    pairs = [...node.hash.pairs, exprPair]
  }
  node.path = {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: ['md'],
    original: 'md',
    loc: node.loc,
  } as hbs.AST.PathExpression
  node.params = [inner]
  node.hash = { type: 'Hash', pairs, loc: node.loc } as hbs.AST.Hash
}

function asTemplateError(name: string, error: unknown): TemplateError {
  if (error instanceof TemplateError) return error
  if (error instanceof HelperError) {
    const loc = error.loc?.start
    return new TemplateError(name, error.message, loc?.line, loc ? loc.column + 1 : undefined)
  }
  const e = error as Error & { lineNumber?: number; column?: number }
  let message = String(e?.message ?? error)
  let line = e?.lineNumber
  let column = e?.column === undefined ? undefined : e.column + 1
  const parse = /^(?:Parse|Lexical) error on line (\d+)[:.]([\s\S]*)$/.exec(message)
  if (parse) {
    line = Number(parse[1])
    // Handlebars quotes the line and points at the spot; what it expected is enough, since the
    // template may be any file a wrong path names, and its text has no place in a log.
    const expected = parse[2]!
      .split('\n')
      .filter((l) => /^(Expecting|Unrecognized)/.test(l.trim()))
      .map((l) => l.trim())
    message = `syntax error${expected.length ? `: ${lowerFirst(expected.join('; '))}` : ''}`
  }
  // Handlebars appends " - line:column" to its own messages; the location is in front already.
  message = message.replace(/ - \d+:\d+$/, '')
  if (line === undefined) {
    const at = / - (\d+):(\d+)$/.exec(String(e?.message ?? ''))
    if (at) {
      line = Number(at[1])
      column = Number(at[2]) + 1
    }
  }
  message = message.replace(
    /"(\w+)" not defined in \[object Object\]/,
    '"$1" is not defined here (docs/report.md lists what a template can use)',
  )
  return new TemplateError(name, message, line, column)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
