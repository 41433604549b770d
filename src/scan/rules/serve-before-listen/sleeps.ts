// A server process, or a helper that starts one, followed by a fixed sleep before the test talks
// to it: the sleep only guesses when the port opens.
import type { Call, Exit, FileFacts, Scope } from '../../facts.ts'
import {
  WAITS_FOR_SERVER,
  contains,
  innermostBlock,
  lastAssign,
  spanning,
  statementAround,
} from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { inTest, namedScope } from '../context.ts'
import { isSleep } from '../../server-helpers.ts'
import { perFile } from '../../per-file.ts'
import { CLIENT, WAITS, lookup, pollsNext, sleepAfter, waitsAfter } from './after-start.ts'
import { OPEN_LISTENER } from './threads.ts'

/**
 * A server process started with a port argument (PORT001's spawned servers, whatever the port)
 * and a fixed sleep after it in the same function: the process binds when it gets there, and the
 * sleep guesses when. The finding spans from the spawn to the sleep.
 */
export function spawnedThenSleeps(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  for (const spawned of ctx.spawned) {
    if (!inTest(ctx, spawned.scope)) continue
    // A sleep inside a loop is a poll (`while !is_port_reachable(…) { sleep(…) }`), not a guess.
    const sleep = sleepAfter(ctx, spawned, namedScope(ctx, spawned.scope))
    if (!sleep) continue
    // A poll between the start and the sleep waited already (thrift's RunClientServer.py tries
    // `connect_ex` until the port answers; its later sleep lets children exit).
    if (waitsAfter(ctx, spawned, { ...spawned.at, end: sleep.at.start })) continue
    if (pollsNext(ctx, sleep, ctx.facts.scopes[namedScope(ctx, spawned.scope)]!.at)) continue
    const port = spawned.port ? `port ${spawned.port}` : 'its port'
    hits.push({
      rule: 'PORT007',
      severity: 'warning',
      at: spanning(spawned.at, sleep.at),
      code: spawned.text,
      message:
        `The server process binds ${port} some time after it starts, and the fixed sleep on ` +
        `line ${sleep.at.line} only guesses when: on a loaded runner the test connects first ` +
        '(ECONNREFUSED). Wait until the port accepts a connection, or have the process report it.',
    })
  }
  hits.push(...helperStartsThenSleeps(ctx))
  return hits
}

/**
 * A function of the file that starts the server process and returns without waiting, called by
 * a test that then sleeps (`self.process = run_application()` … `time.sleep(3)` in setUp,
 * GoogleCloudPlatform/cloud-opensource-python): the guess is the caller's. Spans the call to the sleep.
 */
function helperStartsThenSleeps(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  for (const spawned of ctx.spawned) {
    const helper = ctx.facts.scopes[namedScope(ctx, spawned.scope)]
    if (!helper || helper.id === 0 || !helper.name || sleepAfter(ctx, spawned, helper.id)) continue
    if (waitsAfter(ctx, spawned, helper.at)) continue
    const port = spawned.port ? `port ${spawned.port}` : 'its port'
    hits.push(
      ...sleepingCallers(
        ctx,
        helper,
        `starts a server process that binds ${port} some time later (line ${spawned.at.line})`,
      ),
    )
  }
  return hits
}

/**
 * The calls of a helper that starts a server and returns without waiting, made by code that then
 * sleeps: the guess is the caller's, and the finding spans the call to the sleep.
 */
export function sleepingCallers(ctx: RuleContext, helper: Scope, what: string): Hit[] {
  const hits: Hit[] = []
  for (const call of ctx.facts.calls) {
    if (call.name !== helper.name || !/^(?:|this|self|cls)$/.test(call.receiver)) continue
    const caller = namedScope(ctx, call.scope)
    if (caller === helper.id || !inTest(ctx, call.scope)) continue
    const sleep = sleepAfter(ctx, call, caller)
    if (!sleep) continue
    hits.push({
      rule: 'PORT007',
      severity: 'warning',
      at: spanning(statementAround(ctx.facts, call.at), sleep.at),
      code: call.text,
      message:
        `\`${helper.name}\` ${what}, and the fixed sleep on line ${sleep.at.line} only guesses ` +
        'when: on a loaded runner the test connects first (ECONNREFUSED). Wait until the port ' +
        'accepts a connection, or have the server report it.',
    })
  }
  return hits
}

/** Accepting a connection on a listening socket. */
export const ACCEPTS = /^(?:accept|Accept|accept_async)$/

/** Calls that start something, a server when more says so (a name, a process, the sleep's comment). */
const STARTS = /^(?:start|Start|run|Run|serve|Serve|spawn|Spawn|listen|Listen)$/

/** Helpers named for starting a server: `startProxy`, `setup_urpc_server`, `initPrometheusExporter`. */
const NAMED_FOR_A_SERVER =
  /^(?:start|run|launch|boot|serve|setup|set_up|init|spawn)_?\w*(?:[sS]erver|[pP]roxy|[gG]ateway|[eE]xporter|[dD]aemon|[bB]roker|[aA]pp_?[pP]rocess)$/

/** Server classes whose `main` a test calls: it returns, so the servers it starts run on threads. */
const SERVER_CLASS_SUFFIX = /(?:[sS]erver|[pP]roxy|[gG]ateway|[dD]aemon|[bB]roker)$/

/** What makes a process object: frp's `process.NewWithEnvs(path, args, env)`, `exec.Command`. */
const PROCESS_MAKER =
  /(?:^|[.:])(?:[pP]rocess\.\w+|exec\.Command\w*|Command::new|Popen|ProcessBuilder)$/

/** Starting a process object; Go's `cmd.Run()` waits for the program to end, so it is not one. */
const STARTS_PROCESS = /^(?:start|Start|spawn)$/

/**
 * Calls that may stand between a start and its sleep: checking the start's error, logging, naming
 * the task (pymodbus's `task.set_name("mock_server")`).
 */
export const ASIDE =
  /^(?:[eE]xpect\w*|assert\w*|[fF]atalf?|[eE]rrorf?|[lL]og\w*|[pP]rint\w*|NoError|Nil|[dD]ebug|[iI]nfo|[wW]arn\w*|unwrap|set_name|setName)$/

/** The sleep's own comment, or the one above its statement, says it waits for a server. */
function sleepWaitsForServer(ctx: RuleContext, sleep: Call): boolean {
  const line = sleep.at.line
  return ctx.facts.comments.some(
    (c) =>
      (c.trailing ? c.at.line === line : c.covers?.includes(line)) && WAITS_FOR_SERVER.test(c.text),
  )
}

/**
 * The started task serves a listener opened before it: it accepts on one (ockam's `tokio::spawn(
 * async move { listener.accept() … })` after `setup` bound it) or is handed one (`axum::serve(
 * listener, app)`), and binds none itself. The port is open already.
 */
function servesOpenListener(ctx: RuleContext, start: Call): boolean {
  const servesOpen = ctx.facts.calls.some(
    (c) =>
      contains(start.at, c.at) &&
      (ACCEPTS.test(c.name) ||
        (/^(?:serve|Serve)$/.test(c.name) && c.args.some((a) => OPEN_LISTENER.test(a.value.text)))),
  )
  return servesOpen && !ctx.listeners.some((l) => l.kind === 'server' && contains(start.at, l.at))
}

/**
 * How a call starts a server it does not wait for, when its name or object says so: a helper named
 * for it (not one of the file that binds before it returns, as a Go `startTestServer` doing
 * `net.Listen` then `go http.Serve(l)` does), a server class's `main`, or `Start()` on a process
 * object the function made.
 */
function namedStart(ctx: RuleContext, call: Call, processes: ReadonlySet<string>): boolean {
  if (NAMED_FOR_A_SERVER.test(call.name)) {
    const own = ctx.facts.scopes.find((s) => s.id !== 0 && s.name === call.name)
    return !own || !ctx.listeners.some((l) => l.kind === 'server' && contains(own.at, l.at))
  }
  if (call.name === 'main') return SERVER_CLASS_SUFFIX.test(call.receiver)
  if (startsPythonProcess(ctx, call)) return true
  if (!STARTS_PROCESS.test(call.name) || !processes.has(call.receiver)) return false
  const made = lastAssign(ctx.facts, call.receiver, call.at)
  return made?.value.kind === 'call' && PROCESS_MAKER.test(made.value.call.callee)
}

/**
 * Python runs a process when it makes one: `subprocess.Popen(cmd)`, or a helper of the file that
 * returns one and does not wait itself (Robyn's `process = spawn_process(command)`, then
 * `time.sleep(1)` in its fixture). Outside a test: a fixture, a set-up or a helper that sleeps
 * after a process starts waits for a server; a test may be waiting for a build (`Popen(['make',
 * 'fixtures'])`).
 */
function startsPythonProcess(ctx: RuleContext, call: Call): boolean {
  if (ctx.family !== 'python') return false
  const byHelper = call.receiver === '' && popenHelpers(ctx.facts).has(call.name)
  if (!POPEN.test(call.callee) && !byHelper) return false
  const fn = ctx.facts.scopes[namedScope(ctx, call.scope)]
  return fn !== undefined && !fn.test && !/^test/.test(fn.name)
}

const POPEN = /(?:^|\.)Popen$/

/** The file's functions that return a process they made with `Popen` and do not wait for it. */
const popenHelpers = perFile((facts: FileFacts) => {
  const out = new Set<string>()
  for (const fn of facts.scopes) {
    if (fn.id === 0 || !fn.name) continue
    const exits = facts.exits.filter((e) => e.scope === fn.id && e.value !== undefined)
    const waits = facts.calls.some(
      (c) => contains(fn.at, c.at) && (isSleep(c) || WAITS.test(c.name)),
    )
    const madeByPopen = (e: Exit) => {
      const made = e.value?.kind === 'name' ? lastAssign(facts, e.value.name, e.at) : undefined
      return made?.value.kind === 'call' && POPEN.test(made.value.call.callee)
    }
    if (exits.length > 0 && !waits && exits.every(madeByPopen)) out.add(fn.name)
  }
  return out
})

/**
 * A server started and, as the next thing the code does, a fixed sleep (py4j's
 * `pClient.startProxy(); Thread.sleep(250)`): the sleep guesses when the server binds. The start
 * counts when its name or object says it starts a server (`namedStart`), or when it is any start
 * whose sleep says in a comment that it waits for the server (pytest-listener's `res.start()` then
 * `# Wait for socket to become available`). A library's `server.Start()` alone does not: many bind
 * before they return (an HttpListener's `Start`). Reported when a client follows the sleep in the
 * function, or the function is not a test itself (a set-up, a fixture, a helper), whose callers
 * then talk to the server.
 */
export function startedThenSleeps(ctx: RuleContext): Hit[] {
  const hits: Hit[] = []
  /** Sleeps already reported, from the first start before them. */
  const reported = new Set<number>()
  const { facts } = ctx
  // Calls and sleeps in source order; each candidate looks only from itself to its sleep.
  const ordered = [...facts.calls].sort((x, y) => x.at.start - y.at.start)
  const sleeps = ordered.filter(isSleep)
  if (sleeps.length === 0) return hits
  const loops = facts.blocks.filter((b) => b.kind === 'loop')
  const inLoop = (c: Call) => loops.some((b) => contains(b.at, c.at))
  const fixed = sleeps.filter((c) => !inLoop(c))
  // A loop that starts a server and then sleeps (frp's framework starting each server process of
  // a list) guesses once per server; a loop that only sleeps between asks polls, and a sleep in a
  // branch of the loop (a retry's back-off in `except`) waits after a failure, not a start. So
  // both the start and the sleep stand in the loop's own body.
  const loopSleeps = sleeps.flatMap((c) => {
    const block = innermostBlock(facts, c.at)
    return block?.kind === 'loop' ? [{ sleep: c, loop: block }] : []
  })
  const sleepInItsLoop = (start: Call): Call | undefined => {
    const loop = innermostBlock(facts, start.at)
    if (loop?.kind !== 'loop') return undefined
    for (const { sleep, loop: around } of loopSleeps) {
      if (sleep.at.start > loop.at.end) return undefined
      if (sleep.at.start > start.at.end && around === loop) return sleep
    }
    return undefined
  }
  // Without a sleep that says it waits for a server, only a named start can count.
  const noted = fixed.some((c) => sleepWaitsForServer(ctx, c))
  const starts = noted ? facts.calls.filter((c) => STARTS.test(c.name)) : []
  const processes = new Set(
    facts.assigns
      .filter((a) => a.value.kind === 'call' && PROCESS_MAKER.test(a.value.call.callee))
      .map((a) => a.target),
  )
  const firstAfter = (list: readonly Call[], offset: number) => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid]!.at.start > offset) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  for (const call of facts.calls) {
    const verb = STARTS.test(call.name)
    const process = startsPythonProcess(ctx, call)
    if (!verb && !process && !NAMED_FOR_A_SERVER.test(call.name) && call.name !== 'main') continue
    const named = namedStart(ctx, call, processes)
    if ((!named && (!verb || !noted)) || !inTest(ctx, call.scope)) continue
    const scope = namedScope(ctx, call.scope)
    const fn = facts.scopes[scope]!
    // The first fixed sleep after the start in its function, or in the loop that starts it.
    const next = fixed[firstAfter(fixed, call.at.end)]
    const outside =
      next && (contains(fn.at, next.at) || next.at.start > fn.at.end) ? next : undefined
    const looped = sleepInItsLoop(call)
    const sleep = looped && (!outside || looped.at.start < outside.at.start) ? looped : outside
    if (!sleep || !contains(fn.at, sleep.at)) continue
    if (!named && !sleepWaitsForServer(ctx, sleep)) continue
    // A start inside another (a task the server task spawns) is that one's.
    if (!named && starts.some((o) => o !== call && contains(o.at, call.at))) continue
    // Nothing but asides stands between; for a start the sleep's comment speaks for, other starts
    // and what they run may (openrr's second `thread::spawn`, a loop), and the sleep is reported
    // once, from the first.
    let between = false
    for (let i = firstAfter(ordered, call.at.end); i < ordered.length; i++) {
      const c = ordered[i]!
      if (c.at.start >= sleep.at.start) break
      if (!named && STARTS.test(c.name)) {
        i = firstAfter(ordered, c.at.end) - 1
        continue
      }
      if (!ASIDE.test(c.name)) {
        between = true
        break
      }
    }
    if (between || reported.has(sleep.at.start)) continue
    if (!named && servesOpenListener(ctx, call)) continue
    if (pollsNext(ctx, sleep, fn.at)) continue
    const client = facts.calls.find(
      (c) =>
        c.at.start > sleep.at.end && contains(fn.at, c.at) && CLIENT.test(c.name) && !lookup(c),
    )
    if (!client && (fn.test || fn.id === 0)) continue
    const then = client ? `\`${client.callee}\` on line ${client.at.line}` : 'the code after it'
    reported.add(sleep.at.start)
    hits.push({
      rule: 'PORT007',
      severity: 'warning',
      // On to the request the race is with, as the goroutine reader's findings go (dittofs's
      // `http.Get` after `go server.Start(ctx)` and a 100 ms sleep, labelled at the request).
      at: spanning(statementAround(facts, call.at), client?.at ?? sleep.at),
      code: call.text,
      message:
        `\`${call.callee}\` starts a server that binds some time after it returns, and the fixed ` +
        `sleep on line ${sleep.at.line} only guesses when: on a loaded runner ${then} connects ` +
        'first (ECONNREFUSED). Wait until the port accepts a connection, or have the server ' +
        'report it.',
    })
  }
  return hits
}
