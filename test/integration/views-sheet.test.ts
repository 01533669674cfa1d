// The identity map from a Google Sheet, end to end: a local double of the Sheets API, the real
// reader, the derived step importing it like `ai-usage import identity-map`, and the views
// picking it up — an edit of the sheet re-attributes spend at the next run, an unchanged sheet
// writes nothing, and a sheet that cannot be read fails only its step (status 'failing').
import { afterEach, describe, expect, it } from 'vitest'
import { createGoogleSheetReader } from '../../src/identity/sheet.js'
import { startSheetDouble, type SheetDouble } from '../../src/identity/sheet-double.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { createViewsHarness, type ViewsHarness } from './views-harness.js'
import { ADA, BEN, D1, seedScenario } from './views-scenario.js'

const TOKEN = 'ya29.sheet-double-token'
const tmp = createTmpDirs()
let h: ViewsHarness | undefined
let sheet: SheetDouble | undefined
afterEach(async () => {
  await h?.close()
  await sheet?.close()
  h = undefined
  sheet = undefined
  tmp.cleanup()
})

const MAP = [
  ['identity', 'provider', 'email', 'team', 'valid_from'],
  [ADA, '', ADA, 'platform'],
  [BEN, '', BEN, 'data'],
]

async function setup(token = TOKEN) {
  sheet = await startSheetDouble({ token: TOKEN, sheets: { map1: MAP } })
  h = await createViewsHarness(tmp.make())
  await seedScenario(h)
  const reader = createGoogleSheetReader({
    sheetId: 'map1',
    range: 'Sheet1!A:F',
    baseUrl: sheet.url,
    getAccessToken: () => Promise.resolve(token),
    clock: { now: () => new Date(), sleep: () => Promise.resolve() },
  })
  return { identitySheet: reader }
}

async function teamsOnD1() {
  const rows = await h!.query<{ team: string; v: string }>(`SELECT team,
    CAST(SUM(cost_usd) AS VARCHAR) AS v FROM spend_by_team_daily
    WHERE usage_date = DATE '${D1}' GROUP BY team`)
  return Object.fromEntries(rows.map((r) => [r.team, r.v]))
}

describe('identity map from a Google Sheet', () => {
  it('imports the sheet at each run and the views follow its edits', async () => {
    const settings = await setup()
    const first = await h!.derive(settings)
    expect(first.resources.find((r) => r.resource === 'identity_sheet')).toMatchObject({
      status: 'succeeded',
      loads: 1,
      rows: 2,
    })
    expect(await teamsOnD1()).toMatchObject({ platform: '32.000000000', data: '15.000000000' })

    sheet!.setRows('map1', [...MAP, ['ci-bot', 'anthropic', BEN, 'data']])
    h!.clock.advance(3_600_000) // runs happen at different times
    await h!.derive(settings)
    expect(await teamsOnD1()).toMatchObject({ data: '18.000000000', Unmapped: '5.000000000' })

    h!.clock.advance(3_600_000)
    const unchanged = await h!.derive(settings)
    expect(unchanged.resources.find((r) => r.resource === 'identity_sheet')).toMatchObject({
      status: 'succeeded',
      loads: 0,
      note: 'sheet unchanged since the last import',
    })
  })

  it('a sheet that cannot be read fails only its step, and freshness says so', async () => {
    const settings = await setup('ya29.revoked')
    await h!.importMap(`identity,email,team\n${ADA},${ADA},platform`)
    const report = await h!.derive(settings)
    expect(report.status).toBe('partial')
    const step = report.resources.find((r) => r.resource === 'identity_sheet')
    expect(step).toMatchObject({ status: 'failed', error: { code: 'SOURCE_AUTH' } })
    expect(step?.error?.message).not.toContain('ya29.revoked')
    expect(report.resources.find((r) => r.resource === 'allocation')?.status).toBe('succeeded')
    expect((await teamsOnD1()).platform).toBe('32.000000000')
    const [fresh] = await h!.query(`SELECT status, last_error FROM data_freshness
      WHERE vendor = 'derived' AND resource = 'identity_sheet'`)
    expect(fresh).toMatchObject({ status: 'failing' })
    expect(String(fresh?.last_error)).toMatch(/share the sheet/)
  })
})
