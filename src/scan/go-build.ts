// Whether a Go file can be built for Windows, from its name (`x_linux_test.go`) and its
// `//go:build` line: some findings describe Windows behaviour only.

/** GOOS values other than windows, and `unix`, which Go sets for the Unix-like ones. */
const OTHER_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'zos',
  'unix',
])

/**
 * The words of a file name that may be its GOOS: the last, or the one before a GOARCH, once
 * `_test` and `.go` are taken off (`conn_linux_test.go`, `conn_linux_amd64_test.go`).
 */
function nameSuffixes(path: string): string[] {
  const words = (path.split('/').pop() ?? '').replace(/(?:_test)?\.go$/, '').split('_')
  return words.length < 2 ? [] : words.slice(Math.max(1, words.length - 2))
}

/** Go's build constraint line, which extraction keeps among the file's comments. */
export const GO_BUILD_LINE = /^\/\/go:build\s/

/** Tags a constraint may name besides the OS; more than this many are not enumerated. */
const MAX_FREE_TAGS = 8

/**
 * The file builds only for other systems than Windows: named for one (`_unix_test.go` is not a
 * GOOS suffix, `_linux_test.go` is) or constrained so that no choice of its other tags builds it
 * there (`//go:build !windows`, `//go:build linux || darwin`). Without a constraint it builds
 * everywhere.
 */
export function buildsOnlyElsewhere(path: string, comments: readonly { text: string }[]): boolean {
  // `unix` is a build tag, not a GOOS: `hertz_unix_test.go` builds everywhere unless constrained.
  if (nameSuffixes(path).some((word) => word !== 'unix' && OTHER_OS.has(word))) return true
  const line = comments.find((c) => GO_BUILD_LINE.test(c.text))
  if (!line) return false
  const expression = line.text.replace(GO_BUILD_LINE, '')
  const tokens = expression.match(/!|&&|\|\||\(|\)|[\w.]+/g) ?? []
  const free = [...new Set(tokens.filter((t) => /^[\w.]+$/.test(t) && !isOs(t)))]
  if (free.length > MAX_FREE_TAGS) return false
  for (let bits = 0; bits < 1 << free.length; bits++) {
    const value = (tag: string) =>
      tag === 'windows' ? true : isOs(tag) ? false : (bits & (1 << free.indexOf(tag))) !== 0
    const builds = evaluate(tokens, value)
    if (builds !== false) return false
  }
  return true
}

function isOs(tag: string): boolean {
  return tag === 'windows' || OTHER_OS.has(tag)
}

/** `a || b && !(c)` with Go's precedence; undefined for text that is not such an expression. */
function evaluate(tokens: readonly string[], value: (tag: string) => boolean): boolean | undefined {
  let i = 0
  const or = (): boolean | undefined => {
    let left = and()
    while (left !== undefined && tokens[i] === '||') {
      i++
      const right = and()
      left = right === undefined ? undefined : left || right
    }
    return left
  }
  const and = (): boolean | undefined => {
    let left = not()
    while (left !== undefined && tokens[i] === '&&') {
      i++
      const right = not()
      left = right === undefined ? undefined : left && right
    }
    return left
  }
  const not = (): boolean | undefined => {
    const token = tokens[i++]
    if (token === '!') {
      const inner = not()
      return inner === undefined ? undefined : !inner
    }
    if (token === '(') {
      const inner = or()
      return tokens[i++] === ')' ? inner : undefined
    }
    return token !== undefined && /^[\w.]+$/.test(token) ? value(token) : undefined
  }
  const result = or()
  return i === tokens.length ? result : undefined
}
