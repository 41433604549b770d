// Compose files that tests bring up (`docker compose -f docker-compose.test.yml up`): a service
// published on a fixed host port (`ports: ["5432:5432"]`) collides with every other run on the
// host, which Docker reports as "Bind for 0.0.0.0:5432 failed: port is already allocated". The
// finding points at the mapping, the line to change. Read with the YAML parser, not tree-sitter.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { LineSet } from './diff.ts'
import type { Comment, Span } from './facts.ts'
import type { Finding } from './finding.ts'
import { suppressionsOf } from './suppress.ts'
import { inTestDirectory } from './test-files.ts'
import { toFindings, type PlacedHit } from './to-findings.ts'

const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i
/** Compose files named for tests or CI: `docker-compose.test.yml`, `compose.ci.yaml`, `docker-compose-e2e.yml`. */
const TEST_NAME = /[.-](?:tests?|testing|ci|e2e|it|integration)(?=[.-])/i

export const COMPOSE_LANGUAGE = 'Compose'

export function isComposeFile(path: string): boolean {
  return COMPOSE_FILE.test(path.slice(path.lastIndexOf('/') + 1))
}

/**
 * A compose file the tests use: in a test directory or named for tests. A project's main
 * `docker-compose.yml` publishes its ports on purpose, for people, and is left alone.
 */
export function isTestCompose(path: string, testGlobs: readonly string[] = []): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return TEST_NAME.test(name) || inTestDirectory(path, testGlobs)
}

export interface HostPortMapping {
  service: string
  /** The host port, or the first of a host range. */
  port: number
  /** A host range as written: `7000-7006`. */
  range?: string
  /** As written: `"5432:5432"`, `published: 8080`. */
  text: string
  at: Span
  /** The port comes from a variable's default: `${DB_PORT:-5432}:5432`. */
  fromDefault?: string
}

/** `[HOST_IP:]HOST[-HOST]:CONTAINER[-CONTAINER][/PROTOCOL]`, the host IP bracketed for IPv6. */
const SHORT = /^(?:(?:\[[^\]]*\]|[^:[\]]*):)?([^:]+):[^:]+$/
/** `${DB_PORT:-5432}`, `${DB_PORT-5432}`: the variable's default. */
const DEFAULT = /^\$\{(\w+):?-(\d+)\}$/

/**
 * The host ports fixed in the file's `services.*.ports`, in the file's order, from what parsed;
 * `hasErrors` when the YAML did not all parse, which the scan counts as a file with syntax errors.
 */
export function hostPortMappings(text: string): {
  mappings: HostPortMapping[]
  hasErrors: boolean
} {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false })
  const hasErrors = doc.errors.length > 0
  const services = doc.get('services', true)
  if (!isMap(services)) return { mappings: [], hasErrors }
  const span = (node: Node): Span => {
    const [start, end] = node.range!
    const from = lines.linePos(start)
    const to = lines.linePos(end)
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col, start, end }
  }
  const out: HostPortMapping[] = []
  for (const pair of services.items) {
    const service = isScalar(pair.key) ? String(pair.key.value) : ''
    const ports = isMap(pair.value) ? pair.value.get('ports', true) : undefined
    if (!isSeq(ports)) continue
    for (const item of ports.items) {
      const published = isMap(item) ? item.get('published', true) : item
      if (!isScalar(published) || !published.range) continue
      const written = String(published.value)
      // A bare number is the container's port, published on a port Docker picks.
      const host = isMap(item) ? written : shortHost(written)
      const fixed = host === undefined ? undefined : hostPort(host)
      if (!fixed) continue
      const node = published
      out.push({
        service,
        port: fixed.port,
        text: isMap(item)
          ? `published: ${written}`
          : text.slice(node.range![0], node.range![1]).trim(),
        at: span(published),
        ...(fixed.variable ? { fromDefault: fixed.variable } : {}),
        ...(fixed.range ? { range: fixed.range } : {}),
      })
    }
  }
  return { mappings: out, hasErrors }
}

/** The host part of a short mapping, with `${VAR:-5432}` read as one token despite its colon. */
function shortHost(written: string): string | undefined {
  const variables: string[] = []
  const masked = written.replace(/\$\{[^}]*\}/g, (v) => `\0${variables.push(v) - 1}\0`)
  const host = SHORT.exec(masked)?.[1]
  return host?.replace(/\0(\d+)\0/g, (_, i: string) => variables[Number(i)]!)
}

function hostPort(
  written: string,
): { port: number; variable?: string; range?: string } | undefined {
  const fallback = DEFAULT.exec(written.trim())
  // A range publishes from its first port: `8001-8003`.
  const digits = fallback ? fallback[2]! : written.split('-')[0]!.trim()
  const port = Number(digits)
  if (!/^\d+$/.test(digits) || port === 0 || port > 65535) return undefined
  if (fallback) return { port, variable: fallback[1]! }
  return /^\d+\s*-\s*\d+$/.test(written.trim()) ? { port, range: written.trim() } : { port }
}

/** YAML comments, for `# bind-probe-ignore PORT001: …` (a `#` that starts a line or follows a space). */
function commentsOf(text: string): Comment[] {
  const out: Comment[] = []
  text.split('\n').forEach((line, i) => {
    const m = /(?:^|\s)#(.*)$/.exec(line)
    if (!m) return
    const column = m.index + (m[0].startsWith('#') ? 0 : 1) + 1
    const at = { line: i + 1, column, endLine: i + 1, endColumn: line.length + 1, start: 0, end: 0 }
    out.push({ text: m[1]!, at, trailing: line.slice(0, column - 1).trim() !== '' })
  })
  return out
}

export interface ComposeOptions {
  path: string
  enabled: ReadonlySet<string>
  lines?: LineSet
}

/**
 * PORT001 for each fixed host port of a test compose file. A warning, not an error: no labelled
 * real-world case measures these findings yet (docs/scan.md), and the gate fails by default only
 * on what was measured at 0.90 or better.
 */
export function composeFindings(
  text: string,
  options: ComposeOptions,
): { findings: Finding[]; suppressed: number; hasErrors: boolean } {
  const { mappings, hasErrors } = hostPortMappings(text)
  if (!options.enabled.has('PORT001')) return { findings: [], suppressed: 0, hasErrors }
  const hits: PlacedHit[] = mappings.map((m) => ({
    rule: 'PORT001',
    severity: 'warning',
    at: m.at,
    code: m.text,
    message:
      `The tests' compose file publishes service \`${m.service}\` on fixed host ` +
      `${m.range ? `ports ${m.range}` : `port ${m.port}`}` +
      `${m.fromDefault ? `, the default of \`${m.fromDefault}\`` : ''} (\`${m.text}\`): another ` +
      "run on the same host (a parallel CI job, a developer's stack) makes `up` fail with " +
      '"port is already allocated", or the tests talk to its container.',
    advice:
      'Publish the container port alone (`"5432"`, or `"127.0.0.1::5432"` on loopback) so Docker ' +
      'picks a free host port, and read it with `docker compose port SERVICE 5432`.',
  }))
  const found = toFindings(hits, {
    path: options.path,
    language: COMPOSE_LANGUAGE,
    suppressions: suppressionsOf(commentsOf(text)),
    ...(options.lines !== undefined ? { lines: options.lines } : {}),
  })
  return { ...found, hasErrors }
}
