import { beforeAll, describe, expect, it } from 'vitest'
import { loadTerraform, moduleAt, nested, resource } from './terraform.js'
import type { Block, TfModule } from './terraform.js'

let all: Map<string, TfModule>
let env: TfModule
beforeAll(async () => {
  all = await loadTerraform()
  env = moduleAt(all, 'modules/environment')
})

const call = (root: string) => moduleAt(all, `envs/${root}`).modules.environment!
const service = () => resource(env, 'google_cloud_run_v2_service', 'pipeline')
const container = () => nested(service(), 'template', 'containers')
const envBlocks = (block: Block) => (block.dynamic as Record<string, Block[]>).env!

describe('environments', () => {
  it('declares one dataset per environment with the seed names', () => {
    expect(call('dev').dataset_id).toBe('ai_usage_dev')
    expect(call('staging').dataset_id).toBe('ai_usage_staging')
    expect(call('production').dataset_id).toBe('ai_usage')
    for (const root of ['dev', 'staging', 'production']) {
      expect(call(root).environment).toBe(root)
      expect(call(root).source).toBe('../../modules/environment')
    }
  })

  it('sets partition expiration from each environment retention in days', () => {
    const dataset = resource(env, 'google_bigquery_dataset', 'warehouse')
    expect(dataset.default_partition_expiration_ms).toBe(
      '${var.retention_days == null ? null : var.retention_days * 86400000}',
    )
    expect(dataset.location).toBe('${var.dataset_location}')
    expect(env.variables.dataset_location!.default).toBe('US')
    const days = ['dev', 'staging', 'production'].map((root) => call(root).retention_days)
    expect(days).toEqual([30, 90, 1095])
    expect(nested(dataset, 'lifecycle').prevent_destroy).toBe(true)
  })

  it('runs Cloud Run only in staging and production, under the seed service names', () => {
    expect(call('dev').create_cloud_run).toBe(false)
    expect(call('dev')).not.toHaveProperty('service_name')
    expect(call('staging').service_name).toBe('ai-usage-pipeline-staging')
    expect(call('production').service_name).toBe('ai-usage-pipeline')
    expect(service().count).toBe('${var.create_cloud_run ? 1 : 0}')
  })

  it('scales between 0 and 1 instance with a one-hour request timeout', () => {
    const template = nested(service(), 'template')
    expect(nested(template, 'scaling')).toEqual({
      min_instance_count: '${var.min_instances}',
      max_instance_count: '${var.max_instances}',
    })
    expect(env.variables.min_instances!.default).toBe(0)
    expect(env.variables.max_instances!.default).toBe(1)
    for (const root of ['staging', 'production']) {
      expect([call(root).min_instances, call(root).max_instances]).toEqual([0, 1])
    }
    expect(template.timeout).toBe('${var.request_timeout_seconds}s')
    expect(env.variables.request_timeout_seconds!.default).toBe(3600)
  })

  it('keeps the service private: explicit ingress, IAM invoker check on', () => {
    expect(service().ingress).toBe('${var.ingress}')
    expect(service().invoker_iam_disabled).toBe(false)
    expect(call('production').deletion_protection).toBe(true)
  })

  it('passes vendor secrets as secret_key_ref env vars, never as plain values', () => {
    const [plain, secret] = envBlocks(container())
    expect(plain!.for_each).toBe('${local.service_env}')
    expect(secret!.for_each).toBe('${google_secret_manager_secret.vendor}')
    const ref = nested(nested(secret!, 'content'), 'value_source', 'secret_key_ref')
    expect(ref).toEqual({ secret: '${env.value.secret_id}', version: 'latest' })
    expect(env.variables.secret_env_vars!.default).toEqual([
      'ANTHROPIC_ADMIN_API_KEY',
      'CURSOR_API_KEY',
      'OPENAI_ADMIN_KEY',
      'GITHUB_TOKEN',
    ])
  })

  it('configures the app for BigQuery through the documented AI_USAGE_* variables', () => {
    const commonEnv = String(env.locals.common_env)
    for (const name of ['WAREHOUSE', 'BQ_PROJECT', 'BQ_DATASET', 'BQ_LOCATION', 'RETENTION_DAYS']) {
      expect(commonEnv).toContain(`AI_USAGE_${name}`)
    }
    expect(commonEnv).toContain('AI_USAGE_WAREHOUSE      = "bigquery"')
    expect(commonEnv).toContain('GITHUB_ORG')
    expect(commonEnv).toMatch(/GOOGLE_CLOUD_PROJECT\s*=\s*var\.project_id/)
  })

  it('probes /readyz at startup and /healthz for liveness', () => {
    expect(nested(container(), 'startup_probe', 'http_get').path).toBe('/readyz')
    expect(nested(container(), 'liveness_probe', 'http_get').path).toBe('/healthz')
  })

  it('runs backfills and migrations as Cloud Run jobs on the same image', () => {
    const specs = env.locals.job_specs as Record<string, { args: string[] }>
    expect(specs.backfill!.args).toEqual(['run'])
    expect(specs.migrate!.args).toEqual(['migrate'])
    const job = resource(env, 'google_cloud_run_v2_job', 'task')
    expect(job.for_each).toBe('${local.jobs}')
    expect(job.name).toBe('${var.service_name}-${each.key}')
    const jobContainer = nested(job, 'template', 'template', 'containers')
    expect(jobContainer.image).toBe('${var.image}')
    expect(container().image).toBe('${var.image}')
  })

  it('leaves the image to CI after the first apply', () => {
    expect(nested(service(), 'lifecycle').ignore_changes).toContain(
      '${template[0].containers[0].image}',
    )
    const job = resource(env, 'google_cloud_run_v2_job', 'task')
    expect(nested(job, 'lifecycle').ignore_changes).toContain(
      '${template[0].template[0].containers[0].image}',
    )
  })
})
