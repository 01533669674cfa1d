// A 90-day Cursor backfill under the real limit (20 requests per minute per endpoint) on one
// fake clock shared by the simulator and the pipeline: the pacer's waits advance simulated
// time, so the test asserts exact simulated durations without waiting and cannot flake on a
// slow machine. Arrival-time jitter, which only a real network has, is what PACE_MARGIN_MS
// absorbs (src/sources/cursor/client.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { addDays, daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import { PACE_MARGIN_MS, createCursorClient } from '../../src/sources/cursor/client.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createCursorHarness, cursorCostByDay, type CursorHarness } from './cursor-harness.js'

const tmp = createTmpDirs()
let h: CursorHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const LIMIT = 20
const MINUTE = 60_000

describe('Cursor backfill under the 20 requests/minute limit', () => {
  it('completes 90 days without a single 429, in the minimum time the limit allows', async () => {
    h = await createCursorHarness(tmp.make(), {
      sim: { rateLimit: { perMinute: LIMIT, windowMs: MINUTE } },
      config: { requestsPerMinute: LIMIT },
      deps: { eventsPageSize: 500 },
    })
    const started = h.clock.now().getTime()
    const report = await h.run({ initialDays: 90 })
    const elapsed = h.clock.now().getTime() - started

    expect(report.status).toBe('succeeded')
    expect(report.resources.every((r) => r.retries === 0)).toBe(true)
    expect(h.sim.requests.filter((r) => r.status !== 200)).toEqual([])
    // The events endpoint needs the most requests; the others fit in their first minute.
    const events = h.sim.requests.filter((r) => r.path === '/teams/filtered-usage-events').length
    expect(events).toBeGreaterThan(3 * LIMIT)
    const windows = Math.ceil(events / LIMIT) - 1
    expect(elapsed).toBeGreaterThanOrEqual(windows * MINUTE)
    expect(elapsed).toBeLessThanOrEqual(windows * (MINUTE + PACE_MARGIN_MS))
    // It said so while slowing down.
    const paced = h.logger.entries.filter((e) => e.event === 'http.paced')
    expect(paced.length).toBe(windows)
    expect(paced[0]!.fields).toMatchObject({
      vendor: 'cursor',
      endpoint: '/teams/filtered-usage-events',
    })
    // And the slow path loads the same money.
    const to = '2026-03-14'
    const days = daysIn({ from: addDays(to, -89), to })
    const truth = h.sim.truth.chargedByDay(days[0]!, to)
    const fmt = (m: Map<string, Money>) =>
      days.map((d) => `${d} ${toDecimalString(m.get(d) ?? (0n as Money))}`)
    expect(fmt(await cursorCostByDay(h.warehouse))).toEqual(fmt(truth))
  })

  it('is a real limit: an unpaced client is refused', async () => {
    h = await createCursorHarness(tmp.make(), { sim: { rateLimit: { perMinute: LIMIT } } })
    const http = createCursorClient({
      ...{ apiKey: h.sim.apiKey, baseUrl: h.sim.url, requestsPerMinute: 1_000 },
      ...{ clock: h.clock, logger: h.logger },
    })
    await Promise.allSettled(
      Array.from({ length: LIMIT + 5 }, () => http.request({ path: '/teams/members' })),
    )
    expect(h.sim.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0)
  })
})
