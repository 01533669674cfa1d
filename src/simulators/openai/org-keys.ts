// Project API keys, service accounts and project memberships. Most keys belong to users (their
// activity level sets how much the key spends), a few to service accounts. Two or three owners
// were removed from a project mid-history: their keys stay listed with
// `owner_project_access: "inactive"` (omitted from the default listing, the documented gotcha)
// and their usage, which still names those key ids, stops on the removal day.

import { addDays, maxDay, type Day } from '../../core/days.js'
import type { Random } from '../shared/random.js'
import { openaiId, redactedKey, unixOn } from './ids.js'
import type { OpenaiProject, OpenaiUser } from './org.js'

export type KeyOwner =
  { type: 'user'; userId: string } | { type: 'service_account'; serviceAccountId: string }

export interface ServiceAccount {
  id: string
  projectId: string
  name: string
  role: 'member'
  createdAt: number
}

export interface ProjectMember {
  projectId: string
  userId: string
  role: 'owner' | 'member'
  addedAt: number
  /** Set when the user lost access to the project; their keys become `inactive`. */
  removedDay: Day | null
}

export interface OpenaiApiKey {
  id: string
  name: string
  redactedValue: string
  createdAt: number
  createdDay: Day
  projectId: string
  owner: KeyOwner
  ownerProjectAccess: 'active' | 'inactive'
  /** First day without usage (removal or archival); null = still used. */
  lastDay: Day | null
  /** Relative spend while used; 0 = an idle key that never calls the API. */
  weight: number
  /** Chat model aliases it calls. */
  models: string[]
}

interface KeyInputs {
  projects: OpenaiProject[]
  users: OpenaiUser[]
  historyStart: Day
  historyDays: number
}

const ACTIVITY_WEIGHT = { heavy: 8, regular: 3, light: 1, idle: 0 } as const
const KEY_SUFFIXES = ['dev', 'laptop', 'notebook', 'scripts', 'eval', 'prototype']

export function buildKeysAndMembers(rng: Random, inputs: KeyInputs) {
  const serviceAccounts = inputs.projects.flatMap((p) =>
    p.profile.serviceAccounts.map((name) => serviceAccount(rng, p, name)),
  )
  const saKeys = serviceAccounts.map((sa) =>
    serviceAccountKey(rng, sa, projectOf(inputs, sa.projectId)),
  )
  const userKeys = Array.from({ length: rng.int(18, 30) }, () => userKey(rng, inputs))
  const members = buildMembers(rng, inputs, userKeys)
  deactivateSomeOwners(rng, inputs, userKeys, members)
  return { serviceAccounts, apiKeys: [...saKeys, ...userKeys], members }
}

function projectOf(inputs: KeyInputs, id: string): OpenaiProject {
  const project = inputs.projects.find((p) => p.id === id)
  if (!project) throw new RangeError(`no simulated project ${id}`)
  return project
}

function serviceAccount(rng: Random, project: OpenaiProject, name: string): ServiceAccount {
  return {
    id: openaiId(rng, 'serviceAccount'),
    projectId: project.id,
    name,
    role: 'member',
    createdAt: unixOn(rng, project.createdDay, project.createdAt),
  }
}

function serviceAccountKey(rng: Random, sa: ServiceAccount, project: OpenaiProject): OpenaiApiKey {
  const owner: KeyOwner = { type: 'service_account', serviceAccountId: sa.id }
  return newKey(rng, {
    project,
    owner,
    name: `${sa.name}-key`,
    weight: 12,
    createdDay: project.createdDay,
    notBefore: sa.createdAt,
  })
}

function userKey(rng: Random, inputs: KeyInputs): OpenaiApiKey {
  const project = weightedPick(rng, inputs.projects, (p) => p.profile.weight)
  const user = weightedPick(rng, inputs.users, (u) => 1 + ACTIVITY_WEIGHT[u.person.activity])
  const isLate = rng.chance(0.3) && project.archivedDay === null
  const lateStart = isLate
    ? addDays(inputs.historyStart, rng.int(0, Math.floor(inputs.historyDays * 0.8)))
    : project.createdDay
  const name = `${user.name.split(' ')[0]?.toLowerCase() ?? 'user'}-${rng.pick(KEY_SUFFIXES)}`
  const owner: KeyOwner = { type: 'user', userId: user.id }
  const weight = ACTIVITY_WEIGHT[user.person.activity]
  return newKey(rng, {
    project,
    owner,
    name,
    weight,
    createdDay: maxDay(project.createdDay, lateStart),
    notBefore: project.createdAt,
  })
}

interface NewKey {
  project: OpenaiProject
  owner: KeyOwner
  name: string
  weight: number
  createdDay: Day
  /** The owner's or project's creation: a key cannot predate either. */
  notBefore: number
}

function newKey(rng: Random, k: NewKey): OpenaiApiKey {
  const models = k.project.profile.chatModels
    .filter(([, w]) => rng.chance(0.4 + w / 10))
    .map(([alias]) => alias)
  return {
    id: openaiId(rng, 'apiKey'),
    name: k.name,
    redactedValue: redactedKey(rng),
    createdAt: unixOn(rng, k.createdDay, k.notBefore),
    createdDay: k.createdDay,
    projectId: k.project.id,
    owner: k.owner,
    ownerProjectAccess: 'active',
    lastDay: k.project.archivedDay,
    weight: k.weight,
    models: models.length > 0 ? models : [k.project.profile.chatModels[0]?.[0] ?? 'gpt-4o-mini'],
  }
}

/** Key owners are members; a few more users join each project without creating a key. */
function buildMembers(rng: Random, inputs: KeyInputs, keys: OpenaiApiKey[]): ProjectMember[] {
  const members: ProjectMember[] = []
  for (const project of inputs.projects) {
    const ids = new Set(keys.filter((k) => k.projectId === project.id).map((k) => ownerUserId(k)))
    for (let extra = rng.int(1, 3); extra > 0; extra--) ids.add(rng.pick(inputs.users).id)
    for (const user of inputs.users.filter((u) => ids.has(u.id))) {
      const role = user.role === 'owner' ? 'owner' : 'member'
      members.push({
        projectId: project.id,
        userId: user.id,
        role,
        addedAt: memberSince(rng, project, keys, user),
        removedDay: null,
      })
    }
  }
  return members
}

function memberSince(
  rng: Random,
  project: OpenaiProject,
  keys: OpenaiApiKey[],
  user: OpenaiUser,
): number {
  const own = keys.filter((k) => k.projectId === project.id && ownerUserId(k) === user.id)
  const firstKey = Math.min(...own.map((k) => k.createdAt))
  // Joined before their first key, never before the project existed.
  const joined = Number.isFinite(firstKey)
    ? firstKey - rng.int(1, 86_400)
    : project.createdAt + rng.int(60, 30 * 86_400)
  return Math.max(project.createdAt, joined)
}

/** Removes 2–3 (project, user) pairs mid-history; their keys turn `inactive` and stop being used. */
function deactivateSomeOwners(
  rng: Random,
  inputs: KeyInputs,
  keys: OpenaiApiKey[],
  members: ProjectMember[],
): void {
  const half = addDays(inputs.historyStart, Math.floor(inputs.historyDays / 2))
  const keysOf = (m: ProjectMember) =>
    keys.filter((k) => k.projectId === m.projectId && ownerUserId(k) === m.userId)
  // Only owners whose keys all predate mid-history, so each inactive key has usage before removal.
  const usable = members.filter((m) => {
    const mine = keysOf(m)
    const isLive = projectOf(inputs, m.projectId).archivedDay === null
    return (
      isLive &&
      m.role === 'member' &&
      mine.some((k) => k.weight > 0) &&
      mine.every((k) => k.createdDay < half)
    )
  })
  for (let n = rng.int(2, 3); n > 0 && usable.length > 0; n--) {
    const member = usable.splice(rng.int(0, usable.length - 1), 1)[0]!
    const offset = rng.int(
      Math.floor(inputs.historyDays * 0.55),
      Math.floor(inputs.historyDays * 0.85),
    )
    member.removedDay = addDays(inputs.historyStart, offset)
    for (const key of keysOf(member))
      Object.assign(key, { ownerProjectAccess: 'inactive', lastDay: member.removedDay })
  }
}

export function ownerUserId(key: OpenaiApiKey): string | null {
  return key.owner.type === 'user' ? key.owner.userId : null
}

function weightedPick<T>(rng: Random, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((s, i) => s + weight(i), 0)
  let roll = rng.next() * total
  for (const item of items) {
    roll -= weight(item)
    if (roll < 0) return item
  }
  return items[items.length - 1]!
}
