// The budgets step: config budgets → one row per period in the `budgets` table, rewritten whole
// (replace over every possible period_start) so a budget removed from config disappears. The
// budget_burn view joins these rows to actual spend.

import type { Clock } from '../core/clock.js'
import { dayOf } from '../core/days.js'
import { newRunId } from '../core/ids.js'
import type { Logger } from '../core/logger.js'
import { budgetRow, expandBudgets } from '../identity/budgets.js'
import type { BudgetConfig } from '../identity/config.js'
import type { Warehouse } from '../warehouse/warehouse.js'
import { loadDerived, type DeriveContext, type StepResult } from './derive-load.js'

export const BUDGETS_TABLE = 'budgets'
const ALL_PERIODS = { from: '0001-01-01', to: '9999-12-31', column: 'period_start' }

export async function writeBudgets(
  ctx: DeriveContext,
  budgets: readonly BudgetConfig[],
): Promise<StepResult> {
  const periods = expandBudgets(budgets, dayOf(ctx.clock.now()))
  const table = {
    table: BUDGETS_TABLE,
    disposition: 'replace_window' as const,
    primaryKey: ['budget_id', 'period_start'],
    window: ALL_PERIODS,
    rows: periods.map(budgetRow),
  }
  const rows = await loadDerived(ctx, 'budgets', [table])
  return { loads: 1, rows, note: `${budgets.length} budgets, ${periods.length} periods` }
}

/** The same write outside a run (e.g. right after `ai-usage migrate`), with its own run id. */
export async function writeBudgetsNow(
  deps: { warehouse: Warehouse; clock: Clock; logger: Logger },
  budgets: readonly BudgetConfig[],
): Promise<StepResult> {
  let seq = 0
  const runId = newRunId(deps.clock.now())
  return writeBudgets({ ...deps, runId, nextLoadSeq: () => ++seq }, budgets)
}
