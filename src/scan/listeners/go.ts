// Go's listeners: `net.Listen` and its kin, `http.ListenAndServe`, servers started on an address.
import type { Call } from '../facts.ts'
import { addressOf, familyOf, literalNumber } from '../values.ts'
import type { Address, Constants } from '../values.ts'
import { isAddressText } from './reading.ts'

/** Go's subtest runner, `t.Run(name, func(t *testing.T) {…})`: a test, not a server. */
const SUBTEST = /^(?:t|b|tb|f|s\.T\(\)|suite\.T\(\))$/

export function go(call: Call, consts: Constants): Address | undefined {
  const n = call.name
  if (n === 'Run' && SUBTEST.test(call.receiver)) return undefined
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
