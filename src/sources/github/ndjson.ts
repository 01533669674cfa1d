// NDJSON (one JSON value per line), as the users reports are served. Blank lines are skipped;
// any line that does not parse makes the whole file unreadable (undefined), because a file cut
// short in transfer ends in half a line and must be fetched again, not half-loaded.

/** The parsed lines, or undefined when any line is not JSON. */
export function parseNdjson(text: string): unknown[] | undefined {
  const values: unknown[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      values.push(JSON.parse(line) as unknown)
    } catch {
      return undefined
    }
  }
  return values
}
