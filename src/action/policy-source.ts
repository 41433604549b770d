// Where the report reads its policy and custom template from. A pull request must not loosen its
// own gate, so on a pull request both come from the base branch (through the API: the checkout
// holds the pull request's code), unless the base branch's own policy opts in to reading them
// from the pull request. Elsewhere (push, merge queue, workflow_run) the trusted copy is the
// commit being reported on; without a token (a laptop, a leg's custom scenarios) the checkout.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_CONFIG, loadConfig, type Config } from '../config/index.ts'
import type { GitHubApi, Logger, RunContext } from '../github/index.ts'
import { refusalOf } from '../github/index.ts'
import type { TemplateSource } from '../report/index.ts'

export interface PolicySource {
  config: Config
  template?: TemplateSource
  /** Where they were read, in words, for the log and the summary. */
  from: string
  /** A policy file that could not be used: its message (with line and column). */
  problem?: string
}

export interface PolicyRequest {
  path: string
  templatePath?: string
  workspace: string
  context?: RunContext
  api?: GitHubApi
  logger: Logger
}

/** Reads a file from the checkout; undefined when it does not exist. */
async function fromCheckout(workspace: string, path: string): Promise<string | undefined> {
  try {
    return await readFile(join(workspace, path), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Reads a file at a ref through the contents API; undefined when it does not exist there. */
async function fromRef(api: GitHubApi, context: RunContext, path: string, ref: string) {
  try {
    const { data } = await api.rest.repos.getContent({
      owner: context.repo.owner,
      repo: context.repo.repo,
      path,
      ref,
      mediaType: { format: 'raw' },
    })
    return data as unknown as string
  } catch (error) {
    if (refusalOf(error)?.kind === 'not-found') return undefined
    throw error
  }
}

export async function readPolicy(request: PolicyRequest): Promise<PolicySource> {
  const { context, api } = request
  const pr = context?.pullRequest
  // Through the API when we can: on a pull request at its base, elsewhere at the commit being
  // reported on (so a workflow_run report job needs no checkout).
  const ref = context && api ? (pr ? (pr.baseSha ?? pr.baseRef) : context.sha) : undefined
  const read = (path: string) =>
    ref ? fromRef(api!, context!, path, ref) : fromCheckout(request.workspace, path)
  let from = pr && ref ? `${request.path} on the base branch (${pr.baseRef})` : request.path

  let text = await read(request.path)
  let { config, problem } = parse(text, from)
  let readTemplate = read
  if (pr && ref && config.readPolicyFrom === 'pull-request') {
    // The base branch trusts pull requests with their own policy.
    from = `${request.path} in the pull request (the base branch's policy allows it)`
    text = await fromCheckout(request.workspace, request.path)
    ;({ config, problem } = parse(text, from))
    readTemplate = (path) => fromCheckout(request.workspace, path)
  }
  if (problem) request.logger.error(problem)

  const templatePath = request.templatePath ?? config.comment.template
  let template: TemplateSource | undefined
  if (templatePath) {
    const source = await readTemplate(templatePath)
    if (source === undefined) {
      request.logger.warning(`template ${templatePath} was not found; using the built-in one`)
    } else {
      template = { name: templatePath, source }
    }
  }
  return { config, ...(template ? { template } : {}), from, ...(problem ? { problem } : {}) }
}

function parse(text: string | undefined, from: string): { config: Config; problem?: string } {
  if (text === undefined) return { config: { ...DEFAULT_CONFIG } }
  try {
    return { config: loadConfig(text, from) }
  } catch (error) {
    // A broken policy must not lose the report: it runs on the defaults and the step fails.
    return { config: { ...DEFAULT_CONFIG }, problem: (error as Error).message }
  }
}
