// Another program's sockets on the host are not bind() semantics. tcp6-v6only-then-tcp4-wildcard
// takes its port P on an IPv6-only socket and then binds 0.0.0.0:P, a port the scenario never held
// for IPv4: any other IPv4 socket on P used to be recorded as the OS's EADDRINUSE, a false
// divergence that failed the default gate.
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import type { PlatformResult } from '../../src/probe/model.ts'
import { judge } from '../../src/report/verdict.ts'
import { namespaceProblem, probeOn } from './namespace.ts'

const EXPOSED = 'tcp6-v6only-then-tcp4-wildcard'
const GENUINE = 'tcp4-dup-loopback-default'
const only = ['--only', `${EXPOSED},${GENUINE}`]

const scenario = (result: PlatformResult, id: string) => result.scenarios.find((s) => s.id === id)!
const verdicts = (result: PlatformResult) =>
  result.scenarios.map(
    (r) =>
      judge(
        CATALOGUE.find((s) => s.id === r.id)!,
        r,
        'linux',
      ).verdict,
  )

const problem = namespaceProblem()
if (problem) console.log(`skipping the foreign-port fault tests: ${problem}`)

describe.skipIf(problem !== undefined)('ports held by another program', () => {
  it('every port of the ephemeral range held on 127.0.0.2: not measured, never EADDRINUSE', () => {
    // bind(0) on [::] can only draw a port that the other program holds for IPv4.
    const result = probeOn(
      {
        sysctls: { 'net.ipv4.ip_local_port_range': '40000 40099' },
        held: { host: '127.0.0.2', from: 40000, to: 40099 },
      },
      [...only, '--repeat', '5'],
    )
    const exposed = scenario(result, EXPOSED)
    expect(exposed.counts.map((c) => c.outcome)).toEqual(['skipped'])
    expect(exposed).toMatchObject({ cause: 'port-taken', retries: 15, foreignConflicts: 20 })
    expect(exposed.reason).toMatch(/^port 400\d\d was taken by another program/)
    // The scenario's own conflict is still measured as the OS's answer.
    expect(scenario(result, GENUINE)).toMatchObject({ outcome: 'EADDRINUSE', runs: 5 })
    expect(scenario(result, GENUINE).retries).toBeUndefined()
    expect(verdicts(result)).not.toContain('diverges')
  })

  it('1,000 of 1,024 ports held: a control never meets a run beside it on the port it rebinds', () => {
    // Sixteen runs at a time share 24 free ports. A control binds again the port its run just
    // closed; a run drawing that port meanwhile met the control's socket and counted it as its own
    // EADDRINUSE, at a step where none belongs (as in one CI run of the catalogue below).
    const id = 'tcp4-reuseaddr-both-dup-second-listen'
    const result = probeOn(
      {
        sysctls: { 'net.ipv4.ip_local_port_range': '40000 41023' },
        held: { host: '127.0.0.1', from: 40000, to: 40999 },
      },
      ['--only', id, '--repeat', '300'],
    )
    expect(scenario(result, id).counts).toEqual([
      { outcome: 'EADDRINUSE', step: 'B listen', count: 300 },
    ])
  })

  it('3,000 of 4,000 ports held on 0.0.0.0: the whole catalogue 20 times, no false divergence', () => {
    const result = probeOn(
      {
        sysctls: { 'net.ipv4.ip_local_port_range': '40000 43999' },
        held: { host: '0.0.0.0', from: 40000, to: 42999 },
      },
      ['--repeat', '20'],
    )
    expect(scenario(result, EXPOSED).counts.map((c) => c.outcome)).not.toContain('EADDRINUSE')
    expect(scenario(result, EXPOSED).foreignConflicts).toBeGreaterThan(0)
    expect(verdicts(result)).not.toContain('diverges')
    expect(verdicts(result)).not.toContain('refuted')
    // With their counts, so that a failure says what the other answer was.
    const flaky = result.scenarios.filter((r) => r.flaky)
    expect(flaky.map((r) => `${r.id}: ${JSON.stringify(r.counts)}`)).toEqual([])
  })
})
