import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOpenaiSimulator, type OpenaiSimulator } from './index.js'
import { getJson, readAllItems, type ListBody } from './test-client.js'

const NOW = new Date('2026-03-10T12:00:00Z')

let sim: OpenaiSimulator
beforeAll(async () => {
  sim = await startOpenaiSimulator({ seed: 42, now: () => NOW })
})
afterAll(() => sim.close())

async function allProjects() {
  return (await readAllItems(sim, '/v1/organization/projects', { include_archived: true })).items
}

async function allKeys(query: Record<string, string> = {}) {
  const projects = await allProjects()
  const lists = await Promise.all(
    projects.map((p) => readAllItems(sim, `/v1/organization/projects/${p.id}/api_keys`, query)),
  )
  return lists.flatMap((l) => l.items)
}

describe('GET /v1/organization/projects', () => {
  it('hides archived projects unless include_archived=true', async () => {
    const active = await getJson<ListBody>(sim, '/v1/organization/projects')
    const all = await getJson<ListBody>(sim, '/v1/organization/projects', {
      include_archived: true,
    })
    expect(active.body).toMatchObject({ object: 'list', has_more: false })
    expect(all.body.data.length).toBe(active.body.data.length + 1)
    expect(all.body.data.length).toBeGreaterThanOrEqual(3)
    expect(all.body.data.length).toBeLessThanOrEqual(6)
    const archived = all.body.data.find((p) => p.status === 'archived')
    expect(archived).toMatchObject({
      object: 'organization.project',
      archived_at: expect.any(Number),
      created_at: expect.any(Number),
    })
    expect(active.body.data.every((p) => p.status === 'active' && p.archived_at === null)).toBe(
      true,
    )
  })

  it('pages with after + limit and reports first_id/last_id', async () => {
    const { items, pages } = await readAllItems(sim, '/v1/organization/projects', {
      include_archived: true,
      limit: 1,
    })
    expect(pages).toBe(items.length)
    expect(new Set(items.map((p) => p.id)).size).toBe(items.length)
    const first = await getJson<ListBody>(sim, '/v1/organization/projects', {
      include_archived: true,
      limit: 2,
    })
    expect(first.body.first_id).toBe(first.body.data[0]!.id)
    expect(first.body.last_id).toBe(first.body.data[1]!.id)
    expect((await getJson<ListBody>(sim, '/v1/organization/projects', { limit: 101 })).status).toBe(
      400,
    )
  })

  it('archived project has usage before its archival and none after', async () => {
    const archived = (await allProjects()).find((p) => p.status === 'archived')!
    const day = new Date(archived.archived_at! * 1000).toISOString().slice(0, 10)
    const byProject = sim.truth.costByDayAndProject('2025-02-01', day)
    const spentDays = [...byProject]
      .filter(([, m]) => (m.get(archived.id) ?? 0n) > 0n)
      .map(([d]) => d)
    expect(spentDays.length).toBeGreaterThan(10)
    expect(spentDays.every((d) => d < day)).toBe(true)
  })
})

describe('GET /v1/organization/users', () => {
  it('lists 15–30 users in pages and filters by emails[]', async () => {
    const { items, pages } = await readAllItems(sim, '/v1/organization/users', { limit: 5 })
    expect(items.length).toBeGreaterThanOrEqual(15)
    expect(items.length).toBeLessThanOrEqual(30)
    expect(pages).toBe(Math.ceil(items.length / 5))
    expect(items[0]).toMatchObject({
      object: 'organization.user',
      id: expect.stringMatching(/^user-/),
      email: expect.stringContaining('@'),
      role: expect.stringMatching(/^(owner|reader)$/),
      added_at: expect.any(Number),
    })
    const one = await getJson<ListBody>(sim, '/v1/organization/users', {
      'emails[]': [items[3]!.email],
    })
    expect(one.body.data.map((u) => u.id)).toEqual([items[3]!.id])
    expect(sim.truth.org.users.map((u) => u.email).sort()).toEqual(items.map((u) => u.email).sort())
  })
})

describe('GET /v1/organization/projects/{id}/api_keys', () => {
  it('omits keys of removed owners by default; owner_project_access=any returns all 20–40', async () => {
    const byDefault = await allKeys()
    const any = await allKeys({ owner_project_access: 'any' })
    const inactive = await allKeys({ owner_project_access: 'inactive' })
    expect(any.length).toBeGreaterThanOrEqual(20)
    expect(any.length).toBeLessThanOrEqual(40)
    expect(inactive.length).toBeGreaterThan(0)
    expect(byDefault.length + inactive.length).toBe(any.length)
    expect(any.map((k) => k.id).sort()).toEqual(sim.truth.org.apiKeys.map((k) => k.id).sort())
  })

  it('describes owners as users (with email) or service accounts', async () => {
    const keys = await allKeys({ owner_project_access: 'any' })
    const emails = new Set(sim.truth.org.users.map((u) => u.email))
    const users = keys.filter((k) => k.owner.type === 'user')
    const services = keys.filter((k) => k.owner.type === 'service_account')
    expect(services.length).toBeGreaterThanOrEqual(2)
    expect(
      users.every(
        (k) => emails.has(k.owner.user!.email) && /^(owner|member)$/.test(k.owner.user!.role),
      ),
    ).toBe(true)
    expect(
      services.every(
        (k) => k.owner.service_account!.id.startsWith('svc_acct_') && k.owner.user === undefined,
      ),
    ).toBe(true)
    expect(keys[0]).toMatchObject({
      object: 'organization.project.api_key',
      id: expect.stringMatching(/^key_/),
      redacted_value: expect.stringMatching(/^sk-proj-\w{3}\.\.\.\w{4}$/),
    })
  })

  it('lists project users and service accounts, and 404s an unknown project', async () => {
    const project = (await allProjects()).find((p) => p.name === 'Production API')!
    const users = await readAllItems(sim, `/v1/organization/projects/${project.id}/users`)
    const accounts = await readAllItems(
      sim,
      `/v1/organization/projects/${project.id}/service_accounts`,
    )
    expect(users.items[0]).toMatchObject({
      object: 'organization.project.user',
      role: expect.stringMatching(/^(owner|member)$/),
    })
    expect(accounts.items.map((a) => a.name)).toEqual(['prod-backend', 'prod-worker'])
    const missing = await getJson<ListBody>(sim, '/v1/organization/projects/proj_nope/api_keys')
    expect(missing.status).toBe(404)
    expect(missing.body.error.type).toBe('invalid_request_error')
  })
})
