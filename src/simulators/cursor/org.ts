// The seeded synthetic Cursor team: seats with usage profiles (a few heavy, many light, ~20 %
// never active), roles, spend limits, the billing-cycle anchor (mid-month) and who joined or
// left during the history. Identities depend only on the seed; join/removal days are placed
// relative to the day the simulator started (`anchorDay`) so every recent 30-day window holds
// a member who joined and one who was removed.

import { addDays, maxDay, type Day } from '../../core/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import { MODEL_NAMES } from './models.js'

export type CursorRole = 'owner' | 'member' | 'free-owner'
export type UsageProfile = 'heavy' | 'regular' | 'light' | 'idle'

export interface CursorMember {
  index: number
  /** Encoded id as in the current docs ('user_…'); also the daily rows' `userId`. */
  id: string
  name: string
  email: string
  role: CursorRole
  profile: UsageProfile
  /** First day on the team. */
  joinDay: Day
  /** First day no longer on the team (absent: still a member). */
  removedDay?: Day
  /** Favourite first. */
  models: readonly string[]
  extensions: readonly string[]
  clientVersion: string
  hasOwnApiKey: boolean
  hardLimitOverrideDollars: number
  monthlyLimitDollars: number | null
}

/** The billing cycle starts each month on `dayOfMonth` at hour:minute UTC. */
export interface BillingCycle {
  dayOfMonth: number
  hour: number
  minute: number
}

export interface CursorOrg {
  seed: number
  anchorDay: Day
  historyStart: Day
  members: readonly CursorMember[]
  cycle: BillingCycle
  /** Usage included per seat per cycle, in 1e-5 cent units ($20). */
  includedUnitsPerSeat: number
  /** The member whose first two events of each active day share one millisecond. */
  sameMsMemberIndex: number
  domain: string
}

const FIRST = ['Alex', 'Sam', 'Priya', 'Jordan', 'Maya', 'Chen', 'Lucas', 'Fatima', 'Noah', 'Emma']
  .concat(['Ravi', 'Sofia', 'Omar', 'Lena', 'Diego', 'Hana', 'Ivan', 'Zoe', 'Kofi', 'Mei'])
  .concat(['Tom', 'Aisha', 'Ben', 'Yuki', 'Carla', 'Nina', 'Elif', 'Marco', 'Ines', 'Pavel'])
const LAST = [
  'Garcia',
  'Kim',
  'Patel',
  'Nguyen',
  'Smith',
  'Rossi',
  'Silva',
  'Cohen',
  'Okafor',
].concat(['Tanaka', 'Novak', 'Larsen', 'Haddad', 'Moreau', 'Singh', 'Brown', 'Lopez', 'Berg'])
const EXTENSIONS = ['.ts', '.tsx', '.py', '.go', '.rs', '.java', '.sql', '.md']
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const DOMAIN = 'acme-robotics.example'

/** Lifecycle of the six members who join or leave during the history (days before anchor). */
const CHANGES: readonly {
  kind: 'join' | 'leave'
  profile: UsageProfile
  range: [number, number]
}[] = [
  { kind: 'leave', profile: 'heavy', range: [3, 20] },
  { kind: 'leave', profile: 'regular', range: [31, 60] },
  { kind: 'leave', profile: 'light', range: [100, 300] },
  { kind: 'join', profile: 'regular', range: [4, 20] },
  { kind: 'join', profile: 'light', range: [35, 60] },
  { kind: 'join', profile: 'regular', range: [90, 250] },
]

export function buildCursorOrg(seed: number, anchorDay: Day, historyDays: number): CursorOrg {
  const rng = createRandom(hashSeed(`cursor:${seed}:org`))
  const historyStart = addDays(anchorDay, -historyDays)
  const seats = rng.int(30, 80)
  const profiles = shuffle(rng, steadyProfiles(rng, seats - 3))
  const plans = [
    ...profiles.map((profile) => ({ profile, change: undefined })),
    ...CHANGES.map((c) => ({ profile: c.profile, change: c })),
  ]
  const emails = new Set<string>()
  const window = { anchorDay, historyStart }
  const members: CursorMember[] = plans
    .map((plan) => placeMember(rng, buildMember(rng, plan.profile, emails), plan.change, window))
    .filter((m) => m.removedDay === undefined || m.removedDay > m.joinDay)
    .map((m, index) => ({ ...m, index }))
  assignRoles(members)
  const cycle = { dayOfMonth: rng.int(14, 20), hour: rng.int(0, 23), minute: rng.int(0, 59) }
  const sameMs = members.find((m) => m.profile === 'heavy' && m.removedDay === undefined)
  return {
    seed,
    anchorDay,
    historyStart,
    members,
    cycle,
    includedUnitsPerSeat: 2_000 * 100_000,
    sameMsMemberIndex: sameMs?.index ?? 0,
    domain: DOMAIN,
  }
}

/** On team on `day`: joined on or before it and not yet removed. */
export function isMemberOn(member: CursorMember, day: Day): boolean {
  return member.joinDay <= day && (member.removedDay === undefined || day < member.removedDay)
}

function steadyProfiles(rng: Random, count: number): UsageProfile[] {
  const heavy = rng.int(3, 5)
  const idle = Math.round(count * 0.2)
  const regular = Math.round(count * 0.3)
  const light = count - heavy - idle - regular
  return [heavy, regular, light, idle].flatMap((n, i) =>
    Array.from({ length: n }, () => (['heavy', 'regular', 'light', 'idle'] as const)[i]!),
  )
}

type Change = (typeof CHANGES)[number]
type MemberBase = Omit<CursorMember, 'index' | 'joinDay' | 'removedDay'>

/** Sets join/removal days: steady members are there from the first day of history. */
function placeMember(
  rng: Random,
  base: MemberBase,
  change: Change | undefined,
  window: { anchorDay: Day; historyStart: Day },
): CursorMember {
  const joined = { ...base, index: 0, joinDay: window.historyStart }
  if (!change) return joined
  const changeDay = addDays(window.anchorDay, -rng.int(...change.range))
  if (change.kind === 'leave') return { ...joined, removedDay: changeDay }
  return { ...joined, joinDay: maxDay(window.historyStart, changeDay) }
}

function buildMember(rng: Random, profile: UsageProfile, emails: Set<string>): MemberBase {
  const first = rng.pick(FIRST)
  const last = rng.pick(LAST)
  const email = uniqueEmail(`${first}.${last}`.toLowerCase(), emails)
  const heavy = profile === 'heavy'
  return {
    id: `user_${Array.from({ length: 26 }, () => rng.pick([...ID_ALPHABET])).join('')}`,
    name: `${first} ${last}`,
    email,
    role: 'member',
    profile,
    models: shuffle(rng, [...MODEL_NAMES]).slice(0, rng.int(2, 4)),
    extensions: shuffle(rng, [...EXTENSIONS]).slice(0, rng.int(1, 3)),
    clientVersion: `1.${rng.int(5, 7)}.${rng.int(10, 60)}`,
    hasOwnApiKey: rng.chance(0.1),
    hardLimitOverrideDollars: heavy && rng.chance(0.5) ? 500 : 0,
    monthlyLimitDollars: heavy ? rng.pick([300, null]) : rng.chance(0.15) ? 100 : null,
  }
}

function uniqueEmail(local: string, taken: Set<string>): string {
  let candidate = `${local}@${DOMAIN}`
  for (let n = 2; taken.has(candidate); n++) candidate = `${local}${n}@${DOMAIN}`
  taken.add(candidate)
  return candidate
}

/** Two owners (the first active seats) and one idle admin without a paid seat. */
function assignRoles(members: CursorMember[]): void {
  const current = members.filter((m) => m.removedDay === undefined && m.profile !== 'idle')
  for (const owner of current.slice(0, 2)) owner.role = 'owner'
  const idle = members.find((m) => m.profile === 'idle' && m.removedDay === undefined)
  if (idle) idle.role = 'free-owner'
}

function shuffle<T>(rng: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}
