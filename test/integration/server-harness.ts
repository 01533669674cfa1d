// Builds what a service test needs: the Anthropic simulator and the pipeline on one fake clock,
// a real DuckDB file in a temp dir, the service wired to them, a locally generated RSA key that
// mints Google-shaped ID tokens (its public key served as the "Google" certs), and every log
// line the service writes, captured as JSON text exactly as Cloud Logging would receive it.

import { generateKeyPairSync, createSign, type KeyObject } from 'node:crypto'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { configSchema, type Config } from '../../src/config/schema.js'
import { createJsonLogger, type Logger } from '../../src/core/logger.js'
import { createGoogleIdTokenVerifier, type IdTokenVerifier } from '../../src/server/oidc.js'
import { createService, type Service } from '../../src/server/service.js'
import {
  startAnthropicSimulator,
  type AnthropicSimulator,
} from '../../src/simulators/anthropic/index.js'
import { createAnthropicSource } from '../../src/sources/anthropic/index.js'
import {
  createDuckdbWarehouse,
  type DuckdbWarehouseOptions,
} from '../../src/warehouse/duckdb/index.js'
import type { Warehouse } from '../../src/warehouse/warehouse.js'
import { createFakeClock, type FakeClock } from '../helpers/clock.js'

export const AUDIENCE = 'https://ai-usage-test-123456.us-central1.run.app'
export const INVOKER = 'scheduler@acme-prod.iam.gserviceaccount.com'
export const PROJECT = 'acme-prod'

export interface TokenMinter {
  certs: Record<string, string>
  /** A signed token; `claims` override the defaults (valid for AUDIENCE and INVOKER, 1 h). */
  mint(claims?: Record<string, unknown>, options?: { key?: KeyObject; kid?: string }): string
  otherKey: KeyObject
}

export function createTokenMinter(kid = 'test-key-1'): TokenMinter {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const certs = { [kid]: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() }
  return {
    certs,
    otherKey: other.privateKey,
    mint(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000)
      const header = { alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid }
      const payload = {
        iss: 'https://accounts.google.com',
        aud: AUDIENCE,
        sub: '109876543210987654321',
        azp: '109876543210987654321',
        email: INVOKER,
        email_verified: true,
        iat: now,
        exp: now + 3600,
        ...claims,
      }
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
      const signed = `${b64(header)}.${b64(payload)}`
      const signature = createSign('RSA-SHA256')
        .update(signed)
        .sign(options.key ?? pair.privateKey, 'base64url')
      return `${signed}.${signature}`
    },
  }
}

export interface ServerHarness {
  clock: FakeClock
  sim: AnthropicSimulator
  tokens: TokenMinter
  config: Config
  dbPath: string
  /** The harness's warehouse (migrated); the service borrows it and closes it at shutdown. */
  warehouse: Warehouse
  service: Service
  logger: Logger
  /** Raw JSON log lines the service wrote. */
  lines: string[]
  post(
    path: string,
    init?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
  /** Reopens the DuckDB file (after the service closed it) for assertions or a second service. */
  reopen(): Promise<Warehouse>
  close(): Promise<void>
}

export interface ServerHarnessOptions {
  initialDays?: number
  hooks?: DuckdbWarehouseOptions['hooks']
  verifier?: IdTokenVerifier
  tokens?: TokenMinter
  /** Reuse another harness's simulator, clock and token key (a second service, same org). */
  from?: Pick<ServerHarness, 'sim' | 'clock' | 'tokens'>
}

export async function createServerHarness(
  dir: string,
  options: ServerHarnessOptions = {},
): Promise<ServerHarness> {
  const clock = options.from?.clock ?? createFakeClock('2026-03-15T10:00:00Z')
  const sim = options.from?.sim ?? (await startAnthropicSimulator({ now: () => clock.now() }))
  const tokens = options.from?.tokens ?? options.tokens ?? createTokenMinter()
  const lines: string[] = []
  const logger = createJsonLogger({ level: 'debug', destination: captureLines(lines) })
  const config = configSchema.parse({
    run: { initialDays: options.initialDays ?? 10 },
    server: { audience: AUDIENCE, invokers: [INVOKER], projectId: PROJECT },
  })
  const dbPath = join(dir, 'service.duckdb')
  const open = () => createDuckdbWarehouse({ path: dbPath, clock, logger, hooks: options.hooks })
  const warehouse = await open()
  const migrated = await warehouse.migrate()
  if (migrated.error) throw migrated.error
  const source = createAnthropicSource(
    { adminApiKey: sim.apiKey, baseUrl: sim.url, lookbackDays: 3, requestsPerMinute: 100_000 },
    { clock, logger, bucketsPerPage: 7 },
  )!
  const verifier =
    options.verifier ??
    createGoogleIdTokenVerifier({
      audience: AUDIENCE,
      fetchCerts: () => Promise.resolve(tokens.certs),
    })
  const service = createService({
    config,
    logger,
    clock,
    sources: [source],
    openWarehouse: () => Promise.resolve(warehouse),
    verifier,
  })
  const reopened: Warehouse[] = []
  return {
    clock,
    sim,
    tokens,
    config,
    dbPath,
    warehouse,
    service,
    logger,
    lines,
    post: (path, init = {}) =>
      Promise.resolve(
        service.app.request(path, {
          method: 'POST',
          headers: {
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
            'content-type': 'application/json',
            ...init.headers,
          },
          body: init.body === undefined ? '{}' : JSON.stringify(init.body),
        }),
      ),
    reopen: async () => {
      const w = await createDuckdbWarehouse({ path: dbPath, clock })
      reopened.push(w)
      return w
    },
    close: async () => {
      await service.shutdown({ graceMs: 5_000 })
      await warehouse.close()
      for (const w of reopened) await w.close()
      if (!options.from) await sim.close()
    },
  }
}

function captureLines(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
      callback()
    },
  })
}

/** Runs recorded in the warehouse (refused requests must leave none). */
export async function countRuns(warehouse: Warehouse): Promise<number> {
  const [row] = await warehouse.query<{ n: number }>('SELECT count(*) AS n FROM _ingest_runs')
  return Number(row!.n)
}
