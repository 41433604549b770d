// Running out of file descriptors is the probe process's limit (`ulimit -n`), not the host's
// bind() semantics and not a missing Python: the probe stops with one line that says so, rather
// than recording EMFILE as a scenario's answer or a family as unavailable.
import { readFileSync } from 'node:fs'
import { ProbeSetupError } from './setup-error.ts'

const OUT_OF_DESCRIPTORS = new Set(['EMFILE', 'ENFILE'])

export function isOutOfDescriptors(codeOrError: unknown): boolean {
  const code =
    typeof codeOrError === 'string' ? codeOrError : (codeOrError as NodeJS.ErrnoException)?.code
  return code !== undefined && OUT_OF_DESCRIPTORS.has(code)
}

/** The error that ends the probe: what failed, with which code, and the limit to raise. */
export function outOfDescriptors(doing: string, error: unknown): ProbeSetupError {
  const code = (error as NodeJS.ErrnoException).code
  const limit = OPEN_FILES_LIMIT
  const why =
    code === 'ENFILE'
      ? 'the system-wide file table is full'
      : `this process may open ${limit === undefined ? 'too few' : `at most ${limit}`} files`
  return new ProbeSetupError(
    `out of file descriptors (${code}) while ${doing}: ${why}; raise the limit (ulimit -n) and run again`,
  )
}

/** Read at start-up: once the descriptors have run out, reading the file fails too. */
const OPEN_FILES_LIMIT = openFilesLimit()

/** The soft limit on open files, where the OS tells it (Linux's /proc). */
function openFilesLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'))
    const soft = Number(line?.split(/\s{2,}/)[1])
    return Number.isInteger(soft) ? soft : undefined
  } catch {
    return undefined
  }
}
