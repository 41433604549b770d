// Tests that never run by default: `it.skip(…)`, `xit(…)`, `Deno.test({ ignore: true, … })`. A
// fixed port or a race inside one cannot make a run flaky, so the scan does not report it
// (independent reviewers judged such findings false; docs/scan.md). JavaScript and TypeScript by
// their calls; JVM and .NET test methods by their annotations (`@Disabled`, `[Fact(Skip = …)]`),
// Rust's by `#[ignore]` and Python's by `@pytest.mark.skip`/`@unittest.skip` (all read in
// extract.ts); and in any language the rest of a test after its own unconditional skip call.
import type { FileFacts, Span } from './facts.ts'
import { contains } from './facts.ts'
import type { Family } from './languages.ts'

const SKIPPING_RECEIVER = /^(?:it|test|describe|context|suite|Deno\.test)$/
const SKIPPED = /^(?:xit|xtest|xdescribe|xcontext)$/

/** A skip the test calls itself: Go's `t.Skip(…)`, pytest's `pytest.skip(…)`, unittest's `self.skipTest(…)`. */
const SKIP_CALL = /^(?:(?:t|b|tb)\.(?:Skip|Skipf|SkipNow)|pytest\.skip|self\.skipTest)$/

/** The spans of the skipped tests and suites in a file. */
export function skippedTests(facts: FileFacts, family: Family): Span[] {
  if (family !== 'js')
    return [...facts.scopes.filter((s) => s.skipped).map((s) => s.at), ...skippedHere(facts)]
  const out: Span[] = []
  for (const call of facts.calls) {
    const skipped =
      SKIPPED.test(call.name) ||
      (/^(?:skip|ignore)$/.test(call.name) && SKIPPING_RECEIVER.test(call.receiver)) ||
      (call.callee === 'Deno.test' && ignored(facts, call.args[0]?.at))
    if (skipped) out.push(call.at)
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
