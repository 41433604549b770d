// The bundled action's cold start and size. Cold start: from `node dist/index.js` to its first
// output, measured on a run that stops right after loading and reading its inputs (a bad `mode`),
// beside a bare `node -e ""`. Size: every file under dist/, by kind. Run: npm run bench:action
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Milliseconds from spawn to the first byte on stdout (or to exit, if it prints nothing). */
function firstOutput(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const t = performance.now()
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env } })
    let done = false
    const finish = () => {
      if (!done) resolve(performance.now() - t)
      done = true
    }
    child.stdout.once('data', finish)
    child.on('close', finish)
  })
}

const runs = 20
const action: number[] = []
const bare: number[] = []
for (let i = 0; i < runs; i++) {
  action.push(await firstOutput([join(DIST, 'index.js')], { INPUT_MODE: 'bogus' }))
  bare.push(await firstOutput(['-e', 'console.log(1)'], {}))
}

function walk(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? walk(join(dir, e.name))
      : [{ path: join(dir, e.name), bytes: statSync(join(dir, e.name)).size }],
  )
}
const files = walk(DIST)
const sum = (pred: (p: string) => boolean) =>
  files.filter((f) => pred(f.path)).reduce((n, f) => n + f.bytes, 0)
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`
const entry = statSync(join(DIST, 'index.js')).size

console.log(`| measure | figure |
|---|---|
| cold start, \`node dist/index.js\` to its first output (median of ${runs}) | ${median(action).toFixed(0)} ms |
| a bare \`node -e\` to its first output, for comparison | ${median(bare).toFixed(0)} ms |
| dist/index.js (the entry the runner loads) | ${mb(entry)} |
| JavaScript under dist/ (entries and lazily loaded chunks) | ${mb(sum((p) => p.endsWith('.js')))} |
| WebAssembly under dist/grammars/ (tree-sitter and 11 grammars) | ${mb(sum((p) => p.endsWith('.wasm')))} |
| everything under dist/ | ${mb(sum(() => true))} in ${files.length} files |`)
