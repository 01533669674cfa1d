// The table of a daily report (cost and usage reports): one row per (usage_date, line_key), where
// line_key is the null-safe key of the row's grouping values (parse.ts lineKey), replaced a
// window at a time because these vendors serve their full history and revise recent days.

import type { TableSpec } from './source.js'

/** `extraKey` extends the key for child tables (a per-model breakdown of a line). */
export function dailyReportTable(name: string, extraKey: readonly string[] = []): TableSpec {
  return {
    name,
    primaryKey: ['usage_date', 'line_key', ...extraKey],
    writeDisposition: 'replace_window',
    dateColumn: 'usage_date',
  }
}
