// The action's inputs, read once into a typed object and checked, so the rest of the action never
// sees a raw string. Each mistake gets a message naming the input and what it accepts.
import type { CommentMode } from '../config/index.ts'
import { platformIdProblem } from '../config/platform-id.ts'
import { pythonCommand } from '../probe/drivers/python-driver.ts'
import { PLATFORM_LABEL } from '../probe/environment/parse.ts'
import { httpUrl } from '../http-url.ts'
import { repositoryPath } from './workspace-path.ts'

export type Mode = 'probe' | 'report' | 'all'
export type ScanScope = 'changed' | 'all' | 'off'
const COMMENT_MODES: readonly CommentMode[] = ['always', 'changes', 'failures', 'off']

export interface ActionInputs {
  mode: Mode
  token: string
  /** Relative to the repository root, inside it (as git and the contents API take it). */
  configPath: string
  /** The config input was given: then a missing file is a mistake, not "use the defaults". */
  configGiven: boolean
  label?: string
  repeat: number
  only?: string[]
  /** The interpreter command, split into words (`py -3`). */
  python?: string[]
  scan: ScanScope
  sarifFile?: string
  expectedPlatforms?: string[]
  /** Absent: the policy's, else `default`. */
  commentKey?: string
  /** Absent: the policy's, else `always`. */
  commentMode?: CommentMode
  recreateComment: boolean
  hidePreviousComment: boolean
  /** Relative to the repository root, inside it. */
  template?: string
  /** Absent: `bind-probe`, or `bind-probe (KEY)` for another comment key. */
  checkName?: string
  dryRun: boolean
  /** False: the gate's verdict is reported (check run, outputs) without failing the step. */
  failJob: boolean
  /** False: no job summary is written. */
  jobSummary: boolean
  /** False: the check run carries no annotations. */
  annotations: boolean
  /** A `bind-probe serve` that probe legs upload their results to, beside the artifact. */
  serviceUrl?: string
  /** The OIDC token's audience; absent: the service URL (the service's default). */
  serviceAudience?: string
}

export class InputError extends Error {
  override name = 'InputError'
}

/**
 * Reads inputs through `get` (core.getInput in the action, a map in tests). Paths are taken
 * relative to `workspace`, the repository's checkout.
 */
export function readInputs(get: (name: string) => string, workspace = process.cwd()): ActionInputs {
  const text = (name: string) => get(name).trim()
  const optional = (name: string) => text(name) || undefined
  const list = (name: string) => {
    const items = text(name)
      .split(/[\s,]+/)
      .filter(Boolean)
    return items.length ? items : undefined
  }
  const label = optional('label')
  if (label !== undefined && !PLATFORM_LABEL.test(label)) {
    throw new InputError(
      `input "label" must be lower-case letters, digits, dots and dashes (at most 40), not "${label}"`,
    )
  }
  const commentKey = optional('comment-key')
  if (commentKey !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(commentKey)) {
    throw new InputError(
      `input "comment-key" must be 1–64 letters, digits, dots, dashes or underscores, not "${commentKey}"`,
    )
  }
  const recreate = flag(text('recreate-comment'), 'recreate-comment')
  const hide = flag(text('hide-previous-comment'), 'hide-previous-comment')
  if (recreate && hide) {
    throw new InputError(
      'inputs "recreate-comment" and "hide-previous-comment" cannot both be true',
    )
  }
  return {
    mode: oneOf(text('mode') || 'all', 'mode', ['probe', 'report', 'all'] as const),
    token: text('github-token'),
    configPath: inRepository(text('config') || '.github/bind-probe.yml', 'config', workspace),
    configGiven: text('config') !== '',
    ...(label ? { label } : {}),
    repeat: wholeNumber(text('repeat') || '1', 'repeat', 1, 1000),
    ...(list('only') ? { only: list('only') } : {}),
    ...(optional('python') ? { python: pythonCommand(text('python')) } : {}),
    scan: oneOf(text('scan') || 'changed', 'scan', ['changed', 'all', 'off'] as const),
    ...(optional('sarif-file') ? { sarifFile: optional('sarif-file') } : {}),
    ...(list('expected-platforms')
      ? { expectedPlatforms: platformIds(list('expected-platforms')!) }
      : {}),
    ...(commentKey ? { commentKey } : {}),
    ...(optional('comment-mode')
      ? { commentMode: oneOf(text('comment-mode'), 'comment-mode', COMMENT_MODES) }
      : {}),
    recreateComment: recreate,
    hidePreviousComment: hide,
    ...(optional('template')
      ? { template: inRepository(text('template'), 'template', workspace) }
      : {}),
    ...(optional('check-name') ? { checkName: optional('check-name') } : {}),
    dryRun: flag(text('dry-run'), 'dry-run'),
    failJob: flag(text('fail-job') || 'true', 'fail-job'),
    jobSummary: flag(text('job-summary') || 'true', 'job-summary'),
    annotations: flag(text('annotations') || 'true', 'annotations'),
    ...(optional('service-url')
      ? { serviceUrl: serviceUrl(text('service-url'), 'service-url') }
      : {}),
    ...(optional('service-audience') ? { serviceAudience: text('service-audience') } : {}),
  }
}

function serviceUrl(value: string, name: string): string {
  const url = httpUrl(value)
  if (!url) throw new InputError(`input "${name}" must be an http(s) URL, not "${value}"`)
  return url
}

/** The policy and the templates are read from the repository (or from git, or the API). */
function inRepository(path: string, name: string, workspace: string): string {
  const inside = repositoryPath(path, workspace)
  if (inside === undefined) {
    throw new InputError(
      `input "${name}" must name a file in the repository; ${path} is outside the workspace`,
    )
  }
  return inside
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`input "${name}" must be one of ${allowed.join(', ')}, not "${value}"`)
  }
  return value as T
}

/** YAML 1.2 core booleans, as @actions/core's getBooleanInput accepts them. */
function flag(value: string, name: string): boolean {
  if (value === '' || ['false', 'False', 'FALSE'].includes(value)) return false
  if (['true', 'True', 'TRUE'].includes(value)) return true
  throw new InputError(`input "${name}" must be true or false, not "${value}"`)
}

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new InputError(
      `input "${name}" must be a whole number from ${min} to ${max}, not "${value}"`,
    )
  }
  return n
}

function platformIds(ids: string[]): string[] {
  for (const id of ids) {
    const wrong = platformIdProblem(id)
    if (wrong) throw new InputError(`input "expected-platforms": ${wrong}`)
  }
  return ids
}
