import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { apiKeysResource, projectsResource, usersResource } from './dimensions.js'
import { parseOpenaiJson } from './json.js'

const ctx = { capturedAt: '2026-03-15T10:00:00.000Z' }
const keysList = parseOpenaiJson(
  readFileSync(new URL('./__fixtures__/api-keys-page.json', import.meta.url), 'utf8'),
)
const list = (data: unknown[]) => ({ object: 'list', data, has_more: false })

describe('apiKeysResource.normalize', () => {
  const rows = apiKeysResource.normalize(
    { page: 1, body: { project_id: 'proj_abc', list: keysList } },
    ctx,
  ).openai_api_keys!

  it('maps a user-owned key to its owner, lower-casing the email', () => {
    expect(rows[0]).toMatchObject({
      id: 'key_111',
      project_id: 'proj_abc',
      owner_type: 'user',
      owner_user_id: 'user-1',
      owner_user_email: 'ada.lovelace@example.com',
      owner_project_access: 'inactive',
      created_at: '2025-10-09T08:53:20.000Z',
      last_used_at: null,
    })
  })

  it('maps a service-account key to the account, with no user', () => {
    expect(rows[1]).toMatchObject({
      owner_type: 'service_account',
      owner_user_id: null,
      owner_service_account_id: 'svc_acct_9',
      owner_name: 'batch-worker',
    })
  })
})

describe('projects and users', () => {
  it('keeps archived projects with their archival time', () => {
    const body = list([
      { id: 'proj_1', name: 'Legacy', created_at: 1, archived_at: 86_400, status: 'archived' },
    ])
    const [row] = projectsResource.normalize({ page: 1, body }, ctx).openai_projects!
    expect(row).toMatchObject({ status: 'archived', archived_at: '1970-01-02T00:00:00.000Z' })
  })

  it('lower-cases user emails and stamps last_seen_at', () => {
    const body = list([{ id: 'user-1', email: 'Bob@Example.COM', role: 'reader', added_at: 0 }])
    const [row] = usersResource.normalize({ page: 1, body }, ctx).openai_users!
    expect(row).toMatchObject({ email: 'bob@example.com', last_seen_at: ctx.capturedAt })
  })
})
