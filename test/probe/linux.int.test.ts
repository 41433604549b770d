// The probe on this Linux machine, with real sockets: its outcomes must be what the kernel does.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { probe } from '../../src/probe/probe.ts'
import { resultProblems } from '../../src/probe/validate-result.ts'
import { judge } from '../../src/report/verdict.ts'

const onLinux = process.platform === 'linux'
const byId = new Map(CATALOGUE.map((s) => [s.id, s]))

describe.runIf(onLinux)('probing this Linux machine', async () => {
  const result = await probe()
  const outcome = (id: string) => result.scenarios.find((s) => s.id === id)!

  it('runs every scenario with both drivers and writes a valid PlatformResult', () => {
    expect(result.scenarios.map((s) => s.id)).toEqual(CATALOGUE.map((s) => s.id))
    expect(result.drivers.map((d) => [d.name, d.status]).sort()).toEqual([
      ['node', 'ok'],
      ['python', 'ok'],
    ])
    expect(resultProblems(result)).toEqual([])
    expect(result.platform.id).toBe(`linux-${process.arch}`)
  })

  it('agrees with plain socket calls made without bind-probe', () => {
    const direct = JSON.parse(
      execFileSync(
        'python3',
        [new URL('../fixtures/direct_bind_checks.py', import.meta.url).pathname],
        {
          encoding: 'utf8',
        },
      ),
    ) as Record<string, string>
    for (const [id, expected] of Object.entries(direct)) {
      expect(outcome(id).outcome, id).toBe(expected)
    }
  })

  it('shows the Linux semantics: bind-time reuse, listen-time conflict', () => {
    // Two SO_REUSEADDR sockets may share a port until one listens (inet_csk_bind_conflict).
    expect(outcome('tcp4-reuseaddr-both-dup-wildcard-nolisten').outcome).toBe('ok')
    expect(outcome('tcp4-reuseaddr-both-dup-second-listen')).toMatchObject({
      outcome: 'EADDRINUSE',
      step: 'B listen',
      raw: { name: 'EADDRINUSE', errno: 98 },
    })
    expect(outcome('tcp4-exclusive-then-default-loopback')).toMatchObject({
      outcome: 'unsupported',
      raw: { missingConstant: 'SO_EXCLUSIVEADDRUSE' },
    })
  })

  it('matches or confirms every Linux expectation in the catalogue', () => {
    const odd = result.scenarios
      .map((r) => ({
        id: r.id,
        outcome: r.outcome,
        step: r.step,
        verdict: judge(byId.get(r.id)!, r, 'linux').verdict,
      }))
      .filter((j) => !['matches', 'confirmed', 'measurement'].includes(j.verdict))
    expect(odd).toEqual([])
  })

  it('measures bind(0) inside the recorded ephemeral range', () => {
    const m = outcome('tcp4-ephemeral-repeat-distribution').metrics!
    expect(m.samples).toBe(200)
    expect(m.inRange).toBe(1)
    expect(m.min).toBeGreaterThanOrEqual(result.platform.ephemeralPortRange!.low)
  })
})

describe.runIf(onLinux)('repeats on this Linux machine', () => {
  it('runs each scenario N times on fresh ports and counts the outcomes', async () => {
    const result = await probe({
      only: [
        'tcp4-dup-loopback-default',
        'tcp4-reuseaddr-both-dup-loopback-nolisten',
        'node-udp-dup-default',
      ],
      repeat: 20,
    })
    for (const s of result.scenarios) {
      expect(s.runs, s.id).toBe(20)
      expect(
        s.counts.reduce((n, c) => n + c.count, 0),
        s.id,
      ).toBe(20)
      // The kernel answers these deterministically: a flaky mark here would be a probe bug.
      expect(s.flaky, s.id).toBe(false)
    }
    const ports = new Set(
      result.scenarios[0]!.trace.filter((t) => t.value !== undefined).map((t) => t.value),
    )
    expect(ports.size).toBe(1) // A's port is the P that B tried
  })
})
