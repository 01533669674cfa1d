import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAnthropicSimulator, type AnthropicSimulator } from './index.js'
import { createTestClock, getJson, type ErrorBody, type Params } from './test-helpers.js'

const clock = createTestClock('2026-03-15T10:00:00Z')
const KEYS = '/v1/organizations/api_keys'
const WORKSPACES = '/v1/organizations/workspaces'
const USERS = '/v1/organizations/users'
let sim: AnthropicSimulator

interface Item {
  id: string
  [field: string]: unknown
}
interface ListPage {
  data: Item[]
  has_more: boolean
  first_id: string | null
  last_id: string | null
}

beforeAll(async () => {
  sim = await startAnthropicSimulator({ now: clock.now })
})
afterAll(() => sim.close())

async function readForward(
  path: string,
  params: Params,
): Promise<{ items: Item[]; pages: ListPage[] }> {
  const pages: ListPage[] = []
  let after: string | undefined
  do {
    const res = await getJson<ListPage>(sim, path, { ...params, after_id: after })
    expect(res.status).toBe(200)
    pages.push(res.body)
    after = res.body.last_id ?? undefined
  } while (pages[pages.length - 1]!.has_more)
  return { items: pages.flatMap((p) => p.data), pages }
}

describe('api_keys', () => {
  it('pages by id cursor and reads every key exactly once', async () => {
    const { items, pages } = await readForward(KEYS, { limit: 7 })
    const ids = items.map((k) => k.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids)).toEqual(new Set(sim.truth.org.apiKeys.map((k) => k.id)))
    expect(pages.length).toBe(Math.ceil(ids.length / 7))
    for (const page of pages) {
      expect(page.first_id).toBe(page.data[0]!.id)
      expect(page.last_id).toBe(page.data[page.data.length - 1]!.id)
    }
  })

  it('pages backwards with before_id to the same items', async () => {
    const { items } = await readForward(KEYS, { limit: 1000 })
    const back: Item[] = []
    let before = items[items.length - 1]!.id
    let hasMore = true
    while (hasMore) {
      const res = await getJson<ListPage>(sim, KEYS, { limit: 5, before_id: before })
      back.unshift(...res.body.data)
      hasMore = res.body.has_more
      if (res.body.first_id) before = res.body.first_id
    }
    expect([...back, items[items.length - 1]]).toEqual(items)
  })

  it('serves 20 by default and rejects limits outside 1–1000', async () => {
    expect((await getJson<ListPage>(sim, KEYS)).body.data).toHaveLength(20)
    for (const limit of [0, 1001]) expect((await getJson(sim, KEYS, { limit })).status).toBe(400)
    const both = await getJson<ErrorBody>(sim, KEYS, {
      after_id: 'apikey_01a',
      before_id: 'apikey_01b',
    })
    expect(both.status).toBe(400)
  })

  it('has an org of 30–50 keys, most in Default, some archived and some without creator', async () => {
    const keys = (await readForward(KEYS, { limit: 1000 })).items
    expect(keys.length).toBeGreaterThanOrEqual(30)
    expect(keys.length).toBeLessThanOrEqual(50)
    const perWorkspace = new Map<unknown, number>()
    for (const k of keys)
      perWorkspace.set(k.workspace_id, (perWorkspace.get(k.workspace_id) ?? 0) + 1)
    expect(Math.max(...perWorkspace.values())).toBe(perWorkspace.get(null))
    expect(keys.some((k) => k.created_by === null)).toBe(true)
    expect(keys.some((k) => k.principal === null)).toBe(true)
    expect(
      keys.every(
        (k) =>
          /^apikey_01/.test(k.id) &&
          /^sk-ant-api03-.{3}\.\.\..{4}$/.test(k.partial_key_hint as string),
      ),
    ).toBe(true)
  })

  it('filters by status, workspace and creator', async () => {
    const archived = (await readForward(KEYS, { status: 'archived' })).items
    expect(archived.length).toBe(2)
    const legacy = sim.truth.org.workspaces.find((w) => w.archivedAt !== null)!
    expect(archived.every((k) => k.status === 'archived' && k.workspace_id === legacy.id)).toBe(
      true,
    )
    const cc = sim.truth.org.claudeCodeWorkspaceId
    const inCc = (await readForward(KEYS, { workspace_id: cc })).items
    expect(inCc.length).toBe(sim.truth.org.apiKeys.filter((k) => k.workspaceId === cc).length)
    const admin = sim.truth.org.users.find((u) => u.role === 'admin')!
    const byAdmin = (await readForward(KEYS, { created_by_user_id: admin.id })).items
    expect(byAdmin.every((k) => (k.created_by as { id: string }).id === admin.id)).toBe(true)
    expect((await getJson(sim, KEYS, { status: 'deleted' })).status).toBe(400)
  })
})

describe('workspaces and users', () => {
  it('lists named workspaces only (Default has no id), archived ones on request', async () => {
    const active = (await readForward(WORKSPACES, {})).items
    const all = (await readForward(WORKSPACES, { include_archived: 'true' })).items
    expect(active.map((w) => w.name)).toContain('Claude Code')
    expect(active.every((w) => w.archived_at === null && /^wrkspc_01/.test(w.id))).toBe(true)
    expect(all.length).toBe(active.length + 1)
    expect(active.length).toBeGreaterThanOrEqual(2)
  })

  it('lists every user once, with filters by email and role', async () => {
    const users = (await readForward(USERS, { limit: 10 })).items
    expect(users.length).toBe(sim.truth.people.length)
    expect(new Set(users.map((u) => u.email))).toEqual(
      new Set(sim.truth.people.map((p) => p.email)),
    )
    const someone = sim.truth.people[3]!
    const found = await getJson<ListPage>(sim, USERS, { email: someone.email })
    expect(found.body.data.map((u) => u.name)).toEqual([someone.name])
    const admins = await getJson<ListPage>(sim, USERS, { 'roles[]': 'admin' })
    expect(admins.body.data.map((u) => u.role)).toEqual(['admin'])
    expect((await getJson(sim, USERS, { roles: 'admin' })).status).toBe(400)
  })
})
