// The action: read the inputs once, then run one of the three modes. `probe` measures this leg
// and uploads its results, `report` gathers every leg's and publishes, `all` does both in one
// job. Everything else is in the modules this file wires together.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as core from '@actions/core'
import {
  ArtifactTransport,
  ContextError,
  DirectoryTransport,
  RESULT_FILE,
  collectLegs,
  createOctokit,
  defaultArtifactClient,
  legMeta,
  resolveContext,
  resolvePullRequest,
  setOutputsSafely,
  uploadLeg,
  writeJobSummary,
  type GitHubApi,
  type ResultTransport,
  type RunContext,
} from '../github/index.ts'
import { buildReport, renderSummary } from '../report/index.ts'
import { toSarif } from '../scan/index.ts'
import { VERSION } from '../version.ts'
import { readInputs, type ActionInputs } from './inputs.ts'
import { SCAN_FILE, runLeg, type LegRun } from './leg.ts'
import { readPolicy, type PolicySource } from './policy-source.ts'
import { runReport, type LegFiles } from './report.ts'

const logger = core

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name))
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const context = contextOrNothing(env, inputs)
    const api =
      context && inputs.token
        ? createOctokit({ token: inputs.token, baseUrl: context.apiUrl, logger })
        : undefined
    const scratch = join(env.RUNNER_TEMP ?? workspace, 'bind-probe')
    const failures = await MODES[inputs.mode]({ inputs, workspace, context, api, env, scratch })
    if (failures.length) core.setFailed(failures.join('\n'))
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

interface Run {
  inputs: ActionInputs
  workspace: string
  context: RunContext | undefined
  api: GitHubApi | undefined
  env: NodeJS.ProcessEnv
  scratch: string
}

/** Each mode returns why the step should fail, if it should. */
const MODES: Record<ActionInputs['mode'], (run: Run) => Promise<string[]>> = {
  async probe(run) {
    const policy = await readLocalPolicy(run)
    const leg = await runLeg({ ...run, config: policy.config, logger })
    const files = await writeLegFiles(run, leg)
    const key = run.inputs.commentKey ?? policy.config.comment.key
    const meta = legMeta(run.context!, key, leg.result.platform.id)
    const name = await uploadLeg(await transport(run.env), meta, files)
    logger.info(`uploaded this leg's results as ${name}`)
    // The leg's own summary: what this runner answered, judged alone.
    const report = buildReport({ artifacts: [{ name: 'this leg', content: leg.result }] })
    await writeJobSummary(renderSummary(report), logger)
    await setOutputsSafely(
      [
        { name: 'result-file', value: join(run.scratch, RESULT_FILE) },
        { name: 'platform-id', value: leg.result.platform.id },
        { name: 'divergent-scenarios', value: report.divergentScenarios.join(',') },
        { name: 'findings', value: String(leg.scan?.findings.length ?? 0) },
      ],
      logger,
      outputOptions(run),
    )
    return []
  },

  async report(run) {
    // Read before the legs: the policy names the comment key their artifacts are filed under.
    const policy = await readRunPolicy(run)
    const key = run.inputs.commentKey ?? policy.config.comment.key
    const trigger = run.context?.kind === 'workflow_run' ? run.context.triggeringRun : undefined
    const from = trigger
      ? {
          runId: trigger.id,
          owner: run.context!.repo.owner,
          repo: run.context!.repo.repo,
          token: run.inputs.token,
        }
      : undefined
    const collected = await collectLegs(await transport(run.env), key, from)
    const claims = collected.legs.flatMap((l) => l.meta.pullRequest?.number ?? [])
    const context = await withPullRequest(run, claims)
    const legs: LegFiles[] = collected.legs.map((leg) => ({
      source: leg.artifact,
      ...(leg.files.has(RESULT_FILE) ? { result: leg.files.get(RESULT_FILE)! } : {}),
      ...(leg.files.has(SCAN_FILE) ? { scan: leg.files.get(SCAN_FILE)! } : {}),
    }))
    const problems = collected.problems.map((message) => ({
      artifact: message.split(':')[0]!,
      message,
    }))
    return publish({ ...run, context }, policy, legs, problems)
  },

  async all(run) {
    const leg = await runLeg({ ...run, config: (await readLocalPolicy(run)).config, logger })
    const files = await writeLegFiles(run, leg)
    const byName = new Map(files.map((f) => [f.name, f.content]))
    const legs: LegFiles[] = [
      {
        source: `this job (${leg.result.platform.id})`,
        result: byName.get(RESULT_FILE)!,
        ...(byName.has(SCAN_FILE) ? { scan: byName.get(SCAN_FILE)! } : {}),
      },
    ]
    return publish(run, await readRunPolicy(run), legs, [])
  },
}

/** The checkout's policy: for a leg's own custom scenarios and scan settings. */
function readLocalPolicy(run: Run) {
  return readPolicy({ path: run.inputs.configPath, workspace: run.workspace, logger })
}

/** The trusted policy for the gate (see policy-source.ts). */
function readRunPolicy(run: Run) {
  return readPolicy({
    path: run.inputs.configPath,
    ...(run.inputs.template ? { templatePath: run.inputs.template } : {}),
    workspace: run.workspace,
    ...(run.context ? { context: run.context } : {}),
    ...(run.api ? { api: run.api } : {}),
    logger,
  })
}

/** The report and its publication, shared by `report` and `all`. */
async function publish(
  run: Run,
  policy: PolicySource,
  legs: LegFiles[],
  artifactProblems: { artifact: string; message: string }[],
): Promise<string[]> {
  const outcome = await runReport({
    inputs: run.inputs,
    config: policy.config,
    ...(policy.template ? { template: policy.template } : {}),
    legs,
    artifactProblems,
    ...(run.context ? { context: run.context } : {}),
    ...(run.api ? { api: run.api } : {}),
    logger,
    dryRun: run.inputs.dryRun,
    print: (text) => logger.info(text),
  })
  const { report, verdict } = outcome
  await setOutputsSafely(
    [
      { name: 'conclusion', value: verdict.conclusion },
      { name: 'divergent-scenarios', value: report.divergentScenarios.join(',') },
      { name: 'findings', value: String(report.findings.total) },
      { name: 'comment-id', value: String(outcome.comment?.comment?.id ?? '') },
      { name: 'comment-url', value: outcome.comment?.comment?.url ?? '' },
      { name: 'check-run-id', value: String(outcome.checkRun?.checkRun?.id ?? '') },
      {
        name: 'report-json',
        value: JSON.stringify(report),
        spill: { fileName: 'report.json' },
      },
    ],
    logger,
    outputOptions(run),
  )
  return [...(policy.problem ? [policy.problem] : []), ...outcome.failures]
}

/**
 * Outside a runner there is no GITHUB_OUTPUT, and @actions/core would print every output (the
 * whole report) to the log; the files under the scratch directory hold them instead.
 */
function outputOptions(run: Run) {
  return run.env.GITHUB_OUTPUT ? { dir: run.scratch } : { dir: run.scratch, setOutput: () => {} }
}

/** Writes the leg's files under the scratch directory, and the SARIF file where asked. */
async function writeLegFiles(run: Run, leg: LegRun) {
  await mkdir(run.scratch, { recursive: true })
  const files = [{ name: RESULT_FILE, content: `${JSON.stringify(leg.result, null, 2)}\n` }]
  if (leg.scan) files.push({ name: SCAN_FILE, content: `${JSON.stringify(leg.scan, null, 2)}\n` })
  for (const file of files) await writeFile(join(run.scratch, file.name), file.content)
  if (run.inputs.sarifFile && leg.scan) {
    const sarif = toSarif(leg.scan.findings, { version: VERSION })
    await writeFile(
      join(run.workspace, run.inputs.sarifFile),
      `${JSON.stringify(sarif, null, 2)}\n`,
    )
    logger.info(`wrote ${leg.scan.findings.length} findings as SARIF to ${run.inputs.sarifFile}`)
  }
  return files
}

/**
 * Where leg results travel: workflow artifacts, or a directory named by BIND_PROBE_RESULTS_DIR
 * (for running the action outside GitHub, and for its end-to-end test).
 */
async function transport(env: NodeJS.ProcessEnv): Promise<ResultTransport> {
  if (env.BIND_PROBE_RESULTS_DIR) return new DirectoryTransport(env.BIND_PROBE_RESULTS_DIR)
  return new ArtifactTransport(await defaultArtifactClient(), { logger })
}

/** In the fork recipe the pull request is only known from the legs' claims, checked by the API. */
async function withPullRequest(run: Run, claims: number[]): Promise<RunContext | undefined> {
  const { context, api } = run
  if (!context || !api || context.pullRequest) return context
  const pullRequest = await resolvePullRequest(api, context, claims, logger)
  return pullRequest ? { ...context, pullRequest } : context
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
