// Which sources exist, and which are configured. Adding a vendor means adding its folder
// and one line here.

import type { Clock } from '../core/clock.js'
import type { Logger } from '../core/logger.js'
import type { Config } from '../config/schema.js'
import { createAnthropicSource } from './anthropic/index.js'
import { createCursorSource } from './cursor/index.js'
import { createOpenaiSource } from './openai/index.js'
import { createGithubSource } from './github/index.js'
import type { Source } from './source.js'

export interface SourceDeps {
  clock: Clock
  logger: Logger
  fetch?: typeof fetch
}

export interface SourceInfo {
  vendor: string
  title: string
  /** Environment variables that turn this source on. */
  requiredEnv: string[]
}

export const KNOWN_SOURCES: readonly SourceInfo[] = [
  { vendor: 'anthropic', title: 'Anthropic', requiredEnv: ['ANTHROPIC_ADMIN_API_KEY'] },
  { vendor: 'cursor', title: 'Cursor', requiredEnv: ['CURSOR_API_KEY'] },
  { vendor: 'openai', title: 'OpenAI', requiredEnv: ['OPENAI_ADMIN_KEY'] },
  { vendor: 'github', title: 'GitHub Copilot', requiredEnv: ['GITHUB_TOKEN', 'GITHUB_ORG'] },
]

/** The sources whose credentials are configured, in a stable order. */
export function createSources(config: Config, deps: SourceDeps): Source[] {
  const sources = [
    createAnthropicSource(config.sources.anthropic, deps),
    createCursorSource(config.sources.cursor, deps),
    createOpenaiSource(config.sources.openai, deps),
    createGithubSource(config.sources.github, deps),
  ]
  return sources.filter((s): s is Source => s !== undefined)
}
