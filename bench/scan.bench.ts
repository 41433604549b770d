// Benchmark of the scan: a whole real tree (this project's node_modules by default, or the path
// given) beside ripgrep searching the same files for the rules' trigger words, and a pull
// request of 50 changed files scanned by the bundled CLI, start-up included. Each measurement
// runs in a fresh process so peak memory (max RSS) is its own. Prints a Markdown table and
// writes the figures to .bench-out/scan.json. Run: npm run bench:scan [-- PATH]
import { execFileSync, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listFiles } from '../src/scan/files.ts'
import { languageOf } from '../src/scan/languages.ts'
import { scan } from '../src/scan/scan.ts'
import { DEFAULT_MAX_FILE_BYTES } from '../src/scan/settings.ts'
import { ANY_CODE, TEST_CODE } from '../src/scan/triggers.ts'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const RUNS = 9

// Child mode: one scan in this process, figures on stdout.
if (process.argv[2] === '--child') {
  const root = process.argv[3]!
  const parseAll = process.argv[4] === 'parse-all'
  const t = performance.now()
  const r = await scan({ root, parseAll })
  const ms = performance.now() - t
  process.stdout.write(
    JSON.stringify({
      ms,
      files: r.files.scanned,
      parsed: r.files.parsed,
      bytes: r.files.bytes,
      findings: r.findings.length,
      skipped: r.skipped,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  )
  process.exit(0)
}

interface Child {
  ms: number
  files: number
  parsed: number
  bytes: number
  findings: number
  skipped: Record<string, number>
  maxRssMiB: number
}

function child(root: string, mode = ''): Child {
  const out = execFileSync(process.execPath, [here('./scan.bench.ts'), '--child', root, mode], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as Child
}

function timeProcess(cmd: string, args: string[], cwd?: string): number {
  const t = performance.now()
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed: ${r.stderr}`)
  return performance.now() - t
}

const root = resolve(process.argv[2] ?? here('../node_modules'))

// The files the scan reads: a language it parses, under the size limit, outside skipped dirs.
const { files } = listFiles(root, ['.'])
const readable = files.filter(
  (f) => languageOf(f) && statSync(join(root, f)).size <= DEFAULT_MAX_FILE_BYTES,
)

// ripgrep over exactly those files, for the same trigger words (-l: list matching files).
const pattern = `(?:${TEST_CODE.source})|(?i:${ANY_CODE.source})`
const rgVersion = execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0]!
const rgArgs = ['-l', '--no-messages', '--no-ignore', '--hidden', '-e', pattern, '--', ...readable]
timeProcess('rg', rgArgs, root) // warm the page cache
const rgMs = median(Array.from({ length: RUNS }, () => timeProcess('rg', rgArgs, root)))
const rgMatched = spawnSync('rg', rgArgs, {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
})
  .stdout.split('\n')
  .filter(Boolean).length

child(root) // warm
const runs = Array.from({ length: RUNS }, () => child(root))
const scanMs = median(runs.map((r) => r.ms))
const whole = runs[0]!
const peak = Math.max(...runs.map((r) => r.maxRssMiB))
const all = child(root, 'parse-all')
// The same scan as users run it: the bundled CLI as a process, Node's start-up included.
const cliArgs = [here('../dist/cli.js'), 'scan', root, '--format', 'json', '--fail-on', 'never']
const cliMs = median(Array.from({ length: RUNS }, () => timeProcess(process.execPath, cliArgs)))

// A pull request of 50 changed files: real source files from the tree, placed as test files so
// every one is parsed, changed on a branch, scanned with `bind-probe scan --diff-base`.
const repo = mkdtempSync(join(os.tmpdir(), 'bind-probe-pr-'))
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@e',
      GIT_COMMITTER_NAME: 'b',
      GIT_COMMITTER_EMAIL: 'b@e',
    },
  })
const picks = readable
  .filter((f) => /\.(?:js|ts|py|go|rs|c)$/.test(f) && statSync(join(root, f)).size > 4000)
  .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 50)) === 0)
  .slice(0, 50)
let prBytes = 0
for (const [i, f] of picks.entries()) {
  const target = join(repo, 'test', `${i}_${f.replace(/[/\\]/g, '_')}`)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(join(root, f), target)
  prBytes += statSync(target).size
}
git('init', '-q', '-b', 'main')
git('add', '.')
git('commit', '-qm', 'base')
git('checkout', '-qb', 'pr')
for (const [i, f] of picks.entries()) {
  const target = join(repo, 'test', `${i}_${f.replace(/[/\\]/g, '_')}`)
  writeFileSync(target, `${readFileSync(target, 'utf8')}\n// changed\n`)
}
git('commit', '-qam', 'change 50 files')
const cli = here('../dist/cli.js')
const prArgs = [cli, 'scan', '--diff-base', 'main', '--format', 'json', '--fail-on', 'never']
timeProcess(process.execPath, prArgs, repo)
const prMs = median(Array.from({ length: RUNS }, () => timeProcess(process.execPath, prArgs, repo)))
const nodeStart = median(
  Array.from({ length: RUNS }, () => timeProcess(process.execPath, ['-e', '0'])),
)

const mb = whole.bytes / 1e6
const figures = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${os.type()} ${os.release()}, Node ${process.versions.node}`,
  date: new Date().toISOString().slice(0, 10),
  tree: root,
  files: readable.length,
  mb: Number(mb.toFixed(1)),
  scan: {
    ms: Math.round(scanMs),
    parsed: whole.parsed,
    findings: whole.findings,
    skipped: whole.skipped,
  },
  parseAll: { ms: Math.round(all.ms), parsed: all.parsed, maxRssMiB: Math.round(all.maxRssMiB) },
  peakRssMiB: Math.round(peak),
  ripgrep: { version: rgVersion, ms: Math.round(rgMs), matchedFiles: rgMatched },
  ratio: Number((scanMs / rgMs).toFixed(2)),
  cli: { ms: Math.round(cliMs), ratio: Number((cliMs / rgMs).toFixed(2)) },
  pr: {
    files: picks.length,
    kb: Math.round(prBytes / 1024),
    ms: Math.round(prMs),
    nodeStartMs: Math.round(nodeStart),
  },
}
mkdirSync('.bench-out', { recursive: true })
writeFileSync('.bench-out/scan.json', `${JSON.stringify(figures, null, 2)}\n`)

const rate = (ms: number) =>
  `${(mb / (ms / 1000)).toFixed(1)} MB/s, ${Math.round(readable.length / (ms / 1000)).toLocaleString('en-US')} files/s`
process.stdout.write(`Machine: ${figures.machine}; ${figures.date}
Tree: ${root} — ${readable.length.toLocaleString('en-US')} files in scanned languages, ${mb.toFixed(1)} MB

| measure | time | throughput | peak memory |
|---|---:|---|---:|
| bind-probe scan, whole tree (pre-filter on; ${whole.parsed} files parsed) | ${Math.round(scanMs)} ms | ${rate(scanMs)} | ${Math.round(peak)} MiB |
| bind-probe scan, every file parsed (no pre-filter; ${all.parsed} parsed) | ${Math.round(all.ms)} ms | ${rate(all.ms)} | ${Math.round(all.maxRssMiB)} MiB |
| ripgrep ${rgVersion.split(' ')[1]}, same files, same trigger words (${rgMatched} files match) | ${Math.round(rgMs)} ms | ${rate(rgMs)} | — |
| \`node dist/cli.js scan\` on the tree, as a process (start-up included) | ${Math.round(cliMs)} ms | ${rate(cliMs)} | |
| **ratio** scan ÷ ripgrep: in-process / as a process | ${figures.ratio}× / ${figures.cli.ratio}× | | |
| PR of ${picks.length} changed files (${figures.pr.kb} KB), \`node dist/cli.js scan --diff-base\` | ${Math.round(prMs)} ms | | |
| Node start-up alone (\`node -e 0\`) | ${Math.round(nodeStart)} ms | | |
`)
