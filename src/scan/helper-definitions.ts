// A free-port helper the file calls but does not define is known by its name alone: most are
// real probes (`get_free_port()` from a conftest, `findFreePort()` from a test utility class). A
// few are named like one and only count or draw: PowerDNS's `pickAvailablePort()` steps a counter
// from 11000 per test worker, swoole's `get_random_port()` adds a random number to a constant.
// Neither binds, probes or closes anything, so nothing can take the port between a close and a
// bind (censuses 70 and 74). Where the definition sits in the file's own directory or one above
// it, the scan reads it (helper-definition-reader.ts) and lets it speak instead of the name.
// Pure: the reader does the reading.
import type { FileFacts } from './facts.ts'
import { contains } from './facts.ts'
import type { Family } from './languages.ts'
import { escapeRegExp } from './literals.ts'
import {
  ADDRESS_HELPER_NAME,
  BARE_HELPER_NAME,
  HELPER_NAME,
} from './rules/free-port-race/vocabulary.ts'

const CALLED_NAME = /\b([A-Za-z_]\w*)\s*\(/g

/** Names the text calls that read as a free-port helper's: `pickAvailablePort(`, `get_free_port(`. */
export function helperNamesCalled(text: string): string[] {
  const names = new Set<string>()
  for (const [, name] of text.matchAll(CALLED_NAME)) {
    if (HELPER_NAME.test(name!) || BARE_HELPER_NAME.test(name!) || ADDRESS_HELPER_NAME.test(name!))
      names.add(name!)
  }
  return [...names].sort()
}

/** The start of a function named N (escaped) in each family's syntax. */
const DEFINITION: Record<Family, (n: string) => RegExp> = {
  python: (n) => new RegExp(`^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${n}[ \\t]*\\(`, 'm'),
  js: (n) =>
    new RegExp(
      `\\bfunction\\b\\s*\\*?\\s*${n}\\s*\\(|\\b${n}\\s*[:=]\\s*(?:async\\s*)?(?:function\\b|\\([^)]*\\)\\s*(?::[^=]*)?=>|\\w+\\s*=>)|^[ \\t]*(?:(?:export|public|private|protected|static|async)\\s+)*${n}\\s*\\([^)]*\\)[^;{]*\\{`,
      'm',
    ),
  go: (n) => new RegExp(`^func\\s+(?:\\([^)]*\\)\\s*)?${n}\\s*\\(`, 'm'),
  java: (n) => new RegExp(`\\b${n}\\s*\\([^;{)]*\\)\\s*(?:throws[^;{]*)?\\{`),
  kotlin: (n) => new RegExp(`\\bfun\\s+(?:<[^>]*>\\s*)?(?:[\\w.]+\\.)?${n}\\s*\\(`),
  csharp: (n) => new RegExp(`\\b${n}\\s*\\([^;{)]*\\)\\s*(?:=>|\\{)`),
  rust: (n) => new RegExp(`\\bfn\\s+${n}\\b`),
  c: (n) =>
    new RegExp(`^[^\\n;=()]*\\b${n}\\s*\\([^;{)]*\\)\\s*(?:const\\s*|noexcept\\s*)*\\{`, 'm'),
}

/** The start of a function named NAME in the family's syntax (a cheap test before parsing). */
export function definesFunction(text: string, name: string, family: Family): boolean {
  return DEFINITION[family](escapeRegExp(name)).test(text)
}

/**
 * Calls that could bind, probe, connect or ask another helper: anything named for sockets,
 * servers, ports or finding one free. A definition that makes none of them (through the file's
 * own functions it calls) only computes its number.
 */
const COULD_PICK =
  /sock|bind|listen|connect|dial|serv|open|probe|check|avail|free|unused|port|pick|reserve|alloc|acquire|request|http|spawn|exec|popen|system|netstat|lsof/i

/**
 * Whether the file's definition of NAME hands out a number without binding, probing or closing
 * anything (a counter, a random draw, an offset); undefined when the file defines no such function.
 * A definition returns what it hands out: a declaration without a body (Kotlin's `expect suspend
 * fun findOpenPort(): Int`, whose `actual`s probe; kzmq-03) or an abstract method is none.
 */
export function picksNoPort(facts: FileFacts, name: string): boolean | undefined {
  const defined = facts.scopes.filter(
    (s) =>
      s.name === name &&
      s.id !== 0 &&
      facts.exits.some((e) => e.value !== undefined && contains(s.at, e.at)),
  )
  if (defined.length === 0) return undefined
  const seen = new Set<number>()
  const quiet = (id: number, depth: number): boolean => {
    if (seen.has(id)) return true
    seen.add(id)
    const body = facts.scopes[id]!.at
    return facts.calls.every((c) => {
      if (!contains(body, c.at)) return true
      const own = facts.scopes.filter((s) => s.name === c.name && s.id !== 0)
      if (own.length > 0 && c.receiver === '')
        return c.name === name || (depth < 3 && own.every((s) => quiet(s.id, depth + 1)))
      return !COULD_PICK.test(c.callee)
    })
  }
  return defined.every((s) => quiet(s.id, 0))
}
