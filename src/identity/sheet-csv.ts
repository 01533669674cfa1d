// Sheet cells → the CSV `ai-usage import identity-map` reads, so a Google Sheet goes through
// the very same parser and checks as a file. Blank sheet rows stay blank lines (the CSV reader
// skips them), so an import error's line number is the sheet's row number.

/** RFC 4180 CSV of the sheet's rows, each padded to the header's width. */
export function sheetRowsToCsv(rows: readonly string[][]): string {
  const width = rows[0]?.length ?? 0
  return rows
    .map((row) => {
      if (row.every((cell) => cell.trim() === '')) return ''
      const padded = [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')]
      return padded.map(csvCell).join(',')
    })
    .join('\r\n')
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}
