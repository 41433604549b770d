// What an upload's parsed JSON may not hold, found without recursion: a body nested thousands of
// levels deep must be refused with a message, not overflow the stack of whatever walks it next,
// and a `__proto__` or `constructor.prototype` key is refused before any code merges the value.
export function bodyProblem(value: unknown, maxDepth: number): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length) {
    const { value: v, depth } = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth > maxDepth) return `the body nests deeper than ${maxDepth} levels`
    if (Object.hasOwn(v, '__proto__')) return 'the body has a "__proto__" key (prototype pollution)'
    const ctor = (v as Record<string, unknown>).constructor
    if (
      Object.hasOwn(v, 'constructor') &&
      typeof ctor === 'object' &&
      ctor !== null &&
      Object.hasOwn(ctor, 'prototype')
    ) {
      return 'the body has a "constructor.prototype" key (prototype pollution)'
    }
    for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 })
  }
  return undefined
}
