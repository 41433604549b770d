// Which Go files build for Windows: by name and by `//go:build` line.
import { describe, expect, it } from 'vitest'
import { buildsOnlyElsewhere } from '../../src/scan/go-build.ts'

const constraint = (expression: string) => [{ text: `//go:build ${expression}` }]

describe('buildsOnlyElsewhere', () => {
  it('reads a GOOS file-name suffix, with or without GOARCH and _test', () => {
    expect(buildsOnlyElsewhere('pkg/conn_linux_test.go', [])).toBe(true)
    expect(buildsOnlyElsewhere('pkg/conn_darwin_arm64.go', [])).toBe(true)
    expect(buildsOnlyElsewhere('pkg/server_entrypoint_linux_test.go', [])).toBe(true)
    expect(buildsOnlyElsewhere('pkg/linux_helpers_test.go', [])).toBe(false)
    expect(buildsOnlyElsewhere('pkg/conn_windows_test.go', [])).toBe(false)
    // `unix` is a build tag, not a GOOS: hertz_unix_test.go builds everywhere unless constrained.
    expect(buildsOnlyElsewhere('pkg/hertz_unix_test.go', [])).toBe(false)
    expect(buildsOnlyElsewhere('pkg/server_test.go', [])).toBe(false)
  })

  it('reads a constraint that no choice of its other tags builds on Windows', () => {
    expect(buildsOnlyElsewhere('a_test.go', constraint('!windows'))).toBe(true)
    expect(buildsOnlyElsewhere('a_test.go', constraint('unix'))).toBe(true)
    expect(buildsOnlyElsewhere('a_test.go', constraint('linux || darwin'))).toBe(true)
    expect(buildsOnlyElsewhere('a_test.go', constraint('integration && !windows'))).toBe(true)
    expect(buildsOnlyElsewhere('a_test.go', constraint('!(windows || plan9)'))).toBe(true)
    expect(buildsOnlyElsewhere('a_test.go', constraint('linux || windows'))).toBe(false)
    expect(buildsOnlyElsewhere('a_test.go', constraint('integration'))).toBe(false)
    expect(buildsOnlyElsewhere('a_test.go', constraint('!linux'))).toBe(false)
    expect(buildsOnlyElsewhere('a_test.go', constraint('amd64 && !race'))).toBe(false)
    // Text that is no expression leaves the file built everywhere.
    expect(buildsOnlyElsewhere('a_test.go', constraint('linux ||'))).toBe(false)
  })
})
