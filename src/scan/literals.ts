// Text of literals and callees, read without a syntax tree: shared by the walk (extract.ts), the
// node readers and the header reader (includes.ts).

/** Texts kept in facts are cut to this many characters. */
export const MAX_TEXT = 200

export function splitCallee(text: string): { receiver: string; name: string } {
  const t = text.replace(/!$/, '')
  let best = -1
  let width = 0
  for (const sep of ['.', '::', '->']) {
    const i = t.lastIndexOf(sep)
    if (i > best) {
      best = i
      width = sep.length
    }
  }
  if (best < 0) return { receiver: '', name: t }
  return { receiver: t.slice(0, best).replace(/\?$/, ''), name: t.slice(best + width) }
}

export function lastSegment(text: string): string {
  return splitCallee(text).name.replace(/[^\w$]/g, '')
}

export function parseInteger(text: string): number | undefined {
  const m = /^(0[xX][0-9a-fA-F_]+|\d[\d_]*)(?:[uUlLiI]\w*)?$/.exec(text.trim())
  if (!m) return undefined
  const digits = m[1]!.replace(/_/g, '')
  const value =
    digits.startsWith('0x') || digits.startsWith('0X') ? parseInt(digits, 16) : Number(digits)
  return Number.isSafeInteger(value) ? value : undefined
}

/** The content of a string literal in any of our languages; interpolations read as `{}`. */
export function unquote(text: string): string {
  let t = text.trim()
  const raw = /^(?:r|br|R|u8R|LR|uR|UR)?(#*)"/.exec(t)
  if (raw && raw[1]) {
    const hashes = raw[1]
    t = t.slice(t.indexOf('"') + 1)
    if (t.endsWith(`"${hashes}`)) t = t.slice(0, -(hashes.length + 1))
    return t
  }
  t = t.replace(/^[a-zA-Z@$]{1,3}(?=["'`])/, '')
  for (const q of ['"""', "'''", '"', "'", '`']) {
    if (t.length >= 2 * q.length && t.startsWith(q) && t.endsWith(q)) {
      t = t.slice(q.length, t.length - q.length)
      break
    }
  }
  return t.replace(/\$\{[^}]*\}/g, '{}')
}

export function identifiersIn(text: string): string[] {
  return (text.match(/[A-Za-z_$][\w$]*/g) ?? []).filter(
    (w) => !['as', 'type', 'from', 'import', 'const', 'let', 'var', 'typeof'].includes(w),
  )
}

export function cap(text: string, max: number, keepEnd = false): string {
  if (text.length <= max) return text
  return keepEnd ? text.slice(text.length - max) : text.slice(0, max)
}

/** Text with the characters regular expressions treat specially escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `word` stands in `text` as a name of its own, not part of a longer one or another's member. */
export function hasWord(text: string, word: string): boolean {
  if (!word) return false
  return new RegExp(`(?<![\\w$.])${escapeRegExp(word)}(?![\\w$])`).test(text)
}
