// The action: read the inputs once, then run one of the three modes. `probe` measures this leg
// and uploads its results, `report` gathers every leg's and publishes, `all` does both in one
// job. Whatever GitHub refuses, what was measured is written down first (files, job summary).
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as core from '@actions/core'
import {
  ArtifactTransport,
  ContextError,
  DirectoryTransport,
  NetworkBudget,
  RESULT_FILE,
  SCAN_FILE,
  collectLegs,
  createOctokit,
  describeError,
  defaultArtifactClient,
  legMeta,
  readNetworkSettings,
  resolveContext,
  resolvePullRequest,
  setOutputsSafely,
  uploadLeg,
  writeJobSummary,
  type CollectedLegs,
  type GitHubApi,
  type Logger,
  type OutputValue,
  type ResultTransport,
  type RunContext,
} from '../github/index.ts'
import { printable } from '../printable.ts'
import { buildReport, renderSummary } from '../report/index.ts'
import type { ArtifactProblem } from '../report/model.ts'
import { toSarif } from '../scan/index.ts'
import { VERSION } from '../version.ts'
import { readInputs, type ActionInputs } from './inputs.ts'
import type { PlatformResult } from '../probe/model.ts'
import { runLeg, type LegRun, type LegScan } from './leg.ts'
import { uploadToService } from './service-upload.ts'
import { readPolicy, type PolicySource } from './policy-source.ts'
import { runReport, type LegFiles } from './report.ts'
import { PathError, resolveInside } from './workspace-path.ts'

/**
 * The action's log. What it says often holds repository text (file names in the scan's notes,
 * the comment of a dry run, a policy's problems): printable, so that no line forges a command.
 */
const logger: Logger = {
  debug: (message) => core.debug(printable(message)),
  info: (message) => core.info(printable(message)),
  warning: (message) => core.warning(printable(message)),
  error: (message) => core.error(printable(message)),
}

/** How a run ended, for the entry point. */
export interface RunEnd {
  /**
   * The network deadline passed: calls given up then may still hold sockets and timers (the
   * artifact client retries on its own), so the process should exit instead of waiting for them.
   */
  networkAbandoned: boolean
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<RunEnd> {
  let network: NetworkBudget | undefined
  try {
    network = new NetworkBudget(readNetworkSettings(env), logger)
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const inputs = readInputs((name) => core.getInput(name), workspace)
    const context = contextOrNothing(env, inputs)
    const api =
      context && inputs.token
        ? createOctokit({ token: inputs.token, baseUrl: context.apiUrl, logger, network })
        : undefined
    if (context && !api) {
      logger.warning(
        'github-token is empty, so bind-probe writes no comment and no check run (the report is in ' +
          'the job summary) and reads the policy from git; pass `github-token: ${{ github.token }}`',
      )
    }
    // One directory per step: two bind-probe steps in a job must not overwrite each other's files.
    const step = (env.GITHUB_ACTION ?? 'bind-probe').replace(/[^A-Za-z0-9._-]/g, '_')
    const scratch = join(env.RUNNER_TEMP ?? workspace, 'bind-probe', step)
    const failures = await MODES[inputs.mode]({
      inputs,
      workspace,
      context,
      api,
      env,
      scratch,
      network,
    })
    if (failures.length) core.setFailed(printable(failures.join('\n')))
  } catch (error) {
    core.setFailed(printable(error instanceof Error ? error.message : String(error)))
  }
  return { networkAbandoned: network?.expired ?? false }
}

interface Run {
  inputs: ActionInputs
  workspace: string
  context: RunContext | undefined
  api: GitHubApi | undefined
  env: NodeJS.ProcessEnv
  scratch: string
  network: NetworkBudget
}

/** Each mode returns why the step should fail, if it should. */
const MODES: Record<ActionInputs['mode'], (run: Run) => Promise<string[]>> = {
  async probe(run) {
    const policy = await readRunPolicy(run, 'leg')
    const leg = await runLeg({ ...run, config: policy.config, logger })
    const files = await writeLegFiles(run, leg)
    // The leg's own summary comes first: it stays even if the upload fails.
    const report = buildReport({
      artifacts: [{ name: 'this leg', content: leg.result }],
      policy: { platforms: [], require: [], scenarios: policy.config.scenarios },
      notes: leg.scan?.notes ?? [],
    })
    if (run.inputs.jobSummary) await writeJobSummary(renderSummary(report), logger)
    await writeSarif(run, leg)
    // Outputs that cannot be written (a full disk) must not keep the results from the report.
    const failures = await setOutputs(
      run,
      [
        ...legOutputs(run, leg),
        { name: 'divergent-scenarios', value: report.divergentScenarios.join(',') },
        { name: 'findings', value: String(leg.scan?.findings.length ?? 0) },
      ],
      `the result file is ${join(run.scratch, RESULT_FILE)}`,
    )
    const key = run.inputs.commentKey ?? policy.config.comment.key
    const meta = legMeta(run.context!, key, leg.result.platform.id)
    try {
      const name = await uploadLeg(await transport(run), meta, files)
      logger.info(`uploaded this leg's results as ${name}`)
    } catch (error) {
      failures.push(uploadFailure(error, leg.result.platform.id))
    }
    if (run.inputs.serviceUrl) await sendToService(run, key, leg)
    return failures
  },

  async report(run) {
    // Read before the legs: the policy names the comment key their artifacts are filed under.
    let policy = await readRunPolicy(run, 'report')
    const keyOf = (p: PolicySource) => run.inputs.commentKey ?? p.config.comment.key
    let collected = await collect(run, keyOf(policy))
    const claims = collected.legs.flatMap((l) => l.meta.pullRequest?.number ?? [])
    const context = await withPullRequest(run, claims)
    if (context?.pullRequest && !run.context?.pullRequest) {
      // The fork recipe: now that the pull request is known, its base branch's policy governs,
      // and the legs filed their results under that policy's comment key.
      const before = keyOf(policy)
      policy = await readRunPolicy({ ...run, context }, 'report')
      if (keyOf(policy) !== before) collected = await collect(run, keyOf(policy))
    }
    const legs: LegFiles[] = collected.legs.map((leg) => ({
      source: leg.artifact,
      ...(leg.files.has(RESULT_FILE) ? { result: leg.files.get(RESULT_FILE)! } : {}),
      ...(leg.files.has(SCAN_FILE) ? { scan: leg.files.get(SCAN_FILE)! } : {}),
    }))
    const problems = collected.problems
    const triggering = run.context?.triggeringRun
    if (run.inputs.serviceUrl && triggering && context) {
      return relayToService({ ...run, context }, keyOf(policy), legs, triggering.id)
    }
    const legJobs = [...new Set(collected.legs.flatMap((l) => l.meta.job ?? []))]
    return publish(
      { ...run, context },
      policy,
      { legs, problems, notes: collected.notes },
      [],
      legJobs.length ? legJobs : undefined,
    )
  },

  async all(run) {
    const policy = await readRunPolicy(run, 'report')
    const leg = await runLeg({ ...run, config: policy.config, logger })
    const files = await writeLegFiles(run, leg)
    await writeSarif(run, leg)
    const byName = new Map(files.map((f) => [f.name, f.content]))
    const legs: LegFiles[] = [
      {
        source: `this job (${leg.result.platform.id})`,
        result: byName.get(RESULT_FILE)!,
        ...(byName.has(SCAN_FILE) ? { scan: byName.get(SCAN_FILE)! } : {}),
      },
    ]
    // One job is the only leg: the workflow's other jobs are none of the report's business.
    return publish(run, policy, { legs, problems: [], notes: [] }, legOutputs(run, leg), [])
  },
}

/**
 * The trusted policy (see policy-source.ts). A leg reads no templates, and only warns about a
 * policy it cannot use: the report, which reads the same file, fails its check for it once.
 */
async function readRunPolicy(run: Run, role: 'leg' | 'report'): Promise<PolicySource> {
  const policy = await readPolicy({
    path: run.inputs.configPath,
    required: run.inputs.configGiven,
    ...(run.inputs.template ? { commentTemplatePath: run.inputs.template } : {}),
    templates: role === 'report',
    workspace: run.workspace,
    ...(run.context ? { context: run.context } : {}),
    ...(run.api ? { api: run.api } : {}),
    network: run.network,
  })
  if (policy.problem && role === 'leg') {
    logger.warning(`${policy.problem}\n(this leg uses the defaults)`)
  }
  return policy
}

/** The report and its publication, shared by `report` and `all`. */
async function publish(
  run: Run,
  policy: PolicySource,
  collected: { legs: LegFiles[]; problems: ArtifactProblem[]; notes: string[] },
  extraOutputs: OutputValue[],
  legJobs?: string[],
): Promise<string[]> {
  for (const warning of policy.warnings) logger.warning(warning)
  const outcome = await runReport({
    inputs: run.inputs,
    policy,
    legs: collected.legs,
    artifactProblems: collected.problems,
    legNotes: collected.notes,
    ...(legJobs ? { legJobs } : {}),
    ...(run.context ? { context: run.context } : {}),
    ...(run.api ? { api: run.api } : {}),
    logger,
    dryRun: run.inputs.dryRun,
    print: (text) => logger.info(text),
  })
  const { report, verdict } = outcome
  const failed = await setOutputs(
    run,
    [
      ...extraOutputs,
      { name: 'conclusion', value: verdict.conclusion },
      { name: 'divergent-scenarios', value: report.divergentScenarios.join(',') },
      { name: 'findings', value: String(report.findings.total) },
      { name: 'comment-id', value: String(outcome.comment?.comment?.id ?? '') },
      { name: 'comment-url', value: outcome.comment?.comment?.url ?? '' },
      { name: 'check-run-id', value: String(outcome.checkRun?.checkRun?.id ?? '') },
      { name: 'check-run-url', value: outcome.checkRun?.checkRun?.url ?? '' },
      { name: 'failures', value: String(verdict.failures) },
      { name: 'warnings', value: String(verdict.warnings) },
      {
        name: 'findings-new',
        value: String(
          Object.values(report.findings.newBySeverity).reduce((n, count) => n + count, 0),
        ),
      },
      {
        name: 'report-json',
        value: JSON.stringify(report),
        spill: { fileName: 'report.json' },
      },
    ],
    'the report is in the job summary',
  )
  return [...outcome.failures, ...failed]
}

/** Sets the step's outputs; a failure to write them is returned as a reason to fail the step. */
async function setOutputs(run: Run, outputs: OutputValue[], where: string): Promise<string[]> {
  try {
    await setOutputsSafely(outputs, logger, outputOptions(run))
    return []
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return [`${why}; the step's outputs are incomplete (${where})`]
  }
}

/** Every leg's bundle; a transport that fails altogether leaves a report with no results. */
async function collect(run: Run, key: string): Promise<CollectedLegs> {
  const trigger = run.context?.kind === 'workflow_run' ? run.context.triggeringRun : undefined
  const from = trigger
    ? {
        runId: trigger.id,
        owner: run.context!.repo.owner,
        repo: run.context!.repo.repo,
        token: run.inputs.token,
      }
    : undefined
  try {
    return await collectLegs(await transport(run), key, from)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    const hint = from ? ' (the report job needs `actions: read` to read another run)' : ''
    logger.warning(`could not list the legs' artifacts: ${why}${hint}`)
    return {
      legs: [],
      problems: [
        { artifact: 'the run’s artifacts', message: `could not be listed: ${why}${hint}` },
      ],
      notes: [],
    }
  }
}

/**
 * The fork recipe with a reporting service: a fork's legs get no OIDC token, so this
 * workflow_run job sends their results with its own, and the service publishes the report (one
 * publisher per comment key: this job publishes nothing itself). A leg not relayed fails the step.
 */
async function relayToService(
  run: Run,
  commentKey: string,
  legs: LegFiles[],
  runId: number,
): Promise<string[]> {
  const serviceUrl = run.inputs.serviceUrl!
  const failures: string[] = []
  for (const leg of legs) {
    if (!leg.result) continue
    try {
      await uploadToService({
        serviceUrl,
        audience: run.inputs.serviceAudience ?? serviceUrl,
        context: run.context!,
        commentKey,
        result: JSON.parse(leg.result) as PlatformResult,
        ...(leg.scan ? { scan: JSON.parse(leg.scan) as LegScan } : {}),
        relayedRun: { id: runId },
        idToken: (audience) => core.getIDToken(audience),
        network: run.network,
        logger,
      })
      logger.info(`relayed ${leg.source} to ${serviceUrl}`)
    } catch (error) {
      failures.push(
        `bind-probe could not relay ${leg.source} to ${serviceUrl}: ${describeError(error)}`,
      )
    }
  }
  logger.info(
    `${legs.length - failures.length} of ${legs.length} legs relayed; the service publishes the report`,
  )
  return failures
}

/** Beside the artifact, to the reporting service; a failure there is a warning. */
async function sendToService(run: Run, commentKey: string, leg: LegRun): Promise<void> {
  const serviceUrl = run.inputs.serviceUrl!
  try {
    const id = await uploadToService({
      serviceUrl,
      audience: run.inputs.serviceAudience ?? serviceUrl,
      context: run.context!,
      commentKey,
      result: leg.result,
      ...(leg.scan ? { scan: leg.scan } : {}),
      idToken: (audience) => core.getIDToken(audience),
      network: run.network,
      logger,
    })
    logger.info(`sent this leg's results to ${serviceUrl} (${id})`)
  } catch (error) {
    logger.warning(
      `bind-probe could not send this leg's results to ${serviceUrl}: ${describeError(error)}. The artifact carries them to a report job.`,
    )
  }
}

function legOutputs(run: Run, leg: LegRun): OutputValue[] {
  return [
    { name: 'result-file', value: join(run.scratch, RESULT_FILE) },
    { name: 'platform-id', value: leg.result.platform.id },
  ]
}

/** Writes the leg's files under the scratch directory. */
async function writeLegFiles(run: Run, leg: LegRun) {
  await mkdir(run.scratch, { recursive: true })
  const files = [{ name: RESULT_FILE, content: `${JSON.stringify(leg.result, null, 2)}\n` }]
  if (leg.scan) files.push({ name: SCAN_FILE, content: `${JSON.stringify(leg.scan, null, 2)}\n` })
  for (const file of files) await writeFile(join(run.scratch, file.name), file.content)
  return files
}

/**
 * The scan's findings as SARIF, where asked; a file that cannot be written is a warning. It goes
 * in the workspace (for upload-sarif) or RUNNER_TEMP, never elsewhere on the runner.
 */
async function writeSarif(run: Run, leg: LegRun): Promise<void> {
  if (!run.inputs.sarifFile || !leg.sarifFindings) return
  const roots = [{ dir: run.workspace, name: 'workspace' }]
  if (run.env.RUNNER_TEMP) roots.push({ dir: run.env.RUNNER_TEMP, name: 'RUNNER_TEMP' })
  try {
    const path = await resolveInside(run.inputs.sarifFile, run.workspace, roots)
    await mkdir(dirname(path), { recursive: true })
    const sarif = toSarif(leg.sarifFindings, { version: VERSION })
    await writeFile(path, `${JSON.stringify(sarif, null, 2)}\n`)
    logger.info(`wrote ${leg.sarifFindings.length} findings as SARIF to ${run.inputs.sarifFile}`)
  } catch (error) {
    const why = error instanceof PathError ? `it ${error.reason}` : (error as Error).message
    logger.warning(`could not write sarif-file ${run.inputs.sarifFile}: ${why}`)
  }
}

/** Artifacts are immutable: a second leg with the same platform id cannot upload beside it. */
function uploadFailure(error: unknown, platformId: string): string {
  const why = error instanceof Error ? error.message : String(error)
  if (/409|conflict|already exists/i.test(why)) {
    return (
      `another leg of this run already uploaded results for platform ${platformId}. ` +
      'Give legs that share an OS and architecture a `label:` input (for example the runner ' +
      `image) so each has its own platform id. (${why})`
    )
  }
  return `could not upload this leg's results (${platformId}): ${why}; they are in the job summary and the result-file output`
}

/**
 * Outside a runner there is no GITHUB_OUTPUT, and @actions/core would print every output (the
 * whole report) to the log; the files under the scratch directory hold them instead.
 */
function outputOptions(run: Run) {
  return run.env.GITHUB_OUTPUT ? { dir: run.scratch } : { dir: run.scratch, setOutput: () => {} }
}

/**
 * Where leg results travel: workflow artifacts, or a directory named by BIND_PROBE_RESULTS_DIR
 * (for running the action outside GitHub, and for its end-to-end test).
 */
async function transport(run: Run): Promise<ResultTransport> {
  const dir = run.env.BIND_PROBE_RESULTS_DIR
  if (dir) return new DirectoryTransport(dir)
  return new ArtifactTransport(await defaultArtifactClient(), { logger, network: run.network })
}

/** In the fork recipe the pull request is only known from the legs' claims, checked by the API. */
async function withPullRequest(run: Run, claims: number[]): Promise<RunContext | undefined> {
  const { context, api } = run
  if (!context || !api || context.pullRequest) return context
  try {
    const pullRequest = await resolvePullRequest(api, context, claims, logger)
    return pullRequest ? { ...context, pullRequest } : context
  } catch (error) {
    logger.warning(
      `could not find the pull request of this run (${(error as Error).message}); ` +
        'the check run and the job summary still report',
    )
    return context
  }
}

/** Outside GitHub Actions only a dry run of `all` makes sense; everything else needs the run. */
function contextOrNothing(env: NodeJS.ProcessEnv, inputs: ActionInputs): RunContext | undefined {
  try {
    return resolveContext(env)
  } catch (error) {
    if (error instanceof ContextError && inputs.mode === 'all' && inputs.dryRun) return undefined
    throw error
  }
}
