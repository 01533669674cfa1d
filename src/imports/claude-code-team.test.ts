import { describe, expect, it } from 'vitest'
import { claudeCodeTeamKind } from './claude-code-team.js'
import { fixture, importErrorOf, parseText, rowsOf } from './test-support.js'

const OCTOBER = { month: '2026-10' }
const parse = (text: string, name = 'team.csv') =>
  parseText(claudeCodeTeamKind, text, OCTOBER, name)

describe('Claude Code team export', () => {
  it('reads the spend variant: exact dollars, grouped counts, lower-cased emails', () => {
    const parsed = parse(fixture('claude-code-team-export-spend.csv'))
    expect(
      rowsOf(parsed).map((r) => [r.month, r.email, r.spend_usd, r.lines, r.spend_text]),
    ).toEqual([
      ['2026-10-01', 'mara.lind@example.com', '52.380000000', 15344, '$52.38'],
      ['2026-10-01', 'sean.oneil@example.com', '1034.830000000', 108316, '$1,034.83'],
      ['2026-10-01', 'lee@example.com', '0.000000000', 0, '$0.00'],
    ])
    expect(parsed.window).toEqual({ from: '2026-10-01', to: '2026-10-31' })
  })

  it('reads the lines-only variant with no spend', () => {
    const rows = rowsOf(parse(fixture('claude-code-team-export-lines.csv')))
    expect(rows.map((r) => [r.email, r.spend_usd, r.lines])).toEqual([
      ['mara.lind@example.com', null, 27643],
      ['lee@example.com', null, 912],
    ])
  })

  it("replaces the month's rows whole: replace_window on the first day of --month", () => {
    const load = parse(fixture('claude-code-team-export-lines.csv')).tables[0]!
    expect(load.disposition).toBe('replace_window')
    expect(load.window).toEqual({ from: '2026-10-01', to: '2026-10-01', column: 'month' })
    expect(load.primaryKey).toEqual(['month', 'email'])
  })

  it('stops on a mistyped amount, naming the line and column', () => {
    const text = fixture('claude-code-team-export-spend.csv').replace('"$1,034.83"', '"$1,03x.00"')
    const error = importErrorOf(() => parse(text))
    expect(error.context).toMatchObject({
      file: 'team.csv',
      line: 3,
      field: 'spend_this_month_(usd)',
    })
  })

  it.each([
    ['User,Lines this Month\nnot-an-email,5\n', 'user'],
    ['User,Lines this Month\na@example.com,"1,5"\n', 'lines_this_month'],
    [
      'User,Spend this Month (USD),Lines this Month\na@example.com,-$5.00,1\n',
      'spend_this_month_(usd)',
    ],
    ['User,Lines this Month\na@example.com,1\nA@Example.com,2\n', 'user'],
    ['User,Sessions this Month\na@example.com,1\n', 'sessions_this_month'],
  ])('refuses %j at field %s', (text, field) => {
    expect(importErrorOf(() => parse(text)).context.field).toBe(field)
  })

  it('needs --month', () => {
    const error = importErrorOf(() => parseText(claudeCodeTeamKind, 'User,Lines this Month\n'))
    expect(error.message).toContain('--month')
  })

  it('warns when the file name names days outside --month', () => {
    const text = fixture('claude-code-team-export-lines.csv')
    expect(parse(text, 'claude_code_team_2026-10-01_to_2026-10-17.csv').warnings).toEqual([])
    expect(parse(text, 'claude_code_team_2026-09-01_to_2026-09-30.csv').warnings[0]).toContain(
      '2026-09-01',
    )
  })
})
