// Rust: a server spawned as a task or thread that binds inside it, and a client before it listens.
import type { Call } from '../../facts.ts'
import { contains, statementAround } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { hasWord, inTest, namedScope } from '../context.ts'
import { CLIENT, SERVER_RECEIVER, hit, sleepAfter, waitsAfter } from './after-start.ts'

/** A loopback or wildcard address with a port written into a string: `"127.0.0.1:{}"`. */
const LOCAL_ADDRESS_TEXT = /["'](?:127\.0\.0\.1|localhost|0\.0\.0\.0|\[::1?\]):/

/** Rust's ways to run a future or closure on its own: `tokio::spawn`, `task::spawn`, `thread::spawn`. */
const RUST_SPAWN = /^(?:(?:\w+::)*(?:tokio|task|thread|actix_rt|smol))$/

/**
 * Rust: a task or thread that runs a server (`tokio::spawn(async move { server.run().await })`,
 * `task::spawn(async move { app.listen(&bind).await })`) followed by a fixed sleep in the same
 * function, the test's guess at when the port is open (openosaka/castled, http-rs/tide).
 */
export function rust(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  for (const call of facts.calls) {
    if (call.name !== 'spawn' || !RUST_SPAWN.test(call.receiver) || !inTest(ctx, call.scope))
      continue
    // A task given a local address to run on (peer-observer's `format!("127.0.0.1:{}", port)`
    // handed to `p2p_extractor::run(args, …)`) runs a server there, whatever its receiver; not
    // one that dials the address (`TcpStream::connect("127.0.0.1:7000")`, then `session.run()`).
    const addressed =
      LOCAL_ADDRESS_TEXT.test(call.text) &&
      !facts.calls.some(
        (c) =>
          contains(call.at, c.at) &&
          CLIENT.test(c.name) &&
          c.args.some((a) => LOCAL_ADDRESS_TEXT.test(a.value.text)),
      )
    const serves =
      ctx.listeners.some((l) => contains(call.at, l.at)) ||
      facts.calls.some(
        (c) =>
          contains(call.at, c.at) &&
          /^(?:run|serve|listen|bind|start)$/.test(c.name) &&
          (addressed ||
            SERVER_RECEIVER.test(c.receiver) ||
            SERVER_RECEIVER.test(constructedType(c.receiver))),
      )
    if (!serves || inMemory(ctx, call) || boundBefore(ctx, call)) continue
    const sleep = sleepAfter(ctx, call, namedScope(ctx, call.scope))
    if (!sleep || handshakes(ctx, call, sleep)) continue
    // A wait for the port before the sleep (vector's `wait_for_tcp(in_addr).await`; census 49).
    if (waitsAfter(ctx, call, { ...call.at, end: sleep.at.start })) continue
    hits.push(
      hit(
        call,
        `\`${call.callee}\` runs the server on its own, so the code after the fixed sleep on line ` +
          `${sleep.at.line} can run before the port is open (ECONNREFUSED on a loaded runner), and ` +
          'a bind error is lost.',
        { ...call, at: statementAround(facts, call.at) },
        sleep,
      ),
    )
  }
  return hits
}

/**
 * The function serves over an in-memory pipe, with no socket to be open or not (rama-ttrpc's
 * `let (client_io, server_io) = tokio::io::duplex(…)`; census 64).
 */
function inMemory(ctx: RuleContext, spawn: Call): boolean {
  const area = ctx.facts.scopes[namedScope(ctx, spawn.scope)]!.at
  return ctx.facts.calls.some(
    (c) =>
      contains(area, c.at) &&
      c.at.end <= spawn.at.start &&
      (/(?:^|::)io::duplex$|^duplex$/.test(c.callee) || /::pair$/.test(c.callee)),
  )
}

/**
 * The listener the task serves on was bound before it, in the same function, and handed in
 * (rama-dns's `let listener = UnixListener::bind(&path)?;` then `tokio::spawn(async move {
 * listener.accept() … })`; census 64): the task only accepts.
 */
function boundBefore(ctx: RuleContext, spawn: Call): boolean {
  const { facts } = ctx
  const area = facts.scopes[namedScope(ctx, spawn.scope)]!.at
  return facts.assigns.some(
    (a) =>
      contains(area, a.at) &&
      a.at.end <= spawn.at.start &&
      a.value.kind === 'call' &&
      /^(?:\w+::)*(?:Tcp|Unix|Udp)(?:Listener|Socket)::bind$/.test(a.value.call.callee) &&
      hasWord(spawn.text, a.name),
  )
}

/**
 * The task signals and the test waits for the signal before the sleep: a `Barrier` both wait on,
 * a channel the task sends on (gns-rs's `server_ready.wait()` after `listen`, judged by a
 * reviewer). The test then waits for the server, and the sleep is for something else.
 */
function handshakes(ctx: RuleContext, spawn: Call, sleep: Call): boolean {
  const signals = ctx.facts.calls.some(
    (c) =>
      contains(spawn.at, c.at) && /^(?:wait|send|try_send|notify_one|notify_all)$/.test(c.name),
  )
  return (
    signals &&
    ctx.facts.calls.some(
      (c) =>
        /^(?:wait|recv|recv_timeout|blocking_recv)$/.test(c.name) &&
        c.at.start > spawn.at.end &&
        c.at.end < sleep.at.start,
    )
  )
}

/** The type a Rust chain starts by constructing: `Server::new(1024..=65535, secret)` → `Server`. */
function constructedType(receiver: string): string {
  return /^(?:\w+::)*(\w+)::\w+\(/.exec(receiver)?.[1] ?? ''
}
