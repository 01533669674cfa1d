// Synthetic people shared by every vendor simulator: the same seed gives the same names, emails,
// teams and activity levels, so a future shared org module (and the identity map) can join a
// Cursor seat, a Copilot login and an Anthropic user to one person. Vendor-neutral on purpose.

import { createRandom, hashSeed } from './random.js'

export type ActivityLevel = 'heavy' | 'regular' | 'light' | 'idle'

export interface SyntheticPerson {
  /** Stable across vendors for a seed: 'person-07'. */
  key: string
  name: string
  /** Canonical lower-case email. */
  email: string
  team: string
  activity: ActivityLevel
}

export const PEOPLE_EMAIL_DOMAIN = 'northwind.example'

const FIRST = [
  'Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya',
  'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Victor',
  'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Carmen', 'Dmitri', 'Esther', 'Felix',
] // prettier-ignore
const LAST = [
  'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Patel', 'Kowalski', 'Haddad', 'Nguyen', 'Silva',
  'Fischer', 'Rossi', 'Kim', 'Walsh', 'Novak', 'Mensah', 'Ortiz', 'Berg', 'Sato', 'Dubois', 'Reyes',
] // prettier-ignore
const TEAMS = ['platform', 'data', 'product', 'mobile', 'ml-research']

/** Share of people per activity level, in generation order (heaviest first). */
const LEVELS: ReadonlyArray<[ActivityLevel, number]> = [
  ['heavy', 0.15],
  ['regular', 0.3],
  ['light', 0.4],
  ['idle', 0.15],
]

/** 25–40 people with unique names and emails, deterministic for `seed`. */
export function syntheticPeople(seed: number): SyntheticPerson[] {
  const rng = createRandom(hashSeed(`${seed}:people`))
  const count = rng.int(25, 40)
  const seen = new Set<string>()
  const people: SyntheticPerson[] = []
  while (people.length < count) {
    const first = rng.pick(FIRST)
    const last = rng.pick(LAST)
    const email = `${first}.${last}@${PEOPLE_EMAIL_DOMAIN}`.toLowerCase()
    if (seen.has(email)) continue
    seen.add(email)
    const index = people.length
    people.push({
      key: `person-${String(index + 1).padStart(2, '0')}`,
      name: `${first} ${last}`,
      email,
      team: rng.pick(TEAMS),
      activity: levelAt(index, count),
    })
  }
  return people
}

function levelAt(index: number, count: number): ActivityLevel {
  let upTo = 0
  for (const [level, share] of LEVELS) {
    upTo += Math.round(share * count)
    if (index < upTo) return level
  }
  return 'idle'
}
