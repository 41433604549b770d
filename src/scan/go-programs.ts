// Go programs kept among the tests: `go test` runs a package's `_test.go` files, and a
// `package main` directory with none of them is a program someone runs by hand (tile38's
// `tests/107/main.go` issue reproduction, anacrolix/torrent's `tests/issue-930`; censuses 64 and
// 65). Whether a directory has tests is read from the tree, as the C header reader reads includes.
import { readdirSync } from 'node:fs'
import { posix, resolve } from 'node:path'

const PACKAGE_MAIN = /^package\s+main\b/m

/** A Go program's source, not its tests: a `package main` file not named `_test.go`. */
export const isProgramSource = (path: string, text: string): boolean =>
  path.endsWith('.go') && !path.endsWith('_test.go') && PACKAGE_MAIN.test(text)

/**
 * What says the directory's program is run by a test: a `_test.go` file beside it, or a Bazel
 * BUILD file, whose rules start programs as test services (rules_itest's `tests/go_service`,
 * labelled itest-01).
 */
export const runsIt = (name: string): boolean =>
  name.endsWith('_test.go') || name === 'BUILD' || name === 'BUILD.bazel'

export class GoPrograms {
  private readonly tested = new Map<string, boolean>()
  private readonly root: string

  constructor(root: string) {
    this.root = root
  }

  /** A `package main` file whose directory holds nothing that runs it: no test, no Bazel rule. */
  standsAlone(path: string, text: string): boolean {
    if (!isProgramSource(path, text)) return false
    const dir = posix.dirname(path)
    let tested = this.tested.get(dir)
    if (tested === undefined) {
      try {
        tested = readdirSync(resolve(this.root, dir)).some(runsIt)
      } catch {
        // Unreadable: count it as tested, as the path alone says.
        tested = true
      }
      this.tested.set(dir, tested)
    }
    return !tested
  }
}
