import { describe, expect, it } from 'vitest'
import { PipelineError } from '../../core/errors.js'
import { classifyBigQueryError, sanitizeBigQueryMessage } from './errors.js'

/** The shape of the client's ApiError. */
function apiError(code: number | undefined, reason: string, message: string, more: object[] = []) {
  return Object.assign(new Error(message), { code, errors: [{ reason, message }, ...more] })
}

describe('classifyBigQueryError (the one choke point)', () => {
  it('marks BigQuery’s transient reasons retryable and the rest terminal', () => {
    const limited = classifyBigQueryError(apiError(403, 'rateLimitExceeded', 'Exceeded'), {
      op: 'flush',
    })
    expect(limited).toMatchObject({ code: 'WAREHOUSE_LOAD', retryable: true })
    expect(limited.context.reason).toBe('rateLimitExceeded')
    const backend = apiError(undefined, 'backendError', 'Backend error. Job aborted.')
    expect(classifyBigQueryError(backend, { op: 'query' }).retryable).toBe(true)
    const quota = classifyBigQueryError(apiError(403, 'quotaExceeded', 'Quota'), { op: 'load' })
    expect(quota.retryable).toBe(false)
    const missing = classifyBigQueryError(apiError(404, 'notFound', 'Not found'), { op: 'query' })
    expect(missing).toMatchObject({ code: 'WAREHOUSE_QUERY', retryable: false })
    expect(missing.message).toContain('ai-usage migrate')
  })

  it('retries 5xx and network resets without a reason', () => {
    expect(classifyBigQueryError({ code: 502 }, { op: 'read' }).retryable).toBe(true)
    expect(classifyBigQueryError(new Error('socket hang up'), { op: 'read' }).retryable).toBe(true)
    expect(classifyBigQueryError({ code: 400 }, { op: 'read' }).retryable).toBe(false)
  })

  it('names the field of a failed load but never a row value', () => {
    const error = apiError(400, 'invalid', 'Error while reading data: too many errors, giving up', [
      {
        reason: 'invalid',
        message: "Could not convert value 'sk-secret-123' to integer. Field: tokens; Value: 77",
      },
    ])
    const classified = classifyBigQueryError(error, { op: 'load', table: 'x' })
    expect(classified.message).toContain('Field: tokens')
    expect(classified.message).not.toContain('sk-secret-123')
    expect(classified.message).not.toMatch(/Value: 77/)
    expect(classified.context).toMatchObject({ table: 'x' })
  })

  it('passes a PipelineError through with more context', () => {
    const original = new PipelineError('WAREHOUSE_LOAD', 'bad row', { context: { field: 'f' } })
    const out = classifyBigQueryError(original, { op: 'load', loadId: 'l1' })
    expect(out.message).toBe('bad row')
    expect(out.context).toMatchObject({ field: 'f', loadId: 'l1' })
  })

  it('tells how to get credentials when ADC finds none', () => {
    const error = new Error('Could not load the default credentials. Browse to …')
    const classified = classifyBigQueryError(error, { op: 'migrate' })
    expect(classified.message).toContain('gcloud auth application-default login')
    expect(classified.retryable).toBe(false)
  })

  it('keeps one line with quoted text masked', () => {
    expect(sanitizeBigQueryMessage('Bad "x" and \'y\'\nat line 2')).toBe('Bad "…" and \'…\'')
  })
})
