// Typed access to what the real client returns (rows and metadata are `any` in its types):
// tests read decoded cells through these instead of unchecked member access.

/** A row as `bigquery.query()` returns it. */
export type DecodedRow = Record<string, unknown>

/** `.value` of BigQueryDate / BigQueryTimestamp / BigQueryInt (wrapIntegers). */
export function valueOf(cell: unknown): string {
  return (cell as { value: string }).value
}

/** Exact text of a NUMERIC cell (the client returns big.js `Big`). */
export function fixed(cell: unknown): string {
  return (cell as { toFixed(): string }).toFixed()
}

/** The `type` of each field of a tables.get resource. */
export function fieldTypes(metadata: unknown): string[] {
  return (metadata as { schema: { fields: { type: string }[] } }).schema.fields.map((f) => f.type)
}
