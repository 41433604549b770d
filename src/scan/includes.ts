// C and C++ tests take their ports from headers: libuv's `#define TEST_PORT 9123` in test/task.h,
// libzmq's `#define ENDPOINT_3 "tcp://127.0.0.1:5558"` in tests/testutil.hpp. The scan follows a
// value into one other kind of file only: the headers a C or C++ file includes with quotes, one
// level deep, read for their `#define` constants (docs/scan.md, "Values from other files").
import type { Value } from './facts.ts'
import { parseInteger, unquote } from './literals.ts'
import type { Constants } from './values.ts'

const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"/gm
const DEFINE =
  /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)[ \t]+("(?:[^"\\\n]|\\.)*"|[-+\w.]+)[ \t]*(?:\/\/.*|\/\*.*\*\/)?$/gm

/** The headers a C or C++ source includes with quotes (`#include "task.h"`), in order. */
export function localIncludes(source: string): string[] {
  return [...new Set(Array.from(source.matchAll(INCLUDE), (m) => m[1]!))]
}

/** A header's `#define NAME literal` constants: whole numbers and strings, nothing computed. */
export function defineConstants(header: string): Map<string, Value> {
  const out = new Map<string, Value>()
  for (const m of header.matchAll(DEFINE)) {
    const [, name, text] = m as unknown as [string, string, string]
    const value = literal(text)
    // A name defined twice (per platform, under #ifdef) has no single value.
    if (out.has(name)) out.set(name, { kind: 'other', parts: [], text })
    else if (value) out.set(name, value)
  }
  return out
}

function literal(text: string): Value | undefined {
  if (text.startsWith('"')) return { kind: 'string', value: unquote(text), text }
  const n = parseInteger(text)
  return n === undefined ? undefined : { kind: 'int', value: n, text }
}

/** The file's own constants, then what its headers define under names the file leaves free. */
export function withHeaderConstants(own: Constants, headers: readonly Constants[]): Constants {
  if (headers.length === 0) return own
  const merged = new Map<string, Value>()
  for (const header of headers) for (const [k, v] of header) if (!merged.has(k)) merged.set(k, v)
  for (const [k, v] of own) merged.set(k, v)
  return merged
}
