// Text from a repository (file names, paths, notes, messages about its files) on its way to a
// terminal or a workflow log. The runner reads every line that starts, after blanks, with `::` as
// a workflow command (`::error …::`, `::add-mask::`, `::stop-commands::`) and splits lines at \r
// as well as \n; a terminal obeys escape sequences. So a file named "x\n::error title=…::" would
// forge an annotation and one holding ESC would repaint the screen. @actions/core escapes the data
// of its own commands (%0A for a line break), not what core.info prints: everything bind-probe
// prints that holds such text goes through here.

/**
 * Control characters but tab and line feed, the Unicode line and paragraph separators, and the
 * bidi overrides (which reorder what a reader sees).
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
/** The same, with tab and line feed. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e' }

function escaped(c: string): string {
  const code = c.codePointAt(0)!
  const hex = code.toString(16).padStart(code < 0x100 ? 2 : 4, '0')
  return NAMED[c] ?? (code < 0x100 ? `\\x${hex}` : `\\u${hex}`)
}

/**
 * `text` with every control character shown as an escape (`\n`, `\e`, `\x07`) and a `::` that
 * starts a line (after blanks) written `\x3a:`, so no line of it is a workflow command. With
 * `oneLine`, line feeds and tabs are escaped too: for a value such as a file name inside a line
 * of bind-probe's own; without it, the lines of a text stay lines.
 */
export function printable(text: string, { oneLine = false }: { oneLine?: boolean } = {}): string {
  const lines = oneLine ? [text] : text.split('\n')
  return lines
    .map((line) =>
      line
        .replace(oneLine ? CONTROL_OR_BREAK : CONTROL, escaped)
        .replace(/^(\s*):(?=:)/, '$1\\x3a'),
    )
    .join('\n')
}
