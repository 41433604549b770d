// When GitHub refuses a write, the run goes on: the job summary still carries the report. This
// turns the refusals of one report into one message per cause, with the fix, instead of a
// stack trace per call.
import type { Logger } from './logger.ts'
import type { RunContext } from './context.ts'
import type { Refusal } from './errors.ts'

export interface SurfaceOutcome {
  /** What we tried to write, in words: `the PR comment`, `the check run`. */
  surface: string
  refusal?: Refusal
}

/** `warn`: a refused write is a warning; `error`: it fails the step (after everything else ran). */
export type RefusalPolicy = 'warn' | 'error'

export interface RefusalReport {
  /** Some write was refused for lack of permission. */
  denied: boolean
  /** Under the policy, the step should fail. */
  fail: boolean
  messages: string[]
}

export function reportRefusals(
  outcomes: SurfaceOutcome[],
  context: Pick<RunContext, 'readOnlyReason' | 'kind'>,
  policy: RefusalPolicy,
  logger: Logger,
): RefusalReport {
  const byKind = (kind: Refusal['kind']) => outcomes.filter((o) => o.refusal?.kind === kind)
  const messages: string[] = []
  const denied = byKind('denied')
  if (denied.length) {
    const what = list(denied.map((o) => o.surface))
    const said = denied[0]!.refusal!.message
    const why =
      context.readOnlyReason === 'fork'
        ? 'This pull request comes from a fork, and GitHub gives such runs a read-only token.'
        : context.readOnlyReason === 'dependabot'
          ? "This is a Dependabot pull request, and GitHub gives Dependabot's runs a read-only token."
          : 'The token lacks a permission: the job needs `pull-requests: write` for the comment and `checks: write` for the check run.'
    const fix =
      context.readOnlyReason && context.kind === 'pull_request'
        ? ` To report on such pull requests, run the report from a \`workflow_run\` workflow (the two-workflow recipe in bind-probe's docs/github.md, "Pull requests from forks and Dependabot").`
        : ''
    messages.push(
      `bind-probe could not write ${what}: GitHub said "${said}". ${why} The report is in the job summary.${fix}`,
    )
  }
  const gone = byKind('not-found')
  if (gone.length) {
    messages.push(
      `bind-probe could not write ${list(gone.map((o) => o.surface))}: GitHub said "${gone[0]!.refusal!.message}" (the pull request or commit is gone, or the token cannot see it). The report is in the job summary.`,
    )
  }
  const invalid = byKind('invalid')
  if (invalid.length) {
    messages.push(
      `GitHub rejected ${list(invalid.map((o) => o.surface))}: "${invalid[0]!.refusal!.message}". The report is in the job summary.`,
    )
  }
  const down = byKind('unavailable')
  if (down.length) {
    // A refusal without a status is one that never got an answer: no retries were made after it.
    const retried = down[0]!.refusal!.status !== undefined ? ' after retries' : ''
    messages.push(
      `GitHub did not accept ${list(down.map((o) => o.surface))}${retried}: "${down[0]!.refusal!.message}". The report is in the job summary; re-run the job to publish it.`,
    )
  }
  const fail = messages.length > 0 && policy === 'error'
  for (const message of messages) (fail ? logger.error : logger.warning)(message)
  return { denied: denied.length > 0, fail, messages }
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
