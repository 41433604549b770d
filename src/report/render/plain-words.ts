// Pure: the comment speaks to a reviewer who has never read the 2008 thread. The precise
// vocabulary (refuted inferences, settled unknowns, steps such as `B bind lo4:P`) stays in the
// JSON, the job summary, the docs and the comment's collapsed <details>; everywhere else the
// comment uses the plain words below. test/report/plain-words.test.ts holds the comment to it.
import type { Outcome } from '../../probe/model.ts'

/**
 * Terms that need a guide, each as a pattern: none may appear in the default comment outside
 * `<details>`. A step of the step language names an address with the port `P` (`lo4:P`).
 */
export const INTERNAL_TERMS: readonly { term: string; pattern: RegExp }[] = [
  { term: 'refutes / refuted', pattern: /\brefut/i },
  { term: 'inferred expectation', pattern: /\binferred expectation/i },
  { term: 'settle an unknown', pattern: /\bsettle[sd]? (an |the )?unknown/i },
  { term: 'a step such as lo4:P', pattern: /\b(lo4b?|lo6|any4|any6|mc4):P\b/ },
  { term: 'unsupported', pattern: /\bunsupported\b/i },
  { term: 'probe-error (the outcome token)', pattern: /\bprobe-error\b/ },
  { term: 'semantics', pattern: /\bsemantics\b/i },
]

const OUTCOME_WORDS: Partial<Record<Outcome, string>> = {
  unsupported: 'not on this OS',
  'probe-error': 'probe error',
  skipped: 'not measured',
}

/** An outcome as a reviewer reads it: `EADDRINUSE`, `ok`, `not on this OS`. */
export function plainOutcome(outcome: string): string {
  return OUTCOME_WORDS[outcome as Outcome] ?? outcome
}

/** An expectation's text (`EADDRINUSE at B bind lo4:P`) without its step. */
export function plainExpectation(text: string): string {
  return plainOutcome(text.replace(/ at .*$/, ''))
}
