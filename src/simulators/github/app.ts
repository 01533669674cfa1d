// The Hono app of the GitHub simulator. Middleware order is the point: request log (sees the
// final status) → primary rate limit (headers on every API response) → faults → auth and API
// version → routes. Download links under /_storage/ skip auth and rate limits, as blob storage
// does: their signature is the credential.

import { Hono, type MiddlewareHandler } from 'hono'
import {
  firstQueryValues,
  recordRequests,
  type RequestLogEntry as SharedLogEntry,
} from '../shared/request-log.js'
import { API_VERSIONS } from './catalog.js'
import type { GithubData } from './data.js'
import { githubError, notFound } from './errors.js'
import { STORAGE_PREFIX, type LinkSigner } from './links.js'
import { rateLimitMiddleware, type RateLimitOptions } from './rate-limit.js'
import { billingRoutes } from './billing-routes.js'
import { reportRoutes, type ReportSettings } from './report-routes.js'
import { seatRoutes } from './seat-routes.js'
import { storageRoutes } from './storage-routes.js'

/** The first value of each key (GitHub's endpoints take no repeated keys); download
 *  signatures (`sig`) are not kept. */
export type RequestLogEntry = SharedLogEntry<Record<string, string>>

export interface GithubAppDeps {
  data: GithubData
  signer: LinkSigner
  settings: ReportSettings
  linesPerFile: number
  token: string
  nowMs: () => number
  rateLimit?: RateLimitOptions
  faults: MiddlewareHandler
  requests: RequestLogEntry[]
}

export function createGithubApp(deps: GithubAppDeps): Hono {
  const app = new Hono()
  const tokenOf = (header: string | undefined) =>
    /^(?:bearer|token)\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1]
  app.use(
    '*',
    recordRequests(deps.requests, {
      now: () => new Date(deps.nowMs()),
      readQuery: firstQueryValues,
      redact: ['sig'],
    }),
  )
  app.use(
    '*',
    rateLimitMiddleware(
      deps.rateLimit,
      (h) => (tokenOf(h) === deps.token ? 'token' : 'anonymous'),
      deps.nowMs,
    ),
  )
  app.use('*', deps.faults)
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith(STORAGE_PREFIX)) return next()
    const token = tokenOf(c.req.header('authorization'))
    if (token === undefined) return githubError(401, 'Requires authentication')
    if (token !== deps.token) return githubError(401, 'Bad credentials')
    const version = c.req.header('x-github-api-version')
    if (version !== undefined && !(API_VERSIONS as readonly string[]).includes(version)) {
      const supported = API_VERSIONS.join(', ')
      const message = `API version '${version.slice(0, 40)}' is not supported. Supported versions: ${supported}.`
      return githubError(400, message)
    }
    return next()
  })
  const source = { data: deps.data, linesPerFile: deps.linesPerFile }
  app.route('/', storageRoutes({ ...source, signer: deps.signer, nowMs: deps.nowMs }))
  app.route(
    '/',
    reportRoutes({ ...source, signer: deps.signer, settings: deps.settings, nowMs: deps.nowMs }),
  )
  app.route('/', seatRoutes({ data: deps.data, nowMs: deps.nowMs }))
  app.route('/', billingRoutes({ data: deps.data, nowMs: deps.nowMs }))
  app.notFound(() => notFound())
  // A simulator bug should be visible to the test that hit it, without leaving GitHub's shape.
  app.onError((error, c) => {
    c.header('x-simulator-error', error.message.slice(0, 200).replace(/[^\x20-\x7e]/g, ' '))
    return githubError(500, 'Server Error')
  })
  return app
}
