// Reading addresses, ports and address families out of literals; settings validation.
import { describe, expect, it } from 'vitest'
import { checkSettings, SettingsError } from '../../src/scan/settings.ts'
import { familyOf, parseAddress } from '../../src/scan/values.ts'
import { parseInteger, unquote } from '../../src/scan/literals.ts'

describe('parseAddress', () => {
  it.each([
    [':8080', { host: '', port: '8080' }],
    ['127.0.0.1:0', { host: '127.0.0.1', port: '0' }],
    ['[::1]:9000', { host: '::1', port: '9000' }],
    ['http://localhost:3000/api', { host: 'localhost', port: '3000' }],
    ['ws://user@127.0.0.1:81/x', { host: '127.0.0.1', port: '81' }],
    ['http://example.org/', { host: 'example.org' }],
    ['::1', { host: '::1' }],
  ])('%s', (text, expected) => {
    expect(parseAddress(text)).toEqual(expected)
  })

  it('is undefined for text that is no address', () => {
    expect(parseAddress('hello world')).toBeUndefined()
  })
})

describe('familyOf', () => {
  it.each([
    ['127.0.0.1', 'v4'],
    ['0.0.0.0', 'v4'],
    ['', 'v4'],
    ['IPAddress.Loopback', 'v4'],
    ['socket.INADDR_ANY', 'v4'],
    ['Ipv4Addr::LOCALHOST', 'v4'],
    ['::1', 'v6'],
    ['[::]', 'v6'],
    ['IPAddress.IPv6Any', 'v6'],
    ['Ipv6Addr::LOCALHOST', 'v6'],
    ['localhost', 'localhost'],
    ['example.org', 'unknown'],
  ] as const)('%s is %s', (host, family) => {
    expect(familyOf(host)).toBe(family)
  })

  it('is unknown without a host', () => {
    expect(familyOf(undefined)).toBe('unknown')
  })

  it.each([
    ['::', 'js', undefined, 'any'],
    ['[::]', 'go', 'tcp', 'any'],
    ['', 'go', 'tcp', 'any'],
    ['0.0.0.0', 'go', 'tcp', 'any'],
    ['', 'go', 'tcp4', 'v4'],
    ['::', 'go', 'tcp6', 'v6'],
    ['::', 'java', undefined, 'any'],
    ['::', 'python', undefined, 'v6'],
    ['', 'python', undefined, 'v4'],
    ['IPAddress.IPv6Any', 'csharp', undefined, 'v6'],
    ['::1', 'js', undefined, 'v6'],
  ] as const)('%j in %s (%s) is %s', (host, language, network, family) => {
    expect(familyOf(host, language, network)).toBe(family)
  })
})

describe('literals', () => {
  it.each([
    ['8080', 8080],
    ['0x1F90', 8080],
    ['8_080', 8080],
    ['8080u16', 8080],
    ['8080L', 8080],
  ])('integer %s', (text, value) => {
    expect(parseInteger(text)).toBe(value)
  })

  it.each([
    ['"a:1"', 'a:1'],
    ["'a'", 'a'],
    ['f"http://localhost:{port}/"', 'http://localhost:{port}/'],
    ['`http://localhost:${port}/`', 'http://localhost:{}/'],
    ['r#"raw"#', 'raw'],
    ['$"http://localhost:{port}"', 'http://localhost:{port}'],
    ['"""doc"""', 'doc'],
  ])('string %s', (text, value) => {
    expect(unquote(text)).toBe(value)
  })
})

describe('checkSettings', () => {
  it('accepts the documented keys', () => {
    const settings = {
      ignorePaths: ['vendor/**'],
      allowedHelpers: ['freeport.Take'],
      disableRules: ['PORT005'],
      testPaths: ['qa/**'],
      maxFileBytes: 2048,
    }
    expect(checkSettings(settings)).toEqual(settings)
    expect(checkSettings(undefined)).toEqual({})
  })

  it.each([
    [[], /expected a mapping, got a list/],
    [{ ignore: ['x'] }, /unknown key "ignore"/],
    [{ ignorePaths: 'vendor/**' }, /ignorePaths must be a list of non-empty strings/],
    [{ disableRules: ['PORT042'] }, /disableRules has unknown rule PORT042/],
    [{ maxFileBytes: -1 }, /maxFileBytes must be a positive whole number/],
  ])('rejects %j, saying where', (input, message) => {
    expect(() => checkSettings(input, '.github/bind-probe.yml scan')).toThrow(SettingsError)
    expect(() => checkSettings(input, '.github/bind-probe.yml scan')).toThrow(
      new RegExp(`^\\.github/bind-probe\\.yml scan: ${message.source}`),
    )
  })
})
