// Pure: whose socket made a scenario's bind fail. A scenario takes its port P from its own first
// bind to port 0, but a later step may bind P on another address or family that the scenario
// never held (tcp6-v6only-then-tcp4-wildcard binds 0.0.0.0:P beside [::]:P), and there any other
// program's socket on P gives the same EADDRINUSE. The control replays the failing socket's own
// steps alone, on the same port, once the scenario's sockets are closed: if that still fails, the
// conflict was not the scenario's, and the run is repeated on a fresh port.
import type { CompiledScenario } from './compile.ts'
import { isOutOfDescriptors } from './descriptors.ts'
import type { StepReply } from './drivers/driver.ts'
import type { SkipCause } from './model.ts'
import { outcomeOf } from './outcome.ts'
import type { Op } from './steps.ts'

/** Errors a socket of another program can cause. */
const CONFLICTS = new Set(['EADDRINUSE'])

/** Fresh-port runs after a conflict with another program, before the scenario is given up. */
export const MAX_FOREIGN_RETRIES = 3

/** Steps after which a closed socket can leave the port behind (TIME_WAIT): no clean control. */
const LINGERING: ReadonlySet<Op['op']> = new Set(['connect', 'accept'])

export interface Control {
  /** The failing socket's own steps, with P named outright. */
  ops: Op[]
  port: number
}

/**
 * The control for a run that failed at `failedAt` with `outcome`, or undefined when the failure is
 * not one another program could cause, or cannot be replayed alone.
 */
export function controlFor(
  compiled: CompiledScenario,
  replies: readonly StepReply[],
  failedAt: number,
  outcome: string,
): Control | undefined {
  if (!CONFLICTS.has(outcome)) return undefined
  const ops = compiled.steps.map((s) => s.op)
  const failed = ops[failedAt]
  if (!failed || !('sock' in failed)) return undefined
  if (ops.slice(0, failedAt).some((op) => LINGERING.has(op.op))) return undefined
  const port = portP(ops, replies)
  if (port === undefined) return undefined
  const own = ops.slice(0, failedAt + 1).filter((op) => 'sock' in op && op.sock === failed.sock)
  // The socket that defined P failed before it had a port: nothing of ours held P yet.
  if (!own.some((op) => 'to' in op && op.to.port === 'P')) return undefined
  return { port, ops: own.map((op) => withPort(op, port)) }
}

/** Whether the control's replies say the port is taken without the scenario's sockets. */
export function takenByAnother(replies: readonly StepReply[], ops: readonly Op[]): boolean {
  const last = replies[ops.length - 1]
  return last !== undefined && 'ok' in last && !last.ok && CONFLICTS.has(outcomeOf(last.error))
}

/** The port the scenario's first bind to port 0 received. */
function portP(ops: readonly Op[], replies: readonly StepReply[]): number | undefined {
  for (const [i, op] of ops.entries()) {
    if (!('to' in op) || op.to.port !== 0) continue
    const reply = replies[i]
    return reply && 'ok' in reply && reply.ok && typeof reply.value === 'number'
      ? reply.value
      : undefined
  }
  return undefined
}

function withPort(op: Op, port: number): Op {
  return 'to' in op && op.to.port === 'P' ? { ...op, to: { ...op.to, port } } : op
}

/** Binds that ask the OS for a port: failing with these, they found none free. */
const NO_FREE_PORT = new Set(['EADDRINUSE', 'EAGAIN'])

/**
 * Why a run's failure is the host's rather than an answer of bind() semantics: a bind to port 0
 * with no port left, a connect with no local port left, a connect over a loopback that is down,
 * a socket with no file descriptor left.
 */
export function hostCause(
  compiled: CompiledScenario,
  failedAt: number,
  outcome: string,
): { cause: SkipCause; reason: string } | undefined {
  const op = compiled.steps[failedAt]?.op
  if (!op) return undefined
  const step = compiled.steps[failedAt]!.text
  if (isOutOfDescriptors(outcome)) {
    return { cause: 'descriptors-exhausted', reason: `${step} failed with ${outcome}` }
  }
  if ('to' in op && op.op !== 'connect' && op.to.port === 0 && NO_FREE_PORT.has(outcome)) {
    return {
      cause: 'ephemeral-exhausted',
      reason: `no free port: ${step} failed with ${outcome} (the ephemeral range is exhausted)`,
    }
  }
  if (op.op === 'connect' && outcome === 'EADDRNOTAVAIL') {
    return {
      cause: 'ephemeral-exhausted',
      reason: `no free local port: ${step} failed with ${outcome} (the ephemeral range is exhausted)`,
    }
  }
  if (op.op === 'connect' && outcome === 'ENETUNREACH') {
    return { cause: 'loopback-down', reason: `${step} failed with ${outcome}: loopback is down` }
  }
  return undefined
}
