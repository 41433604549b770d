// Python: a server started on a thread (`threading.Thread(target=server.serve_forever)`) and a
// request before it is known to listen.
import type { Call, Exit, Span, Value } from '../../facts.ts'
import { contains, lastAssign } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { inTest, namedScope } from '../context.ts'
import { isSleep } from '../../server-helpers.ts'
import { ACCEPTS, ASIDE, sleepingCallers } from './sleeps.ts'
import {
  CHECKS,
  CLIENT,
  SERVER_RECEIVER,
  calledBefore,
  clientAfter,
  hit,
  sleepAfter,
  sleepsIn,
} from './after-start.ts'

/** Thread targets that start a server whatever they are called on. */
const SERVES_IN_THREAD =
  /(?:^|\.)(?:run_app|serve|run_simple|(?:run|start|launch|serve)_(?:\w+_)?server)$|uvicorn\.run|run_app\(|serve\(|run_simple\(|Server\([^)]*\)\.serve_forever/

/** `x.run` / `x.listen` / `x.start`: a server only when x looks like one or the thread is given a host or port. */
const RUNS_IN_THREAD = /(?:^|\.)(?:run|listen|start)$|\.run\(/

const HOST_OR_PORT = /\b(?:host|port|hostname|bind)\b/i

/** `self.app.run` → `app`. */
function receiverOf(target: string): string {
  return (
    target
      .replace(/\.(?:run|listen|start)$/, '')
      .split('.')
      .pop() ?? ''
  )
}

/**
 * What a thread target that is a function of the file does with a server: `'serves'` when it opens
 * a listener (`def start_data_server(): TCPServer(…)`) or makes a server or listener object
 * (opcua-asyncio's `wrapper`, whose coroutine runs `srv = Server()`; inelegant's
 * `multiprocessing.connection.Listener(('localhost', 9001))`), `'serves nothing'` when it only
 * accepts on a socket opened elsewhere (anyio's `def serve(): sock, addr = server_sock.accept()`)
 * or only waits, else undefined (no such function, or one that hands its work on).
 */
function localTarget(
  ctx: RuleContext,
  target: string,
  thread: Call,
): 'serves' | 'serves nothing' | undefined {
  const named = ctx.facts.scopes.filter((s) => s.id !== 0 && s.name === target)
  // Two fixtures may each nest a `wrapper`: the one beside the thread is meant.
  const around = ctx.facts.scopes[namedScope(ctx, thread.scope)]!.at
  const fn = named.find((s) => s.id !== thread.scope && contains(around, s.at)) ?? named[0]
  if (!fn) return undefined
  const inside = ctx.facts.calls.filter((c) => contains(fn.at, c.at))
  if (
    ctx.listeners.some((l) => l.kind === 'server' && contains(fn.at, l.at)) ||
    // A server class made there (multiprocessing's `Listener`), not `addListener`, `stopServer` or
    // an event listener.
    inside.some((c) => /^(?:[A-Z]\w*Server|Server|Listener)$/.test(c.name)) ||
    // A socket bound before the thread refuses connections until it listens there (pytest-retry's
    // `run_server`: `self.sock.listen()`, then `accept()`).
    inside.some((c) => c.name === 'listen')
  )
    return 'serves'
  // Accepting on a socket opened elsewhere, or only waiting (inelegant's `def serve():
  // time.sleep(60)`), serves nothing; a body that hands work on is read by the target's name.
  const idle = inside.every((c) => isSleep(c) || ASIDE.test(c.name))
  return idle || inside.some((c) => ACCEPTS.test(c.name)) ? 'serves nothing' : undefined
}

/**
 * `self.server.prepare()` (cheroot) or `server.listen()` before `Thread(target=self.server.serve)`:
 * the socket listens before the thread starts, so the thread only accepts on it. So does a
 * socketserver-style class built on an address, which binds in its constructor (dulwich's
 * `TCPGitServer(backend, b"localhost", 0)`, the standard library's `HTTPServer(("", 0), …)`);
 * not one built from settings (uvicorn's `Server(config)` binds in `run`).
 */
function boundBefore(ctx: RuleContext, target: string, thread: Call): boolean {
  const object = target.replace(/\.\w+$/, '')
  if (object === target) return false
  const built = lastAssign(ctx.facts, object, thread.at)?.value
  const onAddress =
    built?.kind === 'call' &&
    /^[A-Z]\w*Server$/.test(built.call.name) &&
    built.call.args.some(
      (a) => a.value.kind === 'tuple' || a.value.kind === 'int' || /port/i.test(a.name ?? ''),
    )
  return (
    onAddress ||
    calledBefore(ctx, object, /^(?:prepare|bind|listen|server_bind|server_activate)$/, thread)
  )
}

/**
 * The thread is handed a socket that listens already (python-sdk's `threading.Thread(target=
 * server.run, kwargs={"sockets": [sock]})` after `sock.listen()`): uvicorn serves on it, and
 * early connections wait in its backlog.
 */
function handedListening(ctx: RuleContext, thread: Call): boolean {
  const words = thread.args
    .filter((a) => a.name !== 'target')
    .flatMap((a) => a.value.text.match(/[A-Za-z_]\w*/g) ?? [])
  return [...new Set(words)].some((w) => calledBefore(ctx, w, /^listen$/, thread))
}

/**
 * The function returns after `start` without anything in between that waits for the server,
 * talks to it or polls it (a return inside a loop after the start is a poll's success), nor in
 * what it returns: vcrpy's fixture `yield q.get()` hands on the URL the server thread put once it
 * had bound.
 */
function returnsUnchecked(ctx: RuleContext, start: Call, scope: number): Exit | undefined {
  const area = ctx.facts.scopes[scope]!.at
  return explicitReturn(ctx, start, area) ?? endsAtStart(ctx, start, area)
}

/**
 * A method that only starts the thread it built and ends (bots's `def start(self): self.process =
 * multiprocessing.Process(target=self.run); self.process.start()`) returns there too.
 */
function endsAtStart(ctx: RuleContext, start: Call, area: Span): Exit | undefined {
  const after = ctx.facts.calls.filter((c) => c.at.start > start.at.end && contains(area, c.at))
  const last = after.at(-1)
  if (!last || !after.every((c) => c.name === 'start' && c.args.length === 0)) return undefined
  if (ctx.facts.exits.some((e) => contains(area, e.at) && e.at.start > start.at.end))
    return undefined
  return { at: last.at, text: last.text, scope: last.scope }
}

function explicitReturn(ctx: RuleContext, start: Call, area: Span): Exit | undefined {
  return ctx.facts.exits.find(
    (e) =>
      e.at.start > start.at.end &&
      contains(area, e.at) &&
      !ctx.facts.calls.some(
        (c) =>
          (CHECKS.test(c.name) || CLIENT.test(c.name)) &&
          c.at.start > start.at.end &&
          c.at.end <= e.at.end,
      ) &&
      !ctx.facts.blocks.some(
        (b) =>
          b.kind === 'loop' &&
          b.at.start > start.at.end &&
          (contains(b.at, e.at) || (b.at.end < e.at.start && sleepsIn(ctx, b.at))),
      ),
  )
}

/** A port handed to the thread by keyword: `kwargs={"port": port}`, `port=8080`. */
const HANDED_PORT = /["']port["']\s*:|\bport\s*=/

/**
 * A thread whose target is only a name the function was given (`Thread(target=target, kwargs=
 * {"port": port})`) and that is handed a port by keyword serves on it, whatever it is called
 * (schemathesis's app runner).
 */
function handedPort(target: Value, call: Call): boolean {
  return target.kind === 'name' && !target.name.includes('.') && HANDED_PORT.test(call.text)
}

export function python(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  for (const call of ctx.facts.calls) {
    if (!/^(?:Thread|Process)$/.test(call.name) || !inTest(ctx, call.scope)) continue
    const target =
      call.args.find((a) => a.name === 'target')?.value ??
      call.args.filter((a) => !a.name)[1]?.value
    if (!target) continue
    const text = target.kind === 'name' ? target.name : target.text
    if (/serve_forever$/.test(text) || boundBefore(ctx, text, call) || handedListening(ctx, call))
      continue
    // A function of the file is read for what it does before its name: anyio's `def serve():
    // sock, addr = server_sock.accept()` only accepts on a socket listening already.
    // `target=self.run` is the class's own method (bots's MockServer).
    const local =
      target.kind === 'name' ? localTarget(ctx, text.replace(/^self\./, ''), call) : undefined
    const serves =
      local === 'serves' ||
      (local !== 'serves nothing' &&
        (SERVES_IN_THREAD.test(text) ||
          (RUNS_IN_THREAD.test(text) &&
            (SERVER_RECEIVER.test(receiverOf(text)) || HOST_OR_PORT.test(call.text))) ||
          handedPort(target, call)))
    if (!serves) continue
    const scope = namedScope(ctx, call.scope)
    const client = clientAfter(ctx, call, scope)
    const sleep = client ? undefined : sleepAfter(ctx, call, scope)
    // A helper or fixture that starts the thread and returns (or yields) leaves its caller to
    // guess when the port is open, as a Go helper that returns after `go srv.Serve()` does.
    const returns =
      client || sleep || /^test/.test(ctx.facts.scopes[scope]!.name)
        ? undefined
        : returnsUnchecked(ctx, call, scope)
    if (!client && !sleep && !returns) continue
    const then = client
      ? `\`${client.callee}\` on line ${client.at.line}`
      : sleep
        ? `the code after the fixed sleep on line ${sleep.at.line}`
        : 'the caller'
    hits.push(
      hit(
        call,
        `The thread's target binds the port itself, so ${then} ` +
          'can run before the server listens (ConnectionRefusedError on a loaded runner).',
        call,
        client ?? sleep ?? returns,
      ),
    )
    const helper = ctx.facts.scopes[scope]!
    if (returns && helper.name)
      hits.push(
        ...sleepingCallers(
          ctx,
          helper,
          `starts a server thread that binds on line ${call.at.line} and returns`,
        ),
      )
  }
  return hits
}
