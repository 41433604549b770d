// PORT006: the same fixed port bound again after the first listener closed (TIME_WAIT, and a
// window for another process), including a fixed-port bind inside a loop that closes it.
import { contains } from '../facts.ts'
import type { Hit, Rule } from './context.ts'
import { CLOSE, inTest } from './context.ts'

export const fixedPortRebind: Rule = (ctx) => {
  const { facts } = ctx
  const fixed = ctx.listeners
    // A counted port is a new number each time it is read: no rebind.
    .filter(
      (l) =>
        l.port.kind === 'fixed' && !l.port.counted && l.kind === 'server' && inTest(ctx, l.scope),
    )
    .sort((a, b) => a.at.start - b.at.start)
  const closes = facts.calls.filter((c) => CLOSE.test(c.name))
  const hits: Hit[] = []
  const message = (port: number, line?: number) =>
    `Port ${port} is bound again ${line ? `after the listener on line ${line} was closed` : 'on every pass of this loop, after the previous one was closed'}: ` +
    'a connection closed first leaves the port in TIME_WAIT (EADDRINUSE without SO_REUSEADDR, ' +
    'always on Windows) and another process can take it in between.'
  for (let i = 0; i < fixed.length; i++) {
    const current = fixed[i]!
    const port = current.port.kind === 'fixed' ? current.port.port : 0
    const earlier = fixed
      .slice(0, i)
      .reverse()
      .find((l) => l.port.kind === 'fixed' && l.port.port === port)
    if (
      earlier &&
      closes.some((c) => c.at.start > earlier.at.end && c.at.start < current.at.start)
    ) {
      hits.push({
        rule: 'PORT006',
        severity: 'warning',
        at: current.at,
        code: current.text,
        message: message(port, earlier.at.line),
      })
      continue
    }
    const loop = facts.blocks.find((b) => b.kind === 'loop' && contains(b.at, current.at))
    if (loop && closes.some((c) => contains(loop.at, c.at) && c.at.start > current.at.start)) {
      hits.push({
        rule: 'PORT006',
        severity: 'warning',
        at: current.at,
        code: current.text,
        message: message(port),
      })
    }
  }
  for (const call of facts.calls) {
    if (/restart\w*same_?ports?/i.test(call.name) && inTest(ctx, call.scope)) {
      hits.push({
        rule: 'PORT006',
        severity: 'warning',
        at: call.at,
        code: call.text,
        message:
          `\`${call.callee}\` restarts servers on the ports they had: the ports may still be in ` +
          'TIME_WAIT or taken by another process (EADDRINUSE).',
      })
    }
  }
  return hits
}
