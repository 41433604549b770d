// Which lines a pull request adds or changes, from `git diff` output or from the `patch` fields
// of the PR files API. Pure functions; running git lives in git-diff.ts.

/** Lines (1-based, in the new version) a change touches; 'all' when the whole file counts. */
export type LineSet = ReadonlySet<number> | 'all'

/** Repository-relative path (forward slashes) → the lines to report on. */
export type ChangedLines = ReadonlyMap<string, LineSet>

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/** One hunk's header: `count` lines at `start` became `newCount` lines at `newStart`. */
export interface Hunk {
  start: number
  count: number
  newStart: number
  newCount: number
}

/** A hunk header line (`@@ -3,2 +3,4 @@`) as numbers; undefined for any other line. */
export function parseHunkHeader(line: string): Hunk | undefined {
  const m = HUNK.exec(line)
  if (!m) return undefined
  return {
    start: Number(m[1]),
    count: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newCount: m[4] === undefined ? 1 : Number(m[4]),
  }
}

/** A finding counts as changed when any line of its code changed, not just its first. */
export function spanChanged(lines: LineSet, line: number, endLine = line): boolean {
  if (lines === 'all') return true
  for (let n = line; n <= endLine; n++) if (lines.has(n)) return true
  return false
}

/** Added lines of one file's hunks, as in a PR files API `patch` (no file headers). */
export function parsePatch(patch: string): Set<number> {
  const lines = new Set<number>()
  let next = 0
  let oldLeft = 0
  let newLeft = 0
  for (const line of patch.split('\n')) {
    if (oldLeft <= 0 && newLeft <= 0) {
      const hunk = parseHunkHeader(line)
      if (hunk) {
        oldLeft = hunk.count
        next = hunk.newStart
        newLeft = hunk.newCount
      }
      continue
    }
    const mark = line[0]
    if (mark === '+') {
      lines.add(next++)
      newLeft--
    } else if (mark === '-') {
      oldLeft--
    } else if (mark === ' ' || line === '') {
      next++
      newLeft--
      oldLeft--
    }
    // '\ No newline at end of file' changes nothing.
  }
  return lines
}

/** Added lines per file of a whole `git diff` (any context size; renames, quoting, deletions). */
export function parseUnifiedDiff(text: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>()
  let current: Set<number> | undefined
  let headerPath: string | undefined
  const hunk: string[] = []
  const flush = () => {
    if (current && hunk.length) for (const n of parsePatch(hunk.join('\n'))) current.add(n)
    hunk.length = 0
  }
  let inHunk = false
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      flush()
      inHunk = false
      current = undefined
      headerPath = headerNewPath(line)
      continue
    }
    if (!inHunk) {
      if (line.startsWith('+++ ')) {
        const target = line.slice(4).trim()
        if (target === '/dev/null') {
          // A deletion: nothing of it is left to report on.
          current = undefined
          headerPath = undefined
        } else current = fileEntry(files, stripPrefix(unquoteGitPath(target)))
        continue
      }
      if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
        headerPath = unquoteGitPath(line.slice(line.indexOf(' to ') + 4))
        continue
      }
      if (line.startsWith('@@ ')) {
        // A hunk with no +++ header (mode-only or odd output): fall back to the diff header.
        if (!current && headerPath !== undefined) current = fileEntry(files, headerPath)
        inHunk = true
      } else continue
    }
    if (line.startsWith('diff --git ')) continue
    if (inHunk && (line.startsWith('@@ ') || /^[ +\-\\]/.test(line) || line === '')) hunk.push(line)
    else if (inHunk) {
      flush()
      inHunk = false
    }
  }
  flush()
  return files
}

function fileEntry(files: Map<string, Set<number>>, path: string): Set<number> {
  let set = files.get(path)
  if (!set) {
    set = new Set()
    files.set(path, set)
  }
  return set
}

function stripPrefix(path: string): string {
  return /^[abciwo]\//.test(path) ? path.slice(2) : path
}

function headerNewPath(line: string): string | undefined {
  const rest = line.slice('diff --git '.length)
  const quoted = /^"(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"$/.exec(rest)
  if (quoted) return stripPrefix(unquoteGitPath(`"${quoted[1]}"`))
  const half = rest.lastIndexOf(' b/')
  return half >= 0 ? rest.slice(half + 3) : undefined
}

/** Git quotes unusual paths C-style with octal escapes for bytes: "caf\303\251.py". */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text.replace(/\t.*$/, '')
  const body = text.slice(1, -1)
  const bytes: number[] = []
  const simple: Record<string, number> = {
    n: 10,
    t: 9,
    r: 13,
    '"': 34,
    '\\': 92,
    a: 7,
    b: 8,
    f: 12,
    v: 11,
  }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'))
      continue
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1))
    if (octal) {
      bytes.push(parseInt(octal[0], 8))
      i += 3
    } else {
      bytes.push(simple[body[i + 1]!] ?? body.charCodeAt(i + 1))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** One entry of GET /repos/{owner}/{repo}/pulls/{n}/files. */
export interface PrFile {
  filename: string
  status: string
  patch?: string
  /** Lines added plus lines deleted; 0 for a pure rename or a mode-only change. */
  changes?: number
  additions?: number
}

/** The PR files API lists at most this many files. */
export const PR_FILES_LIMIT = 3000

export function changesFromPrFiles(files: readonly PrFile[]): {
  changes: Map<string, LineSet>
  notes: string[]
} {
  const changes = new Map<string, LineSet>()
  const notes: string[] = []
  const withoutPatch: string[] = []
  for (const file of files) {
    if (file.status === 'removed') continue
    if (typeof file.patch === 'string') {
      changes.set(file.filename, parsePatch(file.patch))
    } else if (file.changes === 0 || file.additions === 0) {
      // A pure rename, a mode change or deletions only: no line of the new version is new.
      changes.set(file.filename, new Set())
    } else {
      // Added files are new from the first line; for the rest GitHub left the patch out (too
      // large, or binary), so every finding in the file is reported rather than none.
      changes.set(file.filename, 'all')
      if (file.status !== 'added') withoutPatch.push(file.filename)
    }
  }
  if (withoutPatch.length) {
    const shown = withoutPatch.slice(0, 5).join(', ')
    notes.push(
      `The PR files API gave no patch for ${withoutPatch.length} file${withoutPatch.length === 1 ? '' : 's'} ` +
        `(diff too large, or binary): ${shown}${withoutPatch.length > 5 ? ', …' : ''}; findings anywhere in them are reported.`,
    )
  }
  if (files.length >= PR_FILES_LIMIT) {
    notes.push(
      `The PR files API stops at ${PR_FILES_LIMIT.toLocaleString('en-US')} files and this pull request reached that limit: ` +
        'files beyond it were not scanned. Check out with history (fetch-depth: 0) so the scan can use git diff.',
    )
  }
  return { changes, notes }
}
