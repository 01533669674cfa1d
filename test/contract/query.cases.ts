// Contract cases for query(): read-only enforcement that comments, CTEs and stacked statements
// cannot get around, and plain JSON-safe rows. Statements are written so that each one is a
// write in both dialects (a parse error is also a rejection, but never the reason a case passes
// alone: the table's rows are checked after every attempt).

import { expect, it } from 'vitest'
import { PipelineError } from '../../src/core/errors.js'
import type { ContractHarness } from './warehouse.contract.js'
import { workspaceRow, workspacesLoad } from './fixtures.js'

const WRITES = [
  "INSERT INTO anthropic_workspaces (id, last_seen_at, raw_json, _load_id, _loaded_at) VALUES ('x', CURRENT_TIMESTAMP, '{}', 'l', CURRENT_TIMESTAMP)",
  'DELETE FROM anthropic_workspaces WHERE TRUE',
  "UPDATE anthropic_workspaces SET name = 'pwned' WHERE TRUE",
  'CREATE TABLE sneaky (a INTEGER)',
  'DROP TABLE anthropic_workspaces',
  "COPY anthropic_workspaces TO '/tmp/ai-usage-contract-copy.csv'",
  "ATTACH ':memory:' AS other",
  'SELECT 1; DROP TABLE anthropic_workspaces',
  'SELECT 1 /* ; */; DELETE FROM anthropic_workspaces WHERE TRUE',
  '/* SELECT 1 */ DELETE FROM anthropic_workspaces WHERE TRUE',
  '-- SELECT 1\nDROP TABLE anthropic_workspaces',
  'WITH w AS (SELECT 1 AS x) DELETE FROM anthropic_workspaces WHERE TRUE',
]

export function defineQueryCases(h: ContractHarness): void {
  it('rejects every write and every multi-statement, even behind comments or CTEs', async () => {
    const wh = await h.open()
    await wh.load(workspacesLoad('l1', [workspaceRow('w1', 'One')]))
    for (const sql of WRITES) {
      const error = await wh.query(sql).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error, sql).toBeInstanceOf(PipelineError)
      expect((error as PipelineError).code, sql).toBe('WAREHOUSE_QUERY')
    }
    expect(await wh.query('SELECT id, name FROM anthropic_workspaces')).toEqual([
      { id: 'w1', name: 'One' },
    ])
  })

  it('runs SELECTs with CTEs and comments and returns plain rows', async () => {
    const wh = await h.open()
    await wh.load(workspacesLoad('l1', [workspaceRow('w1', 'One')]))
    const rows = await wh.query(
      '-- a comment; with a semicolon\nWITH w AS (SELECT id, created_at FROM anthropic_workspaces) SELECT id, created_at, 1 AS one FROM w',
    )
    expect(rows).toEqual([{ id: 'w1', created_at: '2025-01-01T00:00:00.000Z', one: 1 }])
  })
}
