// Readings of a file's facts that several rules, or one rule per listener, ask for: each is
// computed on first use and kept for as long as the facts live (a large test file has tens of
// thousands of calls, so a search per question is quadratic).

/** `read`, computed once per key (a file's facts, or one of its lists) and then remembered. */
export function perFile<K extends object, V>(read: (key: K) => V): (key: K) => V {
  const kept = new WeakMap<K, V>()
  return (key) => {
    if (kept.has(key)) return kept.get(key)!
    const value = read(key)
    kept.set(key, value)
    return value
  }
}
