// The double's Hono app. Routes answer under both `/bigquery/v2/projects/…` (what the client
// sends with `apiEndpoint`) and `/projects/…` (what it sends when BIGQUERY_EMULATOR_HOST is
// set: the client then uses that value as its base URL without the /bigquery/v2 suffix).
// Every request is recorded and served one at a time (see database.ts).

import { Hono } from 'hono'
import { BigQueryError, errorBody, notFound, toBigQueryError } from './errors.js'
import { registerJobRoutes, registerUploadRoutes } from './routes-jobs.js'
import { registerResourceRoutes } from './routes-resources.js'
import { begin, type DoubleEnv, type DoubleState } from './state.js'
import type { RecordedRequest } from './types.js'

export function createDoubleApp(state: DoubleState): Hono<DoubleEnv> {
  const app = new Hono<DoubleEnv>()
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url)
    const record: RecordedRequest = {
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      api: 'unknown',
      status: 0,
      statements: [],
      modifications: [],
    }
    state.requests.push(record)
    c.set('record', record)
    await state.catalog.db.exclusive(() => next())
    record.status = c.res.status
  })
  app.onError((error, c) => {
    const e = error instanceof BigQueryError ? error : toBigQueryError(error)
    return c.json(errorBody(e), e.status as 400)
  })
  registerUploadRoutes(app, state)
  for (const prefix of ['/bigquery/v2', '/']) {
    const api = new Hono<DoubleEnv>()
    registerResourceRoutes(api, state)
    registerJobRoutes(api, state)
    api.all('/projects/:project/*', (c) => {
      begin(c, state, 'unknown')
      throw notFound(`URL ${c.req.method} ${c.req.path}`)
    })
    app.route(prefix, api)
  }
  app.notFound((c) => c.json(errorBody(notFound(`URL ${c.req.method} ${c.req.path}`)), 404))
  return app
}
