import { describe, expect, it } from 'vitest'
import { advanceCursor, planWindow } from './plan.js'

const spec = { lookbackDays: 3, initialDays: 90, chunkDays: 31 }

describe('planWindow', () => {
  it('first run reads initialDays up to yesterday, in API-sized chunks', () => {
    const plan = planWindow({ spec, yesterday: '2026-03-31', initialDays: 90 })!
    expect(plan.window).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(plan.reason).toBe('initial')
    expect(plan.chunks.map((c) => [c.from, c.to])).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-03-03'],
      ['2026-03-04', '2026-03-31'],
    ])
  })

  it('a run a day later reads only the lookback window plus the new day', () => {
    const plan = planWindow({
      spec,
      cursor: '2026-03-31',
      yesterday: '2026-04-01',
      initialDays: 90,
    })!
    expect(plan.window).toEqual({ from: '2026-03-29', to: '2026-04-01' })
    expect(plan.reason).toBe('incremental')
  })

  it('a second run the same day re-reads the lookback window only', () => {
    const plan = planWindow({
      spec,
      cursor: '2026-03-31',
      yesterday: '2026-03-31',
      initialDays: 90,
    })!
    expect(plan.window).toEqual({ from: '2026-03-29', to: '2026-03-31' })
  })

  it('after days without runs it catches up from the cursor', () => {
    const plan = planWindow({
      spec,
      cursor: '2026-03-01',
      yesterday: '2026-03-10',
      initialDays: 90,
    })!
    expect(plan.window).toEqual({ from: '2026-02-27', to: '2026-03-10' })
  })

  it('--from/--to override the plan', () => {
    const plan = planWindow({
      spec,
      cursor: '2026-03-31',
      yesterday: '2026-04-01',
      initialDays: 90,
      from: '2025-12-01',
      to: '2025-12-02',
    })!
    expect(plan.window).toEqual({ from: '2025-12-01', to: '2025-12-02' })
    expect(plan.reason).toBe('override')
  })

  it('respects the vendor lag and returns nothing for an empty window', () => {
    const lagged = planWindow({
      spec: { ...spec, lagDays: 1 },
      yesterday: '2026-03-31',
      initialDays: 2,
    })!
    expect(lagged.window).toEqual({ from: '2026-03-29', to: '2026-03-30' })
    expect(
      planWindow({
        spec,
        yesterday: '2026-03-31',
        initialDays: 90,
        from: '2026-04-05',
        to: '2026-04-01',
      }),
    ).toBeUndefined()
  })
})

describe('advanceCursor', () => {
  it('never moves backwards', () => {
    expect(advanceCursor('2026-03-31', '2026-01-31')).toBe('2026-03-31')
    expect(advanceCursor('2026-03-01', '2026-03-04')).toBe('2026-03-04')
    expect(advanceCursor(undefined, '2026-03-04')).toBe('2026-03-04')
  })
})
