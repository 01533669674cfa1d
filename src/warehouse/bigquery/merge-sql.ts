// The statement that applies one table's staged rows in the commit: one MERGE per table per
// flush, however many chunks were staged. Sequential semantics are kept in SQL: for
// replace_window each staged load counts only on the days no later load re-read, and for
// keyed tables the latest load's row wins (QUALIFY). The target's partition column is
// filtered in ON (when it is part of the key, so no match is lost) and in the DELETE branch.

import type { Day, DayRange } from '../../core/days.js'
import type { LoadDisposition } from '../warehouse.js'
import type { FieldInfo } from './cells.js'
import { capRanges, coalesceRanges, rangesOfDays, subtractRanges } from './day-ranges.js'
import { quoteIdent, type ParamBag } from './dialect.js'

/** The staging column that orders loads within a flush. */
export const SEQ_COLUMN = '_stg_seq'
/** More day ranges than this collapse to one [first, last] range in a filter. */
const MAX_RANGES = 50

export interface StagedLoad {
  seq: number
  rows: number
  window?: DayRange
  /** Distinct values of the partition column among the staged rows (DATE partitions only). */
  days: Day[]
}

export interface MergeGroup {
  table: string
  /** Fully qualified paths of target and staging table. */
  targetPath: string
  stagingPath: string
  disposition: LoadDisposition
  primaryKey: readonly string[]
  windowColumn?: string
  fields: readonly FieldInfo[]
  partitionField?: string
  /** In load order. */
  loads: readonly StagedLoad[]
}

/** The DML for one group, or undefined when it would change nothing. */
export function applySql(group: MergeGroup, bag: ParamBag): string | undefined {
  const rows = group.loads.reduce((n, l) => n + l.rows, 0)
  if (group.disposition !== 'replace_window' && rows === 0) return undefined
  const columns = group.fields.map((f) => quoteIdent(f.name))
  if (group.disposition === 'append') {
    const seqs = bag.add(
      group.loads.map((l) => l.seq),
      ['INT64'],
    )
    return (
      `INSERT INTO ${group.targetPath} (${columns.join(', ')})\n` +
      `SELECT ${columns.join(', ')} FROM ${group.stagingPath} WHERE ${SEQ_COLUMN} IN UNNEST(${seqs})`
    )
  }
  return mergeSql(group, columns, bag)
}

function mergeSql(group: MergeGroup, columns: string[], bag: ParamBag): string {
  const keys = group.primaryKey
  const nonKeys = group.fields.filter((f) => !keys.includes(f.name)).map((f) => quoteIdent(f.name))
  const on = [keyMatch(group), ...onPartitionFilter(group, bag)].filter(Boolean).join(' AND ')
  const lines = [
    `MERGE ${group.targetPath} AS T`,
    `USING (${sourceSql(group, bag)}) AS S`,
    `ON ${on || 'FALSE'}`,
  ]
  if (keys.length > 0 && nonKeys.length > 0) {
    lines.push(`WHEN MATCHED THEN UPDATE SET ${nonKeys.map((c) => `${c} = S.${c}`).join(', ')}`)
  }
  lines.push(
    `WHEN NOT MATCHED BY TARGET THEN INSERT (${columns.join(', ')}) ` +
      `VALUES (${columns.map((c) => `S.${c}`).join(', ')})`,
  )
  if (group.disposition === 'replace_window') {
    const windows = coalesceRanges(group.loads.flatMap((l) => (l.window ? [l.window] : [])))
    lines.push(
      `WHEN NOT MATCHED BY SOURCE AND ${rangeFilter('T', group.windowColumn!, windows, bag)} THEN DELETE`,
    )
  }
  return lines.join('\n')
}

/** Staged rows of this flush that still count, deduplicated on the key (latest load wins). */
function sourceSql(group: MergeGroup, bag: ParamBag): string {
  const where =
    group.disposition === 'replace_window'
      ? windowedLoads(group, bag)
      : `${SEQ_COLUMN} IN UNNEST(${bag.add(
          group.loads.map((l) => l.seq),
          ['INT64'],
        )})`
  const key = group.primaryKey.map(quoteIdent).join(', ')
  const dedupe = key
    ? ` QUALIFY ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${SEQ_COLUMN} DESC) = 1`
    : ''
  return `SELECT * EXCEPT (${SEQ_COLUMN}) FROM ${group.stagingPath} WHERE ${where}${dedupe}`
}

/** Each load's rows on the days of its window that no later load covers. */
function windowedLoads(group: MergeGroup, bag: ParamBag): string {
  const terms: string[] = []
  group.loads.forEach((load, i) => {
    const later = group.loads.slice(i + 1).flatMap((l) => (l.window ? [l.window] : []))
    const own = load.window ? subtractRanges(load.window, later) : []
    if (own.length === 0 || load.rows === 0) return
    const filter = rangeFilter(undefined, group.windowColumn!, own, bag)
    terms.push(`(${SEQ_COLUMN} = ${bag.add(load.seq, 'INT64')} AND ${filter})`)
  })
  return terms.length > 0 ? terms.join(' OR ') : 'FALSE'
}

/** Null-safe key equality; plain `=` for REQUIRED columns so BigQuery can hash-join. */
function keyMatch(group: MergeGroup): string {
  return group.primaryKey
    .map((k) => {
      const field = group.fields.find((f) => f.name === k)
      const c = quoteIdent(k)
      return field?.mode === 'REQUIRED' ? `T.${c} = S.${c}` : `T.${c} IS NOT DISTINCT FROM S.${c}`
    })
    .join(' AND ')
}

/** Prunes the target scan to the staged days; only sound when the partition column is a key. */
function onPartitionFilter(group: MergeGroup, bag: ParamBag): string[] {
  const column = group.partitionField
  if (!column || !group.primaryKey.includes(column)) return []
  const ranges =
    group.disposition === 'replace_window' && column === group.windowColumn
      ? coalesceRanges(group.loads.flatMap((l) => (l.window ? [l.window] : [])))
      : rangesOfDays(group.loads.flatMap((l) => l.days))
  // Widening ON is safe (the key still decides a match), so many ranges collapse to one.
  return ranges.length > 0 ? [rangeFilter('T', column, capRanges(ranges, MAX_RANGES), bag)] : []
}

/** `c BETWEEN a AND b` per range, OR-ed; exact ranges (a DELETE must never widen). */
function rangeFilter(alias: string | undefined, column: string, ranges: DayRange[], bag: ParamBag) {
  const c = alias ? `${alias}.${quoteIdent(column)}` : quoteIdent(column)
  const terms = ranges.map(
    (r) => `${c} BETWEEN ${bag.add(r.from, 'DATE')} AND ${bag.add(r.to, 'DATE')}`,
  )
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`
}
