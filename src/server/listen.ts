// Serves the app on a real port (@hono/node-server) and owns the order of a graceful stop:
// stop accepting connections, shut the service down (abort and await the run, close the
// warehouse), let in-flight responses finish briefly, then drop what is left. `stop` is what
// the SIGTERM handler calls, and what tests call directly.

import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Logger } from '../core/logger.js'
import type { Service, ShutdownResult } from './service.js'

export interface ListenOptions {
  port: number
  /** Default: every interface (Cloud Run routes to 0.0.0.0); tests use 127.0.0.1. */
  hostname?: string
  logger: Logger
  graceMs?: number
  /** How long responses still being written may take after the run ended. */
  drainMs?: number
}

export interface RunningServer {
  url: string
  port: number
  /** Graceful stop; idempotent. */
  stop(reason: string): Promise<ShutdownResult>
}

export async function listen(service: Service, options: ListenOptions): Promise<RunningServer> {
  const server = await startNodeServer(service, options)
  const { port } = server.address() as AddressInfo
  const host = options.hostname ?? '0.0.0.0'
  options.logger.info('server.listening', { port, host })
  let stopping: Promise<ShutdownResult> | undefined
  const stop = async (reason: string) => {
    options.logger.info('server.stopping', { reason })
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    const result = await service.shutdown({ graceMs: options.graceMs })
    await settleWithin(closed, options.drainMs ?? 1_000)
    server.closeAllConnections()
    options.logger.info('server.stopped', { reason, ...result })
    return result
  }
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    stop: (reason) => (stopping ??= stop(reason)),
  }
}

function startNodeServer(service: Service, options: ListenOptions): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: service.app.fetch, port: options.port, hostname: options.hostname },
      () => resolve(server as Server),
    )
    server.once('error', reject)
  })
}

async function settleWithin(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  await Promise.race([promise, new Promise<void>((r) => (timer = setTimeout(r, ms)))])
  clearTimeout(timer)
}
