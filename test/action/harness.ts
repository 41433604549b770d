// Runs the bundled action (dist/index.js) as the runner does: a separate Node process with INPUT_*
// variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and
// GITHUB_API_URL pointing at a local stand-in of GitHub's API. Also builds the git checkout the
// action scans: a base commit and a pull request's head commit on top of it.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import examples from '@octokit/webhooks-examples' with { type: 'json' }

export const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

export interface Checkout {
  dir: string
  baseSha: string
  headSha: string
}

/** A repository with `base` files committed on main, then `head` files on a feature branch. */
export function makeCheckout(base: Record<string, string>, head: Record<string, string>): Checkout {
  const dir = mkdtempSync(join(tmpdir(), 'bind-probe-checkout-'))
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim()
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
  }
  git('init', '-q', '-b', 'main')
  write(base)
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  const baseSha = git('rev-parse', 'HEAD')
  git('checkout', '-q', '-b', 'feature')
  write(head)
  git('add', '-A')
  git('commit', '-q', '-m', 'head')
  return { dir, baseSha, headSha: git('rev-parse', 'HEAD') }
}

/** A real `pull_request` "opened" payload from @octokit/webhooks-examples, pointed at our PR. */
export function pullRequestEvent(options: {
  owner: string
  repo: string
  number: number
  baseSha: string
  headSha: string
  headRef: string
  /** The head repository's owner: another owner makes it a fork. */
  headOwner?: string
}): unknown {
  const hook = (examples as unknown as { name: string; examples: { action: string }[] }[]).find(
    (e) => e.name === 'pull_request',
  )!
  const opened = structuredClone(hook.examples.find((e) => e.action === 'opened')!) as Record<
    string,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    any
  >
  const full = `${options.owner}/${options.repo}`
  const headFull = `${options.headOwner ?? options.owner}/${options.repo}`
  opened.number = options.number
  opened.repository.full_name = full
  opened.repository.name = options.repo
  opened.repository.owner.login = options.owner
  const pr = opened.pull_request
  pr.number = options.number
  pr.head.sha = options.headSha
  pr.head.ref = options.headRef
  pr.head.repo.full_name = headFull
  pr.base.sha = options.baseSha
  pr.base.ref = 'main'
  pr.base.repo.full_name = full
  return opened
}

/**
 * A real `workflow_run` "completed" payload, pointed at a `pull_request` run of `headSha` from
 * `headOwner`'s fork: the trigger of the fork recipe's report job. GitHub leaves
 * `pull_requests` empty for forks, so it is emptied here too.
 */
export function workflowRunEvent(options: {
  owner: string
  repo: string
  runId: number
  headSha: string
  headBranch: string
  headOwner: string
}): unknown {
  const hook = (examples as unknown as { name: string; examples: { action: string }[] }[]).find(
    (e) => e.name === 'workflow_run',
  )!
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const completed = structuredClone(hook.examples.find((e) => e.action === 'completed')!) as any
  completed.repository.full_name = `${options.owner}/${options.repo}`
  completed.repository.name = options.repo
  completed.repository.owner.login = options.owner
  const run = completed.workflow_run
  run.id = options.runId
  run.run_attempt = 1
  run.event = 'pull_request'
  run.head_sha = options.headSha
  run.head_branch = options.headBranch
  run.head_repository.full_name = `${options.headOwner}/${options.repo}`
  run.pull_requests = []
  run.conclusion = 'success'
  return completed
}

export interface ActionRun {
  code: number | null
  /** The harness had to kill the process (it was still running after `killAfterMs`). */
  killed: boolean
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Runs dist/index.js with the inputs and environment a runner would give it. */
export async function runAction(options: {
  inputs: Record<string, string>
  env: Record<string, string>
  event?: unknown
  workspace: string
  /** The script to run: the bundle by default, or src/index.ts to test the source. */
  entry?: string
  /**
   * A safety stop for tests of hangs: the process is killed if it still runs after this long, so
   * a hang fails the test (`killed`) instead of outliving it. Not a measure of speed.
   */
  killAfterMs?: number
}): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'bind-probe-runner-'))
  const outputFile = join(temp, 'output')
  const summaryFile = join(temp, 'summary.md')
  const eventFile = join(temp, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}))
  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  )
  const child = spawn(process.execPath, [options.entry ?? ACTION], {
    cwd: options.workspace,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      RUNNER_OS: 'Linux',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '777',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'report',
      ...inputs,
      ...options.env,
    },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  let killed = false
  const stop = options.killAfterMs
    ? setTimeout(() => {
        killed = true
        child.kill('SIGKILL')
      }, options.killAfterMs)
    : undefined
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(stop)
  return {
    code,
    killed,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  }
}

/** GITHUB_OUTPUT's heredoc format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const end = lines.indexOf(m[2]!, i + 1)
    outputs[m[1]!] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}
