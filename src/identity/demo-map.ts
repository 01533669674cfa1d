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

/** An identity a vendor simulator knows beyond the shared people (a login, another email, a
 *  service key with no person). */
export interface DemoExtraIdentity {
  identity: string
  email?: string
  name?: string
}

/** CSV for `ai-usage import identity-map`; `moveOn` is the day the third person changes team. */
export function demoIdentityMapCsv(
  people: readonly DemoPerson[],
  moveOn: Day,
  extras: readonly DemoExtraIdentity[] = [],
): string {
  const rows = [['identity', 'provider', 'email', 'team', 'name', 'valid_from']]
  for (const p of people) rows.push([p.email, '', p.email, p.team, p.name, ''])
  const mover = people[2]
  const newTeam = mover && [...new Set(people.map((p) => p.team))].find((t) => t !== mover.team)
  if (mover && newTeam) rows.push([mover.email, '', mover.email, newTeam, mover.name, moveOn])
  const domain = people[0]?.email.split('@')[1] ?? 'example.com'
  for (const [key, team] of Object.entries(SERVICE_KEY_TEAMS)) {
    rows.push([key, '', `${team}-team@${domain}`, team, `${team} team (shared)`, ''])
  }
  rows.push(...extraRows(people, extras, domain))
  return rows.map((r) => r.join(',')).join('\n') + '\n'
}

/** A login or email of a known person joins that person's team; anyone else (and any service
 *  key) gets a team picked by a stable hash, so the demo's map is the same on every run. */
function extraRows(
  people: readonly DemoPerson[],
  extras: readonly DemoExtraIdentity[],
  domain: string,
) {
  const byEmail = new Map(people.map((p) => [p.email, p]))
  const teams = [...new Set(people.map((p) => p.team))].sort()
  const seen = new Set(people.map((p) => p.email))
  const rows: string[][] = []
  for (const x of extras) {
    if (seen.has(x.identity) || teams.length === 0) continue
    seen.add(x.identity)
    const email = x.email?.toLowerCase()
    const team =
      (email && byEmail.get(email)?.team) ?? teams[stableIndex(x.identity, teams.length)]!
    const name = (x.name ?? '').replace(/,/g, ' ')
    rows.push([x.identity, '', email ?? `${team}-team@${domain}`, team, name, ''])
  }
  return rows
}

function stableIndex(text: string, size: number): number {
  let h = 0
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return h % size
}
