// Rust's listeners: `TcpListener::bind`, `UdpSocket::bind` and servers bound to an address.
import type { Call } from '../facts.ts'
import { addressOf } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { hostAndPort, isAddressText, isIntValue, pos } from './reading.ts'

export function rust(call: Call, consts: Constants): Address | undefined {
  const n = call.name
  const first = call.args[0]?.value
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

/** An IP address value in Rust: `Ipv4Addr::LOCALHOST`, `IpAddr::V6(…)`, `Ipv6Addr::UNSPECIFIED`. */
const RUST_IP = /^(?:std::net::)?Ip(?:v[46])?Addr::/
