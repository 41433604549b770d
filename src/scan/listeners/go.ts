// Go's listeners: `net.Listen` and its kin, `http.ListenAndServe`, servers started on an address.
import type { Assign, Call, FileFacts, Span, Value } from '../facts.ts'
import { contains } from '../facts.ts'
import { addressOf, familyOf, literalNumber, resolve } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { isAddressText } from './reading.ts'

/** Go's subtest runner, `t.Run(name, func(t *testing.T) {…})`: a test, not a server. */
const SUBTEST = /^(?:t|b|tb|f|s\.T\(\)|suite\.T\(\))$/

export function go(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const n = call.name
  if (n === 'Run' && SUBTEST.test(call.receiver)) return undefined
  const built = builtOnAddress(call, consts, facts)
  if (built) return built
  // A helper that serves on the address it is given: chart-verifier's `ServeCharts(ctx, addr, dir)`.
  if (/^Serve[A-Z]\w*$/.test(n) && !/^Serve(?:HTTP|DNS|Conn|Codec|Request)$/.test(n)) {
    const addr = call.args.map((a) => a.value).find((v) => isAddressText(v, consts))
    return addr && addressOf(addr, consts)
  }
  // quic-go's `quic.ListenAddr`/`ListenAddrEarly` and http3's `ListenAndServeQUIC` bind a UDP port.
  if (
    /^(?:Listen(?:Packet|Addr|AddrEarly|AndServe(?:TLS|QUIC)?)?|(?:Start|Run)(?:TLS)?)$/.test(n)
  ) {
    const addr = call.args.map((a) => a.value).find((v) => isAddressText(v, consts))
    const address = addr && addressOf(addr, consts)
    if (address && !(/^(?:Start|Run)/.test(n) && imageReference(address))) return address
    // `Start(ctx, port, &ready)` after `port := "28082"`: a variable named for the port that holds
    // a fixed number, as text or as an int (llm-d's probes server); dynamiclistener's
    // `ListenAndServe(ctx, httpsPort, httpPort, …)` with `httpsPort := 0`, `httpPort := 9012`.
    if (!/^(?:Start|Run|ListenAndServe(?:TLS)?)$/.test(n)) return undefined
    const port = call.args
      .map((a) =>
        a.value.kind === 'name' && /^\w*[pP]ort$/.test(a.value.name)
          ? (literalNumber(a.value, consts) ?? 0)
          : 0,
      )
      .find((p) => p >= 1024 && p <= 65535)
    return port === undefined ? undefined : { port: { kind: 'fixed', port } }
  }
  if (/^(?:ListenTCP|ListenUDP)$/.test(n)) return addressOf(call.args[1]?.value, consts)
  return undefined
}

/**
 * A container image's name and tag read as host and port: testcontainers' `redis.Run(ctx,
 * "redis:7")`, `mariadb.Run(ctx, "mariadb:11")` (blocky's e2e containers; census 57). A test
 * does not listen on a named host other than localhost, nor on a privileged port.
 */
function imageReference(address: Address): boolean {
  const { host = '', port } = address
  return (
    port.kind === 'fixed' &&
    port.port < 1024 &&
    /^[a-z][\w.-]*$/i.test(host) &&
    familyOf(host) === 'unknown'
  )
}

/**
 * A server or connection a constructor built on an address, then told to listen without one:
 * go-gtp's `srvConn = gtpv1.NewUPlaneConn(srvAddr)` after `srvAddr, err :=
 * net.ResolveUDPAddr("udp", "127.0.0.2:2152")`, then `srvConn.ListenAndServe(ctx)` (gogtp-04).
 * Not a client's constructor, whose address is dialled.
 */
function builtOnAddress(call: Call, consts: Constants, facts: FileFacts): Address | undefined {
  const found = addressGiven(call, consts, facts)
  return found && addressOf(found.value, consts)
}

/**
 * Where the address a Go server was built on is written (`srvAddr, err := net.ResolveUDPAddr(…)`),
 * so that its finding runs from there to the listen.
 */
export function goAddressBuiltFor(
  facts: FileFacts,
  call: Call,
  consts: Constants,
): Span | undefined {
  const found = addressGiven(call, consts, facts)
  if (found?.value.kind !== 'name') return found?.made.at
  const name = found.value.name
  return facts.assigns.findLast(
    (a) =>
      a.name === name &&
      contains(facts.scopes[a.scope]!.at, found.made.at) &&
      a.at.end <= found.made.at.start,
  )?.at
}

function addressGiven(
  call: Call,
  consts: Constants,
  facts: FileFacts,
): { value: Value; made: Assign } | undefined {
  if (!/^(?:ListenAndServe(?:TLS)?|Serve|Listen)$/.test(call.name)) return undefined
  if (!/^\w+$/.test(call.receiver) || call.args.some((a) => isAddressText(a.value, consts)))
    return undefined
  const made = facts.assigns.findLast(
    (a) => a.name === call.receiver && a.at.end <= call.at.start && a.value.kind === 'call',
  )
  if (made?.value.kind !== 'call') return undefined
  const maker = made.value.call
  if (!/^New[A-Z]\w*$/.test(maker.name) || /Client|Dial/.test(maker.name)) return undefined
  const resolved = (v: Value) => {
    const r = resolve(v, consts)
    return r.kind === 'call' && /^Resolve(?:TCP|UDP)Addr$/.test(r.call.name)
  }
  const value = maker.args.map((a) => a.value).find((v) => isAddressText(v, consts) || resolved(v))
  return value && { value, made }
}
