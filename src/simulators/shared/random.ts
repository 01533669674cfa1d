// Seeded pseudo-random numbers (mulberry32) so a simulator's synthetic organization, and
// therefore its true totals, are the same on every run with the same seed.

export interface Random {
  /** [0, 1) */
  next(): number
  int(min: number, maxInclusive: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

export function createRandom(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
    chance: (p) => next() < p,
  }
}

/** A stable 32-bit hash of a string, to derive per-entity seeds ("seed:2026-01-02:alice"). */
export function hashSeed(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** `count` characters drawn from `alphabet`: vendor-shaped ids and key hints. */
export function randomChars(rng: Random, alphabet: string, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += alphabet[rng.int(0, alphabet.length - 1)]
  return out
}
