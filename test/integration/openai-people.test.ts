// Keys and users map usage to people: every api_key_id in usage resolves through
// openai_api_keys (listed with owner_project_access=any) to its owner's email in openai_users,
// including the keys of members removed from a project, which the default listing omits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTmpDirs } from '../helpers/tmp.js'
import { createOpenaiHarness, type OpenaiHarness } from './openai-harness.js'

const tmp = createTmpDirs()
let h: OpenaiHarness

// 60 days of history, all loaded: members are removed 33–51 days in, after using their keys.
beforeAll(async () => {
  h = await createOpenaiHarness(tmp.make(), { historyDays: 60 })
  const report = await h.run({ initialDays: 60 })
  expect(report.status).toBe('succeeded')
})
afterAll(async () => {
  await h.close()
  tmp.cleanup()
})

type Resolved = {
  api_key_id: string
  owner_type: string | null
  owner_project_access: string | null
  email: string | null
  tokens: bigint
}

const RESOLVE_SQL = `
  SELECT u.api_key_id, k.owner_type, k.owner_project_access, p.email,
         sum(u.input_tokens) AS tokens
  FROM openai_usage_completions AS u
  LEFT JOIN openai_api_keys AS k ON k.id = u.api_key_id
  LEFT JOIN openai_users AS p ON p.id = k.owner_user_id
  GROUP BY ALL ORDER BY u.api_key_id`

describe('OpenAI usage → API keys → owner emails', () => {
  it('resolves every key in usage, and every user-owned key to its owner email', async () => {
    const rows = await h.warehouse.query<Resolved>(RESOLVE_SQL)
    const { org } = h.sim.truth
    const expected = (keyId: string) => {
      const key = org.apiKeys.find((k) => k.id === keyId)!
      if (key.owner.type !== 'user') return null
      const ownerId = key.owner.userId
      return org.users.find((u) => u.id === ownerId)!.email.toLowerCase()
    }
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.filter((r) => r.owner_type === null)).toEqual([])
    expect(rows.map((r) => [r.api_key_id, r.email])).toEqual(
      rows.map((r) => [r.api_key_id, expected(r.api_key_id)]),
    )
    expect(rows.some((r) => r.owner_type === 'service_account' && r.email === null)).toBe(true)
  })

  it("resolves a removed member's inactive key that only older usage names", async () => {
    const rows = await h.warehouse.query<Resolved>(RESOLVE_SQL)
    const inactive = rows.filter((r) => r.owner_project_access === 'inactive')
    expect(inactive.length).toBeGreaterThan(0)
    expect(inactive.every((r) => r.email !== null && Number(r.tokens) > 0)).toBe(true)
    const inactiveIds = h.sim.truth.org.apiKeys
      .filter((k) => k.ownerProjectAccess === 'inactive')
      .map((k) => k.id)
    expect(inactive.every((r) => inactiveIds.includes(r.api_key_id))).toBe(true)
    // The keys endpoint was asked for every key, not the default (active-only) listing.
    const keyLists = h.sim.requests.filter((r) => r.path.endsWith('/api_keys'))
    expect(keyLists.length).toBe(h.sim.truth.org.projects.length)
    expect(keyLists.every((r) => r.query.owner_project_access === 'any')).toBe(true)
  })

  it('usage_daily subjects join to owners the same way', async () => {
    const [row] = await h.warehouse.query<{ subjects: bigint; resolved: bigint }>(
      `SELECT count(DISTINCT d.subject) AS subjects, count(DISTINCT k.id) AS resolved
       FROM usage_daily AS d LEFT JOIN openai_api_keys AS k ON k.id = d.subject
       WHERE d.provider = 'openai' AND d.subject_type = 'api_key'`,
    )
    expect(Number(row!.subjects)).toBeGreaterThan(5)
    expect(Number(row!.resolved)).toBe(Number(row!.subjects))
  })

  it('lists archived projects with their archival time', async () => {
    const rows = await h.warehouse.query<{ status: string; archived: boolean }>(
      `SELECT status, archived_at IS NOT NULL AS archived FROM openai_projects`,
    )
    expect(rows.length).toBe(h.sim.truth.org.projects.length)
    expect(rows.filter((r) => r.status === 'archived').every((r) => r.archived)).toBe(true)
    expect(rows.some((r) => r.status === 'archived')).toBe(true)
  })
})
