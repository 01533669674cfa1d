import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../core/logger.js'
import { createFakeClock } from '../../http/test-support.js'
import { githubConfigSchema } from './config.js'
import { createGithubSource } from './index.js'
import { metricsAccessMessage } from './report-errors.js'

const deps = { clock: createFakeClock(), logger: silentLogger }

describe('githubConfigSchema', () => {
  it('defaults to api.github.com, API version 2022-11-28 and no seat price', () => {
    const c = githubConfigSchema.parse({})
    expect(c).toMatchObject({ apiUrl: 'https://api.github.com', apiVersion: '2022-11-28' })
    expect(c.seatPriceUsd).toBeUndefined()
  })

  it('refuses both an org and an enterprise, and a negative or non-decimal seat price', () => {
    expect(githubConfigSchema.safeParse({ org: 'a', enterprise: 'b' }).success).toBe(false)
    expect(githubConfigSchema.safeParse({ seatPriceUsd: '-19' }).success).toBe(false)
    expect(githubConfigSchema.safeParse({ seatPriceUsd: '19 USD' }).success).toBe(false)
    expect(githubConfigSchema.parse({ seatPriceUsd: '19.00' }).seatPriceUsd).toBe('19.00')
  })
})

describe('createGithubSource', () => {
  it('is off without a token, and with a token but no org or enterprise', () => {
    expect(createGithubSource(githubConfigSchema.parse({ org: 'acme' }), deps)).toBeUndefined()
    const tokenOnly = githubConfigSchema.parse({ token: 'ghp_x' })
    expect(createGithubSource(tokenOnly, deps)).toBeUndefined()
  })

  it('has the four resources for an organization', () => {
    const source = createGithubSource(
      githubConfigSchema.parse({ token: 'ghp_x', org: 'Acme' }),
      deps,
    )
    expect(source?.resources.map((r) => r.name)).toEqual([
      'seats',
      'usage_metrics',
      'user_metrics',
      'premium_requests',
    ])
  })
})

describe('metricsAccessMessage', () => {
  it('names the enterprise permission and classic scopes for an enterprise', () => {
    const message = metricsAccessMessage({ kind: 'enterprise', owner: 'northwind' }, true)
    expect(message).toMatch(/disabled for enterprise "northwind"/)
    expect(message).toMatch(/"Enterprise Copilot metrics: read"/)
    expect(message).toMatch(/manage_billing:copilot or read:enterprise/)
  })

  it('says the token may lack access when the policy is not what GitHub reported', () => {
    const message = metricsAccessMessage({ kind: 'organization', owner: 'acme' }, false)
    expect(message).toMatch(/the token may not read Copilot usage metrics of organization "acme"/)
  })
})
