import { describe, expect, it } from 'vitest'
import { dollars, sum, toDecimalString, type Money } from '../core/money.js'
import { allocateLines, type AllocationLine, type AllocationWeight } from './allocation.js'

const line = (
  lineId: string,
  cost: string,
  extra: Partial<AllocationLine> = {},
): AllocationLine => ({
  usageDate: '2026-03-01',
  provider: 'anthropic',
  lineId,
  service: 'claude_api',
  tool: 'claude_api',
  accountId: 'default',
  model: 'claude-sonnet-4-5',
  sku: 'output_tokens',
  sourceBasis: 'vendor_reported',
  cost: dollars(cost),
  ...extra,
})

const weight = (lineId: string, identity: string, w: bigint): AllocationWeight => ({
  usageDate: '2026-03-01',
  provider: 'anthropic',
  lineId,
  identityType: 'api_key',
  identity,
  method: 'token_share',
  weight: w,
})

const costOf = (parts: { identity: string; cost: Money }[], identity: string) =>
  toDecimalString(parts.find((p) => p.identity === identity)?.cost ?? (0n as Money))

describe('allocateLines', () => {
  it('splits a line by weight and sums back to the nano-dollar', () => {
    const parts = allocateLines(
      [line('a', '10.000000001')],
      [weight('a', 'k1', 1n), weight('a', 'k2', 1n), weight('a', 'k3', 1n)],
    )
    expect(parts.map((p) => toDecimalString(p.cost))).toEqual([
      '3.333333334',
      '3.333333334',
      '3.333333333',
    ])
    expect(toDecimalString(sum(parts.map((p) => p.cost)))).toBe('10.000000001')
  })

  it('gives the tie nano-dollar to the same identity whatever the weight order', () => {
    const lines = [line('a', '0.000000001')]
    const forward = allocateLines(lines, [weight('a', 'k1', 5n), weight('a', 'k2', 5n)])
    const backward = allocateLines(lines, [weight('a', 'k2', 5n), weight('a', 'k1', 5n)])
    expect(costOf(forward, 'k1')).toBe('0.000000001')
    expect(costOf(backward, 'k1')).toBe('0.000000001')
    expect(forward.map((p) => p.identity)).toEqual(['k1'])
  })

  it('parks a line without weights on its account, whole', () => {
    const parts = allocateLines([line('a', '2.5', { accountId: 'wrkspc_1' })], [])
    expect(parts).toHaveLength(1)
    expect(parts[0]).toMatchObject({
      identityType: 'account',
      identity: 'wrkspc_1',
      method: 'unattributed',
    })
    expect(toDecimalString(parts[0]!.cost)).toBe('2.500000000')
  })

  it('sums an identity over lines of the same grouping, keeps different skus apart', () => {
    const lines = [
      line('a', '1.00'),
      line('b', '3.00'),
      line('c', '5.00', { sku: 'uncached_input_tokens' }),
    ]
    const weights = ['a', 'b', 'c'].flatMap((id) => [weight(id, 'k1', 1n), weight(id, 'k2', 3n)])
    const parts = allocateLines(lines, weights)
    const k1 = parts.filter((p) => p.identity === 'k1')
    expect(k1.map((p) => [p.sku, toDecimalString(p.cost)])).toEqual([
      ['output_tokens', '1.000000000'],
      ['uncached_input_tokens', '1.250000000'],
    ])
    expect(toDecimalString(sum(parts.map((p) => p.cost)))).toBe('9.000000000')
  })

  it('splits negative lines (credits) exactly too', () => {
    const parts = allocateLines(
      [line('a', '-1.000000000')],
      [weight('a', 'k1', 2n), weight('a', 'k2', 1n)],
    )
    expect(costOf(parts, 'k1')).toBe('-0.666666667')
    expect(costOf(parts, 'k2')).toBe('-0.333333333')
  })

  it('keeps lines of different days apart even with the same line id', () => {
    const lines = [line('a', '1'), { ...line('a', '2'), usageDate: '2026-03-02' }]
    const weights = [weight('a', 'k1', 1n), { ...weight('a', 'k2', 1n), usageDate: '2026-03-02' }]
    const parts = allocateLines(lines, weights)
    expect(parts.map((p) => [p.usageDate, p.identity, toDecimalString(p.cost)])).toEqual([
      ['2026-03-01', 'k1', '1.000000000'],
      ['2026-03-02', 'k2', '2.000000000'],
    ])
  })

  it('rejects a negative weight', () => {
    expect(() => allocateLines([line('a', '1')], [weight('a', 'k1', -1n)])).toThrow(/negative/)
  })
})
