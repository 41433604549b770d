// Python's listeners: socket binds, socketserver and http.server classes, asyncio servers.
import type { Call, FileFacts } from '../facts.ts'
import { innermostAssign } from '../facts.ts'
import { addressOf, portOf, resolve } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { hostAndPort, isHostText, isIntValue, kw, pos } from './reading.ts'

const PY_SERVERS =
  /^(?:FTPServer|ThreadedFTPServer|MultiprocessFTPServer|TCPServer|UDPServer|HTTPServer|ThreadingHTTPServer|ThreadingTCPServer|ThreadingUDPServer|ForkingTCPServer|ForkingUDPServer|SimpleXMLRPCServer|DocXMLRPCServer|WSGIServer|SMTPServer|ThreadedTCPServer|ThreadedHTTPServer)$/

export function python(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = pos(call, 0)
  const firstIsTuple = first && resolve(first, consts).kind === 'tuple'
  if (n === 'bind' && firstIsTuple) return addressOf(first, consts)
  if (n === 'create_server' && firstIsTuple) return addressOf(first, consts)
  if (n === 'create_server' || n === 'start_server') {
    // asyncio's `loop.create_server(factory, host, port)`; a project's own
    // `create_server(host, port)` (ptvsd) starts with the host.
    const at = isHostText(first, consts) ? 0 : 1
    return hostAndPort(
      call,
      consts,
      kw(call, 'host') ?? pos(call, at),
      kw(call, 'port') ?? pos(call, at + 1),
    )
  }
  if (n === 'create_datagram_endpoint') return addressOf(kw(call, 'local_addr'), consts)
  // gRPC's `server.add_insecure_port("[::]:50051")`, `add_secure_port(address, credentials)`.
  if (/^add_(?:insecure|secure)_port$/.test(n))
    return addressOf(kw(call, 'address') ?? first, consts)
  // pytest-httpserver's `HTTPServer('127.0.0.1', '4000')` takes host and port apart.
  if (
    PY_SERVERS.test(n) &&
    isHostText(first, consts) &&
    portOf(pos(call, 1), consts).kind !== 'unknown'
  )
    return hostAndPort(call, consts, first, pos(call, 1))
  if (PY_SERVERS.test(n)) return addressOf(kw(call, 'server_address') ?? first, consts)
  // A project's own server in socketserver's shape, an address and a handler class: cockpit's
  // `MockServer(ADDRESS, MockGitHubHandler, data)` on `ADDRESS = ("127.0.0.1", 9999)`.
  if (/^[A-Z]\w*Server$/.test(n) && firstIsTuple && /^\w*Handler$/.test(pos(call, 1)?.text ?? ''))
    return addressOf(first, consts)
  if (n === 'make_server')
    return hostAndPort(call, consts, kw(call, 'host') ?? first, kw(call, 'port') ?? pos(call, 1))
  if (n === 'TCPSite')
    return hostAndPort(
      call,
      consts,
      kw(call, 'host') ?? pos(call, 1),
      kw(call, 'port') ?? pos(call, 2),
    )
  // `serve(handler, 'localhost', 8642)`: websockets' signature, however it was imported.
  if (n === 'serve' && isHostText(pos(call, 1), consts) && isIntValue(pos(call, 2), consts)) {
    return hostAndPort(call, consts, pos(call, 1), pos(call, 2))
  }
  if (n === 'serve' && /websockets/.test(call.receiver)) {
    return hostAndPort(
      call,
      consts,
      kw(call, 'host') ?? pos(call, 1),
      kw(call, 'port') ?? pos(call, 2),
    )
  }
  const usesUvicorn =
    /uvicorn/.test(call.receiver) || facts.imports.some((i) => i.module.startsWith('uvicorn'))
  if (
    ['run_app', 'run', 'serve', 'TestServer', 'RawTestServer'].includes(n) ||
    (n === 'Config' && usesUvicorn)
  ) {
    const port = kw(call, 'port')
    if (port) return hostAndPort(call, consts, kw(call, 'host'), port)
    // uvicorn's `Config(app=app)` serves on its default port unless given a socket or a file,
    // once a server runs it: protocol tests build one for a mock transport.
    const onSocket = call.args.some(
      (a) => a.name === 'fd' || a.name === 'uds' || /^\*/.test(a.value.text),
    )
    if (n !== 'Config' || !usesUvicorn || onSocket || !servedLater(facts, call)) return undefined
    const host = hostAndPort(call, consts, kw(call, 'host'), undefined).host
    return { ...(host ? { host } : {}), port: { kind: 'fixed', port: 8000, defaultOf: 'uvicorn' } }
  }
  // tornado's `app.listen(8888)`; on a plain socket the argument of listen() is the backlog.
  const tornado = facts.imports.some((i) => i.module.startsWith('tornado'))
  if (
    n === 'listen' &&
    tornado &&
    !isSocketVariable(call.receiver, facts) &&
    first &&
    resolve(first, consts).kind === 'int'
  ) {
    return hostAndPort(call, consts, kw(call, 'address') ?? pos(call, 1), first)
  }
  return undefined
}

/** A config kept in a variable that a server is then built on or run with (httpx's `TestServer(config=config)`). */
function servedLater(facts: FileFacts, config: Call): boolean {
  const kept = innermostAssign(facts, config.at)
  if (!kept || !/^\w+$/.test(kept.target)) return false
  return facts.calls.some(
    (c) =>
      c.at.start > kept.at.end &&
      /^(?:\w*Server|run_server|serve\w*|run)$/.test(c.name) &&
      c.args.some((a) => a.value.text === kept.target),
  )
}

/** A variable given a plain socket (`s = socket.socket()`), whose listen() takes a backlog. */
function isSocketVariable(name: string, facts: FileFacts): boolean {
  return (
    facts.assigns.some(
      (a) => a.target === name && a.value.kind === 'call' && SOCKET_CALL.test(a.value.call.name),
    ) ||
    // `with socket.socket(…) as s:` (dask's `requires_default_ports` fixture).
    facts.blocks.some((b) => {
      const m = b.kind === 'with' ? /\b(\w+)\([^]*\)\s+as\s+([\w.]+)$/.exec(b.headText ?? '') : null
      return m !== null && m[2] === name && SOCKET_CALL.test(m[1]!)
    })
  )
}

const SOCKET_CALL = /^(?:socket|create_server|socketpair|fromfd|accept)$/
