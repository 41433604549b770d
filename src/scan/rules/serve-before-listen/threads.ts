// Threads of the JVM, .NET and C: a server started inside a thread's body, and a client the test
// runs before the thread has bound.
import type { Call, Span } from '../../facts.ts'
import { contains, lastAssign, spanning } from '../../facts.ts'
import type { Hit, RuleContext } from '../context.ts'
import { inTest, namedScope } from '../context.ts'
import { CHECKS, CLIENT, WAITS, calledBefore, hit, sleepAfter } from './after-start.ts'

/** A thread telling others it is ready: a latch, a future, a semaphore, a queue. */
const SIGNALS =
  /^(?:countDown|complete|set|release|signal|signalAll|notify|notifyAll|offer|put|succeed)$/

/** JVM ways to run code on another thread: `thread.start()`, `executor.execute(r)`, `submit(r)`. */
const RUNS_ELSEWHERE = /^(?:execute|submit|runAsync|supplyAsync)$/

/** A map or a list, whose `put` and `get` are no requests: java-cas-client's `serverMap.put(port, server)`. */
const COLLECTION = /(?:[mM]ap|[cC]ache|[lL]ist|[pP]roperties|[hH]eaders)$/

/** Code built to run on another thread: `new Runnable() {…}`, `new Thread(…)`, a server (jPOS's `ISOServer`). */
const RUNNABLE = /^new\s+[\w.]*(?:Runnable|Callable|Thread|Task|Server)\b/

/** Waits a JVM test makes for a task: a latch, a join, a future's result, a poll. */
const JVM_WAITS = /^(?:await|join|get|acquire|awaitTermination)$/

/**
 * The code a JVM thread runs, when the file shows it: the `new Thread(…)` (with its anonymous
 * body or lambda) that `start()` is called on, or the runnable handed to an executor, written in
 * place or held in a variable (`Runnable runServer = new Runnable() {…}`).
 */
function jvmThreadBody(ctx: RuleContext, call: Call): Span | undefined {
  if (call.name === 'start') return startedThread(ctx, call)
  // A task held in a variable is one built as code to run, not a value a session executes
  // (cassandra's `session.execute(statement)` on `deleteStatement.bind(recipient)`; census 73).
  const built = (name: string) =>
    ctx.facts.assigns.findLast(
      (a) =>
        a.target === name &&
        a.at.end <= call.at.start &&
        (a.value.kind === 'function' || RUNNABLE.test(a.value.text)),
    )
  if (!RUNS_ELSEWHERE.test(call.name) || call.args.length !== 1) return undefined
  const task = call.args[0]!
  if (task.value.kind === 'function' || /^new\s*Runnable\b/.test(task.value.text)) return task.at
  return task.value.kind === 'name' ? built(task.value.name)?.at : undefined
}

/** The body starts a server: a listener in it, `new …Server(…)`, or `start()`/`run()` on a server. */
function startsServerIn(ctx: RuleContext, body: Span, thread: Call): boolean {
  return (
    // A C sockaddr filled in the body counts with the bind that takes it: a client thread fills
    // one to connect (TizenRT's `client_connect`).
    ctx.listeners.some(
      (l) =>
        l.kind === 'server' &&
        contains(body, l.at) &&
        (l.call !== undefined || !/\bsin6?_port\b/.test(l.text)),
    ) ||
    ctx.facts.calls.some(
      (c) => c !== thread && contains(body, c.at) && startsServer(ctx, c, thread, body),
    )
  )
}

function startsServer(ctx: RuleContext, c: Call, thread: Call, body: Span): boolean {
  if (c.isNew && /Server$/.test(c.name)) {
    const held = ctx.facts.assigns.find((a) => contains(a.at, c.at))
    return !held || !openedBefore(ctx, held.name, thread, body)
  }
  return (
    // .NET names them `Run`, `StartAsync`.
    /^(?:start|run|serve|listen|bind)(?:Async)?$/i.test(c.name) &&
    (/server/i.test(c.receiver) || holdsListener(ctx, c.receiver)) &&
    !openedBefore(ctx, c.receiver, thread, body)
  )
}

/**
 * A variable or property that holds a listener the file made, which binds when started: iqfeed's
 * `Listener = new TcpListener(IPAddress.Parse(host), port)`, then `Listener.Start()` in the task.
 */
function holdsListener(ctx: RuleContext, receiver: string): boolean {
  const made = new Set(ctx.listeners.flatMap((l) => (l.call ? [l.call.at.start] : [])))
  return ctx.facts.assigns.some(
    (a) => a.target === receiver && a.value.kind === 'call' && made.has(a.value.call.at.start),
  )
}

/** Names of a listening socket handed to a server: oatpp's `connectionProvider`, `serverSocket`. */
export const OPEN_LISTENER = /(?:[pP]rovider|[lL]istener|[aA]cceptor|[sS]ocket)\b/

/**
 * The server was bound before the thread started (glaze's `server_.bind("127.0.0.1", port_)`,
 * then `std::async(… server_.start(2) …)`; grpc-java's `int serverPort = server.init();
 * executor.execute(server)`) or built on a listener opened elsewhere (oatpp's
 * `Server(connectionProvider, handler)`, whose provider binds when it is made): the thread only
 * accepts, and a client can connect at once.
 */
function openedBefore(ctx: RuleContext, server: string, thread: Call, body: Span): boolean {
  // What the thread's own code does (thrift's `server = getServer(…, tServerSocket, …)` inside
  // `run()`) happens on the thread, not before it; another method's is another test's.
  const area = ctx.facts.scopes[namedScope(ctx, thread.scope)]!.at
  const outside = (at: Span) => !contains(body, at) && contains(area, at)
  const bound = calledBefore(ctx, server, /^(?:bind|listen|init|prepare)$/, thread, body)
  const built = lastAssign(ctx.facts, server, thread.at, (a) => outside(a.at))
  return (
    bound ||
    (built?.value.kind === 'call' &&
      built.value.call.args.some((a) => OPEN_LISTENER.test(a.value.text)))
  )
}

/** How one language family runs code on another thread and waits for it. */
interface Threads {
  /** The code a call runs on another thread, when the file shows it. */
  body: (ctx: RuleContext, call: Call) => Span | undefined
  /** Calls by which the thread tells others it is ready. */
  signals: RegExp
  /** Calls by which the test waits for the thread. */
  waits: RegExp
  /** Calls that talk to the server. */
  client: RegExp
  /** What the client sees when it comes too early. */
  refused: string
}

export const JVM_THREADS: Threads = {
  body: jvmThreadBody,
  signals: SIGNALS,
  waits: JVM_WAITS,
  client: CLIENT,
  refused: 'ConnectException: Connection refused on a loaded runner',
}

/**
 * The `new Thread(…)` that an argument-less `start()`/`Start()` is called on, written in place or
 * held in a variable: its span, which holds the code the thread runs.
 */
function startedThread(ctx: RuleContext, call: Call): Span | undefined {
  if (call.args.length !== 0) return undefined
  if (/^new\s*Thread\b/.test(call.receiver)) return call.at
  const thread = ctx.facts.assigns.findLast(
    (a) => a.target === call.receiver && a.at.end <= call.at.start,
  )
  const value = thread?.value
  if (value?.kind !== 'call') return undefined
  // Kotlin builds it without `new`: `val server = Thread { … }`.
  if ((value.call.isNew || ctx.family === 'kotlin') && value.call.name === 'Thread')
    return thread!.at
  return value.call.isNew ? ownThreadClassRun(ctx, value.call.name) : undefined
}

/**
 * A thread class of the file: its constructor and its `run()` are here, and no `start()` of its
 * own, so `start()` is Thread's (java-cas-client's `PublicTestHttpServer extends Thread`, whose
 * `run()` binds `new ServerSocket(this.port)`). Its `run()` is the code the thread runs.
 */
function ownThreadClassRun(ctx: RuleContext, name: string): Span | undefined {
  const { scopes, params } = ctx.facts
  const declared = (n: string) => scopes.filter((s) => s.id !== 0 && s.name === n)
  if (ctx.family !== 'java' || declared(name).length === 0 || declared('start').length > 0)
    return undefined
  return declared('run').find((s) => !params.some((p) => p.scope === s.id))?.at
}

/**
 * .NET: the delegate handed to `Task.Run`, `Task.Factory.StartNew` or
 * `ThreadPool.QueueUserWorkItem`, or the `new Thread(…)` that `Start()` is called on (RestSharp's
 * test server: `Task.Run(() => _server.Run(_cts.Token))` in its constructor).
 */
function dotnetTaskBody(ctx: RuleContext, call: Call): Span | undefined {
  const queued =
    (call.name === 'Run' && call.receiver === 'Task') ||
    (call.name === 'StartNew' && /^Task\.Factory$/.test(call.receiver)) ||
    (call.name === 'QueueUserWorkItem' && /ThreadPool$/.test(call.receiver))
  if (queued) {
    const task = call.args[0]
    if (task?.value.kind === 'function') return task.at
    // A method of the file handed by name: iqfeed's `Task = Task.Run(Run)`.
    const named = task?.value.kind === 'name' ? task.value.name : undefined
    return named ? ctx.facts.scopes.find((s) => s.id !== 0 && s.name === named)?.at : undefined
  }
  return call.name === 'Start' ? startedThread(ctx, call) : undefined
}

export const DOTNET_THREADS: Threads = {
  body: dotnetTaskBody,
  signals: /^(?:SetResult|TrySetResult|Set|Release|Signal|SignalAndWait)$/,
  waits: /^(?:Wait|WaitAsync|WaitOne|WaitAll|WaitAny|Join|GetAwaiter|GetResult)$/,
  client: CLIENT,
  refused: 'SocketException: Connection refused on a loaded runner',
}

/**
 * C and C++: the function `pthread_create` is handed, or the callable of a `std::thread` (also
 * one made by `std::make_unique<std::thread>`) or of `std::async`: a lambda written in place, or
 * a function of the file named by it.
 */
function nativeThreadBody(ctx: RuleContext, call: Call): Span | undefined {
  let task: Call['args'][number] | undefined
  if (call.name === 'pthread_create') task = call.args[2]
  else if (
    /^(?:std::)?thread$/.test(call.callee) ||
    /^std::make_(?:unique|shared)<std::thread>/.test(call.text)
  )
    task = call.args[0]
  else if (call.callee === 'std::async')
    task = call.args.find((a) => !/^std::launch::/.test(a.value.text))
  if (!task) return undefined
  if (task.value.kind === 'function') return task.at
  const name = task.value.text.replace(/^&/, '')
  return ctx.facts.scopes.find((s) => s.id !== 0 && s.name === name && s.role === 'declared')?.at
}

export const NATIVE_THREADS: Threads = {
  body: nativeThreadBody,
  signals:
    /^(?:pthread_cond_signal|pthread_cond_broadcast|sem_post|pthread_barrier_wait|set_value|count_?[dD]own|arrive|[sS]ignal\w*|[nN]otify\w*)$/,
  waits:
    /^(?:pthread_cond_wait|pthread_cond_timedwait|sem_wait|sem_timedwait|pthread_barrier_wait|pthread_join|join|wait|wait_for|wait_until|get|arrive_and_wait)$/,
  // Not `post`, which is asio's way to queue work, nor `get`, a smart pointer's.
  client: /^(?:connect|Connect|Get|Post|Put|Delete|Head|Patch|Options|request|send_request)$/,
  refused: 'ECONNREFUSED on a loaded runner',
}

/**
 * A thread or an executor's task that starts a server (fmi's java-course
 * `serverStarterThread.start()` in `@BeforeClass`, heron's `threadPools.execute(runServer)`,
 * TizenRT's `pthread_create(&server_thread, NULL, server_connect, …)`), and then a client, a
 * fixed sleep, or the end of a set-up method or helper, with nothing in between that waits for
 * it (a latch's `await`, a `join`, a semaphore, a poll): the caller can talk to the server before
 * it listens.
 */
export function threadedServers(ctx: RuleContext, threads: Threads): Hit[] {
  const hits: Hit[] = []
  const { facts } = ctx
  for (const call of facts.calls) {
    if (!inTest(ctx, call.scope)) continue
    const body = threads.body(ctx, call)
    if (!body || !startsServerIn(ctx, body, call)) continue
    // The thread signals once the server started (heron's `serverStartedSignal.countDown()`,
    // smarthome's `serverStarted.complete(…)`): whoever talks to it waits on the signal.
    if (facts.calls.some((c) => contains(body, c.at) && threads.signals.test(c.name))) continue
    const scope = namedScope(ctx, call.scope)
    const fn = facts.scopes[scope]!
    const area = fn.at
    const after = (at: Span) => at.start > call.at.end && contains(area, at) && !contains(body, at)
    const client = facts.calls.find(
      (c) =>
        after(c.at) &&
        (threads.client.test(c.name) || connectsIn(ctx, threads.body(ctx, c))) &&
        !RUNS_ELSEWHERE.test(c.name) &&
        !COLLECTION.test(c.receiver),
    )
    // Only a wait before the client counts: joining the server thread at the end does not. A
    // wait is read from where it ends, as a parse that stumbled on a macro may start it with the
    // thread's statement (cpp-httplib's `std::thread(…); svr.wait_until_ready();`).
    const before = (at: Span) =>
      at.end > call.at.end &&
      contains(area, at) &&
      !contains(body, at) &&
      (!client || at.end <= client.at.start)
    const waits = facts.calls.some(
      (c) =>
        before(c.at) && (threads.waits.test(c.name) || CHECKS.test(c.name) || WAITS.test(c.name)),
    )
    const polls = facts.blocks.some((b) => b.kind === 'loop' && before(b.at))
    if (waits || polls) continue
    const sleep = sleepAfter(ctx, call, scope)
    // A test method that talks to nothing after the start leaves no caller to guess.
    const leaves = !client && !fn.test && fn.id !== 0
    if (!client && !leaves) continue
    const then = client
      ? `\`${client.callee}\` on line ${client.at.line}`
      : sleep
        ? `the code after the fixed sleep on line ${sleep.at.line}`
        : 'the tests that run after it'
    // A thread built in the function before it starts (`val server = Thread { … }`, a runnable
    // in a variable) is reported from where it is built, the code that races.
    const built = body.start < call.at.start && contains(area, body)
    hits.push(
      hit(
        call,
        `The server starts on another thread, so ${then} can run before it listens ` +
          `(${threads.refused}).`,
        built ? { at: spanning(body, call.at) } : call,
        client ?? sleep,
      ),
    )
  }
  return hits
}

/** A client thread: the code it runs connects (TizenRT's `pthread_create(…, client_connect, …)`). */
function connectsIn(ctx: RuleContext, body: Span | undefined): boolean {
  return (
    body !== undefined &&
    ctx.facts.calls.some((c) => contains(body, c.at) && /^(?:connect|Connect)$/.test(c.name))
  )
}
