// `ai-usage serve [--port N]`: the Cloud Run service. Refuses to start without an OIDC
// audience and an invoker allow-list — a service that cannot check its callers should fail its
// deploy (the startup probe never passes), not answer 403 to the 6 AM run or, worse, accept
// anyone. Secrets given as sm:// references are resolved before any source is built. Logs are
// JSON lines on stdout (Cloud Logging's format); SIGTERM/SIGINT stop it gracefully, exit 0.

import { resolveAppContext } from '../../app/context.js'
import { ConfigError, loadConfig } from '../../config/load.js'
import type { Config } from '../../config/schema.js'
import { createJsonLogger } from '../../core/logger.js'
import { listen } from '../../server/listen.js'
import { createGoogleIdTokenVerifier } from '../../server/oidc.js'
import { createService } from '../../server/service.js'
import { EXIT, type ExitCode } from '../output.js'

export interface ServeOptions {
  config?: string
  port?: number
  verbose?: boolean
}

export async function serveCommand(opts: ServeOptions): Promise<ExitCode> {
  const config = loadConfig({ file: opts.config })
  const audience = requireCallerChecks(config)
  const level = opts.verbose ? 'debug' : config.logLevel
  const logger = createJsonLogger({ level, destination: process.stdout })
  const ctx = await resolveAppContext(config, { logger })
  if (ctx.sources.length === 0)
    logger.warn('server.no_sources', { hint: 'no vendor credentials set; POST /run will fail' })
  const service = createService({
    config: ctx.config,
    logger: ctx.logger,
    clock: ctx.clock,
    sources: ctx.sources,
    openWarehouse: () => ctx.openWarehouse(),
    verifier: createGoogleIdTokenVerifier({ audience, certsUrl: config.server.certsUrl }),
    redact: ctx.redact,
  })
  const server = await listen(service, { port: opts.port ?? config.server.port, logger })
  const signal = await nextSignal(['SIGTERM', 'SIGINT'])
  await server.stop(signal)
  // Exit even if a socket or an abandoned run still holds the event loop.
  setTimeout(() => process.exit(process.exitCode ?? EXIT.ok), 2_000).unref()
  return EXIT.ok
}

/** The audience, once both caller checks are configured; a ConfigError naming the gaps if not. */
function requireCallerChecks(config: Config): string {
  const issues: string[] = []
  if (!config.server.audience)
    issues.push(
      'server.audience (env AI_USAGE_RUN_AUDIENCE) is required by `serve`: the service URL',
    )
  if (config.server.invokers.length === 0)
    issues.push(
      'server.invokers (env AI_USAGE_RUN_INVOKERS) is required by `serve`: the emails allowed to call POST /run',
    )
  if (issues.length || !config.server.audience) throw new ConfigError(issues)
  return config.server.audience
}

function nextSignal(names: NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = names.map((name) => {
      const handler = () => {
        for (const [n, h] of handlers) process.off(n, h)
        resolve(name)
      }
      process.on(name, handler)
      return [name, handler] as const
    })
  })
}
