import { describe, expect, it } from 'vitest'
import { promptingLogins } from './premium-candidates.js'

const line = (login: string, prompts: number | null, models: [string, number][], cli = false) => ({
  user_login: login,
  user_initiated_interaction_count: prompts,
  used_cli: cli,
  totals_by_model_feature: models.map(([model, n]) => ({
    model,
    user_initiated_interaction_count: n,
  })),
})

const files = [
  [
    line('Ana', 3, [['claude-opus-4.1', 3]]),
    line('bo', 2, [['gpt-4.1', 2]]),
    line('cy', 0, [['gpt-4o-copilot', 0]]),
  ],
  [line('dee', 0, [], true), line('eve', null, [])],
]

describe('promptingLogins', () => {
  it('asks only users who prompted a billed model, CLI users, and lines without counters', () => {
    const billed = new Set(['claude-opus-4.1'])
    expect(promptingLogins(files, billed)).toEqual(['ana', 'dee', 'eve'])
  })

  it('does not narrow when a billed model never appears under that id in the report', () => {
    const billed = new Set(['claude-opus-4.1', 'some-renamed-model'])
    expect(promptingLogins(files, billed)).toEqual(['ana', 'bo', 'dee', 'eve'])
  })
})
