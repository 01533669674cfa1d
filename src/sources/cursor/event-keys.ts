// The key of a usage event. The API gives events no id, and one person can make two requests
// in the same millisecond, so (timestamp, person) is not unique. The key is (timestamp, person,
// occurrence): the event's rank among the events of one read sharing that timestamp and
// person, ordered by their full content. Why not hash the content into the key: a vendor
// revision of an event (a late cost, a re-classified kind) would then add a second row and
// double its money; here it rewrites the same row. The rank is stable across re-reads: the
// same events sort the same way whatever order the API lists them in, and events sharing a
// millisecond share a UTC day, so every read of that day sees all of them together.

/** JSON with object keys sorted at every level: equal content → equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The (timestamp, person) group of a raw event, as text; loose on types like the API is. */
function groupOf(event: unknown): string {
  const e = (event ?? {}) as { timestamp?: unknown; userEmail?: unknown }
  return `${String(e.timestamp)}|${String(e.userEmail).trim().toLowerCase()}`
}

/**
 * For each event (in read order), its rank among the events of the same (timestamp, person).
 * @example occurrencesOf([a, b, c]) // [0, 1, 0] when a and b share a millisecond and a person
 */
export function occurrencesOf(events: readonly unknown[]): number[] {
  const groups = new Map<string, number[]>()
  events.forEach((event, index) => {
    const key = groupOf(event)
    const members = groups.get(key)
    if (members) members.push(index)
    else groups.set(key, [index])
  })
  const ranks = new Array<number>(events.length).fill(0)
  for (const members of groups.values()) {
    if (members.length === 1) continue
    // Content is only serialized where it decides something: shared milliseconds are rare.
    const ordered = members
      .map((index) => ({ index, text: canonicalJson(events[index]) }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    ordered.forEach((m, rank) => (ranks[m.index] = rank))
  }
  return ranks
}
