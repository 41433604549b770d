// Pure: the text of `.github/bind-probe.yml` to a Config. YAML syntax, the JSON Schema
// (schemas/config.schema.json) and the meaning (known scenario ids, custom scenarios that compile)
// are checked in that order; every problem found is reported at once, each with the file, line
// and column of the node it is about and what to write instead.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml'
import configSchema from '../../schemas/config.schema.json' with { type: 'json' }
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' }
import { CATALOGUE } from '../probe/catalogue/index.ts'
import { compileScenario, ScenarioError } from '../probe/compile.ts'
import { OS_FAMILIES, type Expectation, type OsFamily, type Scenario } from '../probe/model.ts'
import { platformIdProblem } from './platform-id.ts'
import {
  DEFAULT_CONFIG,
  DEFAULT_FAIL_ON,
  type Config,
  type ExpectedPlatform,
  type FailOn,
  type Requirement,
} from './model.ts'

export const MAX_CONFIG_CHARS = 1_000_000

export interface ConfigProblem {
  /** Where in the document, as keys: `fail-on.flaky`, `scenarios[0].steps[2]`. */
  path: string
  line: number
  column: number
  message: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
  readonly file: string
  readonly problems: ConfigProblem[]
  constructor(file: string, problems: ConfigProblem[]) {
    problems = [...problems].sort((a, b) => a.line - b.line || a.column - b.column)
    const lines = problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`)
    super(
      `${file} is not a valid bind-probe policy (docs/configuration.md explains every key):\n` +
        lines.join('\n'),
    )
    this.file = file
    this.problems = problems
  }
}

let validator: ReturnType<Ajv2020['compile']> | undefined

function validate() {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true })
    ajv.addSchema(scenarioSchema)
    validator = ajv.compile(configSchema)
  }
  return validator
}

type Segment = string | number

/** Parses and checks the policy; throws a ConfigError listing every problem. */
export function loadConfig(text: string, file = '.github/bind-probe.yml'): Config {
  if (text.length > MAX_CONFIG_CHARS) {
    throw new ConfigError(file, [
      {
        path: '',
        line: 1,
        column: 1,
        message: `is ${text.length} characters; the most is ${MAX_CONFIG_CHARS}`,
      },
    ])
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0)
  if (doc.errors.length) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const { line, col } = at(e.pos[0])
        // The YAML library's advice for this one is meant for its caller, not for a user.
        const message =
          e.code === 'MULTIPLE_DOCS'
            ? 'the policy is one YAML document; remove the `---` that starts a second one'
            : withoutSource(firstLine(e.message))
        return { path: '', line, column: col, message: `YAML: ${message}` }
      }),
    )
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (error) {
    // An alias expanded past the limit: a YAML bomb, or a mistake nobody needs.
    throw new ConfigError(file, [
      {
        path: '',
        line: 1,
        column: 1,
        message: `YAML: ${withoutSource(firstLine((error as Error).message))}`,
      },
    ])
  }
  const locate = (path: Segment[], key?: string): { line: number; column: number } => {
    const node = nodeAt(doc, path, key)
    const { line, col } = at(node?.range?.[0])
    return { line, column: col }
  }
  const problem = (path: Segment[], message: string, key?: string): ConfigProblem => ({
    path: dotted(key === undefined ? path : [...path, key]),
    ...locate(path, key),
    message,
  })

  const check = validate()
  if (!check(value)) {
    throw new ConfigError(file, schemaProblems(check.errors ?? [], problem))
  }
  const raw = value as RawConfig
  const problems: ConfigProblem[] = []
  const ids = (raw.platforms ?? []).map((p) => (typeof p === 'string' ? p : p.id))
  ids.forEach((id, i) => {
    if (ids.indexOf(id) < i) problems.push(problem(['platforms', i], `${id} is listed twice`))
    const wrong = platformIdProblem(id)
    if (wrong) problems.push(problem(['platforms', i], wrong))
  })
  const scenarios = customScenarios(raw.scenarios ?? [], problems, problem)
  const requirements = requirementsOf(raw.require ?? {}, scenarios, problems, problem, locate)
  const known = new Set([...CATALOGUE, ...scenarios].map((s) => s.id))
  ;(raw['known-flaky'] ?? []).forEach((id, i) => {
    if (!known.has(id)) problems.push(problem(['known-flaky', i], `"${id}" is not a scenario id`))
  })
  if (problems.length) throw new ConfigError(file, problems)

  return {
    source: file,
    platforms: (raw.platforms ?? []).map((p): ExpectedPlatform =>
      typeof p === 'string' ? { id: p } : { ...p },
    ),
    mode: raw.mode ?? DEFAULT_CONFIG.mode,
    failOn: failOnOf(raw['fail-on'] ?? {}),
    require: requirements,
    scenarios,
    comment: {
      mode: raw.comment?.mode ?? DEFAULT_CONFIG.comment.mode,
      key: raw.comment?.key ?? DEFAULT_CONFIG.comment.key,
      ...(raw.comment?.template ? { template: raw.comment.template } : {}),
    },
    summary: raw.summary?.template ? { template: raw.summary.template } : {},
    scan: {
      ignore: raw.scan?.ignore ?? [],
      allowedHelpers: raw.scan?.['allowed-helpers'] ?? [],
      disableRules: raw.scan?.['disable-rules'] ?? [],
      testPaths: raw.scan?.['test-paths'] ?? [],
      maxFileBytes: raw.scan?.['max-file-bytes'] ?? DEFAULT_CONFIG.scan.maxFileBytes,
    },
    readPolicyFrom: raw['read-policy-from'] ?? DEFAULT_CONFIG.readPolicyFrom,
    ...(raw['known-flaky']?.length ? { knownFlaky: [...new Set(raw['known-flaky'])] } : {}),
  }
}

/** The YAML form, as the schema guarantees it. */
interface RawConfig {
  platforms?: (string | { id: string; name?: string })[]
  mode?: Config['mode']
  'fail-on'?: Partial<
    Record<
      | 'divergence'
      | 'change'
      | 'missing-platform'
      | 'unmeasurable-host'
      | 'probe-error'
      | 'flaky'
      | 'refused-write'
      | 'new-flip',
      boolean
    >
  > & {
    findings?: FailOn['findings']
  }
  require?: Record<string, Record<string, string | string[]>>
  scenarios?: RawScenario[]
  comment?: { mode?: Config['comment']['mode']; key?: string; template?: string }
  summary?: { template?: string }
  scan?: {
    ignore?: string[]
    'allowed-helpers'?: string[]
    'disable-rules'?: string[]
    'test-paths'?: string[]
    'max-file-bytes'?: number
  }
  'read-policy-from'?: Config['readPolicyFrom']
  'known-flaky'?: string[]
}

type RawScenario = Omit<Scenario, 'expect' | 'section'> & {
  section?: string
  expect?: Partial<Record<OsFamily, Expectation>>
}

type Problem = (path: Segment[], message: string, key?: string) => ConfigProblem

function failOnOf(raw: NonNullable<RawConfig['fail-on']>): FailOn {
  return {
    divergence: raw.divergence ?? DEFAULT_FAIL_ON.divergence,
    change: raw.change ?? DEFAULT_FAIL_ON.change,
    missingPlatform: raw['missing-platform'] ?? DEFAULT_FAIL_ON.missingPlatform,
    unmeasurableHost: raw['unmeasurable-host'] ?? DEFAULT_FAIL_ON.unmeasurableHost,
    probeError: raw['probe-error'] ?? DEFAULT_FAIL_ON.probeError,
    flaky: raw.flaky ?? DEFAULT_FAIL_ON.flaky,
    findings: raw.findings ?? DEFAULT_FAIL_ON.findings,
    refusedWrite: raw['refused-write'] ?? DEFAULT_FAIL_ON.refusedWrite,
    ...(raw['new-flip'] === undefined ? {} : { newFlip: raw['new-flip'] }),
  }
}

function customScenarios(
  raw: RawScenario[],
  problems: ConfigProblem[],
  problem: Problem,
): Scenario[] {
  const builtIn = new Set(CATALOGUE.map((s) => s.id))
  const seen = new Set<string>()
  return raw.flatMap((entry, i) => {
    const path: Segment[] = ['scenarios', i]
    if (builtIn.has(entry.id)) {
      problems.push(
        problem(
          [...path, 'id'],
          `"${entry.id}" is a built-in scenario id; give yours an id of its own`,
        ),
      )
      return []
    }
    if (seen.has(entry.id)) {
      problems.push(problem([...path, 'id'], `"${entry.id}" is used by an earlier scenario`))
      return []
    }
    seen.add(entry.id)
    const expect = Object.fromEntries(
      OS_FAMILIES.map((os) => [os, entry.expect?.[os] ?? { confidence: 'unknown', sources: [] }]),
    ) as Record<OsFamily, Expectation>
    const scenario: Scenario = {
      ...entry,
      section: entry.section ?? 'Custom scenarios',
      expect,
    }
    try {
      compileScenario(scenario)
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error
      const step = /: step (\d+)/.exec(error.message)
      const os = /the (linux|macos|windows) expectation/.exec(error.message)
      const where: Segment[] = step
        ? [...path, 'steps', Number(step[1]) - 1]
        : os
          ? [...path, 'expect', os[1]!]
          : /exactly one step/.test(error.message)
            ? [...path, 'steps']
            : path
      problems.push(problem(where, error.message))
      return []
    }
    return [scenario]
  })
}

function requirementsOf(
  raw: Record<string, Record<string, string | string[]>>,
  custom: readonly Scenario[],
  problems: ConfigProblem[],
  problem: Problem,
  locate: (path: Segment[], key?: string) => { line: number },
): Requirement[] {
  const known = [...CATALOGUE, ...custom].map((s) => s.id)
  return Object.entries(raw).flatMap(([scenario, targets]) => {
    if (!known.includes(scenario)) {
      const hint = closest(scenario, known)
      problems.push(
        problem(
          ['require'],
          `no scenario has the id "${scenario}"${hint ? `; did you mean "${hint}"?` : ''} (` +
            '`bind-probe list` shows every id)',
          scenario,
        ),
      )
      return []
    }
    return Object.entries(targets).flatMap(([target, outcomes]) => {
      const wrong = isOsFamily(target) ? undefined : platformIdProblem(target)
      if (wrong) {
        problems.push(problem(['require', scenario], wrong, target))
        return []
      }
      const list = typeof outcomes === 'string' ? [outcomes] : [...new Set(outcomes)]
      const { line } = locate(['require', scenario], target)
      return [{ scenario, target, outcomes: list, line }]
    })
  })
}

function isOsFamily(target: string): boolean {
  return (OS_FAMILIES as readonly string[]).includes(target)
}

function schemaProblems(errors: ErrorObject[], problem: Problem): ConfigProblem[] {
  // A failed `propertyNames` also reports the name itself; one message per place is enough.
  const seen = new Set<string>()
  const out: ConfigProblem[] = []
  for (const e of errors) {
    const path = pointerToPath(e.instancePath)
    let p: ConfigProblem
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty)
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {})
      const hint = closest(key, allowed)
      p = problem(
        path,
        `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : allowed.length ? `; the keys here are ${allowed.join(', ')}` : ''}`,
        key,
      )
    } else if (e.keyword === 'propertyNames') {
      const key = String((e.params as { propertyName: string }).propertyName)
      const description = (e.schema as { description?: string })?.description
      p = problem(
        path,
        `"${key}" is not allowed here${description ? `: use ${lowerFirst(description)}` : ''}`,
        key,
      )
    } else if (e.keyword === 'pattern' && e.propertyName !== undefined) {
      continue
    } else {
      p = problem(path, describeError(e))
    }
    const id = `${p.line}:${p.column}:${p.message}`
    if (!seen.has(id)) {
      seen.add(id)
      out.push(p)
    }
  }
  return out
}

function describeError(e: ErrorObject): string {
  const description = (e.parentSchema as { description?: string } | undefined)?.description
  const name = e.instancePath === '' ? 'the file' : dotted(pointerToPath(e.instancePath))
  // The whole document is no policy (a wrong path): quoting it would print some other file.
  const got = e.instancePath === '' && typeof e.data === 'string' ? 'text' : shown(e.data)
  switch (e.keyword) {
    case 'type': {
      const types = ([] as string[]).concat(e.params.type as string | string[]).map(typeWords)
      return `${name} must be ${types.join(' or ')}, not ${got}`
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String)
      const hint = typeof e.data === 'string' ? closest(e.data, allowed) : undefined
      return `${name} must be one of ${allowed.join(', ')}, not ${got}${hint ? `; did you mean "${hint}"?` : ''}`
    }
    case 'pattern':
      return `${name} is ${got}, which is not ${description ? lowerFirst(description).replace(/\.$/, '') : `of the form ${String(e.params.pattern)}`}`
    case 'required':
      return `${name} needs "${String(e.params.missingProperty)}"`
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return `${name} must not be empty${description ? ` (${lowerFirst(description)})` : ''}`
    case 'maxItems':
    case 'maxLength':
    case 'maxProperties':
      return `${name} is too long: it ${e.message ?? 'has too much'}`
    default:
      return `${name} ${e.message ?? 'is not valid'}`
  }
}

function shown(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'empty'
  if (typeof value === 'object') return 'a mapping'
  return String(value)
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    object: 'a mapping (key: value lines)',
    array: 'a list (lines starting with "- ")',
    string: 'text',
    boolean: 'true or false',
    number: 'a number',
    integer: 'a whole number',
  }
  return words[type] ?? type
}

function pointerToPath(pointer: string): Segment[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

function dotted(path: Segment[]): string {
  return path.reduce<string>(
    (out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s),
    '',
  )
}

/** The node at `path`; with `key`, the key node of that entry in the mapping at `path`. */
function nodeAt(doc: Document, path: Segment[], key?: string): Node | undefined {
  const target = path.length
    ? (doc.getIn(path, true) as Node | undefined)
    : ((doc.contents as Node | null) ?? undefined)
  if (key === undefined) return target ?? closestNode(doc, path)
  if (isMap(target)) {
    const pair = target.items.find(
      (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key,
    )
    if (pair && isScalar(pair.key)) return pair.key
  }
  return target ?? closestNode(doc, path)
}

function closestNode(doc: Document, path: Segment[]): Node | undefined {
  for (let n = path.length - 1; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined
    if (node) return node
  }
  return (doc.contents as Node | null) ?? undefined
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}

/**
 * The YAML library ends some messages with the text it choked on (`Unexpected scalar token in YAML
 * stream: "…"`, `Unresolved alias …: name`). The line and column say where; the text is left out,
 * as the file may not be a policy at all (a wrong path can name any file of the checkout).
 */
function withoutSource(message: string): string {
  return message.replace(/(?<=\S): .*$/, '')
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** The id nearest to a mistyped one, if any is close (edit distance ≤ a third of its length). */
export function closest(wanted: string, candidates: readonly string[]): string | undefined {
  let best: { id: string; d: number } | undefined
  for (const id of candidates) {
    const d = distance(wanted, id)
    if (!best || d < best.d) best = { id, d }
  }
  return best && best.d <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}
