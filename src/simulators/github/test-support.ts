// Test helpers for the GitHub simulator tests: a movable clock (so link expiry and late data
// are tested without sleeping) and a tiny authenticated GET over real HTTP.

import { startGithubSimulator, type GithubSimulator, type GithubSimulatorOptions } from './index.js'

export interface Clock {
  now: () => Date
  set(iso: string): void
  advance(ms: number): void
}

export function movableClock(iso: string): Clock {
  let ms = Date.parse(iso)
  return {
    now: () => new Date(ms),
    set: (next) => void (ms = Date.parse(next)),
    advance: (delta) => void (ms += delta),
  }
}

export interface TestSim {
  sim: GithubSimulator
  clock: Clock
  /** GET a path (or absolute URL) with the simulator's token unless `headers` overrides it. */
  get(path: string, headers?: Record<string, string>): Promise<Response>
  /** GET and parse JSON, failing loudly on a non-200 status. */
  getJson<T = Record<string, unknown>>(path: string): Promise<T>
}

export async function startTestSim(
  options: GithubSimulatorOptions & { at?: string } = {},
): Promise<TestSim> {
  const clock = movableClock(options.at ?? '2026-03-15T12:00:00Z')
  const sim = await startGithubSimulator({ now: clock.now, ...options })
  const get = (path: string, headers?: Record<string, string>) =>
    fetch(path.startsWith('http') ? path : `${sim.url}${path}`, {
      headers: headers ?? {
        authorization: `Bearer ${sim.apiKey}`,
        'x-github-api-version': '2022-11-28',
      },
    })
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await get(path)
    if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  return { sim, clock, get, getJson }
}

export interface ReportLinks {
  download_links: string[]
  report_day?: string
  report_start_day?: string
  report_end_day?: string
}

/** Downloads every file of a user report and returns all NDJSON lines, parsed, in order. */
export async function downloadNdjson(
  t: TestSim,
  links: string[],
): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = []
  for (const link of links) {
    const res = await t.get(link, {})
    if (res.status !== 200) throw new Error(`download → ${res.status}`)
    const text = await res.text()
    for (const line of text.split('\n'))
      if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
  }
  return lines
}
