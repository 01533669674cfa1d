// jobs.insert, jobs.get, jobs.list, jobs.cancel, jobs.query (POST /queries),
// jobs.getQueryResults (GET /queries/:jobId) and the multipart upload of load jobs
// (POST /upload/bigquery/v2/projects/:p/jobs?uploadType=multipart — what the client's
// table.load(file) and table.createWriteStream() send).

import type { Hono } from 'hono'
import { unsupported } from './errors.js'
import { faultedJob, runLoadJob, runQueryJob } from './job-runners.js'
import { jobResource, resultsPage } from './jobs.js'
import type { LoadConfig } from './load.js'
import { parseMultipart } from './multipart.js'
import { pageOptions } from './routes-resources.js'
import { asString, begin, type DoubleEnv, type DoubleState } from './state.js'

type Body = Record<string, unknown>

const base = '/projects/:project'

export function registerJobRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  registerJobResourceRoutes(api, state)
  registerQueryRoutes(api, state)
}

function registerJobResourceRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  const { jobs, projectId } = state

  api.post(`${base}/jobs`, async (c) => {
    const body = await c.req.json<Body>()
    const configuration = (body.configuration ?? {}) as Body
    const ref = (body.jobReference ?? {}) as Body
    const jobId = asString(ref.jobId, jobs.newJobId())
    const location = ref.location as string | undefined
    const fault = begin(c, state, 'jobs.insert', { body, jobConfig: configuration, jobId })
    jobs.assertNew(jobId, location ?? state.catalog.defaultLocation)
    if (fault)
      return c.json(
        jobResource(
          projectId,
          faultedJob(state, { jobId, location, jobType: 'QUERY', configuration }, fault),
        ),
      )
    if (!configuration.query)
      throw unsupported('jobs other than query jobs through jobs.insert (load data with an upload)')
    const dryRun = configuration.dryRun === true
    const job = await runQueryJob(state, c.get('record'), {
      jobId,
      query: configuration.query as Body,
      location,
      dryRun,
    })
    return c.json(jobResource(projectId, job))
  })
  api.get(`${base}/jobs`, (c) => {
    begin(c, state, 'jobs.list')
    const list = jobs.list().map((job) => ({ ...jobResource(projectId, job), state: 'DONE' }))
    return c.json({ kind: 'bigquery#jobList', jobs: list })
  })
  api.get(`${base}/jobs/:jobId`, (c) => {
    begin(c, state, 'jobs.get', { jobId: c.req.param('jobId') })
    return c.json(jobResource(projectId, jobs.get(c.req.param('jobId'), c.req.query('location'))))
  })
  api.post(`${base}/jobs/:jobId/cancel`, (c) => {
    begin(c, state, 'jobs.cancel', { jobId: c.req.param('jobId') })
    const job = jobResource(projectId, jobs.get(c.req.param('jobId'), c.req.query('location')))
    return c.json({ kind: 'bigquery#jobCancelResponse', job })
  })
}

function registerQueryRoutes(api: Hono<DoubleEnv>, state: DoubleState): void {
  const { jobs, projectId } = state
  api.post(`${base}/queries`, async (c) => {
    const body = await c.req.json<Body>()
    const jobId = jobs.newJobId()
    begin(c, state, 'jobs.query', { body, jobConfig: body, jobId })
    const location = body.location as string | undefined
    const job = await runQueryJob(state, c.get('record'), { jobId, query: body, location })
    if (job.error) throw job.error
    const format = (body.formatOptions ?? {}) as Body
    const page = resultsPage(projectId, job, {
      maxResults: typeof body.maxResults === 'number' ? body.maxResults : undefined,
      pageRows: state.pageRows,
      int64Timestamp: format.useInt64Timestamp !== false,
    })
    return c.json({ kind: 'bigquery#queryResponse', ...page })
  })
  api.get(`${base}/queries/:jobId`, (c) => {
    begin(c, state, 'jobs.getQueryResults', { jobId: c.req.param('jobId') })
    const job = jobs.get(c.req.param('jobId'), c.req.query('location'))
    if (job.error) throw job.error
    const page = resultsPage(projectId, job, pageOptions(c, state))
    return c.json({ kind: 'bigquery#getQueryResultsResponse', ...page })
  })
}

export function registerUploadRoutes(app: Hono<DoubleEnv>, state: DoubleState): void {
  app.post('/upload/bigquery/v2/projects/:project/jobs', async (c) => {
    if (c.req.query('uploadType') !== 'multipart') {
      begin(c, state, 'jobs.upload')
      throw unsupported(
        `uploadType=${c.req.query('uploadType') ?? '(none)'} (the client sends multipart)`,
      )
    }
    const upload = parseMultipart(
      c.req.header('content-type') ?? '',
      Buffer.from(await c.req.arrayBuffer()),
    )
    const configuration = (upload.metadata.configuration ?? {}) as Body
    const ref = (upload.metadata.jobReference ?? {}) as Body
    const jobId = asString(ref.jobId, state.jobs.newJobId())
    const location = ref.location as string | undefined
    const summary = {
      metadata: upload.metadata,
      bytes: Buffer.byteLength(upload.data),
      lines: countLines(upload.data),
    }
    const fault = begin(c, state, 'jobs.upload', { body: summary, jobConfig: configuration, jobId })
    state.jobs.assertNew(jobId, location ?? state.catalog.defaultLocation)
    if (fault)
      return c.json(
        jobResource(
          state.projectId,
          faultedJob(state, { jobId, location, jobType: 'LOAD', configuration }, fault),
        ),
      )
    const load = configuration.load as LoadConfig | undefined
    if (!load) throw unsupported('uploads other than load jobs')
    const job = await runLoadJob(state, c.get('record'), {
      jobId,
      load,
      location,
      data: upload.data,
    })
    return c.json(jobResource(state.projectId, job))
  })
}

function countLines(data: string): number {
  return data.split('\n').filter((line) => line.trim() !== '').length
}
