// §9.7 of the semantics reference: UDP/IPv4.
import type { Scenario } from '../model.ts'
import { doc, inf, lacks, measuredOnLinux, unknown } from './expect.ts'

const section = 'UDP/IPv4'

export const udp4: Scenario[] = [
  {
    id: 'udp4-dup-loopback-default',
    section,
    title: 'Two plain UDP sockets bind the same 127.0.0.1 port',
    steps: ['A = socket udp4', 'A bind lo4:0', 'B = socket udp4', '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-UDP']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('EADDRINUSE', ['MS-REUSE']),
    },
  },
  {
    id: 'udp4-reuseaddr-both-dup-loopback',
    section,
    title: 'Two SO_REUSEADDR UDP sockets bind the same 127.0.0.1 port',
    steps: [
      'A = socket udp4',
      'A setsockopt SO_REUSEADDR 1',
      'A bind lo4:0',
      'B = socket udp4',
      'B setsockopt SO_REUSEADDR 1',
      '=> B bind lo4:P',
    ],
    expect: {
      linux: doc('ok', ['LX-UDP']),
      macos: doc('EADDRINUSE', ['XNU-INPCB', 'SO-MECKI'], {
        note: 'exact duplicates need SO_REUSEPORT on BSD',
      }),
      windows: doc('ok', ['MS-REUSE']),
    },
  },
  {
    id: 'udp4-reuseport-both-dup-loopback',
    section,
    title: 'Two SO_REUSEPORT UDP sockets bind the same 127.0.0.1 port',
    steps: [
      'A = socket udp4',
      'A setsockopt SO_REUSEPORT 1',
      'A bind lo4:0',
      'B = socket udp4',
      'B setsockopt SO_REUSEPORT 1',
      '=> B bind lo4:P',
    ],
    expect: {
      linux: doc('ok', ['LX-SOCKET7']),
      macos: doc('ok', ['FBSD-MAN', 'XNU-INPCB']),
      windows: lacks('A setsockopt SO_REUSEPORT 1', ['UV-WIN-UDP']),
    },
  },
  {
    id: 'udp4-wildcard-then-loopback-default',
    section,
    title: 'A plain UDP socket binds 127.0.0.1 on a port another holds on 0.0.0.0',
    steps: ['A = socket udp4', 'A bind any4:0', 'B = socket udp4', '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-UDP']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: inf('ok', ['MS-REUSE'], { note: 'Table B is not specific to TCP' }),
    },
  },
  {
    id: 'udp4-reuseaddr-both-multicast-addr',
    section,
    title: 'Two SO_REUSEADDR UDP sockets bind one port on a multicast address',
    steps: [
      'A = socket udp4',
      'A setsockopt SO_REUSEADDR 1',
      'A bind mc4:0',
      'B = socket udp4',
      'B setsockopt SO_REUSEADDR 1',
      '=> B bind mc4:P',
    ],
    expect: {
      linux: measuredOnLinux(inf('ok', ['LX-UDP'])),
      macos: doc('ok', ['XNU-INPCB', 'SO-MECKI'], {
        note: 'for multicast, SO_REUSEADDR acts as SO_REUSEPORT',
      }),
      windows: unknown([], 'no source describes binding a multicast address on Windows'),
    },
  },
  {
    id: 'udp4-exclusive-then-reuseaddr-loopback',
    section,
    title: 'SO_REUSEADDR cannot take a UDP port bound with SO_EXCLUSIVEADDRUSE',
    steps: [
      'A = socket udp4',
      'A setsockopt SO_EXCLUSIVEADDRUSE 1',
      'A bind lo4:0',
      'B = socket udp4',
      'B setsockopt SO_REUSEADDR 1',
      '=> B bind lo4:P',
    ],
    expect: {
      linux: measuredOnLinux(lacks('A setsockopt SO_EXCLUSIVEADDRUSE 1', ['MS-EXCL'])),
      macos: lacks('A setsockopt SO_EXCLUSIVEADDRUSE 1', ['MS-EXCL']),
      windows: inf('EACCES', ['MS-EXCL', 'MS-REUSE'], {
        note: 'the option applies to datagram sockets too',
      }),
    },
  },
]
