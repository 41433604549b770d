// The built-in catalogue: every §9 scenario of the semantics reference is there, with the same
// ids and steps, and every entry is well formed.
import { existsSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' }
import { CATALOGUE } from '../../src/probe/catalogue/index.ts'
import { compileScenario } from '../../src/probe/compile.ts'
import { OS_FAMILIES } from '../../src/probe/model.ts'
import { customScenario } from '../helpers/scenarios.ts'

const SEMANTICS = new URL('../../../shared/reference/semantics.md', import.meta.url)

/** The 45 ids of §9, as the reference lists them; kept here so the test runs without it. */
const SECTION_9_IDS = [
  'tcp4-dup-loopback-default',
  'tcp4-dup-wildcard-default',
  'tcp4-wildcard-then-loopback-default',
  'tcp4-loopback-then-wildcard-default',
  'tcp4-two-loopback-addrs-default',
  'tcp4-reuseaddr-both-dup-loopback-nolisten',
  'tcp4-reuseaddr-both-dup-wildcard-nolisten',
  'tcp4-reuseaddr-both-dup-first-listen',
  'tcp4-reuseaddr-both-dup-second-listen',
  'tcp4-reuseaddr-bind-while-listening',
  'tcp4-reuseaddr-second-only-dup-loopback',
  'tcp4-reuseaddr-second-only-wildcard-listening',
  'tcp4-reuseaddr-wildcard-listening-then-loopback',
  'tcp4-reuseaddr-loopback-listening-then-wildcard',
  'tcp4-reuseaddr-wildcard-then-loopback-nolisten',
  'tcp4-reuseaddr-first-only-wildcard-then-loopback',
  'tcp4-reuseaddr-second-only-wildcard-then-loopback',
  'tcp-reuseport-option-availability',
  'tcp4-reuseport-both-dup-bind',
  'tcp4-reuseport-both-dup-listen',
  'tcp4-reuseport-first-only',
  'tcp4-reuseport-second-only',
  'tcp4-exclusive-then-reuseaddr-loopback',
  'tcp4-exclusive-then-default-loopback',
  'tcp4-exclusive-wildcard-then-default-loopback',
  'tcp4-exclusive-loopback-then-default-wildcard',
  'tcp4-default-loopback-then-exclusive-wildcard',
  'tcp4-timewait-rebind-default',
  'tcp4-timewait-rebind-reuseaddr-both',
  'tcp4-timewait-rebind-reuseaddr-new-only',
  'tcp4-timewait-rebind-exclusive',
  'tcp4-timewait-client-closes-first',
  'udp4-dup-loopback-default',
  'udp4-reuseaddr-both-dup-loopback',
  'udp4-reuseport-both-dup-loopback',
  'udp4-wildcard-then-loopback-default',
  'udp4-reuseaddr-both-multicast-addr',
  'udp4-exclusive-then-reuseaddr-loopback',
  'tcp6-default-v6only-then-tcp4-wildcard',
  'tcp6-dualstack-then-tcp4-wildcard',
  'tcp6-v6only-then-tcp4-wildcard',
  'tcp4-wildcard-then-tcp6-dualstack',
  'udp6-dualstack-then-udp4-wildcard',
  'tcp4-freeport-close-rebind',
  'tcp4-ephemeral-repeat-distribution',
]

const byId = new Map(CATALOGUE.map((s) => [s.id, s]))

describe('the scenario catalogue', () => {
  it('has every scenario of the semantics reference §9, in its order', () => {
    expect(SECTION_9_IDS).toHaveLength(45)
    const osIds = CATALOGUE.map((s) => s.id).filter((id) => !id.startsWith('node-'))
    expect(osIds).toEqual(SECTION_9_IDS)
  })

  it.runIf(existsSync(SEMANTICS))('agrees with the ids in the reference itself', () => {
    const text = readFileSync(SEMANTICS, 'utf8')
    const section9 = text.slice(
      text.indexOf('## 9. Scenario catalogue'),
      text.indexOf('## Sources'),
    )
    const ids = [...section9.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1])
    expect(ids).toEqual(SECTION_9_IDS)
  })

  it('keeps the 2008 case: two SO_REUSEADDR sockets, same wildcard port, no listen', () => {
    const s = byId.get('tcp4-reuseaddr-both-dup-wildcard-nolisten')!
    expect(s.steps).toEqual([
      'A = socket tcp4',
      'A setsockopt SO_REUSEADDR 1',
      'A bind any4:0',
      'B = socket tcp4',
      'B setsockopt SO_REUSEADDR 1',
      '=> B bind any4:P',
    ])
    expect(s.expect.linux).toMatchObject({ outcome: 'ok', confidence: 'documented' })
    expect(s.expect.macos).toMatchObject({ outcome: 'EADDRINUSE', confidence: 'documented' })
  })

  it('has unique ids, and every scenario compiles and matches the published schema', () => {
    expect(new Set(CATALOGUE.map((s) => s.id)).size).toBe(CATALOGUE.length)
    const validate = new Ajv2020({ strict: true }).compile(scenarioSchema)
    for (const scenario of CATALOGUE) {
      expect(() => compileScenario(scenario), scenario.id).not.toThrow()
      expect(validate(scenario), `${scenario.id}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('gives every cell a confidence, and sources for all but unknown ones', () => {
    const sources = readFileSync(
      new URL('../../docs/semantics-sources.md', import.meta.url),
      'utf8',
    )
    for (const scenario of CATALOGUE) {
      expect(scenario.title.length, scenario.id).toBeLessThanOrEqual(100)
      for (const os of OS_FAMILIES) {
        const cell = scenario.expect[os]
        if (cell.confidence === 'measured') expect(cell.measuredOn, scenario.id).toBeTruthy()
        if (cell.confidence !== 'unknown' && cell.confidence !== 'measured') {
          expect(cell.sources.length, `${scenario.id} ${os}`).toBeGreaterThan(0)
        }
        for (const key of cell.sources)
          expect(sources, `${scenario.id} cites ${key}`).toContain(`| ${key} |`)
      }
    }
  })

  it('runs the Node scenarios in the node driver and the rest in the python driver', () => {
    for (const scenario of CATALOGUE) {
      expect(compileScenario(scenario).driver, scenario.id).toBe(
        scenario.id.startsWith('node-') ? 'node' : 'python',
      )
    }
  })
})

describe('compileScenario', () => {
  const base = customScenario('custom-x', [])
  it.each([
    [['A = socket tcp4', 'A bind lo4:0'], /exactly one step with "=>" \(found 0\)/],
    [['A = socket tcp4', '=> A bind lo4:P'], /uses port P before a bind to port 0/],
    [['=> B bind lo4:0'], /socket B is used before it is made/],
    [['A = net.listen lo4:0', '=> B = socket tcp4'], /cannot be mixed with net.listen/],
    [['A = socket tcp4', '=> A bind lo4:0 now'], /step 2: step "A bind lo4:0 now"/],
    [
      ['=> sleep 9000'],
      /scenario "custom-x": step 1: step "sleep 9000": a sleep lasts at most 5000/,
    ],
    [
      ['sleep 3000', 'A = socket tcp4', '=> A bind lo4:0', 'sleep 2001'],
      /scenario "custom-x": its sleeps \(steps 1, 4\) add up to 5001 ms; a scenario sleeps at most 5000 ms in all/,
    ],
  ])('rejects %j', (steps, message) => {
    expect(() =>
      compileScenario({ ...base, steps: [...steps], expect: { ...base.expect } }),
    ).toThrow(message)
  })

  it('names the scenario and a bad expectation step', () => {
    expect(() =>
      compileScenario({
        ...base,
        steps: ['A = socket tcp4', '=> A bind lo4:0'],
        expect: {
          ...base.expect,
          linux: { confidence: 'inferred', sources: [], step: 'B bind lo4:P' },
        },
      }),
    ).toThrow('scenario "custom-x": the linux expectation names step "B bind lo4:P"')
  })
})
