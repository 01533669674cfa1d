// `ai-usage serve` as Cloud Run runs it: the real binary, configured only through the
// environment, verifying tokens against certificates fetched over HTTP, logging JSON lines on
// stdout, and exiting 0 on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { startAnthropicSimulator } from '../../src/simulators/anthropic/index.js'
import { startServer } from '../../src/simulators/shared/server.js'
import type { RunReport } from '../../src/pipeline/report.js'
import { createTmpDirs } from '../helpers/tmp.js'
import { AUDIENCE, INVOKER, PROJECT, createTokenMinter } from './server-harness.js'

const BIN = join(import.meta.dirname, '../../bin/ai-usage.js')
const tmp = createTmpDirs()
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  tmp.cleanup()
})

interface Spawned {
  child: ChildProcess
  lines: string[]
  stderr: string[]
  exited: Promise<number | null>
}

function spawnServe(env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: tmp.make('serve-cwd-'),
    env: { PATH: process.env.PATH ?? '', ...env },
  })
  const lines: string[] = []
  const stderr: string[] = []
  let buffer = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    const parts = buffer.split('\n')
    buffer = parts.pop()!
    lines.push(...parts.filter(Boolean))
  })
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  cleanups.push(() => void child.kill('SIGKILL'))
  return { child, lines, stderr, exited }
}

/** Resolves with the first log line of `event` (checked after each stdout chunk is split). */
function waitForEvent(s: Spawned, event: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const find = () =>
      s.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === event)
    const onData = () => {
      const hit = find()
      if (!hit) return
      s.child.stdout!.off('data', onData)
      resolve(hit)
    }
    s.child.stdout!.on('data', onData)
    s.child.once('exit', () => reject(new Error(`serve exited: ${s.stderr.join('')}`)))
    onData()
  })
}

describe('ai-usage serve (the binary)', () => {
  it('serves, runs for an allowed caller, logs JSON on stdout and exits 0 on SIGTERM', async () => {
    const tokens = createTokenMinter()
    const certs = await startServer(new Hono().get('/certs', (c) => c.json(tokens.certs)))
    const sim = await startAnthropicSimulator()
    cleanups.push(
      () => certs.close(),
      () => sim.close(),
    )
    const s = spawnServe({
      PORT: '0',
      AI_USAGE_RUN_AUDIENCE: AUDIENCE,
      AI_USAGE_RUN_INVOKERS: `someone@else.iam.gserviceaccount.com, ${INVOKER}`,
      AI_USAGE_OIDC_CERTS_URL: `${certs.url}/certs`,
      GOOGLE_CLOUD_PROJECT: PROJECT,
      AI_USAGE_DUCKDB_PATH: join(tmp.make('serve-db-'), 'service.duckdb'),
      AI_USAGE_INITIAL_DAYS: '3',
      ANTHROPIC_ADMIN_API_KEY: sim.apiKey,
      ANTHROPIC_BASE_URL: sim.url,
      AI_USAGE_ANTHROPIC_REQUESTS_PER_MINUTE: '100000',
    })
    const { port } = await waitForEvent(s, 'server.listening')
    const url = `http://127.0.0.1:${String(port)}`
    expect((await fetch(`${url}/readyz`)).status).toBe(200)

    const token = tokens.mint()
    expect((await fetch(`${url}/run`, { method: 'POST' })).status).toBe(401)
    const res = await fetch(`${url}/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sources: ['anthropic.cost_report'] }),
    })
    const report = (await res.json()) as RunReport
    expect(res.status).toBe(200)
    expect(report.resources[0]).toMatchObject({ resource: 'cost_report', status: 'succeeded' })

    s.child.kill('SIGTERM')
    expect(await s.exited).toBe(0)
    const events = s.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(
      events.every((e) => typeof e.severity === 'string' && typeof e.message === 'string'),
    ).toBe(true)
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['run.finished', 'server.stopped']),
    )
    const output = s.lines.join('\n') + s.stderr.join('')
    expect(output).not.toContain(token)
    expect(output).not.toContain(sim.apiKey)
  })

  it('refuses to start without an audience and an invoker allow-list (exit 1)', async () => {
    const s = spawnServe({ PORT: '0', AI_USAGE_RUN_AUDIENCE: AUDIENCE })
    expect(await s.exited).toBe(1)
    expect(s.stderr.join('')).toContain('AI_USAGE_RUN_INVOKERS')
    expect(s.lines).toEqual([])
  })
})
