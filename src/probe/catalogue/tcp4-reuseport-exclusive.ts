// §9.4 and §9.5 of the semantics reference: SO_REUSEPORT (absent on Windows) and
// SO_EXCLUSIVEADDRUSE (Windows only).
import type { Scenario } from '../model.ts'
import { doc, inf, lacks, measuredOnLinux } from './expect.ts'

const RP = (sock: string) => `${sock} setsockopt SO_REUSEPORT 1`
const RA = (sock: string) => `${sock} setsockopt SO_REUSEADDR 1`
const EX = (sock: string) => `${sock} setsockopt SO_EXCLUSIVEADDRUSE 1`
const noReusePort = (sock: string) => lacks(RP(sock), ['UV-WIN-TCP', 'SO-MECKI'])
const noExclusive = (sock: string) => lacks(EX(sock), ['MS-EXCL'])

const reusePort = 'TCP/IPv4 with SO_REUSEPORT'
const exclusive = 'TCP/IPv4 with SO_EXCLUSIVEADDRUSE'

export const tcp4ReusePort: Scenario[] = [
  {
    id: 'tcp-reuseport-option-availability',
    section: reusePort,
    title: 'SO_REUSEPORT can be set on a TCP socket',
    steps: ['A = socket tcp4', `=> ${RP('A')}`],
    expect: {
      linux: doc('ok', ['LX-SOCKET7']),
      macos: doc('ok', ['XNU-INPCB']),
      windows: noReusePort('A'),
    },
  },
  {
    id: 'tcp4-reuseport-both-dup-bind',
    section: reusePort,
    title:
      'A SO_REUSEPORT TCP socket binds a 127.0.0.1 port another SO_REUSEPORT socket listens on',
    steps: [
      'A = socket tcp4',
      RP('A'),
      'A bind lo4:0',
      'A listen',
      'B = socket tcp4',
      RP('B'),
      '=> B bind lo4:P',
    ],
    expect: {
      linux: doc('ok', ['LX-SOCKET7']),
      macos: doc('ok', ['FBSD-MAN', 'XNU-INPCB']),
      windows: noReusePort('A'),
    },
  },
  {
    id: 'tcp4-reuseport-both-dup-listen',
    section: reusePort,
    title: 'Two SO_REUSEPORT TCP sockets both listen on one 127.0.0.1 port',
    steps: [
      'A = socket tcp4',
      RP('A'),
      'A bind lo4:0',
      'A listen',
      'B = socket tcp4',
      RP('B'),
      'B bind lo4:P',
      '=> B listen',
    ],
    expect: {
      linux: doc('ok', ['LX-SOCKET7', 'LX-ICSK'], { note: 'connections are spread across both' }),
      macos: inf('ok', ['FBSD-MAN'], {
        note: 'no load balancing: the last socket takes the traffic',
      }),
      windows: noReusePort('A'),
    },
  },
  {
    id: 'tcp4-reuseport-first-only',
    section: reusePort,
    title: 'Only the first TCP socket sets SO_REUSEPORT, same 127.0.0.1 port',
    steps: ['A = socket tcp4', RP('A'), 'A bind lo4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: noReusePort('A'),
    },
  },
  {
    id: 'tcp4-reuseport-second-only',
    section: reusePort,
    title: 'Only the second TCP socket sets SO_REUSEPORT, same 127.0.0.1 port',
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', RP('B'), '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7'], { note: 'every sharer must set SO_REUSEPORT' }),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: noReusePort('B'),
    },
  },
]

export const tcp4Exclusive: Scenario[] = [
  {
    id: 'tcp4-exclusive-then-reuseaddr-loopback',
    section: exclusive,
    title: 'SO_REUSEADDR cannot take a 127.0.0.1 port bound with SO_EXCLUSIVEADDRUSE',
    steps: [
      'A = socket tcp4',
      EX('A'),
      'A bind lo4:0',
      'B = socket tcp4',
      RA('B'),
      '=> B bind lo4:P',
    ],
    expect: {
      linux: measuredOnLinux(noExclusive('A')),
      macos: noExclusive('A'),
      windows: doc('EACCES', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-exclusive-then-default-loopback',
    section: exclusive,
    title: 'A plain TCP socket binds a 127.0.0.1 port bound with SO_EXCLUSIVEADDRUSE',
    steps: ['A = socket tcp4', EX('A'), 'A bind lo4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: measuredOnLinux(noExclusive('A')),
      macos: noExclusive('A'),
      windows: doc('EADDRINUSE', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-exclusive-wildcard-then-default-loopback',
    section: exclusive,
    title: 'A plain TCP socket binds 127.0.0.1 on a port held exclusively on 0.0.0.0',
    steps: ['A = socket tcp4', EX('A'), 'A bind any4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: measuredOnLinux(noExclusive('A')),
      macos: noExclusive('A'),
      windows: doc('EACCES', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-exclusive-loopback-then-default-wildcard',
    section: exclusive,
    title: 'A plain TCP socket binds 0.0.0.0 on a port held exclusively on 127.0.0.1',
    steps: ['A = socket tcp4', EX('A'), 'A bind lo4:0', 'B = socket tcp4', '=> B bind any4:P'],
    expect: {
      linux: measuredOnLinux(noExclusive('A')),
      macos: noExclusive('A'),
      windows: doc('ok', ['MS-REUSE'], {
        note: 'the wildcard socket then covers every address but 127.0.0.1',
      }),
    },
  },
  {
    id: 'tcp4-default-loopback-then-exclusive-wildcard',
    section: exclusive,
    title: 'An exclusive bind to 0.0.0.0 on a port a plain socket holds on 127.0.0.1',
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', EX('B'), '=> B bind any4:P'],
    expect: {
      linux: measuredOnLinux(noExclusive('B')),
      macos: noExclusive('B'),
      windows: doc('EADDRINUSE', ['MS-REUSE'], {
        note: 'an exclusive wildcard bind doubles as a port-busy detector',
      }),
    },
  },
]
