// PORT005: the server binds one address family and the client dials the name `localhost`
// (or the reverse, in JavaScript, where `listen(p, 'localhost')` binds only the first answer).
import type { Str } from '../facts.ts'
import { contains } from '../facts.ts'
import { familyOf } from '../values.ts'
import type { Hit, Rule } from './context.ts'
import { inTest } from './context.ts'

const LOCALHOST = /(?:^|\/\/|@)localhost(?=$|[:/])/i
const LOOPBACK_V4 = /(?:^|\/\/|@)127\.0\.0\.1(?=$|[:/])/

export const localhostFamily: Rule = (ctx) => {
  const { facts } = ctx
  const ipv4First =
    facts.calls.some((c) => c.name === 'setDefaultResultOrder') ||
    facts.strings.some((s) => /ipv4first|dns-result-order/.test(s.value)) ||
    facts.entries.some(
      (e) =>
        (e.key === 'family' && e.value.kind === 'int' && e.value.value === 4) ||
        e.key === 'autoSelectFamily',
    )
  if (ipv4First) return []
  const servers = ctx.listeners.filter((l) => l.kind === 'server')
  const inServer = (s: Str) => servers.some((l) => contains(l.at, s.at))
  // A bare 'localhost' counts where a client is handed it, not in a constant's definition.
  const inCall = (s: Str) => facts.calls.some((c) => contains(c.at, s.at))
  const js = ctx.family === 'js'
  const hits: Hit[] = []
  for (const server of servers) {
    const family = familyOf(server.host)
    let clients: Str[] = []
    let why = ''
    if (family === 'v4' || family === 'v6') {
      clients = facts.strings.filter(
        (s) =>
          LOCALHOST.test(s.value) &&
          !inServer(s) &&
          (s.value.toLowerCase() !== 'localhost' || inCall(s)),
      )
      why =
        family === 'v4'
          ? `binds IPv4 only (${server.host || 'all IPv4 addresses'})`
          : `binds IPv6 only (${server.host})`
    } else if (family === 'localhost' && js) {
      clients = facts.strings.filter((s) => LOOPBACK_V4.test(s.value) && !inServer(s))
      why = "binds 'localhost', which Node.js 17+ resolves to ::1 first"
    }
    for (const client of clients) {
      if (!inTest(ctx, client.scope) || hits.some((h) => h.at.start === client.at.start)) continue
      hits.push({
        rule: 'PORT005',
        severity: js ? 'warning' : 'note',
        at: client.at,
        code: client.value,
        message:
          `The server on line ${server.at.line} ${why}, but this client dials ` +
          `'${client.value.slice(0, 60)}': where localhost resolves to the other family first ` +
          '(Node.js 17+, macOS, Windows) the connection is refused or has to retry.',
      })
    }
  }
  return hits
}
