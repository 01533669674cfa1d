import { afterEach, describe, expect, it } from 'vitest'
import { sheetRowsToCsv } from './sheet-csv.js'
import { createGoogleSheetReader } from './sheet.js'
import { startSheetDouble, type SheetDouble } from './sheet-double.js'

const TOKEN = 'ya29.test-token-not-real'
let double: SheetDouble | undefined
afterEach(async () => {
  await double?.close()
  double = undefined
})

const fastClock = { now: () => new Date(), sleep: () => Promise.resolve() }

async function start(rows: string[][]) {
  double = await startSheetDouble({ token: TOKEN, sheets: { sheet1: rows } })
  return double
}

describe('Google Sheet identity map reader', () => {
  it('reads values.get with the bearer token, padding nothing and dropping trailing blanks', async () => {
    const d = await start([
      ['identity', 'email', 'team', 'provider'],
      ['ada-dev', 'Ada@Example.com', 'platform', ''],
      ['', '', '', ''],
    ])
    const reader = createGoogleSheetReader({
      sheetId: 'sheet1',
      range: 'Map!A:F',
      baseUrl: d.url,
      getAccessToken: () => Promise.resolve(TOKEN),
    })
    expect(await reader.readValues()).toEqual([
      ['identity', 'email', 'team', 'provider'],
      ['ada-dev', 'Ada@Example.com', 'platform'],
    ])
    expect(d.requests).toEqual([
      {
        sheetId: 'sheet1',
        range: 'Map!A:F',
        query: { majorDimension: 'ROWS', valueRenderOption: 'FORMATTED_VALUE' },
      },
    ])
    expect(reader.name).toBe('google-sheet-sheet1')
  })

  it('returns no rows for an empty range', async () => {
    const d = await start([])
    const reader = createGoogleSheetReader({
      sheetId: 'sheet1',
      range: 'A:C',
      baseUrl: d.url,
      getAccessToken: () => Promise.resolve(TOKEN),
    })
    expect(await reader.readValues()).toEqual([])
  })

  it('fails with an auth error that names the fix and never the token', async () => {
    const d = await start([['identity']])
    const reader = createGoogleSheetReader({
      sheetId: 'sheet1',
      range: 'A:C',
      baseUrl: d.url,
      getAccessToken: () => Promise.resolve('ya29.wrong-token-value'),
      clock: fastClock,
    })
    const error = await reader.readValues().then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(error).toMatchObject({ code: 'SOURCE_AUTH' })
    expect(error?.message).toMatch(/share the sheet/)
    expect(JSON.stringify(error)).not.toContain('wrong-token-value')
  })

  it('reports an unknown sheet as an HTTP error', async () => {
    const d = await start([])
    const reader = createGoogleSheetReader({
      sheetId: 'missing',
      range: 'A:C',
      baseUrl: d.url,
      getAccessToken: () => Promise.resolve(TOKEN),
      clock: fastClock,
    })
    await expect(reader.readValues()).rejects.toMatchObject({ context: { status: 404 } })
  })
})

describe('sheetRowsToCsv', () => {
  it('quotes what needs quoting, pads short rows and keeps blank rows as blank lines', () => {
    expect(
      sheetRowsToCsv([
        ['identity', 'email', 'team'],
        ['a,b', 'x@y.z'],
        ['', ' '],
        ['say "hi"', 'p@q.r', 'line\nbreak'],
      ]),
    ).toBe('identity,email,team\r\n"a,b",x@y.z,\r\n\r\n"say ""hi""",p@q.r,"line\nbreak"')
  })
})
