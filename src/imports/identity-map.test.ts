import { describe, expect, it } from 'vitest'
import { BEGINNING_OF_TIME, identityMapKind } from './identity-map.js'
import { fixture, importErrorOf, parseText, rowsOf } from './test-support.js'

const parse = (text: string) => parseText(identityMapKind, text, {}, 'people.csv')

describe('identity map CSV', () => {
  it('reads identities with provider, lower-cased emails, teams and validity', () => {
    const rows = rowsOf(parse(fixture('identity-map.csv')))
    expect(
      rows.map((r) => [r.identity, r.provider, r.email, r.team, r.valid_from, r.name]),
    ).toEqual([
      [
        'claude-code-ci',
        'anthropic',
        'mara.lind@example.com',
        'platform',
        '2026-01-01',
        'Mara Lind',
      ],
      ['claude-code-ci', 'anthropic', 'lee@example.com', 'platform', '2026-10-01', 'Lee'],
      [
        'sean.oneil@example.com',
        null,
        'sean.oneil@example.com',
        'data',
        BEGINNING_OF_TIME,
        "Sean O'Neil",
      ],
      ['octocat-sean', 'github', 'sean.oneil@example.com', 'data', BEGINNING_OF_TIME, null],
      [
        'user_3f9a',
        'cursor',
        'priya.raman@example.com',
        'finance',
        BEGINNING_OF_TIME,
        'Priya Raman',
      ],
    ])
    expect(rows[0]!.map_key).toBe('["claude-code-ci","anthropic"]')
    expect(rows[2]!.map_key).toBe('["sean.oneil@example.com",null]')
  })

  it('replaces the whole map: replace_window over every valid_from', () => {
    const load = parse(fixture('identity-map.csv')).tables[0]!
    expect(load.disposition).toBe('replace_window')
    expect(load.window).toEqual({ from: '0001-01-01', to: '9999-12-31', column: 'valid_from' })
  })

  it('warns that an empty file empties the map', () => {
    expect(parse('identity,email,team\n').warnings[0]).toContain('now empty')
  })

  it.each([
    ['identity,email,team\nkey-1,not-an-email,x\n', 2, 'email'],
    ['identity,email,team\n,a@example.com,x\n', 2, 'identity'],
    ['identity,email,team,provider\nk,a@example.com,x,anthropc\n', 2, 'provider'],
    ['identity,email,team,valid_from\nk,a@example.com,x,2026-02-30\n', 2, 'valid_from'],
    ['identity,email,team\nk,a@example.com,x\nk,b@example.com,y\n', 3, 'identity'],
    ['identity,email,team,vaild_from\nk,a@example.com,x,2026-01-01\n', 1, 'vaild_from'],
    ['identity,email\nk,a@example.com\n', 1, 'team'],
  ])('refuses %j at line %i, field %s', (text, line, field) => {
    expect(importErrorOf(() => parse(text)).context).toMatchObject({
      file: 'people.csv',
      line,
      field,
    })
  })

  it('lets one identity change hands on a date and differ per provider', () => {
    const text =
      'identity,provider,email,team,valid_from\nk,,a@example.com,x,\nk,,b@example.com,x,2026-05-01\nk,cursor,c@example.com,y,\n'
    expect(rowsOf(parse(text))).toHaveLength(3)
  })
})
