// Every YAML example in docs/configuration.md is a policy that loads: the documentation cannot
// drift from the schema without a test failing.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/load.ts'
import { DEFAULT_CONFIG } from '../../src/config/model.ts'

const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8')
const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!)

describe('docs/configuration.md', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(10)
  })

  it.each(examples.map((text, i) => [i + 1, text]))('example %i loads', (_i, text) => {
    expect(() => loadConfig(text as string, 'docs/configuration.md')).not.toThrow()
  })

  it('states the defaults the code has', () => {
    const defaults = examples.find((text) => text.startsWith('platforms: []'))!
    expect(loadConfig(defaults, 'defaults.yml')).toEqual({
      ...DEFAULT_CONFIG,
      source: 'defaults.yml',
    })
  })
})
