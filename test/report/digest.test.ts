import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/probe/model.ts'
import { buildReport } from '../../src/report/build.ts'
import {
  decodeDigest,
  digestOf,
  encodeDigest,
  hashKey,
  verdictKey,
} from '../../src/report/digest.ts'
import { commentMarker, hasCommentMarker, readDigest } from '../../src/report/marker.ts'
import { renderComment } from '../../src/report/render/render.ts'
import { CONTEXT, SAMPLE_FINDINGS, eventful, fixture, threeOs } from './samples.ts'

const wire = (value: unknown) =>
  `v1.${deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`

describe('digest', () => {
  it('round-trips, and stays small for the whole catalogue on three platforms', () => {
    const report = buildReport({ ...threeOs(), findings: SAMPLE_FINDINGS })
    const digest = digestOf(report)
    const token = encodeDigest(digest)
    expect(decodeDigest(token)).toEqual({ digest })
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    expect(token.length).toBeLessThan(1200)
    expect(digest.sha).toBe(CONTEXT.headSha)
    expect(digest.findings).toHaveLength(3)
  })

  it('carries the verdict as a hash that changes with the conclusion or a failing rule', () => {
    const report = buildReport(threeOs())
    const verdict = (conclusion: string, rules: string[]) => ({
      conclusion,
      reasons: rules.map((rule) => ({ rule, fails: true })),
    })
    const failing = verdictKey(verdict('failure', ['missing-platform']))
    const digest = { ...digestOf(report), verdict: failing }
    expect(decodeDigest(encodeDigest(digest))).toEqual({ digest })
    expect(verdictKey(verdict('failure', ['missing-platform', 'change']))).not.toBe(failing)
    expect(verdictKey(verdict('success', []))).not.toBe(failing)
    expect(verdictKey(verdict('failure', ['missing-platform', 'missing-platform']))).toBe(failing)
    const forged = encodeDigest({ ...digest, verdict: 'not a hash!' })
    expect(decodeDigest(forged)).toEqual({ problem: 'its content is malformed: bad verdict' })
  })

  it('never carries ids or paths in the clear', () => {
    const report = buildReport({ ...threeOs(), findings: SAMPLE_FINDINGS })
    const json = JSON.stringify(digestOf(report))
    expect(json).not.toContain('tcp4')
    expect(json).not.toContain('server.test.ts')
    expect(digestOf(report).scenarios[0]).toBe(hashKey(report.scenarios[0]!.id))
  })

  it('only writes what it can read back: no odd commit ids or outcome names', () => {
    const linux = fixture('synthetic-linux-x64')
    linux.scenarios[0]!.outcome = `E${'X'.repeat(60)}`
    const report = buildReport({
      artifacts: [{ name: 'l', content: linux }],
      context: { headSha: 'HEAD~1' },
    })
    const digest = digestOf(report)
    expect(digest.sha).toBeUndefined()
    expect(digest.platforms['linux-x64-synthetic']![0]).toBe('.')
    expect(decodeDigest(encodeDigest(digest))).toEqual({ digest })
  })

  it('drops finding fingerprints past its cap rather than grow without bound', () => {
    const many = Array.from({ length: 301 }, (_, i) => ({
      ...SAMPLE_FINDINGS[0]!,
      line: i + 1,
      fingerprint: `fp-${i}`,
    }))
    const report = buildReport({ artifacts: [], findings: many })
    expect(digestOf(report).findings).toBeUndefined()
  })

  it.each([
    ['', 'it does not start with a digest version'],
    ['v2.abc', 'it is digest version 2, and this bind-probe reads version 1'],
    ['v1.not base64!', 'it is not base64url'],
    ['v1.AAAA', 'it does not decompress to JSON'],
    [`v1.${Buffer.from('{}').toString('base64url')}`, 'it does not decompress to JSON'],
    [wire([1, 2]), 'its content is malformed: not an object'],
    [wire({ v: 2 }), 'its content is malformed: wrong version field'],
    [
      wire({ v: 1, o: ['ok'], s: ['abcdefgh'], p: { 'linux-x64': 'aa' } }),
      'bad outcomes for linux-x64',
    ],
    [
      wire({ v: 1, o: ['ok'], s: ['abcdefgh'], p: { 'linux-x64': 'b' } }),
      'bad outcomes for linux-x64',
    ],
    [wire({ v: 1, o: ['<img src=x>'], s: [], p: {} }), 'bad outcome table'],
    [wire({ v: 1, o: [], s: [], p: { '../../x': '' } }), 'bad platform id'],
    [wire({ v: 1, sha: 'main; rm -rf', o: [], s: [], p: {} }), 'sha is not a commit id'],
    [`v1.${'A'.repeat(100_001)}`, 'it is too long'],
  ])('refuses %j with a reason instead of throwing', (token, why) => {
    const decoded = decodeDigest(token)
    expect(decoded).toHaveProperty('problem')
    expect((decoded as { problem: string }).problem).toContain(why)
  })

  it('refuses a zip bomb without inflating it all', () => {
    const bomb = `v1.${deflateRawSync(Buffer.alloc(50_000_000, 0x20)).toString('base64url')}`
    expect((decodeDigest(bomb) as { problem: string }).problem).toMatch(/does not decompress/)
  })
})

describe('marker', () => {
  it('ends our comment, is found for its key only, and carries the digest', () => {
    const report = buildReport(threeOs())
    const body = renderComment(report, { key: 'nightly' })
    expect(body.trimEnd().endsWith(commentMarker('nightly'))).toBe(true)
    expect(hasCommentMarker(body, 'nightly')).toBe(true)
    expect(hasCommentMarker(body, 'default')).toBe(false)
    expect(readDigest(body)).toEqual({ digest: digestOf(report) })
  })

  it('still reads a comment someone saved from the web editor, with CRLF line ends', () => {
    const report = buildReport(threeOs())
    const body = renderComment(report).replace(/\n/g, '\r\n')
    expect(hasCommentMarker(body, 'default')).toBe(true)
    expect(readDigest(body)).toEqual({ digest: digestOf(report) })
  })

  it('refuses a key that could break out of the HTML comment', () => {
    expect(() => commentMarker('x --> <img>')).toThrow(
      /comment key "x --> <img>" must be 1 to 64 letters/,
    )
  })

  it('reads the digest only from the trailer, so a forged line earlier in the body is ignored', () => {
    const forged =
      `<!-- bind-probe:digest ${wire({ v: 1, o: [], s: [], p: {} })} -->\n` +
      'someone else wrote this'
    expect(readDigest(forged)).toEqual({
      problem: 'the comment does not end with a bind-probe marker',
    })
    expect(readDigest(`text\n${commentMarker('default')}`)).toEqual({ absent: true })
  })
})

describe('changes since the previous report', () => {
  it('is a first run without an earlier comment, and nothing changed against an identical one', () => {
    expect(buildReport(threeOs()).changes).toMatchObject({ status: 'first-run', any: false })
    const previousComment = renderComment(buildReport(threeOs()))
    expect(buildReport({ ...threeOs(), previousComment }).changes).toEqual({
      status: 'compared',
      since: CONTEXT.headSha,
      cells: [],
      platformsAdded: [],
      platformsRemoved: [],
      cellsStarted: 0,
      cellsStopped: 0,
      findings: { added: 0, fixed: 0 },
      any: false,
    })
  })

  it('counts results measured in one run and not in the other as changes', () => {
    const fewer = threeOs()
    const linux = fewer.artifacts[0]!.content as PlatformResult
    const dropped = linux.scenarios.splice(0, 2) // the earlier run did not measure these two
    const previousComment = renderComment(buildReport(fewer))
    linux.scenarios.unshift(...dropped)
    const later = buildReport({ ...fewer, previousComment })
    expect(later.changes).toMatchObject({ cellsStarted: 2, cellsStopped: 0, any: true })
    linux.scenarios.splice(0, 3)
    const fewerStill = buildReport({ ...fewer, previousComment })
    expect(fewerStill.changes).toMatchObject({ cellsStarted: 0, cellsStopped: 1, any: true })
  })

  it('names changed outcomes, flaky transitions, platforms gone or new, and findings added or fixed', () => {
    const report = buildReport(eventful())
    expect(report.changes.status).toBe('compared')
    expect(report.changes.since).toBe('9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807')
    expect(report.changes.cells).toEqual([
      {
        scenario: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
        platform: 'linux-x64-synthetic',
        before: { outcome: 'ok', flaky: false },
        after: { outcome: 'EADDRINUSE', flaky: false },
      },
      {
        scenario: 'tcp4-timewait-rebind-reuseaddr-both',
        platform: 'macos-arm64-synthetic',
        before: { outcome: 'ok', flaky: false },
        after: { outcome: 'ok', flaky: true },
      },
      {
        scenario: 'udp4-reuseport-both-dup-loopback',
        platform: 'macos-arm64-synthetic',
        before: { outcome: 'ok', flaky: false },
        after: { outcome: 'probe-error', flaky: false },
      },
    ])
    expect(report.changes.findings).toEqual({ added: 2, fixed: 0 })
    expect(report.changes.any).toBe(true)

    const windowsOnly = buildReport({
      artifacts: [{ name: 'w', content: fixture('synthetic-windows-x64') }],
      previousComment: renderComment(buildReport(threeOs())),
    })
    expect(windowsOnly.changes.platformsRemoved).toEqual([
      'linux-x64-synthetic',
      'macos-arm64-synthetic',
    ])
    expect(windowsOnly.changes.platformsAdded).toEqual([])
  })

  it('ignores a damaged digest with a note, and still builds the report', () => {
    const good = renderComment(buildReport(threeOs()))
    const damaged = good.replace(/(<!-- bind-probe:digest v1\.)(\S{10})/, '$1AAAAAAAAAA')
    const report = buildReport({ ...threeOs(), previousComment: damaged })
    expect(report.changes.status).toBe('unreadable')
    expect(report.changes.note).toMatch(
      /^the previous comment's digest was ignored: it does not decompress to JSON/,
    )
    expect(report.platforms).toHaveLength(3)
    const rendered = renderComment(report)
    expect(rendered).toContain('Changes since the previous report are not shown')
  })
})
