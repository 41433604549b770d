// What an upload's parsed JSON may not hold, found without recursion: a body nested thousands of
// levels deep must be refused with a message, not overflow the stack of whatever walks it next,
// and a `__proto__` or `constructor.prototype` key is refused before any code merges the value.
export function bodyProblem(value: unknown, maxDepth: number): string | undefined {
  // Two parallel stacks rather than one of objects: this runs on every upload's whole body.
  const values: unknown[] = [value]
  const depths: number[] = [0]
  while (values.length) {
    const v = values.pop()
    const depth = depths.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth > maxDepth) return `the body nests deeper than ${maxDepth} levels`
    if (Object.hasOwn(v, '__proto__')) return 'the body has a "__proto__" key (prototype pollution)'
    if (Object.hasOwn(v, 'constructor')) {
      const ctor = (v as Record<string, unknown>).constructor
      if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) {
        return 'the body has a "constructor.prototype" key (prototype pollution)'
      }
    }
    if (Array.isArray(v)) {
      for (const child of v) {
        if (typeof child === 'object' && child !== null) {
          values.push(child)
          depths.push(depth + 1)
        }
      }
    } else {
      for (const key in v) {
        const child = (v as Record<string, unknown>)[key]
        if (typeof child === 'object' && child !== null) {
          values.push(child)
          depths.push(depth + 1)
        }
      }
    }
  }
  return undefined
}
