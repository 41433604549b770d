// Checks a PlatformResult against its published JSON Schema, for what the probe writes and for
// what a report reads back from an artifact or an upload.
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import schema from '../../schemas/platform-result.schema.json' with { type: 'json' }
import type { PlatformResult } from './model.ts'

// ajv-formats is CommonJS with `exports.default`; under Node's ESM that lands on `.default`.
const addFormats = addFormatsModule.default

let compiled: ReturnType<Ajv2020['compile']> | undefined

function validator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true })
    addFormats(ajv, ['date-time'])
    compiled = ajv.compile(schema)
  }
  return compiled
}

export class InvalidResultError extends Error {
  override name = 'InvalidResultError'
}

/** Returns the problems, one line each, that make `value` not a PlatformResult; none if it is. */
export function resultProblems(value: unknown): string[] {
  const validate = validator()
  if (validate(value)) return []
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`,
  )
}

/** Narrows `value` to a PlatformResult or throws, naming `where` it came from. */
export function assertPlatformResult(
  value: unknown,
  where: string,
): asserts value is PlatformResult {
  const problems = resultProblems(value)
  if (problems.length) {
    throw new InvalidResultError(
      `${where} is not a bind-probe PlatformResult: ${problems.slice(0, 5).join('; ')}`,
    )
  }
}
