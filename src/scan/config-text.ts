// Listen addresses written inside configuration text that a test embeds and then runs a server
// with (nats-server's `createConfFile(t, []byte(…listen: 127.0.0.1:20104…))` followed by
// `RunServerWithConfig(conf)`). The port never passes through a listener call the other readers
// know, so the text itself is the listener: the line a reviewer would change.
import type { FileFacts, Span, Str } from './facts.ts'
import { contains } from './facts.ts'
import type { Listener } from './listeners.ts'

/** A host in a listen address: a name, an IPv4 address or a bracketed IPv6 one. */
const HOST = String.raw`(?:[\w.-]+|\[[\w:]*\])`
const SEPARATOR = String.raw`["']?[ \t]*[:=][ \t]*["']?`

/**
 * A line of configuration that says where to listen, perhaps with a trailing `#` or `//`
 * comment: `listen: 127.0.0.1:4222`, `listen = ":8080"`, `listen: 4222`, and `http:
 * localhost:8222`, whose key needs a host (a bare `http: 80` is as often a client's setting).
 * nats-server's `-1` ("any free port") is no port.
 */
const LISTEN_LINE = new RegExp(
  String.raw`^[ \t]*["']?(?:` +
    String.raw`(?:listen|listen_addr(?:ess)?|bind_addr(?:ess)?|http_listen)${SEPARATOR}(?:${HOST}?:)?` +
    String.raw`|https?${SEPARATOR}${HOST}:` +
    String.raw`)(\d{2,5})["']?[ \t]*,?[ \t]*(?:(?:#|//).*)?$`,
  'gm',
)

/**
 * Calls that start what the text configures: `RunServerWithConfig`, `startServer`,
 * `start_server`. Not a bare `Run` (Go's `t.Run` of a table of parser cases).
 */
const RUNS = /^(?:[Rr]un|[Ss]tart|[Ll]aunch|[Bb]oot)(?:_\w+|[A-Z]\w*)$/

export function configTextListeners(facts: FileFacts): Listener[] {
  const out: Listener[] = []
  for (const s of facts.strings) {
    if (s.scope === 0 || !s.value.includes('\n')) continue
    const lines = [...s.value.matchAll(LISTEN_LINE)]
    if (lines.length === 0) continue
    // The function the text is written in (a test, a helper) must run something with it.
    const area = facts.scopes[s.scope]!.at
    if (!facts.calls.some((c) => RUNS.test(c.name) && contains(area, c.at))) continue
    for (const m of lines) {
      const port = Number(m[1])
      if (port <= 0 || port > 65535) continue
      out.push({
        kind: 'server',
        port: { kind: 'fixed', port },
        at: lineSpan(s, m.index, m[0].length),
        scope: s.scope,
        text: m[0].trim(),
      })
    }
  }
  return out
}

/** Where a match inside the string's text stands in the file. */
function lineSpan(s: Str, index: number, length: number): Span {
  const before = s.value.slice(0, index)
  const lines = before.split('\n').length - 1
  // The string's opening delimiter: one character for "…" and `…`, three for """…""".
  const open = Math.max(0, Math.floor((s.at.end - s.at.start - s.value.length) / 2))
  const line = s.at.line + lines
  const column = lines === 0 ? s.at.column + open + index : index - before.lastIndexOf('\n')
  const start = s.at.start + open + index
  return { line, column, endLine: line, endColumn: column + length, start, end: start + length }
}
