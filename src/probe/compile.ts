// Checks a scenario and parses its steps once, so that a mistake in the catalogue or in a user's
// custom scenario is reported before any socket opens, with the scenario and step it is in.
import { bindsUnheldPort } from './attribution.ts'
import type { DriverName, Scenario } from './model.ts'
import { OS_FAMILIES } from './model.ts'
import type { Op, ParsedStep } from './steps.ts'
import {
  MAX_SLEEP_MS,
  MAX_WAIT_MS,
  NODE_ONLY_OPS,
  OP_TIMEOUT_MS,
  StepSyntaxError,
  parseStep,
} from './steps.ts'

export interface CompiledScenario {
  scenario: Scenario
  steps: ParsedStep[]
  driver: DriverName
  /** Index of the `=>` step. */
  recorded: number
  /** Records numbers (ephemeral ports) rather than an outcome to compare. */
  measurement: boolean
  runAlone: boolean
}

export class ScenarioError extends Error {
  override name = 'ScenarioError'
}

export const SCENARIO_ID = /^[a-z0-9][a-z0-9.-]{0,79}$/

const NODE_DRIVER_OPS: ReadonlySet<Op['op']> = new Set([
  'net.listen',
  'dgram.bind',
  'close',
  'sleep',
])

export function compileScenario(scenario: Scenario): CompiledScenario {
  const where = `scenario "${scenario.id}"`
  const fail = (why: string): never => {
    throw new ScenarioError(`${where}: ${why}`)
  }
  if (!SCENARIO_ID.test(scenario.id)) {
    fail('ids are lower-case letters, digits, dots and dashes (at most 80)')
  }
  if (!scenario.title?.trim()) fail('needs a one-line title')
  if (!Array.isArray(scenario.steps) || scenario.steps.length === 0) fail('has no steps')

  const steps = scenario.steps.map((line, i) => {
    try {
      return parseStep(line)
    } catch (error) {
      if (error instanceof StepSyntaxError) fail(`step ${i + 1}: ${error.message}`)
      throw error
    }
  })

  const recordedAt = steps.flatMap((s, i) => (s.recorded ? [i] : []))
  if (recordedAt.length !== 1) {
    fail(`mark exactly one step with "=>" (found ${recordedAt.length})`)
  }
  const sleeps = steps.flatMap(({ op }, i) => (op.op === 'sleep' ? [{ ms: op.ms, at: i + 1 }] : []))
  const slept = sleeps.reduce((sum, { ms }) => sum + ms, 0)
  if (slept > MAX_SLEEP_MS) {
    fail(
      `its sleeps (steps ${sleeps.map((s) => s.at).join(', ')}) add up to ${slept} ms; ` +
        `a scenario sleeps at most ${MAX_SLEEP_MS} ms in all`,
    )
  }
  const blocking = steps.filter(({ op }) => op.op === 'connect' || op.op === 'accept').length
  const wait = slept + blocking * OP_TIMEOUT_MS
  if (wait > MAX_WAIT_MS) {
    fail(
      `its sleeps (${slept} ms) and ${blocking} connect/accept steps (${OP_TIMEOUT_MS} ms each) ` +
        `may wait ${wait} ms; a scenario waits at most ${MAX_WAIT_MS} ms in all`,
    )
  }
  const driver: DriverName = steps.some((s) => NODE_ONLY_OPS.has(s.op.op)) ? 'node' : 'python'
  checkSockets(steps, driver, fail)

  for (const os of OS_FAMILIES) {
    const cell = scenario.expect?.[os]
    if (!cell) fail(`has no expectation for ${os}`)
    if (cell!.step !== undefined && !steps.some((s) => s.text === cell!.step)) {
      fail(`the ${os} expectation names step "${cell!.step}", which is not one of its steps`)
    }
  }

  const measurement = steps.some((s) => s.op.op === 'ephemeral')
  return {
    scenario,
    steps,
    driver,
    recorded: recordedAt[0]!,
    measurement,
    runAlone: measurement || scenario.runAlone === true || bindsUnheldPort(steps.map((s) => s.op)),
  }
}

/** Every socket is made before it is used, and the port P is known before it is needed. */
function checkSockets(steps: ParsedStep[], driver: DriverName, fail: (why: string) => never) {
  const open = new Set<string>()
  let havePort = false
  steps.forEach(({ op, text }, i) => {
    const at = `step ${i + 1} ("${text}")`
    if (driver === 'node' && !NODE_DRIVER_OPS.has(op.op)) {
      fail(`${at}: "${op.op}" cannot be mixed with net.listen and dgram.bind`)
    }
    const used = 'to' in op ? op.to : undefined
    if (used?.port === 'P' && !havePort) fail(`${at}: uses port P before a bind to port 0`)
    switch (op.op) {
      case 'socket':
      case 'net.listen':
      case 'dgram.bind':
        open.add(op.sock)
        break
      case 'accept':
        if (!open.has(op.sock)) fail(`${at}: socket ${op.sock} is used before it is made`)
        open.add(op.as)
        break
      case 'sleep':
      case 'ephemeral':
        break
      default:
        if (!open.has(op.sock)) fail(`${at}: socket ${op.sock} is used before it is made`)
    }
    if (
      used?.port === 0 &&
      (op.op === 'bind' || op.op === 'net.listen' || op.op === 'dgram.bind')
    ) {
      havePort = true
    }
  })
}
