// Pure: the compact summary of a report that rides in our own comment as a hidden HTML comment,
// so the next run on the pull request can say what changed without any storage of its own.
//
// v1 is deflated JSON in base64url: { v: 1, sha?, o: outcomes, s: scenario hashes, p: per platform
// one character per scenario (a letter indexes `o`, upper case = flaky, `.` = not run), f?: finding
// hashes, c?: the hash of the gate's conclusion and failing rules }. Hashes are the first 8 base64url characters of a SHA-256, so ids and paths never
// appear in the clear. Anything that does not decode to exactly this shape is refused with a
// reason, never thrown: the comment is editable by people with write access.
import { createHash } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Outcome } from '../probe/model.ts'
import type { Report } from './model.ts'

export const DIGEST_VERSION = 1
const PREFIX = `v${DIGEST_VERSION}.`
/** Past this many findings their fingerprints are not kept, and finding changes not shown. */
export const MAX_DIGEST_FINDINGS = 300
const MAX_TOKEN_CHARS = 100_000
const MAX_INFLATED_BYTES = 1_000_000
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const HASH = /^[A-Za-z0-9_-]{8}$/
const PLATFORM_ID = /^[a-z0-9]+-[a-z0-9]+(-[a-z0-9][a-z0-9.-]*)?$/
const OUTCOME = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/
const SHA = /^[0-9a-f]{7,64}$/

export interface Digest {
  sha?: string
  outcomes: Outcome[]
  scenarios: string[]
  platforms: Record<string, string>
  findings?: string[]
  /** The gate's conclusion and failing rules, hashed (verdictKey): a comment shows them too. */
  verdict?: string
}

export interface CellState {
  outcome: Outcome
  flaky: boolean
}

export function hashKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 8)
}

/** What a digest is made from: a Report, or the parts of one buildReport has so far. */
export type DigestSource = Pick<Report, 'context' | 'platforms' | 'scenarios' | 'findings'>

export function digestOf(report: DigestSource): Digest {
  const outcomes: Outcome[] = []
  const letter = (outcome: Outcome, flaky: boolean): string => {
    // What the decoder would refuse is recorded as "not run": an outcome name no driver makes,
    // or more than 26 different outcomes in one report, which is beyond any real run.
    if (!OUTCOME.test(outcome)) return '.'
    let index = outcomes.indexOf(outcome)
    if (index < 0 && outcomes.length < LETTERS.length) index = outcomes.push(outcome) - 1
    if (index < 0) return '.'
    const c = LETTERS[index]!
    return flaky ? c.toUpperCase() : c
  }
  const platforms: Record<string, string> = {}
  report.platforms.forEach((platform, i) => {
    platforms[platform.id] = report.scenarios
      .map((row) => {
        const cell = row.cells[i]
        return cell?.outcome === undefined ? '.' : letter(cell.outcome, cell.flaky)
      })
      .join('')
  })
  const fingerprints = report.findings.files.flatMap((f) => f.findings.map((x) => x.fingerprint))
  const digest: Digest = {
    outcomes,
    scenarios: report.scenarios.map((row) => hashKey(row.id)),
    platforms,
  }
  if (report.context.headSha && SHA.test(report.context.headSha))
    digest.sha = report.context.headSha
  if (fingerprints.length <= MAX_DIGEST_FINDINGS) {
    digest.findings = [...new Set(fingerprints.map(hashKey))].sort()
  }
  return digest
}

/** What a comment says of the gate, as one hash: it changes when the conclusion or a failing rule does. */
export function verdictKey(verdict: {
  conclusion: string
  reasons: readonly { rule: string; fails: boolean }[]
}): string {
  const rules = [...new Set(verdict.reasons.filter((r) => r.fails).map((r) => r.rule))].sort()
  return hashKey(`${verdict.conclusion}:${rules.join(',')}`)
}

/** `v1.<base64url>`: safe inside an HTML comment (no `-->`, no spaces). */
export function encodeDigest(digest: Digest): string {
  const wire = {
    v: DIGEST_VERSION,
    ...(digest.sha ? { sha: digest.sha } : {}),
    o: digest.outcomes,
    s: digest.scenarios,
    p: digest.platforms,
    ...(digest.findings ? { f: digest.findings } : {}),
    ...(digest.verdict ? { c: digest.verdict } : {}),
  }
  return PREFIX + deflateRawSync(Buffer.from(JSON.stringify(wire))).toString('base64url')
}

export type DecodedDigest = { digest: Digest } | { problem: string }

export function decodeDigest(token: string): DecodedDigest {
  if (typeof token !== 'string') return { problem: 'no digest' }
  if (!token.startsWith(PREFIX)) {
    const version = /^v(\d+)\./.exec(token)?.[1]
    return {
      problem: version
        ? `it is digest version ${version}, and this bind-probe reads version ${DIGEST_VERSION}`
        : 'it does not start with a digest version',
    }
  }
  const body = token.slice(PREFIX.length)
  if (body.length > MAX_TOKEN_CHARS) return { problem: 'it is too long' }
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return { problem: 'it is not base64url' }
  let wire: unknown
  try {
    const json = inflateRawSync(Buffer.from(body, 'base64url'), {
      maxOutputLength: MAX_INFLATED_BYTES,
    })
    wire = JSON.parse(json.toString('utf8'))
  } catch (error) {
    return { problem: `it does not decompress to JSON (${(error as Error).message})` }
  }
  return checkWire(wire)
}

function checkWire(wire: unknown): DecodedDigest {
  const bad = (why: string) => ({ problem: `its content is malformed: ${why}` })
  if (!isRecord(wire)) return bad('not an object')
  if (wire.v !== DIGEST_VERSION) return bad('wrong version field')
  const { sha, o, s, p, f, c } = wire
  if (sha !== undefined && (typeof sha !== 'string' || !SHA.test(sha))) {
    return bad('sha is not a commit id')
  }
  if (!isStringList(o, OUTCOME) || o.length > LETTERS.length) return bad('bad outcome table')
  if (!isStringList(s, HASH)) return bad('bad scenario list')
  if (f !== undefined && !isStringList(f, HASH)) return bad('bad finding list')
  if (c !== undefined && (typeof c !== 'string' || !HASH.test(c))) return bad('bad verdict')
  if (!isRecord(p)) return bad('bad platform table')
  const allowed = new RegExp(
    `^[.${LETTERS.slice(0, o.length)}${LETTERS.slice(0, o.length).toUpperCase()}]*$`,
  )
  const platforms: Record<string, string> = {}
  for (const [id, codes] of Object.entries(p)) {
    if (!PLATFORM_ID.test(id)) return bad('bad platform id')
    if (typeof codes !== 'string' || codes.length !== s.length || !allowed.test(codes)) {
      return bad(`bad outcomes for ${id}`)
    }
    platforms[id] = codes
  }
  return {
    digest: {
      ...(sha ? { sha } : {}),
      outcomes: o,
      scenarios: s,
      platforms,
      ...(f ? { findings: f } : {}),
      ...(c ? { verdict: c as string } : {}),
    },
  }
}

/** The outcome a digest recorded for one scenario on one platform, if it has one. */
export function digestCell(
  digest: Digest,
  scenarioId: string,
  platform: string,
): CellState | undefined {
  const codes = digest.platforms[platform]
  const index = digest.scenarios.indexOf(hashKey(scenarioId))
  if (codes === undefined || index < 0) return undefined
  const c = codes[index]!
  if (c === '.') return undefined
  const outcome = digest.outcomes[LETTERS.indexOf(c.toLowerCase())]
  return outcome === undefined ? undefined : { outcome, flaky: c !== c.toLowerCase() }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringList(value: unknown, pattern: RegExp): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= 10_000 &&
    value.every((x) => typeof x === 'string' && pattern.test(x))
  )
}
