// The real-world corpus: the labels file's shape and invariants (no mirrors needed), and the
// harness that reads cases from mirrors or checkouts, on a real git repository made here.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  blobSha,
  evaluateRealWorld,
  loadLabels,
  renderRealWorld,
  renderJudgements,
  sampleUnlabelled,
  severityNow,
  stillFound,
  type Labels,
  type RealWorldCase,
} from '../../scripts/eval-real-world.ts'
import { drawSample } from '../../scripts/census.ts'

describe('the real-world labels', () => {
  let labels: Labels
  beforeAll(async () => {
    labels = await loadLabels()
  })

  it('has at least 150 cases from at least 40 repositories in at least 6 languages', () => {
    const repos = new Set(labels.cases.map((c) => c.repository))
    const languages = new Set(labels.cases.map((c) => c.language))
    expect(labels.cases.length).toBeGreaterThanOrEqual(150)
    expect(repos.size).toBeGreaterThanOrEqual(40)
    expect(languages.size).toBeGreaterThanOrEqual(6)
  })

  it('pins every case to a 40-hex commit and blob, with a reason and a provenance', () => {
    for (const c of labels.cases) {
      expect(c.commit, c.id).toMatch(/^[0-9a-f]{40}$/)
      expect(c.blob, c.id).toMatch(/^[0-9a-f]{40}$/)
      expect(c.reason.length, c.id).toBeGreaterThan(10)
      expect(c.provenance, c.id).toMatch(/^https:\/\/github\.com\//)
    }
  })

  it('has flags and cleans, and no two cases on one line of one file version', () => {
    const keys = labels.cases.map((c) => `${c.repository}@${c.commit}:${c.path}:${c.line}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(labels.cases.some((c) => c.label === 'flag')).toBe(true)
    expect(labels.cases.some((c) => c.label === 'clean')).toBe(true)
  })

  it('holds out about a third of the repositories, chosen by the recorded seed', async () => {
    const { createHash } = await import('node:crypto')
    // The fresh set, labelled later, is neither guiding nor held out.
    const fresh = new Set(labels.fresh?.repositories ?? [])
    const repos = [...new Set(labels.cases.map((c) => c.repository))]
      .filter((r) => !fresh.has(r))
      .sort()
    const chosen = repos.filter(
      (r) =>
        Number.parseInt(
          createHash('sha256').update(`${labels.heldOut.seed}:${r}`).digest('hex').slice(0, 8),
          16,
        ) %
          3 ===
        0,
    )
    expect(labels.heldOut.repositories).toEqual(chosen)
    expect(chosen.length / repos.length).toBeGreaterThan(0.25)
    expect(chosen.length / repos.length).toBeLessThan(0.42)
  })
})

describe('the real-world harness', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8' }).trim()
  const source = [
    "const http = require('node:http')",
    'const server = http.createServer(() => {})',
    'server.listen(3000)',
    'const other = http.createServer(() => {})',
    'other.listen(0)',
    'other.listen(4000)',
    '',
  ].join('\n')
  let dir: string
  let cases: RealWorldCase[]

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bind-probe-rw-'))
    const repo = join(dir, 'acme+demo')
    mkdirSync(join(repo, 'test'), { recursive: true })
    writeFileSync(join(repo, 'test', 'server.test.js'), source)
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'demo')
    const commit = git(repo, 'rev-parse', 'HEAD')
    const blob = git(repo, 'rev-parse', 'HEAD:test/server.test.js')
    const base = {
      repository: 'acme/demo',
      commit,
      path: 'test/server.test.js',
      blob,
      language: 'JavaScript',
      pattern: 'p',
      reason: 'r',
      provenance: 'https://github.com/acme/demo',
    }
    cases = [
      { ...base, id: 'flag', line: 3, label: 'flag', rules: ['PORT001'] },
      { ...base, id: 'clean', line: 5, label: 'clean', rules: ['PORT001'] },
    ]
  })

  it('computes blob ids as git does', () => {
    expect(blobSha(Buffer.from(source))).toBe(
      git(join(dir, 'acme+demo'), 'rev-parse', 'HEAD:test/server.test.js'),
    )
  })

  it('scores a flag found, a clean case quiet, and the finding nobody labelled', async () => {
    const e = await evaluateRealWorld(dir, {
      heldOut: { method: 'm', seed: 's', repositories: [] },
      cases,
    })
    expect(e.errors).toEqual([])
    expect(e.cases.map((r) => [r.case.id, r.matched])).toEqual([
      ['flag', true],
      ['clean', false],
    ])
    expect(e.unlabelled.map((u) => [u.line, u.rule])).toEqual([[6, 'PORT001']])
  })

  it('names a blob mismatch and skips the case, counting it', async () => {
    const wrong = { ...cases[0]!, id: 'wrong', blob: '0'.repeat(40) }
    const e = await evaluateRealWorld(dir, {
      heldOut: { method: 'm', seed: 's', repositories: [] },
      cases: [wrong],
    })
    expect(e.errors).toEqual([{ id: 'wrong', error: 'blob-mismatch' }])
    expect(e.cases).toEqual([])
  })

  it('reads a plain checkout without history when the blob matches', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'bind-probe-rw-plain-'))
    mkdirSync(join(plain, 'acme', 'demo', 'test'), { recursive: true })
    writeFileSync(join(plain, 'acme', 'demo', 'test', 'server.test.js'), source)
    const e = await evaluateRealWorld(plain, {
      heldOut: { method: 'm', seed: 's', repositories: ['acme/demo'] },
      cases,
    })
    expect(e.errors).toEqual([])
    expect(e.cases.every((r) => r.heldOut)).toBe(true)
    expect(e.cases.find((r) => r.case.id === 'flag')?.matched).toBe(true)
  })

  it('reports a fresh set apart from the guiding and held-out sets', async () => {
    const e = await evaluateRealWorld(dir, {
      heldOut: { method: 'm', seed: 's', repositories: [] },
      fresh: { method: 'm', repositories: ['acme/demo'] },
      cases,
    })
    expect(e.cases.map((r) => r.set)).toEqual(['fresh', 'fresh'])
    const text = renderRealWorld(e)
    expect(text).toContain('### fresh set (2 cases)')
    expect(text).toContain('### guiding set (0 cases)')
  })

  it("reads a C file's local headers at the case's own commit", async () => {
    const repo = join(dir, 'acme+cdemo')
    mkdirSync(join(repo, 'test'), { recursive: true })
    const c = [
      '#include <uv.h>',
      '#include "task.h"',
      'static void start(uv_loop_t *loop, uv_tcp_t *server) {',
      '  struct sockaddr_in addr;',
      '  uv_ip4_addr("127.0.0.1", TEST_PORT, &addr);',
      '  uv_tcp_bind(server, (const struct sockaddr *) &addr, 0);',
      '}',
      '',
    ].join('\n')
    writeFileSync(join(repo, 'test', 'tcp.c'), c)
    const commitWith = (port: number) => {
      writeFileSync(join(repo, 'test', 'task.h'), `#define TEST_PORT ${port}\n`)
      git(repo, 'add', '.')
      git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', `port ${port}`)
      return git(repo, 'rev-parse', 'HEAD')
    }
    git(repo, 'init', '-q')
    const fixed = commitWith(9123)
    const zero = commitWith(0)
    const base = {
      repository: 'acme/cdemo',
      path: 'test/tcp.c',
      blob: git(repo, 'rev-parse', 'HEAD:test/tcp.c'),
      language: 'C',
      line: 5,
      rules: ['PORT001'],
      pattern: 'p',
      reason: 'r',
      provenance: 'https://github.com/acme/cdemo',
    }
    const e = await evaluateRealWorld(dir, {
      heldOut: { method: 'm', seed: 's', repositories: [] },
      cases: [
        { ...base, id: 'header-fixed', commit: fixed, label: 'flag' },
        { ...base, id: 'header-zero', commit: zero, label: 'clean' },
      ],
    })
    expect(e.errors).toEqual([])
    expect(e.cases.map((r) => [r.case.id, r.matched])).toEqual([
      ['header-fixed', true],
      ['header-zero', false],
    ])
  })

  it("reads a Go program's directory listing at the case's own commit", async () => {
    const repo = join(dir, 'acme+godemo')
    mkdirSync(join(repo, 'tests', 'repro'), { recursive: true })
    const main = [
      'package main',
      '',
      'import "net/http"',
      '',
      'func main() { serve() }',
      '',
      'func serve() { http.ListenAndServe(":9851", nil) }',
      '',
    ].join('\n')
    writeFileSync(join(repo, 'tests', 'repro', 'main.go'), main)
    git(repo, 'init', '-q')
    const commit = () => {
      git(repo, 'add', '-A')
      git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'c')
      return git(repo, 'rev-parse', 'HEAD')
    }
    const alone = commit()
    writeFileSync(join(repo, 'tests', 'repro', 'main_test.go'), 'package main\n')
    const tested = commit()
    const base = {
      repository: 'acme/godemo',
      path: 'tests/repro/main.go',
      blob: git(repo, 'rev-parse', 'HEAD:tests/repro/main.go'),
      language: 'Go',
      line: 7,
      rules: ['PORT001'],
      pattern: 'p',
      reason: 'r',
      provenance: 'https://github.com/acme/godemo',
    }
    const e = await evaluateRealWorld(dir, {
      heldOut: { method: 'm', seed: 's', repositories: [] },
      cases: [
        { ...base, id: 'program-alone', commit: alone, label: 'clean' },
        { ...base, id: 'program-tested', commit: tested, label: 'flag' },
      ],
    })
    expect(e.errors).toEqual([])
    expect(e.cases.map((r) => [r.case.id, r.matched])).toEqual([
      ['program-alone', false],
      ['program-tested', true],
    ])
  })

  it('draws the same sample for the same seed', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      ref: `r${String(i).padStart(2, '0')}`,
      repository: 'a/b',
      commit: 'c',
      path: 'p',
      line: i,
      rule: 'PORT001',
      heldOut: false,
    }))
    const a = sampleUnlabelled(items, 10)
    expect(a).toHaveLength(10)
    expect(sampleUnlabelled(items, 10)).toEqual(a)
    expect(sampleUnlabelled(items, 10, 1)).not.toEqual(a)
  })

  it('counts a judged finding as still found when a finding of its rule covers its line', () => {
    const at = (line: number, endLine: number, rule = 'PORT007') => ({
      ref: `o/r@c:x_test.go:${line}:${rule}`,
      repository: 'o/r',
      commit: 'c',
      path: 'x_test.go',
      line,
      endLine,
      rule,
      heldOut: false,
    })
    // The finding now starts at the go statement (line 8) and spans to the bind (line 9).
    const found = stillFound([at(8, 9)])
    expect(found(at(9, 9))).toBe(true)
    expect(found(at(10, 10))).toBe(false)
    expect(found(at(9, 9, 'PORT001'))).toBe(false)
  })

  it('draws a census sample of at most N per repository, rule and severity, the same each time', () => {
    const findings = ['a/x', 'b/y'].flatMap((repository) =>
      Array.from({ length: 12 }, (_, i) => ({
        repository,
        path: 'test.py',
        line: i + 1,
        rule: i % 2 ? 'PORT001' : 'PORT002',
        severity: i % 4 < 2 ? 'error' : 'warning',
      })),
    )
    const sample = drawSample('census-t', findings, 2)
    const kinds = Map.groupBy(sample, (f) => `${f.repository} ${f.rule} ${f.severity}`)
    expect(kinds.size).toBe(8)
    for (const group of kinds.values()) expect(group).toHaveLength(2)
    expect(drawSample('census-t', findings, 2)).toEqual(sample)
    expect(drawSample('census-u', findings, 2)).not.toEqual(sample)
  })

  it('reports the judged findings still found by the severity the scan now gives them', async () => {
    const at = (line: number, severity?: 'error' | 'warning' | 'note') => ({
      ref: `o/r@c:x_test.py:${line}:PORT002`,
      repository: 'o/r',
      commit: 'c',
      path: 'x_test.py',
      line,
      endLine: line,
      rule: 'PORT002',
      severity,
      heldOut: false,
    })
    // Line 3 is covered by a warning and an error: it counts as the error.
    const current = [at(3, 'warning'), at(3, 'error'), at(5, 'warning'), at(7, 'note')]
    expect([3, 5, 7, 9].map((line) => severityNow(current)(at(line)))).toEqual([
      'error',
      'warning',
      'note',
      undefined,
    ])
    const file = join(mkdtempSync(join(tmpdir(), 'bind-probe-judged-')), 'census.json')
    const judged = (line: number, verdict: 'true' | 'false') => ({
      ...at(line),
      verdict,
      reason: 'r',
    })
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Census t',
        judgements: [judged(3, 'true'), judged(5, 'false'), judged(7, 'true'), judged(9, 'false')],
      }),
    )
    expect(await renderJudgements([file], current)).toContain(
      'Still found, by the severity the scan now gives them: error 1 of 1 (1.00), warning 0 of 1 (0.00), note 1 of 1 (1.00).',
    )
  })
})
