// On a pull request, actions/checkout checks out GitHub's test merge commit, but the check run,
// its annotations and the comment's links point at the pull request's head commit. Once the base
// branch has changed a file above a finding, the merge commit's line numbers are wrong at the head,
// so findings are moved to the head's lines through `git diff -U0 CHECKOUT HEAD -- FILE`.
import { parseHunkHeader, type Finding, type Hunk } from '../scan/index.ts'
import { gitOut } from './changed-lines.ts'

/**
 * A line of the old side on the new side. `exact: false` when the line itself differs between the
 * two (the base branch rewrote it): then the line at the same place in the rewritten hunk is given.
 */
export function mapLine(hunks: readonly Hunk[], line: number): { line: number; exact: boolean } {
  let shift = 0
  for (const h of hunks) {
    // With a count of 0, a side's start is the line before the hunk (unified diff's convention).
    const oldAfter = h.count === 0 ? h.start + 1 : h.start + h.count
    const newAfter = h.newCount === 0 ? h.newStart + 1 : h.newStart + h.newCount
    if (line >= oldAfter) {
      shift = newAfter - oldAfter
      continue
    }
    if (h.count > 0 && line >= h.start) {
      const within = h.newCount === 0 ? 0 : Math.min(line - h.start, h.newCount - 1)
      return { line: Math.max(1, h.newStart + within), exact: false }
    }
    break
  }
  return { line: line + shift, exact: true }
}

/** How one file differs between the checkout and the head. */
interface FileDiff {
  hunks: Hunk[]
  /** The head has no such file: the base branch added it (or moved it) since the PR branched. */
  absent: boolean
}

export function parseFileDiff(diff: string): FileDiff {
  const lines = diff.split('\n')
  return {
    hunks: lines.flatMap((line) => parseHunkHeader(line) ?? []),
    absent: lines.includes('+++ /dev/null'),
  }
}

export interface HeadLines {
  findings: Finding[]
  /** Per finding: whether its path and lines are the head's (false: still the checkout's). */
  atHead: boolean[]
  notes: string[]
}

/** At most this many files are diffed; the rest keep the checkout's lines, and a note says so. */
const MAX_FILES = 200

/** How a file of the checkout reads at the head: its path there, and the hunks between. */
interface Placement {
  path: string
  hunks: Hunk[]
}

export async function toHeadLines(
  findings: readonly Finding[],
  root: string,
  checkout: string,
  head: string,
): Promise<HeadLines> {
  const paths = [...new Set(findings.map((f) => f.path))]
  const placements = new Map<string, Placement | undefined>()
  let renames: Map<string, string> | undefined
  for (const path of paths.slice(0, MAX_FILES)) {
    const diff = await gitDiff(root, [checkout, head, '--', path])
    if (diff === undefined) {
      placements.set(path, undefined)
      continue
    }
    const parsed = parseFileDiff(diff)
    if (!parsed.absent) {
      placements.set(path, { path, hunks: parsed.hunks })
      continue
    }
    // Not at the head under this name: the base branch added it, or renamed it since.
    renames ??= await baseRenames(root, checkout, head)
    const before = renames.get(path)
    const blobs = before && (await gitDiff(root, [`${checkout}:${path}`, `${head}:${before}`]))
    placements.set(
      path,
      before && blobs !== undefined
        ? { path: before, hunks: parseFileDiff(blobs).hunks }
        : undefined,
    )
  }
  let approximate = 0
  let unplaced = 0
  const atHead: boolean[] = []
  const moved = findings.map((finding) => {
    const place = placements.get(finding.path)
    atHead.push(place !== undefined)
    if (!place) {
      unplaced++
      return finding
    }
    const start = mapLine(place.hunks, finding.line)
    if (!start.exact) approximate++
    const end =
      finding.endLine === undefined
        ? undefined
        : Math.max(mapLine(place.hunks, finding.endLine).line, start.line)
    return { ...finding, path: place.path, line: start.line, ...(end ? { endLine: end } : {}) }
  })
  const notes: string[] = []
  if (approximate) {
    notes.push(
      `${plural(approximate, 'finding is', 'findings are')} on lines the base branch rewrote after the pull request branched; ${approximate === 1 ? 'its link points' : 'their links point'} at the same place in the head commit`,
    )
  }
  if (unplaced) {
    notes.push(
      `${plural(unplaced, 'finding keeps', 'findings keep')} the lines of the checked-out commit ${checkout.slice(0, 7)}, not of the pull request's head ${head.slice(0, 7)}: git could not compare the file, it is only on the base branch, or it is beyond the first ${MAX_FILES} files with findings`,
    )
  }
  return { findings: moved, atHead, notes }
}

/** Files the base branch renamed since the pull request branched: checkout path → head path. */
async function baseRenames(root: string, checkout: string, head: string) {
  const out = await gitOut(root, ['diff', '-M', '--name-status', '-z', checkout, head])
  const renames = new Map<string, string>()
  const fields = (out ?? '').split('\0')
  for (let i = 0; i < fields.length; i++) {
    if (fields[i]!.startsWith('R') && i + 2 < fields.length) {
      renames.set(fields[i + 1]!, fields[i + 2]!)
      i += 2
    } else if (/^[ACDMTUX]/.test(fields[i]!)) i++
  }
  return renames
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Literal pathspecs: `[id].js` names that file, not a character class matching `i.js` too. */
function gitDiff(cwd: string, args: string[]) {
  return gitOut(cwd, [
    '--literal-pathspecs',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-renames',
    ...args,
  ])
}
