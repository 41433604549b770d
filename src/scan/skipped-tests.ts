// Tests that never run by default: `it.skip(…)`, `xit(…)`, `Deno.test({ ignore: true, … })`. A
// fixed port or a race inside one cannot make a run flaky, so the scan does not report it
// (independent reviewers judged such findings false; docs/scan.md). JavaScript and TypeScript by
// their calls; JVM and .NET test methods by their annotations (`@Disabled`, `[Fact(Skip = …)]`).
import type { FileFacts, Span } from './facts.ts'
import { contains } from './facts.ts'
import type { Family } from './languages.ts'

const SKIPPING_RECEIVER = /^(?:it|test|describe|context|suite|Deno\.test)$/
const SKIPPED = /^(?:xit|xtest|xdescribe|xcontext)$/

/** The spans of the skipped tests and suites in a file. */
export function skippedTests(facts: FileFacts, family: Family): Span[] {
  if (family !== 'js') return facts.scopes.filter((s) => s.skipped).map((s) => s.at)
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
