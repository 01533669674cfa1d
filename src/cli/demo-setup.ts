// What the demo sets up besides the simulators: the organization's identity map (written next
// to the demo database as a CSV anyone can open, then imported exactly as `ai-usage import
// identity-map` would) and a few budgets, so every finance and adoption view has rows.

import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Clock } from '../core/clock.js'
import { addDays, type Day } from '../core/days.js'
import type { Logger } from '../core/logger.js'
import { budgetsSchema, type BudgetConfig } from '../identity/config.js'
import { demoIdentityMapCsv, type DemoExtraIdentity } from '../identity/demo-map.js'
import { runImport } from '../imports/run.js'
import { syntheticPeople } from '../simulators/anthropic/people.js'
import type { Warehouse } from '../warehouse/warehouse.js'

/** The simulators' default seed: their people are the map's people. */
const DEMO_SEED = 42

export const DEMO_BUDGETS: readonly BudgetConfig[] = budgetsSchema.parse([
  { scope: 'total', period: 'month', amountUsd: '25000' },
  { scope: 'provider', name: 'anthropic', period: 'month', amountUsd: '12000' },
  { scope: 'team', name: 'platform', period: 'quarter', amountUsd: '15000' },
])

/** Writes `<db folder>/demo-identity-map.csv` and imports it; returns the file's path. */
export async function importDemoIdentityMap(
  deps: { warehouse: Warehouse; clock: Clock; logger: Logger },
  dbPath: string,
  to: Day,
  extras: readonly DemoExtraIdentity[] = [],
): Promise<string> {
  const path = join(dirname(dbPath), 'demo-identity-map.csv')
  writeFileSync(path, demoIdentityMapCsv(syntheticPeople(DEMO_SEED), addDays(to, -13), extras))
  await runImport(deps, { kind: 'identity-map', path })
  return path
}
