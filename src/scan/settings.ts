// Scan settings as a plain object: the action maps `.github/bind-probe.yml` onto it, the CLI maps
// its flags. Checked here so a typo says what and where instead of being ignored.
import { RULE_IDS } from './rules/catalogue.ts'

export interface ScanSettings {
  /** Globs (repository-relative, forward slashes) of files never scanned: `vendor/**`. */
  ignorePaths?: readonly string[]
  /** Port helpers the project vouches for (a coordinated allocator): `freeport.Take`, `reserve_port`. */
  allowedHelpers?: readonly string[]
  /** Rule ids switched off: `PORT005`. */
  disableRules?: readonly string[]
  /** Extra globs of test code, beyond each language's conventions. */
  testPaths?: readonly string[]
  /** Files larger than this many bytes are skipped (and counted). Default 1 MiB. */
  maxFileBytes?: number
}

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024

export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** Validates settings from an untrusted source; `where` names it in messages (a file, a flag). */
export function checkSettings(input: unknown, where = 'scan settings'): ScanSettings {
  if (input === undefined || input === null) return {}
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new SettingsError(
      `${where}: expected a mapping, got ${Array.isArray(input) ? 'a list' : typeof input}`,
    )
  }
  const known = ['ignorePaths', 'allowedHelpers', 'disableRules', 'testPaths', 'maxFileBytes']
  const out: ScanSettings = {}
  for (const [key, value] of Object.entries(input)) {
    if (!known.includes(key))
      throw new SettingsError(`${where}: unknown key "${key}" (known: ${known.join(', ')})`)
    if (key === 'maxFileBytes') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        throw new SettingsError(`${where}: maxFileBytes must be a positive whole number of bytes`)
      }
      out.maxFileBytes = value
      continue
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
      throw new SettingsError(`${where}: ${key} must be a list of non-empty strings`)
    }
    if (key === 'disableRules') {
      const unknown = value.filter((v) => !RULE_IDS.includes(v))
      if (unknown.length) {
        throw new SettingsError(
          `${where}: disableRules has unknown rule ${unknown.join(', ')} (rules: ${RULE_IDS.join(', ')})`,
        )
      }
    }
    ;(out as Record<string, unknown>)[key] = value
  }
  return out
}
