// Completions facts for one project-day: each used key spends its share on its models; a
// service-account key sends the project's batch models through the Batch API, and flex models
// run half on the flex tier. Token counts come from a per-request profile, so a budget becomes
// plausible request, input, cached and output counts (input is stored as cached + uncached).

import type { Random } from '../shared/random.js'
import type { ProjectDay, UsedKey } from './generate.js'
import type { UsageFact } from './kinds.js'
import { chatModelOrThrow, type ChatModel, type ServiceTier } from './models.js'
import { ownerUserId } from './org-keys.js'

interface Call {
  model: ChatModel
  isBatch: boolean
  tier: ServiceTier
  budgetNanos: number
}

export function completionsFacts(ctx: ProjectDay, budgetNanos: number): UsageFact[] {
  return ctx.keys.flatMap((used) =>
    keyCalls(ctx, used, budgetNanos * used.share).flatMap((call) =>
      toFact(ctx.rng, used, ctx, call),
    ),
  )
}

function keyCalls(ctx: ProjectDay, used: UsedKey, budgetNanos: number): Call[] {
  const { profile } = ctx.project
  const weights = used.key.models.map(() => 0.2 + ctx.rng.next())
  const weightSum = weights.reduce((s, w) => s + w, 0)
  return used.key.models.flatMap((alias, i) => {
    const share = (budgetNanos * (weights[i] ?? 0)) / weightSum
    const model = chatModelOrThrow(alias)
    const isBatch = used.key.owner.type === 'service_account' && profile.batchModels.includes(alias)
    if (!profile.flexModels.includes(alias))
      return [{ model, isBatch, tier: 'default' as const, budgetNanos: share }]
    return [
      { model, isBatch, tier: 'default' as const, budgetNanos: share / 2 },
      { model, isBatch, tier: 'flex' as const, budgetNanos: share / 2 },
    ]
  })
}

function toFact(rng: Random, used: UsedKey, ctx: ProjectDay, call: Call): UsageFact[] {
  const { model } = call
  const isDiscounted = call.isBatch || call.tier === 'flex'
  const inPerRequest = Math.round(model.inputPerRequest * (0.6 + 0.8 * rng.next()))
  const outPerRequest = Math.round(model.outputPerRequest * (0.6 + 0.8 * rng.next()))
  // Discounted requests carry no cached tokens (see models.ts).
  const cachedShare = isDiscounted ? 0 : 0.1 + 0.55 * rng.next()
  const half = isDiscounted ? 0.5 : 1
  const perRequest =
    inPerRequest *
      ((1 - cachedShare) * Number(model.input) * half + cachedShare * Number(model.cachedInput)) +
    outPerRequest * Number(model.output) * half
  const requests = Math.round(call.budgetNanos / perRequest)
  if (requests < 1) return []
  const input = requests * inPerRequest
  const cached = Math.floor(input * cachedShare)
  return [
    {
      kind: 'completions',
      dims: {
        project_id: ctx.project.id,
        user_id: ownerUserId(used.key),
        api_key_id: used.key.id,
        model: model.snapshot,
        batch: call.isBatch,
        service_tier: call.tier,
      },
      metrics: {
        input_uncached_tokens: input - cached,
        input_cached_tokens: cached,
        output_tokens: requests * outPerRequest + rng.int(0, requests),
        input_audio_tokens: 0,
        output_audio_tokens: 0,
        num_model_requests: requests,
      },
    },
  ]
}
