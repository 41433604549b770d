// The step language of scenarios: one short line per socket operation, close to the notation of
// the semantics reference, so that a catalogue entry reads like the table it came from.
//
//   A = socket tcp4                 new socket (tcp4, tcp6, udp4, udp6)
//   A setsockopt SO_REUSEADDR 1     set an option before bind; `setsockopt?` skips the step
//                                   where the platform lacks the option (as CPython's bind_port)
//   A getsockopt IPV6_V6ONLY        record an option's value
//   A bind lo4:0                    bind; the first port-0 bind defines the port P
//   B bind lo4:P                    bind to P
//   A listen | C connect lo4:P | S = A accept | A close | sleep 200
//                                   (sleeps: 5000 ms at most in all; sleeps plus 2000 ms per
//                                   connect or accept: 8000 ms at most)
//   => B bind lo4:P                 `=>` marks the recorded step
//   => ephemeral tcp4 lo4 x200      measurement: 200 × {bind port 0, note the port, close}
//                                   (1 to 10,000 draws)
//   A = net.listen lo4:0 reusePort  Node's net.Server.listen (flags: exclusive reusePort ipv6Only)
//   A = dgram.bind udp4 lo4:0 reuseAddr   Node's dgram (flags: reuseAddr reusePort ipv6Only)
//
// Addresses: lo4 127.0.0.1, lo4b 127.0.0.2, any4 0.0.0.0, lo6 ::1, any6 ::, mc4 239.255.0.1,
// and `default` (Node only: no host, so Node picks `::` or `0.0.0.0`).

export const ADDRESSES = {
  lo4: '127.0.0.1',
  lo4b: '127.0.0.2',
  any4: '0.0.0.0',
  lo6: '::1',
  any6: '::',
  mc4: '239.255.0.1',
} as const
export type AddressName = keyof typeof ADDRESSES | 'default'

export const SOCKET_KINDS = ['tcp4', 'tcp6', 'udp4', 'udp6'] as const
export type SocketKind = (typeof SOCKET_KINDS)[number]

export const OPTIONS = [
  'SO_REUSEADDR',
  'SO_REUSEPORT',
  'SO_EXCLUSIVEADDRUSE',
  'IPV6_V6ONLY',
] as const
export type SocketOption = (typeof OPTIONS)[number]

export const NET_FLAGS = ['exclusive', 'reusePort', 'ipv6Only'] as const
export const DGRAM_FLAGS = ['reuseAddr', 'reusePort', 'ipv6Only'] as const

/**
 * `0` asks the OS for a port; `P` is the port the scenario's first port-0 bind received. Any other
 * number is a port named outright: only the probe's own control steps use one (attribution.ts).
 */
export type PortRef = number | 'P'

export interface Endpoint {
  address: AddressName
  host: string | undefined
  port: PortRef
}

export type Op =
  | { op: 'socket'; sock: string; kind: SocketKind }
  | { op: 'setsockopt'; sock: string; option: SocketOption; value: number; ifSupported: boolean }
  | { op: 'getsockopt'; sock: string; option: SocketOption }
  | { op: 'bind'; sock: string; to: Endpoint }
  | { op: 'listen'; sock: string }
  | { op: 'connect'; sock: string; to: Endpoint }
  | { op: 'accept'; sock: string; as: string }
  | { op: 'close'; sock: string }
  | { op: 'sleep'; ms: number }
  | { op: 'ephemeral'; kind: SocketKind; host: string; count: number }
  | { op: 'net.listen'; sock: string; to: Endpoint; flags: string[] }
  | { op: 'dgram.bind'; sock: string; kind: 'udp4' | 'udp6'; to: Endpoint; flags: string[] }

export type OpName = Op['op']

/** Ops that only the node driver performs; a scenario using one runs in the node driver. */
export const NODE_ONLY_OPS: ReadonlySet<OpName> = new Set(['net.listen', 'dgram.bind'])

export interface ParsedStep {
  text: string
  recorded: boolean
  op: Op
}

/** The longest a scenario may sleep, each sleep and all its sleeps together. */
export const MAX_SLEEP_MS = 5_000

/** How long the driver's connect and accept wait before they fail with a timeout (ETIMEDOUT). */
export const OP_TIMEOUT_MS = 2_000

/**
 * The longest a scenario may wait by design: its sleeps plus OP_TIMEOUT_MS for each connect and
 * accept. The scenario timeout (run.ts, 10 s) is longer, so that a scenario within these limits
 * always ends with what the sockets did; only a stuck driver or machine ends it as probe-error.
 */
export const MAX_WAIT_MS = 8_000

/**
 * The most ports one `ephemeral` step draws: a measurement needs at least one, and 10,000
 * bind/close pairs take well under a second, far inside the scenario timeout.
 */
export const MAX_EPHEMERAL_SAMPLES = 10_000

export class StepSyntaxError extends Error {
  override name = 'StepSyntaxError'
}

const SOCK = /^[A-Z][A-Za-z0-9]*$/

/** Parses one step line; throws StepSyntaxError with a message that names what is wrong. */
export function parseStep(line: string): ParsedStep {
  const trimmed = line.trim()
  const recorded = trimmed.startsWith('=>')
  const text = recorded ? trimmed.slice(2).trim() : trimmed
  const words = text.split(/\s+/)
  return { text, recorded, op: parseWords(words, text) }
}

function parseWords(w: string[], text: string): Op {
  const fail = (why: string): never => {
    throw new StepSyntaxError(`step "${text}": ${why}`)
  }
  const [first = '', second = '', third = ''] = w
  const arity = (n: number) => {
    if (w.length !== n) fail(`expected ${n} words, found ${w.length}`)
  }
  if (first === 'sleep') {
    arity(2)
    const ms = integer(second, 'milliseconds', fail)
    if (ms > MAX_SLEEP_MS) fail(`a sleep lasts at most ${MAX_SLEEP_MS} ms, not ${ms}`)
    return { op: 'sleep', ms }
  }
  if (first === 'ephemeral') {
    arity(4)
    const digits = /^x(\d+)$/.exec(w[3] ?? '')?.[1]
    if (!digits) fail('the sample count is written like x200')
    const count = Number(digits)
    if (count < 1 || count > MAX_EPHEMERAL_SAMPLES) {
      fail(`the sample count is from 1 to ${MAX_EPHEMERAL_SAMPLES}, not ${count}`)
    }
    return {
      op: 'ephemeral',
      kind: socketKind(second, fail),
      host: requireHost(address(third, fail), fail),
      count,
    }
  }
  if (!SOCK.test(first)) fail(`"${first}" is not a socket name (A, B, C, S, N, T…)`)
  if (second === '=') {
    if (third === 'socket') {
      arity(4)
      return { op: 'socket', sock: first, kind: socketKind(w[3] ?? '', fail) }
    }
    if (w[3] === 'accept') {
      arity(4)
      const listener = w[2] ?? ''
      if (!SOCK.test(listener)) fail(`"${listener}" is not a socket name`)
      return { op: 'accept', sock: listener, as: first }
    }
    if (third === 'net.listen') {
      if (w.length < 4) fail('net.listen needs an address such as lo4:0')
      return {
        op: 'net.listen',
        sock: first,
        to: endpoint(w[3] ?? '', fail),
        flags: flags(w.slice(4), NET_FLAGS, fail),
      }
    }
    if (third === 'dgram.bind') {
      if (w.length < 5) fail('dgram.bind needs a kind and an address, such as udp4 lo4:0')
      const kind = socketKind(w[3] ?? '', fail)
      if (kind !== 'udp4' && kind !== 'udp6') fail('dgram.bind takes udp4 or udp6')
      return {
        op: 'dgram.bind',
        sock: first,
        kind: kind as 'udp4' | 'udp6',
        to: endpoint(w[4] ?? '', fail),
        flags: flags(w.slice(5), DGRAM_FLAGS, fail),
      }
    }
    return fail(`unknown constructor "${third}" (socket, accept, net.listen, dgram.bind)`)
  }
  switch (second) {
    case 'setsockopt':
    case 'setsockopt?':
      arity(4)
      return {
        op: 'setsockopt',
        sock: first,
        option: option(third, fail),
        value: integer(w[3] ?? '', 'option value', fail),
        ifSupported: second.endsWith('?'),
      }
    case 'getsockopt':
      arity(3)
      return { op: 'getsockopt', sock: first, option: option(third, fail) }
    case 'bind':
    case 'connect': {
      arity(3)
      const to = endpoint(third, fail)
      requireHost(to.address, fail)
      return { op: second, sock: first, to }
    }
    case 'listen':
    case 'close':
      arity(2)
      return { op: second, sock: first }
    default:
      return fail(
        `unknown operation "${second}" (setsockopt, getsockopt, bind, listen, connect, close)`,
      )
  }
}

type Fail = (why: string) => never

function integer(word: string, what: string, fail: Fail): number {
  if (!/^\d+$/.test(word)) fail(`${what} must be a whole number, found "${word}"`)
  return Number(word)
}

function socketKind(word: string, fail: Fail): SocketKind {
  if (!(SOCKET_KINDS as readonly string[]).includes(word)) {
    fail(`unknown socket kind "${word}" (${SOCKET_KINDS.join(', ')})`)
  }
  return word as SocketKind
}

function option(word: string, fail: Fail): SocketOption {
  if (!(OPTIONS as readonly string[]).includes(word)) {
    fail(`unknown option "${word}" (${OPTIONS.join(', ')})`)
  }
  return word as SocketOption
}

function address(word: string, fail: Fail): AddressName {
  if (word !== 'default' && !(word in ADDRESSES)) {
    fail(`unknown address "${word}" (${Object.keys(ADDRESSES).join(', ')}, default)`)
  }
  return word as AddressName
}

function requireHost(name: AddressName, fail: Fail): string {
  if (name === 'default') fail('"default" is only for net.listen and dgram.bind')
  return ADDRESSES[name as keyof typeof ADDRESSES]
}

function endpoint(word: string, fail: Fail): Endpoint {
  const m = /^([a-z0-9]+):(0|P)$/.exec(word)
  if (!m) fail(`"${word}" is not an endpoint such as lo4:0 or any4:P`)
  const name = address(m![1] ?? '', fail)
  return {
    address: name,
    host: name === 'default' ? undefined : ADDRESSES[name],
    port: m![2] === 'P' ? 'P' : 0,
  }
}

function flags(words: string[], allowed: readonly string[], fail: Fail): string[] {
  for (const word of words) {
    if (!allowed.includes(word)) fail(`unknown flag "${word}" (${allowed.join(', ')})`)
  }
  return words
}
