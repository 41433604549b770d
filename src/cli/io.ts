// What a CLI command may touch, so tests can run commands in-process with captured streams.
import { accessSync, constants, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Writable } from 'node:stream'

export interface Io {
  stdout: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number })
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean })
}

/**
 * Watches a command's output stream and returns what waits for it to be written out: the write
 * error, if one came. A write error is an 'error' event on the stream, which would otherwise end
 * the process with a stack trace (`bind-probe list | head`: EPIPE).
 */
export function watchOutput(
  stream: Io['stdout'] | Io['stderr'],
): () => Promise<NodeJS.ErrnoException | undefined> {
  const writable = stream as Partial<Writable>
  // A test's stand-in for a stream may be a bare object with a write method.
  if (typeof writable.on !== 'function') return async () => undefined
  let failure: NodeJS.ErrnoException | undefined
  writable.on('error', (error: NodeJS.ErrnoException) => (failure ??= error))
  // The 'error' event comes a tick after the failed write; `errored` is set at once.
  const known = () => failure ?? (writable.errored as NodeJS.ErrnoException | null) ?? undefined
  return () =>
    new Promise((resolve) => {
      if (known() || writable.destroyed || !writable.writableLength) return resolve(known())
      // An asynchronous pipe still holds output: called once it is handed over, or has failed.
      writable.write!('', () => resolve(known()))
    })
}

/** A reader that went away (`| head`) is no failure of ours: there is nobody left to tell. */
export function isClosedPipe(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE'
}

/** `ENOSPC: no space left on device, write` as `no space left on device (ENOSPC)`. */
export function writeFailure(error: unknown): string {
  const message = (error as Error)?.message ?? String(error)
  const m = /^([A-Z][A-Z0-9_]+): (.*?)(?:, \w+(?: '[^']*')?)?$/.exec(message)
  return m ? `${m[2]} (${m[1]})` : message
}

/** The user asked for something we cannot do; the message says how to ask instead. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * The command could not do its work for a reason outside the arguments (a missing or read-only
 * directory): exit 1 with the message on one line, as the commands' --help says.
 */
export class CommandFailure extends Error {
  override name = 'CommandFailure'
}

/**
 * Refuses an `--out` path that cannot be written, before any work is done: an empty name, a
 * directory, a missing directory, no write permission.
 */
export function checkOutPath(out: string): void {
  if (out.trim() === '') throw new UsageError('--out needs a file name')
  if (/[/\\]$/.test(out)) throw new UsageError(`--out ${out}: name a file, not a directory`)
  const stat = statSync(out, { throwIfNoEntry: false })
  if (stat?.isDirectory()) throw new UsageError(`--out ${out} is a directory; name a file in it`)
  const dir = dirname(resolve(out))
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CommandFailure(`--out ${out}: its directory ${dir} does not exist`)
  }
  try {
    accessSync(stat ? out : dir, constants.W_OK)
  } catch {
    throw new CommandFailure(
      `--out ${out}: ${stat ? 'the file' : `the directory ${dir}`} is not writable`,
    )
  }
}
