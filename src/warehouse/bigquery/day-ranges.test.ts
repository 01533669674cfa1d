import { describe, expect, it } from 'vitest'
import { capRanges, coalesceRanges, rangesOfDays, subtractRanges } from './day-ranges.js'

const r = (from: string, to: string) => ({ from, to })

describe('day ranges of a flush', () => {
  it('merges overlapping and adjacent ranges', () => {
    expect(
      coalesceRanges([
        r('2025-01-10', '2025-01-12'),
        r('2025-01-01', '2025-01-09'),
        r('2025-01-20', '2025-01-20'),
      ]),
    ).toEqual([r('2025-01-01', '2025-01-12'), r('2025-01-20', '2025-01-20')])
    expect(rangesOfDays(['2025-01-03', '2025-01-01', '2025-01-02', '2025-01-02'])).toEqual([
      r('2025-01-01', '2025-01-03'),
    ])
  })

  it('subtracts later windows from an earlier one', () => {
    expect(subtractRanges(r('2025-01-01', '2025-01-10'), [r('2025-01-03', '2025-01-04')])).toEqual([
      r('2025-01-01', '2025-01-02'),
      r('2025-01-05', '2025-01-10'),
    ])
    expect(subtractRanges(r('2025-01-01', '2025-01-02'), [r('2024-12-01', '2025-02-01')])).toEqual(
      [],
    )
  })

  it('collapses many ranges to one only beyond the cap', () => {
    const many = [r('2025-01-01', '2025-01-01'), r('2025-01-03', '2025-01-03')]
    expect(capRanges(many, 2)).toEqual(many)
    expect(capRanges(many, 1)).toEqual([r('2025-01-01', '2025-01-03')])
  })
})
