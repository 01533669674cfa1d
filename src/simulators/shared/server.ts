// Starts a simulator (a Hono app) as a real HTTP server on loopback. Port 0 picks a free
// port, so parallel test files never collide.

import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'

export interface RunningServer {
  /** 'http://127.0.0.1:PORT' */
  url: string
  port: number
  close(): Promise<void>
}

export async function startServer(
  app: Hono,
  port = 0,
  hostname = '127.0.0.1',
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info) => {
        const close = () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server!) server.closeAllConnections()
            server!.close(() => done())
          })
        resolve({ url: `http://${hostname}:${info.port}`, port: info.port, close })
      })
      server.once('error', reject)
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
