// The composition root for the CLI and the service: from a loaded Config, the logger, the
// clock, the sources and the warehouse. Nothing below this file reads global state.

import type { Config } from '../config/schema.js'
import { secretValues } from '../config/load.js'
import { resolveSecretRefs, type SecretAccessorFactory } from '../config/secrets-resolve.js'
import { systemClock, type Clock } from '../core/clock.js'
import { createJsonLogger, type Logger } from '../core/logger.js'
import { createSources } from '../sources/registry.js'
import type { Source } from '../sources/source.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { openWarehouse } from './warehouse.js'
import { createRedactor } from '../core/redact.js'

export interface AppContext {
  config: Config
  logger: Logger
  clock: Clock
  sources: Source[]
  /** Masks the configured secrets by value, plus every known secret shape. */
  redact: (text: string) => string
  openWarehouse(options?: { readOnly?: boolean }): Promise<Warehouse>
}

export interface CreateContextOptions {
  logger?: Logger
  clock?: Clock
  fetch?: typeof fetch
  logDestination?: NodeJS.WritableStream
}

export function createAppContext(config: Config, options: CreateContextOptions = {}): AppContext {
  const clock = options.clock ?? systemClock
  const logger =
    options.logger ??
    createJsonLogger({ level: config.logLevel, destination: options.logDestination })
  return {
    config,
    logger,
    clock,
    sources: createSources(config, { clock, logger, fetch: options.fetch }),
    redact: createRedactor(secretValues(config)),
    openWarehouse: (o) => openWarehouse(config, { logger, clock, readOnly: o?.readOnly }),
  }
}

/**
 * createAppContext after replacing `sm://` Secret Manager references in secret fields with
 * their values (before any source exists, so no vendor call can see a reference).
 */
export async function resolveAppContext(
  config: Config,
  options: CreateContextOptions & { createSecretAccessor?: SecretAccessorFactory } = {},
): Promise<AppContext> {
  const resolved = await resolveSecretRefs(config, { createAccessor: options.createSecretAccessor })
  return createAppContext(resolved, options)
}
