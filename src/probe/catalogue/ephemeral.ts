// §9.9 of the semantics reference: the free-port race and how bind(port 0) hands out ports.
import type { Scenario } from '../model.ts'
import { describe, inf, measuredOnLinux } from './expect.ts'

const section = 'Ephemeral ports and the free-port race'

export const ephemeral: Scenario[] = [
  {
    id: 'tcp4-freeport-close-rebind',
    section,
    title: 'The free-port idiom: take a port from bind(0), close it, bind it again at once',
    runAlone: true,
    // As CPython's bind_port(): exclusive where the platform has the option.
    steps: [
      'T = socket tcp4',
      'T setsockopt? SO_EXCLUSIVEADDRUSE 1',
      'T bind lo4:0',
      'T close',
      'N = socket tcp4',
      '=> N bind lo4:P',
    ],
    expect: {
      linux: measuredOnLinux(
        inf('ok', ['CPY-SOCKHELP'], { note: 'never connected, so no TIME_WAIT' }),
      ),
      macos: inf('ok', ['CPY-SOCKHELP']),
      windows: inf('ok', ['CPY-SOCKHELP']),
    },
  },
  {
    id: 'tcp4-ephemeral-repeat-distribution',
    section,
    title: 'How bind(0) hands out TCP ports: 200 draws, each closed before the next',
    steps: ['=> ephemeral tcp4 lo4 x200'],
    expect: {
      linux: describe(
        'documented',
        ['LX-ICSK', 'LX-SYSCTL'],
        'random start in net.ipv4.ip_local_port_range, odd ports first; repeat rates inferred',
      ),
      macos: describe(
        'inferred',
        ['XNU-TCPSUBR', 'XNU-INPCB'],
        'consecutive increasing ports in 49152–65535 (randomize_ports=0)',
      ),
      windows: describe(
        'unknown',
        ['MS-BIND', 'MS-SOLSOCKET'],
        'within 49152–65535 (documented); order unknown',
      ),
    },
  },
]
