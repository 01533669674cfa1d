// The lists that map ids to people: users, API keys, workspaces and the organization.
// Full refresh each run, merged on id, so a user or key removed at the vendor stays in the
// warehouse (its last_seen_at stops moving) and old usage still resolves to a person.

import { rawJson, type Row } from '../../core/records.js'
import { paginateIdCursor } from '../../http/paginate.js'
import type { z } from 'zod'
import { parsePageOrThrow, type ParseWhere } from '../parse.js'
import type { ExtractContext, NormalizeContext, RawPage, Resource } from '../source.js'
import {
  apiKeySchema,
  listPageSchema,
  organizationSchema,
  userSchema,
  workspaceSchema,
} from './payloads.js'

interface ListBody {
  has_more?: boolean
  last_id?: string | null
}

async function* listPages(
  ctx: ExtractContext,
  path: string,
  query: Record<string, string | number | boolean>,
) {
  const opts = {
    afterParam: 'after_id',
    hasMore: (b: ListBody) => b.has_more === true,
    lastId: (b: ListBody) => b.last_id ?? undefined,
  }
  const req = { path, query: { limit: 1000, ...query }, endpoint: path, signal: ctx.signal }
  for await (const p of paginateIdCursor<ListBody>(ctx.http, req, opts)) {
    yield { page: p.page, retries: p.retries, body: p.body } satisfies RawPage
  }
}

function listResource<S extends z.ZodType>(
  name: string,
  table: string,
  path: string,
  query: Record<string, string | number | boolean>,
  item: S,
  toRow: (item: z.infer<S>, ctx: NormalizeContext) => Row,
): Resource {
  const schema = listPageSchema(item)
  const where: ParseWhere = { vendor: 'anthropic', resource: name }
  return {
    name,
    tables: [{ name: table, primaryKey: ['id'], writeDisposition: 'merge' }],
    extract: (ctx) => listPages(ctx, path, query),
    normalize: (page, ctx) => ({
      [table]: parsePageOrThrow(schema, page, where).data.map((i) => toRow(i, ctx)),
    }),
  }
}

const lower = (s: string | null | undefined) => (s ? s.toLowerCase() : null)

export const usersResource = listResource(
  'users',
  'anthropic_users',
  '/v1/organizations/users',
  {},
  userSchema,
  (u, ctx) => ({
    id: u.id,
    email: lower(u.email),
    name: u.name ?? null,
    role: u.role ?? null,
    added_at: u.added_at ?? null,
    last_seen_at: ctx.capturedAt,
    raw_json: rawJson(u),
  }),
)

export const apiKeysResource = listResource(
  'api_keys',
  'anthropic_api_keys',
  '/v1/organizations/api_keys',
  {},
  apiKeySchema,
  (k, ctx) => ({
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
)

export const workspacesResource = listResource(
  'workspaces',
  'anthropic_workspaces',
  '/v1/organizations/workspaces',
  { include_archived: true },
  workspaceSchema,
  (w, ctx) => ({
    id: w.id,
    name: w.name ?? null,
    created_at: w.created_at ?? null,
    archived_at: w.archived_at ?? null,
    display_color: w.display_color ?? null,
    last_seen_at: ctx.capturedAt,
    raw_json: rawJson(w),
  }),
)

const ORG: ParseWhere = { vendor: 'anthropic', resource: 'organization' }

export const organizationResource: Resource = {
  name: 'organization',
  tables: [{ name: 'anthropic_organizations', primaryKey: ['id'], writeDisposition: 'merge' }],
  extract: async function* (ctx) {
    const res = await ctx.http.request({
      path: '/v1/organizations/me',
      endpoint: 'me',
      signal: ctx.signal,
    })
    yield { page: 1, retries: res.attempts - 1, body: res.body }
  },
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
