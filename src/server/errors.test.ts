import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createCapturingLogger } from '../core/logger.js'
import { PipelineError } from '../core/errors.js'
import { redactText } from '../core/redact.js'
import { onError, statusOf } from './errors.js'
import type { ServerEnv } from './types.js'

function appThrowing(error: unknown) {
  const log = createCapturingLogger()
  const app = new Hono<ServerEnv>()
  app.use('*', async (c, next) => {
    c.set('log', log)
    c.set('redact', redactText)
    await next()
  })
  app.get('/', () => {
    throw error
  })
  app.onError(onError)
  return { app, log }
}

describe('server errors', () => {
  it('maps pipeline errors to statuses by code, then by retryability', () => {
    expect(statusOf(new PipelineError('USAGE', 'x'))).toBe(400)
    expect(statusOf(new PipelineError('RUN_IN_PROGRESS', 'x'))).toBe(409)
    expect(statusOf(new PipelineError('WAREHOUSE_QUERY', 'x', { retryable: true }))).toBe(503)
    expect(statusOf(new PipelineError('WAREHOUSE_LOAD', 'x'))).toBe(500)
  })

  it('answers a PipelineError with {error, code}, masking secrets', async () => {
    const { app } = appThrowing(new PipelineError('USAGE', 'bad key sk-ant-admin01-abcdefgh1234'))
    const res = await app.request('/')
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: string; code: string }
    expect(body.code).toBe('USAGE')
    expect(body.error).not.toContain('abcdefgh1234')
  })

  it('answers anything else with a bare 500 and logs it', async () => {
    const { app, log } = appThrowing(new TypeError('cannot read x of undefined at /srv/app.js'))
    const res = await app.request('/')
    expect(res.status).toBe(500)
    expect(await res.text()).toBe('Internal Server Error')
    expect(log.entries.map((e) => e.event)).toEqual(['request.crashed'])
  })
})
