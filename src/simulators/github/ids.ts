// Seeded GitHub-shaped identifiers and timestamps: numeric database ids, base64 node ids
// ('MDQ6VXNlcjEyMzQ='), logins, and second-precision RFC 3339 instants ('2026-01-02T03:04:05Z').
// Ids are hashes of stable keys (not draws from the org stream) so adding a person never
// renumbers the others.

import { hashSeed } from '../shared/random.js'

/** A stable 8-digit database id for `key` (GitHub user, team and org ids are integers). */
export function numericId(seed: number, key: string): number {
  return 10_000_000 + (hashSeed(`${seed}:github-id:${key}`) % 89_999_999)
}

/** GitHub's legacy global node id: base64 of '<len>:<Type><id>'. */
export function nodeId(type: 'User' | 'Team' | 'Organization', id: number): string {
  const text = `${type}${id}`
  return Buffer.from(`0${text.length}:${text}`).toString('base64')
}

/** '2026-01-02T03:04:05Z': the REST API prints instants to the second, in UTC. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** Lower-case GitHub login candidates for a person, most conventional first. */
export function loginCandidates(name: string, salt: number): string[] {
  const [first = 'user', last = 'sim'] = name.toLowerCase().split(' ')
  return [
    `${first}${last}`,
    `${first}-${last}`,
    `${first[0] ?? 'x'}${last}`,
    `${last}-${first}`,
    `${first}${last}${salt % 100}`,
  ]
}
