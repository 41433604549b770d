// The seam between the interpreter and the sockets: a driver performs a scenario's operations in
// order and says what each one did. It knows nothing of expectations or outcomes.
import type { DriverName, DriverStatus, RawError } from '../model.ts'
import type { Op } from '../steps.ts'

export type StepReply =
  | { ok: true; value?: number | number[] }
  | { ok: false; error: RawError }
  /** The platform lacks the named option constant. */
  | { unsupported: string }
  /** A `setsockopt?` step whose option this platform lacks. */
  | { skipped: string }

export interface SocketDriver {
  readonly name: DriverName
  readonly status: DriverStatus
  /**
   * Runs the ops in order, stopping at the first that fails, and closes every socket made.
   * Rejects with DriverFailure when the driver itself fails (crash, timeout).
   */
  execute(ops: readonly Op[], timeoutMs: number): Promise<StepReply[]>
  close(): Promise<void>
}

/**
 * `bad-reply`: the driver answered, in a shape that is no answer; only that run is lost, where a
 * crash or a timeout stops the scenario's further runs.
 */
export type FailureKind = 'timeout' | 'crash' | 'bad-reply'

export class DriverFailure extends Error {
  override name = 'DriverFailure'
  readonly kind: FailureKind
  constructor(kind: FailureKind, message: string) {
    super(message)
    this.kind = kind
  }
}

/** What is wrong with a driver's replies to `count` steps, if anything: they come from another process. */
export function replyProblem(value: unknown, count: number): string | undefined {
  if (!Array.isArray(value)) return `results is ${typeof value}, not a list`
  if (value.length > count) return `${value.length} replies to ${count} steps`
  for (const [i, reply] of value.entries()) {
    const problem = stepReplyProblem(reply)
    if (problem) return `reply ${i + 1}: ${problem}`
  }
  return undefined
}

function stepReplyProblem(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null) return 'not an object'
  const r = reply as Record<string, unknown>
  if (typeof r.unsupported === 'string' || typeof r.skipped === 'string') return undefined
  if (r.ok === true) {
    const v = r.value
    const number = (x: unknown) => typeof x === 'number' && Number.isFinite(x)
    return v === undefined || number(v) || (Array.isArray(v) && v.every(number))
      ? undefined
      : 'a value that is not a number'
  }
  if (r.ok === false) {
    return typeof r.error === 'object' && r.error !== null
      ? undefined
      : 'a failure without its error'
  }
  return 'neither ok, unsupported nor skipped'
}
