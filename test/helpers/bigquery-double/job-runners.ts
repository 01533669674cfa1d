// Turns a job request into a finished JobRecord: a query job (jobs.insert / jobs.query) or a
// load job (upload). Failures become the job's error (DONE + errorResult) rather than thrown,
// because BigQuery creates the job first and reports its failure in the job's status.

import type { InjectedFault } from './faults.js'
import { BigQueryError, toBigQueryError, unsupported } from './errors.js'
import type { JobRecord } from './jobs.js'
import { runLoad, type LoadConfig } from './load.js'
import { runQuery, type QueryOutcome } from './query.js'
import type { QueryParameter } from './sql-params.js'
import { asString, type DoubleState } from './state.js'
import type { RecordedRequest } from './types.js'

type Body = Record<string, unknown>

export interface QueryJobInput {
  jobId: string
  query: Body
  location?: string
  dryRun?: boolean
}

export async function runQueryJob(
  state: DoubleState,
  record: RecordedRequest,
  input: QueryJobInput,
) {
  const { query } = input
  const base = newJob(state, input.jobId, input.location, 'QUERY', {
    query,
    ...(input.dryRun ? { dryRun: true } : {}),
  })
  try {
    if (query.useLegacySql === true) throw unsupported('legacy SQL')
    if (query.destinationTable) throw unsupported('query destination tables')
    const outcome = await runQuery(
      state.catalog,
      {
        jobId: input.jobId,
        query: asString(query.query),
        parameters: query.queryParameters as QueryParameter[] | undefined,
        defaultDataset: (query.defaultDataset as Body | undefined)?.datasetId as string | undefined,
        location: input.location,
        dryRun: input.dryRun,
      },
      record,
    )
    return state.jobs.add(finishQuery(base, outcome))
  } catch (error) {
    return state.jobs.add({ ...base, error: toBigQueryError(error) })
  }
}

function finishQuery(job: JobRecord, outcome: QueryOutcome): JobRecord {
  const dml = outcome.numDmlAffectedRows
  return {
    ...job,
    location: outcome.location,
    result: outcome.result,
    numDmlAffectedRows: dml,
    queryStatistics: {
      statementType: outcome.statementType,
      totalBytesProcessed: '0',
      totalBytesBilled: '0',
      cacheHit: false,
      ...(dml !== undefined ? { numDmlAffectedRows: String(dml) } : {}),
    },
  }
}

export async function runLoadJob(
  state: DoubleState,
  record: RecordedRequest,
  input: { jobId: string; load: LoadConfig; location?: string; data: string },
) {
  const base = newJob(state, input.jobId, input.location, 'LOAD', { load: input.load })
  try {
    const dataset = await state.catalog.getDataset(input.load.destinationTable.datasetId)
    if (input.location && input.location.toLowerCase() !== dataset.location.toLowerCase()) {
      throw new BigQueryError(
        404,
        'notFound',
        `Not found: Dataset ${state.projectId}:${input.load.destinationTable.datasetId} was not found in location ${input.location}`,
      )
    }
    const { outcome, modification } = await runLoad(state.catalog, input.load, input.data, {
      jobId: input.jobId,
    })
    record.modifications.push(modification)
    const loadStatistics = {
      inputFiles: '1',
      inputFileBytes: String(Buffer.byteLength(input.data)),
      outputRows: String(outcome.outputRows),
      outputBytes: '0',
      badRecords: String(outcome.badRecords),
    }
    return state.jobs.add({ ...base, location: dataset.location, loadStatistics })
  } catch (error) {
    return state.jobs.add({ ...base, error: toBigQueryError(error) })
  }
}

/** A job that failed by injection: created, DONE, with the injected errorResult. */
export function faultedJob(
  state: DoubleState,
  input: { jobId: string; location?: string; jobType: JobRecord['jobType']; configuration: Body },
  fault: InjectedFault,
) {
  const job = newJob(state, input.jobId, input.location, input.jobType, input.configuration)
  return state.jobs.add({ ...job, error: fault.error })
}

function newJob(
  state: DoubleState,
  jobId: string,
  location: string | undefined,
  jobType: JobRecord['jobType'],
  configuration: Body,
): JobRecord {
  return {
    jobId,
    location: location ?? state.catalog.defaultLocation,
    jobType,
    configuration,
    createdAt: state.now(),
  }
}
