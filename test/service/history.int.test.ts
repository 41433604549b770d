// The history on both databases, from the recorded sequence of uploads in
// support/history-sequence.ts, against figures counted by hand from its patterns:
//   main, linux-x64/ubuntu24, A: oEoEo ooooo oooEo ooooo oEEoo (runs 1001–1025)
//     last 20 runs (1006–1025): o→E at 1014, E→o at 1015, o→E at 1022, E→o at 1024: 4 flips
//     all 25 runs: those 4 and the 4 of 1001–1005: 8 flips
//   main, linux-x64/ubuntu24, B: E ×25: no flip
//   main, macos-arm64/macos15, A: ooEooEooEo (runs 1016–1025): 6 flips in 10 runs
//   main, linux-x64/ubuntu22, A: one run (1025); B there was not measured (port-taken)
//   pull request 7, linux-x64/ubuntu24: A o, E, E and B E, E, o (2001, 2001 attempt 2, 2002)
import { afterEach, describe, expect, it } from 'vitest'
import {
  deleteRepositoryHistory,
  listRepositories,
  purgeHistoryBefore,
  purgeRepositories,
  readHistory,
  recordOutcomes,
  repositoryRecord,
  setDefaultBranch,
  setRepository,
} from '../../src/service/history/history-store.ts'
import { recentFindings, repositoryView } from '../../src/service/dashboard/data.ts'
import { startHistoryRetention } from '../../src/service/history/retention.ts'
import type { SqlDatabase } from '../../src/service/store/sql.ts'
import { openDatabase, SqlStore } from '../../src/service/store/sql-store.ts'
import { DATABASES, freshDatabase } from './support/databases.ts'
import { A, B, recordedSequence, recordLegs, resultOf, START } from './support/history-sequence.ts'

const fail = (error: unknown) => {
  throw error
}

const figures = (h: Awaited<ReturnType<typeof readHistory>>) =>
  h.scenarios.map((s) => ({
    at: `${s.platform}/${s.image ?? ''}/${s.scenario === A ? 'A' : s.scenario === B ? 'B' : s.scenario}`,
    branch: s.branch ? `${s.branch.flips}/${s.branch.runs}` : undefined,
    pull: s.pullRequest ? `${s.pullRequest.flips}/${s.pullRequest.runs}` : undefined,
    newFlip: s.newFlip ? `${s.previousOutcome}→${s.latestOutcome}` : false,
  }))

describe.each(DATABASES)('history on %s', (kind) => {
  let db: SqlDatabase | undefined
  afterEach(async () => {
    await db?.close()
    db = undefined
  })
  const recorded = async () => {
    db = await openDatabase(await freshDatabase(kind))
    const ids = await recordLegs(db, recordedSequence())
    return { db, ids }
  }

  it('counts flips over the last 20 runs of the default branch and of the pull request', async () => {
    const { db } = await recorded()
    const history = await readHistory(db, 74, { pullRequest: 7 })
    expect(history.window).toBe(20)
    expect(figures(history)).toEqual([
      { at: 'linux-x64/ubuntu22/A', branch: '0/1', pull: undefined, newFlip: false },
      { at: 'linux-x64/ubuntu24/A', branch: '4/20', pull: '1/3', newFlip: false },
      {
        at: 'linux-x64/ubuntu24/B',
        branch: '0/20',
        pull: '1/3',
        newFlip: 'EADDRINUSE→ok',
      },
      { at: 'macos-arm64/macos15/A', branch: '6/10', pull: undefined, newFlip: false },
    ])
    expect(history.scenarios[1]!.branch!.ref).toBe('refs/heads/main')
    expect(history.scenarios[1]!.pullRequest!.ref).toBe('refs/pull/7/merge')
  })

  it('on the default branch alone, a new flip is its latest run against the one before', async () => {
    const { db } = await recorded()
    expect(figures(await readHistory(db, 74))).toEqual([
      { at: 'linux-x64/ubuntu22/A', branch: '0/1', pull: undefined, newFlip: false },
      { at: 'linux-x64/ubuntu24/A', branch: '4/20', pull: undefined, newFlip: false },
      { at: 'linux-x64/ubuntu24/B', branch: '0/20', pull: undefined, newFlip: false },
      {
        at: 'macos-arm64/macos15/A',
        branch: '6/10',
        pull: undefined,
        newFlip: 'EADDRINUSE→ok',
      },
    ])
  })

  it('the window is a setting: 5 runs and 100 runs', async () => {
    const { db } = await recorded()
    const five = figures(await readHistory(db, 74, { window: 5 }))
    // 1021–1025: linux A oEEoo (2 flips), macOS A EooEo (3 flips).
    expect(five.map((f) => f.branch)).toEqual(['0/1', '2/5', '0/5', '3/5'])
    const all = figures(await readHistory(db, 74, { window: 100 }))
    expect(all.map((f) => f.branch)).toEqual(['0/1', '8/25', '0/25', '6/10'])
  })

  it('the default branch comes from a pull request base until the App names it; the App changes visibility and name', async () => {
    const { db } = await recorded()
    expect(await repositoryRecord(db, 74)).toEqual({
      repositoryId: 74,
      repository: 'octo-org/octo-repo',
      visibility: 'public',
      defaultBranch: 'main',
    })
    await setRepository(db, 74, { visibility: 'private', repository: 'octo-org/renamed' })
    expect(await repositoryRecord(db, 74)).toMatchObject({
      repository: 'octo-org/renamed',
      visibility: 'private',
    })
    await setDefaultBranch(db, 74, 'trunk')
    const history = await readHistory(db, 74, { pullRequest: 7 })
    expect(history.scenarios.every((s) => s.branch === undefined)).toBe(true)
    expect(figures(history).map((f) => f.pull)).toEqual(['1/3', '1/3'])
  })

  it('recording the same result twice records it once', async () => {
    const { db, ids } = await recorded()
    const leg = recordedSequence()[0]!
    const again = await recordOutcomes(db, {
      resultId: ids[0]!,
      identity: {
        repositoryId: 74,
        repository: 'octo-org/octo-repo',
        runId: leg.runId,
        runAttempt: 1,
      },
      claims: { ref: leg.ref, event_name: 'push', repository_visibility: 'public' },
      envelope: { headSha: 'b'.repeat(40), result: resultOf(leg) },
      receivedAt: leg.at,
    })
    expect(again).toBe(0)
    expect(figures(await readHistory(db, 74, { window: 100 }))[1]!.branch).toBe('8/25')
  })

  it('retention drops older history and keeps the stored results', async () => {
    const { db } = await recorded()
    // Runs 1001–1015 were recorded in the first 15 minutes: 15 runs of A and B on linux.
    expect(await purgeHistoryBefore(db, new Date(START.getTime() + 15 * 60_000))).toBe(30)
    // What is left of main is 1016–1025: linux A ooooo oEEoo.
    expect(figures(await readHistory(db, 74)).map((f) => f.branch)).toEqual([
      '0/1',
      '2/10',
      '0/10',
      '6/10',
    ])
    expect(await new SqlStore(db).listResults(74)).toHaveLength(39)
  })

  it('retention runs at start-up with the setting in days', async () => {
    const { db } = await recorded()
    // The sequence was recorded from START (2026-11-01) for 63 minutes.
    const at = (iso: string) => () => Date.parse(iso)
    const keep = startHistoryRetention(db, 30, fail, at('2026-11-30T00:00:00Z'))
    expect(await keep.started).toBe(0)
    keep.stop()
    const drop = startHistoryRetention(db, 30, fail, at('2026-12-15T00:00:00Z'))
    expect(await drop.started).toBeGreaterThan(0)
    drop.stop()
    expect((await readHistory(db, 74, { pullRequest: 7 })).scenarios).toEqual([])
  })

  it("the operator's delete takes the repository's history with its results", async () => {
    const { db } = await recorded()
    expect(await new SqlStore(db).deleteRepository(74)).toBe(39)
    expect((await readHistory(db, 74, { pullRequest: 7 })).scenarios).toEqual([])
    expect(await repositoryRecord(db, 74)).toBeUndefined()
  })

  it("reads the dashboard's matrix, series and recent findings", async () => {
    const { db } = await recorded()
    await recordLegs(db, [
      ...[1, 2].map((n) => ({
        ref: 'refs/pull/8/merge',
        event: 'pull_request',
        runId: 3000 + n,
        platform: 'linux-x64',
        image: 'ubuntu24',
        outcomes: { [A]: 'ok' },
        at: new Date(START.getTime() + (90 + n) * 60_000),
        scan: {
          findings: [
            {
              rule: 'PORT001',
              severity: 'error',
              path: `a${n}.ts`,
              line: n,
              message: 'm',
              fingerprint: `f${n}`,
            },
          ],
        },
      })),
    ])
    const view = await repositoryView(db, (await repositoryRecord(db, 74))!, 20)
    expect(view.ref).toBe('refs/heads/main')
    expect(view.runs).toBe(20)
    expect(view.columns.map((c) => `${c.platform}/${c.image}`)).toEqual([
      'linux-x64/ubuntu22',
      'linux-x64/ubuntu24',
      'macos-arm64/macos15',
    ])
    expect(view.rows).toEqual([
      { scenario: A, cells: ['ok', 'ok', 'ok'] },
      { scenario: B, cells: [undefined, 'EADDRINUSE', undefined] },
    ])
    expect(
      view.series.map(
        (s) => `${s.platform}/${s.scenario === A ? 'A' : 'B'} ${s.flips}/${s.outcomes.length}`,
      ),
    ).toEqual(['macos-arm64/A 6/10', 'linux-x64/A 4/20', 'linux-x64/A 0/1', 'linux-x64/B 0/20'])
    // Pull request 8's newest head (run 3002) only; pull request 7's uploads had no scan.
    expect(await recentFindings(db, 74)).toEqual([
      {
        number: 8,
        headSha: expect.stringMatching(/^[0-9a-f]{40}$/),
        findings: [{ rule: 'PORT001', severity: 'error', path: 'a2.ts', line: 2, message: 'm' }],
      },
      { number: 7, headSha: expect.stringMatching(/^[0-9a-f]{40}$/), findings: [] },
    ])
  })

  it('purging repositories (installation deleted) removes their results and history, and only theirs', async () => {
    const { db } = await recorded()
    await recordLegs(db, [
      {
        repositoryId: 75,
        repository: 'octo-org/other',
        visibility: 'private',
        ref: 'refs/heads/main',
        runId: 1,
        platform: 'linux-x64',
        outcomes: { [A]: 'ok' },
        at: START,
      },
    ])
    expect(await purgeRepositories(db, [74])).toBe(39)
    expect((await readHistory(db, 74, { pullRequest: 7 })).scenarios).toEqual([])
    expect(await new SqlStore(db).listResults(74)).toEqual([])
    expect((await listRepositories(db)).map((r) => [r.repository, r.visibility])).toEqual([
      ['octo-org/other', 'private'],
    ])
    expect(await new SqlStore(db).listResults(75)).toHaveLength(1)
    // The operator's delete, beside the store's deleteRepository, in its own transaction.
    expect(await db.transaction((s) => deleteRepositoryHistory(s, 75))).toBe(3)
    expect(await listRepositories(db)).toEqual([])
  })
})
