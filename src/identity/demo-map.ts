// The demo's identity map: every synthetic person (the simulators share them) in their team,
// the simulated service keys charged to their team's shared address (<team>-team@…), and one
// person who moves team partway through the window — so the demo's views show team spend,
// 'Unmapped' spend (keys no row names) and a re-attribution that starts on its valid_from day.

import type { Day } from '../core/days.js'

export interface DemoPerson {
  email: string
  name: string
  team: string
}

/** Simulated service keys (by name, any provider) and the team that pays for them. */
const SERVICE_KEY_TEAMS: Readonly<Record<string, string>> = {
  'prod-backend': 'product',
  'staging-backend': 'product',
  'support-bot': 'product',
  'github-actions': 'platform',
  'claude-review-bot': 'platform',
  'eval-harness': 'ml-research',
  'notebook-shared': 'data',
}

/** CSV for `ai-usage import identity-map`; `moveOn` is the day the third person changes team. */
export function demoIdentityMapCsv(people: readonly DemoPerson[], moveOn: Day): string {
  const rows = [['identity', 'provider', 'email', 'team', 'name', 'valid_from']]
  for (const p of people) rows.push([p.email, '', p.email, p.team, p.name, ''])
  const mover = people[2]
  const newTeam = mover && [...new Set(people.map((p) => p.team))].find((t) => t !== mover.team)
  if (mover && newTeam) rows.push([mover.email, '', mover.email, newTeam, mover.name, moveOn])
  const domain = people[0]?.email.split('@')[1] ?? 'example.com'
  for (const [key, team] of Object.entries(SERVICE_KEY_TEAMS)) {
    rows.push([key, '', `${team}-team@${domain}`, team, `${team} team (shared)`, ''])
  }
  return rows.map((r) => r.join(',')).join('\n') + '\n'
}
