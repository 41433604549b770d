// Builds custom scenarios for tests, in the catalogue's own format.
import type { Scenario } from '../../src/probe/model.ts'
import { compileScenario, type CompiledScenario } from '../../src/probe/compile.ts'

export function customScenario(
  id: string,
  steps: string[],
  extra: Partial<Scenario> = {},
): Scenario {
  const cell = { confidence: 'unknown' as const, sources: [] }
  return {
    id,
    section: 'Custom',
    title: id,
    steps,
    expect: { linux: cell, macos: cell, windows: cell },
    ...extra,
  }
}

export function compiled(id: string, steps: string[]): CompiledScenario {
  return compileScenario(customScenario(id, steps))
}
