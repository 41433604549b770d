// Our hidden lines at the very end of every comment we write: the digest, then the marker that
// finds the comment again (one comment per pull request and comment key). User text is escaped
// so it can never contain `<!--` (see render/markdown.ts); readers still look only at the tail of a
// body, so a forged line anywhere else in it is ignored.
import { decodeDigest, type DecodedDigest } from './digest.ts'

export const COMMENT_KEY = /^[A-Za-z0-9._-]{1,64}$/

export class CommentKeyError extends Error {
  override name = 'CommentKeyError'
}

/** The last line of our comment for this key: `<!-- bind-probe:comment key=default -->`. */
export function commentMarker(key: string): string {
  if (!COMMENT_KEY.test(key)) {
    throw new CommentKeyError(
      `comment key "${key}" must be 1 to 64 letters, digits, dots, dashes or underscores`,
    )
  }
  return `<!-- bind-probe:comment key=${key} -->`
}

export function digestLine(token: string): string {
  return `<!-- bind-probe:digest ${token} -->`
}

/** The block appended to a rendered comment. */
export function trailer(key: string, digestToken: string): string {
  return `${digestLine(digestToken)}\n${commentMarker(key)}`
}

/** True when `body` ends with our marker for `key` (trailing white space aside). */
export function hasCommentMarker(body: string, key: string): boolean {
  return body.trimEnd().endsWith(commentMarker(key))
}

export type PreviousDigest = DecodedDigest | { absent: true }

/** The digest in the trailer of an earlier comment of ours; a problem, never a throw. */
export function readDigest(body: string): PreviousDigest {
  const lines = body.trimEnd().split('\n').slice(-2)
  if (lines.length < 2 || !/^<!-- bind-probe:comment key=[A-Za-z0-9._-]+ -->$/.test(lines[1]!)) {
    return { problem: 'the comment does not end with a bind-probe marker' }
  }
  const m = /^<!-- bind-probe:digest (\S+) -->$/.exec(lines[0]!.trim())
  if (!m) return { absent: true }
  return decodeDigest(m[1]!)
}
