// The derived steps' settings from the loaded config: the budgets, and the identity sheet's
// reader when a sheet is configured. Callers of runPipeline pass the result as `deps.derive`.

import type { Clock } from '../core/clock.js'
import type { Logger } from '../core/logger.js'
import type { IdentityConfig, BudgetConfig } from '../identity/config.js'
import { createGoogleSheetReader } from '../identity/sheet.js'
import type { DeriveSettings } from './derive-load.js'

export interface DeriveSettingsDeps {
  clock: Clock
  logger: Logger
  fetch?: typeof fetch
}

/**
 * @example
 * runPipeline({ ...deps, derive: deriveSettingsFromConfig(ctx.config, ctx) }, options)
 */
export function deriveSettingsFromConfig(
  config: { identity: IdentityConfig; budgets: readonly BudgetConfig[] },
  deps: DeriveSettingsDeps,
): DeriveSettings {
  const { sheetId, sheetRange, sheetsBaseUrl } = config.identity
  const identitySheet = sheetId
    ? createGoogleSheetReader({
        sheetId,
        range: sheetRange,
        baseUrl: sheetsBaseUrl,
        clock: deps.clock,
        logger: deps.logger.child({ vendor: 'google-sheets' }),
        fetch: deps.fetch,
      })
    : undefined
  return { budgets: config.budgets, identitySheet }
}
