// Benchmark of the probe: the whole catalogue once and with 20 repeats, the python driver's
// start-up and per-operation cost, beside a baseline that makes the same socket calls with the
// same waits directly in one Python process (bench/baseline.py). Prints a Markdown table and
// writes the figures to .bench-out/probe.json. Run: npm run bench:probe
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { CATALOGUE } from '../src/probe/catalogue/index.ts'
import { startPythonDriver, toWire } from '../src/probe/drivers/python-driver.ts'
import { compileAll, probe } from '../src/probe/probe.ts'
import { parseStep } from '../src/probe/steps.ts'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const ms = (x: number) => Math.round(x * 10) / 10

async function timeIt(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}

mkdirSync('.bench-out', { recursive: true })
const osScenarios = compileAll(CATALOGUE).filter((c) => c.driver === 'python')
const catalogueOps = osScenarios.map((c) => c.steps.map((s) => toWire(s.op)))
writeFileSync('.bench-out/catalogue-ops.json', JSON.stringify(catalogueOps))
const triple = ['A = socket tcp4', 'A bind lo4:0', 'A close'].map((s) => parseStep(s).op)
const batch = Array.from({ length: 100 }, () => triple).flat()
writeFileSync('.bench-out/batch-ops.json', JSON.stringify([batch.map(toWire)]))
const baseline = (file: string, times = 1) =>
  Number(execFileSync('python3', [here('./baseline.py'), file], { encoding: 'utf8' })) / times

// The driver alone: start-up, one round trip, and operations inside one message.
const startup = await timeIt(20, async () => (await startPythonDriver()).close())
const driver = await startPythonDriver()
// `python3` may be a version manager's shell shim; the interpreter it resolves to starts faster.
const resolved = [[driver.hello.executable]]
const startupResolved = await timeIt(20, async () => (await startPythonDriver(resolved)).close())
const roundTrip = await timeIt(200, () => driver.execute([triple[0]!], 5_000))
const perOpDriver = (await timeIt(20, () => driver.execute(batch, 5_000))) / batch.length
await driver.close()
const perOpDirect =
  median(Array.from({ length: 5 }, () => baseline('.bench-out/batch-ops.json'))) / batch.length

// The catalogue: in-process, as a CLI process, and the baseline.
await probe() // warm the file cache
const onceAll = await timeIt(10, () => probe())
const oncePython = await timeIt(10, () => probe({ drivers: ['python'] }))
const repeat20 = await timeIt(3, () => probe({ repeat: 20 }))
const cliOnce = await timeIt(5, () =>
  execFileSync(process.execPath, [here('../src/cli/main.ts'), 'probe', '--format', 'json']),
)
const baselineInner = median(
  Array.from({ length: 5 }, () => baseline('.bench-out/catalogue-ops.json')),
)
const baselineProcess = await timeIt(5, () =>
  execFileSync('python3', [here('./baseline.py'), '.bench-out/catalogue-ops.json']),
)
writeFileSync(
  '.bench-out/catalogue-ops-x20.json',
  JSON.stringify(Array.from({ length: 20 }, () => catalogueOps).flat()),
)
const baselineRepeat20 = baseline('.bench-out/catalogue-ops-x20.json')

const figures = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.type()} ${os.release()}, Node ${process.versions.node}`,
  scenarios: { all: CATALOGUE.length, python: osScenarios.length },
  driverStartupMs: ms(startup),
  driverStartupResolvedMs: ms(startupResolved),
  python: driver.hello.executable,
  roundTripMs: ms(roundTrip),
  perOpDriverUs: ms(perOpDriver * 1000),
  perOpDirectUs: ms(perOpDirect * 1000),
  catalogueOnceMs: ms(onceAll),
  catalogueOncePythonOnlyMs: ms(oncePython),
  catalogueRepeat20Ms: ms(repeat20),
  cliProcessOnceMs: ms(cliOnce),
  baselineInnerMs: ms(baselineInner),
  baselineProcessMs: ms(baselineProcess),
  baselineRepeat20Ms: ms(baselineRepeat20),
  ratioPythonOnlyToBaselineProcess: ms(oncePython / baselineProcess),
}
writeFileSync('.bench-out/probe.json', `${JSON.stringify(figures, null, 2)}\n`)
console.log(`| measure | bind-probe | baseline (one Python process, sequential) |
|---|---|---|
| whole catalogue once, in-process (${CATALOGUE.length} scenarios, both drivers) | ${figures.catalogueOnceMs} ms | — |
| OS scenarios once (${osScenarios.length}, python driver), in-process | ${figures.catalogueOncePythonOnlyMs} ms | ${figures.baselineProcessMs} ms as a process, ${figures.baselineInnerMs} ms inside it |
| whole catalogue once, \`bind-probe probe\` as a process | ${figures.cliProcessOnceMs} ms | — |
| whole catalogue, --repeat 20 | ${figures.catalogueRepeat20Ms} ms | ${figures.baselineRepeat20Ms} ms inside it |
| python driver start-up (spawn to handshake), \`python3\` on PATH | ${figures.driverStartupMs} ms | — |
| the same, interpreter named directly (${figures.python}) | ${figures.driverStartupResolvedMs} ms | — |
| one request round trip (1 op) | ${figures.roundTripMs} ms | — |
| cost per socket operation (300 ops in one message) | ${figures.perOpDriverUs} µs | ${figures.perOpDirectUs} µs |
machine: ${figures.machine}`)
