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

export class DriverFailure extends Error {
  override name = 'DriverFailure'
  readonly kind: 'timeout' | 'crash'
  constructor(kind: 'timeout' | 'crash', message: string) {
    super(message)
    this.kind = kind
  }
}
