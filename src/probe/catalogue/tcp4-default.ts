// §9.2 of the semantics reference: TCP/IPv4 without options.
import type { Scenario } from '../model.ts'
import { doc, inf, measuredOnLinux } from './expect.ts'

const section = 'TCP/IPv4 without options'

export const tcp4Default: Scenario[] = [
  {
    id: 'tcp4-dup-loopback-default',
    section,
    title: 'Two plain TCP sockets bind the same loopback address and port',
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-ICSK']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('EADDRINUSE', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-dup-wildcard-default',
    section,
    title: 'Two plain TCP sockets bind the same port on 0.0.0.0',
    steps: ['A = socket tcp4', 'A bind any4:0', 'B = socket tcp4', '=> B bind any4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-ICSK']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('EADDRINUSE', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-wildcard-then-loopback-default',
    section,
    title: 'A plain TCP socket binds 127.0.0.1 on a port another holds on 0.0.0.0',
    steps: ['A = socket tcp4', 'A bind any4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-ICSK']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('ok', ['MS-REUSE'], {
        note: 'Table B: default wildcard, then default specific',
      }),
    },
  },
  {
    id: 'tcp4-loopback-then-wildcard-default',
    section,
    title: 'A plain TCP socket binds 0.0.0.0 on a port another holds on 127.0.0.1',
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', '=> B bind any4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-ICSK']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('ok', ['MS-REUSE'], {
        note: 'Table B: default specific, then default wildcard',
      }),
    },
  },
  {
    id: 'tcp4-two-loopback-addrs-default',
    section,
    title: 'Plain TCP sockets bind one port on 127.0.0.1 and on 127.0.0.2',
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', '=> B bind lo4b:P'],
    expect: {
      linux: measuredOnLinux(
        inf('ok', ['SO-MECKI', 'DEBUGPY'], { note: 'all of 127/8 is local on Linux' }),
      ),
      macos: inf('EADDRNOTAVAIL', ['XNU-INPCB', 'DEBUGPY'], {
        note: 'only 127.0.0.1 is configured on lo0 by default',
      }),
      windows: inf('ok', ['DEBUGPY']),
    },
  },
]
