// `ai-usage query "<SQL>"`: read-only SQL against the warehouse (the engine refuses writes;
// DuckDB files are also opened read-only), printed as a table or JSON.

import type { AppContext } from '../../app/context.js'
import { EXIT, formatTable, printJson, type ExitCode, type Output } from '../output.js'

export async function queryCommand(
  ctx: AppContext,
  output: Output,
  sql: string,
): Promise<ExitCode> {
  const warehouse = await ctx.openWarehouse({ readOnly: true })
  try {
    const rows = await warehouse.query(sql)
    if (output.json) {
      printJson(output, rows)
    } else if (rows.length === 0) {
      output.out('(no rows)')
    } else {
      const headers = Object.keys(rows[0]!)
      output.out(
        formatTable(
          headers,
          rows.map((r) => headers.map((h) => cellText(r[h]))),
        ),
      )
      output.out(`(${rows.length} row${rows.length === 1 ? '' : 's'})`)
    }
    return EXIT.ok
  } finally {
    await warehouse.close()
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return value.toString()
  }
  return JSON.stringify(value)
}
