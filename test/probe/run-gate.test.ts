// Controls have the host to themselves; scenario runs share it and are not starved by controls.
import { describe, expect, it } from 'vitest'
import { RunGate } from '../../src/probe/run-gate.ts'

/** A piece of work that logs its start and end and ends when told. */
function task(log: string[], name: string) {
  let end!: () => void
  const ended = new Promise<void>((resolve) => (end = resolve))
  const work = async () => {
    log.push(`${name} start`)
    await ended
    log.push(`${name} end`)
  }
  return { work, end }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('RunGate', () => {
  it('runs shared work side by side', async () => {
    const gate = new RunGate()
    const log: string[] = []
    const [a, b] = [task(log, 'a'), task(log, 'b')]
    const done = [gate.shared(a.work), gate.shared(b.work)]
    await settle()
    expect(log).toEqual(['a start', 'b start'])
    a.end()
    b.end()
    await Promise.all(done)
  })

  it('starts a control once the runs in flight end, and nothing beside it', async () => {
    const gate = new RunGate()
    const log: string[] = []
    const [run, control, later] = [task(log, 'run'), task(log, 'control'), task(log, 'later')]
    const done = [gate.shared(run.work), gate.alone(control.work), gate.shared(later.work)]
    await settle()
    expect(log).toEqual(['run start'])
    run.end()
    await settle()
    expect(log).toEqual(['run start', 'run end', 'control start'])
    control.end()
    await settle()
    expect(log.slice(3)).toEqual(['control end', 'later start'])
    later.end()
    await Promise.all(done)
  })

  it('lets the next work start when a piece of work fails', async () => {
    const gate = new RunGate()
    await expect(gate.alone(() => Promise.reject(new Error('driver died')))).rejects.toThrow(
      'driver died',
    )
    await expect(gate.shared(async () => 'ran')).resolves.toBe('ran')
  })
})
