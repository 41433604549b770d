// The installed command's entry (dist/cli.js). It loads nothing until it knows this Node can run
// the CLI: an older Node would otherwise fail on a newer API deep in a chunk, or (before 22.18,
// which has no import.meta.main) print nothing and exit 0, so a CI step calling it passes silently.
const MINIMUM = { major: 22, minor: 18 }

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
if (major < MINIMUM.major || (major === MINIMUM.major && minor < MINIMUM.minor)) {
  process.stderr.write(
    `bind-probe needs Node.js ${MINIMUM.major}.${MINIMUM.minor} or newer; this is Node.js ${process.versions.node}\n`,
  )
  process.exit(2)
}

const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
