// The hidden last line that marks a comment as bind-probe's for one comment key. The report's
// renderer writes it (after the digest line); here it finds the comment again. Who wrote a comment
// is checked separately: anyone can paste the marker.
import { CommentKeyError, commentMarker } from '../report/marker.ts'
import { COMMENT_BODY_LIMIT, trimMarkdown, utf8Length } from './limits.ts'

export { commentMarker, CommentKeyError }

/** Throws when `key` cannot appear in the marker and in an artifact name unchanged. */
export function assertCommentKey(key: string): void {
  commentMarker(key)
}

/** True when `body` ends with `marker` (trailing white space aside); elsewhere does not count. */
export function endsWithMarker(body: string, marker: string): boolean {
  return body.trimEnd().endsWith(marker)
}

// Our hidden lines at the end of a body: the digest, then the marker.
const TRAILER_LINE = /^<!-- bind-probe:[^\n]* -->$/

/**
 * The body as it is posted: ending with the marker, within GitHub's size limit. The renderer
 * already trims and appends its trailer; this only guards against a body that still does not fit
 * (cut above the trailer, which is kept whole) or that lacks the marker (appended).
 */
export function markedBody(body: string, key: string): { body: string; trimmed: boolean } {
  const marker = commentMarker(key)
  const lines = body.trimEnd().split('\n')
  const trailer: string[] = []
  while (lines.length && TRAILER_LINE.test(lines[lines.length - 1]!.trim())) {
    trailer.unshift(lines.pop()!.trim())
  }
  if (trailer[trailer.length - 1] !== marker) trailer.push(marker)
  const main = lines.join('\n').trimEnd()
  const end = `\n\n${trailer.join('\n')}\n`
  const full = `${main}${end}`
  if (full.length <= COMMENT_BODY_LIMIT && utf8Length(full) <= COMMENT_BODY_LIMIT) {
    return { body: full, trimmed: false }
  }
  const cut = trimMarkdown(
    main,
    COMMENT_BODY_LIMIT - utf8Length(end),
    "_… trimmed to fit GitHub's comment size limit; the job summary has the full report._",
  )
  return { body: `${cut.trimEnd()}${end}`, trimmed: true }
}

/** Whether two bodies would render the same (GitHub may hand back CRLF line ends). */
export function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').replace(/\s+$/, '')
  return norm(a) === norm(b)
}
