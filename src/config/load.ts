// Loads the configuration once: optional YAML file → ${VAR} interpolation → environment
// overrides → zod parse → freeze. Every problem is reported at once, naming the field and
// the environment variable that sets it, before anything touches the network.

import { existsSync, readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import { PipelineError } from '../core/errors.js'
import { ENV_BINDINGS } from './env.js'
import { configSchema, type Config } from './schema.js'
import { secretPaths } from './secret.js'

export const DEFAULT_CONFIG_FILE = 'ai-usage.config.yaml'

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>
  /** A YAML file; when omitted, ./ai-usage.config.yaml is read if it exists (or AI_USAGE_CONFIG). */
  file?: string
}

export class ConfigError extends PipelineError {
  readonly issues: string[]
  constructor(issues: string[]) {
    super('CONFIG_INVALID', `Invalid configuration:\n  - ${issues.join('\n  - ')}`)
    this.name = 'ConfigError'
    this.issues = issues
  }
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env
  const raw = readConfigFile(options.file ?? env.AI_USAGE_CONFIG, env)
  applyEnv(raw, env)
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error))
  return deepFreeze(parsed.data)
}

function readConfigFile(file: string | undefined, env: Record<string, string | undefined>) {
  const path = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined)
  if (!path) return {}
  if (!existsSync(path)) throw new ConfigError([`config file ${path} does not exist`])
  let doc: unknown
  try {
    doc = parseYaml(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigError([`config file ${path} is not valid YAML: ${(error as Error).message}`])
  }
  if (doc == null) return {}
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError([`config file ${path} must hold a mapping at the top level`])
  }
  const missing: string[] = []
  const out = interpolate(doc, env, missing) as Record<string, unknown>
  if (missing.length) {
    throw new ConfigError(missing.map((v) => `config file ${path} uses \${${v}}, which is not set`))
  }
  return out
}

/** Replaces ${VAR} in string values after YAML parsing, so a value can never inject YAML. */
function interpolate(
  value: unknown,
  env: Record<string, string | undefined>,
  missing: string[],
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
      const v = env[name]
      if (v === undefined) missing.push(name)
      return v ?? ''
    })
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env, missing))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, env, missing)]),
    )
  }
  return value
}

function applyEnv(target: Record<string, unknown>, env: Record<string, string | undefined>) {
  for (const binding of ENV_BINDINGS) {
    const value = env[binding.env]
    if (value === undefined || value === '') continue
    const typed = binding.kind === 'int' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
    setPath(target, binding.path, typed)
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (!next || typeof next !== 'object') node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1]!] = value
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.')
    const binding = ENV_BINDINGS.find((b) => b.path === path)
    const where = binding ? `${path} (env ${binding.env})` : path || '(root)'
    // Never echo the received value: it may be a secret.
    return `${where}: ${issue.message}`
  })
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** A copy of the config with every secret replaced by a mask; safe to print. */
export function maskConfig(config: Config): unknown {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>
  for (const path of secretPaths(configSchema)) {
    const keys = path.split('.')
    let node: Record<string, unknown> | undefined = copy
    for (const key of keys.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined
    const last = keys[keys.length - 1]!
    if (node && node[last] !== undefined) node[last] = '••••••••'
  }
  return copy
}

/** Every secret value in the config, for a redactor that masks them by value too. */
export function secretValues(config: Config): string[] {
  return secretPaths(configSchema)
    .map((path) =>
      path
        .split('.')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          config,
        ),
    )
    .filter((v): v is string => typeof v === 'string')
}
