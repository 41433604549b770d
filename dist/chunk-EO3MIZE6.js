import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CATALOGUE,
  MAX_FOREIGN_RETRIES,
  OP_TIMEOUT_MS,
  PLATFORM_RESULT_SCHEMA_VERSION,
  ProbeSetupError,
  VERSION,
  compileScenario,
  controlFor,
  hostCause,
  isOutOfDescriptors,
  outOfDescriptors,
  outcomeOf,
  processAlive,
  takenByAnother
} from "./chunk-GHYOCOGF.js";

// src/printable.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t", "\x1B": "\\e" };
function escaped(c) {
  const code = c.codePointAt(0);
  const hex = code.toString(16).padStart(code < 256 ? 2 : 4, "0");
  return NAMED[c] ?? (code < 256 ? `\\x${hex}` : `\\u${hex}`);
}
function printable(text, { oneLine = false } = {}) {
  const lines = oneLine ? [text] : text.split("\n");
  return lines.map(
    (line) => line.replace(oneLine ? CONTROL_OR_BREAK : CONTROL, escaped).replace(/^(\s*):(?=:)/, "$1\\x3a")
  ).join("\n");
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
function replyProblem(value, count) {
  if (!Array.isArray(value)) return `results is ${typeof value}, not a list`;
  if (value.length > count) return `${value.length} replies to ${count} steps`;
  for (const [i, reply] of value.entries()) {
    const problem = stepReplyProblem(reply);
    if (problem) return `reply ${i + 1}: ${problem}`;
  }
  return void 0;
}
function stepReplyProblem(reply) {
  if (typeof reply !== "object" || reply === null) return "not an object";
  const r = reply;
  if (typeof r.unsupported === "string" || typeof r.skipped === "string") return void 0;
  if (r.ok === true) {
    const v = r.value;
    const number = (x) => typeof x === "number" && Number.isFinite(x);
    return v === void 0 || number(v) || Array.isArray(v) && v.every(number) ? void 0 : "a value that is not a number";
  }
  if (r.ok === false) {
    return typeof r.error === "object" && r.error !== null ? void 0 : "a failure without its error";
  }
  return "neither ok, unsupported nor skipped";
}

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
    const stop = new AbortController();
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => {
        stop.abort();
        reject(new DriverFailure("timeout", `node scenario took over ${Math.round(timeoutMs)} ms`));
      }, timeoutMs);
    });
    const work = this.perform(ops, made, stop.signal);
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      stop.abort();
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
    const keep = (sock, handle, settled) => {
      const entry = { handle, settled: settled.then(ignore, ignore) };
      made.push(entry);
      named.set(sock, entry);
      return untilAborted(settled, signal);
    };
    switch (op.op) {
      case "net.listen": {
        const server = net.createServer();
        await keep(
          op.sock,
          server,
          new Promise((resolve, reject) => {
            server.once("error", reject);
            server.listen(
              {
                host: op.to.host,
                port: op.to.port === "P" ? port : op.to.port,
                exclusive: op.flags.includes("exclusive"),
                reusePort: op.flags.includes("reusePort"),
                ipv6Only: op.flags.includes("ipv6Only")
              },
              () => resolve()
            );
          })
        );
        return server.address().port;
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
          new Promise((resolve, reject) => {
            socket.once("error", reject);
            socket.bind(
              { address: op.to.host, port: op.to.port === "P" ? port : op.to.port },
              () => resolve()
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
async function closeHandle({ handle, settled }) {
  await settled;
  await new Promise((resolve) => {
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
function untilAborted(work, signal) {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", abort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", abort);
        reject(error);
      }
    );
  });
}
function ignore() {
}

// src/probe/drivers/python-driver.ts
import { execFile, spawn } from "node:child_process";
import { statSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
var DRIVER_SCRIPT = fileURLToPath(new URL("./python/driver.py", import.meta.url));
var execFileAsync = promisify(execFile);
var MIN_PYTHON = [3, 6];
var HELLO_TIMEOUT_MS = 1e4;
var STOPPED_READING_GRACE_MS = 1e3;
var REAP_WAIT_MS = 1e3;
var MAX_LINE_BYTES = 1 << 20;
var PythonUnavailable = class extends Error {
  name = "PythonUnavailable";
};
function pythonCandidates(platform = process.platform, override = process.env.BIND_PROBE_PYTHON, isFile = isExistingFile) {
  if (override?.trim()) return [pythonCommand(override, isFile)];
  return platform === "win32" ? [["python"], ["py", "-3"], ["python3"]] : [["python3"], ["python"], ["py", "-3"]];
}
function pythonCommand(text, isFile = isExistingFile) {
  const trimmed = text.trim();
  return isFile(trimmed) ? [trimmed] : trimmed.split(/\s+/);
}
function isExistingFile(path) {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
async function startPythonDriver(candidates = pythonCandidates(), script = DRIVER_SCRIPT) {
  const tried = [];
  for (const command of candidates) {
    try {
      return await PythonDriver.start(command, script);
    } catch (error) {
      if (isOutOfDescriptors(error)) throw outOfDescriptors(`starting ${command.join(" ")}`, error);
      tried.push(`${command.join(" ")}: ${error.message}`);
    }
  }
  throw new PythonUnavailable(
    `no Python ${MIN_PYTHON.join(".")}+ found (tried ${tried.join("; ")}); install Python 3 or set BIND_PROBE_PYTHON to its path`
  );
}
var VERSION_SCRIPT = 'import json, platform, sys; print(json.dumps({"version": platform.python_version(), "implementation": platform.python_implementation(), "executable": sys.executable}))';
async function findPython(candidates = pythonCandidates()) {
  for (const [file, ...args] of candidates) {
    try {
      const { stdout } = await execFileAsync(file, [...args, "-I", "-S", "-c", VERSION_SCRIPT], {
        timeout: HELLO_TIMEOUT_MS,
        // A candidate may ignore SIGTERM; at the timeout execFile also lets go of its pipes.
        killSignal: "SIGKILL",
        windowsHide: true
      });
      const found = JSON.parse(stdout.trim().split("\n").at(-1));
      if (typeof found.version === "string") return found;
    } catch (error) {
      if (isOutOfDescriptors(error)) throw outOfDescriptors(`starting ${file}`, error);
    }
  }
  return void 0;
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
    let lineBytes = 0;
    child.stdout.on("data", (chunk) => {
      const newline = chunk.lastIndexOf(10);
      lineBytes = newline === -1 ? lineBytes + chunk.length : chunk.length - newline - 1;
      if (lineBytes > MAX_LINE_BYTES && !this.killedBecause) {
        this.killedBecause = "it wrote a line longer than 1 MiB";
        child.kill("SIGKILL");
        child.stdout.destroy();
      }
    });
    child.stderr.on("data", (chunk) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2e3);
    });
    child.stdin.on("error", (error) => {
      this.killTimer ??= setTimeout(() => {
        this.killedBecause = `it stopped reading requests (${error.message})`;
        child.kill("SIGKILL");
      }, STOPPED_READING_GRACE_MS);
    });
    child.once("exit", () => {
      setTimeout(() => void letGo(child), STOPPED_READING_GRACE_MS).unref();
    });
    this.closed = new Promise((resolve) => {
      child.once("close", (code, signal) => {
        clearTimeout(this.killTimer);
        const why = this.killedBecause ? `was killed: ${this.killedBecause}` : `exited (${signal ? `signal ${signal}` : `exit code ${code}`})`;
        const tail = this.stderrTail.trim().split("\n").slice(-3).join(" | ");
        this.fail(new DriverFailure("crash", `python driver ${why}${tail ? `: ${tail}` : ""}`));
        resolve();
      });
    });
    void this.readReplies(lines);
  }
  static async start(command, script) {
    const [file, ...args] = command;
    const child = spawn(file, [...args, "-I", "-S", "-u", script], {
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true
    });
    if (!child.stdout) {
      throw await new Promise((resolve) => child.once("error", resolve));
    }
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
      await letGo(child);
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
    const opTimeout = Math.max(100, Math.min(OP_TIMEOUT_MS, timeoutMs / 2));
    const request = { id, ops: ops.map(toWire), timeout: opTimeout / 1e3 };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.abandoned = true;
        reject(
          new DriverFailure("timeout", `no answer from the python driver within ${timeoutMs} ms`)
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, steps: ops.length });
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
      if (message.results === void 0) {
        pending.reject(new DriverFailure("crash", `python driver: ${message.fatal ?? "bad reply"}`));
        continue;
      }
      const problem = replyProblem(message.results, pending.steps);
      if (problem) {
        const why = `python driver sent a reply of the wrong shape (${problem})`;
        pending.reject(new DriverFailure("bad-reply", why));
      } else pending.resolve(message.results);
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
function letGo(child) {
  const running = child.exitCode === null && child.signalCode === null;
  const reaped = running ? new Promise((resolve) => {
    const timer = setTimeout(resolve, REAP_WAIT_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  }) : Promise.resolve();
  if (running) child.kill("SIGKILL");
  child.stdin.destroy();
  child.stdout.destroy();
  child.stderr.destroy();
  child.unref();
  return reaped;
}
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
import { execFile as execFile2 } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import { promisify as promisify2 } from "node:util";

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
var execFileAsync2 = promisify2(execFile2);
var runCommand = async (file, args) => (await execFileAsync2(file, args, { timeout: 5e3 })).stdout;
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
async function readSettings(platform, run = runCommand) {
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
    const [values, version] = await Promise.all([
      Promise.all(MAC_SYSCTLS.map((name) => quietly(run("sysctl", [name])))),
      quietly(run("sw_vers", ["-productVersion"]))
    ]);
    const settings = parseSysctlLines(values.filter((v) => v !== void 0).join("\n"));
    const distro = version ? `macOS ${version.trim()}` : void 0;
    return { settings, range: macPortRange(settings), distro };
  }
  if (platform === "win32") {
    const settings = {};
    let range;
    for (const proto of ["tcp", "udp"]) {
      const out = await quietly(run("netsh", ["int", "ipv4", "show", "dynamicport", proto]));
      const parsed = parseNetshDynamicPort(out ?? "");
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

// src/probe/preflight.ts
import net2 from "node:net";
var LOOPBACK = { ipv4: "127.0.0.1", ipv6: "::1" };
var WAIT_MS = 2e3;
async function checkHost() {
  const [ipv4, ipv6] = await Promise.all([tryLoopback("ipv4"), tryLoopback("ipv6")]);
  const found = {};
  if (ipv4) found.ipv4 = ipv4;
  if (ipv6) found.ipv6 = ipv4?.cause === "loopback-down" ? ipv4 : ipv6;
  return found;
}
async function tryLoopback(family) {
  const host = LOOPBACK[family];
  const server = net2.createServer((socket) => socket.destroy());
  try {
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host, port: 0 }, resolve);
    });
  } catch (error) {
    return unavailable(family, "listen", error);
  }
  try {
    const { port } = server.address();
    await new Promise((resolve, reject) => {
      const client = net2.connect({ host, port });
      const timer = setTimeout(
        () => client.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })),
        WAIT_MS
      );
      client.once("connect", () => (clearTimeout(timer), client.destroy(), resolve()));
      client.once("error", (error) => (clearTimeout(timer), reject(error)));
    });
    return void 0;
  } catch (error) {
    if (error.code === "EADDRNOTAVAIL") return void 0;
    return unavailable(family, "connect", error);
  } finally {
    server.close();
  }
}
function unavailable(family, step, error) {
  if (isOutOfDescriptors(error)) throw outOfDescriptors(`${step} on ${LOOPBACK[family]}`, error);
  const code = error.code ?? "an error";
  const at = `${step} on ${LOOPBACK[family]} failed with ${code}`;
  if (code === "EADDRINUSE" || code === "EAGAIN") {
    return { cause: "ephemeral-exhausted", reason: `no free port: ${at}` };
  }
  if (family === "ipv4" || code === "ENETUNREACH") {
    return { cause: "loopback-down", reason: `the loopback interface is down (${at})` };
  }
  return { cause: "ipv6-unavailable", reason: `IPv6 is not available on this host (${at})` };
}
function familiesOf(compiled) {
  const families = /* @__PURE__ */ new Set();
  for (const { op } of compiled.steps) {
    if ("kind" in op) families.add(op.kind.endsWith("6") ? "ipv6" : "ipv4");
    if ("to" in op && op.to.address !== "default") {
      families.add(op.to.address.endsWith("6") ? "ipv6" : "ipv4");
    }
  }
  return families;
}
function hostBlocks(compiled, availability) {
  for (const family of familiesOf(compiled)) {
    const blocked = availability[family];
    if (blocked) return blocked;
  }
  return void 0;
}

// src/probe/presence.ts
import { randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var DEFAULT_PRESENCE_DIR = join(tmpdir(), "bind-probe-running");
function announceProbe(dir = DEFAULT_PRESENCE_DIR) {
  const own = `${process.pid}-${randomUUID()}`;
  try {
    if (mkdirSync(dir, { recursive: true })) chmodSync(dir, 1023);
    writeFileSync(join(dir, own), "");
  } catch {
    return { othersRunning: () => false, leave: () => void 0 };
  }
  return {
    othersRunning: () => markers(dir).some((name) => name !== own && processAlive(pidOf(name))),
    leave: () => rmSync(join(dir, own), { force: true })
  };
}
function markers(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function pidOf(marker) {
  return Number(marker.split("-", 1)[0]);
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
function aggregateRuns(compiled, runs, durationMs, portRange, asked = runs.length) {
  if (runs.length === 0) throw new RangeError(`scenario "${compiled.scenario.id}" has no runs`);
  const counts = [];
  const firstRun = /* @__PURE__ */ new Map();
  for (const run of runs) {
    let entry = counts.find((c) => c.outcome === run.outcome && c.step === run.step);
    if (!entry) {
      entry = { outcome: run.outcome, step: run.step, count: 0 };
      counts.push(entry);
      firstRun.set(entry, run);
    }
    entry.count++;
  }
  const order = [...counts];
  counts.sort((a, b) => b.count - a.count || order.indexOf(a) - order.indexOf(b));
  const top = counts[0];
  const representative = firstRun.get(top);
  const answers = counts.filter((c) => c.outcome !== "probe-error" && c.outcome !== "skipped");
  const sequences = runs.flatMap((r) => r.ports?.length ? [r.ports] : []);
  const missing = asked - runs.length;
  const retries = runs.reduce((n, r) => n + (r.retries ?? 0), 0);
  const foreignConflicts = runs.reduce((n, r) => n + (r.foreignConflicts ?? 0), 0);
  const why = representative.reason ?? runs.findLast((r) => r.outcome === "probe-error")?.reason;
  const reason = missing > 0 ? `${why ?? "the probe stopped"}; ${missing} more run${missing === 1 ? " was" : "s were"} not attempted` : representative.reason;
  return {
    id: compiled.scenario.id,
    driver: compiled.driver,
    outcome: top.outcome,
    step: top.step,
    ...representative.raw ? { raw: representative.raw } : {},
    ...reason ? { reason } : {},
    ...representative.cause ? { cause: representative.cause } : {},
    ...retries ? { retries } : {},
    ...foreignConflicts ? { foreignConflicts } : {},
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
  if (all.length === 0) throw new RangeError("ephemeral metrics need at least one port");
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
    // A loop, not Math.min(...all): spread arguments overflow the stack past ~120,000 draws.
    min: all.reduce((a, b) => Math.min(a, b)),
    max: all.reduce((a, b) => Math.max(a, b)),
    sameAsPrevious: share(same, pairs),
    nextAfterPrevious: share(next, pairs),
    oddShare: share(all.filter((p) => p % 2 === 1).length, all.length),
    ...range ? { inRange: share(all.filter((p) => p >= range.low && p <= range.high).length, all.length) } : {}
  };
}

// src/probe/run-gate.ts
var RunGate = class {
  #running = 0;
  #alone = false;
  #queue = [];
  /** Runs `work` beside other shared work. */
  shared(work) {
    return this.#run(false, work);
  }
  /** Runs `work` once nothing else runs, and lets nothing start until it ends. */
  alone(work) {
    return this.#run(true, work);
  }
  async #run(alone, work) {
    if (this.#queue.length > 0 || !this.#canStart(alone)) {
      await new Promise((go) => this.#queue.push({ alone, go }));
    } else {
      this.#start(alone);
    }
    try {
      return await work();
    } finally {
      this.#running--;
      this.#alone = false;
      this.#next();
    }
  }
  #canStart(alone) {
    return !this.#alone && (!alone || this.#running === 0);
  }
  #start(alone) {
    this.#running++;
    this.#alone = alone;
  }
  #next() {
    while (this.#queue.length > 0 && this.#canStart(this.#queue[0].alone)) {
      const waiter = this.#queue.shift();
      this.#start(waiter.alone);
      waiter.go();
    }
  }
};

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
  const overlapped = /* @__PURE__ */ new Set();
  const deadline = performance.now() + options.globalTimeoutMs;
  const stopped = /* @__PURE__ */ new Set();
  const gate = new RunGate();
  let done = 0;
  const runOnce = async (compiled) => {
    const id = compiled.scenario.id;
    const progress = () => options.onProgress?.(++done, scenarios.length * repeat, id);
    if (stopped.has(id)) return progress();
    const hopeless = hopelessReason(compiled, options, deadline);
    if (hopeless) {
      stopped.add(id);
      runs.get(id).push(runWithoutSockets(compiled, "probe-error", hopeless));
      return progress();
    }
    const start = performance.now();
    const othersBefore = compiled.measurement && options.othersRunning?.();
    const { run, final } = await attempt(compiled, options, deadline, gate);
    if (othersBefore || compiled.measurement && options.othersRunning?.()) overlapped.add(id);
    runs.get(id).push(run);
    if (final) stopped.add(id);
    const span = spans.get(id);
    spans.set(id, { start: Math.min(span?.start ?? start, start), end: performance.now() });
    progress();
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
    const result = aggregateRuns(
      compiled,
      runs.get(compiled.scenario.id),
      span ? span.end - span.start : 0,
      options.portRange,
      repeat
    );
    return result.metrics && overlapped.has(compiled.scenario.id) ? { ...result, metrics: { ...result.metrics, concurrentProbe: true } } : result;
  });
}
function hopelessReason(compiled, options, deadline) {
  const driver = options.drivers[compiled.driver];
  if (!driver || "unavailable" in driver) return void 0;
  if (deadline - performance.now() < 1) return globalTimeoutReason(options);
  if (driver.status.status === "crashed") return driver.status.message ?? "the driver crashed";
  return void 0;
}
function globalTimeoutReason(options) {
  return `the probe's global timeout (${options.globalTimeoutMs} ms) passed`;
}
async function attempt(compiled, options, deadline, gate) {
  const driver = options.drivers[compiled.driver];
  if (!driver) {
    const reason = `the ${compiled.driver} driver was not selected`;
    return { run: runWithoutSockets(compiled, "skipped", reason), final: false };
  }
  if ("unavailable" in driver) {
    return { run: runWithoutSockets(compiled, "skipped", driver.unavailable), final: false };
  }
  const blocked = hostBlocks(compiled, options.availability ?? {});
  if (blocked) {
    const run = runWithoutSockets(compiled, "skipped", blocked.reason);
    return { run: { ...run, cause: blocked.cause }, final: false };
  }
  const left = deadline - performance.now();
  const cappedByDeadline = left < options.scenarioTimeoutMs;
  const timeout = () => cappedByDeadline ? Math.max(1, deadline - performance.now()) : options.scenarioTimeoutMs;
  try {
    return { run: await runAttributed(compiled, driver, timeout, gate), final: false };
  } catch (error) {
    if (!(error instanceof DriverFailure)) throw error;
    const global = error.kind === "timeout" && cappedByDeadline;
    const reason = global ? globalTimeoutReason(options) : error.message;
    return {
      run: runWithoutSockets(compiled, "probe-error", reason),
      final: global || error.kind === "crash"
    };
  }
}
async function runAttributed(compiled, driver, timeout, gate) {
  const ops = compiled.steps.map((s) => s.op);
  let retries = 0;
  let foreignRetries = 0;
  let foreignConflicts = 0;
  let confirming = false;
  let unconfirmed;
  const counted = (run) => ({
    ...run,
    ...retries ? { retries } : {},
    ...foreignConflicts ? { foreignConflicts } : {}
  });
  for (; ; ) {
    const replies = await gate.shared(() => driver.execute(ops, timeout())).catch((error) => {
      if (unconfirmed && error instanceof DriverFailure) return void 0;
      throw error;
    });
    if (!replies) return counted(unconfirmed.run);
    const run = interpretReplies(compiled, replies);
    const failedAt = failedStep(replies);
    const host = hostCause(compiled, failedAt, run.outcome);
    if (unconfirmed) {
      const earlier = unconfirmed;
      unconfirmed = void 0;
      if (failedAt === earlier.failedAt && run.outcome === earlier.run.outcome) return counted(run);
      if (host || failedAt >= 0 && failedAt < earlier.failedAt) return counted(earlier.run);
      foreignConflicts++;
    }
    if (host) {
      const skipped = { ...runWithoutSockets(compiled, "skipped", host.reason), trace: run.trace };
      return counted({ ...skipped, cause: host.cause });
    }
    const control = controlFor(compiled, replies, failedAt, run.outcome);
    if (!control) return counted(run);
    const check = await gate.alone(() => driver.execute(control.ops, timeout())).catch((error) => {
      if (error instanceof DriverFailure) return void 0;
      throw error;
    });
    if (!check) return counted(run);
    if (!takenByAnother(check)) {
      if (!control.exposed || confirming) return counted(run);
      confirming = true;
      unconfirmed = { run, failedAt };
      retries++;
      continue;
    }
    foreignConflicts++;
    if (foreignRetries === MAX_FOREIGN_RETRIES) {
      const reason = `port ${control.port} was taken by another program (${foreignConflicts} fresh ports tried)`;
      return counted({ ...runWithoutSockets(compiled, "skipped", reason), cause: "port-taken" });
    }
    foreignRetries++;
    retries++;
  }
}
function failedStep(replies) {
  return replies.findIndex((r) => "ok" in r && !r.ok);
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
  const availability = await checkHost();
  const [started, platform, python] = await Promise.all([
    startDrivers(needed, drivers, options),
    collectPlatform(options.label ? { label: options.label } : {}),
    // Without python scenarios the driver is not started, yet the facts still name the Python.
    needed.has("python") ? void 0 : findPython(options.pythonCandidates)
  ]);
  const presence = announceProbe(options.presenceDir);
  try {
    if (started.python instanceof PythonDriver) {
      const { python: python2, implementation, executable } = started.python.hello;
      platform.python = { version: python2, implementation, executable };
    } else if (python) platform.python = python;
    const results = await runScenarios({
      scenarios,
      drivers: started,
      repeat,
      concurrency: options.concurrency ?? concurrencyFor(platform.ephemeralPortRange),
      scenarioTimeoutMs: options.scenarioTimeoutMs ?? RUN_DEFAULTS.scenarioTimeoutMs,
      globalTimeoutMs: options.globalTimeoutMs ?? defaultGlobalTimeoutMs(repeat),
      ...platform.ephemeralPortRange ? { portRange: platform.ephemeralPortRange } : {},
      availability,
      othersRunning: presence.othersRunning,
      ...options.onProgress ? { onProgress: options.onProgress } : {}
    });
    return {
      schemaVersion: PLATFORM_RESULT_SCHEMA_VERSION,
      tool: { name: "bind-probe", version: VERSION },
      platform,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      options: { repeat, drivers, ...options.only ? { only: uniqueIds(options.only) } : {} },
      drivers: driverStatuses(started),
      scenarios: results
    };
  } finally {
    presence.leave();
    await Promise.all(Object.values(started).map((d) => "close" in d ? d.close() : void 0));
  }
}
function concurrencyFor(range) {
  const ports = range ? range.high - range.low + 1 : Infinity;
  return ports < NARROW_RANGE ? 1 : RUN_DEFAULTS.concurrency;
}
var NARROW_RANGE = 1024;
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
  if (only.length === 0) {
    throw new ProbeUsageError(
      "the list of scenarios to run names no scenario; `bind-probe list` shows every id"
    );
  }
  const byId = new Map(all.map((c) => [c.scenario.id, c]));
  return uniqueIds(only).map((id) => {
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
function uniqueIds(ids) {
  return [...new Set(ids)];
}
async function startDrivers(needed, chosen, options) {
  const started = {};
  if (needed.has("node")) started.node = new NodeDriver();
  if (needed.has("python")) {
    try {
      started.python = await startPythonDriver(options.pythonCandidates, options.pythonScript);
    } catch (error) {
      if (!(error instanceof PythonUnavailable)) throw error;
      if (options.drivers && chosen.length === 1) {
        throw new ProbeSetupError(`${error.message} (--driver python needs it)`);
      }
      if (options.pythonNamedBy) {
        throw new ProbeSetupError(`${error.message} (${options.pythonNamedBy} names it)`);
      }
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

// src/scan/heap.ts
import { setFlagsFromString } from "node:v8";
function keepHeapSmall() {
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--heap-growing-percent=20");
}

export {
  printable,
  pythonCommand,
  PLATFORM_LABEL,
  ProbeUsageError,
  probe,
  keepHeapSmall
};
