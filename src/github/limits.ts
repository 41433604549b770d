// GitHub's size limits, and trimming Markdown to fit them without breaking it.

/** Issue and PR comment bodies (GitHub answers 422 "Body is too long" above it). */
export const COMMENT_BODY_LIMIT = 65_536
/** Check run output.summary and output.text, each. */
export const CHECK_TEXT_LIMIT = 65_535
/** Annotations per create or update request; further updates append. */
export const ANNOTATIONS_PER_REQUEST = 50
/** A step's job summary; GitHub drops the whole summary above it. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024
/** All outputs of a job, measured in UTF-16 (two bytes per code unit). */
export const JOB_OUTPUTS_LIMIT = 1024 * 1024

const encoder = new TextEncoder()

export function utf8Length(text: string): number {
  return encoder.encode(text).length
}

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes, at a line break where there is one, with open
 * code fences and `<details>` closed and `note` appended. GitHub counts characters; counting bytes
 * is stricter, so the result fits whichever way a limit is counted.
 */
export function trimMarkdown(text: string, maxBytes: number, note: string): string {
  if (utf8Length(text) <= maxBytes) return text
  const tail = `\n\n${note}\n`
  // Room for the closers we may need to add, so the result never overshoots.
  const closers = '\n```\n</details>'.repeat(4)
  const budget = maxBytes - utf8Length(tail) - utf8Length(closers)
  if (budget <= 0) return truncateBytes(note, maxBytes)
  let kept = truncateBytes(text, budget)
  const lineBreak = kept.lastIndexOf('\n')
  if (lineBreak > kept.length / 2) kept = kept.slice(0, lineBreak)
  return `${kept}${closeOpenBlocks(kept)}${tail}`
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text
  let low = 0
  let high = Math.min(text.length, maxBytes)
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (utf8Length(text.slice(0, mid)) <= maxBytes) low = mid
    else high = mid - 1
  }
  // Do not leave half a surrogate pair behind.
  const code = text.charCodeAt(low - 1)
  if (code >= 0xd800 && code <= 0xdbff) low -= 1
  return text.slice(0, low)
}

function closeOpenBlocks(text: string): string {
  let closers = ''
  const fences = text.match(/^\s*(```|~~~)/gm)?.length ?? 0
  if (fences % 2 === 1) closers += '\n```'
  const opened = text.match(/<details\b/gi)?.length ?? 0
  const closed = text.match(/<\/details>/gi)?.length ?? 0
  for (let i = 0; i < Math.min(opened - closed, 4); i++) closers += '\n</details>'
  return closers
}
