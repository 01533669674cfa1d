// The OpenAI organization admin API simulator: a real loopback HTTP server over a seeded
// synthetic organization, plus the exact truth of what it serves. `now` is read on every
// request, so a test can move the clock and watch recent days grow.
//
// @example
//   const sim = await startOpenaiSimulator({ seed: 7, now: () => new Date('2026-03-10T12:00:00Z') })
//   await fetch(`${sim.url}/v1/organization/costs?start_time=…`, { headers: { authorization: `Bearer ${sim.apiKey}` } })
//   sim.truth.costByDay('2026-03-01', '2026-03-07'); await sim.close()

import { resolveSimulatorOptions, type VendorSimulatorOptions } from '../shared/options.js'
import { startServer } from '../shared/server.js'
import { createOpenaiApp, type RequestLogEntry } from './app.js'
import { createOpenaiData } from './data.js'
import { createOpenaiFaults, type FaultOptions, type OpenaiFaults } from './faults.js'
import { buildOpenaiOrg } from './org.js'
import { createOpenaiTruth, type OpenaiTruth } from './truth.js'

export type { RequestLogEntry } from './app.js'
export type { FaultOptions, FaultSpec, OpenaiFaults } from './faults.js'
export type { OpenaiTruth, TokenTotals } from './truth.js'
export type {
  OpenaiOrg,
  OpenaiProject,
  OpenaiUser,
  OpenaiApiKey,
  ServiceAccount,
  ProjectMember,
} from './org.js'
export type { UsageKind } from './kinds.js'
export { USAGE_KINDS, KIND_SPECS } from './kinds.js'

/** Clearly fake, in the documented admin-key shape. */
export const DEFAULT_OPENAI_ADMIN_KEY = 'sk-admin-' + 'SIMULATOR-not-a-real-key-0000000000000000'

export interface OpenaiSimulatorOptions extends VendorSimulatorOptions {
  faults?: FaultOptions
}

export interface OpenaiSimulator {
  /** 'http://127.0.0.1:PORT' (the API lives under `/v1`). */
  url: string
  apiKey: string
  truth: OpenaiTruth
  faults: OpenaiFaults
  requests: RequestLogEntry[]
  close(): Promise<void>
}

export async function startOpenaiSimulator(
  options: OpenaiSimulatorOptions = {},
): Promise<OpenaiSimulator> {
  const { seed, now, apiKey, port, org } = resolveSimulatorOptions(
    options,
    DEFAULT_OPENAI_ADMIN_KEY,
  )
  const data = createOpenaiData(buildOpenaiOrg(org))
  const faults = createOpenaiFaults(seed, options.faults)
  const requests: RequestLogEntry[] = []
  const app = createOpenaiApp({ data, apiKey, now, faults, requests })
  const server = await startServer(app, port)
  return {
    url: server.url,
    apiKey,
    truth: createOpenaiTruth(data, now),
    faults,
    requests,
    close: () => server.close(),
  }
}
