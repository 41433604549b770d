// One matrix leg: probe this runner and scan the checked-out code. What it returns travels to the
// report as files (an artifact in `probe` mode, in memory in `all` mode); the report job of the
// fork recipe never checks out the pull request's code, so the findings travel with the results.
import { existsSync } from 'node:fs'
import type { Config } from '../config/index.ts'
import type { GitHubApi, Logger, NetworkBudget, RunContext } from '../github/index.ts'
import type { PlatformResult } from '../probe/model.ts'
import { probe } from '../probe/probe.ts'
import { keepHeapSmall } from '../scan/heap.ts'
import {
  scan,
  spanChanged,
  type Finding,
  type ScanResult,
  type ScanSettings,
} from '../scan/index.ts'
import { changedLines, checkedOut } from './changed-lines.ts'
import { toHeadLines, type HeadLines } from './head-lines.ts'
import type { ActionInputs } from './inputs.ts'

/** The scan as a leg reports it: its findings and enough about what was read to trust them. */
export interface LegScan {
  scope: 'changed' | 'all'
  findings: Finding[]
  files: ScanResult['files']
  skipped: ScanResult['skipped']
  suppressed: number
  notes: string[]
  /** Languages whose grammar could not load, with why. */
  unavailableLanguages: string[]
  /**
   * Why the scan could not do its work (it failed, or the pull request's changed lines could not
   * be told): no findings is then no news, and the report's gate counts it under the findings rule.
   */
  failed?: string
}

export interface LegRun {
  result: PlatformResult
  /** Findings at the pull request head's lines, where the check and the comment point. */
  scan?: LegScan
  /**
   * The same findings at the checked-out commit's lines (GitHub's test merge commit on a pull
   * request), which upload-sarif files them under.
   */
  sarifFindings?: Finding[]
}

export interface LegOptions {
  inputs: ActionInputs
  config: Config
  workspace: string
  context?: RunContext
  api?: GitHubApi
  logger: Logger
  /** Bounds the git fetches the scan may need. */
  network?: NetworkBudget
}

export async function runLeg(options: LegOptions): Promise<LegRun> {
  const { inputs, config, logger } = options
  const result = await probe({
    repeat: inputs.repeat,
    ...(inputs.label ? { label: inputs.label } : {}),
    ...(inputs.only ? { only: inputs.only } : {}),
    ...(inputs.python
      ? { pythonCandidates: [inputs.python], pythonNamedBy: 'the python input' }
      : {}),
    extraScenarios: config.scenarios,
    onWarning: (message) => logger.warning(message),
  })
  const failed = result.scenarios.filter((s) => s.counts.some((c) => c.outcome === 'probe-error'))
  if (failed.length) {
    logger.warning(
      `${failed.length} of ${result.scenarios.length} scenarios hit probe errors on ${result.platform.id} ` +
        `(first: ${failed[0]!.id}: ${failed[0]!.reason ?? 'no reason given'}); the report lists them, ` +
        'and fail-on: probe-error decides whether they fail the check',
    )
  }
  const scanned = inputs.scan === 'off' ? undefined : await scanSafely(options)
  const legScan = scanned?.scan
  for (const note of legScan?.notes ?? []) logger.info(`scan: ${note}`)
  for (const language of legScan?.unavailableLanguages ?? []) {
    logger.warning(`scan: could not load the grammar for ${language}`)
  }
  return {
    result,
    ...(legScan ? { scan: legScan, sarifFindings: scanned.sarifFindings } : {}),
  }
}

interface Scanned {
  scan: LegScan
  sarifFindings: Finding[]
}

/** The probe's results are worth more than the scan: a scan that fails becomes a note. */
async function scanSafely(options: LegOptions): Promise<Scanned | undefined> {
  try {
    return await scanLeg(options)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    options.logger.warning(`the scan failed: ${why}; the probe's results are kept`)
    const scope = options.inputs.scan === 'all' ? 'all' : 'changed'
    return {
      scan: {
        ...summarise(scope, emptyScan()),
        notes: [`the scan failed on this leg: ${why}`],
        failed: why,
      },
      sarifFindings: [],
    }
  }
}

async function scanLeg(options: LegOptions): Promise<Scanned | undefined> {
  const { inputs, config, workspace, context, api, logger } = options
  if (!existsSync(workspace)) {
    logger.info('no checkout here, so the scan is skipped (add actions/checkout before bind-probe)')
    return undefined
  }
  const settings: ScanSettings = {
    ignorePaths: config.scan.ignore,
    allowedHelpers: config.scan.allowedHelpers,
    disableRules: config.scan.disableRules,
    testPaths: config.scan.testPaths,
    maxFileBytes: config.scan.maxFileBytes,
  }
  keepHeapSmall()
  if (inputs.scan === 'all' || !context) {
    const result = await scan({ root: workspace, settings })
    const whole = scanned(
      'all',
      result,
      context ? await atHead(result, workspace, context, options.network) : result,
    )
    return context?.pullRequest ? markNew(whole, options) : whole
  }
  const lines = await changedLines(workspace, context, api, logger, options.network)
  if (!lines.changes) {
    // Without a pull request nothing is new by design; with one, the scan could not do its work.
    const failed = context.pullRequest
      ? `the pull request's changed lines could not be told: ${lines.notes.join('; ')}`
      : undefined
    return {
      scan: {
        ...summarise('changed', emptyScan()),
        notes: lines.notes,
        ...(failed ? { failed } : {}),
      },
      sarifFindings: [],
    }
  }
  const root = lines.root ?? workspace
  if (lines.how === 'files-api') {
    // The files API numbers lines at the head, and the checkout may be the test merge commit: scan
    // the listed files whole, move the findings to the head's lines, then keep the changed ones.
    // A finding git could not place at the head is kept: better one too many than a missed one.
    const changes = lines.changes
    const whole = new Map([...changes.keys()].map((path) => [path, 'all' as const]))
    const result = await scan({ root, changes: whole, settings, notes: lines.notes })
    const placed = await headPlacement(result, root, context, options.network)
    const kept = placed.findings.map(
      (f, i) => !placed.atHead[i] || spanChanged(changes.get(f.path) ?? 'all', f.line, f.endLine),
    )
    return scanned(
      'changed',
      { ...result, findings: result.findings.filter((_, i) => kept[i]) },
      {
        ...result,
        findings: placed.findings.filter((_, i) => kept[i]),
        notes: [...result.notes, ...placed.notes],
      },
    )
  }
  const result = await scan({ root, changes: lines.changes, settings, notes: lines.notes })
  return scanned('changed', result, await atHead(result, root, context, options.network))
}

/**
 * A whole-tree scan on a pull request: each finding says whether it lies on the pull request's
 * changed lines (`new`), so the gate judges those and lists the rest as pre-existing. When the
 * changed lines cannot be told, the findings stay unmarked, and the report judges them all.
 */
async function markNew(whole: Scanned, options: LegOptions): Promise<Scanned> {
  const { workspace, context, api, logger } = options
  if (!whole.scan.findings.length || !context) return whole
  const lines = await changedLines(workspace, context, api, logger, options.network)
  if (!lines.changes) return whole
  const changes = lines.changes
  const findings = whole.scan.findings.map((f) => ({
    ...f,
    new: spanChanged(changes.get(f.path) ?? new Set<number>(), f.line, f.endLine),
  }))
  return { ...whole, scan: { ...whole.scan, findings } }
}

function scanned(scope: LegScan['scope'], atCheckout: ScanResult, atHead: ScanResult): Scanned {
  return { scan: summarise(scope, atHead), sarifFindings: atCheckout.findings }
}

/** Findings at the lines of the pull request's head, which the check and the links point at. */
async function atHead(
  result: ScanResult,
  root: string,
  context: RunContext,
  network?: NetworkBudget,
): Promise<ScanResult> {
  const placed = await headPlacement(result, root, context, network)
  return { ...result, findings: placed.findings, notes: [...result.notes, ...placed.notes] }
}

async function headPlacement(
  result: ScanResult,
  root: string,
  context: RunContext,
  network?: NetworkBudget,
): Promise<HeadLines> {
  const unmoved = { findings: result.findings, atHead: result.findings.map(() => true), notes: [] }
  const head = context.pullRequest?.headSha
  if (!head || !result.findings.length) return unmoved
  const checkout = await checkedOut(root, head, network)
  if (!checkout || checkout === head) return unmoved
  return toHeadLines(result.findings, root, checkout, head)
}

function summarise(scope: LegScan['scope'], result: ScanResult): LegScan {
  return {
    scope,
    findings: result.findings,
    files: result.files,
    skipped: result.skipped,
    suppressed: result.suppressed,
    notes: result.notes,
    unavailableLanguages: result.languages
      .filter((l) => !l.ok)
      .map((l) => `${l.language}: ${l.detail}`),
  }
}

function emptyScan(): ScanResult {
  return {
    findings: [],
    files: { considered: 0, scanned: 0, parsed: 0, withSyntaxErrors: 0, bytes: 0 },
    skipped: {} as ScanResult['skipped'],
    skippedFiles: [],
    suppressed: 0,
    languages: [],
    notes: [],
    durationMs: 0,
  }
}
