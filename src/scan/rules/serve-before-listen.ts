// PORT007: the test talks to a server that binds asynchronously before it is known to listen.
// This file picks the reading for the file's language; serve-before-listen/ holds each: Go's
// goroutines (go), Node's listen (js), Python's threads (python), Rust's spawned tasks (rust),
// threads of the JVM, .NET and C (threads), C's forked children (forks), processes and helpers
// started then slept on (sleeps), and what a test does after a start, shared by all (after-start).
import type { Hit, Rule, RuleContext } from './context.ts'
import { spawnedThenSleeps, startedThenSleeps } from './serve-before-listen/sleeps.ts'
import {
  DOTNET_THREADS,
  JVM_THREADS,
  NATIVE_THREADS,
  threadedServers,
} from './serve-before-listen/threads.ts'
import { forkedServers } from './serve-before-listen/forks.ts'
import { rust } from './serve-before-listen/rust.ts'
import { go } from './serve-before-listen/go.ts'
import { js } from './serve-before-listen/js.ts'
import { python } from './serve-before-listen/python.ts'

export const serveBeforeListen: Rule = (ctx) => {
  const hits = [...byFamily(ctx), ...spawnedThenSleeps(ctx)]
  // A start read by a rule above already has its finding.
  const reported = (h: Hit) => hits.some((o) => o.at.line <= h.at.line && h.at.line <= o.at.endLine)
  return [...hits, ...startedThenSleeps(ctx).filter((h) => !reported(h))]
}

function byFamily(ctx: RuleContext): Hit[] {
  if (ctx.family === 'java' || ctx.family === 'kotlin') return threadedServers(ctx, JVM_THREADS)
  if (ctx.family === 'c') return [...threadedServers(ctx, NATIVE_THREADS), ...forkedServers(ctx)]
  if (ctx.family === 'csharp') return threadedServers(ctx, DOTNET_THREADS)
  if (ctx.family === 'rust') return rust(ctx)
  if (ctx.family === 'go') return go(ctx)
  if (ctx.family === 'js') return js(ctx)
  if (ctx.family === 'python') return python(ctx)
  return []
}
