import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PipelineError } from '../../core/errors.js'
import { occurrencesOf } from './event-keys.js'
import { normalizeEventsPage } from './normalize-events.js'

const response = JSON.parse(
  readFileSync(new URL('./__fixtures__/events-page.json', import.meta.url), 'utf8'),
) as { usageEvents: unknown[] }
const window = { from: '2026-03-02', to: '2026-03-02' }
const occurrences = occurrencesOf(response.usageEvents)
const rows = normalizeEventsPage({
  page: 1,
  window,
  body: { response, occurrences },
}).cursor_usage_events!

describe('normalizeEventsPage', () => {
  it('converts chargedCents, the model cost and the token fee to exact dollars', () => {
    expect(rows[0]).toMatchObject({
      charged_cents: '21.36232',
      charged_usd: '0.213623200',
      model_cost_usd: '0.201823200',
      token_fee_usd: '0.011800000',
      discount_percent_off: '10',
    })
  })

  it('keys events by day, person, epoch ms and occurrence: same-ms events stay two rows', () => {
    const keys = rows.map((r) => [r.usage_date, r.user_email, r.event_ms, r.occurrence])
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(3)
    expect(keys[0]!.slice(0, 3)).toEqual(keys[1]!.slice(0, 3))
    expect(rows[0]).toMatchObject({ event_ts: '2026-03-02T18:13:45.854Z' })
  })

  it('leaves tokens NULL on request-based calls', () => {
    expect(rows[1]).toMatchObject({ input_tokens: null, model_cost_usd: null, token_fee_usd: null })
    expect(rows[0]).toMatchObject({ input_tokens: 126, cache_read_tokens: 11964 })
  })

  it('takes isChargeable from the kind when the API omits it', () => {
    expect(rows.map((r) => r.is_chargeable)).toEqual([true, true, false])
    expect(rows[2]).toMatchObject({ kind: 'Included in Business', charged_usd: '0.080000000' })
  })

  it('refuses an event of another day, naming the field', () => {
    const otherDay = { from: '2026-03-03', to: '2026-03-03' }
    let error: unknown
    try {
      normalizeEventsPage({ page: 2, window: otherDay, body: { response, occurrences } })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).context).toMatchObject({ field: 'timestamp', page: 2 })
  })
})
