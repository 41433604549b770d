// Finds the definitions of free-port helpers a file calls but does not define, in the file's own
// directory and the ones above it up to the scanned root, and asks each whether it picks a port at
// all (helper-definitions.ts). Read once per scan; a pull-request scan reads them too, changed or
// not, as it reads a C file's headers: a definition elsewhere decides what a changed call does.
import { readdirSync } from 'node:fs'
import { posix, resolve } from 'node:path'
import { extractFacts } from './extract.ts'
import { readSource } from './files.ts'
import type { Grammars } from './grammars.ts'
import { definesFunction, picksNoPort } from './helper-definitions.ts'
import { languageOf, type Family } from './languages.ts'

/** Files listed per directory: a generated or vendored folder of thousands is not a helper's home. */
const MAX_FILES_PER_DIRECTORY = 400

export class HelperDefinitionReader {
  readonly #root: string
  readonly #maxBytes: number
  readonly #grammars: Grammars
  readonly #listings = new Map<string, string[]>()
  readonly #verdicts = new Map<string, boolean | undefined>()

  constructor(root: string, maxBytes: number, grammars: Grammars) {
    this.#root = root
    this.#maxBytes = maxBytes
    this.#grammars = grammars
  }

  /**
   * Of NAMES, which the file at PATH calls without defining, those whose nearest definition (the
   * file's directory first, then each one above it) hands out a number without picking a port.
   */
  async countersAmong(
    path: string,
    names: readonly string[],
    family: Family,
  ): Promise<Set<string>> {
    const out = new Set<string>()
    for (const name of names) {
      for (const dir of directoriesAbove(path)) {
        const verdict = await this.#verdictIn(dir, name, family, path)
        if (verdict === undefined) continue
        if (verdict) out.add(name)
        break
      }
    }
    return out
  }

  /** Whether every definition of NAME in DIR picks no port; undefined if DIR defines none. */
  async #verdictIn(
    dir: string,
    name: string,
    family: Family,
    caller: string,
  ): Promise<boolean | undefined> {
    const key = `${family}\0${dir}\0${name}`
    if (this.#verdicts.has(key)) return this.#verdicts.get(key)
    let verdict: boolean | undefined
    for (const file of this.#list(dir)) {
      const language = languageOf(file)
      if (file === caller || language?.family !== family) continue
      const read = readSource(resolve(this.#root, file), this.#maxBytes, file)
      if (!read.ok || !definesFunction(read.text, name, family)) continue
      const found = await this.#definitionPicksNoPort(read.text, language.id, name)
      if (found === undefined) continue
      verdict = (verdict ?? true) && found
    }
    this.#verdicts.set(key, verdict)
    return verdict
  }

  async #definitionPicksNoPort(
    text: string,
    language: NonNullable<ReturnType<typeof languageOf>>['id'],
    name: string,
  ): Promise<boolean | undefined> {
    const parser = (await this.#grammars.get(language)).parser
    if (!parser) return undefined
    try {
      const tree = parser.parse(text)
      if (!tree) return undefined
      try {
        return picksNoPort(extractFacts(tree, language), name)
      } finally {
        tree.delete()
      }
    } catch {
      parser.reset()
      return undefined
    }
  }

  #list(dir: string): string[] {
    const cached = this.#listings.get(dir)
    if (cached) return cached
    let files: string[] = []
    try {
      const entries = readdirSync(resolve(this.#root, dir), { withFileTypes: true })
      // A symbolic link is no file here: the scan does not follow them (files.ts).
      files = entries
        .filter((e) => e.isFile() && languageOf(e.name) !== undefined)
        .slice(0, MAX_FILES_PER_DIRECTORY)
        .map((e) => (dir === '.' ? e.name : `${dir}/${e.name}`))
        .sort()
    } catch {
      // an unreadable directory defines nothing the scan can read
    }
    this.#listings.set(dir, files)
    return files
  }
}

/** The file's directory, then each one above it, up to the scanned root ('.'). */
export function directoriesAbove(path: string): string[] {
  const out: string[] = []
  let dir = posix.dirname(path)
  for (;;) {
    out.push(dir)
    if (dir === '.' || dir === '/' || dir === '') return out
    dir = posix.dirname(dir)
  }
}
