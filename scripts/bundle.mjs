// Builds dist/: the action and the CLI as self-contained ESM bundles, with the files they load
// at run time (the python driver, the tree-sitter runtime and grammars) beside them. dist/ is
// committed; CI fails when it is stale. Plain JavaScript, so any Node that runs npm can rebuild
// and check the bundle; esbuild reads the TypeScript.
import { Buffer } from 'node:buffer'
import { chmod, cp, readFile, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/** The scan's language table (TypeScript), compiled by esbuild and loaded from memory. */
async function languages() {
  const { outputFiles } = await build({
    entryPoints: ['src/scan/languages.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  })
  const code = Buffer.from(outputFiles[0].text).toString('base64')
  return (await import(`data:text/javascript;base64,${code}`)).LANGUAGES
}

const entryPoints = {
  index: 'src/index.ts',
  cli: 'src/cli/bin.ts',
}

await rm('dist', { recursive: true, force: true })
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  // Code a run may not need (the artifact client, the scanner) loads from its own chunk, on
  // first use, which keeps the action's cold start short.
  splitting: true,
  charset: 'utf8',
  legalComments: 'linked',
  // CommonJS dependencies call require() for Node built-ins; ESM has no require of its own.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
// The CLI is the package's bin: npm links it as an executable, which needs a shebang on its first
// line. esbuild's banner goes on every output, so the CLI entry gets its line here.
const cli = await readFile('dist/cli.js', 'utf8')
await writeFile('dist/cli.js', `#!/usr/bin/env node\n${cli}`)
await chmod('dist/cli.js', 0o755)
// Runtime files are found next to the module that loads them (import.meta.url).
await cp('src/probe/drivers/python/driver.py', 'dist/python/driver.py')
await cp('templates', 'dist/templates', { recursive: true })
// The scan's WebAssembly: web-tree-sitter's runtime and one grammar per language, found by
// src/scan/grammars.ts in ./grammars/ next to the bundle.
const wasm = [
  { pkg: 'web-tree-sitter', file: 'web-tree-sitter.wasm' },
  ...(await languages()).map((l) => l.grammar),
]
for (const { pkg, file } of wasm) {
  await cp(fileURLToPath(import.meta.resolve(`${pkg}/${file}`)), `dist/grammars/${file}`)
}
