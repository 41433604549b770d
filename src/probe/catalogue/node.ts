// What Node programs get from net and dgram (semantics reference §6): libuv sets options of its
// own (SO_REUSEADDR on every Unix TCP bind, SO_REUSEPORT for dgram reuseAddr on macOS), so these
// differ from the raw socket scenarios and have ids of their own.
import type { Scenario } from '../model.ts'
import { doc, inf, measuredOnLinux, unknown } from './expect.ts'

const tcp = 'Node.js net servers'
const udp = 'Node.js dgram sockets'

export const nodeScenarios: Scenario[] = [
  {
    id: 'node-tcp-two-servers-same-port',
    section: tcp,
    title: 'Two Node servers listen on the same 127.0.0.1 port',
    steps: ['A = net.listen lo4:0', '=> B = net.listen lo4:P'],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['UV-UNIX-TCP', 'LX-SOCKET7'])),
      macos: inf('EADDRINUSE', ['UV-UNIX-TCP', 'SO-MECKI']),
      windows: inf('EADDRINUSE', ['UV-WIN-TCP', 'MS-REUSE']),
    },
  },
  {
    id: 'node-tcp-wildcard-then-loopback',
    section: tcp,
    title: 'A Node server listens on 127.0.0.1 on a port another listens on at 0.0.0.0',
    steps: ['A = net.listen any4:0', '=> B = net.listen lo4:P'],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['UV-UNIX-TCP', 'LX-SOCKET7'])),
      macos: inf('ok', ['UV-UNIX-TCP', 'SO-MECKI'], {
        note: 'libuv sets SO_REUSEADDR, so BSD compares the addresses exactly',
      }),
      windows: inf('ok', ['UV-WIN-TCP', 'MS-REUSE']),
    },
  },
  {
    id: 'node-tcp-default-host-then-loopback',
    section: tcp,
    title: 'A Node server listens on 127.0.0.1 on a port another listens on with no host given',
    steps: ['A = net.listen default:0', '=> B = net.listen lo4:P'],
    expect: {
      linux: measuredOnLinux(
        inf('EADDRINUSE', ['NODE-NET', 'LX-ICSK'], {
          note: 'no host means [::], dual-stack, which covers 127.0.0.1',
        }),
      ),
      macos: unknown(['NODE-NET', 'XNU-IN6PCB']),
      windows: unknown(['NODE-NET', 'MS-DUAL-BLOG']),
    },
  },
  {
    id: 'node-tcp-exclusive-two-servers',
    section: tcp,
    title: 'listen({exclusive: true}) twice on one port: exclusive is about cluster, not the OS',
    steps: ['A = net.listen lo4:0 exclusive', '=> B = net.listen lo4:P exclusive'],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['NODE-NET'])),
      macos: inf('EADDRINUSE', ['NODE-NET']),
      windows: inf('EADDRINUSE', ['NODE-NET']),
    },
  },
  {
    id: 'node-tcp-reuseport-two-servers',
    section: tcp,
    title: 'Two Node servers listen on one port with reusePort',
    steps: ['A = net.listen lo4:0 reusePort', '=> B = net.listen lo4:P reusePort'],
    expect: {
      linux: doc('ok', ['NODE-NET', 'NODE-55408'], { note: 'Node ≥ 22.12 / 23.1, Linux ≥ 3.9' }),
      macos: doc('unsupported', ['NODE-NET', 'UV-UNIX-CORE'], {
        step: 'A = net.listen lo4:0 reusePort',
      }),
      windows: doc('unsupported', ['NODE-NET', 'UV-WIN-TCP'], {
        step: 'A = net.listen lo4:0 reusePort',
      }),
    },
  },
  {
    id: 'node-tcp-ipv6only-then-tcp4-wildcard',
    section: tcp,
    title: 'A Node server on 0.0.0.0 beside one on [::] with ipv6Only',
    steps: ['A = net.listen any6:0 ipv6Only', '=> B = net.listen any4:P'],
    expect: {
      linux: doc('ok', ['NODE-NET', 'LX-IPV6-7']),
      macos: inf('ok', ['NODE-NET', 'XNU-INPCB']),
      windows: inf('ok', ['NODE-NET', 'MS-DUAL']),
    },
  },
  {
    id: 'node-tcp-dualstack-then-tcp4-wildcard',
    section: tcp,
    title: 'A Node server on 0.0.0.0 beside one on [::] (dual stack by default)',
    steps: ['A = net.listen any6:0', '=> B = net.listen any4:P'],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['UV-UNIX-TCP', 'LX-ICSK'])),
      macos: inf('EADDRINUSE', ['UV-UNIX-TCP', 'XNU-INPCB']),
      windows: inf('EADDRINUSE', ['UV-WIN-TCP', 'MS-DUAL-BLOG']),
    },
  },
  {
    id: 'node-udp-dup-default',
    section: udp,
    title: 'Two Node UDP sockets bind the same 127.0.0.1 port',
    steps: ['A = dgram.bind udp4 lo4:0', '=> B = dgram.bind udp4 lo4:P'],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['UV-UNIX-UDP', 'LX-UDP'])),
      macos: inf('EADDRINUSE', ['UV-UNIX-UDP', 'SO-MECKI']),
      windows: inf('EADDRINUSE', ['UV-WIN-UDP', 'MS-REUSE']),
    },
  },
  {
    id: 'node-udp-reuseaddr-both',
    section: udp,
    title: 'Two Node UDP sockets with reuseAddr bind the same 127.0.0.1 port',
    steps: ['A = dgram.bind udp4 lo4:0 reuseAddr', '=> B = dgram.bind udp4 lo4:P reuseAddr'],
    expect: {
      linux: doc('ok', ['NODE-DGRAM', 'LX-UDP']),
      macos: inf('ok', ['UV-UNIX-UDP'], { note: 'libuv sets SO_REUSEPORT for reuseAddr on macOS' }),
      windows: inf('ok', ['UV-WIN-UDP', 'MS-REUSE']),
    },
  },
  {
    id: 'node-udp-reuseaddr-second-only',
    section: udp,
    title: 'Only the second Node UDP socket sets reuseAddr, same 127.0.0.1 port',
    steps: ['A = dgram.bind udp4 lo4:0', '=> B = dgram.bind udp4 lo4:P reuseAddr'],
    expect: {
      linux: measuredOnLinux(
        inf('EADDRINUSE', ['LX-UDP'], {
          note: 'Node\'s docs say reuseAddr works "even if another process has already bound" it',
        }),
      ),
      macos: inf('EADDRINUSE', ['UV-UNIX-UDP', 'SO-MECKI']),
      windows: inf('EACCES', ['UV-WIN-UDP', 'MS-REUSE']),
    },
  },
  {
    id: 'node-udp-reuseport-both',
    section: udp,
    title: 'Two Node UDP sockets with reusePort bind the same 127.0.0.1 port',
    steps: ['A = dgram.bind udp4 lo4:0 reusePort', '=> B = dgram.bind udp4 lo4:P reusePort'],
    expect: {
      linux: doc('ok', ['NODE-DGRAM', 'NODE-55403']),
      macos: doc('unsupported', ['UV-DOC-UDP'], { step: 'A = dgram.bind udp4 lo4:0 reusePort' }),
      windows: doc('unsupported', ['UV-WIN-UDP'], { step: 'A = dgram.bind udp4 lo4:0 reusePort' }),
    },
  },
]
