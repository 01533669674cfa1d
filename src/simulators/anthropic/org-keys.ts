// API keys of the synthetic org and how much each is used. Personal dev keys sit in the Default
// workspace (so Default holds the most keys), Claude Code keys in the "Claude Code" workspace
// (one per Claude Code user, plus CI keys that show up as `api_actor`), service keys elsewhere.
// Service keys are created_by the admin although no person uses them: the naive created_by join
// attributes them to the admin, which is what real orgs look like.

import { addDays, type Day } from '../../core/days.js'
import type { Random } from '../shared/random.js'
import { instantOn, partialKeyHint, vendorId } from './ids.js'
import type { AnthropicUser, AnthropicWorkspace } from './org.js'
import {
  claudeCodeProfile,
  devProfile,
  SERVICE_KEYS,
  type KeyUsageProfile,
  type WorkspaceRef,
} from './profiles.js'

export type { KeyUsageProfile } from './profiles.js'

export type ClaudeCodeActor =
  | { type: 'user_actor'; emailAddress: string; terminals: readonly [string, string] }
  | { type: 'api_actor'; apiKeyName: string; terminals: readonly [string, string] }

export type ApiKeyStatus = 'active' | 'inactive' | 'archived' | 'expired'
type Actor<T extends string> = { id: string; type: T }

export interface AnthropicApiKey {
  id: string
  name: string
  status: ApiKeyStatus
  /** null = the Default workspace. */
  workspaceId: string | null
  createdAt: string
  expiresAt: string | null
  partialKeyHint: string
  createdBy: Actor<'user'> | null
  principal: Actor<'user' | 'service_account'> | null
  /** The person whose usage this really is (truth); null for service and system keys. */
  ownerUserId: string | null
  /** Usage happens on [firstDay, lastDay]. */
  firstDay: Day
  lastDay: Day | null
  usage: KeyUsageProfile
  claudeCode: ClaudeCodeActor | null
}

export interface KeyContext {
  users: AnthropicUser[]
  historyStart: Day
  historyDays: number
  anchorDay: Day
  workspaces: Record<'claudeCode' | 'production' | 'dataScience' | 'legacy', AnthropicWorkspace>
}

/** The archived workspace (and its keys) stop being used here, 40% into the history. */
export function legacyArchiveDay(start: Day, historyDays: number): Day {
  return addDays(start, Math.floor(historyDays * 0.4))
}

const TERMINALS = ['vscode', 'iTerm.app', 'cursor', 'goland', 'Apple_Terminal', 'tmux']
const SECOND_TERMINALS = ['ssh-session', 'vscode', 'tmux', 'WarpTerminal']
const MAX_CLAUDE_CODE_USERS = 12

export function buildApiKeys(rng: Random, ctx: KeyContext): AnthropicApiKey[] {
  const keys = [
    ...ctx.users.flatMap((user) => devKeys(rng, ctx, user)),
    ...claudeCodeKeys(rng, ctx),
    ...serviceKeys(rng, ctx),
  ]
  retire(keys, ctx)
  return keys
}

interface KeySpec {
  name: string
  workspaceId: string | null
  created: Day
  creator: AnthropicUser | null
  principal: Actor<'user' | 'service_account'> | null
  ownerUserId: string | null
  usage: KeyUsageProfile
  claudeCode?: ClaudeCodeActor
}

function makeKey(rng: Random, spec: KeySpec): AnthropicApiKey {
  return {
    id: vendorId(rng, 'apikey'),
    name: spec.name,
    status: 'active',
    workspaceId: spec.workspaceId,
    createdAt: instantOn(rng, spec.created),
    expiresAt: null,
    partialKeyHint: partialKeyHint(rng),
    createdBy: spec.creator && { id: spec.creator.id, type: 'user' },
    principal: spec.principal,
    ownerUserId: spec.ownerUserId,
    firstDay: spec.created,
    lastDay: null,
    usage: spec.usage,
    claudeCode: spec.claudeCode ?? null,
  }
}

function firstName(user: AnthropicUser): string {
  return (user.name.split(' ')[0] ?? user.name).toLowerCase()
}

/** A creation day: up to `maxDaysBefore` before the history for most keys (never before the
 *  workspace existed), inside the history for late adopters. */
function createdDay(rng: Random, ctx: KeyContext, lateChance: number, maxDaysBefore: number): Day {
  if (!rng.chance(lateChance)) return addDays(ctx.historyStart, -rng.int(1, maxDaysBefore))
  return addDays(ctx.historyStart, rng.int(0, Math.floor(ctx.historyDays * 0.6)))
}

/** Heavy users have one or two personal keys, regular and light users sometimes one; the first
 *  idle person has a key that is never used. */
function devKeyCount(rng: Random, ctx: KeyContext, user: AnthropicUser): number {
  switch (user.person.activity) {
    case 'heavy':
      return rng.chance(0.5) ? 2 : 1
    case 'regular':
      return rng.chance(0.6) ? 1 : 0
    case 'light':
      return rng.chance(0.3) ? 1 : 0
    case 'idle':
      return user === ctx.users.find((u) => u.person.activity === 'idle') ? 1 : 0
  }
}

function devKeys(rng: Random, ctx: KeyContext, user: AnthropicUser): AnthropicApiKey[] {
  const level = user.person.activity
  const n = devKeyCount(rng, ctx, user)
  return Array.from({ length: n }, (_, i) => {
    // Legacy keys (about one in five) were minted before keys carried a principal.
    const principal = rng.chance(0.2) ? null : ({ id: user.id, type: 'user' } as const)
    return makeKey(rng, {
      name: `${firstName(user)}-${i === 0 ? 'dev' : 'laptop'}`,
      workspaceId: null,
      created: createdDay(rng, ctx, 0.2, 300),
      creator: user,
      principal,
      ownerUserId: user.id,
      usage: devProfile(rng, level),
    })
  })
}

function claudeCodeUsers(rng: Random, users: AnthropicUser[]): AnthropicUser[] {
  const chance = { heavy: 1, regular: 0.5, light: 0.15, idle: 0 }
  return users.filter((u) => rng.chance(chance[u.person.activity])).slice(0, MAX_CLAUDE_CODE_USERS)
}

function claudeCodeKeys(rng: Random, ctx: KeyContext): AnthropicApiKey[] {
  const workspaceId = ctx.workspaces.claudeCode.id
  return claudeCodeUsers(rng, ctx.users).map((user) => {
    const terminals = [rng.pick(TERMINALS), rng.pick(SECOND_TERMINALS)] as const
    const suffix = partialKeyHint(rng).slice(-4).toLowerCase()
    return makeKey(rng, {
      name: `claude_code_key_${firstName(user)}_${suffix}`,
      workspaceId,
      created: createdDay(rng, ctx, 0.5, 50),
      creator: user,
      principal: { id: user.id, type: 'user' },
      ownerUserId: user.id,
      usage: claudeCodeProfile(rng, user.person.activity),
      claudeCode: { type: 'user_actor', emailAddress: user.email, terminals },
    })
  })
}

function serviceKeys(rng: Random, ctx: KeyContext): AnthropicApiKey[] {
  const admin = ctx.users.find((u) => u.role === 'admin') ?? null
  const ws = ctx.workspaces
  const ids: Record<WorkspaceRef, string | null> = {
    default: null,
    claudeCode: ws.claudeCode.id,
    production: ws.production.id,
    dataScience: ws.dataScience.id,
    legacy: ws.legacy.id,
  }
  return SERVICE_KEYS.map((spec) => {
    const legacy = spec.system === true
    const key = makeKey(rng, {
      name: spec.name,
      workspaceId: ids[spec.workspace],
      created: addDays(ctx.historyStart, -rng.int(1, spec.workspace === 'claudeCode' ? 50 : 200)),
      creator: legacy ? null : admin,
      principal: legacy ? null : { id: vendorId(rng, 'svac'), type: 'service_account' },
      ownerUserId: null,
      usage: spec.profile(rng),
      ...(spec.ciTerminal && {
        claudeCode: {
          type: 'api_actor',
          apiKeyName: spec.name,
          terminals: [spec.ciTerminal, spec.ciTerminal],
        },
      }),
    })
    return key
  })
}

/** Archived (the legacy workspace's keys), one inactive and one expired key; a few expiries ahead. */
function retire(keys: AnthropicApiKey[], ctx: KeyContext): void {
  const archiveDay = legacyArchiveDay(ctx.historyStart, ctx.historyDays)
  for (const key of keys.filter((k) => k.workspaceId === ctx.workspaces.legacy.id)) {
    Object.assign(key, { status: 'archived', lastDay: archiveDay })
  }
  const personal = keys.filter((k) => k.workspaceId === null && k.ownerUserId !== null)
  const inactive = personal[personal.length - 1]
  const expired = personal[personal.length - 2]
  if (inactive)
    Object.assign(inactive, { status: 'inactive', lastDay: addDays(ctx.anchorDay, -25) })
  if (expired) {
    const expiry = addDays(ctx.anchorDay, -10)
    Object.assign(expired, {
      status: 'expired',
      lastDay: addDays(expiry, -1),
      expiresAt: `${expiry}T00:00:00Z`,
    })
  }
  const future = personal[0]
  if (future) future.expiresAt = `${addDays(ctx.anchorDay, 90)}T00:00:00Z`
}
