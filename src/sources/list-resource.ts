// Id-cursor lists (`{data, has_more, first_id, last_id}`, paged by passing the last id back),
// which Anthropic and OpenAI both use for their users, keys, workspaces and projects, and the
// resource that fully refreshes one such list into a table merged on `id`: a user or key removed
// at the vendor stays in the warehouse (its last_seen_at stops moving) so old usage still resolves.

import type { z } from 'zod'
import type { Row } from '../core/records.js'
import { paginateIdCursor, type Page } from '../http/paginate.js'
import type { QueryValue } from '../http/types.js'
import { parsePageOrThrow, type ParseWhere } from './parse.js'
import { listPageSchema } from './payload-fields.js'
import type { ExtractContext, NormalizeContext, Resource } from './source.js'

/** How a vendor pages its lists: the parameter that carries the last id, and the page size. */
export interface IdCursorPaging {
  afterParam: string
  limit: number
}

interface ListBody {
  has_more?: boolean
  last_id?: string | null
}

/** Every page of one list, to the end (a has_more without a last_id is an error, not a stop). */
export async function* idCursorPages(
  ctx: ExtractContext,
  paging: IdCursorPaging,
  path: string,
  query: Record<string, QueryValue> = {},
): AsyncIterable<Page<unknown>> {
  const options = {
    afterParam: paging.afterParam,
    hasMore: (b: ListBody) => b.has_more === true,
    lastId: (b: ListBody) => b.last_id ?? undefined,
  }
  const req = { path, query: { limit: paging.limit, ...query }, endpoint: path, signal: ctx.signal }
  yield* paginateIdCursor<ListBody>(ctx.http, req, options)
}

export interface ListResourceSpec<S extends z.ZodType> {
  vendor: string
  /** The resource name ('users') and the table it merges into ('anthropic_users'). */
  name: string
  table: string
  path: string
  query?: Record<string, QueryValue>
  paging: IdCursorPaging
  item: S
  toRow: (item: z.infer<S>, ctx: NormalizeContext) => Row
}

/** A full-refresh list resource, merged on `id`. */
export function listResource<S extends z.ZodType>(spec: ListResourceSpec<S>): Resource {
  const schema = listPageSchema(spec.item)
  const where: ParseWhere = { vendor: spec.vendor, resource: spec.name }
  return {
    name: spec.name,
    tables: [{ name: spec.table, primaryKey: ['id'], writeDisposition: 'merge' }],
    extract: (ctx) => idCursorPages(ctx, spec.paging, spec.path, spec.query),
    normalize: (page, ctx) => ({
      [spec.table]: parsePageOrThrow(schema, page, where).data.map((i) => spec.toRow(i, ctx)),
    }),
  }
}

/** Lower-cased email (vendors differ in case; identity joins on the canonical form), or null. */
export function lowerOrNull(s: string | null | undefined): string | null {
  return s ? s.toLowerCase() : null
}
