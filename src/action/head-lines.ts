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
  notes: string[]
}

/** At most this many files are diffed; the rest keep the checkout's lines, and a note says so. */
const MAX_FILES = 200

export async function toHeadLines(
  findings: readonly Finding[],
  root: string,
  checkout: string,
  head: string,
): Promise<HeadLines> {
  const paths = [...new Set(findings.map((f) => f.path))]
  const diffs = new Map<string, FileDiff>()
  for (const path of paths.slice(0, MAX_FILES)) {
    const diff = await gitDiff(root, checkout, head, path)
    if (diff === undefined) {
      return {
        findings: [...findings],
        notes: [
          `the lines of the findings are those of the checked-out commit ${checkout.slice(0, 7)}, not of the pull request's head ${head.slice(0, 7)} (git could not compare them)`,
        ],
      }
    }
    diffs.set(path, parseFileDiff(diff))
  }
  let approximate = 0
  let absent = 0
  const moved = findings.map((finding) => {
    const diff = diffs.get(finding.path)
    if (!diff?.hunks.length) return finding
    if (diff.absent) {
      absent++
      return finding
    }
    const start = mapLine(diff.hunks, finding.line)
    if (!start.exact) approximate++
    if (finding.endLine === undefined) return { ...finding, line: start.line }
    const end = Math.max(mapLine(diff.hunks, finding.endLine).line, start.line)
    return { ...finding, line: start.line, endLine: end }
  })
  const notes: string[] = []
  if (paths.length > MAX_FILES) {
    notes.push(
      `findings in ${paths.length - MAX_FILES} files keep the lines of the checked-out commit, not the pull request's head`,
    )
  }
  if (approximate) {
    notes.push(
      `${plural(approximate, 'finding is', 'findings are')} on lines the base branch rewrote after the pull request branched; ${approximate === 1 ? 'its link points' : 'their links point'} at the same place in the head commit`,
    )
  }
  if (absent) {
    notes.push(
      `${plural(absent, 'finding is', 'findings are')} in files the base branch added after the pull request branched; the head commit has no such file, so ${absent === 1 ? 'its link leads' : 'their links lead'} nowhere`,
    )
  }
  return { findings: moved, notes }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Literal pathspecs: `[id].js` names that file, not a character class matching `i.js` too. */
function gitDiff(cwd: string, from: string, to: string, path: string) {
  return gitOut(cwd, [
    '--literal-pathspecs',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-renames',
    from,
    to,
    '--',
    path,
  ])
}
