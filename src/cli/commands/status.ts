// `ai-usage status`: per resource, its cursor, last run, last error and rows loaded — the
// morning check of whether yesterday's data is in.

import type { AppContext } from '../../app/context.js'
import { EXIT, formatTable, printJson, type ExitCode, type Output } from '../output.js'

interface StatusRow extends Record<string, unknown> {
  vendor: string
  resource: string
  cursor_day: string | null
  last_run_at: string | null
  last_status: string | null
  last_error: string | null
  rows_loaded: number | string | null
}

const STATUS_SQL = `
WITH last AS (
  SELECT vendor, resource, status, error, finished_at,
         row_number() OVER (PARTITION BY vendor, resource ORDER BY finished_at DESC) AS n
  FROM _ingest_loads
), totals AS (
  SELECT vendor, resource, sum(row_count) AS rows_loaded FROM _ingest_loads WHERE status = 'succeeded' GROUP BY vendor, resource
), keys AS (
  SELECT vendor, resource FROM _ingest_state UNION DISTINCT SELECT vendor, resource FROM _ingest_loads
)
SELECT k.vendor, k.resource, CAST(s.cursor_day AS STRING) AS cursor_day,
       CAST(l.finished_at AS STRING) AS last_run_at, l.status AS last_status,
       CASE WHEN l.status = 'failed' THEN l.error END AS last_error, t.rows_loaded
FROM keys k
LEFT JOIN _ingest_state s USING (vendor, resource)
LEFT JOIN last l ON l.vendor = k.vendor AND l.resource = k.resource AND l.n = 1
LEFT JOIN totals t ON t.vendor = k.vendor AND t.resource = k.resource
ORDER BY k.vendor, k.resource`

export async function statusCommand(ctx: AppContext, output: Output): Promise<ExitCode> {
  const warehouse = await ctx.openWarehouse({ readOnly: true })
  try {
    const rows = await warehouse.query<StatusRow>(STATUS_SQL)
    if (output.json) {
      printJson(output, rows)
    } else if (rows.length === 0) {
      output.out('Nothing loaded yet. Run `ai-usage run` (or `npm run demo`).')
    } else {
      const table = rows.map((r) => [
        `${r.vendor}.${r.resource}`,
        r.cursor_day ?? '-',
        r.last_run_at?.slice(0, 19) ?? '-',
        r.last_status ?? '-',
        String(r.rows_loaded ?? 0),
        r.last_error ?? '',
      ])
      output.out(
        formatTable(
          ['resource', 'cursor', 'last run (UTC)', 'status', 'rows', 'last error'],
          table,
        ),
      )
    }
    return rows.some((r) => r.last_status === 'failed') ? EXIT.partial : EXIT.ok
  } finally {
    await warehouse.close()
  }
}
