// Compose files the tests bring up: which files count, which mappings fix a host port, and the
// scan's handling of them (suppression, changed lines, a file that does not parse).
import { describe, expect, it } from 'vitest'
import {
  composeFindings,
  hostPortMappings,
  isComposeFile,
  isTestCompose,
} from '../../src/scan/compose.ts'
import { RULE_IDS } from '../../src/scan/rules/catalogue.ts'
import { scan } from '../../src/scan/scan.ts'
import { grammars, writeTree } from './helpers.ts'

const ALL = new Set(RULE_IDS)

const SERVICES = `services:
  db:
    image: postgres:16
    ports:
      - "5432:5432"
      - "127.0.0.1::5433"
      - "5434"
      - 5435
      - "3000-3005"
  cache:
    image: redis
    ports:
      - "\${REDIS_PORT:-6379}:6379"
      - "\${OTHER_PORT}:6380"
      - "127.0.0.1:8001-8003:8001-8003"
      - "[::1]:9001:9001/udp"
  web:
    image: nginx
    ports:
      - target: 80
        published: 8080
        host_ip: 127.0.0.1
      - target: 81
        published: "0"
      - target: 82
  worker:
    image: busybox
`

describe('compose files', () => {
  it('are recognised by name, and count as test code by name or directory', () => {
    for (const path of ['docker-compose.yml', 'compose.yaml', 'ci/docker-compose.test.yml'])
      expect(isComposeFile(path)).toBe(true)
    for (const path of ['compose.json', 'docker-compose.yml.orig', 'my-compose.yml'])
      expect(isComposeFile(path)).toBe(false)
    for (const path of [
      'docker-compose.test.yml',
      'docker-compose-e2e.yaml',
      'compose.ci.yml',
      'tests/RedisConfigs/docker-compose.yml',
      'src/test/resources/compose.yaml',
    ])
      expect(isTestCompose(path)).toBe(true)
    for (const path of ['docker-compose.yml', 'deploy/compose.yaml', 'docker-compose.latest.yml'])
      expect(isTestCompose(path)).toBe(false)
    expect(isTestCompose('stack/docker-compose.yml', ['stack/**'])).toBe(true)
  })

  it('fix a host port in short and long syntax, ranges, IPv6 and variable defaults', () => {
    const found = hostPortMappings(SERVICES).mappings.map((m) => ({
      service: m.service,
      port: m.port,
      line: m.at.line,
      text: m.text,
      ...(m.range ? { range: m.range } : {}),
      ...(m.fromDefault ? { fromDefault: m.fromDefault } : {}),
    }))
    expect(found).toEqual([
      { service: 'db', port: 5432, line: 5, text: '"5432:5432"' },
      {
        service: 'cache',
        port: 6379,
        line: 13,
        text: '"${REDIS_PORT:-6379}:6379"',
        fromDefault: 'REDIS_PORT',
      },
      {
        service: 'cache',
        port: 8001,
        line: 15,
        text: '"127.0.0.1:8001-8003:8001-8003"',
        range: '8001-8003',
      },
      { service: 'cache', port: 9001, line: 16, text: '"[::1]:9001:9001/udp"' },
      { service: 'web', port: 8080, line: 21, text: 'published: 8080' },
    ])
  })

  it('read nothing from a file without services, or one that is not YAML', () => {
    expect(hostPortMappings('version: "3"\n')).toEqual({ mappings: [], hasErrors: false })
    expect(hostPortMappings('services: [\n  "5432:5432"\n')).toEqual({
      mappings: [],
      hasErrors: true,
    })
    expect(hostPortMappings('services:\n  db:\n    ports: "5432:5432"\n')).toEqual({
      mappings: [],
      hasErrors: false,
    })
  })

  it('report PORT001 as a warning, honour suppressions, changed lines and disabled rules', () => {
    const text = `services:
  proxy:
    ports:
      # bind-probe-ignore PORT001: the proxy under test must be on 80
      - "80:80"
      - "8443:443" # bind-probe-ignore PORT001: the same
      - "9090:9090"
`
    const all = composeFindings(text, { path: 'docker-compose.test.yml', enabled: ALL })
    expect(all.suppressed).toBe(2)
    expect(all.findings).toHaveLength(1)
    expect(all.findings[0]).toMatchObject({
      rule: 'PORT001',
      severity: 'warning',
      line: 7,
      column: 9,
      language: 'Compose',
    })
    expect(all.findings[0]!.message).toContain('service `proxy` on fixed host port 9090')
    const changed = composeFindings(text, {
      path: 'docker-compose.test.yml',
      enabled: ALL,
      lines: new Set([5]),
    })
    expect(changed.findings).toEqual([])
    const off = composeFindings(text, {
      path: 'docker-compose.test.yml',
      enabled: new Set(['PORT002']),
    })
    expect(off.findings).toEqual([])
  })

  it('keep a finding’s fingerprint when lines move, and tell repeated mappings apart', () => {
    const one = composeFindings('services:\n  a:\n    ports: ["5432:5432"]\n', {
      path: 'docker-compose.test.yml',
      enabled: ALL,
    }).findings
    const moved = composeFindings(
      'services:\n  z:\n    image: x\n  a:\n    ports: ["5432:5432"]\n  b:\n    ports: ["5432:5432"]\n',
      { path: 'docker-compose.test.yml', enabled: ALL },
    ).findings
    expect(moved[0]!.fingerprint).toBe(one[0]!.fingerprint)
    expect(moved[1]!.fingerprint).not.toBe(moved[0]!.fingerprint)
  })

  it('are scanned with the code: test compose files only, counted as parsed, broken YAML as a syntax error', async () => {
    const root = writeTree({
      'docker-compose.yml': SERVICES,
      'docker-compose.test.yml': SERVICES,
      'tests/compose.yaml': 'services:\n  db:\n    ports: ["5432:5432"]\n',
      'tests/broken/docker-compose.yml': 'services: [\n',
    })
    const result = await scan({ root, grammars })
    const byPath = Map.groupBy(result.findings, (f) => f.path)
    expect(byPath.get('docker-compose.yml')).toBeUndefined()
    expect(byPath.get('docker-compose.test.yml')).toHaveLength(5)
    expect(byPath.get('tests/compose.yaml')).toHaveLength(1)
    expect(result.files.scanned).toBe(4)
    expect(result.files.parsed).toBe(3)
    expect(result.files.withSyntaxErrors).toBe(1)
  })
})
