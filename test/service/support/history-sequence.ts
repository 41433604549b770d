// A recorded sequence of uploads for the history's tests: each leg's result stored as the upload
// path stores it (SqlStore.putResult), then its outcomes recorded (recordOutcomes), on a real
// database. Outcome patterns are written one character per run, so the figures can be counted by
// hand: `o` is ok, `E` is EADDRINUSE.
import { createHash } from 'node:crypto'
import type { PlatformResult } from '../../../src/probe/model.ts'
import { recordOutcomes } from '../../../src/service/history/history-store.ts'
import type { SqlDatabase } from '../../../src/service/store/sql.ts'
import { SqlStore } from '../../../src/service/store/sql-store.ts'
import { MEASURED } from './service.ts'

export const A = 'tcp4-dup-loopback-default'
export const B = 'tcp4-dup-wildcard-default'

export interface Leg {
  repositoryId?: number
  repository?: string
  visibility?: 'public' | 'private'
  ref: string
  event?: string
  baseRef?: string
  runId: number
  runAttempt?: number
  platform: string
  image?: string
  /** Scenario id to outcome; an outcome of `skipped:<cause>` is a scenario the host kept from being measured. */
  outcomes: Record<string, string>
  at: Date
  /** The leg's scan result, as the envelope carries it. */
  scan?: { findings: unknown[]; notes?: string[] }
}

const word = (c: string) => (c === 'o' ? 'ok' : c === 'E' ? 'EADDRINUSE' : c)

/** Legs of one series from a pattern: run ids `firstRun`, `firstRun + 1`, … */
export function series(
  pattern: string,
  leg: Omit<Leg, 'runId' | 'outcomes' | 'at'> & { scenario: string; firstRun: number; start: Date },
): Leg[] {
  return [...pattern].map((c, i) => ({
    ...leg,
    runId: leg.firstRun + i,
    outcomes: { [leg.scenario]: word(c) },
    at: new Date(leg.start.getTime() + i * 60_000),
  }))
}

/** Legs of one run and platform are one result: their outcomes are merged. */
export function merged(legs: readonly Leg[]): Leg[] {
  const byKey = new Map<string, Leg>()
  for (const leg of legs) {
    const key = [
      leg.repositoryId ?? 74,
      leg.ref,
      leg.runId,
      leg.runAttempt ?? 1,
      leg.platform,
      leg.image,
    ].join('|')
    const seen = byKey.get(key)
    if (seen) seen.outcomes = { ...seen.outcomes, ...leg.outcomes }
    else byKey.set(key, { ...leg, outcomes: { ...leg.outcomes } })
  }
  return [...byKey.values()]
}

export function resultOf(leg: Leg): PlatformResult {
  const template = (MEASURED as PlatformResult).scenarios[0]!
  return {
    ...(MEASURED as PlatformResult),
    platform: {
      ...(MEASURED as PlatformResult).platform,
      id: leg.platform,
      ...(leg.image ? { runner: { image: leg.image } } : {}),
    },
    scenarios: Object.entries(leg.outcomes).map(([id, outcome]) => {
      const [word, cause] = outcome.split(':')
      return { ...template, id, outcome: word!, ...(cause ? { cause: cause as 'port-taken' } : {}) }
    }),
  }
}

/** Stores and records every leg in order; returns the stored results' ids. */
export async function recordLegs(db: SqlDatabase, legs: readonly Leg[]): Promise<string[]> {
  const store = new SqlStore(db)
  const ids: string[] = []
  for (const leg of legs) {
    const result = resultOf(leg)
    const headSha = createHash('sha1').update(`${leg.ref}${leg.runId}`).digest('hex')
    const envelope = {
      schemaVersion: 1,
      headSha,
      commentKey: 'default',
      result,
      ...(leg.scan ? { scan: leg.scan } : {}),
    }
    const text = JSON.stringify(envelope)
    const identity = {
      repositoryId: leg.repositoryId ?? 74,
      ownerId: 7,
      repository: leg.repository ?? 'octo-org/octo-repo',
      runId: leg.runId,
      runAttempt: leg.runAttempt ?? 1,
      job: `job-${leg.platform}-${leg.image ?? ''}`,
      jti: `jti-${ids.length}-${leg.runId}-${leg.platform}-${leg.ref}`,
      eventName: leg.ref.startsWith('refs/pull/') ? 'pull_request' : 'push',
      ref: leg.ref,
    }
    const put = await store.putResult({
      identity,
      platform: leg.platform,
      commentKey: 'default',
      headSha,
      bodyHash: createHash('sha256').update(text).digest('hex'),
      envelope: text,
      notes: [],
      tokenExpiresAt: new Date(leg.at.getTime() + 600_000),
      receivedAt: leg.at,
    })
    if (put.status !== 'created') throw new Error(`leg ${JSON.stringify(leg)} was ${put.status}`)
    await recordOutcomes(db, {
      resultId: put.id,
      identity,
      claims: {
        ref: leg.ref,
        event_name: leg.event ?? 'push',
        base_ref: leg.baseRef ?? '',
        repository_visibility: leg.visibility ?? 'public',
      },
      envelope: { headSha, result },
      receivedAt: leg.at,
    })
    ids.push(put.id)
  }
  return ids
}

export const START = new Date('2026-11-01T00:00:00.000Z')
const MAIN = { ref: 'refs/heads/main', start: START }

/**
 * The recorded sequence the history's figures are counted from (docs in the test): 25 runs of
 * main (1001–1025) on linux-x64/ubuntu24, macOS on the last 10 of them, one run on a second
 * Linux image, then three runs of pull request 7 (2001, its re-run attempt 2, 2002).
 */
export const PATTERN_A_LINUX = 'oEoEo' + 'ooooo' + 'oooEo' + 'ooooo' + 'oEEoo'
export const PATTERN_B_LINUX = 'E'.repeat(25)
export const PATTERN_A_MACOS = 'ooEooEooEo'

export function recordedSequence(): Leg[] {
  const linux = { platform: 'linux-x64', image: 'ubuntu24', ...MAIN, firstRun: 1001 }
  const pull = { ref: 'refs/pull/7/merge', event: 'pull_request', baseRef: 'main' }
  const prAt = (minutes: number) => new Date(START.getTime() + (60 + minutes) * 60_000)
  return merged([
    ...series(PATTERN_A_LINUX, { ...linux, scenario: A }),
    ...series(PATTERN_B_LINUX, { ...linux, scenario: B }),
    ...series(PATTERN_A_MACOS, {
      platform: 'macos-arm64',
      image: 'macos15',
      ...MAIN,
      start: new Date(START.getTime() + 15 * 60_000),
      firstRun: 1016,
      scenario: A,
    }),
    {
      ref: MAIN.ref,
      runId: 1025,
      platform: 'linux-x64',
      image: 'ubuntu22',
      outcomes: { [A]: 'ok', [B]: 'skipped:port-taken' },
      at: new Date(START.getTime() + 24 * 60_000),
    },
    {
      ...pull,
      runId: 2001,
      platform: 'linux-x64',
      image: 'ubuntu24',
      outcomes: { [A]: 'ok', [B]: 'EADDRINUSE' },
      at: prAt(0),
    },
    {
      ...pull,
      runId: 2001,
      runAttempt: 2,
      platform: 'linux-x64',
      image: 'ubuntu24',
      outcomes: { [A]: 'EADDRINUSE', [B]: 'EADDRINUSE' },
      at: prAt(1),
    },
    {
      ...pull,
      runId: 2002,
      platform: 'linux-x64',
      image: 'ubuntu24',
      outcomes: { [A]: 'EADDRINUSE', [B]: 'ok' },
      at: prAt(2),
    },
  ])
}
