// What a CLI command may touch, so tests can run commands in-process with captured streams.
export interface Io {
  stdout: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number })
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean })
}

/** The user asked for something we cannot do; the message says how to ask instead. */
export class UsageError extends Error {
  override name = 'UsageError'
}
