// The hidden line that marks a comment as bind-probe's for one comment key. It finds the comment
// again; who wrote it is checked separately (anyone can paste the marker).
import { COMMENT_BODY_LIMIT, trimMarkdown } from './limits.ts'

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export class CommentKeyError extends Error {
  override name = 'CommentKeyError'
}

/** Throws when `key` cannot appear inside an HTML comment and an artifact name unchanged. */
export function assertCommentKey(key: string): void {
  if (!KEY.test(key)) {
    throw new CommentKeyError(
      `comment key "${key}" must be 1 to 64 letters, digits, dots, dashes or underscores, ` +
        'starting with a letter or digit',
    )
  }
}

export function commentMarker(key: string): string {
  assertCommentKey(key)
  return `<!-- bind-probe:${key} -->`
}

/**
 * The body as it is posted: the marker last, within GitHub's size limit (the renderer trims
 * sections first; this only guards against a body that still does not fit).
 */
export function markedBody(body: string, key: string): { body: string; trimmed: boolean } {
  const marker = commentMarker(key)
  const bare = body.split(marker).join('').replace(/\s+$/, '')
  const full = `${bare}\n\n${marker}\n`
  if (
    full.length <= COMMENT_BODY_LIMIT &&
    new TextEncoder().encode(full).length <= COMMENT_BODY_LIMIT
  ) {
    return { body: full, trimmed: false }
  }
  const room = COMMENT_BODY_LIMIT - marker.length - 4
  const cut = trimMarkdown(
    bare,
    room,
    "_… trimmed to fit GitHub's comment size limit; the job summary has the full report._",
  )
  return { body: `${cut.replace(/\s+$/, '')}\n\n${marker}\n`, trimmed: true }
}

/** Whether two bodies would render the same (GitHub may hand back CRLF line ends). */
export function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').replace(/\s+$/, '')
  return norm(a) === norm(b)
}
