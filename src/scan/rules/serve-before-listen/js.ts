// JavaScript and TypeScript: `server.listen(port)` neither awaited nor given a callback, then a
// request.
import { isIP } from 'node:net'
import { contains } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { inTest } from '../context.ts'
import { resolve } from '../../values.ts'
import { CALLBACK_NAME, clientAfter, hit } from './after-start.ts'

export function js(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  for (const call of facts.calls) {
    if (call.name !== 'listen' || call.awaited || !call.statement || !inTest(ctx, call.scope))
      continue
    if (
      call.args.some(
        (a) =>
          a.value.kind === 'function' ||
          (a.value.kind === 'name' && CALLBACK_NAME.test(a.value.last)),
      )
    )
      continue
    if (facts.calls.some((c) => c.name === 'Promise' && c.isNew && contains(c.at, call.at)))
      continue
    const first = call.args[0]?.value
    const host =
      call.args[1]?.value.kind === 'string'
        ? call.args[1].value
        : first?.kind === 'object'
          ? first.entries.find((e) => /^(?:host|hostname)$/.test(e.key))?.value
          : undefined
    if (!host && !/fastify|hapi/i.test(call.receiver)) continue
    const client = clientAfter(ctx, call, call.scope)
    if (!client) continue
    // An address is "looked up" on the next tick, before a client's connect made in the same
    // tick dials it (nodemailer/smtp-server's `server.listen(PORT, '127.0.0.1')` then
    // `connect()`, judged by a reviewer); only `address()`, read at once, still finds no socket.
    const hostValue = host && resolve(host, ctx.consts)
    const literal = hostValue?.kind === 'string' && isIP(hostValue.value) !== 0
    if (literal && client.name !== 'address') continue
    const waits = facts.strings.some(
      (s) => s.value === 'listening' && s.at.start > call.at.end && s.at.start < client.at.start,
    )
    if (waits) continue
    hits.push(
      hit(
        call,
        `\`${call.callee}()\` binds asynchronously (a host name is looked up first) and nothing waits ` +
          `for it, so \`${client.callee}\` on line ${client.at.line} can run before the server listens ` +
          '(ECONNREFUSED, or a null address()).',
        call,
        client,
      ),
    )
  }
  return hits
}
