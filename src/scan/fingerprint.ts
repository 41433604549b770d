// Stable identity of a finding across unrelated edits: the rule, the path and the flagged code
// with whitespace collapsed, plus its rank among identical ones in the file. Line numbers are
// left out on purpose, so inserting code above a finding does not make it new.
import { createHash } from 'node:crypto'

export function fingerprint(rule: string, path: string, code: string, occurrence: number): string {
  const normalised = code.replace(/\s+/g, ' ').trim()
  return createHash('sha256')
    .update(`${rule}\0${path}\0${normalised}\0${occurrence}`)
    .digest('hex')
    .slice(0, 32)
}
