// From the uploads stored for a report to what the shared publisher takes: per platform the
// latest attempt across runs (a re-run replaces what it re-measured, and keeps the rest), and
// who the report is for, as the uploads' verified tokens say.
import type { LegFiles } from '../../github/publish-report.ts'
import type { StoredUpload } from './reports.ts'

export interface AssembledReport {
  legs: LegFiles[]
  /** The uploads the report is made of (their ids, sorted, joined by commas). */
  fingerprint: string
  /** The newest upload: its run, its event and ref decide where the report goes. */
  latest: StoredUpload
  /** From the ref `refs/pull/N/merge` (or `/head`) of a pull request run. */
  pullNumber?: number
  platforms: string[]
  /** The jobs (check run ids, from the tokens) the kept uploads came from. */
  jobs: string[]
}

export function assemble(uploads: readonly StoredUpload[]): AssembledReport | undefined {
  const byPlatform = new Map<string, StoredUpload>()
  for (const upload of uploads) {
    const kept = byPlatform.get(upload.platform)
    if (!kept || newer(upload, kept)) byPlatform.set(upload.platform, upload)
  }
  const kept = [...byPlatform.values()].sort((a, b) => a.platform.localeCompare(b.platform))
  if (!kept.length) return undefined
  const latest = kept.reduce((a, b) => (newer(b, a) ? b : a))
  const pullNumber = pullNumberOf(latest.ref)
  return {
    legs: kept.map(legFiles),
    fingerprint: kept
      .map((u) => u.id)
      .sort()
      .join(','),
    latest,
    ...(pullNumber !== undefined ? { pullNumber } : {}),
    platforms: kept.map((u) => u.platform),
    jobs: kept.map((u) => u.job),
  }
}

function newer(a: StoredUpload, b: StoredUpload): boolean {
  if (a.runId !== b.runId) return a.runId > b.runId
  if (a.runAttempt !== b.runAttempt) return a.runAttempt > b.runAttempt
  return a.receivedAt > b.receivedAt
}

/** A pull request run's ref; other events (push, merge_group) have no pull request. */
export function pullNumberOf(ref: string): number | undefined {
  const match = /^refs\/pull\/([1-9]\d*)\/(merge|head)$/.exec(ref)
  return match ? Number(match[1]) : undefined
}

function legFiles(upload: StoredUpload): LegFiles {
  // The envelope passed the schemas on upload; the report checks the result again, as it checks
  // every artifact, so a stored row damaged later is named, not trusted.
  const envelope = JSON.parse(upload.envelope) as { result: unknown; scan?: unknown }
  return {
    source: `${upload.platform} (run ${upload.runId}, attempt ${upload.runAttempt})`,
    result: JSON.stringify(envelope.result),
    ...(envelope.scan !== undefined ? { scan: JSON.stringify(envelope.scan) } : {}),
  }
}
