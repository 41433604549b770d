// §9.3 of the semantics reference: TCP/IPv4 with SO_REUSEADDR, including the 2008 case.
import type { Scenario } from '../model.ts'
import { doc, inf, measuredOnLinux } from './expect.ts'

const section = 'TCP/IPv4 with SO_REUSEADDR'
const RA = (sock: string) => `${sock} setsockopt SO_REUSEADDR 1`

export const tcp4ReuseAddr: Scenario[] = [
  {
    id: 'tcp4-reuseaddr-both-dup-loopback-nolisten',
    section,
    title: 'Two SO_REUSEADDR TCP sockets bind the same 127.0.0.1 port, neither listening',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind lo4:0',
      'B = socket tcp4',
      RA('B'),
      '=> B bind lo4:P',
    ],
    expect: {
      linux: doc('ok', ['LX-ICSK', 'PYDEV-2008'], {
        note: 'the conflict is checked again at listen(), not at bind()',
      }),
      macos: doc('EADDRINUSE', ['SO-MECKI', 'PYDEV-2008']),
      windows: doc('ok', ['MS-REUSE', 'PYDEV-2008']),
    },
  },
  {
    id: 'tcp4-reuseaddr-both-dup-wildcard-nolisten',
    section,
    title: 'The 2008 case: two SO_REUSEADDR TCP sockets bind the same port on 0.0.0.0, no listen',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind any4:0',
      'B = socket tcp4',
      RA('B'),
      '=> B bind any4:P',
    ],
    expect: {
      linux: doc('ok', ['LX-ICSK', 'PYDEV-2008']),
      macos: doc('EADDRINUSE', ['PYDEV-2008', 'SO-MECKI'], {
        note: 'FreeBSD and OS X raised EADDRINUSE on the 2008 buildbots',
      }),
      windows: doc('ok', ['MS-REUSE', 'PYDEV-2008']),
    },
  },
  {
    id: 'tcp4-reuseaddr-both-dup-first-listen',
    section,
    title: 'Of two co-bound SO_REUSEADDR TCP sockets, the first calls listen()',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind lo4:0',
      'B = socket tcp4',
      RA('B'),
      'B bind lo4:P',
      '=> A listen',
    ],
    expect: {
      linux: measuredOnLinux(inf('ok', ['LX-ICSK'])),
      macos: inf('EADDRINUSE', ['SO-MECKI'], {
        step: 'B bind lo4:P',
        note: "B's bind already fails, as in tcp4-reuseaddr-both-dup-loopback-nolisten",
      }),
      windows: inf('ok', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-reuseaddr-both-dup-second-listen',
    section,
    title: 'Of two co-bound SO_REUSEADDR TCP sockets, the second calls listen() too',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind lo4:0',
      'B = socket tcp4',
      RA('B'),
      'B bind lo4:P',
      'A listen',
      '=> B listen',
    ],
    expect: {
      linux: measuredOnLinux(
        inf('EADDRINUSE', ['LX-ICSK'], {
          note: 'listen() re-checks the port once the peer listens',
        }),
      ),
      macos: inf('EADDRINUSE', ['SO-MECKI'], {
        step: 'B bind lo4:P',
        note: 'B never binds: its bind fails as in tcp4-reuseaddr-both-dup-loopback-nolisten',
      }),
      windows: doc('ok', ['MS-REUSE', 'CPY-SOCKHELP'], {
        note: 'both listen; the port is shared and connections go to either (port stealing)',
      }),
    },
  },
  {
    id: 'tcp4-reuseaddr-bind-while-listening',
    section,
    title:
      'A SO_REUSEADDR TCP socket binds a 127.0.0.1 port another SO_REUSEADDR socket listens on',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind lo4:0',
      'A listen',
      'B = socket tcp4',
      RA('B'),
      '=> B bind lo4:P',
    ],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('ok', ['MS-REUSE', 'CPY-SOCKHELP'], {
        note: 'the second socket can steal the port',
      }),
    },
  },
  {
    id: 'tcp4-reuseaddr-second-only-dup-loopback',
    section,
    title: 'Only the second TCP socket sets SO_REUSEADDR, same 127.0.0.1 port',
    steps: ['A = socket tcp4', 'A bind lo4:0', 'B = socket tcp4', RA('B'), '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7'], {
        note: 'Linux needs SO_REUSEADDR on both sockets',
      }),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('EACCES', ['MS-REUSE'], { note: 'WSAEACCES (10013), Table B' }),
    },
  },
  {
    id: 'tcp4-reuseaddr-second-only-wildcard-listening',
    section,
    title: 'Only the second TCP socket sets SO_REUSEADDR, the first listens on 0.0.0.0',
    steps: [
      'A = socket tcp4',
      'A bind any4:0',
      'A listen',
      'B = socket tcp4',
      RA('B'),
      '=> B bind any4:P',
    ],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('EACCES', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-reuseaddr-wildcard-listening-then-loopback',
    section,
    title: 'A SO_REUSEADDR TCP socket binds 127.0.0.1 on a port listening on 0.0.0.0',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind any4:0',
      'A listen',
      'B = socket tcp4',
      RA('B'),
      '=> B bind lo4:P',
    ],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7'], {
        note: 'a wildcard listener blocks every local address of its port',
      }),
      macos: doc('ok', ['SO-MECKI', 'XNU-INPCB']),
      windows: doc('ok', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-reuseaddr-loopback-listening-then-wildcard',
    section,
    title: 'A SO_REUSEADDR TCP socket binds 0.0.0.0 on a port listening on 127.0.0.1',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind lo4:0',
      'A listen',
      'B = socket tcp4',
      RA('B'),
      '=> B bind any4:P',
    ],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['LX-ICSK'])),
      macos: doc('ok', ['SO-MECKI']),
      windows: doc('ok', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-reuseaddr-wildcard-then-loopback-nolisten',
    section,
    title: 'Two SO_REUSEADDR TCP sockets bind 0.0.0.0 and 127.0.0.1 on one port, no listen',
    steps: [
      'A = socket tcp4',
      RA('A'),
      'A bind any4:0',
      'B = socket tcp4',
      RA('B'),
      '=> B bind lo4:P',
    ],
    expect: {
      linux: measuredOnLinux(inf('ok', ['LX-ICSK'])),
      macos: doc('ok', ['SO-MECKI']),
      windows: doc('ok', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-reuseaddr-first-only-wildcard-then-loopback',
    section,
    title: 'Only the first TCP socket (on 0.0.0.0) sets SO_REUSEADDR; the second binds 127.0.0.1',
    steps: ['A = socket tcp4', RA('A'), 'A bind any4:0', 'B = socket tcp4', '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7']),
      macos: doc('EADDRINUSE', ['SO-MECKI'], { note: "BSD consults only the new socket's flag" }),
      windows: doc('ok', ['MS-REUSE']),
    },
  },
  {
    id: 'tcp4-reuseaddr-second-only-wildcard-then-loopback',
    section,
    title: 'Only the second TCP socket sets SO_REUSEADDR: 0.0.0.0, then 127.0.0.1, no listen',
    steps: ['A = socket tcp4', 'A bind any4:0', 'B = socket tcp4', RA('B'), '=> B bind lo4:P'],
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7']),
      macos: doc('ok', ['SO-MECKI']),
      windows: doc('ok', ['MS-REUSE']),
    },
  },
]
