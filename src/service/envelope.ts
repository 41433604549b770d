// An upload's body, checked against the published schemas: the envelope, its PlatformResult (as
// `bind-probe probe --format json` writes it) and its scan result. Identity is not in the body: it
// comes from the verified token alone.
import { Ajv2020 } from 'ajv/dist/2020.js'
import envelopeSchema from '../../schemas/upload-envelope.schema.json' with { type: 'json' }
import scanSchema from '../../schemas/scan-result.schema.json' with { type: 'json' }
import type { PlatformResult } from '../probe/model.ts'
import { resultProblems } from '../probe/validate-result.ts'

export interface UploadEnvelope {
  schemaVersion: 1
  headSha: string
  commentKey: string
  result: PlatformResult
  scan?: Record<string, unknown>
  /** A fork's run, relayed by the base repository's workflow_run job (see publish/relay.ts). */
  relayedRun?: { id: number }
}

/** Larger scans are dropped with a note, and the result is stored (the limit of the action's bundles). */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024

const ajv = new Ajv2020({ allErrors: true, strict: true })
const envelopeValid = ajv.compile(envelopeSchema)
const scanValid = ajv.compile(scanSchema)

export type EnvelopeCheck =
  { ok: true; envelope: UploadEnvelope; notes: string[] } | { ok: false; error: string }

export function checkEnvelope(body: unknown): EnvelopeCheck {
  if (!envelopeValid(body)) return { ok: false, error: `envelope: ${errors(envelopeValid.errors)}` }
  const envelope = body as unknown as UploadEnvelope
  const result = resultProblems(envelope.result)
  if (result.length) {
    const more = result.length > 3 ? ` (and ${result.length - 3} more)` : ''
    return {
      ok: false,
      error: `result is not a PlatformResult: ${result.slice(0, 3).join('; ')}${more}`,
    }
  }
  const notes: string[] = []
  if (envelope.scan !== undefined) {
    const size = JSON.stringify(envelope.scan).length
    if (size > MAX_SCAN_CHARS) {
      notes.push(
        `the scan was ${size} characters, over the ${MAX_SCAN_CHARS} limit, so its findings were dropped`,
      )
      envelope.scan = { findings: [], notes: [notes[0]!] }
    } else if (!scanValid(envelope.scan)) {
      return { ok: false, error: `scan: ${errors(scanValid.errors)}` }
    }
  }
  return { ok: true, envelope, notes }
}

function errors(list: typeof envelopeValid.errors): string {
  const lines = (list ?? []).map(
    (e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`,
  )
  return lines.slice(0, 3).join('; ') + (lines.length > 3 ? ` (and ${lines.length - 3} more)` : '')
}
