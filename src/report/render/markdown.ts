// Pure: make text that a user or a pull request controls safe to put into a GitHub comment.
// Handlebars' own escaping is for HTML and leaves Markdown live (links, images, mentions, tables),
// so every value a template prints goes through one of these instead. GitHub turns `@name`,
// `#123` and e-mail addresses into links after Markdown has run, on the text itself, so a
// backslash cannot stop them: a zero-width space after the `@` or `#` does (and after `://` and
// `www.`, for renderers that find URLs the same way).

/** Bidi overrides and zero-width characters: they disguise text and could split our own marks. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g
/** Line breaks of every kind, and the other control characters, which end a table row or a list. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g
/**
 * ASCII punctuation that Markdown, GFM or GitHub give a meaning to (CommonMark lets a backslash
 * escape any ASCII punctuation, and then it is text). `:` and `.` break URL autolinks; `$` stops
 * math. Commas, quotes, slashes and the like mean nothing and stay readable. `&`, `<`, `>` and `"`
 * become entities instead, which are text in Markdown and in raw HTML alike (a backslash is not an
 * escape inside an HTML block, so `\<img` there would still be a tag).
 */
const PUNCTUATION = /[!#$()*+\-.:=@[\\\]^_`{|}~]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const ZWSP = '\u200b'

export const DEFAULT_MAX_LENGTH = 300

/** One line of plain text, with invisible characters gone and length capped (with an ellipsis). */
export function plainLine(value: unknown, max = DEFAULT_MAX_LENGTH): string {
  const text = String(value ?? '')
    .replace(INVISIBLE, '')
    .replace(BREAKS, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : text
}

/** Inert inline Markdown: renders as the literal text, in prose, table cells and link text. */
export function escapeMarkdown(value: unknown, max = DEFAULT_MAX_LENGTH): string {
  return escapeLine(plainLine(value, max))
}

/** escapeMarkdown for text already made one plain line (its spaces at the ends are kept). */
function escapeLine(text: string): string {
  return inertReferences(text)
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(/[&<>"]/g, (c) => ENTITIES[c]!)
}

/** Mentions, issue references and URLs that GitHub links in the rendered text, broken up. */
function inertReferences(text: string): string {
  return (
    text
      .replace(/@/g, `@${ZWSP}`)
      .replace(/#(?=\d)/g, `#${ZWSP}`)
      .replace(/\b(gh-)(?=\d)/gi, `$1${ZWSP}`)
      // Escapes stop URL autolinks in cmark-gfm, but renderers that find URLs in the text
      // afterwards (as they find e-mail addresses) would still link them.
      .replace(/:\/\//g, `:${ZWSP}//`)
      .replace(/\b(w)(ww\.)/gi, `$1${ZWSP}$2`)
  )
}

/**
 * An inline code span holding the literal text. Markdown, mentions and references are not
 * processed in code, but a table still splits at `|`, and our hidden comments must not appear
 * verbatim in the body, so those are broken up.
 */
export function codeSpan(value: unknown, options: { table?: boolean; max?: number } = {}): string {
  let text = plainLine(value, options.max ?? DEFAULT_MAX_LENGTH)
    .replace(/<!--/g, `<${ZWSP}!--`)
    .replace(/--(?=!?>)/g, `-${ZWSP}-`)
  if (text === '') return ''
  if (options.table) text = text.replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  // CommonMark strips one space from each side when both are there, which lets a value start or
  // end with a backtick.
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/**
 * A message that marks its identifiers with backticks (`freePort`), as the scan's messages and
 * advice do: the marked fragments become code spans (each fenced longer than any backtick run in
 * it, so none can break out), and everything else is inert text, as escapeMarkdown makes it.
 * An unpaired backtick stays text.
 */
export function proseMarkdown(
  value: unknown,
  options: { table?: boolean; max?: number } = {},
): string {
  const text = plainLine(value, options.max ?? DEFAULT_MAX_LENGTH)
  const out: string[] = []
  let last = 0
  for (const m of text.matchAll(/`([^`]+)`/g)) {
    out.push(escapeLine(text.slice(last, m.index)))
    out.push(codeSpan(m[1], { ...(options.table ? { table: true } : {}), max: Infinity }))
    last = m.index + m[0].length
  }
  out.push(escapeLine(text.slice(last)))
  return out.join('')
}

/**
 * Text for a raw-HTML context such as `<summary>`, where backslashes are not escapes: the same
 * punctuation escapeMarkdown escapes becomes a numeric character reference instead, which is text
 * in raw HTML and in Markdown alike, so a template may use it anywhere (a value in prose stays
 * text, not a link or an image). Mentions, references and URLs are broken up as there.
 */
export function escapeHtml(value: unknown, max = DEFAULT_MAX_LENGTH): string {
  return inertReferences(plainLine(value, max)).replace(
    /[!#$()*+\-.:=@[\\\]^_`{|}~&<>"']/g,
    (c) => `&#${c.codePointAt(0)};`,
  )
}

/** An http(s) URL fit for a Markdown link destination, or undefined for anything else. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password) return undefined
  // WHATWG serialisation percent-encodes spaces, quotes and angle brackets; parentheses would
  // still end the destination early.
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29')
}

/** `[text](url)` with inert text, or just the inert text when the URL is not http(s). */
export function markdownLink(text: unknown, url: unknown, max = DEFAULT_MAX_LENGTH): string {
  const label = escapeMarkdown(text, max)
  const href = safeUrl(url)
  return href && label ? `[${label}](${href})` : label
}

/** A repository path as URL path segments: each segment encoded, the slashes kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .map((segment) => encodeURIComponent(segment))
    .join('/')
}
