// The seeded synthetic OpenAI organization: projects (one archived), users drawn from the
// vendor-neutral synthetic people (same emails as the other simulators for the same seed),
// project memberships, service accounts, project API keys and vector stores. Dates are anchored
// to the simulator's start day, so the same seed and the same start day build the same org;
// usage per day is then a pure function of org + day (data.ts).

import { addDays, type Day } from '../../core/days.js'
import { syntheticPeople, type SyntheticPerson } from '../shared/people.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import type { OrgOptions } from '../shared/options.js'
import { openaiId, unixOn } from './ids.js'
import {
  buildKeysAndMembers,
  type OpenaiApiKey,
  type ProjectMember,
  type ServiceAccount,
} from './org-keys.js'
import { PROJECT_PROFILES, withFallbackTools, type ProjectProfile } from './profiles.js'

export type { OpenaiApiKey, ProjectMember, ServiceAccount, KeyOwner } from './org-keys.js'
export type { SyntheticPerson } from '../shared/people.js'

export interface OpenaiProject {
  id: string
  name: string
  /** Unix seconds. */
  createdAt: number
  archivedAt: number | null
  createdDay: Day
  /** Usage stops on this day; null while active. */
  archivedDay: Day | null
  profile: ProjectProfile
}

export interface OpenaiUser {
  id: string
  email: string
  name: string
  role: 'owner' | 'reader'
  addedAt: number
  person: SyntheticPerson
}

export interface VectorStore {
  id: string
  projectId: string
  /** Bytes stored on the project's first day; grows linearly by `bytesPerDay`. */
  initialBytes: number
  bytesPerDay: number
}

export interface OpenaiOrg {
  seed: number
  anchorDay: Day
  /** First day with any usage; earlier days are served as empty buckets. */
  historyStart: Day
  projects: OpenaiProject[]
  users: OpenaiUser[]
  members: ProjectMember[]
  serviceAccounts: ServiceAccount[]
  apiKeys: OpenaiApiKey[]
  vectorStores: VectorStore[]
}

export function buildOpenaiOrg(options: OrgOptions): OpenaiOrg {
  const rng = createRandom(hashSeed(`${options.seed}:openai-org`))
  const historyStart = addDays(options.anchorDay, -options.historyDays)
  const at = (fraction: number) => addDays(historyStart, Math.floor(fraction * options.historyDays))
  const projects = chooseProfiles(rng).map((p) => buildProject(rng, p, at))
  const users = buildUsers(rng, options.seed, historyStart)
  const keys = buildKeysAndMembers(rng, {
    projects,
    users,
    historyStart,
    historyDays: options.historyDays,
  })
  const vectorStores = projects.flatMap((p) => buildVectorStores(rng, p))
  return {
    seed: options.seed,
    anchorDay: options.anchorDay,
    historyStart,
    projects,
    users,
    ...keys,
    vectorStores,
  }
}

/** The required profiles plus 0–3 optional ones, in a fixed order. */
function chooseProfiles(rng: Random): ProjectProfile[] {
  const optional = PROJECT_PROFILES.filter((p) => !p.isRequired)
  const count = rng.int(0, optional.length)
  const picked = new Set<ProjectProfile>()
  while (picked.size < count) picked.add(rng.pick(optional))
  return withFallbackTools(PROJECT_PROFILES.filter((p) => p.isRequired || picked.has(p)))
}

function buildProject(
  rng: Random,
  profile: ProjectProfile,
  at: (fraction: number) => Day,
): OpenaiProject {
  const createdDay = at(profile.createdAt)
  const archivedDay = profile.archivedAt === undefined ? null : at(profile.archivedAt)
  return {
    id: openaiId(rng, 'project'),
    name: profile.name,
    createdAt: unixOn(rng, createdDay),
    archivedAt: archivedDay === null ? null : unixOn(rng, archivedDay),
    createdDay,
    archivedDay,
    profile,
  }
}

/** 15–30 of the synthetic people (a seeded subset); the first two are organization owners. */
function buildUsers(rng: Random, seed: number, historyStart: Day): OpenaiUser[] {
  const people = [...syntheticPeople(seed)]
  const count = rng.int(15, Math.min(30, people.length))
  const chosen: SyntheticPerson[] = []
  while (chosen.length < count) chosen.push(...people.splice(rng.int(0, people.length - 1), 1))
  return chosen.map((person, i) => ({
    id: openaiId(rng, 'user'),
    email: person.email,
    name: person.name,
    role: i < 2 ? 'owner' : 'reader',
    addedAt: unixOn(rng, addDays(historyStart, -rng.int(20, 500))),
    person,
  }))
}

/** One to three stores for each project that pays for vector storage. */
function buildVectorStores(rng: Random, project: OpenaiProject): VectorStore[] {
  if (project.profile.tools.vector_stores === undefined) return []
  return Array.from({ length: rng.int(1, 3) }, () => ({
    id: openaiId(rng, 'vectorStore'),
    projectId: project.id,
    initialBytes: rng.int(5, 400) * 1_048_576 + rng.int(0, 1_048_575),
    bytesPerDay: rng.int(0, 6_000_000),
  }))
}
