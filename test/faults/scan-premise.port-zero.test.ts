// PORT003 leaves SO_REUSEADDR on a port-0 listener alone, and PORT004 no longer says that port 0
// makes SO_REUSEPORT worse: both rest on what Linux's bind(0) hands out when sockets set those
// options. That is a fact about the kernel, so it is checked on real sockets in a namespace with
// ten ephemeral ports, where bind(0) must either share a port or fail.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { namespaceProblem } from './namespace.ts'

/** Binds port 0 forty times on 127.0.0.1 with `options` set, keeping every socket. */
const BINDER = `
import socket, sys
options = [getattr(socket, name) for name in sys.argv[1:]]
ports, failed = [], 0
held = []
for _ in range(40):
    s = socket.socket()
    for option in options:
        s.setsockopt(socket.SOL_SOCKET, option, 1)
    try:
        s.bind(("127.0.0.1", 0))
    except OSError:
        failed += 1
        continue
    held.append(s)
    ports.append(s.getsockname()[1])
print(len(ports), len(set(ports)), failed)
`

function bindZero(autobindReuse: 0 | 1, options: string[]) {
  const script = [
    'ip link set lo up',
    "sysctl -qw net.ipv4.ip_local_port_range='40000 40009'",
    `sysctl -qw net.ipv4.ip_autobind_reuse=${autobindReuse}`,
    'python3 -c "$BINDER" "$@"',
  ].join('\n')
  const run = spawnSync('unshare', ['-n', 'sh', '-ec', script, 'sh', ...options], {
    encoding: 'utf8',
    env: { ...process.env, BINDER },
  })
  expect(run.status, run.stderr).toBe(0)
  const [bound, distinct, failed] = run.stdout.trim().split(' ').map(Number)
  return { bound, distinct, failed }
}

const problem = namespaceProblem()
if (problem) console.log(`skipping the port-0 premise tests: ${problem}`)

describe.skipIf(problem !== undefined)('what bind(0) hands out on Linux, ten ports free', () => {
  it('SO_REUSEPORT: never one port twice, with or without ip_autobind_reuse', () => {
    for (const reuse of [0, 1] as const) {
      expect(bindZero(reuse, ['SO_REUSEPORT'])).toEqual({ bound: 10, distinct: 10, failed: 30 })
      expect(bindZero(reuse, ['SO_REUSEPORT', 'SO_REUSEADDR'])).toEqual({
        bound: 10,
        distinct: 10,
        failed: 30,
      })
    }
  })

  it('SO_REUSEADDR: one port twice only where ip_autobind_reuse allows it (default 0)', () => {
    expect(bindZero(0, ['SO_REUSEADDR'])).toEqual({ bound: 10, distinct: 10, failed: 30 })
    expect(bindZero(1, ['SO_REUSEADDR'])).toEqual({ bound: 40, distinct: 10, failed: 0 })
  })
})
