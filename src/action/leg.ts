// One matrix leg: probe this runner and scan the checked-out code. What it returns travels to the
// report as files (an artifact in `probe` mode, in memory in `all` mode); the report job of the
// fork recipe never checks out the pull request's code, so the findings travel with the results.
import { existsSync } from 'node:fs'
import type { Config } from '../config/index.ts'
import type { GitHubApi, Logger, RunContext } from '../github/index.ts'
import type { PlatformResult } from '../probe/model.ts'
import { probe } from '../probe/probe.ts'
import { scan, type Finding, type ScanResult } from '../scan/index.ts'
import { changedLines } from './changed-lines.ts'
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
}

export interface LegRun {
  result: PlatformResult
  scan?: LegScan
}

export interface LegOptions {
  inputs: ActionInputs
  config: Config
  workspace: string
  context?: RunContext
  api?: GitHubApi
  logger: Logger
}

export async function runLeg(options: LegOptions): Promise<LegRun> {
  const { inputs, config, logger } = options
  const result = await probe({
    repeat: inputs.repeat,
    ...(inputs.label ? { label: inputs.label } : {}),
    ...(inputs.only ? { only: inputs.only } : {}),
    ...(inputs.python ? { pythonCandidates: [inputs.python] } : {}),
    extraScenarios: config.scenarios,
    onWarning: (message) => logger.warning(message),
  })
  const legScan = inputs.scan === 'off' ? undefined : await scanSafely(options)
  for (const note of legScan?.notes ?? []) logger.info(`scan: ${note}`)
  for (const language of legScan?.unavailableLanguages ?? []) {
    logger.warning(`scan: could not load the grammar for ${language}`)
  }
  return { result, ...(legScan ? { scan: legScan } : {}) }
}

/** The probe's results are worth more than the scan: a scan that fails becomes a note. */
async function scanSafely(options: LegOptions): Promise<LegScan | undefined> {
  try {
    return await scanLeg(options)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    options.logger.warning(`the scan failed: ${why}; the probe's results are kept`)
    return {
      ...summarise(options.inputs.scan === 'all' ? 'all' : 'changed', emptyScan()),
      notes: [`the scan failed on this leg: ${why}`],
    }
  }
}

async function scanLeg(options: LegOptions): Promise<LegScan | undefined> {
  const { inputs, config, workspace, context, api, logger } = options
  if (!existsSync(workspace)) {
    logger.info('no checkout here, so the scan is skipped (add actions/checkout before bind-probe)')
    return undefined
  }
  const settings = { ignorePaths: config.scan.ignore, allowedHelpers: config.scan.allowedHelpers }
  if (inputs.scan === 'all' || !context) {
    return summarise('all', await scan({ root: workspace, settings }))
  }
  const lines = await changedLines(workspace, context, api, logger)
  if (!lines.changes) return { ...summarise('changed', emptyScan()), notes: lines.notes }
  const result = await scan({
    root: lines.root ?? workspace,
    changes: lines.changes,
    settings,
    notes: lines.notes,
  })
  return summarise('changed', result)
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
