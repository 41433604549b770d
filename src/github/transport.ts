// How each matrix leg's results reach the one job that reports: a named bundle of small files per
// leg (its PlatformResult, and a metadata file saying which run, commit and PR it belongs to).
// The transport itself is behind an interface: workflow artifacts on GitHub, a directory locally.
import { parseJsonText } from '../report/json-text.ts'
import { readResult } from '../report/merge.ts'
import type { ArtifactProblem } from '../report/model.ts'
import type { RunContext } from './context.ts'
import { assertCommentKey } from './comment-marker.ts'

export interface TransportFile {
  /** A plain file name: no directories. */
  name: string
  content: string
}

export interface DownloadedBundle {
  name: string
  files: TransportFile[]
  /** Why the bundle could not be read (too large, a failed download): the others still count. */
  problem?: string
}

/** Another run's artifacts, for a `workflow_run` report (needs `actions: read`). */
export interface RunSource {
  runId: number
  owner: string
  repo: string
  token: string
}

export interface DownloadOptions {
  /** Which bundles to fetch, by name. */
  accept: (name: string) => boolean
  /** Absent: this run's own. */
  from?: RunSource
}

export interface ResultTransport {
  upload(name: string, files: TransportFile[]): Promise<void>
  downloadAll(options: DownloadOptions): Promise<DownloadedBundle[]>
}

/** Per-file and per-bundle caps: a leg's results are kilobytes; anything huge is not ours. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024
export const MAX_BUNDLES = 500

export const RESULT_FILE = 'result.json'
/** A leg's scan findings, beside its result when the leg scanned. */
export const SCAN_FILE = 'scan.json'
export const META_FILE = 'bind-probe-meta.json'
const NAME_PREFIX = 'bind-probe-result-'
const PLATFORM = /^[a-z0-9][a-z0-9.-]*$/

/**
 * `bind-probe-result-<platform-id>-<run attempt>`, with `<key>_` before the platform id for a
 * comment key other than `default`. Unique per leg and attempt: a re-run of a failed leg uploads
 * beside the first attempt's bundle instead of clashing with it.
 */
export function resultArtifactName(key: string, platformId: string, runAttempt: number): string {
  assertCommentKey(key)
  if (!PLATFORM.test(platformId)) {
    throw new Error(
      `platform id "${platformId}" must be lower-case letters, digits, dots and dashes`,
    )
  }
  const scope = key === 'default' ? '' : `${key}_`
  return `${NAME_PREFIX}${scope}${platformId}-${runAttempt}`
}

/** The platform id and attempt of one of `key`'s bundle names, or undefined for other names. */
export function parseResultArtifactName(
  key: string,
  name: string,
): { platformId: string; runAttempt: number } | undefined {
  const prefix = key === 'default' ? NAME_PREFIX : `${NAME_PREFIX}${key}_`
  if (!name.startsWith(prefix)) return undefined
  const match = /^([a-z0-9][a-z0-9.-]*)-(\d+)$/.exec(name.slice(prefix.length))
  if (!match) return undefined
  return { platformId: match[1]!, runAttempt: Number(match[2]) }
}

/** What a leg records about where it ran, so a report elsewhere knows where to publish. */
export interface LegMeta {
  schemaVersion: 1
  key: string
  platformId: string
  repository: string
  run: { id: number; attempt: number }
  event: string
  /** The commit the leg tested: the PR head for pull requests. */
  headSha: string
  /** The leg's job id (GITHUB_JOB), so the report can tell its matrix legs from other jobs. */
  job?: string
  pullRequest?: { number: number; baseRef: string }
  createdAt: string
}

export function legMeta(
  context: RunContext,
  key: string,
  platformId: string,
  now = new Date(),
): LegMeta {
  return {
    schemaVersion: 1,
    key,
    platformId,
    repository: `${context.repo.owner}/${context.repo.repo}`,
    run: { id: context.runId, attempt: context.runAttempt },
    event: context.eventName,
    headSha: context.headSha,
    ...(context.job ? { job: context.job } : {}),
    ...(context.pullRequest
      ? {
          pullRequest: { number: context.pullRequest.number, baseRef: context.pullRequest.baseRef },
        }
      : {}),
    createdAt: now.toISOString(),
  }
}

/** Uploads one leg's bundle: its result file(s) plus the metadata. Returns the bundle's name. */
export async function uploadLeg(
  transport: ResultTransport,
  meta: LegMeta,
  files: TransportFile[],
): Promise<string> {
  const name = resultArtifactName(meta.key, meta.platformId, meta.run.attempt)
  await transport.upload(name, [
    ...files,
    { name: META_FILE, content: `${JSON.stringify(meta, null, 2)}\n` },
  ])
  return name
}

export interface CollectedLeg {
  artifact: string
  platformId: string
  runAttempt: number
  meta: LegMeta
  /** The leg's files other than the metadata, by name. */
  files: Map<string, string>
}

export interface CollectedLegs {
  legs: CollectedLeg[]
  /** One per bundle that could not be used, naming it; the others are still used. */
  problems: ArtifactProblem[]
  /** Attempts passed over for an earlier one that could be read, each said once. */
  notes: string[]
}

/**
 * Downloads every leg bundle of `key` and keeps, per platform, the latest run attempt whose
 * result can be read. A broken bundle is reported in `problems` and skipped: it never hides the
 * legs that did arrive, nor an earlier attempt of its own leg, which is used instead (a note says so).
 */
export async function collectLegs(
  transport: ResultTransport,
  key: string,
  from?: RunSource,
): Promise<CollectedLegs> {
  assertCommentKey(key)
  const bundles = await transport.downloadAll({
    accept: (name) => parseResultArtifactName(key, name) !== undefined,
    ...(from ? { from } : {}),
  })
  const problems: ArtifactProblem[] = []
  const attempts = new Map<string, CollectedLeg[]>()
  for (const bundle of bundles) {
    const parsed = parseResultArtifactName(key, bundle.name)
    if (!parsed) continue
    if (bundle.problem) {
      problems.push({ artifact: bundle.name, message: bundle.problem })
      continue
    }
    const files = new Map(bundle.files.map((f) => [f.name, f.content]))
    const metaText = files.get(META_FILE)
    files.delete(META_FILE)
    let meta: LegMeta
    try {
      if (metaText === undefined) throw new Error(`it has no ${META_FILE}`)
      meta = parseMeta(metaText)
    } catch (error) {
      problems.push({ artifact: bundle.name, message: (error as Error).message })
      continue
    }
    if (meta.platformId !== parsed.platformId || meta.key !== key) {
      problems.push({
        artifact: bundle.name,
        message: `its ${META_FILE} says platform "${meta.platformId}" and key "${meta.key}", not what its name says`,
      })
      continue
    }
    const leg = { artifact: bundle.name, ...parsed, meta, files }
    attempts.set(parsed.platformId, [...(attempts.get(parsed.platformId) ?? []), leg])
  }
  const notes: string[] = []
  const legs = [...attempts.values()].map((list) => {
    const newestFirst = list.sort((a, b) => b.runAttempt - a.runAttempt)
    const kept = newestFirst.find((leg) => !resultProblem(leg)) ?? newestFirst[0]!
    for (const newer of newestFirst.filter((leg) => leg.runAttempt > kept.runAttempt)) {
      notes.push(
        `${newer.artifact} could not be read (its ${RESULT_FILE} ${resultProblem(newer)}), so ` +
          `the report uses ${kept.platformId}'s attempt ${kept.runAttempt} (${kept.artifact}).`,
      )
    }
    return kept
  })
  legs.sort((a, b) => a.platformId.localeCompare(b.platformId))
  return { legs, problems, notes }
}

function resultProblem(leg: CollectedLeg): string | undefined {
  const text = leg.files.get(RESULT_FILE)
  if (text === undefined) return 'is missing'
  const read = readResult(text)
  return 'problem' in read ? read.problem : undefined
}

function parseMeta(text: string): LegMeta {
  let value: unknown
  try {
    value = parseJsonText(text)
  } catch (error) {
    throw new Error(`its ${META_FILE} is not JSON (${(error as Error).message})`, { cause: error })
  }
  const v = value as Partial<LegMeta> | null
  const bad = (what: string) => new Error(`its ${META_FILE} ${what}`)
  if (typeof v !== 'object' || v === null) throw bad('is not an object')
  if (v.schemaVersion !== 1) throw bad(`has schemaVersion ${String(v.schemaVersion)}, expected 1`)
  if (typeof v.key !== 'string' || typeof v.platformId !== 'string')
    throw bad('lacks key or platformId')
  if (v.job !== undefined && typeof v.job !== 'string') throw bad('has a job that is not a string')
  if (typeof v.headSha !== 'string' || !/^[0-9a-f]{40}$/.test(v.headSha))
    throw bad('lacks a 40-hex headSha')
  if (!v.run || !Number.isSafeInteger(v.run.id) || !Number.isSafeInteger(v.run.attempt))
    throw bad('lacks run.id and run.attempt')
  if (
    v.pullRequest !== undefined &&
    !(Number.isSafeInteger(v.pullRequest.number) && v.pullRequest.number > 0)
  ) {
    throw bad('has a pullRequest without a valid number')
  }
  return v as LegMeta
}
