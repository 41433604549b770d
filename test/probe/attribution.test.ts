// Whose socket made a bind or listen fail: the control that replays the failing socket alone.
import { describe, expect, it } from 'vitest'
import { bindsUnheldPort, controlFor, takenByAnother } from '../../src/probe/attribution.ts'
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { compileScenario } from '../../src/probe/compile.ts'
import type { StepReply } from '../../src/probe/drivers/driver.ts'
import { compiled as custom } from '../helpers/scenarios.ts'

const compiled = (id: string) => compileScenario(CATALOGUE.find((s) => s.id === id)!)
const ok = (value?: number): StepReply => (value === undefined ? { ok: true } : { ok: true, value })
const inUse: StepReply = { ok: false, error: { name: 'EADDRINUSE', errno: 98 } }

describe('controlFor', () => {
  // A = socket, A SO_REUSEADDR, A bind lo4:0, A listen, B = socket, B SO_REUSEADDR, => B bind lo4:P
  const scenario = compiled('tcp4-reuseaddr-bind-while-listening')

  it('replays the recorded socket alone on P, named outright', () => {
    const replies = [ok(), ok(), ok(43000), ok(), ok(), ok(), inUse]
    const control = controlFor(scenario, replies, 6, 'EADDRINUSE')
    expect(control?.port).toBe(43000)
    expect(control?.ops.map((op) => op.op)).toEqual(['socket', 'setsockopt', 'bind'])
    expect(control?.ops.at(-1)).toMatchObject({ sock: 'B', to: { port: 43000 } })
  })

  it('replays the socket that drew P when its listen fails (another program bound P meanwhile)', () => {
    const replies = [ok(), ok(), ok(43000), inUse]
    const control = controlFor(scenario, replies, 3, 'EADDRINUSE')
    expect(control?.ops.map((op) => op.op)).toEqual(['socket', 'setsockopt', 'bind', 'listen'])
    expect(control?.ops[2]).toMatchObject({ sock: 'A', to: { port: 43000 } })
  })

  it('has none when P was never drawn, or for an error no other program causes', () => {
    expect(controlFor(scenario, [ok(), ok(), inUse], 2, 'EADDRINUSE')).toBeUndefined()
    const denied: StepReply = { ok: false, error: { name: 'EACCES', errno: 13 } }
    expect(controlFor(scenario, [ok(), ok(), ok(43000), denied], 3, 'EACCES')).toBeUndefined()
  })
})

describe('Control.exposed: whether only another program could have made the conflict', () => {
  it('is false where another of the scenario’s sockets holds the failing address', () => {
    const scenario = compiled('tcp4-reuseaddr-bind-while-listening')
    const replies = [ok(), ok(), ok(43000), ok(), ok(), ok(), inUse]
    expect(controlFor(scenario, replies, 6, 'EADDRINUSE')?.exposed).toBe(false)
  })

  it('is true on an address or family the scenario never held, and for the socket that drew P', () => {
    // A = socket tcp6, A IPV6_V6ONLY 1, A bind any6:0, B = socket tcp4, => B bind any4:P
    const v6only = compiled('tcp6-v6only-then-tcp4-wildcard')
    const replies = [ok(), ok(), ok(43000), ok(), inUse]
    expect(controlFor(v6only, replies, 4, 'EADDRINUSE')?.exposed).toBe(true)
    const listening = compiled('tcp4-reuseaddr-bind-while-listening')
    expect(controlFor(listening, [ok(), ok(), ok(43000), inUse], 3, 'EADDRINUSE')?.exposed).toBe(
      true,
    )
  })
})

describe('Control.exposed with a socket name made again after close', () => {
  it('reads the socket the name stands for at the failure, not its first one', () => {
    const scenario = custom('name-reused', [
      'A = socket tcp4',
      'A bind lo4:0',
      'A listen',
      'B = socket tcp4',
      'B bind lo4b:P',
      'B close',
      'B = socket tcp4',
      '=> B bind lo4:P',
    ])
    const replies = [ok(), ok(43000), ok(), ok(), ok(), ok(), ok(), inUse]
    // The second B binds lo4:P, where A listens: the scenario's own conflict.
    expect(controlFor(scenario, replies, 7, 'EADDRINUSE')?.exposed).toBe(false)
  })
})

describe('takenByAnother', () => {
  it('is the control’s first failure being a conflict, at the bind or at the listen', () => {
    expect(takenByAnother([ok(), ok(), inUse])).toBe(true)
    expect(takenByAnother([ok(), ok(), ok(43000), inUse])).toBe(true)
    expect(takenByAnother([ok(), ok(), ok(43000), ok()])).toBe(false)
    expect(takenByAnother([ok(), { ok: false, error: { name: 'EACCES' } }])).toBe(false)
  })
})

describe('bindsUnheldPort: scenarios that run alone', () => {
  const binds = (id: string) => bindsUnheldPort(compiled(id).steps.map((s) => s.op))

  it('is true where a socket binds P on an address the scenario never held', () => {
    // Another scenario's IPv6-only socket may have drawn the same P and bound 0.0.0.0:P too.
    expect(binds('tcp6-v6only-then-tcp4-wildcard')).toBe(true)
    expect(binds('tcp4-loopback-then-wildcard-default')).toBe(true)
    expect(compiled('tcp6-v6only-then-tcp4-wildcard').runAlone).toBe(true)
  })

  it('is false where every bind to P is beside a socket of its own on the same address', () => {
    expect(binds('tcp4-reuseaddr-both-dup-second-listen')).toBe(false)
    expect(compiled('tcp4-reuseaddr-both-dup-second-listen').runAlone).toBe(false)
  })
})
