import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, maskConfig, secretValues } from './load.js'

const KEY = 'sk-ant-admin01-' + 'TESTKEY-abcdefghijklmnop'
let dir: string | undefined

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

function tempFile(name: string, text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'cfg-'))
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({ env: {}, file: undefined })
    expect(config.warehouse.engine).toBe('duckdb')
    expect(config.warehouse.duckdb.path).toBe('./data/ai-usage.duckdb')
    expect(config.sources.anthropic.adminApiKey).toBeUndefined()
    expect(config.sources.anthropic.baseUrl).toBe('https://api.anthropic.com')
  })

  it('reads vendor credentials and our settings from the environment', () => {
    const config = loadConfig({
      env: {
        ANTHROPIC_ADMIN_API_KEY: KEY,
        AI_USAGE_DUCKDB_PATH: '/tmp/x.duckdb',
        AI_USAGE_INITIAL_DAYS: '30',
      },
    })
    expect(config.sources.anthropic.adminApiKey).toBe(KEY)
    expect(config.warehouse.duckdb.path).toBe('/tmp/x.duckdb')
    expect(config.run.initialDays).toBe(30)
  })

  it('reports every problem at once, naming the env var, without echoing values', () => {
    let error: unknown
    try {
      loadConfig({
        env: {
          AI_USAGE_WAREHOUSE: 'postgres',
          AI_USAGE_INITIAL_DAYS: 'ninety',
          ANTHROPIC_BASE_URL: 'not a url',
        },
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const issues = (error as ConfigError).issues
    expect(issues).toHaveLength(3)
    expect(issues.join('\n')).toContain('AI_USAGE_WAREHOUSE')
    expect(issues.join('\n')).toContain('AI_USAGE_INITIAL_DAYS')
    expect(issues.join('\n')).toContain('ANTHROPIC_BASE_URL')
    expect((error as Error).message).not.toContain('ninety')
  })

  it('interpolates ${VAR} in the YAML file after parsing, and env overrides the file', () => {
    const file = tempFile(
      'c.yaml',
      'sources:\n  anthropic:\n    adminApiKey: ${MY_KEY}\n    lookbackDays: 5\nwarehouse:\n  duckdb:\n    path: ./file.duckdb\n',
    )
    const config = loadConfig({ file, env: { MY_KEY: KEY, AI_USAGE_DUCKDB_PATH: './env.duckdb' } })
    expect(config.sources.anthropic.adminApiKey).toBe(KEY)
    expect(config.sources.anthropic.lookbackDays).toBe(5)
    expect(config.warehouse.duckdb.path).toBe('./env.duckdb')
  })

  it('names a ${VAR} the file uses but the environment lacks', () => {
    const file = tempFile('c.yaml', 'sources:\n  anthropic:\n    adminApiKey: ${NOPE_KEY}\n')
    expect(() => loadConfig({ file, env: {} })).toThrow(/NOPE_KEY/)
  })

  it('returns a frozen config', () => {
    const config = loadConfig({ env: {} })
    expect(Object.isFrozen(config.warehouse)).toBe(true)
  })
})

describe('maskConfig', () => {
  it('masks secrets and keeps everything else', () => {
    const config = loadConfig({ env: { ANTHROPIC_ADMIN_API_KEY: KEY } })
    const text = JSON.stringify(maskConfig(config))
    expect(text).not.toContain(KEY)
    expect(text).toContain('api.anthropic.com')
    expect(secretValues(config)).toEqual([KEY])
  })
})
