// JavaScript's and TypeScript's listeners: `listen`, `bind`, servers made with a port option.
import type { Call, FileFacts } from '../facts.ts'
import { addressOf, isMultiaddr, resolve } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { constructedAs, hostAndPort } from './reading.ts'

export function js(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = call.args[0] ? resolve(call.args[0].value, consts) : undefined
  // Apollo Server's `server.listen()` with no options listens on its default port 4000.
  if (!first && n === 'listen' && constructedAs(call.receiver, facts, /^ApolloServer$/))
    return { port: { kind: 'fixed', port: 4000, defaultOf: 'Apollo Server' } }
  if (!first) return undefined
  if (n === 'listen') {
    if (first.kind === 'object' || isMultiaddr(first)) return addressOf(first, consts)
    // Node's `server.listen(callback)` on a server the file made asks the OS for a port (dorusu's
    // `net.createServer()` then `server.listen(function() { … server.address() … })`).
    if (first.kind === 'function')
      return constructedByCreateServer(call.receiver, facts)
        ? { port: { kind: 'zero' } }
        : undefined
    const host = call.args[1] && resolve(call.args[1].value, consts)
    return hostAndPort(call, consts, host && host.kind === 'string' ? host : undefined, first)
  }
  // @grpc/grpc-js's `server.bindAsync("0.0.0.0:50051", credentials, callback)`.
  if (n === 'bindAsync' && first.kind === 'string') return addressOf(first, consts)
  if (n === 'bind' && (first.kind === 'int' || first.kind === 'object')) {
    if (first.kind === 'object') return addressOf(first, consts)
    const host = call.args[1] && resolve(call.args[1].value, consts)
    return hostAndPort(call, consts, host && host.kind === 'string' ? host : undefined, first)
  }
  if (
    first.kind === 'object' &&
    /^(?:Server|WebSocketServer|serve|createServer|listen|listenTls|Hono|startServer|listenTcp)$/.test(
      n,
    ) &&
    first.entries.some((e) => /^port$/i.test(e.key))
  ) {
    return addressOf(first, consts)
  }
  return undefined
}

/** A variable the file assigned a Node server: `var server = net.createServer()`. */
function constructedByCreateServer(name: string, facts: FileFacts): boolean {
  return facts.assigns.some(
    (a) => a.target === name && a.value.kind === 'call' && a.value.call.name === 'createServer',
  )
}

/** Node's modules that bind: mocked, they bind nothing for the whole test file. */
const SOCKET_MODULE = /^(?:node:)?(?:net|dgram|http|https|http2|tls)$/

/**
 * `jest.mock("dgram")` (or vitest's `vi.mock`) replaces the module for every module the test
 * file loads, the code under test included, so its servers listen on nothing.
 */
export function mocksSocketModule(facts: FileFacts): boolean {
  return facts.calls.some((c) => {
    const first = c.args[0]?.value
    return (
      c.name === 'mock' &&
      /^(?:jest|vi)$/.test(c.receiver) &&
      first?.kind === 'string' &&
      SOCKET_MODULE.test(first.value)
    )
  })
}
