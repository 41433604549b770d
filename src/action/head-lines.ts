// On a pull request, actions/checkout checks out GitHub's test merge commit, but the check run,
// its annotations and the comment's links point at the pull request's head commit. Once the base
// branch has changed a file above a finding, the merge commit's line numbers are wrong at the head,
// so findings are moved to the head's lines through `git diff -U0 MERGE HEAD -- FILE`.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Finding } from '../scan/index.ts'

const run = promisify(execFile)

/** One hunk of a zero-context diff: `count` lines at `start` became `newCount` at `newStart`. */
export interface Hunk {
  start: number
  count: number
  newStart: number
  newCount: number
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

export function parseHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = []
  for (const line of diff.split('\n')) {
    const m = HUNK.exec(line)
    if (!m) continue
    hunks.push({
      start: Number(m[1]),
      count: m[2] === undefined ? 1 : Number(m[2]),
      newStart: Number(m[3]),
      newCount: m[4] === undefined ? 1 : Number(m[4]),
    })
  }
  return hunks
}

/**
 * A line of the old side on the new side. `exact: false` when the line itself differs between the
 * two (the base branch changed it): then the nearest line of the new side is given.
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
    if (h.count > 0 && line >= h.start) return { line: Math.max(1, h.newStart), exact: false }
    break
  }
  return { line: line + shift, exact: true }
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
  const hunksOf = new Map<string, Hunk[]>()
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
    hunksOf.set(path, parseHunks(diff))
  }
  let approximate = 0
  const moved = findings.map((finding) => {
    const hunks = hunksOf.get(finding.path)
    if (!hunks?.length) return finding
    const start = mapLine(hunks, finding.line)
    if (!start.exact) approximate++
    const end = finding.endLine === undefined ? undefined : mapLine(hunks, finding.endLine).line
    return {
      ...finding,
      line: start.line,
      ...(end === undefined ? {} : { endLine: Math.max(end, start.line) }),
    }
  })
  const notes: string[] = []
  if (paths.length > MAX_FILES) {
    notes.push(
      `findings in ${paths.length - MAX_FILES} files keep the lines of the checked-out commit, not the pull request's head`,
    )
  }
  if (approximate) {
    notes.push(
      `${approximate} finding${approximate === 1 ? ' is' : 's are'} on lines the base branch changed after the pull request branched; the link points at the nearest line of the head commit`,
    )
  }
  return { findings: moved, notes }
}

async function gitDiff(
  cwd: string,
  from: string,
  to: string,
  path: string,
): Promise<string | undefined> {
  try {
    const { stdout } = await run(
      'git',
      ['diff', '-U0', '--no-color', '--no-ext-diff', '--no-renames', from, to, '--', path],
      { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    )
    return stdout
  } catch {
    return undefined
  }
}
