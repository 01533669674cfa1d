// Canonical records: what normalize produces and the warehouse loads. A row is a flat object
// of warehouse-ready cells. Conventions (both engines cast by the target column's type):
//   money      → decimal string with 9 fractional digits (core/money.ts toDecimalString)
//   DATE       → 'YYYY-MM-DD'; TIMESTAMP → ISO-8601 UTC string
//   JSON       → a JSON text string (the raw vendor payload is kept in `raw_json`)
//   integers   → number when it fits 2^53, else bigint; booleans → boolean; missing → null

export type Cell = string | number | bigint | boolean | null

export type Row = Record<string, Cell>

/** Money figures always say where they come from; views never mix bases silently. */
export type CostBasis = 'vendor_reported' | 'allocated' | 'estimated' | 'invoiced'

export const COST_BASES: readonly CostBasis[] = [
  'vendor_reported',
  'allocated',
  'estimated',
  'invoiced',
]

/** Vendors we ingest. A literal union so a typo is a compile error. */
export type Vendor = 'anthropic' | 'cursor' | 'openai' | 'github'

/** JSON text of a value, keys in their original order; used for `raw_json` columns. */
export function rawJson(value: unknown): string {
  return JSON.stringify(value)
}
