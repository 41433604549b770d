// Pure: whose socket made a scenario's bind fail. A scenario takes its port P from its own first
// bind to port 0, but a later step may bind P on another address or family that the scenario
// never held (tcp6-v6only-then-tcp4-wildcard binds 0.0.0.0:P beside [::]:P), and there any other
// program's socket on P gives the same EADDRINUSE. The control replays the failing socket's own
// steps alone, on the same port, once the scenario's sockets are closed: if that still fails, the
// conflict was not the scenario's, and the run is repeated on a fresh port. A control that passes
// proves less where the scenario never held the failing address: the other program's socket may
// have closed in between (another probe's scenarios live for milliseconds), so such a conflict is
// confirmed by one more run on a fresh port.
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
  /**
   * No other socket of the scenario held P on the failing socket's address and protocol before it
   * failed: only there can another program's socket make the same error.
   */
  exposed: boolean
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
  const drawing = definingBind(ops)
  const port = drawing && portOf(replies[ops.indexOf(drawing)])
  if (!drawing || port === undefined) return undefined
  const own = ops.slice(0, failedAt + 1).filter((op) => 'sock' in op && op.sock === failed.sock)
  // Linux's listen() checks the port again: another program's SO_REUSEADDR socket that bound P
  // while the scenario's own socket had it, not listening yet, fails the listen, so the socket
  // that drew P is replayed too, on P named outright.
  const drewP = own.includes(drawing)
  if (!drewP && !own.some((op) => 'to' in op && op.to.port === 'P')) return undefined
  return {
    port,
    ops: own.map((op) => withPort(op, port, op === drawing)),
    exposed: !heldBefore(ops.slice(0, failedAt + 1), failed.sock),
  }
}

/**
 * Whether a step binds P where none of the scenario's sockets holds it: there a socket of another
 * scenario running beside it, which drew the same number on an address that does not overlap
 * (an IPv6-only socket), can hold P first. Such scenarios run alone.
 */
export function bindsUnheldPort(ops: readonly Op[]): boolean {
  return ops.some(
    (op, i) =>
      'to' in op &&
      op.op !== 'connect' &&
      op.to.port === 'P' &&
      !heldBefore(ops.slice(0, i + 1), op.sock),
  )
}

/**
 * Whether another socket of the scenario, open at the failure, held P where `sock` binds it (the
 * same address and protocol). Names are read in order: a socket closed and made again under the
 * same name is the new one.
 */
function heldBefore(upToFailure: readonly Op[], sock: string): boolean {
  const drawing = definingBind(upToFailure)
  const open = new Map<string, { kind?: string; place?: string; onP: boolean }>()
  for (const op of upToFailure) {
    if (op.op === 'socket') open.set(op.sock, { kind: op.kind, onP: false })
    else if (op.op === 'close') open.delete(op.sock)
    else if ('to' in op && op.op !== 'connect') {
      const made = open.get(op.sock)
      const udp = op.op === 'dgram.bind' || made?.kind?.startsWith('udp') === true
      const place = `${udp ? 'udp' : 'tcp'} ${op.to.address}`
      open.set(op.sock, { ...made, place, onP: op.to.port === 'P' || op === drawing })
    }
  }
  const mine = open.get(sock)?.place
  return (
    mine !== undefined &&
    [...open].some(([name, other]) => name !== sock && other.onP && other.place === mine)
  )
}

/** Whether the control's replies say the port is taken without the scenario's sockets. */
export function takenByAnother(replies: readonly StepReply[]): boolean {
  // The driver stops at the first failure: a bind to P or a listen on it, whichever saw the other.
  const failed = replies.find((r): r is Failure => 'ok' in r && !r.ok)
  return failed !== undefined && CONFLICTS.has(outcomeOf(failed.error))
}

type Failure = Extract<StepReply, { ok: false }>

/** The scenario's first bind to port 0: the step whose port is P. */
function definingBind(ops: readonly Op[]): Op | undefined {
  return ops.find((op) => 'to' in op && op.op !== 'connect' && op.to.port === 0)
}

function portOf(reply: StepReply | undefined): number | undefined {
  return reply && 'ok' in reply && reply.ok && typeof reply.value === 'number'
    ? reply.value
    : undefined
}

function withPort(op: Op, port: number, defining: boolean): Op {
  return 'to' in op && (op.to.port === 'P' || defining) ? { ...op, to: { ...op.to, port } } : op
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
