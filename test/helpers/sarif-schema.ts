// The official OASIS SARIF 2.1.0 schema (vendored in test/scan/fixtures, see its README) as a
// validator, for the scanner's own tests and the action's end-to-end test.
import { readFileSync } from 'node:fs'
import AjvDraft04Module from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'

// Both are CommonJS with `exports.default`; under Node's ESM that lands on `.default`.
const Ajv = AjvDraft04Module.default
const addFormats = addFormatsModule.default

export const SARIF_SCHEMA = JSON.parse(
  readFileSync(new URL('../scan/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object

export function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  return ajv.compile(SARIF_SCHEMA)
}
