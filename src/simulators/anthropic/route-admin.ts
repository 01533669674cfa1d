// The dimension endpoints (users, api_keys, workspaces) and /me. Lists are newest first and
// paged by id cursors (`after_id` / `before_id`, limit 1–1000, default 20), answering
// `{data, has_more, first_id, last_id}`. The Default workspace has no id and is never listed.

import type { Hono } from 'hono'
import type { AnthropicApiKey, AnthropicOrg, AnthropicUser, AnthropicWorkspace } from './org.js'
import { invalid, many, one, oneOf, parseBoolean, parseLimit, type Query } from './params.js'
import type { RouteDeps } from './route-deps.js'

interface Listed {
  id: string
}

/** One page of `items` around the cursor in `query`. */
export function pageById<T extends Listed>(items: readonly T[], query: Query) {
  const limit = parseLimit(one(query, 'limit'), 20, 1000)
  const afterId = one(query, 'after_id')
  const beforeId = one(query, 'before_id')
  if (afterId !== undefined && beforeId !== undefined)
    throw invalid('Specify only one of after_id or before_id')
  const indexOf = (id: string, name: string) => {
    const i = items.findIndex((item) => item.id === id)
    if (i < 0) throw invalid(`${name}: no object with id "${id}"`)
    return i
  }
  const [from, to] =
    beforeId !== undefined
      ? [Math.max(0, indexOf(beforeId, 'before_id') - limit), indexOf(beforeId, 'before_id')]
      : [afterId === undefined ? 0 : indexOf(afterId, 'after_id') + 1, Number.POSITIVE_INFINITY]
  const data = items.slice(from, Math.min(to, from + limit))
  const hasMore = beforeId !== undefined ? from > 0 : from + data.length < items.length
  return {
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  }
}

function newestFirst<T extends { createdAt?: string; addedAt?: string }>(items: readonly T[]): T[] {
  const at = (item: T) => item.createdAt ?? item.addedAt ?? ''
  return [...items].sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0))
}

export function registerAdmin(app: Hono, deps: RouteDeps): void {
  const org = deps.data.org
  app.get('/v1/organizations/me', (c) => c.json(org.organization))
  app.get('/v1/organizations/users', (c) => {
    const query: Query = c.req.queries()
    const email = one(query, 'email')?.toLowerCase()
    const roles = many(query, 'roles')
    const users = newestFirst(org.users).filter(
      (u) =>
        (email === undefined || u.email === email) &&
        (roles.length === 0 || roles.includes(u.role)),
    )
    return c.json(pageById(users.map(userJson), query))
  })
  app.get('/v1/organizations/api_keys', (c) => {
    const query: Query = c.req.queries()
    return c.json(pageById(filterKeys(org, query).map(apiKeyJson), query))
  })
  app.get('/v1/organizations/workspaces', (c) => {
    const query: Query = c.req.queries()
    const includeArchived =
      parseBoolean(one(query, 'include_archived'), 'include_archived') ?? false
    const workspaces = newestFirst(org.workspaces).filter(
      (w) => includeArchived || w.archivedAt === null,
    )
    return c.json(pageById(workspaces.map(workspaceJson), query))
  })
}

function filterKeys(org: AnthropicOrg, query: Query): AnthropicApiKey[] {
  const status = oneOf(
    one(query, 'status'),
    ['active', 'inactive', 'archived', 'expired'] as const,
    'status',
  )
  const workspaceId = one(query, 'workspace_id')
  const createdBy = one(query, 'created_by_user_id')
  return newestFirst(org.apiKeys).filter(
    (k) =>
      (status === undefined || k.status === status) &&
      (workspaceId === undefined || k.workspaceId === workspaceId) &&
      (createdBy === undefined || k.createdBy?.id === createdBy),
  )
}

function userJson(u: AnthropicUser) {
  return { id: u.id, type: 'user', email: u.email, name: u.name, role: u.role, added_at: u.addedAt }
}

function apiKeyJson(k: AnthropicApiKey) {
  return {
    id: k.id,
    type: 'api_key',
    name: k.name,
    status: k.status,
    workspace_id: k.workspaceId,
    created_at: k.createdAt,
    expires_at: k.expiresAt,
    partial_key_hint: k.partialKeyHint,
    created_by: k.createdBy,
    principal: k.principal,
  }
}

function workspaceJson(w: AnthropicWorkspace) {
  return {
    id: w.id,
    type: 'workspace',
    name: w.name,
    created_at: w.createdAt,
    archived_at: w.archivedAt,
    display_color: w.displayColor,
    tags: w.tags,
    data_residency: {
      workspace_geo: 'us',
      default_inference_geo: 'global',
      allowed_inference_geos: 'unrestricted',
    },
    compartment_id: null,
    external_key_id: null,
  }
}
