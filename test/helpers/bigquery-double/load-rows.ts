// Reads an NDJSON upload into SQL value tuples for the target schema, row by row, collecting
// per-row problems the way BigQuery reports them (position of the row, then the reason). More
// bad rows than maxBadRecords fail the whole load.

import { parse } from 'lossless-json'
import { BigQueryError } from './errors.js'
import type { LoadConfig } from './load.js'
import { valueLiteral } from './load-values.js'
import type { FieldSchema } from './types.js'

export interface PartitionTarget {
  /** 'YYYY-MM-DD' of a `$YYYYMMDD` decorator. */
  partition?: string
  field?: string
}

export function readRows(
  data: string,
  fields: FieldSchema[],
  config: LoadConfig,
  target: PartitionTarget,
) {
  const tuples: string[] = []
  const problems: string[] = []
  let offset = 0
  for (const line of data.split('\n')) {
    if (line.trim() !== '') {
      try {
        tuples.push(rowTuple(line, fields, config, target))
      } catch (error) {
        problems.push(
          `JSON parsing error in row starting at position ${offset}: ${errorMessage(error)}`,
        )
      }
    }
    offset += Buffer.byteLength(line) + 1
  }
  if (problems.length > (config.maxBadRecords ?? 0)) throw loadError(problems)
  return { tuples, badRecords: problems.length }
}

function rowTuple(
  line: string,
  fields: FieldSchema[],
  config: LoadConfig,
  target: PartitionTarget,
) {
  const row = parse(line)
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    throw new Error('Row is not a JSON object.')
  const values = new Map(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v] as const))
  const unknown = [...values.keys()].find((k) => !fields.some((f) => f.name.toLowerCase() === k))
  if (unknown && !config.ignoreUnknownValues) throw new Error(`No such field: ${unknown}.`)
  const { partition, field } = target
  if (partition && field && scalar(values.get(field.toLowerCase())).slice(0, 10) !== partition) {
    throw new Error(`Row does not belong to partition ${partition}.`)
  }
  return `(${fields.map((f) => valueLiteral(values.get(f.name.toLowerCase()), f)).join(', ')})`
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

export /** BigQuery's load failure: a summary in errorResult, one entry per bad row after it. */
function loadError(problems: string[]): BigQueryError {
  const summary =
    'Error while reading data, error message: JSON table encountered too many errors, giving up. ' +
    `Rows: ${problems.length}; errors: ${problems.length}. Please look into the errors[] collection for more details.`
  const details = problems.map((p) => ({
    reason: 'invalid',
    message: `Error while reading data, error message: ${p}`,
  }))
  return new BigQueryError(400, 'invalid', summary, undefined, details)
}

export function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
