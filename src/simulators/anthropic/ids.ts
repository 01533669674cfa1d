// Seeded identifiers and timestamps in the shapes the Anthropic Admin API uses
// ('user_01…', 'apikey_01…', 'wrkspc_01…', uuids, RFC 3339 with microseconds). Drawn from the
// org's random stream, so the same seed always yields the same ids.

import { type Day } from '../../core/days.js'
import { randomChars as chars, type Random } from '../shared/random.js'

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const HEX = '0123456789abcdef'

/** 'apikey_01Rj2N8SVvo6BePZj99NhmiT' style: prefix, '01', 22 base58 characters. */
export function vendorId(rng: Random, prefix: 'user' | 'apikey' | 'wrkspc' | 'svac'): string {
  return `${prefix}_01${chars(rng, BASE58, 22)}`
}

export function uuid(rng: Random): string {
  const hex = chars(rng, HEX, 32)
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-')
}

/** 'sk-ant-api03-R2D...igAA' */
export function partialKeyHint(rng: Random): string {
  return `sk-ant-api03-${chars(rng, BASE58, 3)}...${chars(rng, BASE58, 4)}`
}

/** A random instant on `day`, as the API writes it: '2024-10-30T23:58:27.427722Z'. */
export function instantOn(rng: Random, day: Day): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const time = `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`
  return `${day}T${time}.${pad(rng.int(0, 999_999), 6)}Z`
}

export function hexColor(rng: Random): string {
  return `#${chars(rng, HEX, 6).toUpperCase()}`
}
