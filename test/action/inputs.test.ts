// The action's inputs: unset ones defer to the policy, bad ones are named with what they accept.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError, readInputs } from '../../src/action/inputs.ts'

const read = (given: Record<string, string>) => readInputs((name) => given[name] ?? '')

describe('readInputs', () => {
  it('leaves the comment key and mode, the check name and the template to the policy when unset', () => {
    const inputs = read({})
    expect(inputs).toMatchObject({ mode: 'all', repeat: 1, scan: 'changed', dryRun: false })
    expect(inputs).toMatchObject({ configPath: '.github/bind-probe.yml', configGiven: false })
    expect(read({ config: '.github/bind-probe.yaml' })).toMatchObject({ configGiven: true })
    expect(inputs.commentMode).toBeUndefined()
    expect(inputs.commentKey).toBeUndefined()
    expect(inputs.checkName).toBeUndefined()
    expect(inputs.template).toBeUndefined()
  })

  it('reads lists, numbers, flags and the interpreter command', () => {
    const inputs = read({
      'comment-mode': 'changes',
      'comment-key': 'nightly',
      repeat: '20',
      only: 'a-1, b-2,c-3',
      'expected-platforms': 'linux-x64\nwindows-x64',
      python: 'py -3',
      'dry-run': 'True',
    })
    expect(inputs).toMatchObject({
      commentMode: 'changes',
      commentKey: 'nightly',
      repeat: 20,
      only: ['a-1', 'b-2', 'c-3'],
      expectedPlatforms: ['linux-x64', 'windows-x64'],
      python: ['py', '-3'],
      dryRun: true,
    })
  })

  it('takes a python input that names an existing file as one path, spaces and all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'Program Files '))
    const python = join(dir, 'python.exe')
    writeFileSync(python, '')
    expect(read({ python }).python).toEqual([python])
  })

  it.each([
    [{ mode: 'everything' }, 'input "mode" must be one of probe, report, all, not "everything"'],
    [
      { 'comment-mode': 'sometimes' },
      'input "comment-mode" must be one of always, changes, failures, off',
    ],
    [{ repeat: '0' }, 'input "repeat" must be a whole number from 1 to 1000, not "0"'],
    [{ 'dry-run': 'yes' }, 'input "dry-run" must be true or false, not "yes"'],
    [{ label: 'Big Label' }, 'input "label" must be lower-case letters'],
    [{ 'comment-key': 'a b' }, 'input "comment-key" must be 1–64 letters'],
    [
      { 'expected-platforms': 'linux-x64, ubuntu-latest' },
      'input "expected-platforms": "ubuntu-latest" is a runner label, not a platform id; platform ids name the OS and architecture the probe found, such as linux-x64 or linux-arm64',
    ],
    [{ 'expected-platforms': 'Linux-X64' }, 'did you mean "linux-x64"?'],
    [{ 'recreate-comment': 'true', 'hide-previous-comment': 'true' }, 'cannot both be true'],
  ])('rejects %j', (given, message) => {
    expect(() => read(given)).toThrow(InputError)
    expect(() => read(given)).toThrow(message)
  })
})
