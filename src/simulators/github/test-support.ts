// Test helpers for the GitHub simulator tests: a movable clock (so link expiry and late data
// are tested without sleeping) and a tiny authenticated GET over real HTTP.

import { createTestClock, type TestClock } from '../shared/test-clock.js'
import { startGithubSimulator, type GithubSimulator, type GithubSimulatorOptions } from './index.js'

export interface TestSim {
  sim: GithubSimulator
  clock: TestClock
  /** GET a path (or absolute URL) with the simulator's token unless `headers` overrides it. */
  get(path: string, headers?: Record<string, string>): Promise<Response>
  /** GET and parse JSON, failing loudly on a non-200 status. */
  getJson<T = Record<string, unknown>>(path: string): Promise<T>
}

export async function startTestSim(
  options: GithubSimulatorOptions & { at?: string } = {},
): Promise<TestSim> {
  const clock = createTestClock(options.at ?? '2026-03-15T12:00:00Z')
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
