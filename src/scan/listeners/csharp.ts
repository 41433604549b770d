// C#'s listeners: TcpListener, UdpClient, sockets bound to an endpoint, Kestrel's listen options.
import type { Call } from '../facts.ts'
import { addressOf, resolve } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { hostAndPort, isHostText, isIntValue, kw, pos } from './reading.ts'

export function csharp(call: Call, consts: Constants): Address | undefined {
  const n = call.name
  const args = call.args.map((a) => resolve(a.value, consts))
  const first = args[0]
  if (
    /^(?:TcpListener|UdpClient)$/.test(n) ||
    (n === 'Create' && /TcpListener/.test(call.receiver))
  ) {
    if (!first) return undefined
    if (first.kind === 'call' && first.call.name === 'IPEndPoint') return addressOf(first, consts)
    if (args.length >= 2) return hostAndPort(call, consts, call.args[0]!.value, call.args[1]!.value)
    return hostAndPort(call, consts, undefined, first)
  }
  if (/^(?:Bind|Listen)$/.test(n) && first?.kind === 'call' && first.call.name === 'IPEndPoint') {
    return addressOf(first, consts)
  }
  // A listener or server class built on an endpoint (SSH.NET's test `new AsyncSocketListener(
  // _serverEndPoint)` with `_serverEndPoint = new IPEndPoint(IPAddress.Loopback, 8122)`).
  if (
    call.isNew &&
    /(?:Listener|Server)$/.test(n) &&
    first?.kind === 'call' &&
    first.call.name === 'IPEndPoint'
  )
    return addressOf(first, consts)
  // Or a listener on an address and a port (mtconnect's `new SystemTcpListenerProvider(
  // IPAddress.Any, 5534)`); servers so built are read as server helpers, up to their start.
  if (
    call.isNew &&
    /Listener(?:Provider)?$/.test(n) &&
    args.length === 2 &&
    (/^IPAddress\.\w+$/.test(first?.text ?? '') || isHostText(first, consts)) &&
    isIntValue(call.args[1]!.value, consts)
  )
    return hostAndPort(call, consts, call.args[0]!.value, call.args[1]!.value)
  if (n === 'Listen' && (args.length >= 2 || kw(call, 'port'))) {
    return hostAndPort(
      call,
      consts,
      kw(call, 'address') ?? pos(call, 0),
      kw(call, 'port') ?? pos(call, 1),
    )
  }
  // Grpc.Core's `new ServerPort("localhost", 50051, ServerCredentials.Insecure)`.
  if (call.isNew && n === 'ServerPort' && args.length >= 2)
    return hostAndPort(call, consts, call.args[0]!.value, call.args[1]!.value)
  if (/^(?:ListenLocalhost|ListenAnyIP)$/.test(n)) {
    return hostAndPort(call, consts, undefined, call.args[0]?.value)
  }
  const urlCall =
    /^(?:UseUrls|Run|RunAsync|Start)$/.test(n) ||
    (n === 'Add' && /(?:Urls|Prefixes)$/.test(call.receiver))
  if (urlCall && first?.kind === 'string' && /:\/\//.test(first.value))
    return addressOf(first, consts)
  // HTTP.sys's `listener.UrlPrefixes.Add(UrlPrefix.Create("http", "localhost", "8080", ""))`
  // (HttpSysServer's tests; the port may be text).
  if (
    n === 'Add' &&
    /(?:Urls|Prefixes)$/.test(call.receiver) &&
    first?.kind === 'call' &&
    first.call.name === 'Create' &&
    /(?:^|\.)UrlPrefix$/.test(first.call.receiver) &&
    first.call.args.length >= 3
  )
    return hostAndPort(call, consts, first.call.args[1]!.value, first.call.args[2]!.value)
  if (n === 'Start' && /WireMock/.test(call.receiver) && first)
    return hostAndPort(call, consts, undefined, first)
  // HttpMock's stub server: `HttpMockRepository.At("http://localhost:8080")`.
  if (n === 'At' && /(?:^|\.)HttpMockRepository$/.test(call.receiver) && first?.kind === 'string')
    return addressOf(first, consts)
  return undefined
}
