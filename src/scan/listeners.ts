// Where a file opens a server socket, and on which address: the shared vocabulary of the rules
// about fixed ports, port 0, rebinding and address families. Matching is on call sites and their
// arguments, never on bare literals (the lesson of Bandit B104's false positives). Each language's
// reader is in listeners/ (python, js, go, jvm, csharp, rust, c-family), with the argument readers
// they share (reading) and whether what was built is ever started (started).
import type { Assign, Call, FileFacts, Span, Value } from './facts.ts'
import { contains, innermostAssign, spanning, statementAround } from './facts.ts'
import type { Family } from './languages.ts'
import { addressOf, assignsByScope, constantsAt, portOf, resolve } from './values.ts'
import type { Address, Constants, Port } from './values.ts'
import {
  bindsQueryParameter,
  expectedToFail,
  onSimulatedLoop,
  startStubbed,
  PORTLESS_FAMILY,
  socketFamily,
} from './binds-no-port.ts'
import { configTextListeners } from './config-text.ts'
import { hasWord } from './rules/context.ts'
import { escapeRegExp } from './literals.ts'
import { chainedPort, libraryDefaultPort, serverHelperPort } from './server-helpers.ts'
import { python } from './listeners/python.ts'
import { js, mocksSocketModule } from './listeners/js.ts'
import { go, goAddressBuiltFor } from './listeners/go.ts'
import { jvm } from './listeners/jvm.ts'
import { csharp } from './listeners/csharp.ts'
import { rust } from './listeners/rust.ts'
import {
  addressBuiltFor,
  addressedServer,
  cFamily,
  isAddressedServer,
} from './listeners/c-family.ts'
import {
  callsOn,
  definedToStartNothing,
  handedToCall,
  handedNoPort,
  neverStarted,
  onVirtualNetwork,
  serverInjected,
  servesGivenListener,
  settingsUnstarted,
} from './listeners/started.ts'
import { isAddressText, isParameter, server, uncast } from './listeners/reading.ts'

export interface Listener {
  /** 'mapping' is a container's fixed host-port mapping; 'server' everything that binds. */
  kind: 'server' | 'mapping'
  host?: string
  port: Port
  at: Span
  scope: number
  /** The call (or assignment/entry text) that binds. */
  text: string
  call?: Call
}

/** Calls that make a constructed server listen: `_server.Bind()`, `server.start()`. */
const BINDS_LATER = /^(?:bind|start|listen|run|open)\w*$/i

/**
 * A server object built with a port and bound by a later call in the same function
 * (`var s = new FakeMqttTcpServer(options); … s.Bind();`): the finding spans both, so it points at
 * the construction and covers the bind. Otherwise the construction alone.
 */
function untilBound(facts: FileFacts, call: Call): Span {
  if (!call.isNew) return call.at
  const variable = facts.assigns.find(
    (a) => a.value.kind === 'call' && a.value.call.at.start === call.at.start,
  )?.name
  if (!variable) return call.at
  const bind = facts.calls.find(
    (c) =>
      c.scope === call.scope &&
      c.at.start > call.at.end &&
      BINDS_LATER.test(c.name) &&
      c.receiver.replace(/^(?:this|self)\./, '') === variable,
  )
  return bind ? spanning(call.at, bind.at) : call.at
}

/** C's bind, pjlib's under its prefix, and LTP's checked `SAFE_BIND` macro. */
export const C_BIND = /^(?:pj_sock_bind|bind|SAFE_BIND)$/

/**
 * Address initialisers that take the address, a host and a port in host order: LTP's
 * `tst_init_sockaddr_inet(&addr, "127.0.0.1", 0x7c90)` and its IPv6 and binary-host forms.
 */
const C_ADDRESS_INIT = /^tst_init_sockaddr_inet6?(?:_bin)?$/

/** A socket bound to a ZeroMQ-style endpoint text, with a port: `sock.bind("tcp://*:5555")`. */
const ENDPOINT = /^@?tcp:\/\/[^/]*:\d+$/

/**
 * ZeroMQ's bindings in every language take the endpoint as text: JeroMQ's and kzmq's
 * `bind("tcp://localhost:9000")`, pyzmq's `sock.bind("tcp://127.0.0.1:5555")`, zeromq.js's
 * `await sock.bind("tcp://127.0.0.1:3000")`, NetMQ's `Bind(…)`. C and C++ are read by cFamily.
 */
function endpointBind(call: Call, family: Family, consts: Constants): Address | undefined {
  if (family === 'c' || !/^(?:bind|Bind)$/.test(call.name) || call.args.length !== 1)
    return undefined
  const first = resolve(call.args[0]!.value, consts)
  if (first.kind !== 'string' || !ENDPOINT.test(first.value)) return undefined
  return addressOf({ ...first, value: first.value.replace(/^@/, '') }, consts)
}

const BY_FAMILY: Record<
  Family,
  (call: Call, consts: Constants, facts: FileFacts) => Address | undefined
> = {
  python,
  js,
  go,
  java: jvm,
  kotlin: jvm,
  csharp: (c, k) => csharp(c, k),
  rust,
  c: cFamily,
}

/**
 * A server struct that is only a field of another value the test neither starts nor hands on
 * (mockoidc's `m := &mockoidc.MockOIDC{Server: &http.Server{Addr: "127.0.0.1:8080"}}`, then
 * `m.Discovery(recorder, req)`): its address is read, nothing listens.
 */
function heldUnused(facts: FileFacts, built: Assign | undefined, owner: string): boolean {
  if (!built || !/^\w+$/.test(built.target)) return false
  const nested = !new RegExp(`^&?${escapeRegExp(owner)}\\s*\\{`).test(built.value.text)
  if (!nested) return false
  const started = callsOn(facts, built).some((c) => /^(?:Start|Serve|Listen|Run)/.test(c.name))
  return !started && !handedToCall(facts, built)
}

/** Every call name a reader below accepts contains one of these. */
const LISTENER_NAME =
  /bind|[lL]isten|_addr$|[sS]erve|[sS]ocket|Listener|Client|[cC]reate|[sS]tart|[rR]un|Config|TCPSite|[pP]ort|UseUrls|^Add$|^open$|^At$|^init$/

/**
 * A Unix-domain socket's address is a file name: `net.Listen("unix", "etcd-auth-test:1")` and
 * `NewUnixListener("localhost:27989")` hold no port, whatever their text looks like.
 */
function bindsUnixSocket(call: Call): boolean {
  const first = call.args[0]?.value
  return (
    /Unix(?:gram|packet)?(?:Listener|Socket)?$|^ListenUnix/.test(call.name) ||
    (first?.kind === 'string' && /^unix(?:gram|packet)?$/.test(first.value))
  )
}

export function listenersOf(facts: FileFacts, family: Family, consts: Constants): Listener[] {
  const out: Listener[] = []
  if (family === 'js' && mocksSocketModule(facts)) return out
  const read = BY_FAMILY[family]
  const byScope = assignsByScope(facts)
  for (const call of facts.calls) {
    if (
      bindsUnixSocket(call) ||
      bindsQueryParameter(call) ||
      PORTLESS_FAMILY.test(socketFamily(facts, call) ?? '')
    )
      continue
    // Per-function variables only for calls that may open a listener: building them is not free.
    const local = LISTENER_NAME.test(call.name)
      ? constantsAt(facts, consts, call.scope, call.at.start, byScope)
      : consts
    const found = read(call, local, facts) ?? endpointBind(call, family, local)
    // A library server given no port listens on the library's default.
    const fallback = found?.port.kind === 'unknown' ? libraryDefaultPort(call, family) : undefined
    const address = found && fallback ? { ...found, port: fallback } : found
    if (address) {
      // A server whose options name a port but which is handed a listener binds nothing itself,
      // nor does one never started, one whose server is injected, or one on a simulated network.
      const bindsNothing =
        (call.isNew && servesGivenListener(facts, innermostAssign(facts, call.at))) ||
        neverStarted(facts, call, family) ||
        serverInjected(facts, call) ||
        onVirtualNetwork(facts, call)
      const given = defaultGiving(facts, call, address, consts)
      // A default's finding starts with the statement: `WireMockServer s =⏎ new WireMockServer(…)`.
      const from =
        given ??
        (fallback ? statementAround(facts, call.at) : undefined) ??
        (family === 'c' ? addressBuiltFor(facts, call) : undefined) ??
        (family === 'go' ? goAddressBuiltFor(facts, call, local) : undefined)
      // A passive lookup's finding runs on to the bind of what it found (retrace's
      // `getaddrinfo(NULL, PORT, &hints, &result)` … `bind(sfd, rp->ai_addr, rp->ai_addrlen)`).
      const bound = family === 'c' ? lookupBound(facts, call) : undefined
      if (!bindsNothing)
        out.push({
          ...server(call, address),
          ...(from || bound ? { at: spanning(from ?? call.at, bound?.at ?? call.at) } : {}),
        })
    } else {
      const helped =
        serverHelperPort(call, local, family) ??
        chainedPort(call, facts, local) ??
        libraryDefaultPort(call, family)
      if (
        helped &&
        !servesGivenListener(facts, innermostAssign(facts, call.at)) &&
        !neverStarted(facts, call, family) &&
        !definedToStartNothing(facts, call) &&
        !(helped.kind === 'fixed' && handedNoPort(facts, call, helped.port, local)) &&
        !settingsUnstarted(facts, call, family)
      )
        out.push({
          ...server(call, { port: helped, ...helperHost(call, local) }),
          at: untilBound(facts, call),
        })
    }
    if (family === 'c' && isAddressedServer(call)) {
      const endpoint = addressedServer(call, local, facts, byScope)
      if (endpoint) out.push(endpoint)
    }
    const mapping = containerMapping(call, consts)
    if (mapping) out.push(mapping)
  }
  if (family === 'go') {
    for (const e of facts.entries) {
      const serverAddr =
        e.key === 'Addr' && /Server$/.test(e.owner) && isAddressText(e.value, consts)
      const built = serverAddr ? innermostAssign(facts, e.at) : undefined
      // A server struct in a table of many (rqlite's `Servers([]*Server{{ID: "node1", Addr:
      // "localhost:4002"}})`, a cluster's membership) describes a node; one built alone is served.
      const inTable = /^\[\]|^\w+\(\s*\[\]/.test(built?.value.text ?? '')
      if (
        serverAddr &&
        !inTable &&
        !servesGivenListener(facts, built) &&
        !heldUnused(facts, built, e.owner)
      ) {
        const a = addressOf(e.value, consts)
        const serve = callsOn(facts, built).find((c) =>
          /^(?:ListenAndServe|ListenAndServeTLS|Serve|ServeTLS)$/.test(c.name),
        )
        out.push({
          kind: 'server',
          ...(a.host !== undefined ? { host: a.host } : {}),
          port: a.port,
          at: spanning(built?.at ?? e.at, serve?.at ?? e.at),
          scope: e.scope,
          text: `${e.owner}{Addr: ${e.value.text}}`,
        })
      }
      if (e.key === 'ExposedPorts') {
        for (const s of facts.strings) {
          const m = /^(\d{1,5}):\d+/.exec(s.value)
          if (m && s.at.start >= e.at.start && s.at.end <= e.at.end) {
            out.push({
              kind: 'mapping',
              port: portOf({ kind: 'int', value: Number(m[1]), text: m[1]! }, consts),
              at: s.at,
              scope: e.scope,
              text: s.value,
            })
          }
        }
      }
    }
  }
  // pjlib's `pj_sock_bind` and `pj_htons` are the same calls under its prefix (pjproject's tests).
  if (family === 'c' && facts.calls.some((c) => C_BIND.test(c.name))) {
    // `a.sin_port = htons(8080)` and the designated `{ .sin_port = htons(8080) }`.
    const fields = [
      ...facts.assigns.map((a) => ({
        name: a.name,
        value: a.value,
        at: a.at,
        scope: a.scope,
        text: `${a.target} = ${a.value.text}`,
      })),
      ...facts.entries.map((e) => ({
        name: e.key,
        value: e.value,
        at: e.at,
        scope: e.scope,
        text: `${e.key} = ${e.value.text}`,
      })),
    ]
    for (const f of fields) {
      if (!/sin6?_port$/.test(f.name)) continue
      // `htons(8080)`, or a bare 0, which needs no byte swap (cpp-httplib's `a.sin_port = 0`);
      // the function's own variables count, through a cast (`htons((uint16_t)port)` after `int
      // port = TEST_PORT_BASE + 1`, virtualjaguar's test).
      const swapped =
        f.value.kind === 'call' && /^(?:pj_)?htons$/.test(f.value.call.name)
          ? uncast(f.value.call.args[0]?.value)
          : undefined
      // A parameter is the caller's number, not a file constant of the same name (occlum's
      // `connect_with_child(int port, …)` beside another function's `int port = 8888`).
      const param = swapped?.kind === 'name' && isParameter(facts, f.at, swapped.name)
      const port: Port | undefined = swapped
        ? param
          ? { kind: 'unknown' }
          : portOf(swapped, constantsAt(facts, consts, f.scope, f.at.start, byScope))
        : f.value.kind === 'int' && f.value.value === 0
          ? { kind: 'zero' }
          : undefined
      // The bind that takes this address, for the rules that follow the socket (PORT002).
      const bind = facts.calls.find(
        (c) => C_BIND.test(c.name) && c.scope === f.scope && c.at.start > f.at.end,
      )
      // A fixed address the function only dials (`connect(peer, &sa, …)`) is a client's.
      const struct = /^&?\s*(\w+)\s*(?:\.|->)/.exec(f.text)?.[1]
      const names = (c: Call) => c.args.some((a) => struct && hasWord(a.value.text, struct))
      // One the function binds nowhere and only logs, converts or compares (PhotonLibOS's
      // `myaddr.sin_port = htons(3490)` then `LOG_DEBUG(myaddr)`; census 76) is no listener's.
      if (!bind && struct && onlyLookedAtAddress(facts, struct, f.scope, f.at)) continue
      const dialled =
        (!bind || !names(bind)) &&
        facts.calls.some(
          (c) => CONNECTS.test(c.name) && c.scope === f.scope && c.at.start > f.at.end && names(c),
        )
      if (port && !(dialled && (port.kind === 'fixed' || param))) {
        // A fixed port is reported from the field to the bind that uses it: the collision
        // surfaces at the bind, where a reader looks for it (libkqueue's read.c).
        out.push({
          kind: 'server',
          port,
          at: bind && port.kind === 'fixed' ? spanning(f.at, bind.at) : f.at,
          scope: f.scope,
          text: f.text,
          ...(bind ? { call: bind } : {}),
        })
      }
    }
  }
  if (family === 'c') out.push(...initialisedAddresses(facts, consts, byScope))
  out.push(...configTextListeners(facts))
  return out
    .filter(
      (l) => !expectedToFail(facts, l.at) && !startStubbed(facts, l.at) && !onSimulatedLoop(facts),
    )
    .map((l) => fromChainStart(facts, l))
}

/** A C connect, bare or under a library's prefix: `connect`, state-threads' `st_connect`. */
const CONNECTS = /^(?:[a-z]+_)?connect$/

/** Calls that only look at an address: logging, assertions, conversions, byte order. */
const LOOKS_AT_ADDRESS =
  /^(?:LOG_\w+|log\w*|printf|fprintf|puts|print\w*|EXPECT_\w+|ASSERT_\w+|assert\w*|inet_\w+|htons|ntohs|sizeof|memset|to_\w+)$/

/**
 * A C address struct the function neither binds, hands to a call that might, nor returns: every
 * call that names it only looks at it.
 */
function onlyLookedAtAddress(facts: FileFacts, struct: string, scope: number, at: Span): boolean {
  const area = facts.scopes[scope]!.at
  const later = (x: Span) => contains(area, x) && x.start > at.end
  const uses = facts.calls.filter(
    (c) => later(c.at) && c.args.some((a) => hasWord(a.value.text, struct)),
  )
  const handedOn =
    facts.exits.some((e) => later(e.at) && hasWord(e.text, struct)) ||
    facts.assigns.some((a) => later(a.at) && hasWord(a.value.text, struct))
  return !handedOn && uses.every((c) => LOOKS_AT_ADDRESS.test(c.name))
}

/** The first bind after a `getaddrinfo` lookup in the same function. */
function lookupBound(facts: FileFacts, call: Call): Call | undefined {
  if (!/getaddrinfo$/i.test(call.name)) return undefined
  const area = facts.scopes[call.scope]?.at
  if (!area) return undefined
  return facts.calls.find(
    (c) => C_BIND.test(c.name) && c.at.start > call.at.end && contains(area, c.at),
  )
}

/**
 * Binds of an address that an initialiser filled in: in the same function, or in another one when
 * the address is the file's (LTP's `setup()` fills the static `tcp0_addr` that `child()` binds with
 * `SAFE_BIND(tcp0_sk, (struct sockaddr *)&tcp0_addr, …)`). A function that fills the name itself
 * binds its own address.
 */
function initialisedAddresses(
  facts: FileFacts,
  consts: Constants,
  byScope: ReturnType<typeof assignsByScope>,
): Listener[] {
  const out: Listener[] = []
  const inits = facts.calls.filter((c) => C_ADDRESS_INIT.test(c.name))
  const filled = (c: Call) => {
    const first = c.args[0]?.value
    return first?.kind === 'name' ? first.name : undefined
  }
  for (const init of inits) {
    const name = filled(init)
    const given = init.args[init.args.length - 1]?.value
    if (!name || init.args.length < 3 || !given) continue
    const port = portOf(given, constantsAt(facts, consts, init.scope, init.at.start, byScope))
    if (port.kind !== 'fixed' && port.kind !== 'zero') continue
    const area = facts.scopes[init.scope]?.at
    for (const bind of facts.calls) {
      if (!C_BIND.test(bind.name) || !bind.args.some((a) => a.value.text === name)) continue
      const here = area !== undefined && contains(area, bind.at)
      const own = facts.scopes[bind.scope]?.at
      const fillsItsOwn =
        !here &&
        own !== undefined &&
        inits.some((o) => o !== init && filled(o) === name && contains(own, o.at))
      if ((here && bind.at.start < init.at.end) || fillsItsOwn) continue
      out.push({
        kind: 'server',
        port,
        // Reported at the bind, where the collision surfaces, from the initialiser when both
        // are in one function.
        at: here && port.kind === 'fixed' ? spanning(init.at, bind.at) : bind.at,
        scope: bind.scope,
        text: `${init.text} … ${bind.text}`,
        call: bind,
      })
    }
  }
  return out
}

/** A loopback or wildcard address written alone: the host a helper is told to listen on. */
const HOST_LITERAL = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1?|\[::1?\])$/

/**
 * The host a server helper is handed beside its port, when it is written as an address alone
 * (quinn's `Server::new("::1", 4433, config)`): what PORT005 pairs with a client's `localhost`.
 */
function helperHost(call: Call, consts: Constants): { host?: string } {
  for (const a of call.args) {
    const v = resolve(a.value, consts)
    if (v.kind === 'string' && HOST_LITERAL.test(v.value)) return { host: v.value }
  }
  return {}
}

/**
 * The parameter whose default gives a listener its fixed port, when the port comes from there
 * (`LocalServer(…, string uri = "http://localhost:8082/")` … `Prefixes.Add(Uri)`): the finding
 * starts at the default, where a caller would have to pass another port, and covers the listener.
 */
function defaultGiving(
  facts: FileFacts,
  call: Call,
  address: Address,
  consts: Constants,
): Span | undefined {
  if (address.port.kind !== 'fixed') return undefined
  const port = address.port.port
  const param = facts.params.find((p) => {
    if (!p.default || p.at.start > call.at.start) return false
    if (!contains(facts.scopes[p.scope]!.at, call.at)) return false
    const given = portOf(p.default, consts)
    const inText = addressOf(p.default, consts).port
    return (
      (given.kind === 'fixed' && given.port === port) ||
      (inText.kind === 'fixed' && inText.port === port)
    )
  })
  return param?.at
}

/**
 * A server built and told to listen in one chain (`union.createServer({ … }).listen(8082, cb)`,
 * Java's `return new ThriftServerDefBuilder()⏎.listen(8080)`) is reported from the construction,
 * where the statement starts, to the listen.
 */
function fromChainStart(facts: FileFacts, l: Listener): Listener {
  const receiver = l.call?.receiver ?? ''
  if (!l.call || !receiver.includes('(')) return l
  const start = l.call.at.start
  let built: Call | undefined
  // A chain's calls share its start offset; their lines and columns point at each method.
  for (const c of facts.calls) {
    if (
      c !== l.call &&
      c.at.start <= start &&
      c.at.start >= (built?.at.start ?? -1) &&
      // Java keeps `new` in the receiver's text, without the space: `newThriftServerDefBuilder()`.
      receiver.startsWith(`${c.isNew && !receiver.startsWith(c.callee) ? 'new' : ''}${c.callee}(`)
    )
      built = c
  }
  return built && l.at.start === l.call.at.start ? { ...l, at: spanning(built.at, l.at) } : l
}

/** Testcontainers' fixed host ports: Java `withFixedExposedPort(h, c)`, Python `with_bind_ports(c, h)`. */
function containerMapping(call: Call, consts: Constants): Listener | undefined {
  let port: Value | undefined
  if (call.name === 'withFixedExposedPort') port = call.args[0]?.value
  else if (call.name === 'with_bind_ports') port = call.args[1]?.value
  else return undefined
  return {
    kind: 'mapping',
    port: portOf(port, consts),
    at: call.at,
    scope: call.scope,
    text: call.text,
    call,
  }
}
