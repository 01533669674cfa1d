// The service's HTTP app: probes, POST /run and GET /runs/:id. Built only from its deps (no
// globals), so tests drive it with `app.request()` or a real port alike. Each request gets an
// id and a logger bound to it and to the Cloud Trace of the request; the access log line is
// Cloud Logging's `httpRequest` shape, carrying the path only (never a query string).

import { randomUUID } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import { redactText } from '../core/redact.js'
import type { Logger } from '../core/logger.js'
import { requireCaller } from './auth.js'
import { onError } from './errors.js'
import { traceFields, withCloudLabels } from './logging.js'
import { healthRoutes } from './routes/health.js'
import { runRoutes } from './routes/runs.js'
import { createRunLock } from './run-lock.js'
import type { AppDeps, ServerEnv } from './types.js'

/**
 * @example
 * const app = createApp({ config, logger, clock, sources, openWarehouse, verifier })
 * const res = await app.request('/healthz')
 */
export function createApp(deps: AppDeps): Hono<ServerEnv> {
  const runLock = deps.runLock ?? createRunLock()
  const logger = withCloudLabels(deps.logger)
  const projectId = deps.config.server.projectId ?? deps.config.warehouse.bigquery.project
  const app = new Hono<ServerEnv>()
  app.use('*', requestContext(logger, projectId, deps.redact ?? redactText))
  app.route('/', healthRoutes({ ...deps, isShuttingDown: () => runLock.isClosed }))
  const auth = requireCaller(deps.verifier, deps.config.server.invokers)
  app.use('/run', auth)
  app.use('/runs/*', auth)
  app.route('/', runRoutes({ ...deps, logger, runLock }))
  app.notFound((c) => c.json({ error: 'not found', code: 'NOT_FOUND' }, 404))
  app.onError(onError)
  return app
}

function requestContext(
  logger: Logger,
  projectId: string | undefined,
  redact: (text: string) => string,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = randomUUID()
    const trace = traceFields(
      {
        cloudTraceContext: c.req.header('x-cloud-trace-context'),
        traceparent: c.req.header('traceparent'),
      },
      projectId,
    )
    const log = logger.child({ requestId, ...trace })
    c.set('requestId', requestId)
    c.set('log', log)
    c.set('redact', redact)
    c.header('x-request-id', requestId)
    await next()
    const quiet = c.req.path === '/healthz' || c.req.path === '/readyz'
    log[quiet && c.res.status < 400 ? 'debug' : 'info']('request.completed', {
      httpRequest: {
        requestMethod: c.req.method,
        requestUrl: c.req.path,
        status: c.res.status,
        latency: `${((performance.now() - started) / 1000).toFixed(3)}s`,
        userAgent: c.req.header('user-agent'),
      },
    })
  }
}
