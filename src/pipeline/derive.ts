// Derived steps after a run's loads: the identity map from its Google Sheet (when configured),
// the exact allocation of vendor totals to identities for the days the run touched, and the
// budgets from config. Each step is reported like a resource (vendor 'derived') and writes
// load records, so `pipeline_runs` and `data_freshness` show it; a failed step fails only
// itself — the vendors' data is already committed, and the next run retries the step.

import { describeError } from '../core/errors.js'
import { deriveAllocations } from './derive-allocation.js'
import { writeBudgets } from './derive-budgets.js'
import { syncIdentitySheet } from './derive-identity-sheet.js'
import {
  DERIVED_VENDOR,
  recordDerivedFailure,
  type DeriveContext,
  type StepResult,
} from './derive-load.js'
import { locateError } from './errors.js'
import type { ResourceOutcome } from './report.js'

export type { DeriveContext, DeriveSettings, StepResult } from './derive-load.js'

/** Runs every derived step after the resources; `outcomes` say which days the run touched. */
export async function runDerivedSteps(
  ctx: DeriveContext,
  outcomes: readonly ResourceOutcome[],
): Promise<ResourceOutcome[]> {
  const steps: ResourceOutcome[] = []
  const sheet = ctx.settings?.identitySheet
  if (sheet) {
    steps.push(await runStep(ctx, 'identity_sheet', () => syncIdentitySheet(ctx, sheet)))
    // Engines that defer commits (BigQuery) must commit the map before later steps read it.
    await ctx.warehouse.flush?.()
  }
  steps.push(await runStep(ctx, 'allocation', () => deriveAllocations(ctx, outcomes)))
  const budgets = ctx.settings?.budgets
  if (budgets) steps.push(await runStep(ctx, 'budgets', () => writeBudgets(ctx, budgets)))
  return steps
}

async function runStep(
  ctx: DeriveContext,
  resource: string,
  step: () => Promise<StepResult>,
): Promise<ResourceOutcome> {
  const started = ctx.clock.now().getTime()
  const outcome: ResourceOutcome = {
    vendor: DERIVED_VENDOR,
    resource,
    status: 'succeeded',
    loads: 0,
    pages: 0,
    rows: 0,
    retries: 0,
    durationMs: 0,
  }
  try {
    Object.assign(outcome, await step())
  } catch (error) {
    const located = locateError(error, { vendor: DERIVED_VENDOR, resource })
    outcome.status = 'failed'
    outcome.error = { code: located.code, message: describeError(located) }
    await recordDerivedFailure(ctx, resource, started, describeError(located))
  }
  outcome.durationMs = ctx.clock.now().getTime() - started
  ctx.logger.info('derive.finished', { ...outcome, error: outcome.error?.message })
  return outcome
}
