// The seeded synthetic GitHub organization: Copilot seat holders with logins, IDE/language/model
// habits and seat timelines, teams, and the enterprise it belongs to. People come from the
// vendor-neutral synthetic people (same seed ⇒ same names and emails as the other simulators),
// so identity tests can map a login to an email; contractors have a login but no email.

import { addDays, type Day } from '../../core/days.js'
import { syntheticPeople, type ActivityLevel } from '../shared/people.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import type { OrgOptions } from '../shared/options.js'
import { CHAT_MODELS, IDES, LANGUAGES, type Ide, type PlanType } from './catalog.js'
import { loginCandidates, nodeId, numericId } from './ids.js'
import { buildSeatTimeline, type SeatFate, type SeatTimeline } from './seat-timeline.js'

export type { ActivityLevel }

export interface GithubTeam {
  id: number
  nodeId: string
  name: string
  slug: string
}

export interface CopilotSeatHolder {
  login: string
  id: number
  nodeId: string
  /** The person's canonical email, or null for GitHub-only logins no identity map resolves. */
  email: string | null
  name: string
  team: GithubTeam
  activity: ActivityLevel
  primaryIde: Ide
  secondIde: Ide | null
  languages: string[]
  /** Chat model ids, most used first. */
  chatModels: string[]
  usesCli: boolean
  usesAgent: boolean
  usesCodeReview: boolean
  seat: SeatTimeline
  /** The seat came with a team assignment (`assigning_team`), not a direct one. */
  assignedViaTeam: boolean
}

export interface GithubOrg {
  seed: number
  login: string
  id: number
  nodeId: string
  name: string
  enterprise: { slug: string; id: number }
  planType: PlanType
  teams: GithubTeam[]
  people: CopilotSeatHolder[]
  historyStart: Day
  anchorDay: Day
}

const ORG_LOGIN = 'northwind-labs'
const TEAM_NAMES = ['platform', 'data', 'product', 'mobile', 'ml-research']

export function buildGithubOrg(options: OrgOptions): GithubOrg {
  const { seed, anchorDay, historyDays } = options
  const rng = createRandom(hashSeed(`${seed}:github-org`))
  const historyStart = addDays(anchorDay, -historyDays)
  const teams = TEAM_NAMES.map((slug) => buildTeam(seed, slug))
  const ctx = { historyStart, anchorDay, historyDays }
  const people = seatCandidates(seed, rng)
  const fates = assignFates(rng, people.length)
  const taken = new Set<string>()
  const holders = people.map((p, i) => {
    const team = teamOrThrow(teams, p.team)
    const seat = buildSeatTimeline(rng, fates[i] ?? 'kept', ctx)
    return buildHolder(rng, { ...p, team, seat, login: uniqueLogin(p.name, i, taken) }, seed)
  })
  const id = numericId(seed, `org:${ORG_LOGIN}`)
  return {
    seed,
    login: ORG_LOGIN,
    id,
    nodeId: nodeId('Organization', id),
    name: 'Northwind Labs (simulated)',
    enterprise: { slug: 'northwind', id: numericId(seed, 'enterprise:northwind') },
    planType: 'business',
    teams,
    people: holders,
    historyStart,
    anchorDay,
  }
}

interface Candidate {
  name: string
  email: string | null
  team: string
  activity: ActivityLevel
}

/** ~90% of the synthetic people hold a Copilot seat, plus 3–6 contractors with no email. */
function seatCandidates(seed: number, rng: Random): Candidate[] {
  const staff = syntheticPeople(seed).filter(() => rng.chance(0.9))
  const contractors = Array.from({ length: rng.int(3, 6) }, (_, i) => ({
    name: `Contractor ${String.fromCharCode(97 + i)}${rng.int(10, 99)}`,
    email: null,
    team: rng.pick(TEAM_NAMES),
    activity: rng.pick<ActivityLevel>(['regular', 'light', 'light', 'idle']),
  }))
  return [...staff, ...contractors]
}

/** One future joiner (last), 1–2 pending cancellations and 2 past removals; the rest kept. */
function assignFates(rng: Random, count: number): SeatFate[] {
  const fates: SeatFate[] = Array.from({ length: count }, () => 'kept')
  fates[count - 1] = 'future'
  const pick = (fate: SeatFate) => {
    for (let tries = 0; tries < 50; tries++) {
      const i = rng.int(0, count - 2)
      if (fates[i] === 'kept') return void (fates[i] = fate)
    }
  }
  for (const fate of ['removed', 'removed', 'pending'] as const) pick(fate)
  if (rng.chance(0.5)) pick('pending')
  return fates
}

function uniqueLogin(name: string, index: number, taken: Set<string>): string {
  const login =
    loginCandidates(name, index).find((l) => !taken.has(l)) ?? `${name.replace(/\W/g, '')}-${index}`
  taken.add(login)
  return login
}

type HolderSeed = Omit<Candidate, 'team'> & { team: GithubTeam; seat: SeatTimeline; login: string }

function buildHolder(rng: Random, p: HolderSeed, seed: number): CopilotSeatHolder {
  const id = numericId(seed, `user:${p.login}`)
  const primaryIde = weightedIde(rng)
  const heavy = p.activity === 'heavy'
  return {
    login: p.login,
    id,
    nodeId: nodeId('User', id),
    email: p.email,
    name: p.name,
    team: p.team,
    activity: p.activity,
    primaryIde,
    secondIde: rng.chance(0.15) ? rng.pick(IDES.filter((ide) => ide !== primaryIde)) : null,
    languages: pickSome(rng, LANGUAGES, rng.int(2, 3)),
    chatModels: pickSome(
      rng,
      CHAT_MODELS.map((m) => m.id),
      heavy ? 3 : rng.int(1, 2),
    ),
    usesCli: rng.chance(heavy ? 0.6 : 0.25),
    usesAgent: rng.chance(heavy ? 0.85 : p.activity === 'regular' ? 0.5 : 0.2),
    usesCodeReview: rng.chance(0.3),
    seat: p.seat,
    assignedViaTeam: rng.chance(0.4),
  }
}

function teamOrThrow(teams: GithubTeam[], slug: string): GithubTeam {
  const team = teams.find((t) => t.slug === slug)
  if (!team) throw new RangeError(`no team "${slug}"`)
  return team
}

function buildTeam(seed: number, slug: string): GithubTeam {
  const id = numericId(seed, `team:${slug}`)
  const name = slug.replace(
    /(^|-)(\w)/g,
    (_, dash: string, ch: string) => `${dash ? ' ' : ''}${ch.toUpperCase()}`,
  )
  return { id, nodeId: nodeId('Team', id), name, slug }
}

/** VS Code dominates, JetBrains second, the rest are rare (as in real Copilot orgs). */
function weightedIde(rng: Random): Ide {
  const r = rng.next()
  if (r < 0.6) return 'vscode'
  if (r < 0.82) return 'jetbrains'
  if (r < 0.9) return 'neovim'
  if (r < 0.96) return 'visualstudio'
  return 'xcode'
}

function pickSome<T>(rng: Random, items: readonly T[], count: number): T[] {
  const pool = [...items]
  const out: T[] = []
  while (out.length < count && pool.length > 0)
    out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0] as T)
  return out
}
