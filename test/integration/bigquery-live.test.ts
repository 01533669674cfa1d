// Opt-in test against a real BigQuery project, never run in CI: it needs Application Default
// Credentials (`gcloud auth application-default login`) and
//   AI_USAGE_LIVE_BIGQUERY=1 AI_USAGE_BQ_PROJECT=<dev project> AI_USAGE_BQ_DATASET=<prefix>
// It creates a scratch dataset `<prefix>_live_<random>` (so BigQuery User on the project, to
// create and delete datasets), runs migrate, a flush of two loads and reads back, then deletes
// the dataset. Without those variables every case is skipped, and says why.

import { randomBytes } from 'node:crypto'
import { BigQuery } from '@google-cloud/bigquery'
import { afterAll, describe, expect, it } from 'vitest'
import { dollars } from '../../src/core/money.js'
import { createBigQueryWarehouse } from '../../src/warehouse/bigquery/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { costLoad, costRow, workspaceRow, workspacesLoad } from '../contract/fixtures.js'

const project = process.env.AI_USAGE_BQ_PROJECT
const prefix = process.env.AI_USAGE_BQ_DATASET
const location = process.env.AI_USAGE_BQ_LOCATION ?? 'US'
const LIVE = process.env.AI_USAGE_LIVE_BIGQUERY === '1' && !!project && !!prefix
const dataset = `${prefix ?? 'none'}_live_${randomBytes(3).toString('hex')}`
const SKIPPED_BECAUSE =
  'needs AI_USAGE_LIVE_BIGQUERY=1, AI_USAGE_BQ_PROJECT, AI_USAGE_BQ_DATASET and ADC (never in CI)'

let warehouse: Warehouse | undefined

describe(`live BigQuery (${LIVE ? `${project}.${dataset}` : `skipped: ${SKIPPED_BECAUSE}`})`, () => {
  afterAll(async () => {
    if (!LIVE) return
    await warehouse?.close()
    await new BigQuery({ projectId: project }).dataset(dataset).delete({ force: true })
  })

  it.skipIf(!LIVE)(
    'migrates, commits a flush of two loads and reads views back',
    async () => {
      warehouse = await createBigQueryWarehouse({
        projectId: project,
        dataset,
        location,
        retentionDays: 30,
      })
      const migrated = await warehouse.migrate()
      expect(migrated.error).toBeUndefined()
      await warehouse.load(workspacesLoad('live-ws', [workspaceRow('wrkspc_1', 'Research')]))
      const day = '2025-03-01'
      const rows = [
        costRow(day, 'a', { amount_usd: '1.250000001' }),
        costRow(day, 'b', { workspace_id: 'wrkspc_1' }),
      ]
      await warehouse.load(costLoad('live-cost', day, day, rows, day))
      const report = await warehouse.flush!()
      expect(report.loadIds).toEqual(['live-ws', 'live-cost'])
      expect(report.tableModifications.anthropic_cost_report).toBe(1)
      expect(await warehouse.getCursor('anthropic', 'cost_report')).toBe(day)
      const cost = await warehouse.query<{ account_name: string; cost_usd: string }>(
        'SELECT account_name, cost_usd FROM cost_daily WHERE usage_date = $day ORDER BY account_name',
        { params: { day } },
      )
      expect(cost.map((r) => [r.account_name, dollars(r.cost_usd)])).toEqual([
        ['Default workspace', dollars('1.250000001')],
        ['Research', dollars('1')],
      ])
    },
    300_000,
  )
})
