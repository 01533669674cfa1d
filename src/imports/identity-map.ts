// Identity map CSV → identity_map: which person (email) and team an identity belongs to — an
// API key name or id, a vendor user id, an email or a GitHub login — optionally per provider
// and from a date (valid_from; blank = since the beginning of time, 0001-01-01). The file is
// the whole map, as the sheet it comes from is: an import replaces the previous map, so a row
// deleted from the file is unmapped. Identity resolution (joining usage to people) reads it.

import type { Row, Vendor } from '../core/records.js'
import { importError } from './errors.js'
import type { ImportFile } from './file.js'
import type { ImportKind, ParsedImport } from './kind.js'
import { readCsvTable, sourceCells, type DataRow } from './table.js'
import { blankToNull, normalizeEmail, parseDay } from './values.js'

/** valid_from of a row that gives none: the smallest DATE both engines hold. */
export const BEGINNING_OF_TIME = '0001-01-01'
const END_OF_TIME = '9999-12-31'
/** Providers a row may be scoped to; blank means the identity is the same person everywhere. */
export const IDENTITY_PROVIDERS: readonly Vendor[] = ['anthropic', 'cursor', 'openai', 'github']

export const identityMapKind: ImportKind = {
  name: 'identity-map',
  title: 'identity map (identity → person and team; replaces the previous map)',
  mainTable: 'identity_map',
  columns: 'identity, email, team; optional provider, valid_from (YYYY-MM-DD), name',
  example:
    'identity,provider,email,team,valid_from\nclaude-code-ci,anthropic,Mara.Lind@example.com,platform,2026-01-01',
  takesMonth: false,
  parse: parseIdentityMap,
}

function parseIdentityMap(file: ImportFile): ParsedImport {
  const table = readCsvTable(file, {
    required: ['identity', 'email', 'team'],
    optional: ['provider', 'valid_from', 'name'],
    strict: true,
  })
  const seen = new Map<string, number>()
  const rows = table.rows.map((row) => toMapRow(file, row, seen))
  const warnings =
    rows.length === 0 ? [`${file.name} has no rows: the identity map is now empty.`] : []
  return {
    tables: [
      {
        table: 'identity_map',
        disposition: 'replace_window',
        primaryKey: ['valid_from', 'map_key'],
        // The whole map: every valid_from there can be.
        window: { from: BEGINNING_OF_TIME, to: END_OF_TIME, column: 'valid_from' },
        rows,
      },
    ],
    rows: rows.length,
    warnings,
  }
}

function toMapRow(file: ImportFile, row: DataRow, seen: Map<string, number>): Row {
  const identity = identityOf(row)
  const email = normalizeEmail(row.get('email'))
  if (!email) throw importError(row.where('email'), 'Expected a valid email address.')
  const provider = providerOf(row)
  const validFrom = validFromOf(row)
  const mapKey = JSON.stringify([identity, provider])
  const earlier = seen.get(`${mapKey}@${validFrom}`)
  if (earlier !== undefined) {
    throw importError(
      row.where('identity'),
      `Line ${earlier} already maps this identity for the same provider and valid_from.`,
    )
  }
  seen.set(`${mapKey}@${validFrom}`, row.line)
  return {
    valid_from: validFrom,
    map_key: mapKey,
    identity,
    provider,
    email,
    team: blankToNull(row.get('team')),
    name: blankToNull(row.get('name')),
    raw_json: row.rawJson(),
    ...sourceCells(file, row.line),
  }
}

/** An identity that is an email is lower-cased like every email; key names and ids are kept. */
function identityOf(row: DataRow): string {
  const identity = row.get('identity').trim()
  if (!identity) throw importError(row.where('identity'), 'The identity is empty.')
  return normalizeEmail(identity) ?? identity
}

function providerOf(row: DataRow): string | null {
  const provider = blankToNull(row.get('provider'))?.toLowerCase() ?? null
  if (provider !== null && !(IDENTITY_PROVIDERS as readonly string[]).includes(provider)) {
    throw importError(
      row.where('provider'),
      `Unknown provider. Expected one of: ${IDENTITY_PROVIDERS.join(', ')} (or blank for any).`,
    )
  }
  return provider
}

function validFromOf(row: DataRow): string {
  const text = row.get('valid_from').trim()
  if (!text) return BEGINNING_OF_TIME
  const day = parseDay(text)
  if (!day)
    throw importError(row.where('valid_from'), 'Expected a day such as 2026-01-01 (or blank).')
  return day
}
