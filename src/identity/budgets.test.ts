import { describe, expect, it } from 'vitest'
import { budgetsSchema } from './config.js'
import { AHEAD_MONTHS, budgetRow, expandBudgets } from './budgets.js'

const parse = (v: unknown) => budgetsSchema.parse(v)

describe('budgets config', () => {
  it('accepts decimal strings and YAML numbers, exactly', () => {
    const [a, b] = parse([
      { scope: 'total', period: 'quarter', amountUsd: '73000' },
      { scope: 'team', name: 'platform', period: 'month', amountUsd: 1250.1 },
    ])
    expect(a!.amountUsd).toBe('73000')
    expect(b!.amountUsd).toBe('1250.100000000')
  })

  it('refuses a named total, an unnamed team, a bad month and duplicates', () => {
    const bad = [
      [{ scope: 'total', name: 'x', period: 'month', amountUsd: '1' }],
      [{ scope: 'team', period: 'month', amountUsd: '1' }],
      [{ scope: 'total', period: 'month', amountUsd: '1', from: '2026-13' }],
      [{ scope: 'total', period: 'month', amountUsd: 'lots' }],
      [
        { scope: 'provider', name: 'anthropic', period: 'month', amountUsd: '1' },
        { scope: 'provider', name: 'anthropic', period: 'month', amountUsd: '2' },
      ],
    ]
    for (const b of bad) expect(budgetsSchema.safeParse(b).success, JSON.stringify(b)).toBe(false)
  })
})

describe('expandBudgets', () => {
  it('writes calendar months from `from` to a year ahead, with their lengths', () => {
    const periods = expandBudgets(
      parse([
        {
          scope: 'provider',
          name: 'anthropic',
          period: 'month',
          amountUsd: '500',
          from: '2026-01',
        },
      ]),
      '2026-03-15',
    )
    expect(periods[0]).toEqual({
      budgetId: 'provider:anthropic:month:2026-01',
      scope: 'provider',
      name: 'anthropic',
      period: 'month',
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      daysInPeriod: 31,
      amountUsd: '500.000000000',
    })
    expect(periods[1]).toMatchObject({
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
      daysInPeriod: 28,
    })
    expect(periods.at(-1)?.periodStart).toBe('2027-03-01')
    expect(periods).toHaveLength(3 + AHEAD_MONTHS)
  })

  it('snaps quarters to calendar quarters, a `from` inside one includes it', () => {
    const periods = expandBudgets(
      parse([{ scope: 'total', period: 'quarter', amountUsd: '73000', from: '2025-11' }]),
      '2026-02-01',
    )
    expect(periods.slice(0, 2).map((p) => [p.periodStart, p.periodEnd, p.daysInPeriod])).toEqual([
      ['2025-10-01', '2025-12-31', 92],
      ['2026-01-01', '2026-03-31', 90],
    ])
    expect(budgetRow(periods[0]!)).toMatchObject({
      budget_id: 'total:*:quarter:2025-11',
      name: null,
    })
  })

  it('starts a budget without `from` two years back', () => {
    const [first] = expandBudgets(
      parse([{ scope: 'total', period: 'month', amountUsd: '1' }]),
      '2026-03-15',
    )
    expect(first?.periodStart).toBe('2024-03-01')
  })
})
