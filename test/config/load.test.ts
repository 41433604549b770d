import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config/load.ts'
import { DEFAULT_CONFIG } from '../../src/config/model.ts'

const FILE = '.github/bind-probe.yml'

function problemsOf(text: string): string[] {
  try {
    loadConfig(text, FILE)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems.map(
      (p) => `${p.line}:${p.column} ${p.path} | ${p.message}`,
    )
  }
  throw new Error('expected the policy to be refused')
}

describe('loadConfig', () => {
  it('gives the defaults for an empty file or one with only comments', () => {
    for (const text of ['', '# nothing yet\n', '---\n']) {
      expect(loadConfig(text, FILE)).toEqual({ ...DEFAULT_CONFIG, source: FILE })
    }
  })

  it('reads every key', () => {
    const config = loadConfig(
      `
platforms:
  - linux-x64
  - id: macos-arm64
    name: macOS 15 (Apple silicon)
  - windows-x64
mode: warn
fail-on:
  divergence: false
  change: true
  missing-platform: false
  unmeasurable-host: false
  probe-error: true
  flaky: true
  findings: warning
  refused-write: true
require:
  tcp4-reuseaddr-both-dup-wildcard-nolisten:
    linux: ok
    macos: [EADDRINUSE, EACCES]
    windows-arm64: ok
scenarios:
  - id: our-dual-stack-server
    title: Our server binds [::]:P after 0.0.0.0:P
    steps:
      - A = socket tcp4
      - A bind any4:0
      - B = socket tcp6
      - => B bind any6:P
    expect:
      linux: { outcome: EADDRINUSE, confidence: documented, sources: [LX-IPV6] }
comment:
  mode: changes
  key: nightly
  template: .github/bind-probe/comment.md.hbs
summary:
  template: .github/bind-probe/summary.md.hbs
scan:
  ignore: ['vendor/**']
  allowed-helpers: [get_free_port]
  disable-rules: [PORT005]
  test-paths: ['integration/**']
  max-file-bytes: 200000
read-policy-from: pull-request
`,
      FILE,
    )
    expect(config).toEqual({
      source: FILE,
      platforms: [
        { id: 'linux-x64' },
        { id: 'macos-arm64', name: 'macOS 15 (Apple silicon)' },
        { id: 'windows-x64' },
      ],
      mode: 'warn',
      failOn: {
        divergence: false,
        change: true,
        missingPlatform: false,
        unmeasurableHost: false,
        probeError: true,
        flaky: true,
        findings: 'warning',
        refusedWrite: true,
      },
      require: [
        {
          scenario: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
          target: 'linux',
          outcomes: ['ok'],
          line: 19,
        },
        {
          scenario: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
          target: 'macos',
          outcomes: ['EADDRINUSE', 'EACCES'],
          line: 20,
        },
        {
          scenario: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
          target: 'windows-arm64',
          outcomes: ['ok'],
          line: 21,
        },
      ],
      scenarios: [
        {
          id: 'our-dual-stack-server',
          section: 'Custom scenarios',
          title: 'Our server binds [::]:P after 0.0.0.0:P',
          steps: ['A = socket tcp4', 'A bind any4:0', 'B = socket tcp6', '=> B bind any6:P'],
          expect: {
            linux: { outcome: 'EADDRINUSE', confidence: 'documented', sources: ['LX-IPV6'] },
            macos: { confidence: 'unknown', sources: [] },
            windows: { confidence: 'unknown', sources: [] },
          },
        },
      ],
      comment: { mode: 'changes', key: 'nightly', template: '.github/bind-probe/comment.md.hbs' },
      summary: { template: '.github/bind-probe/summary.md.hbs' },
      scan: {
        ignore: ['vendor/**'],
        allowedHelpers: ['get_free_port'],
        disableRules: ['PORT005'],
        testPaths: ['integration/**'],
        maxFileBytes: 200_000,
      },
      readPolicyFrom: 'pull-request',
    })
  })

  it('fills in the defaults for the keys a file leaves out', () => {
    const config = loadConfig('fail-on:\n  flaky: true\n', FILE)
    expect(config.failOn).toEqual({ ...DEFAULT_CONFIG.failOn, flaky: true })
    expect(config.comment).toEqual(DEFAULT_CONFIG.comment)
  })

  it('reports every schema problem with its line and column, and how to fix it', () => {
    expect(
      problemsOf(`platforms:
  - linux-x64
  - Windows
mode: enfroce
fail-on:
  divergense: true
  flaky: yes please
  findings: warnings
require:
  tcp4-reuseaddr-both-dup-wildcard-nolisten:
    solaris: ok
    macos: [EADDRINUSE, nope]
comment:
  key: has spaces
unknown-top: 1
`),
    ).toEqual([
      '3:5 platforms[1] | platforms[1] is "Windows", which is not a platform id such as linux-x64 (OS, dash, architecture, then an optional -label), or { id, name } to give it a display name',
      '4:7 mode | mode must be one of enforce, warn, not "enfroce"; did you mean "enforce"?',
      '6:3 fail-on.divergense | unknown key "divergense"; did you mean "divergence"?',
      '7:10 fail-on.flaky | fail-on.flaky must be true or false, not "yes please"',
      '8:13 fail-on.findings | fail-on.findings must be one of error, warning, note, never, not "warnings"; did you mean "warning"?',
      '11:5 require.tcp4-reuseaddr-both-dup-wildcard-nolisten.solaris | "solaris" is not allowed here: use linux, macos, windows, or a platform id such as linux-arm64.',
      '12:25 require.tcp4-reuseaddr-both-dup-wildcard-nolisten.macos[1] | require.tcp4-reuseaddr-both-dup-wildcard-nolisten.macos[1] is "nope", which is not ok, unsupported, or an error name such as EADDRINUSE',
      '14:8 comment.key | comment.key is "has spaces", which is not one comment per pull request and key: letters, digits, dots, dashes and underscores',
      '15:1 unknown-top | unknown key "unknown-top"; the keys here are platforms, mode, fail-on, require, scenarios, comment, summary, scan, read-policy-from, known-flaky',
    ])
  })

  it('checks meaning after shape: scenario ids, and custom scenarios compiled, at the right node', () => {
    expect(
      problemsOf(`require:
  tcp4-reuseaddr-both-dup-wildcard-nolistne:
    linux: ok
scenarios:
  - id: no-recorded-step
    title: Forgot the arrow
    steps:
      - A = socket tcp4
      - A bind lo4:0
  - id: tcp4-dup-loopback-default
    title: Clashes with the catalogue
    steps: ["=> A = socket tcp4"]
  - id: bad-step
    title: A typo in a step
    steps:
      - A = socket tcp4
      - => A frobnicate
  - id: bad-step
    title: Same id again
    steps: ["A = socket tcp4", "=> A bind lo4:0"]
`),
    ).toEqual([
      '2:3 require.tcp4-reuseaddr-both-dup-wildcard-nolistne | no scenario has the id "tcp4-reuseaddr-both-dup-wildcard-nolistne"; did you mean "tcp4-reuseaddr-both-dup-wildcard-nolisten"? (`bind-probe list` shows every id)',
      '8:7 scenarios[0].steps | scenario "no-recorded-step": mark exactly one step with "=>" (found 0)',
      '10:9 scenarios[1].id | "tcp4-dup-loopback-default" is a built-in scenario id; give yours an id of its own',
      '17:9 scenarios[2].steps[1] | scenario "bad-step": step 2: step "A frobnicate": unknown operation "frobnicate" (setsockopt, getsockopt, bind, listen, connect, close)',
      '18:9 scenarios[3].id | "bad-step" is used by an earlier scenario',
    ])
  })

  it('says how to fix a file of two YAML documents', () => {
    expect(problemsOf('mode: warn\n---\nmode: enforce\n')).toEqual([
      '2:1  | YAML: the policy is one YAML document; remove the `---` that starts a second one',
    ])
  })

  it('refuses a runner label where a platform id belongs, saying what to write', () => {
    expect(problemsOf('platforms: [linux-x64, windows-latest]\n')).toEqual([
      '1:24 platforms[1] | "windows-latest" is a runner label, not a platform id; platform ids name the OS and architecture the probe found, such as windows-x64 or windows-arm64',
    ])
    expect(
      problemsOf(
        'require:\n  tcp4-dup-loopback-default:\n    linux: EADDRINUSE\n    ubuntu-latest: EADDRINUSE\n',
      ),
    ).toEqual([
      '4:5 require.tcp4-dup-loopback-default.ubuntu-latest | "ubuntu-latest" is a runner label, not a platform id; platform ids name the OS and architecture the probe found, such as linux-x64 or linux-arm64',
    ])
  })

  it('refuses a platform listed twice, and an expectation about a step the scenario lacks', () => {
    expect(
      problemsOf(`platforms:
  - linux-x64
  - id: linux-x64
    name: again
scenarios:
  - id: mine
    title: Mine
    steps: ["A = socket tcp4", "=> A bind lo4:0"]
    expect:
      macos: { outcome: EADDRINUSE, step: "A listen", confidence: inferred, sources: [] }
`),
    ).toEqual([
      '3:5 platforms[1] | linux-x64 is listed twice',
      '10:14 scenarios[0].expect.macos | scenario "mine": the macos expectation names step "A listen", which is not one of its steps',
    ])
  })

  it('lets a project require outcomes of its own scenarios', () => {
    const config = loadConfig(
      `scenarios:
  - id: mine
    title: Mine
    steps: ["A = socket tcp4", "=> A bind lo4:0"]
require:
  mine: { linux: ok }
`,
      FILE,
    )
    // Each requirement keeps its line, for the comment to point at.
    expect(config.require).toEqual([
      { scenario: 'mine', target: 'linux', outcomes: ['ok'], line: 6 },
    ])
  })

  it('reports YAML syntax errors and duplicate keys with their position', () => {
    expect(problemsOf('mode: warn\nmode: enforce\n')).toEqual([
      '2:1  | YAML: Map keys must be unique',
    ])
    expect(problemsOf('platforms: [linux-x64\n')[0]).toMatch(/^2:1 {2}\| YAML: /)
    expect(problemsOf('- just\n- a list\n')).toEqual([
      '1:1  | the file must be a mapping (key: value lines), not a list',
    ])
  })

  it('names the file in the message', () => {
    expect(() => loadConfig('mode: 1\n', 'ci/policy.yml')).toThrow(
      /^ci\/policy\.yml is not a valid bind-probe policy \(docs\/configuration\.md explains every key\):\nci\/policy\.yml:1:7: mode must be one of enforce, warn, not 1$/,
    )
  })

  it('refuses alias bombs and oversized files', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      )
    expect(problemsOf(bomb.join('\n'))).toEqual([
      '1:1  | YAML: Excessive alias count indicates a resource exhaustion attack',
    ])
    expect(problemsOf(`# ${'x'.repeat(1_000_001)}`)[0]).toMatch(
      /is 1000003 characters; the most is 1000000/,
    )
  })
})
