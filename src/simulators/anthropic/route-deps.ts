// What every route handler needs: the data (shared with the truth API) and the clock.

import type { AnthropicData } from './data.js'

export interface RouteDeps {
  data: AnthropicData
  now: () => Date
  /** Serve the 2025 usage-report shape: no account_id / service_account_id / inference_geo /
   *  speed fields, and those group_by values rejected. */
  legacyUsageFields: boolean
}
