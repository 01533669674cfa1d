// `ai-usage config check`: the resolved configuration with secrets masked, and which sources
// are on. Loading already validated everything, so reaching this point means it is valid.

import type { AppContext } from '../../app/context.js'
import { maskConfig } from '../../config/load.js'
import { KNOWN_SOURCES } from '../../sources/registry.js'
import { EXIT, printJson, type ExitCode, type Output } from '../output.js'

export function configCheckCommand(ctx: AppContext, output: Output): ExitCode {
  const enabled = new Set<string>(ctx.sources.map((s) => s.vendor))
  const sources = KNOWN_SOURCES.map((s) => ({
    vendor: s.vendor,
    enabled: enabled.has(s.vendor),
    env: s.requiredEnv,
  }))
  if (output.json) {
    printJson(output, { valid: true, config: maskConfig(ctx.config), sources })
    return EXIT.ok
  }
  output.out('Configuration is valid.\n')
  output.out(JSON.stringify(maskConfig(ctx.config), null, 2))
  output.out('\nSources:')
  for (const s of sources)
    output.out(
      `  ${s.enabled ? '✓' : '·'} ${s.vendor.padEnd(10)} ${s.enabled ? 'configured' : `off (set ${s.env.join(' + ')})`}`,
    )
  return EXIT.ok
}
