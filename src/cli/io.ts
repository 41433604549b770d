// What a CLI command may touch, so tests can run commands in-process with captured streams.
import { accessSync, constants, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export interface Io {
  stdout: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number })
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean })
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
