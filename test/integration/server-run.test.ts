// POST /run with a valid token: the real pipeline against the simulator into DuckDB, one run
// at a time, the outcome as the response, and Cloud Logging JSON lines that hold no secret.
import { afterEach, describe, expect, it } from 'vitest'
import { daysIn } from '../../src/core/days.js'
import { toDecimalString, type Money } from '../../src/core/money.js'
import type { RunReport } from '../../src/pipeline/report.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { costByDay } from './anthropic-harness.js'
import { countRuns, createServerHarness, PROJECT, type ServerHarness } from './server-harness.js'

const tmp = createTmpDirs()
let h: ServerHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  tmp.cleanup()
})

const FROM = '2026-03-05'
const TO = '2026-03-14' // yesterday at the harness's 2026-03-15T10:00Z; initialDays 10
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c'

async function expectSpendEqualsTruth(s: ServerHarness) {
  const loaded = await costByDay(s.warehouse)
  const truth = s.sim.truth.costByDay(FROM, TO)
  const fmt = (m: Map<string, Money>) =>
    daysIn({ from: FROM, to: TO }).map((d) => `${d} ${toDecimalString(m.get(d) ?? (0n as Money))}`)
  expect(fmt(loaded)).toEqual(fmt(truth))
}

describe('POST /run', () => {
  it('runs the pipeline for an allowed caller and answers with the outcome', async () => {
    h = await createServerHarness(tmp.make('server-run-'))
    const res = await h.post('/run', {
      token: h.tokens.mint(),
      headers: { 'x-cloudscheduler': 'true', 'x-cloud-trace-context': `${TRACE_ID}/1;o=1` },
    })
    const report = (await res.json()) as RunReport
    expect(res.status).toBe(200)
    expect(report.status).toBe('succeeded')
    expect(report.trigger).toBe('scheduler')
    expect(report.resources.map((r) => r.resource)).toContain('cost_report')
    expect(report.resources.find((r) => r.resource === 'cost_report')?.window).toEqual({
      from: FROM,
      to: TO,
    })
    await expectSpendEqualsTruth(h)

    const got = await h.service.app.request(`/runs/${report.runId}`, {
      headers: { authorization: `Bearer ${h.tokens.mint()}` },
    })
    const run = (await got.json()) as { status: string; trigger: string; resources: unknown[] }
    expect(got.status).toBe(200)
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'scheduler' })
    expect(run.resources).toHaveLength(report.resources.length)
  })

  it('answers 500 when a resource failed, so Cloud Scheduler retries', async () => {
    h = await createServerHarness(tmp.make('server-run-'))
    h.sim.faults.failNext(1, { status: 400, path: '/v1/organizations/cost_report' })
    const res = await h.post('/run', { token: h.tokens.mint(), body: { sources: ['anthropic'] } })
    const report = (await res.json()) as RunReport
    expect(res.status).toBe(500)
    expect(report.status).toBe('partial')
    expect(report.trigger).toBe('api')
    expect(report.resources.find((r) => r.resource === 'cost_report')?.status).toBe('failed')
  })

  it('runs once when two requests arrive together: one 200, one 409, data loaded once', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    h = await createServerHarness(tmp.make('server-run-'), {
      hooks: { beforeCommit: () => gate }, // holds the first commit until the 409 is answered
    })
    const body = { sources: ['anthropic.cost_report'] }
    const [a, b] = [
      h.post('/run', { token: h.tokens.mint(), body }),
      h.post('/run', { token: h.tokens.mint(), body }),
    ]
    const first = await Promise.race([a, b])
    expect(first.status).toBe(409)
    const refused = (await first.json()) as { code: string; runId: string }
    release()
    const second = await (first === (await a) ? b : a)
    const report = (await second.json()) as RunReport
    expect(second.status).toBe(200)
    expect(refused).toMatchObject({ code: 'RUN_IN_PROGRESS', runId: report.runId })

    expect(await countRuns(h.warehouse)).toBe(1)
    const [dupes] = await h.warehouse.query<{ n: number }>(
      `SELECT count(*) - count(DISTINCT (usage_date, line_key)) AS n FROM anthropic_cost_report`,
    )
    expect(Number(dupes!.n)).toBe(0)
    await expectSpendEqualsTruth(h)
  })

  it('refuses new runs once shutdown has begun (503)', async () => {
    h = await createServerHarness(tmp.make('server-run-'))
    await h.service.shutdown()
    const res = await h.post('/run', { token: h.tokens.mint() })
    expect(res.status).toBe(503)
    expect(((await res.json()) as { code: string }).code).toBe('SHUTTING_DOWN')
    expect((await h.service.app.request('/readyz')).status).toBe(503)
    expect((await h.service.app.request('/healthz')).status).toBe(200)
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('service logs', () => {
  it('are Cloud Logging JSON with trace, labels and request id, and hold no token or key', async () => {
    h = await createServerHarness(tmp.make('server-log-'))
    const token = h.tokens.mint()
    const res = await h.post('/run', {
      token,
      headers: { 'x-cloud-trace-context': `${TRACE_ID}/12345;o=1` },
      body: { sources: ['anthropic.cost_report'] },
    })
    const { runId } = (await res.json()) as RunReport
    const entries = h.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(entries.length).toBeGreaterThan(5)
    for (const e of entries) {
      expect(e).toEqual(
        expect.objectContaining({
          severity: expect.any(String),
          message: expect.any(String),
          time: expect.any(String),
        }),
      )
    }
    const ofRequest = entries.filter((e) => e.requestId === res.headers.get('x-request-id'))
    const trace = `projects/${PROJECT}/traces/${TRACE_ID}`
    expect(ofRequest.length).toBeGreaterThan(3)
    expect(ofRequest.every((e) => e['logging.googleapis.com/trace'] === trace)).toBe(true)
    const finished = entries.find((e) => e.event === 'resource.finished')
    expect(finished?.['logging.googleapis.com/labels']).toMatchObject({
      runId,
      vendor: 'anthropic',
      resource: 'cost_report',
    })
    const access = entries.find(
      (e) => e.event === 'request.completed' && e.requestId === res.headers.get('x-request-id'),
    )
    expect(access?.httpRequest).toMatchObject({
      requestMethod: 'POST',
      requestUrl: '/run',
      status: 200,
    })
    const all = h.lines.join('\n')
    expect(all).not.toContain(token)
    expect(all).not.toContain(token.split('.')[2])
    expect(all).not.toContain(h.sim.apiKey)
  })
})
