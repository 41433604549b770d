// The whole scan of real, test-heavy repositories at pinned commits, beside ast-grep (its npm
// package's binary, one thread, one pattern per language) over the same tree, in one run: time
// split into listing, reading, pre-filter, parsing, extraction and rules, and peak memory. Each
// measurement runs in a fresh process, so its peak memory is its own.
//
//   npm run bench:scan-repos -- MIRRORS [ASTGREP]
//
// MIRRORS holds bare mirrors as `owner+name/repo` (as the real-world eval reads them); ASTGREP is
// an ast-grep binary (default: ast-grep on PATH, e.g. from `npm install @ast-grep/cli`, whose
// platform package carries it without an install script).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, release, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { keepHeapSmall } from '../src/scan/heap.ts'
import { scan, type ScanTimings } from '../src/scan/scan.ts'

const REPOS = [
  {
    repo: 'nats-io/nats-server',
    commit: '1787eee035cf0253c201fa0f05afad92b6f296dc',
    lang: 'go',
    pattern: 'net.Listen($A, $B)',
  },
  {
    repo: 'urllib3/urllib3',
    commit: '6a8536b6e1b0cbe69ae801337c599951e527ae29',
    lang: 'python',
    pattern: '$S.bind($A)',
  },
  {
    repo: 'tokio-rs/tokio',
    commit: 'ea91b33ca57ff0581b38e735cc108f831bccbdaa',
    lang: 'rust',
    pattern: 'TcpListener::bind($A)',
  },
]
const RUNS = 3
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

// Child mode: one scan of the tree in this process, figures on stdout.
if (process.argv[2] === '--child') {
  // As the CLI and the action run it.
  keepHeapSmall()
  const timings: ScanTimings = { list: 0, read: 0, prefilter: 0, parse: 0, extract: 0, rules: 0 }
  const t = performance.now()
  const result = await scan({ root: process.argv[3]!, timings })
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - t,
      timings,
      files: result.files.scanned,
      parsed: result.files.parsed,
      findings: result.findings.length,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  )
  process.exit(0)
}

const [mirrors, astGrep = 'ast-grep'] = process.argv.slice(2)
if (!mirrors) {
  console.error('usage: npm run bench:scan-repos -- MIRRORS [ASTGREP]')
  process.exit(2)
}
const self = fileURLToPath(import.meta.url)
const rows: string[] = []
for (const { repo, commit, lang, pattern } of REPOS) {
  const tree = mkdtempSync(join(tmpdir(), 'scan-repo-'))
  const gitDir = join(mirrors, repo.replace('/', '+'), 'repo')
  execFileSync('sh', [
    '-c',
    `git --git-dir="$0" archive "$1" | tar -x -C "$2"`,
    gitDir,
    commit,
    tree,
  ])
  const scans = Array.from({ length: RUNS }, () =>
    JSON.parse(execFileSync(process.execPath, [self, '--child', tree], { encoding: 'utf8' })),
  )
  const ours = scans.sort((a, b) => a.ms - b.ms)[Math.floor(RUNS / 2)]
  const sg = Array.from({ length: RUNS }, () => {
    const t = performance.now()
    const run = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', astGrep, 'run', '--pattern', pattern, '--lang', lang, '--threads', '1', tree],
      { encoding: 'utf8' },
    )
    const ms = performance.now() - t
    // /usr/bin/time exits 127 when it cannot start the binary: a 20 ms "ast-grep" is no result.
    if (run.error || run.status === 127)
      throw new Error(
        `ast-grep did not run as \`${astGrep}\` (${run.error?.message ?? run.stderr.trim()}); ` +
          'install @ast-grep/cli or give its binary as the second argument',
      )
    return {
      ms,
      maxRssMiB: Number(run.stderr.trim().split('\n').at(-1)) / 1024,
      matches: run.stdout.split('\n').filter((l) => /^\S+:\d+:/.test(l)).length,
    }
  })
  const sgMs = median(sg.map((x) => x.ms))
  const t = ours.timings as ScanTimings
  const phases = (['list', 'read', 'prefilter', 'parse', 'extract', 'rules'] as const)
    .map((k) => `${Math.round(t[k])}`)
    .join(' / ')
  rows.push(
    `| ${repo}@${commit.slice(0, 7)} | ${ours.files} read, ${ours.parsed} parsed | ` +
      `${Math.round(ours.ms)} ms | ${phases} | ${Math.round(ours.maxRssMiB)} MiB | ` +
      `\`${pattern}\` (${lang}) | ${Math.round(sgMs)} ms | ${Math.round(median(sg.map((x) => x.maxRssMiB)))} MiB | ` +
      `${(ours.ms / sgMs).toFixed(2)}× |`,
  )
  rmSync(tree, { recursive: true, force: true })
}

console.log(
  '| repository | files | bind-probe scan | list / read / pre-filter / parse / extract / rules (ms) | peak | ast-grep pattern | ast-grep | peak | ratio |',
)
console.log('|---|---|---:|---|---:|---|---:|---:|---:|')
for (const row of rows) console.log(row)
console.log(
  `medians of ${RUNS}; machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Linux ${release()}, Node ${process.versions.node}`,
)
