import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// package.json
var package_default = {
  name: "bind-probe",
  version: "0.1.0",
  description: "Probe bind() port-reuse semantics on every CI runner, report them on the pull request, and flag flaky port use in tests.",
  license: "MIT",
  type: "module",
  private: true,
  engines: {
    node: ">=24"
  },
  bin: {
    "bind-probe": "dist/cli.js"
  },
  scripts: {
    start: "node src/cli/main.ts probe",
    "bind-probe": "node src/cli/main.ts",
    test: "vitest run",
    typecheck: "tsc --noEmit",
    lint: "eslint . && prettier --check .",
    format: "prettier --write .",
    bundle: "node scripts/bundle.ts",
    "check:dist": 'npm run bundle && git diff --exit-code --stat -- dist && test -z "$(git status --porcelain -- dist)"',
    "bench:probe": "node bench/probe.bench.ts",
    "bench:api-calls": "node bench/api-calls.bench.ts"
  },
  devDependencies: {
    "@eslint/js": "10.0.1",
    "@octokit/webhooks-examples": "7.6.1",
    "@types/node": "24.19.2",
    esbuild: "0.28.2",
    eslint: "10.15.0",
    "mdast-util-from-markdown": "2.1.0",
    "mdast-util-gfm": "3.1.0",
    micromark: "4.0.3",
    "micromark-extension-gfm": "3.0.0",
    nock: "15.0.6",
    prettier: "3.10.1",
    typescript: "6.0.3",
    "typescript-eslint": "8.73.0",
    vitest: "5.1.1"
  },
  dependencies: {
    "@actions/artifact": "6.2.1",
    "@actions/core": "3.0.1",
    "@octokit/core": "7.0.8",
    "@octokit/plugin-paginate-rest": "16.0.0",
    "@octokit/plugin-rest-endpoint-methods": "18.0.0",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    bottleneck: "2.19.5",
    handlebars: "4.7.10",
    yaml: "2.9.1"
  },
  allowScripts: {
    esbuild: false
  }
};

// src/version.ts
var VERSION = package_default.version;

// src/probe/catalogue/expect.ts
var doc = (outcome, sources, extra = {}) => ({
  outcome,
  confidence: "documented",
  sources,
  ...extra
});
var inf = (outcome, sources, extra = {}) => ({
  outcome,
  confidence: "inferred",
  sources,
  ...extra
});
var unknown = (sources, note) => ({
  confidence: "unknown",
  sources,
  ...note ? { note } : {}
});
var lacks = (step, sources, confidence = "inferred") => ({ outcome: "unsupported", step, confidence, sources });
var describe = (confidence, sources, note) => ({ confidence, sources, note });
var LINUX_MEASUREMENT = "Linux 6.18.44 x86_64 (Debian 12), CPython 3.11.7, Node 24.21.0; bind-probe 0.1.0, 2026-11-25, 20 runs each, no flaky result";
var measuredOnLinux = (cell) => ({
  ...cell,
  confidence: "measured",
  measuredOn: LINUX_MEASUREMENT,
  previously: cell.confidence === "measured" ? "inferred" : cell.confidence
});

// src/probe/catalogue/ephemeral.ts
var section = "Ephemeral ports and the free-port race";
var ephemeral = [
  {
    id: "tcp4-freeport-close-rebind",
    section,
    title: "The free-port idiom: take a port from bind(0), close it, bind it again at once",
    runAlone: true,
    // As CPython's bind_port(): exclusive where the platform has the option.
    steps: [
      "T = socket tcp4",
      "T setsockopt? SO_EXCLUSIVEADDRUSE 1",
      "T bind lo4:0",
      "T close",
      "N = socket tcp4",
      "=> N bind lo4:P"
    ],
    expect: {
      linux: measuredOnLinux(
        inf("ok", ["CPY-SOCKHELP"], { note: "never connected, so no TIME_WAIT" })
      ),
      macos: inf("ok", ["CPY-SOCKHELP"]),
      windows: inf("ok", ["CPY-SOCKHELP"])
    }
  },
  {
    id: "tcp4-ephemeral-repeat-distribution",
    section,
    title: "How bind(0) hands out TCP ports: 200 draws, each closed before the next",
    steps: ["=> ephemeral tcp4 lo4 x200"],
    expect: {
      linux: describe(
        "documented",
        ["LX-ICSK", "LX-SYSCTL"],
        "random start in net.ipv4.ip_local_port_range, odd ports first; repeat rates inferred"
      ),
      macos: describe(
        "inferred",
        ["XNU-TCPSUBR", "XNU-INPCB"],
        "consecutive increasing ports in 49152–65535 (randomize_ports=0)"
      ),
      windows: describe(
        "unknown",
        ["MS-BIND", "MS-SOLSOCKET"],
        "within 49152–65535 (documented); order unknown"
      )
    }
  }
];

// src/probe/catalogue/ipv6.ts
var section2 = "IPv6 and dual stack";
var ipv6 = [
  {
    id: "tcp6-default-v6only-then-tcp4-wildcard",
    section: section2,
    title: "A TCP socket binds 0.0.0.0 on a port an IPv6 socket holds on [::] with the default V6ONLY",
    steps: [
      "A = socket tcp6",
      "A getsockopt IPV6_V6ONLY",
      "A bind any6:0",
      "B = socket tcp4",
      "=> B bind any4:P"
    ],
    expect: {
      linux: doc("EADDRINUSE", ["LX-IPV6-7", "LX-ICSK"], {
        note: "net.ipv6.bindv6only=0 by default, so [::] covers IPv4 too"
      }),
      macos: inf("EADDRINUSE", ["XNU-IN6PROTO", "XNU-INPCB"]),
      windows: doc("ok", ["MS-DUAL"], { note: "IPv6 sockets are IPv6-only by default" })
    }
  },
  {
    id: "tcp6-dualstack-then-tcp4-wildcard",
    section: section2,
    title: "A TCP socket binds 0.0.0.0 on a port a dual-stack socket holds on [::]",
    steps: [
      "A = socket tcp6",
      "A setsockopt IPV6_V6ONLY 0",
      "A bind any6:0",
      "B = socket tcp4",
      "=> B bind any4:P"
    ],
    expect: {
      linux: doc("EADDRINUSE", ["LX-ICSK"]),
      macos: inf("EADDRINUSE", ["XNU-INPCB"]),
      windows: doc("EADDRINUSE", ["MS-DUAL-BLOG", "MS-REUSE"])
    }
  },
  {
    id: "tcp6-v6only-then-tcp4-wildcard",
    section: section2,
    title: "A TCP socket binds 0.0.0.0 on a port an IPv6-only socket holds on [::]",
    steps: [
      "A = socket tcp6",
      "A setsockopt IPV6_V6ONLY 1",
      "A bind any6:0",
      "B = socket tcp4",
      "=> B bind any4:P"
    ],
    expect: {
      linux: doc("ok", ["LX-IPV6-7"]),
      macos: inf("ok", ["XNU-INPCB"]),
      windows: doc("ok", ["MS-DUAL"])
    }
  },
  {
    id: "tcp4-wildcard-then-tcp6-dualstack",
    section: section2,
    title: "A dual-stack TCP socket binds [::] on a port an IPv4 socket holds on 0.0.0.0",
    steps: [
      "A = socket tcp4",
      "A bind any4:0",
      "B = socket tcp6",
      "B setsockopt IPV6_V6ONLY 0",
      "=> B bind any6:P"
    ],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["LX-ICSK"])),
      macos: inf("ok", ["XNU-IN6PCB"], {
        note: "an IPv4 wildcard socket of the other domain is exempt in in6_pcbbind"
      }),
      windows: doc("EADDRINUSE", ["MS-DUAL-BLOG"])
    }
  },
  {
    id: "udp6-dualstack-then-udp4-wildcard",
    section: section2,
    title: "A UDP socket binds 0.0.0.0 on a port a dual-stack UDP socket holds on [::]",
    steps: [
      "A = socket udp6",
      "A setsockopt IPV6_V6ONLY 0",
      "A bind any6:0",
      "B = socket udp4",
      "=> B bind any4:P"
    ],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["LX-UDP"])),
      macos: inf("EADDRINUSE", ["XNU-INPCB"]),
      windows: doc("EADDRINUSE", ["MS-DUAL-BLOG"])
    }
  }
];

// src/probe/catalogue/node.ts
var tcp = "Node.js net servers";
var udp = "Node.js dgram sockets";
var nodeScenarios = [
  {
    id: "node-tcp-two-servers-same-port",
    section: tcp,
    title: "Two Node servers listen on the same 127.0.0.1 port",
    steps: ["A = net.listen lo4:0", "=> B = net.listen lo4:P"],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["UV-UNIX-TCP", "LX-SOCKET7"])),
      macos: inf("EADDRINUSE", ["UV-UNIX-TCP", "SO-MECKI"]),
      windows: inf("EADDRINUSE", ["UV-WIN-TCP", "MS-REUSE"])
    }
  },
  {
    id: "node-tcp-wildcard-then-loopback",
    section: tcp,
    title: "A Node server listens on 127.0.0.1 on a port another listens on at 0.0.0.0",
    steps: ["A = net.listen any4:0", "=> B = net.listen lo4:P"],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["UV-UNIX-TCP", "LX-SOCKET7"])),
      macos: inf("ok", ["UV-UNIX-TCP", "SO-MECKI"], {
        note: "libuv sets SO_REUSEADDR, so BSD compares the addresses exactly"
      }),
      windows: inf("ok", ["UV-WIN-TCP", "MS-REUSE"])
    }
  },
  {
    id: "node-tcp-default-host-then-loopback",
    section: tcp,
    title: "A Node server listens on 127.0.0.1 on a port another listens on with no host given",
    steps: ["A = net.listen default:0", "=> B = net.listen lo4:P"],
    expect: {
      linux: measuredOnLinux(
        inf("EADDRINUSE", ["NODE-NET", "LX-ICSK"], {
          note: "no host means [::], dual-stack, which covers 127.0.0.1"
        })
      ),
      macos: unknown(["NODE-NET", "XNU-IN6PCB"]),
      windows: unknown(["NODE-NET", "MS-DUAL-BLOG"])
    }
  },
  {
    id: "node-tcp-exclusive-two-servers",
    section: tcp,
    title: "listen({exclusive: true}) twice on one port: exclusive is about cluster, not the OS",
    steps: ["A = net.listen lo4:0 exclusive", "=> B = net.listen lo4:P exclusive"],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["NODE-NET"])),
      macos: inf("EADDRINUSE", ["NODE-NET"]),
      windows: inf("EADDRINUSE", ["NODE-NET"])
    }
  },
  {
    id: "node-tcp-reuseport-two-servers",
    section: tcp,
    title: "Two Node servers listen on one port with reusePort",
    steps: ["A = net.listen lo4:0 reusePort", "=> B = net.listen lo4:P reusePort"],
    expect: {
      linux: doc("ok", ["NODE-NET", "NODE-55408"], { note: "Node ≥ 22.12 / 23.1, Linux ≥ 3.9" }),
      macos: doc("unsupported", ["NODE-NET", "UV-UNIX-CORE"], {
        step: "A = net.listen lo4:0 reusePort"
      }),
      windows: doc("unsupported", ["NODE-NET", "UV-WIN-TCP"], {
        step: "A = net.listen lo4:0 reusePort"
      })
    }
  },
  {
    id: "node-tcp-ipv6only-then-tcp4-wildcard",
    section: tcp,
    title: "A Node server on 0.0.0.0 beside one on [::] with ipv6Only",
    steps: ["A = net.listen any6:0 ipv6Only", "=> B = net.listen any4:P"],
    expect: {
      linux: doc("ok", ["NODE-NET", "LX-IPV6-7"]),
      macos: inf("ok", ["NODE-NET", "XNU-INPCB"]),
      windows: inf("ok", ["NODE-NET", "MS-DUAL"])
    }
  },
  {
    id: "node-tcp-dualstack-then-tcp4-wildcard",
    section: tcp,
    title: "A Node server on 0.0.0.0 beside one on [::] (dual stack by default)",
    steps: ["A = net.listen any6:0", "=> B = net.listen any4:P"],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["UV-UNIX-TCP", "LX-ICSK"])),
      macos: inf("EADDRINUSE", ["UV-UNIX-TCP", "XNU-INPCB"]),
      windows: inf("EADDRINUSE", ["UV-WIN-TCP", "MS-DUAL-BLOG"])
    }
  },
  {
    id: "node-udp-dup-default",
    section: udp,
    title: "Two Node UDP sockets bind the same 127.0.0.1 port",
    steps: ["A = dgram.bind udp4 lo4:0", "=> B = dgram.bind udp4 lo4:P"],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["UV-UNIX-UDP", "LX-UDP"])),
      macos: inf("EADDRINUSE", ["UV-UNIX-UDP", "SO-MECKI"]),
      windows: inf("EADDRINUSE", ["UV-WIN-UDP", "MS-REUSE"])
    }
  },
  {
    id: "node-udp-reuseaddr-both",
    section: udp,
    title: "Two Node UDP sockets with reuseAddr bind the same 127.0.0.1 port",
    steps: ["A = dgram.bind udp4 lo4:0 reuseAddr", "=> B = dgram.bind udp4 lo4:P reuseAddr"],
    expect: {
      linux: doc("ok", ["NODE-DGRAM", "LX-UDP"]),
      macos: inf("ok", ["UV-UNIX-UDP"], { note: "libuv sets SO_REUSEPORT for reuseAddr on macOS" }),
      windows: inf("ok", ["UV-WIN-UDP", "MS-REUSE"])
    }
  },
  {
    id: "node-udp-reuseaddr-second-only",
    section: udp,
    title: "Only the second Node UDP socket sets reuseAddr, same 127.0.0.1 port",
    steps: ["A = dgram.bind udp4 lo4:0", "=> B = dgram.bind udp4 lo4:P reuseAddr"],
    expect: {
      linux: measuredOnLinux(
        inf("EADDRINUSE", ["LX-UDP"], {
          note: `Node's docs say reuseAddr works "even if another process has already bound" it`
        })
      ),
      macos: inf("EADDRINUSE", ["UV-UNIX-UDP", "SO-MECKI"]),
      windows: inf("EACCES", ["UV-WIN-UDP", "MS-REUSE"])
    }
  },
  {
    id: "node-udp-reuseport-both",
    section: udp,
    title: "Two Node UDP sockets with reusePort bind the same 127.0.0.1 port",
    steps: ["A = dgram.bind udp4 lo4:0 reusePort", "=> B = dgram.bind udp4 lo4:P reusePort"],
    expect: {
      linux: doc("ok", ["NODE-DGRAM", "NODE-55403"]),
      macos: doc("unsupported", ["UV-DOC-UDP"], { step: "A = dgram.bind udp4 lo4:0 reusePort" }),
      windows: doc("unsupported", ["UV-WIN-UDP"], { step: "A = dgram.bind udp4 lo4:0 reusePort" })
    }
  }
];

// src/probe/catalogue/tcp4-default.ts
var section3 = "TCP/IPv4 without options";
var tcp4Default = [
  {
    id: "tcp4-dup-loopback-default",
    section: section3,
    title: "Two plain TCP sockets bind the same loopback address and port",
    steps: ["A = socket tcp4", "A bind lo4:0", "B = socket tcp4", "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-ICSK"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("EADDRINUSE", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-dup-wildcard-default",
    section: section3,
    title: "Two plain TCP sockets bind the same port on 0.0.0.0",
    steps: ["A = socket tcp4", "A bind any4:0", "B = socket tcp4", "=> B bind any4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-ICSK"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("EADDRINUSE", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-wildcard-then-loopback-default",
    section: section3,
    title: "A plain TCP socket binds 127.0.0.1 on a port another holds on 0.0.0.0",
    steps: ["A = socket tcp4", "A bind any4:0", "B = socket tcp4", "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-ICSK"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("ok", ["MS-REUSE"], {
        note: "Table B: default wildcard, then default specific"
      })
    }
  },
  {
    id: "tcp4-loopback-then-wildcard-default",
    section: section3,
    title: "A plain TCP socket binds 0.0.0.0 on a port another holds on 127.0.0.1",
    steps: ["A = socket tcp4", "A bind lo4:0", "B = socket tcp4", "=> B bind any4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-ICSK"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("ok", ["MS-REUSE"], {
        note: "Table B: default specific, then default wildcard"
      })
    }
  },
  {
    id: "tcp4-two-loopback-addrs-default",
    section: section3,
    title: "Plain TCP sockets bind one port on 127.0.0.1 and on 127.0.0.2",
    steps: ["A = socket tcp4", "A bind lo4:0", "B = socket tcp4", "=> B bind lo4b:P"],
    expect: {
      linux: measuredOnLinux(
        inf("ok", ["SO-MECKI", "DEBUGPY"], { note: "all of 127/8 is local on Linux" })
      ),
      macos: inf("EADDRNOTAVAIL", ["XNU-INPCB", "DEBUGPY"], {
        note: "only 127.0.0.1 is configured on lo0 by default"
      }),
      windows: inf("ok", ["DEBUGPY"])
    }
  }
];

// src/probe/catalogue/tcp4-reuseaddr.ts
var section4 = "TCP/IPv4 with SO_REUSEADDR";
var RA = (sock) => `${sock} setsockopt SO_REUSEADDR 1`;
var tcp4ReuseAddr = [
  {
    id: "tcp4-reuseaddr-both-dup-loopback-nolisten",
    section: section4,
    title: "Two SO_REUSEADDR TCP sockets bind the same 127.0.0.1 port, neither listening",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind lo4:0",
      "B = socket tcp4",
      RA("B"),
      "=> B bind lo4:P"
    ],
    expect: {
      linux: doc("ok", ["LX-ICSK", "PYDEV-2008"], {
        note: "the conflict is checked again at listen(), not at bind()"
      }),
      macos: doc("EADDRINUSE", ["SO-MECKI", "PYDEV-2008"]),
      windows: doc("ok", ["MS-REUSE", "PYDEV-2008"])
    }
  },
  {
    id: "tcp4-reuseaddr-both-dup-wildcard-nolisten",
    section: section4,
    title: "The 2008 case: two SO_REUSEADDR TCP sockets bind the same port on 0.0.0.0, no listen",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind any4:0",
      "B = socket tcp4",
      RA("B"),
      "=> B bind any4:P"
    ],
    expect: {
      linux: doc("ok", ["LX-ICSK", "PYDEV-2008"]),
      macos: doc("EADDRINUSE", ["PYDEV-2008", "SO-MECKI"], {
        note: "FreeBSD and OS X raised EADDRINUSE on the 2008 buildbots"
      }),
      windows: doc("ok", ["MS-REUSE", "PYDEV-2008"])
    }
  },
  {
    id: "tcp4-reuseaddr-both-dup-first-listen",
    section: section4,
    title: "Of two co-bound SO_REUSEADDR TCP sockets, the first calls listen()",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind lo4:0",
      "B = socket tcp4",
      RA("B"),
      "B bind lo4:P",
      "=> A listen"
    ],
    expect: {
      linux: measuredOnLinux(inf("ok", ["LX-ICSK"])),
      macos: inf("EADDRINUSE", ["SO-MECKI"], {
        step: "B bind lo4:P",
        note: "B's bind already fails, as in tcp4-reuseaddr-both-dup-loopback-nolisten"
      }),
      windows: inf("ok", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-reuseaddr-both-dup-second-listen",
    section: section4,
    title: "Of two co-bound SO_REUSEADDR TCP sockets, the second calls listen() too",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind lo4:0",
      "B = socket tcp4",
      RA("B"),
      "B bind lo4:P",
      "A listen",
      "=> B listen"
    ],
    expect: {
      linux: measuredOnLinux(
        inf("EADDRINUSE", ["LX-ICSK"], {
          note: "listen() re-checks the port once the peer listens"
        })
      ),
      macos: inf("EADDRINUSE", ["SO-MECKI"], {
        step: "B bind lo4:P",
        note: "B never binds: its bind fails as in tcp4-reuseaddr-both-dup-loopback-nolisten"
      }),
      windows: doc("ok", ["MS-REUSE", "CPY-SOCKHELP"], {
        note: "both listen; the port is shared and connections go to either (port stealing)"
      })
    }
  },
  {
    id: "tcp4-reuseaddr-bind-while-listening",
    section: section4,
    title: "A SO_REUSEADDR TCP socket binds a 127.0.0.1 port another SO_REUSEADDR socket listens on",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind lo4:0",
      "A listen",
      "B = socket tcp4",
      RA("B"),
      "=> B bind lo4:P"
    ],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("ok", ["MS-REUSE", "CPY-SOCKHELP"], {
        note: "the second socket can steal the port"
      })
    }
  },
  {
    id: "tcp4-reuseaddr-second-only-dup-loopback",
    section: section4,
    title: "Only the second TCP socket sets SO_REUSEADDR, same 127.0.0.1 port",
    steps: ["A = socket tcp4", "A bind lo4:0", "B = socket tcp4", RA("B"), "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"], {
        note: "Linux needs SO_REUSEADDR on both sockets"
      }),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("EACCES", ["MS-REUSE"], { note: "WSAEACCES (10013), Table B" })
    }
  },
  {
    id: "tcp4-reuseaddr-second-only-wildcard-listening",
    section: section4,
    title: "Only the second TCP socket sets SO_REUSEADDR, the first listens on 0.0.0.0",
    steps: [
      "A = socket tcp4",
      "A bind any4:0",
      "A listen",
      "B = socket tcp4",
      RA("B"),
      "=> B bind any4:P"
    ],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("EACCES", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-reuseaddr-wildcard-listening-then-loopback",
    section: section4,
    title: "A SO_REUSEADDR TCP socket binds 127.0.0.1 on a port listening on 0.0.0.0",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind any4:0",
      "A listen",
      "B = socket tcp4",
      RA("B"),
      "=> B bind lo4:P"
    ],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"], {
        note: "a wildcard listener blocks every local address of its port"
      }),
      macos: doc("ok", ["SO-MECKI", "XNU-INPCB"]),
      windows: doc("ok", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-reuseaddr-loopback-listening-then-wildcard",
    section: section4,
    title: "A SO_REUSEADDR TCP socket binds 0.0.0.0 on a port listening on 127.0.0.1",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind lo4:0",
      "A listen",
      "B = socket tcp4",
      RA("B"),
      "=> B bind any4:P"
    ],
    expect: {
      linux: measuredOnLinux(inf("EADDRINUSE", ["LX-ICSK"])),
      macos: doc("ok", ["SO-MECKI"]),
      windows: doc("ok", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-reuseaddr-wildcard-then-loopback-nolisten",
    section: section4,
    title: "Two SO_REUSEADDR TCP sockets bind 0.0.0.0 and 127.0.0.1 on one port, no listen",
    steps: [
      "A = socket tcp4",
      RA("A"),
      "A bind any4:0",
      "B = socket tcp4",
      RA("B"),
      "=> B bind lo4:P"
    ],
    expect: {
      linux: measuredOnLinux(inf("ok", ["LX-ICSK"])),
      macos: doc("ok", ["SO-MECKI"]),
      windows: doc("ok", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-reuseaddr-first-only-wildcard-then-loopback",
    section: section4,
    title: "Only the first TCP socket (on 0.0.0.0) sets SO_REUSEADDR; the second binds 127.0.0.1",
    steps: ["A = socket tcp4", RA("A"), "A bind any4:0", "B = socket tcp4", "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"], { note: "BSD consults only the new socket's flag" }),
      windows: doc("ok", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-reuseaddr-second-only-wildcard-then-loopback",
    section: section4,
    title: "Only the second TCP socket sets SO_REUSEADDR: 0.0.0.0, then 127.0.0.1, no listen",
    steps: ["A = socket tcp4", "A bind any4:0", "B = socket tcp4", RA("B"), "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"]),
      macos: doc("ok", ["SO-MECKI"]),
      windows: doc("ok", ["MS-REUSE"])
    }
  }
];

// src/probe/catalogue/tcp4-reuseport-exclusive.ts
var RP = (sock) => `${sock} setsockopt SO_REUSEPORT 1`;
var RA2 = (sock) => `${sock} setsockopt SO_REUSEADDR 1`;
var EX = (sock) => `${sock} setsockopt SO_EXCLUSIVEADDRUSE 1`;
var noReusePort = (sock) => lacks(RP(sock), ["UV-WIN-TCP", "SO-MECKI"]);
var noExclusive = (sock) => lacks(EX(sock), ["MS-EXCL"]);
var reusePort = "TCP/IPv4 with SO_REUSEPORT";
var exclusive = "TCP/IPv4 with SO_EXCLUSIVEADDRUSE";
var tcp4ReusePort = [
  {
    id: "tcp-reuseport-option-availability",
    section: reusePort,
    title: "SO_REUSEPORT can be set on a TCP socket",
    steps: ["A = socket tcp4", `=> ${RP("A")}`],
    expect: {
      linux: doc("ok", ["LX-SOCKET7"]),
      macos: doc("ok", ["XNU-INPCB"]),
      windows: noReusePort("A")
    }
  },
  {
    id: "tcp4-reuseport-both-dup-bind",
    section: reusePort,
    title: "A SO_REUSEPORT TCP socket binds a 127.0.0.1 port another SO_REUSEPORT socket listens on",
    steps: [
      "A = socket tcp4",
      RP("A"),
      "A bind lo4:0",
      "A listen",
      "B = socket tcp4",
      RP("B"),
      "=> B bind lo4:P"
    ],
    expect: {
      linux: doc("ok", ["LX-SOCKET7"]),
      macos: doc("ok", ["FBSD-MAN", "XNU-INPCB"]),
      windows: noReusePort("A")
    }
  },
  {
    id: "tcp4-reuseport-both-dup-listen",
    section: reusePort,
    title: "Two SO_REUSEPORT TCP sockets both listen on one 127.0.0.1 port",
    steps: [
      "A = socket tcp4",
      RP("A"),
      "A bind lo4:0",
      "A listen",
      "B = socket tcp4",
      RP("B"),
      "B bind lo4:P",
      "=> B listen"
    ],
    expect: {
      linux: doc("ok", ["LX-SOCKET7", "LX-ICSK"], { note: "connections are spread across both" }),
      macos: inf("ok", ["FBSD-MAN"], {
        note: "no load balancing: the last socket takes the traffic"
      }),
      windows: noReusePort("A")
    }
  },
  {
    id: "tcp4-reuseport-first-only",
    section: reusePort,
    title: "Only the first TCP socket sets SO_REUSEPORT, same 127.0.0.1 port",
    steps: ["A = socket tcp4", RP("A"), "A bind lo4:0", "B = socket tcp4", "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: noReusePort("A")
    }
  },
  {
    id: "tcp4-reuseport-second-only",
    section: reusePort,
    title: "Only the second TCP socket sets SO_REUSEPORT, same 127.0.0.1 port",
    steps: ["A = socket tcp4", "A bind lo4:0", "B = socket tcp4", RP("B"), "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7"], { note: "every sharer must set SO_REUSEPORT" }),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: noReusePort("B")
    }
  }
];
var tcp4Exclusive = [
  {
    id: "tcp4-exclusive-then-reuseaddr-loopback",
    section: exclusive,
    title: "SO_REUSEADDR cannot take a 127.0.0.1 port bound with SO_EXCLUSIVEADDRUSE",
    steps: [
      "A = socket tcp4",
      EX("A"),
      "A bind lo4:0",
      "B = socket tcp4",
      RA2("B"),
      "=> B bind lo4:P"
    ],
    expect: {
      linux: measuredOnLinux(noExclusive("A")),
      macos: noExclusive("A"),
      windows: doc("EACCES", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-exclusive-then-default-loopback",
    section: exclusive,
    title: "A plain TCP socket binds a 127.0.0.1 port bound with SO_EXCLUSIVEADDRUSE",
    steps: ["A = socket tcp4", EX("A"), "A bind lo4:0", "B = socket tcp4", "=> B bind lo4:P"],
    expect: {
      linux: measuredOnLinux(noExclusive("A")),
      macos: noExclusive("A"),
      windows: doc("EADDRINUSE", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-exclusive-wildcard-then-default-loopback",
    section: exclusive,
    title: "A plain TCP socket binds 127.0.0.1 on a port held exclusively on 0.0.0.0",
    steps: ["A = socket tcp4", EX("A"), "A bind any4:0", "B = socket tcp4", "=> B bind lo4:P"],
    expect: {
      linux: measuredOnLinux(noExclusive("A")),
      macos: noExclusive("A"),
      windows: doc("EACCES", ["MS-REUSE"])
    }
  },
  {
    id: "tcp4-exclusive-loopback-then-default-wildcard",
    section: exclusive,
    title: "A plain TCP socket binds 0.0.0.0 on a port held exclusively on 127.0.0.1",
    steps: ["A = socket tcp4", EX("A"), "A bind lo4:0", "B = socket tcp4", "=> B bind any4:P"],
    expect: {
      linux: measuredOnLinux(noExclusive("A")),
      macos: noExclusive("A"),
      windows: doc("ok", ["MS-REUSE"], {
        note: "the wildcard socket then covers every address but 127.0.0.1"
      })
    }
  },
  {
    id: "tcp4-default-loopback-then-exclusive-wildcard",
    section: exclusive,
    title: "An exclusive bind to 0.0.0.0 on a port a plain socket holds on 127.0.0.1",
    steps: ["A = socket tcp4", "A bind lo4:0", "B = socket tcp4", EX("B"), "=> B bind any4:P"],
    expect: {
      linux: measuredOnLinux(noExclusive("B")),
      macos: noExclusive("B"),
      windows: doc("EADDRINUSE", ["MS-REUSE"], {
        note: "an exclusive wildcard bind doubles as a port-busy detector"
      })
    }
  }
];

// src/probe/catalogue/tcp4-timewait.ts
var section5 = "TIME_WAIT rebind (TCP/IPv4)";
function timeWait(options) {
  const setA = options.a ? [`A setsockopt ${options.a} 1`] : [];
  const setN = options.n ? [`N setsockopt ${options.n} 1`] : [];
  const closes = options.clientClosesFirst ? ["C close", "S close"] : ["S close", "C close"];
  return [
    "A = socket tcp4",
    ...setA,
    "A bind lo4:0",
    "A listen",
    "C = socket tcp4",
    "C connect lo4:P",
    "S = A accept",
    ...closes,
    "A close",
    "sleep 200",
    "N = socket tcp4",
    ...setN,
    "=> N bind lo4:P"
  ];
}
var tcp4TimeWait = [
  {
    id: "tcp4-timewait-rebind-default",
    section: section5,
    title: "A plain TCP socket rebinds a port whose last connection is in TIME_WAIT",
    steps: timeWait({}),
    expect: {
      linux: doc("EADDRINUSE", ["LX-ICSK", "SO-MECKI"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("ok", ["CPY-SOCKETPY"], {
        note: "why CPython does not set SO_REUSEADDR in create_server() on Windows"
      })
    }
  },
  {
    id: "tcp4-timewait-rebind-reuseaddr-both",
    section: section5,
    title: "Listener and rebinding socket both set SO_REUSEADDR; rebind over TIME_WAIT",
    steps: timeWait({ a: "SO_REUSEADDR", n: "SO_REUSEADDR" }),
    expect: {
      linux: doc("ok", ["LX-SOCKET7", "LX-ICSK"]),
      macos: doc("ok", ["SO-MECKI"]),
      windows: inf("ok", ["CPY-SOCKETPY"])
    }
  },
  {
    id: "tcp4-timewait-rebind-reuseaddr-new-only",
    section: section5,
    title: "Only the rebinding socket sets SO_REUSEADDR; rebind over TIME_WAIT",
    steps: timeWait({ n: "SO_REUSEADDR" }),
    expect: {
      linux: doc("EADDRINUSE", ["LX-SOCKET7", "LX-ICSK"], {
        note: "the TIME_WAIT socket inherits the old flag, and Linux needs both"
      }),
      macos: doc("ok", ["SO-MECKI"]),
      windows: inf("ok", ["CPY-SOCKETPY"])
    }
  },
  {
    id: "tcp4-timewait-rebind-exclusive",
    section: section5,
    title: "An exclusive listener, then an exclusive rebind over TIME_WAIT",
    steps: timeWait({ a: "SO_EXCLUSIVEADDRUSE", n: "SO_EXCLUSIVEADDRUSE" }),
    expect: {
      linux: measuredOnLinux(lacks("A setsockopt SO_EXCLUSIVEADDRUSE 1", ["MS-EXCL"])),
      macos: lacks("A setsockopt SO_EXCLUSIVEADDRUSE 1", ["MS-EXCL"]),
      windows: inf("EADDRINUSE", ["UV-WIN-TCP", "MS-REUSE"], {
        note: "the failure is documented, the error code is not"
      })
    }
  },
  {
    id: "tcp4-timewait-client-closes-first",
    section: section5,
    title: "Control: the client closes first, so TIME_WAIT is not on the server port",
    steps: timeWait({ clientClosesFirst: true }),
    expect: {
      linux: measuredOnLinux(inf("ok", ["SO-MECKI"])),
      macos: inf("ok", ["SO-MECKI"]),
      windows: inf("ok", ["SO-MECKI"])
    }
  }
];

// src/probe/catalogue/udp4.ts
var section6 = "UDP/IPv4";
var udp4 = [
  {
    id: "udp4-dup-loopback-default",
    section: section6,
    title: "Two plain UDP sockets bind the same 127.0.0.1 port",
    steps: ["A = socket udp4", "A bind lo4:0", "B = socket udp4", "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-UDP"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: doc("EADDRINUSE", ["MS-REUSE"])
    }
  },
  {
    id: "udp4-reuseaddr-both-dup-loopback",
    section: section6,
    title: "Two SO_REUSEADDR UDP sockets bind the same 127.0.0.1 port",
    steps: [
      "A = socket udp4",
      "A setsockopt SO_REUSEADDR 1",
      "A bind lo4:0",
      "B = socket udp4",
      "B setsockopt SO_REUSEADDR 1",
      "=> B bind lo4:P"
    ],
    expect: {
      linux: doc("ok", ["LX-UDP"]),
      macos: doc("EADDRINUSE", ["XNU-INPCB", "SO-MECKI"], {
        note: "exact duplicates need SO_REUSEPORT on BSD"
      }),
      windows: doc("ok", ["MS-REUSE"])
    }
  },
  {
    id: "udp4-reuseport-both-dup-loopback",
    section: section6,
    title: "Two SO_REUSEPORT UDP sockets bind the same 127.0.0.1 port",
    steps: [
      "A = socket udp4",
      "A setsockopt SO_REUSEPORT 1",
      "A bind lo4:0",
      "B = socket udp4",
      "B setsockopt SO_REUSEPORT 1",
      "=> B bind lo4:P"
    ],
    expect: {
      linux: doc("ok", ["LX-SOCKET7"]),
      macos: doc("ok", ["FBSD-MAN", "XNU-INPCB"]),
      windows: lacks("A setsockopt SO_REUSEPORT 1", ["UV-WIN-UDP"])
    }
  },
  {
    id: "udp4-wildcard-then-loopback-default",
    section: section6,
    title: "A plain UDP socket binds 127.0.0.1 on a port another holds on 0.0.0.0",
    steps: ["A = socket udp4", "A bind any4:0", "B = socket udp4", "=> B bind lo4:P"],
    expect: {
      linux: doc("EADDRINUSE", ["LX-UDP"]),
      macos: doc("EADDRINUSE", ["SO-MECKI"]),
      windows: inf("ok", ["MS-REUSE"], { note: "Table B is not specific to TCP" })
    }
  },
  {
    id: "udp4-reuseaddr-both-multicast-addr",
    section: section6,
    title: "Two SO_REUSEADDR UDP sockets bind one port on a multicast address",
    steps: [
      "A = socket udp4",
      "A setsockopt SO_REUSEADDR 1",
      "A bind mc4:0",
      "B = socket udp4",
      "B setsockopt SO_REUSEADDR 1",
      "=> B bind mc4:P"
    ],
    expect: {
      linux: measuredOnLinux(inf("ok", ["LX-UDP"])),
      macos: doc("ok", ["XNU-INPCB", "SO-MECKI"], {
        note: "for multicast, SO_REUSEADDR acts as SO_REUSEPORT"
      }),
      windows: unknown([], "no source describes binding a multicast address on Windows")
    }
  },
  {
    id: "udp4-exclusive-then-reuseaddr-loopback",
    section: section6,
    title: "SO_REUSEADDR cannot take a UDP port bound with SO_EXCLUSIVEADDRUSE",
    steps: [
      "A = socket udp4",
      "A setsockopt SO_EXCLUSIVEADDRUSE 1",
      "A bind lo4:0",
      "B = socket udp4",
      "B setsockopt SO_REUSEADDR 1",
      "=> B bind lo4:P"
    ],
    expect: {
      linux: measuredOnLinux(lacks("A setsockopt SO_EXCLUSIVEADDRUSE 1", ["MS-EXCL"])),
      macos: lacks("A setsockopt SO_EXCLUSIVEADDRUSE 1", ["MS-EXCL"]),
      windows: inf("EACCES", ["MS-EXCL", "MS-REUSE"], {
        note: "the option applies to datagram sockets too"
      })
    }
  }
];

// src/probe/catalogue/index.ts
var CATALOGUE = [
  ...tcp4Default,
  ...tcp4ReuseAddr,
  ...tcp4ReusePort,
  ...tcp4Exclusive,
  ...tcp4TimeWait,
  ...udp4,
  ...ipv6,
  ...ephemeral,
  ...nodeScenarios
];

// src/probe/model.ts
var PLATFORM_RESULT_SCHEMA_VERSION = 1;
var OS_FAMILIES = ["linux", "macos", "windows"];

// src/probe/steps.ts
var ADDRESSES = {
  lo4: "127.0.0.1",
  lo4b: "127.0.0.2",
  any4: "0.0.0.0",
  lo6: "::1",
  any6: "::",
  mc4: "239.255.0.1"
};
var SOCKET_KINDS = ["tcp4", "tcp6", "udp4", "udp6"];
var OPTIONS = [
  "SO_REUSEADDR",
  "SO_REUSEPORT",
  "SO_EXCLUSIVEADDRUSE",
  "IPV6_V6ONLY"
];
var NET_FLAGS = ["exclusive", "reusePort", "ipv6Only"];
var DGRAM_FLAGS = ["reuseAddr", "reusePort", "ipv6Only"];
var NODE_ONLY_OPS = /* @__PURE__ */ new Set(["net.listen", "dgram.bind"]);
var StepSyntaxError = class extends Error {
  name = "StepSyntaxError";
};
var SOCK = /^[A-Z][A-Za-z0-9]*$/;
function parseStep(line) {
  const trimmed = line.trim();
  const recorded = trimmed.startsWith("=>");
  const text = recorded ? trimmed.slice(2).trim() : trimmed;
  const words = text.split(/\s+/);
  return { text, recorded, op: parseWords(words, text) };
}
function parseWords(w, text) {
  const fail = (why) => {
    throw new StepSyntaxError(`step "${text}": ${why}`);
  };
  const [first = "", second = "", third = ""] = w;
  const arity = (n) => {
    if (w.length !== n) fail(`expected ${n} words, found ${w.length}`);
  };
  if (first === "sleep") {
    arity(2);
    return { op: "sleep", ms: integer(second, "milliseconds", fail) };
  }
  if (first === "ephemeral") {
    arity(4);
    const count = /^x(\d+)$/.exec(w[3] ?? "")?.[1];
    if (!count) fail("the sample count is written like x200");
    return {
      op: "ephemeral",
      kind: socketKind(second, fail),
      host: requireHost(address(third, fail), fail),
      count: Number(count)
    };
  }
  if (!SOCK.test(first)) fail(`"${first}" is not a socket name (A, B, C, S, N, T…)`);
  if (second === "=") {
    if (third === "socket") {
      arity(4);
      return { op: "socket", sock: first, kind: socketKind(w[3] ?? "", fail) };
    }
    if (w[3] === "accept") {
      arity(4);
      const listener = w[2] ?? "";
      if (!SOCK.test(listener)) fail(`"${listener}" is not a socket name`);
      return { op: "accept", sock: listener, as: first };
    }
    if (third === "net.listen") {
      if (w.length < 4) fail("net.listen needs an address such as lo4:0");
      return {
        op: "net.listen",
        sock: first,
        to: endpoint(w[3] ?? "", fail),
        flags: flags(w.slice(4), NET_FLAGS, fail)
      };
    }
    if (third === "dgram.bind") {
      if (w.length < 5) fail("dgram.bind needs a kind and an address, such as udp4 lo4:0");
      const kind = socketKind(w[3] ?? "", fail);
      if (kind !== "udp4" && kind !== "udp6") fail("dgram.bind takes udp4 or udp6");
      return {
        op: "dgram.bind",
        sock: first,
        kind,
        to: endpoint(w[4] ?? "", fail),
        flags: flags(w.slice(5), DGRAM_FLAGS, fail)
      };
    }
    return fail(`unknown constructor "${third}" (socket, accept, net.listen, dgram.bind)`);
  }
  switch (second) {
    case "setsockopt":
    case "setsockopt?":
      arity(4);
      return {
        op: "setsockopt",
        sock: first,
        option: option(third, fail),
        value: integer(w[3] ?? "", "option value", fail),
        ifSupported: second.endsWith("?")
      };
    case "getsockopt":
      arity(3);
      return { op: "getsockopt", sock: first, option: option(third, fail) };
    case "bind":
    case "connect": {
      arity(3);
      const to = endpoint(third, fail);
      requireHost(to.address, fail);
      return { op: second, sock: first, to };
    }
    case "listen":
    case "close":
      arity(2);
      return { op: second, sock: first };
    default:
      return fail(
        `unknown operation "${second}" (setsockopt, getsockopt, bind, listen, connect, close)`
      );
  }
}
function integer(word, what, fail) {
  if (!/^\d+$/.test(word)) fail(`${what} must be a whole number, found "${word}"`);
  return Number(word);
}
function socketKind(word, fail) {
  if (!SOCKET_KINDS.includes(word)) {
    fail(`unknown socket kind "${word}" (${SOCKET_KINDS.join(", ")})`);
  }
  return word;
}
function option(word, fail) {
  if (!OPTIONS.includes(word)) {
    fail(`unknown option "${word}" (${OPTIONS.join(", ")})`);
  }
  return word;
}
function address(word, fail) {
  if (word !== "default" && !(word in ADDRESSES)) {
    fail(`unknown address "${word}" (${Object.keys(ADDRESSES).join(", ")}, default)`);
  }
  return word;
}
function requireHost(name, fail) {
  if (name === "default") fail('"default" is only for net.listen and dgram.bind');
  return ADDRESSES[name];
}
function endpoint(word, fail) {
  const m = /^([a-z0-9]+):(0|P)$/.exec(word);
  if (!m) fail(`"${word}" is not an endpoint such as lo4:0 or any4:P`);
  const name = address(m[1] ?? "", fail);
  return {
    address: name,
    host: name === "default" ? void 0 : ADDRESSES[name],
    port: m[2] === "P" ? "P" : 0
  };
}
function flags(words, allowed, fail) {
  for (const word of words) {
    if (!allowed.includes(word)) fail(`unknown flag "${word}" (${allowed.join(", ")})`);
  }
  return words;
}

// src/probe/compile.ts
var ScenarioError = class extends Error {
  name = "ScenarioError";
};
var SCENARIO_ID = /^[a-z0-9][a-z0-9.-]{0,79}$/;
var NODE_DRIVER_OPS = /* @__PURE__ */ new Set([
  "net.listen",
  "dgram.bind",
  "close",
  "sleep"
]);
function compileScenario(scenario) {
  const where = `scenario "${scenario.id}"`;
  const fail = (why) => {
    throw new ScenarioError(`${where}: ${why}`);
  };
  if (!SCENARIO_ID.test(scenario.id)) {
    fail("ids are lower-case letters, digits, dots and dashes (at most 80)");
  }
  if (!scenario.title?.trim()) fail("needs a one-line title");
  if (!Array.isArray(scenario.steps) || scenario.steps.length === 0) fail("has no steps");
  const steps = scenario.steps.map((line, i) => {
    try {
      return parseStep(line);
    } catch (error) {
      if (error instanceof StepSyntaxError) fail(`step ${i + 1}: ${error.message}`);
      throw error;
    }
  });
  const recordedAt = steps.flatMap((s, i) => s.recorded ? [i] : []);
  if (recordedAt.length !== 1) {
    fail(`mark exactly one step with "=>" (found ${recordedAt.length})`);
  }
  const driver = steps.some((s) => NODE_ONLY_OPS.has(s.op.op)) ? "node" : "python";
  checkSockets(steps, driver, fail);
  for (const os2 of OS_FAMILIES) {
    const cell = scenario.expect?.[os2];
    if (!cell) fail(`has no expectation for ${os2}`);
    if (cell.step !== void 0 && !steps.some((s) => s.text === cell.step)) {
      fail(`the ${os2} expectation names step "${cell.step}", which is not one of its steps`);
    }
  }
  const measurement = steps.some((s) => s.op.op === "ephemeral");
  return {
    scenario,
    steps,
    driver,
    recorded: recordedAt[0],
    measurement,
    runAlone: measurement || scenario.runAlone === true
  };
}
function checkSockets(steps, driver, fail) {
  const open = /* @__PURE__ */ new Set();
  let havePort = false;
  steps.forEach(({ op, text }, i) => {
    const at = `step ${i + 1} ("${text}")`;
    if (driver === "node" && !NODE_DRIVER_OPS.has(op.op)) {
      fail(`${at}: "${op.op}" cannot be mixed with net.listen and dgram.bind`);
    }
    const used = "to" in op ? op.to : void 0;
    if (used?.port === "P" && !havePort) fail(`${at}: uses port P before a bind to port 0`);
    switch (op.op) {
      case "socket":
      case "net.listen":
      case "dgram.bind":
        open.add(op.sock);
        break;
      case "accept":
        if (!open.has(op.sock)) fail(`${at}: socket ${op.sock} is used before it is made`);
        open.add(op.as);
        break;
      case "sleep":
      case "ephemeral":
        break;
      default:
        if (!open.has(op.sock)) fail(`${at}: socket ${op.sock} is used before it is made`);
    }
    if (used?.port === 0 && (op.op === "bind" || op.op === "net.listen" || op.op === "dgram.bind")) {
      havePort = true;
    }
  });
}

// src/probe/drivers/node-driver.ts
import dgram from "node:dgram";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

// src/probe/drivers/driver.ts
var DriverFailure = class extends Error {
  name = "DriverFailure";
  kind;
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
};

// src/probe/drivers/node-driver.ts
function hasReusePort(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 23 || major === 23 && minor >= 1 || major === 22 && minor >= 12;
}
var NodeDriver = class {
  name = "node";
  status = { name: "node", status: "ok", version: process.versions.node };
  async execute(ops, timeoutMs) {
    const handles = /* @__PURE__ */ new Map();
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(
          new DriverFailure("timeout", `node scenario took over ${Math.round(timeoutMs)} ms`)
        ),
        timeoutMs
      );
    });
    try {
      return await Promise.race([this.perform(ops, handles), deadline]);
    } finally {
      clearTimeout(timer);
      await Promise.all([...handles.values()].map(closeHandle));
    }
  }
  async close() {
  }
  async perform(ops, handles) {
    const replies = [];
    let port;
    for (const op of ops) {
      if ("flags" in op && op.flags.includes("reusePort") && !hasReusePort()) {
        replies.push({ unsupported: `reusePort (Node ${process.versions.node} predates it)` });
        break;
      }
      try {
        const value = await this.performOne(op, handles, port);
        if (value !== void 0 && port === void 0 && "to" in op && op.to.port === 0)
          port = value;
        replies.push(value === void 0 ? { ok: true } : { ok: true, value });
      } catch (error) {
        replies.push({ ok: false, error: rawError(error) });
        break;
      }
    }
    return replies;
  }
  async performOne(op, handles, port) {
    switch (op.op) {
      case "net.listen": {
        const server = net.createServer();
        handles.set(op.sock, server);
        await new Promise((resolve, reject) => {
          server.once("error", reject);
          server.listen(
            {
              host: op.to.host,
              port: op.to.port === "P" ? port : 0,
              exclusive: op.flags.includes("exclusive"),
              reusePort: op.flags.includes("reusePort"),
              ipv6Only: op.flags.includes("ipv6Only")
            },
            () => resolve()
          );
        });
        return server.address().port;
      }
      case "dgram.bind": {
        const socket = dgram.createSocket({
          type: op.kind,
          reuseAddr: op.flags.includes("reuseAddr"),
          reusePort: op.flags.includes("reusePort"),
          ipv6Only: op.flags.includes("ipv6Only")
        });
        handles.set(op.sock, socket);
        await new Promise((resolve, reject) => {
          socket.once("error", reject);
          socket.bind({ address: op.to.host, port: op.to.port === "P" ? port : 0 }, () => resolve());
        });
        return socket.address().port;
      }
      case "close": {
        const handle = handles.get(op.sock);
        handles.delete(op.sock);
        if (handle) await closeHandle(handle);
        return void 0;
      }
      case "sleep":
        await sleep(op.ms);
        return void 0;
      default:
        throw new Error(`the node driver cannot perform "${op.op}"`);
    }
  }
};
function rawError(error) {
  const e = error;
  return {
    ...e.code ? { name: e.code } : {},
    ...typeof e.errno === "number" ? { errno: e.errno } : {},
    exception: e.name ?? "Error",
    message: e.message ?? String(error)
  };
}
function closeHandle(handle) {
  return new Promise((resolve) => {
    try {
      if (handle instanceof net.Server) {
        if (!handle.listening) return resolve();
        handle.close(() => resolve());
      } else {
        handle.close(() => resolve());
      }
    } catch {
      resolve();
    }
  });
}

// src/probe/drivers/python-driver.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
var DRIVER_SCRIPT = fileURLToPath(new URL("./python/driver.py", import.meta.url));
var MIN_PYTHON = [3, 6];
var HELLO_TIMEOUT_MS = 1e4;
var PythonUnavailable = class extends Error {
  name = "PythonUnavailable";
};
function pythonCandidates(platform = process.platform, override = process.env.BIND_PROBE_PYTHON) {
  if (override?.trim()) return [override.trim().split(/\s+/)];
  return platform === "win32" ? [["python"], ["py", "-3"], ["python3"]] : [["python3"], ["python"], ["py", "-3"]];
}
async function startPythonDriver(candidates = pythonCandidates(), script = DRIVER_SCRIPT) {
  const tried = [];
  for (const command of candidates) {
    try {
      return await PythonDriver.start(command, script);
    } catch (error) {
      tried.push(`${command.join(" ")}: ${error.message}`);
    }
  }
  throw new PythonUnavailable(
    `no Python ${MIN_PYTHON.join(".")}+ found (tried ${tried.join("; ")}); install Python 3 or set BIND_PROBE_PYTHON to its path`
  );
}
var PythonDriver = class _PythonDriver {
  name = "python";
  hello;
  child;
  pending = /* @__PURE__ */ new Map();
  nextId = 1;
  exited;
  /** A request timed out: its thread may still hold sockets, so close() does not wait for it. */
  abandoned = false;
  stderrTail = "";
  constructor(child, hello, lines) {
    this.child = child;
    this.hello = hello;
    child.stderr.on("data", (chunk) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2e3);
    });
    child.on("exit", (code, signal) => {
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      const tail = this.stderrTail.trim().split("\n").slice(-3).join(" | ");
      this.fail(
        new DriverFailure("crash", `python driver exited (${why})${tail ? `: ${tail}` : ""}`)
      );
    });
    void this.readReplies(lines);
  }
  static async start(command, script) {
    const [file, ...args] = command;
    const child = spawn(file, [...args, "-I", "-S", "-u", script], {
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true
    });
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
    const spawnError = new Promise((_, reject) => {
      child.once("error", reject);
      child.once(
        "exit",
        (code) => reject(new Error(`exited with code ${code} before the handshake`))
      );
    });
    spawnError.catch(() => void 0);
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("no handshake within 10 s")), HELLO_TIMEOUT_MS);
    });
    try {
      const first = await Promise.race([lines.next(), spawnError, timeout]);
      const hello = parseHello(first.done ? void 0 : first.value);
      return new _PythonDriver(child, hello, lines);
    } catch (error) {
      child.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
  get status() {
    return {
      name: "python",
      status: this.exited ? "crashed" : "ok",
      version: this.hello.python,
      executable: this.hello.executable,
      ...this.exited ? { message: this.exited.message } : {}
    };
  }
  execute(ops, timeoutMs) {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const request = { id, ops: ops.map(toWire), timeout: Math.max(0.1, timeoutMs / 2e3) };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.abandoned = true;
        reject(
          new DriverFailure("timeout", `no answer from the python driver within ${timeoutMs} ms`)
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.stdin.write(`${JSON.stringify(request)}
`);
    });
  }
  async close() {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once("exit", () => resolve()));
    this.child.stdin.end();
    const kill = setTimeout(() => this.child.kill("SIGKILL"), this.abandoned ? 0 : 3e3);
    await gone;
    clearTimeout(kill);
  }
  async readReplies(lines) {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      let message;
      try {
        message = JSON.parse(next.value);
      } catch {
        continue;
      }
      const pending = message.id === void 0 ? void 0 : this.pending.get(message.id);
      if (!pending) continue;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.results) pending.resolve(message.results);
      else
        pending.reject(new DriverFailure("crash", `python driver: ${message.fatal ?? "bad reply"}`));
    }
  }
  fail(failure) {
    this.exited ??= failure;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(failure);
      this.pending.delete(id);
    }
  }
};
function parseHello(line) {
  let message;
  try {
    message = line ? JSON.parse(line) : void 0;
  } catch {
    message = void 0;
  }
  const hello = message?.hello;
  if (!hello) throw new Error(`unexpected first line ${JSON.stringify(line ?? "")}`);
  const [major = 0, minor = 0] = hello.python.split(".").map(Number);
  if (major < MIN_PYTHON[0] || major === MIN_PYTHON[0] && minor < MIN_PYTHON[1]) {
    throw new Error(`Python ${hello.python} is older than ${MIN_PYTHON.join(".")}`);
  }
  return hello;
}
function toWire(op) {
  switch (op.op) {
    case "socket":
      return { op: "socket", sock: op.sock, ...familyAndType(op.kind) };
    case "setsockopt":
    case "getsockopt":
      return {
        ...op,
        level: op.option === "IPV6_V6ONLY" ? "IPPROTO_IPV6" : "SOL_SOCKET"
      };
    case "bind":
    case "connect":
      return { op: op.op, sock: op.sock, host: op.to.host, port: op.to.port };
    case "ephemeral":
      return { op: "ephemeral", host: op.host, count: op.count, ...familyAndType(op.kind) };
    default:
      return op;
  }
}
function familyAndType(kind) {
  return {
    family: kind.endsWith("6") ? "inet6" : "inet",
    type: kind.startsWith("udp") ? "dgram" : "stream"
  };
}

// src/probe/environment/collect.ts
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import { promisify } from "node:util";

// src/probe/environment/parse.ts
function osFamily(platform) {
  if (platform === "linux") return "linux";
  if (platform === "darwin") return "macos";
  if (platform === "win32") return "windows";
  return "other";
}
var PLATFORM_LABEL = /^[a-z0-9][a-z0-9.-]{0,39}$/;
function platformId(platform, arch, label) {
  const family = osFamily(platform);
  const base = `${family === "other" ? platform : family}-${arch}`;
  return label ? `${base}-${label}` : base;
}
function parseLinuxPortRange(text) {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  return m ? { low: Number(m[1]), high: Number(m[2]) } : void 0;
}
function parseOsRelease(text) {
  const m = /^PRETTY_NAME=("?)(.*)\1\s*$/m.exec(text);
  return m?.[2] || void 0;
}
function parseSysctlLines(text) {
  const settings = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([\w.]+):\s*(.*?)\s*$/.exec(line);
    if (m) settings[m[1]] = m[2];
  }
  return settings;
}
function macPortRange(settings) {
  const low = Number(settings["net.inet.ip.portrange.first"]);
  const high = Number(settings["net.inet.ip.portrange.last"]);
  return Number.isInteger(low) && Number.isInteger(high) && low > 0 ? { low, high } : void 0;
}
function parseNetshDynamicPort(text) {
  const numbers = [...text.matchAll(/:\s*(\d+)\s*$/gm)].map((m) => Number(m[1]));
  const [start, count] = numbers;
  if (start === void 0 || count === void 0 || count < 1) return void 0;
  return { low: start, high: start + count - 1 };
}

// src/probe/environment/collect.ts
var run = promisify(execFile);
var LINUX_SYSCTLS = [
  "net.ipv4.ip_local_port_range",
  "net.ipv6.bindv6only",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.ip_autobind_reuse"
];
var MAC_SYSCTLS = [
  "net.inet.tcp.randomize_ports",
  "net.inet.udp.randomize_ports",
  "net.inet.ip.portrange.first",
  "net.inet.ip.portrange.last",
  "net.inet6.ip6.v6only"
];
async function collectPlatform(options = {}) {
  const env = options.env ?? process.env;
  const platform = process.platform;
  const { settings, range, distro } = await readSettings(platform);
  const runner = {
    os: env.RUNNER_OS,
    arch: env.RUNNER_ARCH,
    name: env.RUNNER_NAME,
    environment: env.RUNNER_ENVIRONMENT,
    image: env.ImageOS,
    imageVersion: env.ImageVersion
  };
  const present = Object.fromEntries(Object.entries(runner).filter(([, v]) => v));
  return {
    id: platformId(platform, process.arch, options.label),
    os: osFamily(platform),
    platform,
    arch: process.arch,
    ...options.label ? { label: options.label } : {},
    release: os.release(),
    kernel: os.version(),
    ...distro ? { distro } : {},
    ...Object.keys(present).length ? { runner: present } : {},
    node: { version: process.versions.node },
    settings,
    ...range ? { ephemeralPortRange: range } : {}
  };
}
async function readSettings(platform) {
  if (platform === "linux") {
    const settings = {};
    await Promise.all(
      LINUX_SYSCTLS.map(async (name) => {
        const value = await quietly(readFile(`/proc/sys/${name.replaceAll(".", "/")}`, "utf8"));
        if (value !== void 0) settings[name] = value.trim().replace(/\s+/g, " ");
      })
    );
    const release = await quietly(readFile("/etc/os-release", "utf8"));
    const range = parseLinuxPortRange(settings["net.ipv4.ip_local_port_range"] ?? "");
    return { settings, range, distro: release ? parseOsRelease(release) : void 0 };
  }
  if (platform === "darwin") {
    const [sysctl, version] = await Promise.all([
      quietly(run("sysctl", MAC_SYSCTLS, { timeout: 5e3 })),
      quietly(run("sw_vers", ["-productVersion"], { timeout: 5e3 }))
    ]);
    const settings = parseSysctlLines(sysctl?.stdout ?? "");
    const distro = version ? `macOS ${version.stdout.trim()}` : void 0;
    return { settings, range: macPortRange(settings), distro };
  }
  if (platform === "win32") {
    const settings = {};
    let range;
    for (const proto of ["tcp", "udp"]) {
      const out = await quietly(
        run("netsh", ["int", "ipv4", "show", "dynamicport", proto], { timeout: 5e3 })
      );
      const parsed = parseNetshDynamicPort(out?.stdout ?? "");
      if (parsed) settings[`netsh ipv4 dynamicport ${proto}`] = `${parsed.low}-${parsed.high}`;
      if (proto === "tcp") range = parsed;
    }
    return { settings, range, distro: os.version() };
  }
  return { settings: {}, range: void 0, distro: void 0 };
}
async function quietly(promise) {
  try {
    return await promise;
  } catch {
    return void 0;
  }
}

// src/probe/outcome.ts
var WINSOCK_ERRORS = {
  10004: "EINTR",
  10009: "EBADF",
  10013: "EACCES",
  10014: "EFAULT",
  10022: "EINVAL",
  10024: "EMFILE",
  10035: "EWOULDBLOCK",
  10038: "ENOTSOCK",
  10042: "ENOPROTOOPT",
  10043: "EPROTONOSUPPORT",
  10045: "EOPNOTSUPP",
  10047: "EAFNOSUPPORT",
  10048: "EADDRINUSE",
  10049: "EADDRNOTAVAIL",
  10050: "ENETDOWN",
  10051: "ENETUNREACH",
  10053: "ECONNABORTED",
  10054: "ECONNRESET",
  10055: "ENOBUFS",
  10056: "EISCONN",
  10057: "ENOTCONN",
  10060: "ETIMEDOUT",
  10061: "ECONNREFUSED"
};
var LACKS_OPTION = /* @__PURE__ */ new Set(["ENOPROTOOPT", "EOPNOTSUPP", "ENOTSUP"]);
function errorName(raw) {
  if (raw.winerror !== void 0 && WINSOCK_ERRORS[raw.winerror]) {
    return WINSOCK_ERRORS[raw.winerror];
  }
  if (raw.name) return raw.name.startsWith("WSAE") ? raw.name.slice(3) : raw.name;
  if (raw.errno !== void 0 && WINSOCK_ERRORS[raw.errno]) return WINSOCK_ERRORS[raw.errno];
  if (raw.exception === "timeout" || raw.exception === "TimeoutError") return "ETIMEDOUT";
  return raw.exception ?? "EUNKNOWN";
}
function outcomeOf(raw) {
  if (raw.missingConstant) return "unsupported";
  const name = errorName(raw);
  return LACKS_OPTION.has(name) ? "unsupported" : name;
}
function rawCode(raw) {
  if (!raw) return void 0;
  if (raw.missingConstant) return `no ${raw.missingConstant}`;
  if (raw.winerror !== void 0) {
    const name = WINSOCK_ERRORS[raw.winerror];
    return name ? `WSA${name} (${raw.winerror})` : `winerror ${raw.winerror}`;
  }
  if (raw.name && raw.errno !== void 0) return `${raw.name} (errno ${raw.errno})`;
  return raw.name ?? raw.exception;
}

// src/probe/interpret.ts
function interpretReplies(compiled, replies) {
  const trace = [];
  let decided;
  let ports;
  compiled.steps.forEach((step, i) => {
    const reply = replies[i];
    if (!reply) {
      trace.push({ step: step.text, status: "not-run" });
      return;
    }
    if ("skipped" in reply) {
      trace.push({ step: step.text, status: "skipped" });
    } else if ("unsupported" in reply) {
      const raw = { missingConstant: reply.unsupported };
      trace.push({ step: step.text, status: "unsupported", error: raw });
      if (!decided && i <= compiled.recorded)
        decided = { outcome: "unsupported", step: step.text, raw };
    } else if (!reply.ok) {
      trace.push({ step: step.text, status: "error", error: reply.error });
      if (!decided && i <= compiled.recorded) {
        decided = { outcome: outcomeOf(reply.error), step: step.text, raw: reply.error };
      }
    } else if (Array.isArray(reply.value)) {
      ports = reply.value;
      trace.push({ step: step.text, status: "ok" });
    } else {
      trace.push({
        step: step.text,
        status: "ok",
        ...reply.value === void 0 ? {} : { value: reply.value }
      });
    }
  });
  const recorded = compiled.steps[compiled.recorded].text;
  if (!decided && trace[compiled.recorded]?.status !== "ok") {
    return {
      outcome: "probe-error",
      step: recorded,
      reason: `the driver answered ${replies.length} of ${compiled.steps.length} steps`,
      trace
    };
  }
  return { ...decided ?? { outcome: "ok", step: recorded }, trace, ...ports ? { ports } : {} };
}
function runWithoutSockets(compiled, outcome, reason) {
  return {
    outcome,
    step: compiled.steps[compiled.recorded].text,
    reason,
    trace: compiled.steps.map((s) => ({ step: s.text, status: "not-run" }))
  };
}
function aggregateRuns(compiled, runs, durationMs, portRange) {
  const counts = [];
  const firstRun = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    let entry = counts.find((c) => c.outcome === run2.outcome && c.step === run2.step);
    if (!entry) {
      entry = { outcome: run2.outcome, step: run2.step, count: 0 };
      counts.push(entry);
      firstRun.set(entry, run2);
    }
    entry.count++;
  }
  const order = [...counts];
  counts.sort((a, b) => b.count - a.count || order.indexOf(a) - order.indexOf(b));
  const top = counts[0];
  const representative = firstRun.get(top);
  const answers = counts.filter((c) => c.outcome !== "probe-error" && c.outcome !== "skipped");
  const sequences = runs.flatMap((r) => r.ports ? [r.ports] : []);
  return {
    id: compiled.scenario.id,
    driver: compiled.driver,
    outcome: top.outcome,
    step: top.step,
    ...representative.raw ? { raw: representative.raw } : {},
    ...representative.reason ? { reason: representative.reason } : {},
    trace: representative.trace,
    runs: runs.length,
    counts,
    flaky: answers.length > 1,
    ...compiled.measurement && sequences.length ? { metrics: ephemeralMetrics(sequences, portRange) } : {},
    durationMs: Math.round(durationMs)
  };
}
function ephemeralMetrics(sequences, range) {
  const all = sequences.flat();
  let pairs = 0;
  let same = 0;
  let next = 0;
  for (const seq of sequences) {
    for (let i = 1; i < seq.length; i++) {
      pairs++;
      if (seq[i] === seq[i - 1]) same++;
      if (seq[i] === seq[i - 1] + 1) next++;
    }
  }
  const share = (n, of) => of === 0 ? 0 : Math.round(n / of * 1e4) / 1e4;
  return {
    samples: all.length,
    distinct: new Set(all).size,
    min: Math.min(...all),
    max: Math.max(...all),
    sameAsPrevious: share(same, pairs),
    nextAfterPrevious: share(next, pairs),
    oddShare: share(all.filter((p) => p % 2 === 1).length, all.length),
    ...range ? { inRange: share(all.filter((p) => p >= range.low && p <= range.high).length, all.length) } : {}
  };
}

// src/probe/run.ts
var RUN_DEFAULTS = {
  repeat: 1,
  concurrency: 16,
  scenarioTimeoutMs: 1e4,
  globalTimeoutMs: 12e4
};
async function runScenarios(options) {
  const { scenarios, repeat } = options;
  const runs = new Map(scenarios.map((c) => [c.scenario.id, []]));
  const spans = /* @__PURE__ */ new Map();
  const deadline = performance.now() + options.globalTimeoutMs;
  let done = 0;
  const runOnce = async (compiled) => {
    const id = compiled.scenario.id;
    const start = performance.now();
    runs.get(id).push(await attempt(compiled, options, deadline));
    const span = spans.get(id);
    spans.set(id, { start: Math.min(span?.start ?? start, start), end: performance.now() });
    options.onProgress?.(++done, scenarios.length * repeat, id);
  };
  const together = scenarios.filter((c) => !c.runAlone);
  const alone = scenarios.filter((c) => c.runAlone);
  await pool(
    together.flatMap((c) => Array.from({ length: repeat }, () => c)),
    options.concurrency,
    runOnce
  );
  for (const compiled of alone) {
    for (let i = 0; i < repeat; i++) await runOnce(compiled);
  }
  return scenarios.map((compiled) => {
    const span = spans.get(compiled.scenario.id);
    return aggregateRuns(
      compiled,
      runs.get(compiled.scenario.id),
      span ? span.end - span.start : 0,
      options.portRange
    );
  });
}
async function attempt(compiled, options, deadline) {
  const driver = options.drivers[compiled.driver];
  if (!driver)
    return runWithoutSockets(compiled, "skipped", `the ${compiled.driver} driver was not selected`);
  if ("unavailable" in driver) return runWithoutSockets(compiled, "skipped", driver.unavailable);
  const left = deadline - performance.now();
  const globalReason = `the probe's global timeout (${options.globalTimeoutMs} ms) passed`;
  if (left < 1) return runWithoutSockets(compiled, "probe-error", globalReason);
  const cappedByDeadline = left < options.scenarioTimeoutMs;
  try {
    const replies = await driver.execute(
      compiled.steps.map((s) => s.op),
      cappedByDeadline ? left : options.scenarioTimeoutMs
    );
    return interpretReplies(compiled, replies);
  } catch (error) {
    if (!(error instanceof DriverFailure)) throw error;
    const reason = error.kind === "timeout" && cappedByDeadline ? globalReason : error.message;
    return runWithoutSockets(compiled, "probe-error", reason);
  }
}
async function pool(items, limit, work) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

// src/probe/probe.ts
var ProbeUsageError = class extends Error {
  name = "ProbeUsageError";
};
async function probe(options = {}) {
  const startedAt = /* @__PURE__ */ new Date();
  const t0 = performance.now();
  const repeat = options.repeat ?? RUN_DEFAULTS.repeat;
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 1e3) {
    throw new ProbeUsageError(`repeat must be a whole number from 1 to 1000, not ${repeat}`);
  }
  if (options.label !== void 0 && !PLATFORM_LABEL.test(options.label)) {
    throw new ProbeUsageError(
      `label "${options.label}" must be lower-case letters, digits, dots and dashes (at most 40)`
    );
  }
  const drivers = options.drivers ?? ["python", "node"];
  const scenarios = selectScenarios(
    compileAll([...CATALOGUE, ...options.extraScenarios ?? []]),
    options.only,
    drivers
  );
  const needed = new Set(scenarios.map((s) => s.driver));
  const [started, platform] = await Promise.all([
    startDrivers(needed, drivers, options),
    collectPlatform(options.label ? { label: options.label } : {})
  ]);
  try {
    if (started.python instanceof PythonDriver) {
      const { python, implementation, executable } = started.python.hello;
      platform.python = { version: python, implementation, executable };
    }
    const results = await runScenarios({
      scenarios,
      drivers: started,
      repeat,
      concurrency: options.concurrency ?? RUN_DEFAULTS.concurrency,
      scenarioTimeoutMs: options.scenarioTimeoutMs ?? RUN_DEFAULTS.scenarioTimeoutMs,
      globalTimeoutMs: options.globalTimeoutMs ?? RUN_DEFAULTS.globalTimeoutMs,
      ...platform.ephemeralPortRange ? { portRange: platform.ephemeralPortRange } : {},
      ...options.onProgress ? { onProgress: options.onProgress } : {}
    });
    return {
      schemaVersion: PLATFORM_RESULT_SCHEMA_VERSION,
      tool: { name: "bind-probe", version: VERSION },
      platform,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      options: { repeat, drivers, ...options.only ? { only: options.only } : {} },
      drivers: driverStatuses(started),
      scenarios: results
    };
  } finally {
    await Promise.all(Object.values(started).map((d) => "close" in d ? d.close() : void 0));
  }
}
function compileAll(scenarios) {
  const seen = /* @__PURE__ */ new Set();
  return scenarios.map((scenario) => {
    if (seen.has(scenario.id))
      throw new ProbeUsageError(`scenario id "${scenario.id}" is used twice`);
    seen.add(scenario.id);
    return compileScenario(scenario);
  });
}
function selectScenarios(all, only, drivers) {
  if (!only) return all.filter((c) => drivers.includes(c.driver));
  const byId = new Map(all.map((c) => [c.scenario.id, c]));
  return only.map((id) => {
    const found = byId.get(id);
    if (!found) {
      const hint = closest(id, [...byId.keys()]);
      throw new ProbeUsageError(
        `unknown scenario "${id}"${hint ? ` (did you mean "${hint}"?)` : ""}; \`bind-probe list\` shows every id`
      );
    }
    if (!drivers.includes(found.driver)) {
      throw new ProbeUsageError(
        `scenario "${id}" needs the ${found.driver} driver, which --driver left out`
      );
    }
    return found;
  });
}
async function startDrivers(needed, chosen, options) {
  const started = {};
  if (needed.has("node")) started.node = new NodeDriver();
  if (needed.has("python")) {
    try {
      started.python = await startPythonDriver(options.pythonCandidates, options.pythonScript);
    } catch (error) {
      if (!(error instanceof PythonUnavailable)) throw error;
      if (options.drivers && chosen.length === 1) throw new ProbeUsageError(error.message);
      const message = `${error.message}; the OS socket scenarios are skipped and the node scenarios still run`;
      options.onWarning?.(message);
      started.python = { unavailable: message };
    }
  }
  return started;
}
function driverStatuses(started) {
  return Object.entries(started).map(
    ([name, d]) => "unavailable" in d ? { name, status: "unavailable", message: d.unavailable } : d.status
  );
}
function closest(wanted, ids) {
  let best;
  for (const id of ids) {
    const d = distance(wanted, id);
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : void 0;
}
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    prev = row;
  }
  return prev[b.length];
}

// src/cli/io.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/cli/list-command.ts
import { parseArgs } from "node:util";

// src/cli/terminal.ts
import { styleText } from "node:util";
function painter(stream, env = process.env) {
  const colour = stream.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
  return colour ? (style, text) => styleText(style, text) : (_style, text) => text;
}
var plain = (_style, text) => text;
function pad(text, width) {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

// src/cli/list-command.ts
var LIST_HELP = `Usage: bind-probe list [--format table|json]

Lists the scenario catalogue: ids, titles and the expected outcome on each OS.
`;
function listCommand(argv, io) {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: "string", default: "table" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  if (values.help) {
    io.stdout.write(LIST_HELP);
    return 0;
  }
  if (values.format === "json") {
    io.stdout.write(`${JSON.stringify(CATALOGUE, null, 2)}
`);
    return 0;
  }
  const paint = painter(io.stdout);
  const width = Math.max(...CATALOGUE.map((s) => s.id.length)) + 2;
  const cell = (e) => `${e.outcome ?? "unknown"}${e.confidence === "documented" ? "" : "?"}`;
  let section7 = "";
  for (const s of CATALOGUE) {
    if (s.section !== section7) {
      section7 = s.section;
      io.stdout.write(`${paint("bold", section7)}
`);
    }
    const cells = OS_FAMILIES.map((os2) => `${os2} ${cell(s.expect[os2])}`).join("  ");
    io.stdout.write(
      `  ${pad(s.id, width)}${s.title}
  ${" ".repeat(width)}${paint("dim", cells)}
`
    );
  }
  io.stdout.write(
    paint(
      "dim",
      `${CATALOGUE.length} scenarios; "?" marks an expectation that is not documented
`
    )
  );
  return 0;
}

// src/cli/probe-command.ts
import { writeFile } from "node:fs/promises";
import { parseArgs as parseArgs2 } from "node:util";

// src/report/render/metrics.ts
function describeMetrics(m) {
  const pct = (x) => `${Math.round(x * 1e3) / 10}%`;
  return `${m.samples} draws in ${m.min}–${m.max}, ${m.distinct} distinct; same port again ${pct(m.sameAsPrevious)}, next port ${pct(m.nextAfterPrevious)}, odd ${pct(m.oddShare)}` + (m.inRange === void 0 ? "" : `, in the ephemeral range ${pct(m.inRange)}`);
}

// src/report/verdict.ts
function recordedStep(scenario) {
  const line = scenario.steps.find((s) => s.trim().startsWith("=>")) ?? "";
  return line.trim().slice(2).trim();
}
function isMeasurement(scenario) {
  return scenario.steps.some((s) => /^(=>\s*)?ephemeral\s/.test(s.trim()));
}
function judge(scenario, result, os2) {
  if (os2 === "other") return { verdict: "no-expectation" };
  const expected = scenario.expect[os2];
  if (result.outcome === "skipped" || result.outcome === "probe-error") {
    return { verdict: "not-measured", expected };
  }
  if (isMeasurement(scenario)) return { verdict: "measurement", expected };
  if (expected.outcome === void 0) return { verdict: "settled", expected };
  const expectedStep = expected.step ?? recordedStep(scenario);
  const same = result.outcome === expected.outcome && (expected.outcome === "ok" || result.step === expectedStep);
  if (expected.confidence === "documented") {
    return { verdict: same ? "matches" : "diverges", expected, expectedStep };
  }
  return { verdict: same ? "confirmed" : "refuted", expected, expectedStep };
}
function describeExpectation(judgement, scenario) {
  const { expected } = judgement;
  if (!expected || expected.outcome === void 0) return "unknown";
  const step = expected.step ?? recordedStep(scenario);
  return expected.outcome !== "ok" && expected.outcome !== "unsupported" && step !== recordedStep(scenario) ? `${expected.outcome} at ${step}` : expected.outcome;
}

// src/cli/table.ts
var MARKS = {
  matches: { mark: "✓", style: "green" },
  confirmed: { mark: "✓", style: "green" },
  diverges: { mark: "✗", style: "red" },
  refuted: { mark: "!", style: "yellow" },
  settled: { mark: "?", style: "cyan" },
  measurement: { mark: "#", style: "cyan" },
  "not-measured": { mark: "-", style: "dim" },
  "no-expectation": { mark: " ", style: "dim" }
};
function renderTable(result, scenarios, paint = plain) {
  const os2 = result.platform.os;
  const rows = result.scenarios.map((r) => {
    const scenario = scenarios.get(r.id);
    const judgement = scenario ? judge(scenario, r, os2) : { verdict: "no-expectation" };
    return { r, scenario, judgement };
  });
  const outcomeText = rows.map(({ r, scenario }) => describeOutcome(r, scenario));
  const expectedText = rows.map(({ judgement, scenario }) => {
    if (!scenario || !judgement.expected) return "";
    if (judgement.verdict === "measurement") return `numbers · ${judgement.expected.confidence}`;
    return `${describeExpectation(judgement, scenario)} · ${judgement.expected.confidence}`;
  });
  const w1 = Math.max(7, ...outcomeText.map((t) => t.length)) + 2;
  const w2 = Math.max(8, ...expectedText.map((t) => t.length)) + 2;
  const indent = " ".repeat(3 + w1 + w2);
  const lines = [...header(result, paint), ""];
  lines.push(paint("dim", `   ${pad("outcome", w1)}${pad(`expected (${os2})`, w2)}scenario`));
  let section7;
  rows.forEach(({ r, scenario, judgement }, i) => {
    const heading = scenario?.section ?? "Custom scenarios";
    if (heading !== section7) {
      section7 = heading;
      lines.push(paint("bold", heading));
    }
    const { mark, style } = MARKS[judgement.verdict];
    lines.push(
      ` ${paint(style, mark)} ${pad(outcomeText[i], w1)}${pad(expectedText[i], w2)}${scenario?.title ?? r.id}`
    );
    const detail = r.reason ?? (r.metrics ? describeMetrics(r.metrics) : void 0);
    lines.push(paint("dim", `${indent}${r.id}${detail ? ` — ${detail}` : ""}`));
  });
  lines.push(
    "",
    ...summary(
      rows.map((row) => row.judgement.verdict),
      result,
      paint
    )
  );
  return lines.join("\n");
}
function header(result, paint) {
  const p = result.platform;
  const facts = [
    p.python ? `python ${p.python.version}` : "no python",
    `node ${p.node.version}`,
    ...Object.entries(p.settings).map(([k, v]) => `${k} ${v}`)
  ];
  const runner = p.runner?.image ? ` · runner ${p.runner.image} ${p.runner.imageVersion ?? ""}`.trimEnd() : "";
  return [
    paint("bold", `bind-probe ${result.tool.version} on ${p.id}`) + ` — ${p.distro ?? p.platform}, kernel ${p.release}${runner}`,
    paint("dim", facts.join(" · "))
  ];
}
var AT_ANY_STEP = /* @__PURE__ */ new Set(["ok", "unsupported", "skipped", "probe-error"]);
function describeOutcome(r, scenario) {
  const top = r.counts[0];
  const flaky = r.flaky && top ? ` (${top.count}/${r.runs}, flaky)` : "";
  const atStep = scenario && !AT_ANY_STEP.has(r.outcome) && r.step !== recordedStep(scenario) ? ` at ${r.step}` : "";
  return `${r.outcome}${atStep}${flaky}`;
}
function summary(verdicts, result, paint) {
  const count = (v) => verdicts.filter((x) => x === v).length;
  const parts = [
    `${count("matches")} match the documentation`,
    `${count("confirmed")} confirm an inferred or measured expectation`,
    `${count("diverges")} diverge`,
    `${count("refuted")} refute`,
    `${count("settled")} settle an unknown`,
    `${count("measurement")} measurements`,
    `${count("not-measured")} not measured`
  ];
  const flaky = result.scenarios.filter((s) => s.flaky).length;
  const raw = result.scenarios.find((s) => s.raw && s.outcome !== "ok");
  return [
    `${result.scenarios.length} scenarios in ${(result.durationMs / 1e3).toFixed(2)} s${result.options.repeat > 1 ? `, ${result.options.repeat} runs each` : ""}: ${parts.join(", ")}` + (flaky ? `, ${flaky} flaky` : ""),
    paint(
      "dim",
      `✓ as expected  ✗ diverges from the documented semantics  ! refutes an inferred expectation  ? settles an unknown  # measurement  - not measured` + (raw ? `   (raw codes are in --format json, e.g. ${rawCode(raw.raw)})` : "")
    )
  ];
}

// src/cli/probe-command.ts
var PROBE_HELP = `Usage: bind-probe probe [options]

Runs the bind() scenario catalogue on this machine with real sockets.

Options:
  --format table|json   table (default) or the PlatformResult JSON on stdout
  --out FILE            also write the PlatformResult JSON to FILE
  --only ID,...         run only these scenarios (see \`bind-probe list\`)
  --repeat N            run each scenario N times on fresh ports (default 1)
  --driver python|node  only this driver (default: both; python fails if Python is missing)
  --label NAME          refine the platform id, e.g. linux-x64-NAME
  --timeout SECONDS     give up on the whole probe after this long (default 120)
`;
async function probeCommand(argv, io) {
  const { values } = parseArgs2({
    args: argv,
    options: {
      format: { type: "string", default: "table" },
      out: { type: "string" },
      only: { type: "string" },
      repeat: { type: "string", default: "1" },
      driver: { type: "string" },
      label: { type: "string" },
      timeout: { type: "string", default: "120" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(PROBE_HELP);
    return 0;
  }
  if (values.format !== "table" && values.format !== "json") {
    throw new UsageError(`--format must be table or json, not "${values.format}"`);
  }
  const repeat = wholeNumber(values.repeat, "--repeat", 1, 1e3);
  const timeout = wholeNumber(values.timeout, "--timeout", 1, 3600);
  const drivers = values.driver === void 0 ? void 0 : [driverName(values.driver)];
  const only = values.only?.split(",").map((id) => id.trim()).filter(Boolean);
  const progress = io.stderr.isTTY ? (done, total, id) => io.stderr.write(`\r\x1B[2K[${done}/${total}] ${id}`) : void 0;
  const result = await probe({
    repeat,
    globalTimeoutMs: timeout * 1e3,
    ...drivers ? { drivers } : {},
    ...only ? { only } : {},
    ...values.label ? { label: values.label } : {},
    ...progress ? { onProgress: progress } : {},
    onWarning: (message) => io.stderr.write(`bind-probe: warning: ${message}
`)
  });
  if (progress) io.stderr.write("\r\x1B[2K");
  else
    io.stderr.write(
      `bind-probe: ran ${result.scenarios.length} scenarios in ${result.durationMs} ms
`
    );
  const json = `${JSON.stringify(result, null, 2)}
`;
  if (values.out) await writeFile(values.out, json);
  if (values.format === "json") io.stdout.write(json);
  else {
    const byId = new Map(CATALOGUE.map((s) => [s.id, s]));
    io.stdout.write(`${renderTable(result, byId, painter(io.stdout))}
`);
  }
  return 0;
}
function wholeNumber(text, flag, min, max) {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${text}"`);
  }
  return n;
}
function driverName(text) {
  if (text !== "python" && text !== "node") {
    throw new UsageError(`--driver must be python or node, not "${text}"`);
  }
  return text;
}

// src/cli/main.ts
var HELP = `Usage: bind-probe <command> [options]

Commands:
  probe   run the bind() scenario catalogue on this machine (try: bind-probe probe --help)
  list    list the scenario catalogue

Options:
  --version  print the version
  --help     print this help
`;
var COMMANDS = {
  probe: { run: probeCommand, help: PROBE_HELP },
  list: { run: listCommand, help: LIST_HELP }
};
async function main(argv, io = process) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(HELP);
    return command === void 0 ? 2 : 0;
  }
  if (command === "--version") {
    io.stdout.write(`${VERSION}
`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr.write(
      `bind-probe: unknown command "${command}"; run \`bind-probe --help\` for the list
`
    );
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (isUsageProblem(error)) {
      const hint = error instanceof TypeError ? `; run \`bind-probe ${command} --help\`` : "";
      io.stderr.write(`bind-probe ${command}: ${error.message}${hint}
`);
      return 2;
    }
    io.stderr.write(`bind-probe ${command}: error: ${error?.stack ?? String(error)}
`);
    return 1;
  }
}
function isUsageProblem(error) {
  return error instanceof UsageError || error instanceof ProbeUsageError || error instanceof ScenarioError || // node:util parseArgs reports unknown or malformed options with these codes.
  error instanceof TypeError && String(error.code).startsWith("ERR_PARSE_ARGS");
}
if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
export {
  main
};
