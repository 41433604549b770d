// Linux variants made with network namespaces: the same kernel with other sysctls. In a namespace
// with net.ipv6.bindv6only=1, an IPv6 socket left at the default no longer covers IPv4, so the
// dual-stack default scenario changes outcome, and the recorded sysctl says why.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { PlatformResult } from '../../src/probe/model.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

function namespaceProblem(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces are a Linux feature'
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8' })
  if (probe.error) return `unshare is not available (${probe.error.message})`
  if (probe.status !== 0) return `cannot make a network namespace here: ${probe.stderr.trim()}`
  return undefined
}

/** Runs the probe CLI inside a fresh network namespace after applying the sysctls. */
function probeInNamespace(sysctls: Record<string, string>, args: string[]): PlatformResult {
  const set = Object.entries(sysctls)
    .map(([k, v]) => `sysctl -qw ${k}='${v}'`)
    .join(' && ')
  const script = `ip link set lo up && ${set} && exec "$0" "$@"`
  const run = spawnSync(
    'unshare',
    ['-n', 'sh', '-c', script, process.execPath, CLI, 'probe', '--format', 'json', ...args],
    { encoding: 'utf8', timeout: 60_000 },
  )
  if (run.status !== 0) throw new Error(`probe in namespace failed (${run.status}): ${run.stderr}`)
  return JSON.parse(run.stdout) as PlatformResult
}

const problem = namespaceProblem()
if (problem) console.log(`skipping the network-namespace tests: ${problem}`)

describe.skipIf(problem !== undefined)('the probe in Linux network namespaces', () => {
  const only = [
    '--only',
    'tcp6-default-v6only-then-tcp4-wildcard,tcp6-dualstack-then-tcp4-wildcard',
  ]

  it('changes the dual-stack default outcome with net.ipv6.bindv6only=1, and records why', () => {
    const dual = probeInNamespace({ 'net.ipv6.bindv6only': '0' }, [
      ...only,
      '--label',
      'bindv6only0',
    ])
    const v6only = probeInNamespace({ 'net.ipv6.bindv6only': '1' }, [
      ...only,
      '--label',
      'bindv6only',
    ])
    const scenario = (r: PlatformResult) =>
      r.scenarios.find((s) => s.id === 'tcp6-default-v6only-then-tcp4-wildcard')!

    expect(dual.platform.settings['net.ipv6.bindv6only']).toBe('0')
    expect(scenario(dual)).toMatchObject({ outcome: 'EADDRINUSE', step: 'B bind any4:P' })
    expect(scenario(dual).trace[1]).toMatchObject({ step: 'A getsockopt IPV6_V6ONLY', value: 0 })

    expect(v6only.platform.id).toBe(`linux-${process.arch}-bindv6only`)
    expect(v6only.platform.settings['net.ipv6.bindv6only']).toBe('1')
    expect(scenario(v6only)).toMatchObject({ outcome: 'ok' })
    expect(scenario(v6only).trace[1]).toMatchObject({ value: 1 })

    // Setting IPV6_V6ONLY=0 explicitly restores dual stack whatever the sysctl says.
    const explicit = v6only.scenarios.find((s) => s.id === 'tcp6-dualstack-then-tcp4-wildcard')!
    expect(explicit.outcome).toBe('EADDRINUSE')
  })

  it('keeps bind(0) inside a narrowed net.ipv4.ip_local_port_range, as recorded', () => {
    const narrow = probeInNamespace({ 'net.ipv4.ip_local_port_range': '40000 40099' }, [
      '--only',
      'tcp4-ephemeral-repeat-distribution',
      '--label',
      'narrow-ports',
    ])
    expect(narrow.platform.ephemeralPortRange).toEqual({ low: 40000, high: 40099 })
    const m = narrow.scenarios[0]!.metrics!
    expect(m.min).toBeGreaterThanOrEqual(40000)
    expect(m.max).toBeLessThanOrEqual(40099)
    expect(m.inRange).toBe(1)
  })
})
