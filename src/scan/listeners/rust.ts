// Rust's listeners: `TcpListener::bind`, `UdpSocket::bind` and servers bound to an address.
import type { Call, FileFacts } from '../facts.ts'
import { addressOf } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { hostAndPort, isAddressText, isIntValue, pos } from './reading.ts'

export function rust(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  const first = call.args[0]?.value
  // A number alone is no address (rama-js's `class.bind(42)` binds a value to a JavaScript
  // object), and a mock network's `bind` opens no socket (webrtc's `network.bind(a)` on
  // `Arc::new(MockUDPNetwork::new())`; census 64).
  if (n === 'bind' && (first?.kind === 'int' || onMockNetwork(call, facts))) return undefined
  // nix's `bind(fd, &addr)` takes the socket first, then its address.
  if (n === 'bind' && call.args.length === 2) {
    const address = addressOf(call.args[1]!.value, consts)
    if (address.port.kind !== 'unknown') return address
  }
  if (n === 'bind' || (n === 'run' && /serve/.test(call.receiver)) || n === 'bind_addr') {
    return first ? addressOf(first, consts) : undefined
  }
  // tide's `app.listen("localhost:8080")`; a socket's `listen(128)` takes a backlog.
  if (n === 'listen' && first && isAddressText(first, consts)) return addressOf(first, consts)
  // gns-rs' `socket.listen(Ipv4Addr::LOCALHOST.into(), 59999)`: an IP address, then the port.
  if (n === 'listen' && first && RUST_IP.test(first.text) && isIntValue(pos(call, 1), consts))
    return hostAndPort(call, consts, first, pos(call, 1))
  return undefined
}

/** The receiver was made by a mock's, a fake's or a simulation's constructor. */
function onMockNetwork(call: Call, facts: FileFacts): boolean {
  const root = call.receiver.split(/[.:]/)[0]!
  return facts.assigns.some(
    (a) => a.name === root && /\b(?:Mock|Fake|Sim)\w*::new\b/.test(a.value.text),
  )
}

/** An IP address value in Rust: `Ipv4Addr::LOCALHOST`, `IpAddr::V6(…)`, `Ipv6Addr::UNSPECIFIED`. */
const RUST_IP = /^(?:std::net::)?Ip(?:v[46])?Addr::/
