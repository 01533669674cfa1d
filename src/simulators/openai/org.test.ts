import { afterEach, describe, expect, it } from 'vitest'
import { addDays, startOfDayMs, type Day } from '../../core/days.js'
import { ZERO, dollars, dollarsFromNumber, sum } from '../../core/money.js'
import { startOpenaiSimulator, type OpenaiSimulator } from './index.js'
import { getJson, unixDay } from './test-client.js'

const TODAY: Day = '2026-03-10'
const started: OpenaiSimulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

async function start(
  seed: number,
  now: () => Date,
  historyDays?: number,
): Promise<OpenaiSimulator> {
  const sim = await startOpenaiSimulator({ seed, now, historyDays })
  started.push(sim)
  return sim
}

const fixed = (iso: string) => () => new Date(iso)

describe('the synthetic organization', () => {
  it('is the same byte for byte for the same seed and now, and differs for another seed', async () => {
    const query = {
      start_time: unixDay('2026-02-01'),
      end_time: unixDay('2026-02-08'),
      group_by: ['project_id', 'line_item', 'api_key_id'],
    }
    const [a, b, c] = await Promise.all(
      [42, 42, 43].map((seed) => start(seed, fixed('2026-03-10T12:00:00Z'))),
    )
    const bodies = await Promise.all(
      [a!, b!, c!].map(async (s) =>
        JSON.stringify((await getJson(s, '/v1/organization/costs', query)).body),
      ),
    )
    expect(bodies[0]).toBe(bodies[1])
    expect(bodies[2]).not.toBe(bodies[0])
    expect(JSON.stringify(a!.truth.org)).toBe(JSON.stringify(b!.truth.org))
  })

  it('spends $20–$400 a day, more on weekdays than on weekends', async () => {
    const sim = await start(42, fixed('2026-03-10T12:00:00Z'))
    const byDay = sim.truth.costByDay(addDays(TODAY, -400), addDays(TODAY, -2))
    const amounts = [...byDay.values()]
    expect(amounts.every((a) => a >= dollars('20') && a <= dollars('400'))).toBe(true)
    const mean = (days: Day[]) => Number(sum(days.map((d) => byDay.get(d) ?? ZERO))) / days.length
    const isWeekend = (d: Day) => [0, 6].includes(new Date(startOfDayMs(d)).getUTCDay())
    const days = [...byDay.keys()]
    expect(mean(days.filter((d) => !isWeekend(d)))).toBeGreaterThan(
      2 * mean(days.filter(isWeekend)),
    )
  })
})

describe('recent days still growing', () => {
  it('serves a partial yesterday that grows with now and is final two days after it began', async () => {
    let now = new Date('2026-03-10T06:00:00Z')
    const sim = await start(42, () => now)
    const yesterday = addDays(TODAY, -1)
    const served = async () => {
      const res = await getJson(sim, '/v1/organization/costs', {
        start_time: unixDay(addDays(TODAY, -3)),
        end_time: Math.floor(now.getTime() / 1000),
      })
      return res.body.data.map((b) => sum(b.results.map((r) => dollarsFromNumber(r.amount.value))))
    }
    const early = await served()
    expect(early).toEqual([...sim.truth.costByDay(addDays(TODAY, -3), TODAY).values()])
    now = new Date('2026-03-10T20:00:00Z')
    const later = await served()
    expect(later).toEqual([...sim.truth.costByDay(addDays(TODAY, -3), TODAY).values()])
    now = new Date('2026-03-11T00:00:00Z')
    const final = sim.truth.costByDay(yesterday, yesterday).get(yesterday)!
    expect(early[0]).toBe(later[0])
    expect(early[2]! < later[2]! && later[2]! < final).toBe(true)
    expect(early[3]! < later[3]!).toBe(true)
    now = new Date('2026-03-15T00:00:00Z')
    expect(sim.truth.costByDay(yesterday, yesterday).get(yesterday)).toBe(final)
  })

  it('serves no usage for hours that have not ended', async () => {
    const sim = await start(42, fixed('2026-03-10T06:30:00Z'), 30)
    const res = await getJson(sim, '/v1/organization/usage/completions', {
      start_time: unixDay(TODAY),
      bucket_width: '1h',
    })
    const counts = res.body.data.map((b) => b.results.length)
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 0])
  })

  it('keeps truth equal to a full read at every now for usage too', async () => {
    let now = new Date('2026-03-10T09:00:00Z')
    const sim = await start(42, () => now, 30)
    for (const iso of ['2026-03-10T09:00:00Z', '2026-03-10T23:00:00Z']) {
      now = new Date(iso)
      const res = await getJson(sim, '/v1/organization/usage/embeddings', {
        start_time: unixDay(addDays(TODAY, -2)),
        end_time: Math.floor(now.getTime() / 1000),
      })
      const served = res.body.data.reduce(
        (s, b) => s + b.results.reduce((t, r) => t + r.input_tokens, 0),
        0,
      )
      expect(served).toBe(sim.truth.usageCount('embeddings', addDays(TODAY, -2), TODAY))
    }
  })
})
