// Reading a listen call's arguments, shared by the languages' readers: positional and keyword
// arguments, a host and a port, numbers, address text, and what a variable was constructed as.
import type { Call, FileFacts, Span, Value } from '../facts.ts'
import { contains } from '../facts.ts'
import { ADDRESS_HOST, portOf, resolve } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import type { Listener } from '../listeners.ts'

export const kw = (call: Call, name: string): Value | undefined =>
  call.args.find((a) => a.name === name)?.value

export const pos = (call: Call, i: number): Value | undefined =>
  call.args.filter((a) => !a.name)[i]?.value

export function server(call: Call, address: Address): Listener {
  return {
    kind: 'server',
    ...(address.host !== undefined ? { host: address.host } : {}),
    port: address.port,
    at: call.at,
    scope: call.scope,
    text: call.text,
    call,
  }
}

export function hostAndPort(
  call: Call,
  consts: Constants,
  hostValue?: Value,
  portValue?: Value,
): Address {
  const host = hostValue ? resolve(hostValue, consts) : undefined
  return {
    ...(host ? { host: host.kind === 'string' ? host.value : host.text } : {}),
    port: portOf(portValue, consts),
  }
}

/** A host name or address as text (`'localhost'`, `"127.0.0.1"`), not an endpoint with a port. */
export function isHostText(v: Value | undefined, consts: Constants): boolean {
  const r = v && resolve(v, consts)
  return (
    r?.kind === 'string' &&
    /^(?:localhost|[\d.]+|\[?[\da-f:]+\]?|[\w-]+(?:\.[\w-]+)+|)$/i.test(r.value)
  )
}

/** A C cast's operand: `(uint16_t)port` is `port`. */
export function uncast(v: Value | undefined): Value | undefined {
  const name = v && /^\(\s*[\w\s]+\)\s*([A-Za-z_]\w*)$/.exec(v.text)?.[1]
  return name ? { kind: 'name', name, last: name, text: name } : v
}

/** A whole number, written or through a constant (or a local function): a port, where the call takes one. */
export function isIntValue(v: Value | undefined, consts: Constants): boolean {
  return (
    v !== undefined && (resolve(v, consts).kind === 'int' || portOf(v, consts).kind === 'fixed')
  )
}

/** A number as written or as a constant holds it, not a numeric string. */
export function isIntLiteral(v: Value | undefined, consts: Constants): boolean {
  return v !== undefined && resolve(v, consts).kind === 'int'
}

export function isAddressText(v: Value | undefined, consts: Constants): boolean {
  if (!v) return false
  const r = resolve(v, consts)
  // Go's `"127.0.0.1:"` and `":"` leave the port empty, which asks for any free one (not a
  // subtest's name, `t.Run("ipv4:", …)`).
  if (r.kind === 'string')
    return (
      /^[\w.[\]:-]*:[\d{%]/.test(r.value) ||
      (r.value.endsWith(':') && ADDRESS_HOST.test(r.value.slice(0, -1)))
    )
  // `":" + port`, `"127.0.0.1:" + strconv.Itoa(port)`: a host and its colon, then the port.
  if (r.kind === 'other') {
    const first = r.parts[0]
    return r.parts.length === 2 && first?.kind === 'string' && /^[\w.[\]:-]*:$/.test(first.value)
  }
  return r.kind === 'call' && /^(?:Sprintf|JoinHostPort|String)$/.test(r.call.name)
}

/** `name` is a parameter of a function around the call. */
export function isParameter(facts: FileFacts, at: Span, name: string): boolean {
  return facts.params.some((p) => p.name === name && contains(facts.scopes[p.scope]!.at, at))
}

/** A variable the file assigns a `new X(…)` whose type matches: `ServerConnector http = new ServerConnector(server)`. */
export function constructedAs(name: string, facts: FileFacts, type: RegExp): boolean {
  return facts.assigns.some(
    (a) =>
      a.target === name &&
      a.value.kind === 'call' &&
      // Kotlin constructs without `new`: `val http = ServerConnector(server)`.
      (a.value.call.isNew || /^[A-Z]/.test(a.value.call.name)) &&
      type.test(a.value.call.name),
  )
}
