// Tests that never run by default: `it.skip(…)`, `xit(…)`, `Deno.test({ ignore: true, … })`,
// `describe.runIf(false)(…)`. A fixed port or a race inside one cannot make a run flaky, so the
// scan does not report it (independent reviewers judged such findings false; docs/scan.md).
// JavaScript and TypeScript by their calls; JVM and .NET test methods by their annotations
// (`@Disabled`, `[Fact(Skip = …)]`), Rust's by `#[ignore]` and Python's by
// `@pytest.mark.skip`/`@unittest.skip` (all read in extract.ts); in any language the rest of a
// test after its own unconditional skip call; Python's `__main__` block, which runs only when
// the file is started as a program; TypeScript's type tests and programs kept to fail
// compilation (`tests/compile-fail/`), which are compiled, never run; Go's `testdata`, neither.
import type { FileFacts, Span, Value } from './facts.ts'
import { contains } from './facts.ts'
import type { Family } from './languages.ts'
import { compileFailOnly, goTestdata, pytestModule, runByHand, typeTestOnly } from './test-files.ts'

const SKIPPING_RECEIVER = /^(?:it|test|describe|context|suite|Deno\.test)$/
const SKIPPED = /^(?:xit|xtest|xdescribe|xcontext)$/

/** A skip the test calls itself: Go's `t.Skip(…)`, pytest's `pytest.skip(…)`, unittest's `self.skipTest(…)`. */
const SKIP_CALL = /^(?:(?:t|b|tb)\.(?:Skip|Skipf|SkipNow)|pytest\.skip|self\.skipTest)$/

/**
 * The spans of the skipped tests and suites in a file, with the file's functions that only they
 * call (DnsClientX's `RunMulticastServerAsync`, called only by a `[Fact(Skip = …)]` test).
 */
export function skippedTests(facts: FileFacts, family: Family, path: string): Span[] {
  const skipped = skippedByMark(facts, family, path)
  // Rust's `#[ignore]` tests run on request (`cargo test -- --ignored`), as CI jobs with the
  // services they need do: their helpers are kept (ephpm's `start_proxy`, a fixed race).
  return skipped.length > 0 && family !== 'rust' ? onlyCalledFrom(facts, skipped) : skipped
}

function skippedByMark(facts: FileFacts, family: Family, path: string): Span[] {
  if (compileFailOnly(path) || goTestdata(path)) return [facts.scopes[0]!.at]
  if (family === 'python') {
    // Another file's test may start this one as a program (scrapy's mock FTP server, `python -m
    // tests.mockserver.ftp`), so its main block counts only where nothing spawns it: in a module
    // pytest collects, or among the programs kept to be run by hand.
    const byHand = pytestModule(path) || runByHand(path)
    return [...marked(facts), ...skippedHere(facts), ...(byHand ? mainOnly(facts) : [])]
  }
  if (family !== 'js') return [...marked(facts), ...skippedHere(facts)]
  if (typeTestOnly(path)) return [facts.scopes[0]!.at]
  const out: Span[] = []
  for (const call of facts.calls) {
    const skipped =
      SKIPPED.test(call.name) ||
      (/^(?:skip|ignore)$/.test(call.name) && SKIPPING_RECEIVER.test(call.receiver)) ||
      (call.callee === 'Deno.test' && ignored(facts, call.args[0]?.at))
    if (skipped) out.push(call.at)
    const guarded = /^(?:runIf|skipIf)$/.test(call.name) && SKIPPING_RECEIVER.test(call.receiver)
    const holds = guarded ? constantCondition(facts, call.args[0]?.value) : undefined
    if (holds !== undefined && holds === (call.name === 'skipIf')) {
      // The suite is the call made on what `describe.runIf(…)` returns, from the same start.
      const suite = facts.calls.find((c) => c.at.start === call.at.start && c.at.end > call.at.end)
      if (suite) out.push(suite.at)
    }
  }
  return out
}

/**
 * A condition the file fixes: `true`, `false`, a top-level constant set once to one of them
 * (nitro's `const hasWasmer = false` before `describe.runIf(hasWasmer)(…)`), or its negation.
 */
function constantCondition(facts: FileFacts, value: Value | undefined): boolean | undefined {
  if (!value) return undefined
  if (value.kind === 'bool') return value.value
  const negated = value.kind === 'other' && /^!\s*[\w$]+$/.test(value.text)
  const name = value.kind === 'name' ? value.name : negated ? value.text.replace(/^!\s*/, '') : ''
  const sets = facts.assigns.filter((a) => a.name === name && a.target === name)
  const only = sets.length === 1 ? sets[0] : undefined
  if (only?.scope !== 0 || only.value.kind !== 'bool') return undefined
  return negated ? !only.value.value : only.value.value
}

/** Tests skipped by their own mark, read during extraction. */
function marked(facts: FileFacts): Span[] {
  return facts.scopes.filter((s) => s.skipped).map((s) => s.at)
}

/**
 * Python's `if __name__ == "__main__":` block, and the module's functions that only it calls:
 * what runs when the file is started as a program, which pytest imports without running. Not a
 * `test…` function it calls, which pytest collects anyway.
 */
function mainOnly(facts: FileFacts): Span[] {
  const guards = facts.blocks.filter(
    (b) =>
      b.kind === 'if' &&
      b.scope === 0 &&
      facts.strings.some((s) => s.value === '__main__' && s.at.line === b.at.line),
  )
  return guards.map((g) => g.at)
}

/**
 * `unrun` and the file's functions that only code in it calls: not a `test…` function, which the
 * runner calls anyway.
 */
function onlyCalledFrom(facts: FileFacts, unrun: readonly Span[]): Span[] {
  const out = [...unrun]
  // Not a public method, which another file's tests may call (EventFlow's `EventStoreRunner
  // .StartAsync()`, which its `[Test, Explicit]` runner calls too).
  const functions = facts.scopes.filter(
    (s) =>
      s.role === 'declared' &&
      s.id !== 0 &&
      s.name &&
      !s.test &&
      !s.public &&
      !/^test/i.test(s.name),
  )
  // Twice: a helper of a helper the block calls (threaded_main → serve).
  for (let pass = 0; pass < 2; pass++) {
    for (const fn of functions) {
      if (out.some((u) => contains(u, fn.at))) continue
      const calls = facts.calls.filter(
        (c) => c.name === fn.name && c.receiver === '' && !contains(fn.at, c.at),
      )
      if (calls.length > 0 && calls.every((c) => out.some((u) => contains(u, c.at))))
        out.push(fn.at)
    }
  }
  return out
}

/** An options object that says `ignore: true`. */
function ignored(facts: FileFacts, at: Span | undefined): boolean {
  return (
    at !== undefined &&
    facts.entries.some(
      (e) => e.key === 'ignore' && e.value.kind === 'bool' && e.value.value && contains(at, e.at),
    )
  )
}

/**
 * A test that skips itself unconditionally (`t.Skip("flaky")` as a statement of the test's own
 * body, not under an `if`): nothing after the call runs (the OpenCensus receiver's
 * `TestAcceptAllGRPCProtoAffiliatedContentTypes`). The span runs from the call to the test's end.
 */
function skippedHere(facts: FileFacts): Span[] {
  const out: Span[] = []
  for (const call of facts.calls) {
    if (!call.statement || !SKIP_CALL.test(call.callee)) continue
    const fn = facts.scopes[call.scope]
    if (!fn || fn.id === 0 || fn.role !== 'declared') continue
    const conditional = facts.blocks.some(
      (b) => b.kind !== 'finally' && contains(fn.at, b.at) && contains(b.at, call.at),
    )
    if (conditional) continue
    out.push({ ...call.at, endLine: fn.at.endLine, endColumn: fn.at.endColumn, end: fn.at.end })
  }
  return out
}
