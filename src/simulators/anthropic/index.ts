// The Anthropic Admin API simulator: a real loopback HTTP server over a seeded synthetic org,
// plus the exact truth of what it serves. Tests, the demo and benchmarks start it with
// `startAnthropicSimulator()` and point the pipeline's ANTHROPIC_BASE_URL at `url`.

import { resolveSimulatorOptions, type VendorSimulatorOptions } from '../shared/options.js'
import { startServer } from '../shared/server.js'
import { createAnthropicApp, type RequestLogEntry } from './app.js'
import { createAnthropicData } from './data.js'
import { createFaults, type AnthropicFaultOptions, type AnthropicFaults } from './faults.js'
import { buildAnthropicOrg } from './org.js'
import { createAnthropicTruth, type AnthropicTruth } from './truth.js'

export type { RequestLogEntry } from './app.js'
export type { AnthropicFaults, AnthropicFaultOptions, FailSpec } from './faults.js'
export type { AnthropicTruth } from './truth.js'
export type {
  AnthropicOrg,
  AnthropicApiKey,
  AnthropicUser,
  AnthropicWorkspace,
  SyntheticPerson,
} from './org.js'
export type { CostLine } from './cost-lines.js'
export type { TokenCounts } from './generate.js'
export type { ClaudeCodeRecord } from './claude-code.js'
export { syntheticPeople } from './org.js'
export { MODELS } from './models.js'

/** Clearly fake, in the documented admin-key shape. */
export const DEFAULT_ANTHROPIC_SIMULATOR_KEY =
  'sk-ant-admin01-' + 'SIMULATOR-not-a-real-key-000000000000'

export interface AnthropicSimulatorOptions extends VendorSimulatorOptions {
  faults?: AnthropicFaultOptions
  /** Serve the 2025 usage-report shape (five dimensions only). */
  legacyUsageFields?: boolean
}

export interface AnthropicSimulator {
  /** 'http://127.0.0.1:PORT' — the API base URL (paths start with /v1/organizations). */
  url: string
  apiKey: string
  truth: AnthropicTruth
  faults: AnthropicFaults
  requests: RequestLogEntry[]
  close(): Promise<void>
}

export async function startAnthropicSimulator(
  options: AnthropicSimulatorOptions = {},
): Promise<AnthropicSimulator> {
  const { seed, now, apiKey, port, org } = resolveSimulatorOptions(
    options,
    DEFAULT_ANTHROPIC_SIMULATOR_KEY,
  )
  const data = createAnthropicData(buildAnthropicOrg(org))
  const faults = createFaults(seed, options.faults)
  const requests: RequestLogEntry[] = []
  const app = createAnthropicApp({
    data,
    now,
    apiKey,
    faults,
    requests,
    legacyUsageFields: options.legacyUsageFields ?? false,
  })
  const server = await startServer(app, port)
  return {
    url: server.url,
    apiKey,
    truth: createAnthropicTruth(data, now),
    faults,
    requests,
    close: () => server.close(),
  }
}
