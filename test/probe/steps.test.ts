// The step language: what each line means, and the message a mistake gets.
import { describe, expect, it } from 'vitest'
import { compileScenario, ScenarioError } from '../../src/probe/compile.ts'
import { parseStep, StepSyntaxError } from '../../src/probe/steps.ts'
import { customScenario } from '../helpers/scenarios.ts'

describe('parseStep', () => {
  it('reads socket creation, options and binds with the port P', () => {
    expect(parseStep('A = socket tcp6').op).toEqual({ op: 'socket', sock: 'A', kind: 'tcp6' })
    expect(parseStep('B setsockopt SO_REUSEADDR 1').op).toEqual({
      op: 'setsockopt',
      sock: 'B',
      option: 'SO_REUSEADDR',
      value: 1,
      ifSupported: false,
    })
    expect(parseStep('T setsockopt? SO_EXCLUSIVEADDRUSE 1').op).toMatchObject({ ifSupported: true })
    const bind = parseStep('=> B bind any4:P')
    expect(bind.recorded).toBe(true)
    expect(bind.text).toBe('B bind any4:P')
    expect(bind.op).toEqual({
      op: 'bind',
      sock: 'B',
      to: { address: 'any4', host: '0.0.0.0', port: 'P' },
    })
  })

  it('reads accept, connect, sleep, measurements and the Node operations', () => {
    expect(parseStep('S = A accept').op).toEqual({ op: 'accept', sock: 'A', as: 'S' })
    expect(parseStep('C connect lo4:P').op).toMatchObject({
      op: 'connect',
      to: { host: '127.0.0.1' },
    })
    expect(parseStep('sleep 200').op).toEqual({ op: 'sleep', ms: 200 })
    expect(parseStep('sleep 5000').op).toEqual({ op: 'sleep', ms: 5000 })
    expect(parseStep('=> ephemeral udp4 lo4 x1').op).toMatchObject({ count: 1 })
    expect(parseStep('=> ephemeral udp4 lo4 x10000').op).toMatchObject({ count: 10_000 })
    expect(parseStep('=> ephemeral tcp4 lo4 x200').op).toEqual({
      op: 'ephemeral',
      kind: 'tcp4',
      host: '127.0.0.1',
      count: 200,
    })
    expect(parseStep('A = net.listen default:0 reusePort ipv6Only').op).toEqual({
      op: 'net.listen',
      sock: 'A',
      to: { address: 'default', host: undefined, port: 0 },
      flags: ['reusePort', 'ipv6Only'],
    })
    expect(parseStep('B = dgram.bind udp6 any6:P reuseAddr').op).toMatchObject({
      op: 'dgram.bind',
      kind: 'udp6',
      to: { host: '::', port: 'P' },
    })
  })

  it.each([
    ['A bnd lo4:0', /unknown operation "bnd"/],
    ['A bind lo9:0', /unknown address "lo9"/],
    ['A bind lo4:8080', /not an endpoint such as lo4:0/],
    ['A setsockopt SO_LINGER 1', /unknown option "SO_LINGER"/],
    ['A = socket sctp4', /unknown socket kind "sctp4"/],
    ['a bind lo4:0', /"a" is not a socket name/],
    ['A bind default:0', /"default" is only for net.listen/],
    ['A = net.listen lo4:0 fast', /unknown flag "fast"/],
    ['sleep soon', /milliseconds must be a whole number/],
    ['sleep 5001', /step "sleep 5001": a sleep lasts at most 5000 ms, not 5001/],
    ['A listen now', /expected 2 words, found 3/],
    ['=> ephemeral tcp4 lo4 x0', /sample count is from 1 to 10000, not 0/],
    ['=> ephemeral tcp4 lo4 x10001', /sample count is from 1 to 10000, not 10001/],
    ['=> ephemeral tcp4 lo4 200', /the sample count is written like x200/],
  ])('rejects %j with a message naming the problem', (line, message) => {
    expect(() => parseStep(line)).toThrow(StepSyntaxError)
    expect(() => parseStep(line)).toThrow(message)
  })
})

describe('a custom scenario with a bad step', () => {
  it('is a ScenarioError naming the scenario and the step, e.g. an ephemeral step of no draws', () => {
    const zero = customScenario('my-eph', ['=> ephemeral tcp4 lo4 x0'])
    expect(() => compileScenario(zero)).toThrow(ScenarioError)
    expect(() => compileScenario(zero)).toThrow(
      'scenario "my-eph": step 1: step "ephemeral tcp4 lo4 x0": the sample count is from 1 to 10000, not 0',
    )
  })
})
