import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  modelId,
  normalizePremiumPage,
  PREMIUM_TABLE,
  PREMIUM_USER_TABLE,
  UNATTRIBUTED,
} from './normalize-premium.js'
import type { GithubScope } from './scope.js'

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >
const window = { from: '2026-03-10', to: '2026-03-10' }
const scope: GithubScope = { kind: 'organization', owner: 'northwind-labs' }
const page = (body: unknown) => ({ page: 1, window, body })

describe('normalizePremiumPage', () => {
  const rows = normalizePremiumPage(page(fixture('premium-day.json')), scope)

  it('reads float dollars and quantities as exact decimals', () => {
    const haiku = rows[PREMIUM_TABLE]!.find((r) => r.model === 'Claude Haiku 4.5')!
    expect(haiku).toMatchObject({
      usage_date: '2026-03-10',
      model_id: 'claude-haiku-4.5',
      gross_quantity: '4.620000000',
      gross_amount_usd: '0.184800000',
      net_amount_usd: '0.000000000',
      price_per_unit_usd: '0.040000000',
    })
  })

  it('attributes per user and keeps the uncovered rest as (unattributed), summing exactly', () => {
    const users = rows[PREMIUM_USER_TABLE]!
    expect(users.map((r) => [r.user_login, r.model, r.net_amount_usd])).toEqual([
      ['kavyalindqvist', 'Claude Opus 4.1', '1.600000000'],
      ['priyaberg', 'Claude Haiku 4.5', '0.000000000'],
      [UNATTRIBUTED, 'Claude Opus 4.1', '0.000000000'],
    ])
    const rest = users[2]!
    expect(rest).toMatchObject({ gross_quantity: '10.000000000', gross_amount_usd: '0.400000000' })
    expect(rest.raw_json).toBe('[]')
  })

  it('writes no user rows when the day was not attributed', () => {
    const body = { ...fixture('premium-day.json'), users: undefined }
    const out = normalizePremiumPage(page(body), scope)
    expect(out[PREMIUM_USER_TABLE]).toBeUndefined()
    expect(out[PREMIUM_TABLE]).toHaveLength(2)
  })

  it('sums repeated items of one model instead of failing the key', () => {
    const day = fixture('premium-day.json')
    const org = day.org as { usageItems: unknown[] }
    const body = {
      day: day.day,
      org: { ...org, usageItems: [...org.usageItems, org.usageItems[1]] },
    }
    const opus = normalizePremiumPage(page(body), scope)[PREMIUM_TABLE]!.find(
      (r) => r.model === 'Claude Opus 4.1',
    )!
    expect(opus.net_amount_usd).toBe('3.200000000')
  })

  it('refuses an answer for another day, and a string amount', () => {
    const day = fixture('premium-day.json')
    const org = day.org as Record<string, unknown>
    const otherDay = { ...day, org: { ...org, timePeriod: { year: 2026, month: 3, day: 11 } } }
    expect(() => normalizePremiumPage(page(otherDay), scope)).toThrow(
      /for 2026-03-11, not 2026-03-10/,
    )
    const items = [{ ...(org.usageItems as object[])[0], netAmount: '0.1' }]
    const stringy = { ...day, org: { ...org, usageItems: items } }
    expect(() => normalizePremiumPage(page(stringy), scope)).toThrow(
      /org\.usageItems\.0\.netAmount/,
    )
  })
})

describe('modelId', () => {
  it('maps billing names onto the metrics reports ids', () => {
    expect(modelId('Claude Sonnet 4.5')).toBe('claude-sonnet-4.5')
    expect(modelId('GPT-5 mini')).toBe('gpt-5-mini')
    expect(modelId(' Gemini 2.5 Pro ')).toBe('gemini-2.5-pro')
  })
})
