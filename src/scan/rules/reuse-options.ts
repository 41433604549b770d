// PORT003 and PORT004: SO_REUSEADDR / SO_REUSEPORT switched on in test code. Production servers
// set them on purpose, so these rules only look at tests; multicast tests (the legitimate use)
// and option round-trip tests (set, then read back) are left alone.
import type { Call, FileFacts, Span, Value } from '../facts.ts'
import { contains, lastAssign, spanning } from '../facts.ts'
import type { Hit, Rule, RuleContext } from './context.ts'
import {
  constructedConnected,
  insideAny,
  inTest,
  mentionsMulticast,
  namedScope,
} from './context.ts'
import { ASSERTION } from '../assertions.ts'
import { resolve } from '../values.ts'
import { expectedToFail, PORTLESS_FAMILY, socketFamily } from '../binds-no-port.ts'
import { buildsOnlyElsewhere } from '../go-build.ts'
import { freePortRace } from './free-port-race.ts'

interface Option {
  rule: 'PORT003' | 'PORT004'
  label: string
  /** The option's name among setsockopt-style arguments. */
  constant: RegExp
  /** Setter calls that take a boolean: setReuseAddress(true). */
  setter: RegExp
  /** Fields, attributes and options: allow_reuse_address = True, reusePort: true. */
  field: RegExp
  /** Reading the option back: a round-trip test, not a server. */
  getter: RegExp
  /** Boost.Asio's option object, set with `set_option`: `acceptor.set_option(reuse_address(true))`. */
  asio?: RegExp
  /** A mode handed to a library's bind that sets the option: libfly's `BindMode::AllowReuse`. */
  bindMode?: RegExp
}

const REUSEADDR: Option = {
  rule: 'PORT003',
  label: 'SO_REUSEADDR',
  constant: /(?:^|[.:])(?:SO_REUSEADDR|ReuseAddress)$/,
  setter: /^(?:setReuseAddress|set_reuse_address|set_reuseaddr|SetReuseAddress)$/,
  // Node's dgram.createSocket({ reuseAddr: true }) among them, and a transport's own switch:
  // open62541's `config->tcpReuseAddr = true`.
  field:
    /^(?:allow_reuse_address|reuse_address|reuseAddress|ReuseAddress|reuseaddr|reuseAddr|(?:tcp|udp|socket|so)ReuseAddr(?:ess)?)$/,
  getter:
    /^(?:getsockopt|getReuseAddress|isReuseAddress|reuseaddr|get_reuse_address|reuse_address|GetSocketOption|getOption)$/,
  asio: /^reuse_address$/,
  bindMode: /(?:^|[.:])AllowReuse$/,
}

const REUSEPORT: Option = {
  rule: 'PORT004',
  label: 'SO_REUSEPORT',
  constant: /(?:^|[.:])SO_REUSEPORT(?:_LB)?$/,
  setter: /^(?:setReusePort|set_reuse_port|set_reuseport|SetReusePort)$/,
  field: /^(?:allow_reuse_port|reuse_port|reusePort|ReusePort|reuseport)$/,
  getter:
    /^(?:getsockopt|getReusePort|isReusePort|reuseport|get_reuse_port|reuse_port|GetSocketOption|getOption)$/,
}

const SETSOCKOPT =
  /^(?:setsockopt|pj_sock_setsockopt|SetsockoptInt|setsockopt_int|SetSocketOption|setOption|option|childOption|SetsockoptByte|set_socket_option)$/

/**
 * C's option value is a variable passed by address, set on the line before the call: `err = 0;
 * setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &err, 4)` switches the option off (elliptics's
 * test_base.cpp). Only the line before: a value set further up may be another branch's (libzmq's
 * `ipv6 = 0` when the socket failed, then `#ifdef` … `&ipv6`).
 */
function flagValue(ctx: RuleContext, value: Value, call: Call): Value {
  if (value.kind !== 'name') return value
  const set = lastAssign(ctx.facts, value.name, call.at)
  const justBefore = set !== undefined && set.at.line === call.at.line - 1
  return justBefore && /^(?:int|bool)$/.test(set.value.kind) ? set.value : value
}

function enabling(value: Value | undefined, ctx: RuleContext): boolean {
  if (!value) return true
  const v = resolve(value, ctx.consts)
  if (v.kind === 'bool') return v.value
  if (v.kind === 'int') return v.value !== 0
  return true
}

/**
 * `socket.setReuseAddress(true)` on a client built connected (`new Socket(host, port)`, C#'s
 * `new TcpClient(host, port)`): its local port was chosen when it connected, so the option binds
 * nothing (netty's EpollReuseAddrTest dials each server that way).
 */
function connectedClient(ctx: RuleContext, call: Call): boolean {
  // …or on a client's options built in the chain (ksql's `new WebClientOptions()…
  // .setReusePort(true)`): the option goes on its outgoing sockets, which listen on nothing.
  if (/^new\s*\w*Client\w*\(/.test(call.receiver)) return true
  const built = lastAssign(ctx.facts, call.receiver, call.at)
  return built?.value.kind === 'call' && constructedConnected(built.value.call)
}

/**
 * An option given a constant by its name, `reuse_port=REUSE_ADDRESS`: aiohttp's test utilities
 * compute it per platform (`os.name == "posix"`), or import it, so it is on where it matters
 * unless the file pins it to false. A lower-case name may be a parameter passed through.
 */
function namedFlag(value: Value, resolved: Value): boolean {
  if (value.kind !== 'name' || !/^[A-Z][A-Z\d_]*$/.test(value.last)) return false
  return (
    !(resolved.kind === 'bool' && !resolved.value) &&
    !(resolved.kind === 'int' && resolved.value === 0)
  )
}

/**
 * The standard library's server classes, whose class attribute set from outside reaches every
 * server the process makes afterwards (`socketserver.TCPServer.allow_reuse_address = True`).
 */
const SHARED_CLASS_ATTRIBUTE = /(?:^|\.)(?:Threading|Forking)?(?:TCP|UDP|HTTP)Server\.\w+$/

interface Enabled {
  at: Span
  code: string
  scope: number
  /** Set for the whole process, not for the sockets of this scope. */
  processWide?: boolean
  /** The socket the call sets it on: `self.sock` in `self.sock.setsockopt(…)`. */
  socket?: string
}

/**
 * Python's `sock.setsockopt(*opt)` with the option in a tuple: a parameter's default
 * (`opt=(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)`, hivemind's get_free_port) or a variable.
 */
function spreadArguments(ctx: RuleContext, call: Call): Value[] | undefined {
  const only = call.args.length === 1 ? call.args[0]!.value : undefined
  const name = only?.kind === 'other' && /^\*\w+$/.test(only.text) ? only.text.slice(1) : undefined
  if (!name) return undefined
  const param = ctx.facts.params.findLast(
    (p) => p.name === name && p.at.end <= call.at.start && p.default !== undefined,
  )
  const held = lastAssign(ctx.facts, name, call.at)?.value ?? param?.default
  return held?.kind === 'tuple' ? held.items : undefined
}

/** Macros and assertions a test wraps a system call in: `NO_INTR(res, ::setsockopt(…))`, `CHECK(…)`. */
const WRAPPER = /^(?:[A-Z][A-Z0-9_]*|assert\w*|expect\w*|require\w*|check\w*|verify\w*)$/

/** The call spans from the wrapper it is written in, where its statement starts (jubatus). */
function fromWrapper(ctx: RuleContext, call: Call): Span {
  let outer: Call | undefined
  for (const c of ctx.facts.calls) {
    if (c === call || !WRAPPER.test(c.name) || !contains(c.at, call.at)) continue
    if (!outer || c.at.start < outer.at.start) outer = c
  }
  return outer ? spanning(outer.at, call.at) : call.at
}

/**
 * The option names OR-ed into one (`SO_REUSEADDR | SO_REUSEPORT`, asterinas's tcp_server.c): on
 * Linux the union of the two numbers (2 | 15) is SO_REUSEPORT's, so that is the option set.
 */
function orsInReusePort(text: string, option: Option): boolean {
  const names = text.split('|').map((p) => p.trim())
  return option === REUSEPORT && names.length > 1 && names.some((n) => option.constant.test(n))
}

/**
 * A socket whose family has no ports, or TIPC's, whose name binding never reads SO_REUSEADDR
 * (overlapping publications are always allowed): the option changes nothing there.
 */
function optionIgnored(facts: FileFacts, call: Call): boolean {
  const family = socketFamily(facts, call) ?? ''
  return PORTLESS_FAMILY.test(family) || family === 'AF_TIPC'
}

/** Where the file switches the option on: setsockopt-style calls, setters, fields and options. */
function enabledAt(ctx: RuleContext, option: Option): Enabled[] {
  const { facts } = ctx
  const found: Enabled[] = []
  for (const call of facts.calls) {
    // Boost.Asio and its kin (corosio's `acc.set_option(socket_option::reuse_address(true))`).
    const asio =
      option.asio && call.name === 'set_option'
        ? call.args.find(
            (a) =>
              a.value.kind === 'call' &&
              option.asio!.test(a.value.call.name) &&
              a.value.call.args.length > 0 &&
              enabling(a.value.call.args[0]!.value, ctx),
          )
        : undefined
    if (asio) {
      if (asioOnPortZero(ctx, call)) continue
      found.push({ at: call.at, code: call.text, scope: call.scope, socket: call.receiver })
    } else if (SETSOCKOPT.test(call.name)) {
      const args = spreadArguments(ctx, call) ?? call.args.map((a) => a.value)
      const i = args.findIndex((a) =>
        a.kind === 'name'
          ? option.constant.test(a.name)
          : // pjlib names its options by function: `pj_SO_REUSEADDR()`.
            (a.kind === 'call' && option.constant.test(a.call.name.replace(/^pj_/, ''))) ||
            orsInReusePort(a.text, option),
      )
      if (i < 0 || expectedToFail(facts, call.at) || optionIgnored(facts, call)) continue
      const after = args.slice(i + 1)
      if (after.length > 0 && !enabling(flagValue(ctx, after[0]!, call), ctx)) continue
      found.push({
        at: fromWrapper(ctx, call),
        code: call.text,
        scope: call.scope,
        // C's `setsockopt(fd, level, name, &value, size)` names its socket first.
        socket: call.args.length >= 4 ? call.args[0]!.value.text : call.receiver,
      })
    } else if (
      option.bindMode &&
      /^(?:bind|listen)$/i.test(call.name) &&
      call.args.some((a) => a.value.kind === 'name' && option.bindMode!.test(a.value.name))
    ) {
      found.push({ at: call.at, code: call.text, scope: call.scope, socket: call.receiver })
    } else if (
      option.setter.test(call.name) &&
      enabling(call.args[0]?.value, ctx) &&
      call.args.length > 0 &&
      !connectedClient(ctx, call)
    ) {
      found.push({ at: call.at, code: call.text, scope: call.scope, socket: call.receiver })
    }
  }
  const seen = new Set<number>()
  const assigned = (
    at: Span,
    code: string,
    scope: number,
    key: string,
    value: Value,
    target = '',
    entry = false,
  ) => {
    if (seen.has(at.start)) return
    const v = resolve(value, ctx.consts)
    const exclusiveOff =
      option.rule === 'PORT003' && key === 'ExclusiveAddressUse' && v.kind === 'bool' && !v.value
    const on = option.field.test(key) && ((v.kind === 'bool' && v.value) || namedFlag(value, v))
    if (!on && !exclusiveOff) return
    // Not a field of an object an assertion compares (srvx's `expect(serveOptions)
    // .toMatchObject({ reusePort: true })`; census 58): it sets nothing. Asked last, as the file's
    // calls are many.
    if (entry && insideAny(facts.calls, at, ASSERTION)) return
    if (setAfterBinding(ctx, at, target)) return
    seen.add(at.start)
    found.push({ at, code, scope, processWide: SHARED_CLASS_ATTRIBUTE.test(target) })
  }
  for (const a of facts.assigns)
    assigned(a.at, `${a.target} = ${a.value.text}`, a.scope, a.name, a.value, a.target)
  for (const e of facts.entries)
    assigned(e.at, `${e.key}: ${e.value.text}`, e.scope, e.key, e.value, '', true)
  return found
}

/**
 * Python's `self._server.allow_reuse_address = True` on a server constructed before it
 * (`self._server = MyHTTPServer(addr, handler)`): socketserver binds in the constructor, so the
 * attribute comes too late to change anything (qpid-dispatch's http1_tests.py).
 */
function setAfterBinding(ctx: RuleContext, at: Span, target: string): boolean {
  if (ctx.family !== 'python') return false
  const receiver = target.slice(0, target.lastIndexOf('.'))
  if (!receiver) return false
  const built = ctx.facts.assigns.findLast((a) => a.target === receiver && a.at.end <= at.start)
  const call = built?.value.kind === 'call' ? built.value.call : undefined
  return (
    call !== undefined &&
    /Server$/.test(call.name) &&
    call.args.length > 0 &&
    !call.args.some((a) => a.name === 'bind_and_activate')
  )
}

/**
 * Every endpoint the function builds asks for port 0 (glaze's `asio::ip::tcp::endpoint
 * ep(make_address("127.0.0.1"), 0)`, then `acceptor->bind(ep)`): as for the listeners
 * `onlyEphemeral` reads, the option has no fixed port to act on.
 */
function asioOnPortZero(ctx: RuleContext, option: Call): boolean {
  const area = ctx.facts.scopes[namedScope(ctx, option.scope)]!.at
  const endpoints = ctx.facts.calls.filter(
    (c) => c.name === 'endpoint' && c.args.length >= 2 && contains(area, c.at),
  )
  return (
    endpoints.length > 0 &&
    endpoints.every((c) => {
      const port = resolve(c.args.at(-1)!.value, ctx.consts)
      return port.kind === 'int' && port.value === 0
    })
  )
}

/** The file switches SO_REUSEADDR on somewhere, in tests or not. */
export function enablesReuseAddress(ctx: RuleContext): boolean {
  return enabledAt(ctx, REUSEADDR).length > 0
}

function optionHits(ctx: RuleContext, option: Option): Hit[] {
  const { facts } = ctx
  if (mentionsMulticast(facts)) return []
  // Go sets SO_REUSEADDR on every listener it opens outside Windows, so where the file cannot
  // be built for Windows setting it again changes nothing (hertz's `//go:build !windows` tests).
  if (
    option.rule === 'PORT003' &&
    ctx.family === 'go' &&
    buildsOnlyElsewhere(ctx.path, facts.comments)
  )
    return []
  const found = enabledAt(ctx, option)

  let probes: Hit[] | undefined
  const probesIn = (area: Span) => (probes ??= freePortRace(ctx)).some((h) => contains(area, h.at))
  const hits: Hit[] = []
  for (const f of found) {
    if (!inTest(ctx, f.scope)) continue
    const scope = namedScope(ctx, f.scope)
    const area = facts.scopes[scope]!.at
    const after = (at: Span) => at.start > f.at.end && at.start < area.end
    // Words too: Rust macros such as assert!(s.reuseaddr()?) hold tokens, not calls.
    const readBack =
      facts.calls.some((c) => option.getter.test(c.name) && after(c.at)) ||
      facts.words.some((w) => option.getter.test(w.text) && after(w.at))
    if (readBack) continue
    const exempt =
      (!f.processWide && onlyEphemeral(ctx, area, f.socket) && !probesIn(area)) ||
      onlyConnects(ctx, area, f.socket)
    if (option.rule === 'PORT003' && exempt) continue
    hits.push(option.rule === 'PORT003' ? reuseAddrHit(f) : reusePortHit(f))
  }
  return hits
}

/**
 * Every listener of the function asks for port 0. A server that keeps such a port open gives
 * SO_REUSEADDR no fixed port to hide a collision on or to steal: Linux never handed such sockets a
 * shared port here (19,995 held at once, all distinct; docs/scan.md), unless a host sets
 * ip_autobind_reuse (default 0; test/faults/scan-premise.port-zero.test.ts). A free-port probe
 * (PORT002 in the same function) stays flagged: its number is bound again later, where the option
 * matters.
 */
function onlyEphemeral(ctx: RuleContext, area: Span, socket = ''): boolean {
  // A socket kept in a field is bound in another method (pytest-retry's `self.sock`, set up in
  // `__init__`, bound in `initialize_server`): its binds anywhere in the file are its own.
  const field = /^(?:self|this)\.\w+$/.test(socket)
  const own = ctx.listeners.filter((l) =>
    field ? l.call?.receiver === socket : contains(area, l.at),
  )
  return own.length > 0 && own.every((l) => l.port.kind === 'zero')
}

/**
 * The socket only connects (daphne's `s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)` then
 * `s.connect(…)`, grizzly's `socket.setReuseAddress(true)` before `socket.connect(…)`): the system
 * picks its local port, so the option has no port to share or steal. Read only where the
 * function names the socket in a connect and never in a bind or listen.
 */
function onlyConnects(ctx: RuleContext, area: Span, socket = ''): boolean {
  if (!/^[\w.]+$/.test(socket)) return false
  const on = (c: Call) =>
    contains(area, c.at) && (c.receiver === socket || c.args[0]?.value.text === socket)
  const calls = ctx.facts.calls.filter(on)
  return (
    calls.some((c) => /^connect(?:_ex)?$|^Connect(?:Async)?$/.test(c.name)) &&
    !calls.some((c) => /^(?:bind|listen|Bind|Listen)$/.test(c.name))
  )
}

/**
 * Severity follows measured precision: of what reviewers judged on repositories outside the
 * corpus (censuses 32 to 40), 3 of 23 PORT003 findings the scan still makes are true and 0 of 7
 * PORT004 ones (the corpus's kept figures: 66 of 93 and 1 of 13). An option set in a test is
 * worth a look, not a warning: both are notes.
 */
const REUSE_SEVERITY = 'note'

function reuseAddrHit(f: { at: Span; code: string }): Hit {
  return {
    rule: 'PORT003',
    severity: REUSE_SEVERITY,
    at: f.at,
    code: f.code,
    message:
      'Test code enables SO_REUSEADDR: on Windows it lets this socket bind a port another socket ' +
      'is using (traffic then goes to either), and on Linux/macOS it hides a fixed-port collision ' +
      'that a parallel run will hit anyway.',
  }
}

function reusePortHit(f: { at: Span; code: string }): Hit {
  return {
    rule: 'PORT004',
    severity: REUSE_SEVERITY,
    at: f.at,
    code: f.code,
    message:
      'Test code enables SO_REUSEPORT: on Linux a stale server or a parallel job under the same ' +
      'user can bind the same port and silently take a share of the connections; macOS/BSD ' +
      'semantics differ and Windows has no such option.',
  }
}

export const reuseAddress: Rule = (ctx) => optionHits(ctx, REUSEADDR)
export const reusePort: Rule = (ctx) => optionHits(ctx, REUSEPORT)
