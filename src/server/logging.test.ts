import { describe, expect, it } from 'vitest'
import { createCapturingLogger } from '../core/logger.js'
import {
  LABELS_KEY,
  TRACE_KEY,
  TRACE_SAMPLED_KEY,
  traceFields,
  withCloudLabels,
} from './logging.js'

const ID = '105445aa7843bc8bf206b12000100000'

describe('traceFields', () => {
  it('reads X-Cloud-Trace-Context into projects/P/traces/T with the sampled flag', () => {
    expect(traceFields({ cloudTraceContext: `${ID}/1;o=1` }, 'acme')).toEqual({
      [TRACE_KEY]: `projects/acme/traces/${ID}`,
      [TRACE_SAMPLED_KEY]: true,
    })
    expect(traceFields({ cloudTraceContext: ID }, 'acme')[TRACE_SAMPLED_KEY]).toBe(false)
  })

  it('falls back to W3C traceparent', () => {
    const fields = traceFields({ traceparent: `00-${ID}-00f067aa0ba902b7-01` }, 'acme')
    expect(fields).toEqual({ [TRACE_KEY]: `projects/acme/traces/${ID}`, [TRACE_SAMPLED_KEY]: true })
  })

  it('adds nothing without a project or for a malformed header', () => {
    expect(traceFields({ cloudTraceContext: `${ID}/1;o=1` }, undefined)).toEqual({})
    expect(traceFields({ cloudTraceContext: 'zzz"},"injected":1' }, 'acme')).toEqual({})
  })
})

describe('withCloudLabels', () => {
  it('labels events with runId, vendor and resource from bindings and fields', () => {
    const base = createCapturingLogger()
    const log = withCloudLabels(base).child({ requestId: 'r1' }).child({ runId: 'run_1' })
    log.info('run.started')
    log.info('resource.finished', { vendor: 'anthropic', resource: 'cost_report', rows: 3 })
    expect(base.entries[0]!.fields[LABELS_KEY]).toEqual({ requestId: 'r1', runId: 'run_1' })
    expect(base.entries[1]!.fields[LABELS_KEY]).toEqual({
      requestId: 'r1',
      runId: 'run_1',
      vendor: 'anthropic',
      resource: 'cost_report',
    })
    expect(base.entries[1]!.fields.rows).toBe(3)
  })

  it('adds no labels field when there is nothing to label', () => {
    const base = createCapturingLogger()
    withCloudLabels(base).warn('server.no_sources', { hint: 'x' })
    expect(base.entries[0]!.fields).toEqual({ hint: 'x' })
  })
})
