// One vocabulary of assertions: a free-port helper the test expects to fail hands out no port,
// whichever assertion library says so.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a free-port helper expected to throw', () => {
  it('is no race under assert.rejects or a toThrow matcher; the helper whose port is bound is', async () => {
    const test = [
      "const { test } = require('node:test')",
      "const assert = require('node:assert')",
      "const net = require('node:net')",
      "const { findFreePort } = require('./helpers')",
      '',
      "test('fails when every port is held', async () => {",
      '  await assert.rejects(findFreePort({ from: 9000, to: 9001 }))',
      '})',
      '',
      "test('fails when told no ports', () => {",
      '  expect(() => findFreePort({ from: 1, to: 0 })).toThrow()',
      '})',
      '',
      "test('serves on a free port', async () => {",
      '  const port = await findFreePort()',
      '  net.createServer().listen(port)',
      '})',
    ].join('\n')
    expect(await linesOf({ 'test/ports.test.js': test }, 'PORT002')).toEqual([15])
  })
})
