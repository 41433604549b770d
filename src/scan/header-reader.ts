// Reads the local headers that C and C++ files include, once per scan, for their #define
// constants (includes.ts). A pull-request scan reads them too, changed or not: a header is small
// and its constants decide whether a changed line listens on a fixed port.
import { lstatSync } from 'node:fs'
import { posix, resolve } from 'node:path'
import { readSource } from './files.ts'
import { defineConstants, localIncludes } from './includes.ts'
import type { Constants } from './values.ts'

export class HeaderReader {
  readonly #cache = new Map<string, Constants | undefined>()
  readonly #root: string
  readonly #maxBytes: number

  constructor(root: string, maxBytes: number) {
    this.#root = root
    this.#maxBytes = maxBytes
  }

  /** Constants of the headers `source` (at `path`, relative to the root) includes with quotes. */
  constantsFor(path: string, source: string): Constants[] {
    const out: Constants[] = []
    for (const include of localIncludes(source)) {
      const header = posix.normalize(posix.join(posix.dirname(path), include))
      // Only headers inside the scanned tree; the system's and the compiler's are not tests'.
      if (header.startsWith('../') || posix.isAbsolute(header)) continue
      const constants = this.#read(header)
      if (constants?.size) out.push(constants)
    }
    return out
  }

  #read(header: string): Constants | undefined {
    if (this.#cache.has(header)) return this.#cache.get(header)
    let constants: Constants | undefined
    const abs = resolve(this.#root, header)
    try {
      if (!lstatSync(abs).isSymbolicLink()) {
        const read = readSource(abs, this.#maxBytes, header)
        if (read.ok) constants = defineConstants(read.text)
      }
    } catch {
      // no such header beside the file: it comes from an include path we do not know
    }
    this.#cache.set(header, constants)
    return constants
  }
}
