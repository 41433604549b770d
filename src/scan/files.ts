// Finding the files to scan and reading them defensively: whatever is binary, minified, too
// large, not UTF-8 or in no language we parse is skipped and counted, never fatal.
import { Buffer, isUtf8 } from 'node:buffer'
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
} from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

export type SkipReason =
  | 'ignored'
  | 'unknown-language'
  | 'too-large'
  | 'binary'
  | 'not-utf8'
  | 'minified'
  | 'unreadable'
  | 'parse-error'
  | 'language-unavailable'
  | 'symlink'
  | 'unreadable-directory'

export const SKIP_REASONS: readonly SkipReason[] = [
  'ignored',
  'unknown-language',
  'too-large',
  'binary',
  'not-utf8',
  'minified',
  'unreadable',
  'parse-error',
  'language-unavailable',
  'symlink',
  'unreadable-directory',
]

/** Directories a walk never enters below the paths it was given (dependencies, VCS, caches). */
export const SKIPPED_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.mypy_cache',
  '.gradle',
  'target',
  'obj',
  // Other projects' code kept in the tree, whose tests the project does not run.
  'third_party',
  'third-party',
  'thirdparty',
  '3rdparty',
  // Git submodules and vendored releases in C and C++ trees (yarp's extern/thrift, nanomq's
  // extern/); not `external`, which names projects' own modules (storm, jersey) as often.
  'extern',
])

/**
 * A directory named like an unpacked release, `name-1.65.0`: a vendored copy of another project
 * (fluent-bit's `lib/nghttp2-1.65.0`, `lib/wasm-micro-runtime-WAMR-2.4.1`), whose own test code
 * the project never builds.
 */
const VENDORED_RELEASE = /^[A-Za-z][\w.+-]*?-v?\d+\.\d+(?:\.\d+)*$/

export interface Listing {
  files: string[]
  missing: string[]
  /** Not followed: a link can lead out of the repository. */
  symlinks: string[]
  /** Directories whose entries could not be listed (with a trailing slash), and why. */
  unreadable: { path: string; code: string }[]
}

/**
 * Repository-relative paths (forward slashes) of the regular files under the given paths, of
 * the symbolic links among them, and of the directories that could not be read.
 */
export function listFiles(root: string, paths: readonly string[]): Listing {
  const files: string[] = []
  const missing: string[] = []
  const symlinks: string[] = []
  const unreadable: Listing['unreadable'] = []
  const base = resolve(root)
  for (const p of paths) {
    const abs = resolve(base, p)
    let stat
    try {
      stat = lstatSync(abs)
    } catch {
      missing.push(p)
      continue
    }
    if (stat.isDirectory()) walk(base, abs, { files, symlinks, unreadable })
    else if (stat.isFile()) files.push(toRelative(base, abs))
    else if (stat.isSymbolicLink()) symlinks.push(toRelative(base, abs))
  }
  return {
    files: [...new Set(files)],
    missing,
    symlinks: [...new Set(symlinks)],
    unreadable: uniqueBy(unreadable, (u) => u.path),
  }
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()]
}

// Synchronous on purpose: one small system call at a time is faster than the promise API for
// thousands of files, and the scan has nothing else to do meanwhile.
function walk(base: string, dir: string, out: Omit<Listing, 'missing'>): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error'
    out.unreadable.push({ path: `${toRelative(base, dir) || '.'}/`, code })
    return
  }
  for (const entry of entries) {
    const abs = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !VENDORED_RELEASE.test(entry.name)) walk(base, abs, out)
    } else if (entry.isFile()) {
      out.files.push(toRelative(base, abs))
    } else if (entry.isSymbolicLink()) {
      out.symlinks.push(toRelative(base, abs))
    }
  }
}

function toRelative(base: string, abs: string): string {
  const rel = relative(base, abs)
  return sep === '/' ? rel : rel.split(sep).join('/')
}

export type ReadResult =
  { ok: true; text: string; bytes: number } | { ok: false; reason: SkipReason; bytes: number }

const SNIFF = 8000

/** Reads a source file, or says why it should be skipped. */
export function readSource(abs: string, maxBytes: number, name: string): ReadResult {
  // One open, one fstat, one read: thousands of files make each system call count. Non-blocking,
  // so that a file swapped for a FIFO since it was listed cannot hang the scan.
  let fd: number
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch {
    return { ok: false, reason: 'unreadable', bytes: 0 }
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { ok: false, reason: 'unreadable', bytes: 0 }
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', bytes: stat.size }
    const buffer = Buffer.allocUnsafe(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, null)
      if (n === 0) break
      read += n
    }
    return classify(buffer.subarray(0, read), name)
  } catch {
    return { ok: false, reason: 'unreadable', bytes: 0 }
  } finally {
    closeSync(fd)
  }
}

/** Binary, non-UTF-8 and minified detection on the bytes of one file. */
export function classify(buffer: Buffer, name: string): ReadResult {
  const bytes = buffer.length
  if (buffer.subarray(0, SNIFF).includes(0)) return { ok: false, reason: 'binary', bytes }
  if (!isUtf8(buffer)) return { ok: false, reason: 'not-utf8', bytes }
  let text = buffer.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (isMinified(text, name)) return { ok: false, reason: 'minified', bytes }
  return { ok: true, text, bytes }
}

/** `.min.` files, and files whose lines are far longer than people write. */
export function isMinified(text: string, name: string): boolean {
  if (/\.min\.[a-z]+$/i.test(name)) return true
  if (text.length < 2000) return false
  let lines = 1
  let longest = 0
  let last = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lines++
    longest = Math.max(longest, i - last)
    last = i
  }
  longest = Math.max(longest, text.length - last)
  return text.length / lines > 300 || longest > 20_000
}
