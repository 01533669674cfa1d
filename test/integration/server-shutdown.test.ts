// The service over a real port, and a graceful stop in the middle of a run: the chunk being
// committed completes, nothing after it starts, the cursor matches what was loaded, and the
// next run (a new instance on the same database) completes to the simulator's truth.
import { afterEach, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import type { RunReport } from '../../src/pipeline/report.js'
import { listen, type RunningServer } from '../../src/server/listen.js'
import { createGoogleIdTokenVerifier } from '../../src/server/oidc.js'
import type { ShutdownResult } from '../../src/server/service.js'
import { startServer, type RunningServer as Loopback } from '../../src/simulators/shared/server.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { costByDay } from './anthropic-harness.js'
import {
  AUDIENCE,
  createServerHarness,
  createTokenMinter,
  type ServerHarness,
  type TokenMinter,
} from './server-harness.js'

const tmp = createTmpDirs()
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  tmp.cleanup()
})

const FROM = '2026-02-08' // initialDays 35 before 2026-03-15: a 31-day chunk and a 4-day chunk
const TO = '2026-03-14'
const RESOURCES = ['anthropic.cost_report', 'anthropic.messages_usage']

/** Serves the minter's public keys where Google serves its certs, as google-auth-library reads them. */
async function startCertsServer(tokens: TokenMinter): Promise<Loopback> {
  const app = new Hono().get('/oauth2/v1/certs', (c) => {
    c.header('cache-control', 'public, max-age=300')
    return c.json(tokens.certs)
  })
  const server = await startServer(app)
  cleanups.push(() => server.close())
  return server
}

async function expectConsistent(w: Warehouse, resource: string, table: string) {
  const loads = await w.query<{ load_id: string; row_count: number; window_to: string }>(
    `SELECT load_id, row_count, CAST(window_to AS VARCHAR) AS window_to FROM _ingest_loads
     WHERE resource = $r AND status = 'succeeded' ORDER BY window_to`,
    { params: { r: resource } },
  )
  for (const load of loads) {
    const [row] = await w.query<{ n: number }>(
      `SELECT count(*) AS n FROM ${table} WHERE _load_id = $l`,
      {
        params: { l: load.load_id },
      },
    )
    expect(Number(row!.n)).toBe(Number(load.row_count)) // every committed chunk is whole
  }
  const cursor = await w.getCursor('anthropic', resource)
  expect(cursor).toBe(loads.at(-1)?.window_to)
  const [beyond] = await w.query<{ n: number }>(
    `SELECT count(*) AS n FROM ${table} WHERE usage_date > CAST($c AS DATE)`,
    { params: { c: cursor ?? '1970-01-01' } },
  )
  expect(Number(beyond!.n)).toBe(0) // nothing loaded past the cursor
  return { cursor, loads: loads.length }
}

function spendByDay(loaded: Map<string, Money>, from: string, to: string) {
  return daysIn({ from, to }).map((d) => `${d} ${toDecimalString(loaded.get(d) ?? (0n as Money))}`)
}

describe('the service on a real port', () => {
  it('stops gracefully mid-run and leaves state a following run completes', async () => {
    const dir = tmp.make('server-stop-')
    const tokens = createTokenMinter()
    const certs = await startCertsServer(tokens)
    const verifier = createGoogleIdTokenVerifier({
      audience: AUDIENCE,
      certsUrl: `${certs.url}/oauth2/v1/certs`,
    })
    let stopping: Promise<ShutdownResult> | undefined
    const h: ServerHarness = await createServerHarness(dir, {
      initialDays: 35,
      tokens,
      verifier,
      hooks: {
        // SIGTERM arrives while the first cost_report chunk is committing.
        beforeCommit: (req) => {
          if (req.record.resource === 'cost_report') stopping ??= server.stop('SIGTERM')
        },
      },
    })
    cleanups.push(() => h.close())
    const server: RunningServer = await listen(h.service, {
      port: 0,
      hostname: '127.0.0.1',
      logger: h.logger,
      drainMs: 300,
    })
    cleanups.push(() => server.stop('test end').then(() => undefined))

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const res = await fetch(`${server.url}/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.mint()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sources: RESOURCES }),
    })
    const report = (await res.json()) as RunReport
    expect(res.status).toBe(500)
    const cost = report.resources.find((r) => r.resource === 'cost_report')!
    expect(cost).toMatchObject({ status: 'failed', loads: 1, cursor: '2026-03-10' })
    expect(cost.error?.message).toMatch(/shutdown requested/)
    expect(await stopping).toEqual({ abortedRunId: report.runId, runFinished: true })
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()

    const w = await h.reopen()
    const [run] = await w.query<{ status: string }>('SELECT status FROM _ingest_runs')
    expect(run!.status).not.toBe('running')
    const costState = await expectConsistent(w, 'cost_report', 'anthropic_cost_report')
    await expectConsistent(w, 'messages_usage', 'anthropic_messages_usage')
    expect(costState).toEqual({ cursor: '2026-03-10', loads: 1 })
    const truth = h.sim.truth.costByDay(FROM, TO)
    expect(spendByDay(await costByDay(w), FROM, '2026-03-10')).toEqual(
      spendByDay(truth, FROM, '2026-03-10'),
    )
    await w.close()

    // A new instance on the same database: the next run picks up from the cursors.
    const next = await createServerHarness(dir, { initialDays: 35, from: h })
    cleanups.push(() => next.close())
    const again = await next.post('/run', { token: tokens.mint(), body: { sources: RESOURCES } })
    expect(again.status).toBe(200)
    expect(spendByDay(await costByDay(next.warehouse), FROM, TO)).toEqual(
      spendByDay(truth, FROM, TO),
    )
    expect(await next.warehouse.getCursor('anthropic', 'cost_report')).toBe(TO)
  })
})
