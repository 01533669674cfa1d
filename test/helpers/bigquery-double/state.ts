// The double's state shared by its routes, and the per-request bookkeeping every route goes
// through (`begin`): name the REST method, record body and job config, and serve a scripted
// fault before doing any work.

import type { Context } from 'hono'
import { notFound } from './errors.js'
import type { Catalog } from './catalog.js'
import type { Faults, InjectedFault } from './faults.js'
import type { JobStore } from './jobs.js'
import type { RecordedRequest } from './types.js'

export interface DoubleState {
  projectId: string
  catalog: Catalog
  jobs: JobStore
  faults: Faults
  requests: RecordedRequest[]
  /** Rows per results page (BigQuery pages by ~10 MB; small values exercise paging). */
  pageRows: number
  now: () => number
}

export type DoubleEnv = { Variables: { record: RecordedRequest } }

export interface BeginOptions {
  body?: unknown
  jobConfig?: Record<string, unknown>
  jobId?: string
}

/** Starts handling a request: records what it is and returns a `job` fault if one applies
 *  (an `http` fault is thrown and answered by the error handler). */
export function begin(
  c: Context<DoubleEnv>,
  state: DoubleState,
  api: string,
  options: BeginOptions = {},
): InjectedFault | undefined {
  const record = c.get('record')
  record.api = api
  const project = c.req.param('project')
  if (options.body !== undefined) record.body = options.body
  if (options.jobConfig) record.jobConfig = options.jobConfig
  if (options.jobId) record.jobId = options.jobId
  const fault = state.faults.take({ ...record, jobConfig: options.jobConfig })
  if (fault) record.injectedFault = fault.error.reason
  if (fault?.as === 'http') throw fault.error
  if (project !== undefined && project !== state.projectId) throw notFound(`Project ${project}`)
  return fault
}

/** A JSON body field that must be a string ('' or `fallback` otherwise). */
export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

/** Query-string values (the client sends booleans and numbers as text). */
export function queryNumber(c: Context<DoubleEnv>, name: string): number | undefined {
  const value = c.req.query(name)
  return value === undefined ? undefined : Number(value)
}
