// Probes. /healthz is liveness: 200 while the process is up, and it touches nothing, so a slow
// warehouse never gets a busy instance killed. /readyz is readiness (Cloud Run's startup
// probe): the warehouse answers `SELECT 1`, else 503 with a redacted reason.

import { Hono } from 'hono'
import { describeError } from '../../core/errors.js'
import type { Warehouse } from '../../warehouse/warehouse.js'
import type { ServerEnv } from '../types.js'

export interface HealthDeps {
  openWarehouse: () => Promise<Warehouse>
  isShuttingDown: () => boolean
}

export function healthRoutes(deps: HealthDeps): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    if (deps.isShuttingDown()) return c.json({ status: 'unavailable', error: 'shutting down' }, 503)
    try {
      const warehouse = await deps.openWarehouse()
      await warehouse.query('SELECT 1 AS ok')
      return c.json({ status: 'ok' })
    } catch (error) {
      const reason = c.var.redact(describeError(error))
      c.var.log.warn('readiness.failed', { error: reason })
      return c.json({ status: 'unavailable', error: reason }, 503)
    }
  })
  return app
}
