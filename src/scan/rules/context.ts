// What every rule receives, and the small predicates they share.
import type { Severity } from '../finding.ts'
import type { Call, FileFacts, Scope, Span } from '../facts.ts'
import { GO_EXAMPLE_OUTPUT, contains } from '../facts.ts'
import { perFile } from '../per-file.ts'
import { languageById, type Family, type LanguageId } from '../languages.ts'
import type { Listener } from '../listeners.ts'
import { runByHand } from '../test-files.ts'
import type { SpawnedServer } from '../spawned-servers.ts'
import type { GoroutineServer } from './serve-before-listen/go.ts'
import type { Constants } from '../values.ts'

export { escapeRegExp, hasWord } from '../literals.ts'

export interface RuleContext {
  facts: FileFacts
  family: Family
  language: LanguageId
  path: string
  /** The file is test code by its path (see test-files.ts). */
  testFile: boolean
  consts: Constants
  listeners: Listener[]
  /** Server processes the file starts with a port argument (PORT001 and PORT007 read them). */
  spawned: SpawnedServer[]
  /** Go calls a test runs in a goroutine with the port it then dials (PORT001 and PORT007). */
  goroutines: GoroutineServer[]
  /** Helper names the project vouches for (a coordinated allocator, say). */
  allowedHelpers: readonly string[]
  /**
   * Names like a free-port helper's whose definition, in another file the scan read, only counts
   * or draws a number (helper-definitions.ts): not a helper.
   */
  countingHelpers: ReadonlySet<string>
}

/** A rule's raw result; the scan turns it into a Finding (advice, fingerprint, path). */
export interface Hit {
  rule: string
  severity: Severity
  at: Span
  message: string
  /** The flagged code, for the fingerprint. */
  code: string
}

export type Rule = (ctx: RuleContext) => Hit[]

/** What the scope predicates read: any context that has the file's facts. */
type Scoped = Pick<RuleContext, 'facts' | 'testFile' | 'path'>

export function inTest(ctx: Scoped, scope: number): boolean {
  if (ctx.facts.scopes[scope]?.test === true) return true
  return (
    ctx.testFile &&
    !inMainOfTestSources(ctx, scope) &&
    !inUnrunExample(ctx, scope) &&
    !scriptRunByHand(ctx.facts, ctx.path)
  )
}

const SCRIPTS: ReadonlySet<string> = new Set(['javascript', 'typescript', 'tsx'])

/** A file named as a test or benchmark suite, which a runner collects: `x.test.js`, `server.bench.js`. */
const SUITE_NAME = /\.(?:test|spec|bench)\.[cm]?[jt]sx?$/

/**
 * Benchmarks and demos, of the directories kept to be run by hand: a script's examples are as
 * often the project's own end-to-end suite (nightwatch's `examples/test-app/globals.js`, whose
 * hook serves the example tests; census 62).
 */
const BENCH_OR_DEMO = /(?:^|\/)(?:demos?|bench(?:mark)?s?(?:-[\w-]+)?|perf)\//i

/** What a JavaScript test runner is handed a test or a hook by: `it(…)`, `test(…)`, `describe(…)`, `bench(…)`. */
const RUNNER_CALL =
  /^(?:it|test|describe|suite|context|bench|before(?:Each|All)?|after(?:Each|All)?)$/

const noTestIn = perFile(
  (facts: FileFacts) =>
    !facts.scopes.some((s) => s.test || (s.role === 'argument' && RUNNER_CALL.test(s.passedTo))),
)

/**
 * A JavaScript or TypeScript program among the benchmarks and demos, with no test in it and not
 * named as a suite: srvx's benchmark targets under `test/bench-node/`, egg's
 * `test/bench/server.js` and its `apps/demo` (censuses 59 and 62). Its servers start only when
 * someone runs it. A CI-run benchmark suite (newrelic's `server.bench.js`) is kept.
 */
const scriptRunByHand = (facts: FileFacts, path: string) =>
  SCRIPTS.has(facts.language) &&
  BENCH_OR_DEMO.test(path) &&
  !SUITE_NAME.test(path) &&
  noTestIn(facts)

/**
 * Go's test runner only compiles an `Example…` function without an `// Output:` comment; it never
 * runs it (skipper's `Example_ratelimitRegistryBinding`, whose `Run(o)` would serve forever).
 */
function inUnrunExample(ctx: Scoped, scope: number): boolean {
  if (ctx.facts.language !== 'go') return false
  for (let s = ctx.facts.scopes[scope]; s && s.id !== 0; s = ctx.facts.scopes[s.parent]) {
    if (s.role !== 'declared' || !/^Example/.test(s.name)) continue
    const area = s.at
    return !ctx.facts.comments.some((c) => contains(area, c.at) && GO_EXAMPLE_OUTPUT.test(c.text))
  }
  return false
}

/**
 * Languages whose test runners call test functions, never a `main`: `go test` and `cargo test`
 * build a program's `main` but do not run it.
 */
const RUNNER_ONLY: ReadonlySet<string> = new Set(['java', 'kotlin', 'csharp', 'go', 'rust'])

/**
 * A `main` in test sources is a demo or a manual harness that JUnit, kotlin.test, xUnit, `go test`
 * and `cargo test` never run (navikt/ktor-openapi-generator's `TestServer.main` on port 8080,
 * axum's `examples/testing/src/main.rs` on 3000): its server starts only when someone runs it by
 * hand, not beside other tests. Not a Rust integration test's own `main` (`harness = false`).
 */
function inMainOfTestSources(ctx: Scoped, scope: number): boolean {
  // A C or C++ program among the benchmarks, examples or demos, with no test in it (asio2's
  // `test/bench/tcp/asio_tcp_tps_server/asio_tcp_tps_server.cpp`; census 68): its own runner.
  if (languageById(ctx.facts.language).family === 'c' && runByHand(ctx.path)) {
    return ctx.facts.scopes.some(isMain) && !ctx.facts.scopes.some((s) => s.test)
  }
  if (!RUNNER_ONLY.has(ctx.facts.language)) return false
  if (ctx.facts.language === 'rust' && /(?:^|\/)tests\//.test(ctx.path)) return false
  if (runByHand(ctx.path) && isProgram(ctx.facts)) return true
  for (let s = ctx.facts.scopes[scope]; s && s.id !== 0; s = ctx.facts.scopes[s.parent]) {
    if (isMain(s)) return true
  }
  return false
}

const isMain = (s: Scope) => s.role === 'declared' && /^[mM]ain$/.test(s.name)

/**
 * A JVM or .NET file with a `main` and no test in it, among the programs kept to be run by hand, is
 * a program, all of it: the runnables its `main` forks too (jeromq's zguide examples under
 * src/test/java/guide, whose nested `Publisher.run()` binds a fixed port). Elsewhere another
 * test may call its `main` (py4j's `EchoServer.main(null)`), so only `main` itself is excluded.
 */
function isProgram(facts: FileFacts): boolean {
  return (
    ANNOTATED_TESTS.has(facts.language) &&
    facts.scopes.some(isMain) &&
    !facts.scopes.some((s) => s.test)
  )
}

const ANNOTATED_TESTS: ReadonlySet<string> = new Set(['java', 'kotlin', 'csharp'])

/** Calls that run the function literal they are given on the spot, as part of the caller's work. */
const RUNS_IN_PLACE =
  /^(?:Promise|use|let|also|apply|run|with|runBlocking|runTest|coroutineScope|withContext|synchronized|forEach|map)$/

/**
 * The function a piece of code belongs to as a unit of work: the nearest enclosing function that
 * has a name, or a function literal passed to a call that runs it on its own (a test callback
 * given to `it`/`test`/`beforeEach`, Go's `t.Run`, a thread's body), or the file. Lambdas run in
 * place (a Promise executor, Kotlin's `use {}`) and unnamed literals belong to their enclosing unit.
 */
export function namedScope(ctx: Scoped, scope: number): number {
  let s = ctx.facts.scopes[scope]
  while (s && s.id !== 0 && s.name === '') {
    if (s.role === 'argument' && !RUNS_IN_PLACE.test(s.passedTo)) break
    s = ctx.facts.scopes[s.parent]
  }
  return s?.id ?? 0
}

export function scopeSpan(ctx: RuleContext, scope: number): Span {
  return ctx.facts.scopes[scope]!.at
}

export const CLOSE =
  /^(?:close|Close|shutdown|Shutdown|server_close|stop|Stop|dispose|Dispose|drop|destroy|terminate|CloseAsync|StopAsync|DisposeAsync|aclose|closeSync)$/

/** Calls that register teardown for later: a close inside them happens after the test, not before. */
export const CLEANUP =
  /^(?:Cleanup|addCleanup|afterEach|afterAll|after|teardown|tearDown|AfterEach|AfterAll|addFinalizer|addAsyncCleanup|onTestFinished|cleanup|finalizer)$/

export function insideAny(calls: readonly Call[], at: Span, pattern: RegExp): boolean {
  return calls.some((c) => pattern.test(c.name) && contains(c.at, at) && c.at.start !== at.start)
}

/** Control-flow helpers that call their last argument once every task before it is done. */
const RUNS_LAST = /^(?:series|waterfall|parallel|eachSeries|mapSeries|auto)$/

/** The file's sequencing calls, found once: a test file can hold thousands of closes. */
const sequencersIn = perFile((calls: readonly Call[]) =>
  calls.filter((c) => RUNS_LAST.test(c.name) && c.args.length >= 2),
)

/**
 * In the completion callback of `series(tasks, done)` (run-series, async): it runs after every
 * task, so a close there comes after the tasks' uses of the port (webtorrent's DHT tests).
 */
export function inCompletion(calls: readonly Call[], at: Span): boolean {
  return sequencersIn(calls).some((c) => contains(c.args[c.args.length - 1]!.at, at))
}

export function mentionsMulticast(facts: FileFacts): boolean {
  return (
    facts.words.some((w) =>
      /[Mm]ulticast|MEMBERSHIP|Membership|JOIN_GROUP|[jJ]oinGroup/.test(w.text),
    ) ||
    facts.calls.some((c) => /[Mm]ulticast|[jJ]oinGroup|addMembership|join_multicast/.test(c.name))
  )
}

/** The variable a root identifier path starts with: `self.sock.bind` → `self.sock`. */
export function rootOf(text: string): string {
  const m = /^(?:(?:self|this|@)\.?)?[\w$]+/.exec(text)
  return m ? m[0] : ''
}

/**
 * A client constructed connected, whose constructor dials: Java's `new Socket(host, port)`, .NET's
 * `new TcpClient(host, port)`.
 */
export function constructedConnected(call: Call): boolean {
  return /^(?:Socket|TcpClient)$/.test(call.name) && call.args.length >= 2
}
