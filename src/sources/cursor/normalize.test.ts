import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pipelineErrorOf } from '../test-support.js'
import { normalizeDailyPage, normalizeMembersPage, normalizeSpendPage } from './normalize.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'))
const window = { from: '2026-03-01', to: '2026-03-02' }
const ctx = { capturedAt: '2026-03-03T14:00:00.000Z', window }

describe('normalizeMembersPage', () => {
  const rows = normalizeMembersPage(
    { page: 1, body: fixture('members.json') },
    ctx,
  ).cursor_member_snapshots!

  it('keys a member by capture day and lower-case email', () => {
    expect(rows.map((r) => [r.captured_date, r.user_email])).toEqual([
      ['2026-03-03', 'developer@company.example'],
      ['2026-03-03', 'admin@company.example'],
      ['2026-03-03', 'robin@company.example'],
    ])
  })

  it('keeps numeric and string ids as text, and a missing isRemoved as false', () => {
    expect(rows.map((r) => r.user_id)).toEqual([
      'user_PDSPmvukpYgZEDXsoNirw3CFhy',
      '12345',
      'user_Free0wner00000000000000',
    ])
    expect(rows[1]!.is_removed).toBe(false)
    expect(rows[2]!.role).toBe('free-owner')
  })

  it('accepts the oldest docs shape, a bare array', () => {
    const body = [{ name: 'Old', email: 'old@company.example', role: 'member' }]
    const [row] = normalizeMembersPage({ page: 1, body }, ctx).cursor_member_snapshots!
    expect(row).toMatchObject({ user_email: 'old@company.example', user_id: null })
  })
})

describe('normalizeDailyPage', () => {
  const rows = normalizeDailyPage({
    page: 1,
    window,
    body: fixture('daily-usage-page.json'),
  }).cursor_daily_usage!

  it('keys rows by `day`, never by the `date` epoch (which keeps the request time of day)', () => {
    expect(rows[0]!.usage_date).toBe('2026-03-02')
    expect(new Date(rows[0]!.date_epoch_ms as number).toISOString()).toBe(
      '2026-03-01T20:33:00.000Z',
    )
  })

  it('keeps dense inactive rows, with "" as NULL and no clientVersion as NULL', () => {
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({
      user_email: 'admin@company.example',
      user_id: '12345',
      is_active: false,
      total_tabs_shown: 0,
      most_used_model: null,
      client_version: null,
    })
  })

  it('maps every counter', () => {
    expect(rows[0]).toMatchObject({
      total_lines_added: 1543,
      accepted_lines_added: 1102,
      total_tabs_accepted: 289,
      subscription_included_reqs: 180,
      usage_based_reqs: 5,
      bugbot_usages: 2,
      tab_most_used_extension: '.ts',
    })
  })

  it('refuses a page without pagination: unpaged answers omit inactive seats', () => {
    const body = { data: [] }
    const error = pipelineErrorOf(() => normalizeDailyPage({ page: 1, window, body }))
    expect(error.code).toBe('SOURCE_PAYLOAD')
    expect(error.context).toMatchObject({ resource: 'daily_usage', field: 'pagination' })
  })

  it('names the field and day of a malformed row, not its values', () => {
    const body = { data: [{ email: 'a@b.example', isActive: true }], pagination: { totalPages: 1 } }
    const error = pipelineErrorOf(() => normalizeDailyPage({ page: 3, window, body }))
    expect(error.context).toMatchObject({
      field: 'data.0.day',
      page: 3,
      day: '2026-03-01..2026-03-02',
    })
    expect(error.message).not.toContain('a@b.example')
  })
})

describe('normalizeSpendPage', () => {
  const rows = normalizeSpendPage(
    { page: 1, body: fixture('spend-page.json') },
    ctx,
  ).cursor_spend_snapshots!

  it('keeps every cents field as sent and as exact dollars', () => {
    expect(rows[0]).toMatchObject({
      spend_cents: '1875.12345',
      spend_usd: '18.751234500',
      overall_spend_cents: '3875.12345',
      overall_spend_usd: '38.751234500',
      included_spend_cents: '2000',
      included_spend_usd: '20.000000000',
    })
  })

  it('leaves a field that was not sent NULL instead of deriving it', () => {
    expect(rows[1]).toMatchObject({ included_spend_cents: null, included_spend_usd: null })
  })

  it('stamps the snapshot and its billing cycle start', () => {
    expect(rows[0]).toMatchObject({
      captured_at: '2026-03-03T14:00:00.000Z',
      captured_date: '2026-03-03',
      cycle_start: '2026-02-20T16:23:00.000Z',
      user_email: 'admin@company.example',
    })
  })

  it('reads the limit fields as dollars', () => {
    expect(rows[1]).toMatchObject({ hard_limit_override_usd: '150.250000000' })
    expect(rows[1]).toMatchObject({ monthly_limit_usd: '200.000000000' })
    expect(rows[0]).toMatchObject({ monthly_limit_usd: null })
  })
})
