// C and C++: a server that a forked child process binds, and a parent that connects after a fixed
// sleep (webserver's `pid = fork(); if (pid == 0) { server_socket_bind(&server, port);
// server_socket_listen(&server, 5); … } else { usleep(100 * 1000); client_socket_connect(…); }`).
import type { Call } from '../../facts.ts'
import { contains } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { inTest, namedScope } from '../context.ts'
import { isSleep } from '../../server-helpers.ts'
import { hit } from './after-start.ts'

const BINDS = /(?:^|_)(?:bind|listen)$/
const CONNECTS = /(?:^|_)connect$/

export function forkedServers(ctx: RuleContext): Hit[] {
  const { facts } = ctx
  const hits: Hit[] = []
  for (const fork of facts.calls) {
    if (fork.name !== 'fork' || !inTest(ctx, fork.scope)) continue
    const area = facts.scopes[namedScope(ctx, fork.scope)]!.at
    const after = facts.calls.filter((c) => c.at.start > fork.at.end && contains(area, c.at))
    const binds = after.some(
      (c) => BINDS.test(c.name) || ctx.listeners.some((l) => l.kind === 'server' && l.call === c),
    )
    if (!binds) continue
    const polls = (c: Call) =>
      facts.blocks.some((b) => b.kind === 'loop' && contains(b.at, c.at) && contains(area, b.at))
    // The parent's sleep is the last one before its connect (the child may sleep too, after it
    // listens, to let the client in).
    const sleeps = after.filter((c) => isSleep(c) && !polls(c))
    const connect = after.find(
      (c) => CONNECTS.test(c.name) && !polls(c) && sleeps.some((z) => z.at.end < c.at.start),
    )
    const sleep = connect && sleeps.findLast((z) => z.at.end < connect.at.start)
    if (!connect || !sleep) continue
    hits.push(
      hit(
        connect,
        `The server runs in a forked child process, and the fixed sleep on line ${sleep.at.line} ` +
          `only guesses when it listens: on a loaded runner \`${connect.callee}\` connects first ` +
          '(ECONNREFUSED). Wait until the port accepts a connection, or have the child report it.',
        sleep,
      ),
    )
  }
  return hits
}
