// The seeded synthetic Anthropic organization: users (one per synthetic person), workspaces
// (Default has no id and is not listed), API keys with usage profiles, and the price list.
// Dates are anchored to the simulator's start day, so the same seed and the same `now` at start
// build the same org byte for byte; usage per day is then a pure function of org + day (data.ts).

import { addDays, type Day } from '../../core/days.js'
import { createRandom, hashSeed, type Random } from '../shared/random.js'
import type { OrgOptions } from '../shared/options.js'
import { hexColor, instantOn, uuid, vendorId } from './ids.js'
import { buildApiKeys, legacyArchiveDay, type AnthropicApiKey } from './org-keys.js'
import { syntheticPeople, type SyntheticPerson } from '../shared/people.js'

export { syntheticPeople, type SyntheticPerson, type ActivityLevel } from '../shared/people.js'
export type { AnthropicApiKey, KeyUsageProfile, ClaudeCodeActor } from './org-keys.js'

export type UserRole = 'user' | 'developer' | 'billing' | 'admin' | 'claude_code_user'

export interface AnthropicUser {
  id: string
  email: string
  name: string
  role: UserRole
  addedAt: string
  person: SyntheticPerson
}

export interface AnthropicWorkspace {
  id: string
  name: string
  createdAt: string
  archivedAt: string | null
  displayColor: string
  tags: Record<string, string>
}

export interface AnthropicOrg {
  seed: number
  organization: { id: string; name: string; type: 'organization' }
  people: SyntheticPerson[]
  users: AnthropicUser[]
  workspaces: AnthropicWorkspace[]
  apiKeys: AnthropicApiKey[]
  /** The "Claude Code" workspace, where Claude Code's per-user keys live. */
  claudeCodeWorkspaceId: string
  /** Workspaces (null = Default) that run code execution containers. */
  codeExecutionWorkspaceIds: (string | null)[]
  /** First day with any usage; earlier days are served as empty buckets. */
  historyStart: Day
  /** The UTC day the simulator started on. */
  anchorDay: Day
}

export function buildAnthropicOrg(options: OrgOptions): AnthropicOrg {
  const rng = createRandom(hashSeed(`${options.seed}:anthropic-org`))
  const historyStart = addDays(options.anchorDay, -options.historyDays)
  const people = syntheticPeople(options.seed)
  const users = people.map((person, i) => buildUser(rng, person, i, historyStart))
  const workspaces = buildWorkspaces(rng, historyStart, options.historyDays)
  const [claudeCode, production, dataScience, legacy] = workspaces as [
    AnthropicWorkspace,
    AnthropicWorkspace,
    AnthropicWorkspace,
    AnthropicWorkspace,
  ]
  const apiKeys = buildApiKeys(rng, {
    users,
    historyStart,
    historyDays: options.historyDays,
    anchorDay: options.anchorDay,
    workspaces: { claudeCode, production, dataScience, legacy },
  })
  return {
    seed: options.seed,
    organization: { id: uuid(rng), name: 'Northwind Labs (simulated)', type: 'organization' },
    people,
    users,
    workspaces,
    apiKeys,
    claudeCodeWorkspaceId: claudeCode.id,
    codeExecutionWorkspaceIds: [null, dataScience.id],
    historyStart,
    anchorDay: options.anchorDay,
  }
}

function buildUser(rng: Random, person: SyntheticPerson, index: number, start: Day): AnthropicUser {
  const role: UserRole =
    index === 0
      ? 'admin'
      : index === 1
        ? 'billing'
        : person.activity === 'idle'
          ? 'user'
          : 'developer'
  return {
    id: vendorId(rng, 'user'),
    email: person.email,
    name: person.name,
    role,
    addedAt: instantOn(rng, addDays(start, -rng.int(30, 400))),
    person,
  }
}

/** Claude Code, Production, Data Science, and one archived workspace (in that order). */
function buildWorkspaces(rng: Random, start: Day, historyDays: number): AnthropicWorkspace[] {
  const make = (
    name: string,
    created: Day,
    archived: Day | null,
    tags: Record<string, string>,
  ) => ({
    id: vendorId(rng, 'wrkspc'),
    name,
    createdAt: instantOn(rng, created),
    archivedAt: archived === null ? null : instantOn(rng, archived),
    displayColor: hexColor(rng),
    tags,
  })
  return [
    make('Claude Code', addDays(start, -60), null, { team: 'engineering' }),
    make('Production', addDays(start, -300), null, { env: 'prod' }),
    make('Data Science', addDays(start, -250), null, { team: 'data' }),
    make('Legacy Experiments', addDays(start, -360), legacyArchiveDay(start, historyDays), {}),
  ]
}
