// Result and scan files come from every kind of runner: a Windows step that writes UTF-8 with
// PowerShell's `-Encoding utf8`, or an editor, starts the file with a byte-order mark, which
// JSON.parse refuses although the text is the JSON we wrote.
const BYTE_ORDER_MARK = 0xfeff

/** JSON.parse for a file's text: a leading UTF-8 byte-order mark is not part of the JSON. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text)
}
