// The lists that map ids to people: projects (archived included), organization users, and
// every project's API keys. There is no org-wide key list, so api_keys walks the projects and
// asks each for `owner_project_access=any`: the default omits keys of members removed from the
// project, whose ids still appear in older usage. Full refresh, merged on id, so a removed user
// or key stays in the warehouse (its last_seen_at stops moving).

import type { z } from 'zod'
import type { Row } from '../../core/records.js'
import {
  idCursorPages,
  listResource,
  lowerOrNull,
  type IdCursorPaging,
  type ListResourceSpec,
} from '../list-resource.js'
import { parsePageOrThrow, type ParseWhere } from '../parse.js'
import { listPageSchema } from '../payload-fields.js'
import type { ExtractContext, NormalizeContext, RawPage, Resource } from '../source.js'
import { isoOfSeconds } from './buckets.js'
import { rawJsonLossless } from './json.js'
import { apiKeySchema, projectSchema, userSchema, type ApiKey } from './payloads.js'

/** Lists page with `after` ← `last_id`, 100 items a page (the API's maximum). */
const LIST_PAGING: IdCursorPaging = { afterParam: 'after', limit: 100 }

type OpenaiList<S extends z.ZodType> = Omit<ListResourceSpec<S>, 'vendor' | 'paging'>

function openaiList<S extends z.ZodType>(spec: OpenaiList<S>): Resource {
  return listResource({ vendor: 'openai', paging: LIST_PAGING, ...spec })
}

export const PROJECTS_PATH = '/organization/projects'

export const projectsResource = openaiList({
  name: 'projects',
  table: 'openai_projects',
  path: PROJECTS_PATH,
  query: { include_archived: true },
  item: projectSchema,
  toRow: (p, ctx) => ({
    id: p.id,
    name: p.name ?? null,
    status: p.status ?? null,
    created_at: isoOfSeconds(p.created_at),
    archived_at: isoOfSeconds(p.archived_at),
    last_seen_at: ctx.capturedAt,
    raw_json: rawJsonLossless(p),
  }),
})

export const usersResource = openaiList({
  name: 'users',
  table: 'openai_users',
  path: '/organization/users',
  item: userSchema,
  toRow: (u, ctx) => ({
    id: u.id,
    email: lowerOrNull(u.email),
    name: u.name ?? null,
    role: u.role ?? null,
    added_at: isoOfSeconds(u.added_at),
    last_seen_at: ctx.capturedAt,
    raw_json: rawJsonLossless(u),
  }),
})

/** An api_keys page: the project it lists plus the list as the API sent it. */
interface KeysPage {
  project_id: string
  list: unknown
}

const KEYS: ParseWhere = { vendor: 'openai', resource: 'api_keys' }
const keysListSchema = listPageSchema(apiKeySchema)
const projectIdsSchema = listPageSchema(projectSchema.pick({ id: true }))

export const apiKeysResource: Resource = {
  name: 'api_keys',
  tables: [{ name: 'openai_api_keys', primaryKey: ['id'], writeDisposition: 'merge' }],
  extract: (ctx) => apiKeyPages(ctx),
  normalize: (page, ctx) => {
    const { project_id, list } = page.body as KeysPage
    const keys = parsePageOrThrow(keysListSchema, { ...page, body: list }, KEYS).data
    return { openai_api_keys: keys.map((k) => apiKeyRow(project_id, k, ctx)) }
  },
}

async function* apiKeyPages(ctx: ExtractContext): AsyncIterable<RawPage> {
  const projectIds: string[] = []
  // Retries spent listing projects are reported with the first keys page.
  let retries = 0
  for await (const p of idCursorPages(ctx, LIST_PAGING, PROJECTS_PATH, {
    include_archived: true,
  })) {
    const body = parsePageOrThrow(projectIdsSchema, p, { ...KEYS, resource: 'api_keys (projects)' })
    projectIds.push(...body.data.map((project) => project.id))
    retries += p.retries
  }
  let page = 0
  for (const projectId of projectIds) {
    const path = `${PROJECTS_PATH}/${encodeURIComponent(projectId)}/api_keys`
    for await (const p of idCursorPages(ctx, LIST_PAGING, path, { owner_project_access: 'any' })) {
      const body: KeysPage = { project_id: projectId, list: p.body }
      yield { page: ++page, retries: p.retries + retries, body }
      retries = 0
    }
  }
}

function apiKeyRow(projectId: string, k: ApiKey, ctx: NormalizeContext): Row {
  const user = k.owner?.user ?? null
  const account = k.owner?.service_account ?? null
  return {
    id: k.id,
    project_id: projectId,
    name: k.name ?? null,
    redacted_value: k.redacted_value ?? null,
    created_at: isoOfSeconds(k.created_at),
    last_used_at: isoOfSeconds(k.last_used_at),
    owner_type: k.owner?.type ?? null,
    owner_user_id: user?.id ?? null,
    owner_user_email: lowerOrNull(user?.email),
    owner_service_account_id: account?.id ?? null,
    owner_name: user?.name ?? account?.name ?? null,
    owner_role: user?.role ?? account?.role ?? null,
    owner_project_access: k.owner_project_access ?? null,
    last_seen_at: ctx.capturedAt,
    raw_json: rawJsonLossless(k),
  }
}
