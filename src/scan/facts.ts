// What the rules see of a file: a language-neutral summary of its syntax tree (calls, assignments,
// literals, scopes), extracted once per file. Rules are pure functions of these facts, so they can
// be tested without a parser and read the same way for every language.
import type { LanguageId } from './languages.ts'

/** A source range: 1-based line and column (UTF-16 code units, as SARIF counts by default). */
export interface Span {
  line: number
  column: number
  endLine: number
  endColumn: number
  /** Offsets into the text, for ordering and containment. */
  start: number
  end: number
}

export type Value =
  | { kind: 'int'; value: number; text: string }
  /** `value` is the literal's content; interpolations read as `{}`. */
  | { kind: 'string'; value: string; text: string }
  | { kind: 'bool'; value: boolean; text: string }
  /** An identifier or a member path such as `socket.SO_REUSEADDR`; `last` is its final segment. */
  | { kind: 'name'; name: string; last: string; text: string }
  | { kind: 'tuple'; items: Value[]; text: string }
  /** Object literal, struct literal or initializer: `{port: 0}`, `http.Server{Addr: ":80"}`. */
  | { kind: 'object'; type: string; entries: Entry[]; items: Value[]; text: string }
  | { kind: 'call'; call: Call; text: string }
  | { kind: 'function'; text: string }
  /** Anything else (operators, casts…); `parts` are the operands we could read. */
  | { kind: 'other'; parts: Value[]; text: string }

export interface Entry {
  key: string
  value: Value
  at: Span
}

export interface Arg {
  /** Keyword or named argument: Python `port=0`, Kotlin `port = 0`, C# `port: 0`. */
  name?: string
  value: Value
  at: Span
}

export interface Call {
  /** Last segment of the callee: `bind`, `Listen`, `ServerSocket`. */
  name: string
  /** The callee with whitespace removed, at most 200 characters: `net.Listen`, `s.bind`. */
  callee: string
  /** Everything before the last segment: `net`, `s`, `http.createServer()`; '' if none. */
  receiver: string
  isNew: boolean
  args: Arg[]
  at: Span
  scope: number
  /** `await x()`, `go x()`, `defer x()`, or a call whose result is dropped. */
  awaited: boolean
  go: boolean
  defer: boolean
  statement: boolean
  text: string
}

export interface Assign {
  /** The assigned-to text: `PORT`, `self.allow_reuse_address`, `{ port }`. */
  target: string
  /** Its final name segment. */
  name: string
  value: Value
  /** A declaration (`const`, `val`, `let`, `:=`) rather than a plain assignment. */
  declaration: boolean
  /** Go's `server, err := New(cfg)`: the call has more results than this one, so it can fail. */
  oneOfResults?: boolean
  /** The other names such an assignment declares, in order: Go's `_, port, err := net.SplitHostPort(…)`. */
  results?: string[]
  at: Span
  scope: number
}

export interface Scope {
  id: number
  parent: number
  /** The function's name, when it has one (an arrow function takes its variable's name). */
  name: string
  at: Span
  /** A region that is test code by its own marks: Go's *testing.T, Rust's #[test]/#[cfg(test)]. */
  test: boolean
  /** A test the runner skips by its own mark: JUnit's `@Disabled`/`@Ignore`, xUnit's `Skip =`. */
  skipped?: true
  /** A JVM or .NET method declared `public`: other files may call it. */
  public?: true
  /** Declared return type text, when the language states one. */
  returns: string
  /** Rust: the type of the `impl` block a method stands in (`Endpoints` for `Endpoints::new`). */
  owner?: string
  /**
   * Where the function stands, which says when it runs: `declared` (a named declaration, a
   * method, a nested def, the file), `argument` (a literal passed to the call `passedTo`, such as
   * a test callback), `invoked` (a literal called where it stands: an IIFE, `go func(){…}()`), or
   * `value` (a literal stored or returned, to be called later, such as a cleanup function).
   */
  role: 'declared' | 'argument' | 'invoked' | 'value'
  /** For an `argument`, the name of the call it is passed to ('' otherwise). */
  passedTo: string
}

/** `finally`: its `head` is the whole try statement, whose body runs before it. */
export type BlockKind = 'with' | 'using' | 'try' | 'loop' | 'if' | 'finally' | 'catch' | 'assert'

export interface Block {
  kind: BlockKind
  at: Span
  /** For resource blocks, the span of the resource header (what the block closes at its end). */
  head?: Span
  /** For a catch, the whole statement it belongs to, whose body it guards. */
  statement?: Span
  /** The header's text (what the block opens), at most 200 characters. */
  headText?: string
  scope: number
}

/** A value leaving its function: `return x`, `yield x`, a Rust tail expression, an arrow body. */
export interface Exit {
  at: Span
  text: string
  scope: number
  /** What a `return` statement returns, when it returns one expression. */
  value?: Value
}

export interface Str {
  value: string
  at: Span
  scope: number
}

/** An identifier or property name from the rules' vocabulary (see WORDS in extract.ts). */
export interface Word {
  text: string
  at: Span
  scope: number
}

export interface Import {
  module: string
  names: string[]
}

/**
 * A comment saying the code waits for a server to come up ("Wait for socket to become available",
 * "Give the listener a moment to come up"), not for one to go ("until the old server is gone"):
 * kept beside the directives, as PORT007 reads it on a sleep.
 */
export const WAITS_FOR_SERVER =
  /^(?![^]*\b(?:not|gone|stop\w*|shut\w*|clos\w*|releas\w*|exit\w*|die[sd]?|dead|finish\w*|free[sd]?)\b)[^]*\b(?:wait\w*|give|let|allow|ensure|make sure)\b[^]*\b(?:server|listener|socket|port|service|daemon|proxy|gateway|broker)s?\b[^]*\b(?:start\w*|up|ready|listen\w*|bind|bound|boot\w*|initiali[sz]\w*|available|accept\w*|running)\b/i

/**
 * A comment saying nothing listens where the code points (parallel-ssh's "Port with no server
 * listening on it"): a number drawn under it is meant to be refused, PORT002 reads.
 */
export const NO_LISTENER_COMMENT =
  /\b(?:no (?:server|one|listener|service)s? (?:is )?(?:listening|running|bound|there)|nothing (?:is )?(?:listening|bound|running)|not (?:be )?listening|(?:connection|connect)s? (?:will|should|must) (?:fail|be refused))\b/i

/** Go's `// Output:` line, which makes the test runner run an `Example…` function. */
export const GO_EXAMPLE_OUTPUT = /^\/\/\s*(?:Unordered output|Output):/i

export interface Comment {
  /** The comment, with the comment lines that directly follow it (a wrapped explanation). */
  text: string
  at: Span
  /** It follows code on its line, and so speaks of that line only. */
  trailing?: boolean
  /**
   * Lines of the statement that starts on the line after the comment, when there is one: those
   * holding its own code, not the inside of a function body, block or callback nested in it.
   */
  covers?: readonly number[]
}

export interface FileFacts {
  language: LanguageId
  calls: Call[]
  assigns: Assign[]
  entries: (Entry & { scope: number; owner: string })[]
  scopes: Scope[]
  blocks: Block[]
  exits: Exit[]
  strings: Str[]
  words: Word[]
  imports: Import[]
  comments: Comment[]
  /** Parameter names of functions (pytest fixtures arrive as parameters). */
  params: { name: string; at: Span; scope: number; default?: Value }[]
  /** Names declared without a value: Go's `var ports []int`, JavaScript's `let server`. */
  declaredOnly: { name: string; at: Span; scope: number }[]
  /** `continue`: a loop moving on to its next turn (after a bind that failed, say). */
  continues: Span[]
  /** The tree had syntax errors; facts come from the parts that parsed. */
  hasErrors: boolean
}

/** The smallest call around `at` that does not start where it does: the call `at` is handed to. */
export function innermostCall(facts: FileFacts, at: Span): Call | undefined {
  let best: Call | undefined
  for (const c of facts.calls) {
    const smaller = !best || c.at.end - c.at.start < best.at.end - best.at.start
    if (smaller && contains(c.at, at) && c.at.start !== at.start) best = c
  }
  return best
}

/** The smallest block around `at`: the body it stands in directly (a loop's, an `except`'s). */
export function innermostBlock(facts: FileFacts, at: Span): Block | undefined {
  let best: Block | undefined
  for (const b of facts.blocks) {
    if (contains(b.at, at) && (!best || contains(best.at, b.at))) best = b
  }
  return best
}

/** The smallest assignment around `at`: the one whose value holds it (`srv := &http.Server{…}`). */
export function innermostAssign(facts: FileFacts, at: Span): Assign | undefined {
  let best: Assign | undefined
  for (const a of facts.assigns) {
    const smaller = !best || a.at.end - a.at.start < best.at.end - best.at.start
    if (smaller && contains(a.at, at)) best = a
  }
  return best
}

/** The last assignment to `name` that ends before `at`, of those `which` keeps: what a call's receiver holds. */
export function lastAssign(
  facts: FileFacts,
  name: string,
  at: Span,
  which: (a: Assign) => boolean = () => true,
): Assign | undefined {
  return facts.assigns.findLast((a) => a.name === name && a.at.end <= at.start && which(a))
}

/**
 * A C++ declaration that constructs the variable `name`, which the facts hold as a call of its
 * type: `tcp::acceptor acceptor(io);`, `tcp::endpoint const ep{…};`, `Address addr(…)`.
 */
export function declaresVariable(call: Call, name: string): boolean {
  if (!call.isNew || !/^\w+$/.test(name)) return false
  return new RegExp(`^[\\w:<>]+(?:\\s+const)?\\s+${name}\\s*[({]`).test(call.text)
}

/**
 * Where the statement around `at` starts, when it starts on an earlier line (an assignment or a
 * return): `return new InetSocketAddress(⏎ …, TestUtils.getFreePort())` is read from its
 * `return`, `let cmd = Command::new(…)⏎.args(…)⏎.spawn()` from its `let`, as a reviewer reads it.
 */
export function statementAround(facts: FileFacts, at: Span): Span {
  const around = [...facts.exits, ...facts.assigns]
    .filter((x) => contains(x.at, at))
    .sort((a, b) => b.at.start - a.at.start)[0]
  return around && around.at.line < at.line ? around.at : at
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/** From the start of `from` to the end of `to`. */
export function spanning(from: Span, to: Span): Span {
  return { ...from, endLine: to.endLine, endColumn: to.endColumn, end: to.end }
}
