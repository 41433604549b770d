// Pure: the legs' artifacts to one PlatformResult per platform. A bad artifact is named with what
// is wrong with it and set aside; the others are kept. A platform reported twice (a re-run, or two
// legs that share an id) keeps its newest result and says so.
import type { PlatformResult } from '../probe/model.ts'
import { resultProblems } from '../probe/validate-result.ts'
import { parseJsonText } from './json-text.ts'
import type { ArtifactProblem } from './model.ts'

export interface ResultArtifact {
  /** Where it came from, for messages: the artifact's name, or a file path. */
  name: string
  /** The file's text (parsed as JSON here), or JSON already parsed. */
  content: unknown
}

export interface MergedResults {
  results: { result: PlatformResult; source: string }[]
  problems: ArtifactProblem[]
  notes: string[]
}

/** Larger than any honest result (the full catalogue with 1,000 repeats is well under 5 MB). */
export const MAX_ARTIFACT_CHARS = 20_000_000

export function mergeResults(artifacts: readonly ResultArtifact[]): MergedResults {
  const problems: ArtifactProblem[] = []
  const notes: string[] = []
  const byPlatform = new Map<string, { result: PlatformResult; source: string }[]>()

  for (const artifact of artifacts) {
    const read = readResult(artifact.content)
    if ('problem' in read) {
      problems.push({ artifact: artifact.name, message: read.problem })
      continue
    }
    const { result } = read
    const list = byPlatform.get(result.platform.id) ?? []
    list.push({ result, source: artifact.name })
    byPlatform.set(result.platform.id, list)
  }

  const results = [...byPlatform.entries()].map(([id, list]) => {
    if (list.length === 1) return list[0]!
    // Newest first; the artifact name breaks ties so the choice does not depend on input order.
    const sorted = [...list].sort(
      (a, b) =>
        Date.parse(b.result.startedAt) - Date.parse(a.result.startedAt) ||
        a.source.localeCompare(b.source),
    )
    const kept = sorted[0]!
    const others = sorted.slice(1).map((r) => r.source)
    notes.push(
      `${id} was reported ${list.length} times; the newest result (${kept.source}) is used and ` +
        `${others.join(', ')} ignored. If these are different runners, give each leg its own ` +
        '`label` input so each gets a column.',
    )
    return kept
  })
  return { results, problems, notes }
}

/** A result file's text (or parsed JSON) as a PlatformResult, or what is wrong with it. */
export function readResult(content: unknown): { result: PlatformResult } | { problem: string } {
  const parsed = parseContent(content)
  if ('problem' in parsed) return parsed
  const found = resultProblems(parsed.value)
  if (!found.length) return { result: parsed.value as PlatformResult }
  const more = found.length > 3 ? ` (and ${found.length - 3} more)` : ''
  return { problem: `not a bind-probe PlatformResult: ${found.slice(0, 3).join('; ')}${more}` }
}

function parseContent(content: unknown): { value: unknown } | { problem: string } {
  if (typeof content !== 'string') return { value: content }
  if (content.length > MAX_ARTIFACT_CHARS) {
    return { problem: `is ${content.length} characters, more than ${MAX_ARTIFACT_CHARS}` }
  }
  if (content.trim() === '') return { problem: 'is empty' }
  try {
    return { value: parseJsonText(content) }
  } catch (error) {
    return { problem: `is not JSON: ${(error as Error).message}` }
  }
}
