import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PipelineError } from '../../core/errors.js'
import {
  BREAKDOWN_TABLE,
  normalizeAggregatePage,
  normalizeUsersPage,
  ORG_TABLE,
  USER_MODEL_TABLE,
  USER_TABLE,
} from './normalize.js'
import type { GithubScope } from './scope.js'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'))
const window = { from: '2026-03-10', to: '2026-03-10' }
const scope: GithubScope = { kind: 'organization', owner: 'northwind-labs' }

describe('normalizeAggregatePage', () => {
  const rows = normalizeAggregatePage({ page: 1, window, body: fixture('org-report.json') }, scope)
  const org = rows[ORG_TABLE]![0]!

  it('types the headline counters, CLI and pull-request figures', () => {
    expect(org).toMatchObject({
      usage_date: '2026-03-10',
      owner: 'northwind-labs',
      scope_type: 'organization',
      scope_id: '72311587',
      daily_active_users: 15,
      code_generation_activity_count: 94,
      cli_request_count: 13,
      cli_prompt_tokens: 45889,
      pr_total_created: 16,
      pr_median_minutes_to_merge: '175.500000000',
    })
  })

  it('stores a counter the report leaves out as NULL, not 0', () => {
    expect(org.loc_deleted_sum).toBeNull()
    expect(org.loc_added_sum).toBe(311)
  })

  it('keeps every totals_by_* row in long form, dimensions not used left NULL', () => {
    const breakdown = rows[BREAKDOWN_TABLE]!
    expect(breakdown.map((r) => r.breakdown)).toEqual([
      'ide',
      'ide',
      'feature',
      'feature',
      'language_feature',
      'model_feature',
    ])
    const ide = breakdown[0]!
    expect(ide).toMatchObject({ ide: 'jetbrains', feature: null, model: null, loc_added_sum: 153 })
    expect(breakdown[4]!.user_initiated_interaction_count).toBeNull()
    expect(new Set(breakdown.map((r) => `${String(r.breakdown)} ${String(r.line_key)}`)).size).toBe(
      6,
    )
  })

  it('refuses a document dated another day than the one requested', () => {
    const page = { page: 1, window: { from: '2026-03-11', to: '2026-03-11' } }
    let error: unknown
    try {
      normalizeAggregatePage({ ...page, body: fixture('org-report.json') }, scope)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PipelineError)
    expect((error as PipelineError).code).toBe('SOURCE_PAYLOAD')
    expect((error as PipelineError).message).toMatch(/dated 2026-03-10, not the requested day/)
  })
})

describe('normalizeUsersPage', () => {
  const rows = normalizeUsersPage({ page: 2, window, body: fixture('users-report.json') }, scope)

  it('makes one row per user with the used_* flags and lower-cased login', () => {
    const users = rows[USER_TABLE]!
    expect(users.map((u) => [u.user_id, u.user_login])).toEqual([
      [30156001, 'priyaberg'],
      [83239723, 'felixortiz'],
    ])
    expect(users[0]).toMatchObject({ used_cli: true, used_chat: true, cli_request_count: 4 })
    expect(users[1]).toMatchObject({ used_cli: false, cli_request_count: null })
    expect(users[1]!.used_copilot_coding_agent).toBeNull()
  })

  it('turns totals_by_model_feature into per-user model rows', () => {
    const models = rows[USER_MODEL_TABLE]!
    expect(models.map((m) => [m.user_login, m.model, m.feature])).toEqual([
      ['priyaberg', 'gemini-2.5-pro', 'chat_inline'],
      ['priyaberg', 'gpt-4o-copilot', 'code_completion'],
      ['felixortiz', 'gpt-4o-copilot', 'code_completion'],
    ])
  })

  it('names the line and field of a malformed line', () => {
    const body = [{ user_login: 'x', day: '2026-03-10' }]
    expect(() => normalizeUsersPage({ page: 3, window, body }, scope)).toThrow(/at 0\.user_id/)
  })
})
