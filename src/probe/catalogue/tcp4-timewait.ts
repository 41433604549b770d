// §9.6 of the semantics reference: rebinding a port while an old connection sits in TIME_WAIT.
// The server side closes first (an active close), so TIME_WAIT stays on 127.0.0.1:P.
import type { Scenario } from '../model.ts'
import { doc, inf, lacks, measuredOnLinux } from './expect.ts'

const section = 'TIME_WAIT rebind (TCP/IPv4)'

/** A listens on P, takes one connection, and closes it in the given order; then N binds P. */
function timeWait(options: { a?: string; n?: string; clientClosesFirst?: boolean }): string[] {
  const setA = options.a ? [`A setsockopt ${options.a} 1`] : []
  const setN = options.n ? [`N setsockopt ${options.n} 1`] : []
  const closes = options.clientClosesFirst ? ['C close', 'S close'] : ['S close', 'C close']
  return [
    'A = socket tcp4',
    ...setA,
    'A bind lo4:0',
    'A listen',
    'C = socket tcp4',
    'C connect lo4:P',
    'S = A accept',
    ...closes,
    'A close',
    'sleep 200',
    'N = socket tcp4',
    ...setN,
    '=> N bind lo4:P',
  ]
}

export const tcp4TimeWait: Scenario[] = [
  {
    id: 'tcp4-timewait-rebind-default',
    section,
    title: 'A plain TCP socket rebinds a port whose last connection is in TIME_WAIT',
    // A closes P before N binds it: another socket taking P in between is not TIME_WAIT.
    runAlone: true,
    steps: timeWait({}),
    expect: {
      linux: doc('EADDRINUSE', ['LX-ICSK', 'SO-MECKI']),
      macos: doc('EADDRINUSE', ['SO-MECKI']),
      windows: doc('ok', ['CPY-SOCKETPY'], {
        note: 'why CPython does not set SO_REUSEADDR in create_server() on Windows',
      }),
    },
  },
  {
    id: 'tcp4-timewait-rebind-reuseaddr-both',
    section,
    title: 'Listener and rebinding socket both set SO_REUSEADDR; rebind over TIME_WAIT',
    // A closes P before N binds it: another socket taking P in between is not TIME_WAIT.
    runAlone: true,
    steps: timeWait({ a: 'SO_REUSEADDR', n: 'SO_REUSEADDR' }),
    expect: {
      linux: doc('ok', ['LX-SOCKET7', 'LX-ICSK']),
      macos: doc('ok', ['SO-MECKI']),
      windows: inf('ok', ['CPY-SOCKETPY']),
    },
  },
  {
    id: 'tcp4-timewait-rebind-reuseaddr-new-only',
    section,
    title: 'Only the rebinding socket sets SO_REUSEADDR; rebind over TIME_WAIT',
    // A closes P before N binds it: another socket taking P in between is not TIME_WAIT.
    runAlone: true,
    steps: timeWait({ n: 'SO_REUSEADDR' }),
    expect: {
      linux: doc('EADDRINUSE', ['LX-SOCKET7', 'LX-ICSK'], {
        note: 'the TIME_WAIT socket inherits the old flag, and Linux needs both',
      }),
      macos: doc('ok', ['SO-MECKI']),
      windows: inf('ok', ['CPY-SOCKETPY']),
    },
  },
  {
    id: 'tcp4-timewait-rebind-exclusive',
    section,
    title: 'An exclusive listener, then an exclusive rebind over TIME_WAIT',
    // A closes P before N binds it: another socket taking P in between is not TIME_WAIT.
    runAlone: true,
    steps: timeWait({ a: 'SO_EXCLUSIVEADDRUSE', n: 'SO_EXCLUSIVEADDRUSE' }),
    expect: {
      linux: measuredOnLinux(lacks('A setsockopt SO_EXCLUSIVEADDRUSE 1', ['MS-EXCL'])),
      macos: lacks('A setsockopt SO_EXCLUSIVEADDRUSE 1', ['MS-EXCL']),
      windows: inf('EADDRINUSE', ['UV-WIN-TCP', 'MS-REUSE'], {
        note: 'the failure is documented, the error code is not',
      }),
    },
  },
  {
    id: 'tcp4-timewait-client-closes-first',
    section,
    title: 'Control: the client closes first, so TIME_WAIT is not on the server port',
    // A closes P before N binds it: another socket taking P in between is not TIME_WAIT.
    runAlone: true,
    steps: timeWait({ clientClosesFirst: true }),
    expect: {
      linux: measuredOnLinux(inf('ok', ['SO-MECKI'])),
      macos: inf('ok', ['SO-MECKI']),
      windows: inf('ok', ['SO-MECKI']),
    },
  },
]
