// How deep a parsed JSON value nests, measured without recursion: a body nested thousands of
// levels deep must be refused with a message, not overflow the stack of whatever walks it next.
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length) {
    const { value: v, depth } = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    if (depth > limit) return true
    for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 })
  }
  return false
}
