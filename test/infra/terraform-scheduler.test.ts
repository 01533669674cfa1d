import { beforeAll, describe, expect, it } from 'vitest'
import { loadTerraform, moduleAt, nested, resource } from './terraform.js'
import type { Block, TfModule } from './terraform.js'

let env: TfModule
let all: Map<string, TfModule>
beforeAll(async () => {
  all = await loadTerraform()
  env = moduleAt(all, 'modules/environment')
})

const scheduler = () => resource(env, 'google_cloud_scheduler_job', 'daily_run')
const defaultOf = (name: string) => env.variables[name]?.default
const call = (root: string) => moduleAt(all, `envs/${root}`).modules.environment!

function seconds(duration: unknown): number {
  const match = /^(\d+)s$/.exec(String(duration))
  if (!match) throw new Error(`not a duration in seconds: ${String(duration)}`)
  return Number(match[1])
}

describe('daily Cloud Scheduler job', () => {
  it('runs at 6 AM in America/Los_Angeles, by module default and in production', () => {
    expect(scheduler().schedule).toBe('${var.schedule}')
    expect(scheduler().time_zone).toBe('${var.time_zone}')
    expect(defaultOf('schedule')).toBe('0 6 * * *')
    expect(defaultOf('time_zone')).toBe('America/Los_Angeles')
    expect(call('production').schedule).toBe('0 6 * * *')
    expect(call('production').time_zone).toBe('America/Los_Angeles')
  })

  it('staggers staging after production, in the same named time zone', () => {
    expect(call('staging').schedule).not.toBe(call('production').schedule)
    expect(call('staging').time_zone).toBe('America/Los_Angeles')
  })

  it('refuses a fixed-offset time zone that would drift across daylight saving', () => {
    const validation = nested(env.variables.time_zone!, 'validation')
    const pattern = /regex\("(.+?)", var\.time_zone\)/.exec(String(validation.condition))![1]!
    const regex = new RegExp(pattern.replace(/\\\\/g, '\\'))
    expect(regex.test('America/Los_Angeles')).toBe(true)
    expect(regex.test('UTC')).toBe(false)
    expect(regex.test('Etc/GMT+8')).toBe(false)
  })

  it('POSTs to the service URL + /run with an OIDC token whose audience is the service URL', () => {
    const target = nested(scheduler(), 'http_target')
    const oidc = nested(target, 'oidc_token')
    expect(target.http_method).toBe('POST')
    expect(target.uri).toBe('${local.service_url}/run')
    expect(oidc.audience).toBe('${local.service_url}')
    expect(oidc.service_account_email).toBe('${google_service_account.scheduler[0].email}')
    expect(target).not.toHaveProperty('oauth_token')
  })

  it('derives the service URL from the service name, project number and region', () => {
    const url = String(env.locals.service_url)
    expect(url).toContain(
      'https://${var.service_name}-${data.google_project.this.number}.${var.region}.run.app',
    )
    expect(resource(env, 'google_cloud_run_v2_service', 'pipeline').name).toBe(
      '${var.service_name}',
    )
  })

  it('tells the service the same audience and the scheduler as its only invoker', () => {
    const serviceEnv = String(env.locals.service_env)
    expect(serviceEnv).toMatch(/AI_USAGE_RUN_AUDIENCE\s*=\s*local\.service_url/)
    expect(serviceEnv).toMatch(
      /AI_USAGE_RUN_INVOKERS\s*=\s*join\(",", compact\(concat\(google_service_account\.scheduler\[\*\]\.email, var\.extra_run_invokers\)\)\)/,
    )
    expect(env.variables.extra_run_invokers!.default).toEqual([])
  })

  it('retries failed attempts with exponential backoff inside the HTTP attempt deadline', () => {
    const retry = nested(scheduler(), 'retry_config') as Block & Record<string, number | string>
    expect(retry.retry_count).toBeGreaterThanOrEqual(1)
    expect(retry.max_doublings).toBeGreaterThanOrEqual(1)
    expect(seconds(retry.min_backoff_duration)).toBeLessThan(seconds(retry.max_backoff_duration))
    expect(scheduler().attempt_deadline).toBe('${var.scheduler_attempt_deadline}')
    // Cloud Scheduler allows 15 s to 30 min for HTTP targets.
    expect(seconds(defaultOf('scheduler_attempt_deadline'))).toBeLessThanOrEqual(1800)
    expect(seconds(defaultOf('scheduler_attempt_deadline'))).toBeGreaterThanOrEqual(15)
  })

  it('exists only where the Cloud Run service exists', () => {
    expect(scheduler().count).toBe('${var.create_cloud_run ? 1 : 0}')
    expect(call('dev').create_cloud_run).toBe(false)
  })
})
