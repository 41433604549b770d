// §9.8 of the semantics reference: IPv6 and dual-stack sockets sharing a port with IPv4.
import type { Scenario } from '../model.ts'
import { doc, inf, measuredOnLinux } from './expect.ts'

const section = 'IPv6 and dual stack'

export const ipv6: Scenario[] = [
  {
    id: 'tcp6-default-v6only-then-tcp4-wildcard',
    section,
    title:
      'A TCP socket binds 0.0.0.0 on a port an IPv6 socket holds on [::] with the default V6ONLY',
    steps: [
      'A = socket tcp6',
      'A getsockopt IPV6_V6ONLY',
      'A bind any6:0',
      'B = socket tcp4',
      '=> B bind any4:P',
    ],
    expect: {
      linux: doc('EADDRINUSE', ['LX-IPV6-7', 'LX-ICSK'], {
        note: 'net.ipv6.bindv6only=0 by default, so [::] covers IPv4 too',
      }),
      macos: inf('EADDRINUSE', ['XNU-IN6PROTO', 'XNU-INPCB']),
      windows: doc('ok', ['MS-DUAL'], { note: 'IPv6 sockets are IPv6-only by default' }),
    },
  },
  {
    id: 'tcp6-dualstack-then-tcp4-wildcard',
    section,
    title: 'A TCP socket binds 0.0.0.0 on a port a dual-stack socket holds on [::]',
    steps: [
      'A = socket tcp6',
      'A setsockopt IPV6_V6ONLY 0',
      'A bind any6:0',
      'B = socket tcp4',
      '=> B bind any4:P',
    ],
    expect: {
      linux: doc('EADDRINUSE', ['LX-ICSK']),
      macos: inf('EADDRINUSE', ['XNU-INPCB']),
      windows: doc('EADDRINUSE', ['MS-DUAL-BLOG', 'MS-REUSE']),
    },
  },
  {
    id: 'tcp6-v6only-then-tcp4-wildcard',
    section,
    title: 'A TCP socket binds 0.0.0.0 on a port an IPv6-only socket holds on [::]',
    steps: [
      'A = socket tcp6',
      'A setsockopt IPV6_V6ONLY 1',
      'A bind any6:0',
      'B = socket tcp4',
      '=> B bind any4:P',
    ],
    expect: {
      linux: doc('ok', ['LX-IPV6-7']),
      macos: inf('ok', ['XNU-INPCB']),
      windows: doc('ok', ['MS-DUAL']),
    },
  },
  {
    id: 'tcp4-wildcard-then-tcp6-dualstack',
    section,
    title: 'A dual-stack TCP socket binds [::] on a port an IPv4 socket holds on 0.0.0.0',
    steps: [
      'A = socket tcp4',
      'A bind any4:0',
      'B = socket tcp6',
      'B setsockopt IPV6_V6ONLY 0',
      '=> B bind any6:P',
    ],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['LX-ICSK'])),
      macos: inf('ok', ['XNU-IN6PCB'], {
        note: 'an IPv4 wildcard socket of the other domain is exempt in in6_pcbbind',
      }),
      windows: doc('EADDRINUSE', ['MS-DUAL-BLOG']),
    },
  },
  {
    id: 'udp6-dualstack-then-udp4-wildcard',
    section,
    title: 'A UDP socket binds 0.0.0.0 on a port a dual-stack UDP socket holds on [::]',
    steps: [
      'A = socket udp6',
      'A setsockopt IPV6_V6ONLY 0',
      'A bind any6:0',
      'B = socket udp4',
      '=> B bind any4:P',
    ],
    expect: {
      linux: measuredOnLinux(inf('EADDRINUSE', ['LX-UDP'])),
      macos: inf('EADDRINUSE', ['XNU-INPCB']),
      windows: doc('EADDRINUSE', ['MS-DUAL-BLOG']),
    },
  },
]
