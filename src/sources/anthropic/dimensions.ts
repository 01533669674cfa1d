// The lists that map ids to people: users, API keys, workspaces and the organization.
// Full refresh each run, merged on id, so a user or key removed at the vendor stays in the
// warehouse (its last_seen_at stops moving) and old usage still resolves to a person.

import type { z } from 'zod'
import { rawJson } from '../../core/records.js'
import { listResource, lowerOrNull, type ListResourceSpec } from '../list-resource.js'
import { singlePage } from '../pages.js'
import { parsePageOrThrow, type ParseWhere } from '../parse.js'
import type { Resource } from '../source.js'
import { apiKeySchema, organizationSchema, userSchema, workspaceSchema } from './payloads.js'

type AnthropicList<S extends z.ZodType> = Omit<ListResourceSpec<S>, 'vendor' | 'paging'>

/** Lists page with `after_id` ← `last_id`, up to 1000 items a page. */
function anthropicList<S extends z.ZodType>(spec: AnthropicList<S>): Resource {
  return listResource({
    vendor: 'anthropic',
    paging: { afterParam: 'after_id', limit: 1000 },
    ...spec,
  })
}

export const usersResource = anthropicList({
  name: 'users',
  table: 'anthropic_users',
  path: '/v1/organizations/users',
  item: userSchema,
  toRow: (u, ctx) => ({
    id: u.id,
    email: lowerOrNull(u.email),
    name: u.name ?? null,
    role: u.role ?? null,
    added_at: u.added_at ?? null,
    last_seen_at: ctx.capturedAt,
    raw_json: rawJson(u),
  }),
})

export const apiKeysResource = anthropicList({
  name: 'api_keys',
  table: 'anthropic_api_keys',
  path: '/v1/organizations/api_keys',
  item: apiKeySchema,
  toRow: (k, ctx) => ({
    id: k.id,
    name: k.name ?? null,
    status: k.status ?? null,
    workspace_id: k.workspace_id ?? null,
    created_at: k.created_at ?? null,
    expires_at: k.expires_at ?? null,
    partial_key_hint: k.partial_key_hint ?? null,
    created_by_id: k.created_by?.id ?? null,
    created_by_type: k.created_by?.type ?? null,
    principal_id: k.principal?.id ?? null,
    principal_type: k.principal?.type ?? null,
    last_seen_at: ctx.capturedAt,
    raw_json: rawJson(k),
  }),
})

export const workspacesResource = anthropicList({
  name: 'workspaces',
  table: 'anthropic_workspaces',
  path: '/v1/organizations/workspaces',
  query: { include_archived: true },
  item: workspaceSchema,
  toRow: (w, ctx) => ({
    id: w.id,
    name: w.name ?? null,
    created_at: w.created_at ?? null,
    archived_at: w.archived_at ?? null,
    display_color: w.display_color ?? null,
    last_seen_at: ctx.capturedAt,
    raw_json: rawJson(w),
  }),
})

const ORG: ParseWhere = { vendor: 'anthropic', resource: 'organization' }

export const organizationResource: Resource = {
  name: 'organization',
  tables: [{ name: 'anthropic_organizations', primaryKey: ['id'], writeDisposition: 'merge' }],
  extract: (ctx) => singlePage(ctx, { path: '/v1/organizations/me', endpoint: 'me' }),
  normalize: (page, ctx) => {
    const org = parsePageOrThrow(organizationSchema, page, ORG)
    return {
      anthropic_organizations: [
        {
          id: org.id,
          name: org.name ?? null,
          last_seen_at: ctx.capturedAt,
          raw_json: rawJson(org),
        },
      ],
    }
  },
}
