// The service's one warehouse: opened on first use (the startup probe's /readyz), shared by
// every request, closed once at shutdown. A failed open is not cached, so the next /readyz
// retries instead of the instance staying broken. An embedded DuckDB file also admits only
// one writer per process, which is another reason not to open it per request.

import { PipelineError } from '../core/errors.js'
import type { Warehouse } from '../warehouse/warehouse.js'

export interface SharedWarehouse {
  get(): Promise<Warehouse>
  /** Closes the warehouse if it was opened; later `get()` calls fail. */
  close(): Promise<void>
}

export function shareWarehouse(open: () => Promise<Warehouse>): SharedWarehouse {
  let pending: Promise<Warehouse> | undefined
  let closed = false
  return {
    get() {
      if (closed)
        return Promise.reject(new PipelineError('INTERNAL', 'the service is shutting down'))
      pending ??= open().catch((error: unknown) => {
        pending = undefined
        throw error
      })
      return pending
    },
    async close() {
      closed = true
      const opened = pending
      pending = undefined
      if (!opened) return
      const warehouse = await opened.catch(() => undefined)
      await warehouse?.close()
    },
  }
}
