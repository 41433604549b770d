// A Linux host made to order for fault tests: a fresh network namespace (unshare -n) with its
// own sysctls, loopback up or down, and optionally another program holding ports, in which the
// probe CLI runs as a user would run it.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { PlatformResult } from '../../src/probe/model.ts'

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))

/** Why namespaces cannot be made here, if they cannot. */
export function namespaceProblem(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces are a Linux feature'
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], { encoding: 'utf8' })
  if (probe.error) return `unshare is not available (${probe.error.message})`
  if (probe.status !== 0) return `cannot make a network namespace here: ${probe.stderr.trim()}`
  return undefined
}

/** Another program: binds TCP ports `from`..`to` on `host` and keeps them until killed. */
const HOLDER = `
import socket, sys, time
host, low, high = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
held = []
for port in range(low, high + 1):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((host, port))
    held.append(s)
print(len(held), flush=True)
time.sleep(600)
`

export interface Host {
  sysctls?: Record<string, string>
  /** Leave loopback down, as a fresh namespace has it. */
  loopbackDown?: boolean
  /** TCP ports another program holds on an IPv4 address. */
  held?: { host: string; from: number; to: number }
}

/** Runs `bind-probe probe --format json ARGS` on that host and returns its result. */
export function probeOn(host: Host, args: string[]): PlatformResult {
  const steps = [
    ...(host.loopbackDown ? [] : ['ip link set lo up']),
    ...Object.entries(host.sysctls ?? {}).map(([k, v]) => `sysctl -qw ${k}='${v}'`),
  ]
  const hold = host.held
    ? `python3 -c "$HOLDER" ${host.held.host} ${host.held.from} ${host.held.to} > "$READY" &
       holder=$!
       while [ ! -s "$READY" ]; do sleep 0.05; done
       trap 'kill $holder' EXIT`
    : ''
  const script = [...steps, hold, '"$0" "$@"'].filter(Boolean).join('\n')
  const ready = `/tmp/bind-probe-holder-${process.pid}-${Math.random().toString(36).slice(2)}`
  const run = spawnSync(
    'unshare',
    ['-n', 'sh', '-ec', script, process.execPath, CLI, 'probe', '--format', 'json', ...args],
    {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOLDER, READY: ready },
    },
  )
  spawnSync('rm', ['-f', ready])
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`probe in namespace failed (${run.status}): ${run.stderr}`)
  }
  return JSON.parse(run.stdout) as PlatformResult
}
