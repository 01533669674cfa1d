// The identity map into real DuckDB: the file is the whole map (a row deleted from it is
// unmapped), re-imports change nothing, and a bad row keeps the previous map untouched.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PipelineError } from '../../src/core/errors.js'
import { silentLogger } from '../../src/core/logger.js'
import { runImport } from '../../src/imports/run.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { FIXTURES, createImportHarness, writeCsv, type ImportHarness } from './import-harness.js'

const tmp = createTmpDirs()
const MAP = join(FIXTURES, 'identity-map.csv')
const KIND = 'identity-map'

let dir: string
let h: ImportHarness
beforeEach(async () => {
  dir = tmp.make('import-identity-')
  h = await createImportHarness(dir)
})
afterEach(async () => {
  await h.warehouse.close()
  tmp.cleanup()
})

const identities = async () =>
  (
    await h.warehouse.query<{ identity: string; email: string; valid_from: string }>(
      'SELECT identity, email, valid_from FROM identity_map ORDER BY identity, valid_from',
    )
  ).map((r) => `${r.identity}→${r.email}@${r.valid_from}`)

describe('import identity-map', () => {
  it('stores the map as given, with lower-cased emails and valid_from defaulting to always', async () => {
    await h.importFile({ kind: KIND, path: MAP })
    expect(await identities()).toEqual([
      'claude-code-ci→mara.lind@example.com@2026-01-01',
      'claude-code-ci→lee@example.com@2026-10-01',
      'octocat-sean→sean.oneil@example.com@0001-01-01',
      'sean.oneil@example.com→sean.oneil@example.com@0001-01-01',
      'user_3f9a→priya.raman@example.com@0001-01-01',
    ])
    const [sean] = await h.warehouse.query(
      "SELECT provider, team, name, source_file, source_line FROM identity_map WHERE identity = 'octocat-sean'",
    )
    expect(sean).toEqual({
      provider: 'github',
      team: 'data',
      name: null,
      source_file: 'identity-map.csv',
      source_line: 5,
    })
    expect((await h.importFile({ kind: KIND, path: MAP })).status).toBe('unchanged')
  })

  it('a new file replaces the map: rows left out are unmapped, edited rows updated', async () => {
    await h.importFile({ kind: KIND, path: MAP })
    const next = 'identity,email,team,provider\nuser_3f9a,priya.raman@example.com,platform,cursor\n'
    const result = await h.importFile({ kind: KIND, path: writeCsv(dir, 'map-v2.csv', next) })
    expect(result).toMatchObject({ tableRowsBefore: 5, tableRowsAfter: 1 })
    const rows = await h.warehouse.query('SELECT identity, team FROM identity_map')
    expect(rows).toEqual([{ identity: 'user_3f9a', team: 'platform' }])
    // Going back to the first file is a real import (it is no longer the latest), not a skip.
    expect((await h.importFile({ kind: KIND, path: MAP })).status).toBe('imported')
    expect(await h.count('identity_map')).toBe(5)
  })

  it('knows which file was imported last even when the clock does not move between imports', async () => {
    const deps = { warehouse: h.warehouse, clock: h.clock, logger: silentLogger }
    const v2 = writeCsv(dir, 'v2.csv', 'identity,email,team\nk,a@example.com,x\n')
    const statuses: string[] = []
    for (const path of [MAP, v2, v2, MAP, MAP, v2]) {
      statuses.push((await runImport(deps, { kind: KIND, path })).status)
    }
    expect(statuses).toEqual([
      'imported',
      'imported',
      'unchanged',
      'imported',
      'unchanged',
      'imported',
    ])
    expect(await h.count('identity_map')).toBe(1)
  })

  it('an invalid email stops the import naming the line, and the previous map stays whole', async () => {
    await h.importFile({ kind: KIND, path: MAP })
    const text =
      'identity,email,team\nk1,a@example.com,x\nk2,b@example.com,x\nk3,c-at-example.com,x\n'
    const error: unknown = await h
      .importFile({ kind: KIND, path: writeCsv(dir, 'people.csv', text) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).context).toMatchObject({
      file: 'people.csv',
      line: 4,
      field: 'email',
    })
    expect(await h.count('identity_map')).toBe(5)
  })
})
