// Memoization for the simulators' generated data. Final days never change, so they are kept;
// partial days depend on `now`, so their cache is bounded and simply emptied when full, which
// keeps a long test clock from growing memory without an LRU's bookkeeping.

/** Returns the cached value for `key`, making (and caching) it on first use. */
export type Memo<K> = <T>(key: K, make: () => T) => T

/** A memo that is cleared whenever it holds `limit` entries (default: never). */
export function createMemo<K = string>(limit = Infinity): Memo<K> {
  const cache = new Map<K, unknown>()
  return <T>(key: K, make: () => T): T => {
    if (cache.has(key)) return cache.get(key) as T
    if (cache.size >= limit) cache.clear()
    const value = make()
    cache.set(key, value)
    return value
  }
}
