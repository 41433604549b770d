// Pure: everything the report job gathered, to one Report. No I/O: the caller reads artifacts,
// the previous comment and the jobs list, and hands them in.
import type { Config } from '../config/model.ts'
import { CATALOGUE } from '../probe/catalogue/index.ts'
import { CAUSE_WORDS } from '../probe/causes.ts'
import type { PlatformResult, Scenario } from '../probe/model.ts'
import { VERSION } from '../version.ts'
import { compareWithPrevious } from './changes.ts'
import { digestOf } from './digest.ts'
import { summariseFindings } from './findings.ts'
import { buildHeadline } from './headline.ts'
import { readDigest } from './marker.ts'
import { buildMatrix } from './matrix.ts'
import { mergeResults, type ResultArtifact } from './merge.ts'
import {
  REPORT_SCHEMA_VERSION,
  type ArtifactProblem,
  type CellRef,
  type LegProblem,
  type LegStatus,
  type MeasuredPlatform,
  type MissingPlatform,
  type ProbeProblem,
  type Report,
  type ReportContext,
  type ScenarioRow,
} from './model.ts'
import type { ReportHistory } from './history.ts'
import { checkRequirements } from './requirements.ts'
import { describeExpectation } from './verdict.ts'

export interface LegInput {
  /** The job's name as the run shows it, such as "probe (macos-latest)". */
  name: string
  status: LegStatus
  /** The platform id the leg was to measure, when the caller knows it. */
  platform?: string
}

export interface ReportInput {
  /** One per leg artifact; bad ones are named in the report and the rest still count. */
  artifacts: readonly ResultArtifact[]
  /** Artifacts the caller could not even open (a missing or bad metadata file, say). */
  artifactProblems?: readonly ArtifactProblem[]
  /** The built-in catalogue; CATALOGUE when absent. The policy's own scenarios are added to it. */
  catalogue?: readonly Scenario[]
  policy?: Pick<Config, 'platforms' | 'require' | 'scenarios'> & Pick<Partial<Config>, 'source'>
  /** Matrix legs as the run's jobs API tells them; only the ones that did not succeed matter. */
  legs?: readonly LegInput[]
  /** The body of our earlier comment on this pull request, for "changed since". */
  previousComment?: string
  /** Scan findings from every leg (duplicates are merged; malformed ones are named). */
  findings?: readonly unknown[]
  /** What the legs want a reader to know (the scan stopped at the files API's limit, say). */
  notes?: readonly string[]
  context?: ReportContext
  /** The reporting service's flip figures; the action has none (and the report is then as it was). */
  history?: ReportHistory
}

export function buildReport(input: ReportInput): Report {
  const policy = input.policy ?? { platforms: [], require: [], scenarios: [] }
  const scenarios = [...(input.catalogue ?? CATALOGUE), ...policy.scenarios]
  const customIds = new Set(policy.scenarios.map((s) => s.id))
  const merged = mergeResults(input.artifacts)

  const order = new Map(policy.platforms.map((p, i) => [p.id, i]))
  const sorted = [...merged.results].sort(
    (a, b) =>
      (order.get(a.result.platform.id) ?? order.size) -
        (order.get(b.result.platform.id) ?? order.size) ||
      a.result.platform.id.localeCompare(b.result.platform.id),
  )
  const names = new Map(policy.platforms.map((p) => [p.id, p.name]))
  const platforms = sorted.map(({ result, source }) =>
    describePlatform(result, source, names.get(result.platform.id)),
  )
  const results = sorted.map((r) => r.result)

  const legs: LegProblem[] = (input.legs ?? [])
    .filter((leg) => leg.status !== 'success')
    .map((leg) => ({
      leg: leg.name,
      status: leg.status,
      ...(leg.platform ? { platform: leg.platform } : {}),
    }))
  const present = new Set(platforms.map((p) => p.id))
  const missing: MissingPlatform[] = [
    ...policy.platforms
      .filter((p) => !present.has(p.id))
      .map((p) => missingPlatform(p.id, p.name, legs)),
    ...results.flatMap((r) => unmeasurableHost(r, names.get(r.platform.id))),
  ]

  const rows = buildMatrix(results, scenarios, customIds)
  const findings = summariseFindings(input.findings ?? [])
  const partial = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'bind-probe', version: VERSION },
    context: { ...input.context },
    platforms,
    scenarios: rows,
    findings,
  } as const
  const current = digestOf(partial)
  const previous =
    input.previousComment === undefined ? undefined : readDigest(input.previousComment)
  const divergences = cellsWith('diverges', rows, platforms, scenarios)

  return {
    ...partial,
    missing,
    legs,
    artifacts: [...(input.artifactProblems ?? []), ...merged.problems],
    notes: [...merged.notes, ...new Set(input.notes ?? [])],
    headline: buildHeadline(rows, platforms, missing, scenarios),
    divergences,
    refutations: cellsWith('refuted', rows, platforms, scenarios),
    probeErrors: probeProblems(rows, platforms),
    flaky: rows.flatMap((row) =>
      row.cells.flatMap((cell) =>
        cell.flaky && cell.outcome !== undefined
          ? [
              {
                scenario: row.id,
                platform: cell.platform,
                runs: cell.runs ?? 0,
                counts: cell.counts ?? [],
              },
            ]
          : [],
      ),
    ),
    changes: compareWithPrevious(previous, current, platforms, rows),
    requirements: checkRequirements(policy.require, platforms, rows, policy.source),
    divergentScenarios: [...new Set(divergences.map((d) => d.scenario))].sort(),
    ...(input.history ? { history: input.history } : {}),
  }
}

function describePlatform(
  result: PlatformResult,
  source: string,
  name: string | undefined,
): MeasuredPlatform {
  const p = result.platform
  const image = p.runner?.image
    ? `${p.runner.image}${p.runner.imageVersion ? ` ${p.runner.imageVersion}` : ''}`
    : undefined
  return {
    id: p.id,
    os: p.os,
    arch: p.arch,
    ...(name ? { name } : {}),
    source,
    release: p.release,
    ...(p.distro ? { distro: p.distro } : {}),
    ...(image ? { runnerImage: image } : {}),
    ...(p.python ? { python: p.python.version } : {}),
    node: p.node.version,
    toolVersion: result.tool.version,
    repeat: result.options.repeat,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    settings: p.settings,
    ...(p.ephemeralPortRange ? { ephemeralPortRange: p.ephemeralPortRange } : {}),
    driverProblems: result.drivers
      .filter((d) => d.status !== 'ok')
      .map((d) => ({
        driver: d.name,
        status: d.status,
        ...(d.message ? { message: d.message } : {}),
      })),
  }
}

/**
 * A platform whose host kept more than half of the scenarios it tried from being measured (no
 * IPv6, loopback down, no free port): a broken host is not a platform, and must not pass as one.
 */
function unmeasurableHost(result: PlatformResult, name: string | undefined): MissingPlatform[] {
  const tried = result.scenarios.filter((s) => !(s.outcome === 'skipped' && !s.cause))
  const host = tried.filter((s) => s.cause !== undefined)
  if (host.length === 0 || host.length * 2 <= tried.length) return []
  const causes = [...new Set(host.map((s) => CAUSE_WORDS[s.cause!]))].join('; ')
  return [
    {
      id: result.platform.id,
      ...(name ? { name } : {}),
      reason: 'host-unmeasurable',
      detail: `${causes} (${host.length} of ${tried.length} scenarios not measured)`,
    },
  ]
}

function missingPlatform(
  id: string,
  name: string | undefined,
  legs: readonly LegProblem[],
): MissingPlatform {
  const leg = legs.find((l) => l.platform === id)
  const reason: MissingPlatform['reason'] = !leg
    ? 'no-result'
    : leg.status === 'cancelled'
      ? 'leg-cancelled'
      : leg.status === 'timed_out'
        ? 'leg-timed-out'
        : leg.status === 'runner_lost'
          ? 'leg-runner-lost'
          : leg.status === 'skipped'
            ? 'leg-skipped'
            : 'leg-failed'
  return { id, ...(name ? { name } : {}), reason, ...(leg ? { leg: leg.leg } : {}) }
}

function cellsWith(
  verdict: 'diverges' | 'refuted',
  rows: readonly ScenarioRow[],
  platforms: readonly MeasuredPlatform[],
  scenarios: readonly Scenario[],
): CellRef[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]))
  return rows.flatMap((row) =>
    row.cells.flatMap((cell, i) => {
      const scenario = byId.get(row.id)
      const os = platforms[i]!.os
      if (cell.verdict !== verdict || !scenario || os === 'other' || cell.outcome === undefined) {
        return []
      }
      const expected = scenario.expect[os]
      return [
        {
          scenario: row.id,
          platform: cell.platform,
          os,
          outcome: cell.outcome,
          step: cell.step ?? '',
          expected: describeExpectation({ verdict, expected }, scenario),
          confidence: expected.confidence,
        },
      ]
    }),
  )
}

function probeProblems(
  rows: readonly ScenarioRow[],
  platforms: readonly MeasuredPlatform[],
): ProbeProblem[] {
  const drivers = platforms.flatMap((p) =>
    p.driverProblems
      .filter((d) => d.status === 'crashed')
      .map((d) => ({
        platform: p.id,
        message: `the ${d.driver} driver crashed${d.message ? `: ${d.message}` : ''}`,
      })),
  )
  const cells = rows.flatMap((row) =>
    row.cells
      .filter((cell) => cell.outcome === 'probe-error')
      .map((cell) => ({
        platform: cell.platform,
        scenario: row.id,
        message: cell.reason ?? 'the probe failed without saying why',
      })),
  )
  return [...drivers, ...cells]
}
