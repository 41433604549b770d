// Pure: what the legs' scan.json files add to a report, their findings and their notes. The files
// come from runners (a fork's among them), so every field is checked, and a broken file is an
// artifact problem (which the gate counts, as it counts an unreadable result) while the other
// legs' findings still count.
import { findingProblem } from './findings.ts'
import { parseJsonText } from './json-text.ts'
import type { ArtifactProblem } from './model.ts'

/** One leg's files as they arrived: text, untrusted until checked. */
export interface LegScanFile {
  /** The artifact or file the scan came with, for messages. */
  source: string
  /** The scan.json text; absent when the leg did not scan. */
  scan?: string
}

export interface LegScans {
  /** Unchecked findings: buildReport validates each and names the malformed ones. */
  findings: unknown[]
  notes: string[]
  problems: ArtifactProblem[]
}

export function readLegScans(legs: readonly LegScanFile[]): LegScans {
  const out: LegScans = { findings: [], notes: [], problems: [] }
  let scanned = 0
  for (const leg of legs) {
    if (leg.scan === undefined) continue
    let parsed: Record<string, unknown>
    try {
      parsed = parseJsonText(leg.scan) as Record<string, unknown>
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object')
    } catch (error) {
      // It scanned, so "no leg scanned" would be wrong; what it found is lost, which the gate hears.
      scanned++
      out.problems.push({
        artifact: leg.source,
        message: `its scan.json is not a JSON object (${(error as Error).message}), so its findings are left out`,
        kind: 'scan',
      })
      continue
    }
    scanned++
    if (!Array.isArray(parsed.findings)) {
      out.problems.push({
        artifact: leg.source,
        message: 'its scan.json has no findings list, so what it found is unknown',
        kind: 'scan',
      })
      continue
    }
    // The leg says its scan could not run (git missing or refusing the checkout, the changed
    // lines unknown): no findings is then no news, and the gate must hear it.
    if (typeof parsed.failed === 'string' && parsed.failed !== '') {
      out.problems.push({
        artifact: leg.source,
        message: `its scan could not run: ${parsed.failed}`,
        kind: 'scan',
      })
    }
    const list = parsed.findings as unknown[]
    if (list.length > 0 && list.every((finding) => findingProblem(finding) !== undefined)) {
      out.problems.push({
        artifact: leg.source,
        message: `none of the ${list.length} findings in its scan.json could be read, so what it found is unknown`,
        kind: 'scan',
      })
    }
    // One by one: a spread of a leg's 130,000 findings overflows the stack and takes the report down.
    for (const finding of list) out.findings.push(finding)
    for (const note of strings(parsed.notes)) out.notes.push(`Scan: ${note}`)
    for (const language of strings(parsed.unavailableLanguages)) {
      out.notes.push(`Scan: could not load the grammar for ${language}`)
    }
  }
  if (legs.length && !scanned) {
    out.notes.push('No leg scanned the code (scan: off), so flaky port use was not checked.')
  }
  return out
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}
