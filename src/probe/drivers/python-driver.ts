// Runs src/probe/drivers/python/driver.py in a child Python and speaks its JSON-lines protocol.
// Scenarios are sent whole, one message each, and run concurrently inside the driver.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { DriverStatus } from '../model.ts'
import { isOutOfDescriptors, outOfDescriptors } from '../descriptors.ts'
import { OP_TIMEOUT_MS, type Op } from '../steps.ts'
import { DriverFailure, replyProblem, type SocketDriver, type StepReply } from './driver.ts'

/** Where driver.py lives next to this module, in the source tree and in the bundle alike. */
export const DRIVER_SCRIPT = fileURLToPath(new URL('./python/driver.py', import.meta.url))

const execFileAsync = promisify(execFile)
const MIN_PYTHON: [number, number] = [3, 6]
const HELLO_TIMEOUT_MS = 10_000
const STOPPED_READING_GRACE_MS = 1_000
/** How long a killed child may take to be reaped before the probe goes on without it. */
const REAP_WAIT_MS = 1_000
/** The longest reply line: 10,000 ephemeral draws take about 60 KB. */
const MAX_LINE_BYTES = 1 << 20

export interface PythonHello {
  protocol: number
  python: string
  implementation: string
  executable: string
  platform: string
}

export class PythonUnavailable extends Error {
  override name = 'PythonUnavailable'
}

/**
 * Interpreter commands to try, in order. On Windows `python3` is often the Store's stub that
 * prints an advert, so `python` and the `py` launcher come first there.
 */
export function pythonCandidates(
  platform: NodeJS.Platform = process.platform,
  override = process.env.BIND_PROBE_PYTHON,
  isFile: (path: string) => boolean = isExistingFile,
): string[][] {
  if (override?.trim()) return [pythonCommand(override, isFile)]
  return platform === 'win32'
    ? [['python'], ['py', '-3'], ['python3']]
    : [['python3'], ['python'], ['py', '-3']]
}

/**
 * An interpreter as a user writes it (BIND_PROBE_PYTHON, the action's `python` input): the path
 * of an existing file is one word, spaces and all (`C:\Program Files\Python\python.exe`);
 * anything else is a command and its arguments (`py -3`).
 */
export function pythonCommand(
  text: string,
  isFile: (path: string) => boolean = isExistingFile,
): string[] {
  const trimmed = text.trim()
  return isFile(trimmed) ? [trimmed] : trimmed.split(/\s+/)
}

function isExistingFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}

/** Starts the first candidate that answers the handshake; throws PythonUnavailable if none do. */
export async function startPythonDriver(
  candidates: string[][] = pythonCandidates(),
  script = DRIVER_SCRIPT,
): Promise<PythonDriver> {
  const tried: string[] = []
  for (const command of candidates) {
    try {
      return await PythonDriver.start(command, script)
    } catch (error) {
      if (isOutOfDescriptors(error)) throw outOfDescriptors(`starting ${command.join(' ')}`, error)
      tried.push(`${command.join(' ')}: ${(error as Error).message}`)
    }
  }
  throw new PythonUnavailable(
    `no Python ${MIN_PYTHON.join('.')}+ found (tried ${tried.join('; ')}); ` +
      'install Python 3 or set BIND_PROBE_PYTHON to its path',
  )
}

const VERSION_SCRIPT =
  'import json, platform, sys; print(json.dumps({"version": platform.python_version(), ' +
  '"implementation": platform.python_implementation(), "executable": sys.executable}))'

/**
 * The first candidate's version, for the environment facts when the driver is not started:
 * one short run of the interpreter, and undefined when none answers.
 */
export async function findPython(
  candidates: string[][] = pythonCandidates(),
): Promise<{ version: string; implementation: string; executable: string } | undefined> {
  for (const [file, ...args] of candidates) {
    try {
      const { stdout } = await execFileAsync(file!, [...args, '-I', '-S', '-c', VERSION_SCRIPT], {
        timeout: HELLO_TIMEOUT_MS,
        // A candidate may ignore SIGTERM; at the timeout execFile also lets go of its pipes.
        killSignal: 'SIGKILL',
        windowsHide: true,
      })
      const found = JSON.parse(stdout.trim().split('\n').at(-1)!)
      if (typeof found.version === 'string') return found
    } catch (error) {
      if (isOutOfDescriptors(error)) throw outOfDescriptors(`starting ${file}`, error)
      // not this one: try the next, as the driver's start-up does
    }
  }
  return undefined
}

interface Pending {
  resolve: (replies: StepReply[]) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
  /** How many steps the request had: a reply may answer fewer (it stops at a failure), not more. */
  steps: number
}

export class PythonDriver implements SocketDriver {
  readonly name = 'python'
  readonly hello: PythonHello
  private readonly child: ChildProcessWithoutNullStreams
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  /** Set once the child has exited and its pipes are drained: every later request fails with it. */
  private failure: DriverFailure | undefined
  /** Resolves when the child has exited and its pipes have closed. */
  private readonly closed: Promise<void>
  /** A request timed out: its thread may still hold sockets, so close() does not wait for it. */
  private abandoned = false
  private stderrTail = ''
  private killTimer: NodeJS.Timeout | undefined
  private killedBecause: string | undefined

  private constructor(
    child: ChildProcessWithoutNullStreams,
    hello: PythonHello,
    lines: AsyncIterator<string>,
  ) {
    this.child = child
    this.hello = hello
    // A line is one reply; one that never ends would grow until the probe runs out of memory.
    let lineBytes = 0
    child.stdout.on('data', (chunk: Buffer) => {
      const newline = chunk.lastIndexOf(0x0a)
      lineBytes = newline === -1 ? lineBytes + chunk.length : chunk.length - newline - 1
      if (lineBytes > MAX_LINE_BYTES && !this.killedBecause) {
        this.killedBecause = 'it wrote a line longer than 1 MiB'
        child.kill('SIGKILL')
        child.stdout.destroy()
      }
    })
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2000)
    })
    // A driver that dies right after answering is noticed first by a write to its closed stdin
    // (EPIPE), before its exit. The requests in flight then wait for 'close': answers still in
    // the stdout pipe are read, and the rest fail with the exit status and stderr. A driver that
    // stops reading yet lives on is killed, so that 'close' always comes.
    child.stdin.on('error', (error) => {
      this.killTimer ??= setTimeout(() => {
        this.killedBecause = `it stopped reading requests (${error.message})`
        child.kill('SIGKILL')
      }, STOPPED_READING_GRACE_MS)
    })
    // Pipes a background process of the driver still holds would keep 'close' from ever coming.
    child.once('exit', () => {
      setTimeout(() => void letGo(child), STOPPED_READING_GRACE_MS).unref()
    })
    this.closed = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        clearTimeout(this.killTimer)
        const why = this.killedBecause
          ? `was killed: ${this.killedBecause}`
          : `exited (${signal ? `signal ${signal}` : `exit code ${code}`})`
        const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ')
        this.fail(new DriverFailure('crash', `python driver ${why}${tail ? `: ${tail}` : ''}`))
        resolve()
      })
    })
    void this.readReplies(lines)
  }

  static async start(command: string[], script: string): Promise<PythonDriver> {
    const [file, ...args] = command
    // -I: ignore PYTHON* variables and the user's site; -S: skip site imports (.pth hooks), which
    // the driver does not need and which cost most of the start-up; -u: unbuffered pipes.
    const child = spawn(file!, [...args, '-I', '-S', '-u', script], {
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    })
    // A spawn that fails at once (EMFILE: no descriptors for the pipes) has no pipes to read.
    if (!child.stdout) {
      throw await new Promise<Error>((resolve) => child.once('error', resolve))
    }
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[
      Symbol.asyncIterator
    ]()
    const spawnError = new Promise<never>((_, reject) => {
      child.once('error', reject)
      child.once('exit', (code) =>
        reject(new Error(`exited with code ${code} before the handshake`)),
      )
    })
    spawnError.catch(() => undefined) // after the handshake, exits are the driver's to report
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no handshake within 10 s')), HELLO_TIMEOUT_MS)
    })
    try {
      const first = await Promise.race([lines.next(), spawnError, timeout])
      const hello = parseHello(first.done ? undefined : first.value)
      return new PythonDriver(child, hello, lines)
    } catch (error) {
      await letGo(child)
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  get status(): DriverStatus {
    return {
      name: 'python',
      status: this.failure ? 'crashed' : 'ok',
      version: this.hello.python,
      executable: this.hello.executable,
      ...(this.failure ? { message: this.failure.message } : {}),
    }
  }

  execute(ops: readonly Op[], timeoutMs: number): Promise<StepReply[]> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    // connect and accept get their documented timeout, or half of a shorter scenario timeout
    // (near the global deadline), so that they fail inside the driver with a measured ETIMEDOUT.
    const opTimeout = Math.max(100, Math.min(OP_TIMEOUT_MS, timeoutMs / 2))
    const request = { id, ops: ops.map(toWire), timeout: opTimeout / 1000 }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        this.abandoned = true
        reject(
          new DriverFailure('timeout', `no answer from the python driver within ${timeoutMs} ms`),
        )
      }, timeoutMs)
      this.pending.set(id, { resolve, reject, timer, steps: ops.length })
      // Refused without a write when the driver is gone or going: the request then fails on
      // 'close' with the exit status, like the ones in flight.
      if (this.accepting) this.child.stdin.write(`${JSON.stringify(request)}\n`)
    })
  }

  async close(): Promise<void> {
    if (this.accepting) {
      this.child.stdin.end()
      // The driver finishes what is in flight and exits; a request we gave up on may never end.
      this.killTimer ??= setTimeout(() => this.child.kill('SIGKILL'), this.abandoned ? 0 : 3_000)
    }
    await this.closed
  }

  /** The child runs and reads its stdin. */
  private get accepting(): boolean {
    const { exitCode, signalCode, stdin } = this.child
    return exitCode === null && signalCode === null && stdin.writable
  }

  private async readReplies(lines: AsyncIterator<string>): Promise<void> {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      let message: { id?: number; results?: StepReply[]; fatal?: string }
      try {
        message = JSON.parse(next.value)
      } catch {
        continue // a stray print from a site hook must not break the protocol
      }
      const pending = message.id === undefined ? undefined : this.pending.get(message.id)
      if (!pending) continue
      this.pending.delete(message.id!)
      clearTimeout(pending.timer)
      if (message.results === undefined) {
        pending.reject(new DriverFailure('crash', `python driver: ${message.fatal ?? 'bad reply'}`))
        continue
      }
      const problem = replyProblem(message.results, pending.steps)
      if (problem) {
        const why = `python driver sent a reply of the wrong shape (${problem})`
        pending.reject(new DriverFailure('bad-reply', why))
      } else pending.resolve(message.results)
    }
  }

  private fail(failure: DriverFailure): void {
    this.failure ??= failure
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer)
      pending.reject(failure)
      this.pending.delete(id)
    }
  }
}

/**
 * Kills a child that may ignore SIGTERM and drops its pipes, which a process it left behind may
 * hold open: neither keeps the probe from ending. Resolves once the child is reaped (or after a
 * second): a probe that exits first leaves a zombie to the host's init, and in a container whose
 * first process does not reap, that zombie stays.
 */
function letGo(child: ChildProcessWithoutNullStreams): Promise<void> {
  const running = child.exitCode === null && child.signalCode === null
  const reaped = running
    ? new Promise<void>((resolve) => {
        // Not unref'd: the wait keeps the probe alive for the SIGCHLD, at most this long.
        const timer = setTimeout(resolve, REAP_WAIT_MS)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    : Promise.resolve()
  if (running) child.kill('SIGKILL')
  child.stdin.destroy()
  child.stdout.destroy()
  child.stderr.destroy()
  child.unref()
  return reaped
}

function parseHello(line: string | undefined): PythonHello {
  let message: { hello?: PythonHello } | undefined
  try {
    message = line ? JSON.parse(line) : undefined
  } catch {
    message = undefined
  }
  const hello = message?.hello
  if (!hello) throw new Error(`unexpected first line ${JSON.stringify(line ?? '')}`)
  const [major = 0, minor = 0] = hello.python.split('.').map(Number)
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new Error(`Python ${hello.python} is older than ${MIN_PYTHON.join('.')}`)
  }
  return hello
}

/** The driver's wire format: option levels and address families spelled as Python names. */
export function toWire(op: Op): Record<string, unknown> {
  switch (op.op) {
    case 'socket':
      return { op: 'socket', sock: op.sock, ...familyAndType(op.kind) }
    case 'setsockopt':
    case 'getsockopt':
      return {
        ...op,
        level: op.option === 'IPV6_V6ONLY' ? 'IPPROTO_IPV6' : 'SOL_SOCKET',
      }
    case 'bind':
    case 'connect':
      return { op: op.op, sock: op.sock, host: op.to.host, port: op.to.port }
    case 'ephemeral':
      return { op: 'ephemeral', host: op.host, count: op.count, ...familyAndType(op.kind) }
    default:
      return op
  }
}

function familyAndType(kind: string) {
  return {
    family: kind.endsWith('6') ? 'inet6' : 'inet',
    type: kind.startsWith('udp') ? 'dgram' : 'stream',
  }
}
