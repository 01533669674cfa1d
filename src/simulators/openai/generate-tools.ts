// Facts for the non-completions usage endpoints of one project-day. Each tool the project's
// profile lists gets its permille of the project's budget, turned into counts through the price
// list; moderations (free) follow the project's completions volume and vector storage is a stock
// that grows day by day, so neither depends on the budget.

import { diffDays, maxDay } from '../../core/days.js'
import type { ProjectDay, UsedKey } from './generate.js'
import type { Dim, DimValue, UsageFact, UsageKind } from './kinds.js'
import {
  CODE_INTERPRETER_PER_SESSION,
  EMBEDDING_PRICES,
  FILE_SEARCH_PER_CALL,
  IMAGE_SKUS,
  MODERATION_MODEL,
  SPEECH_MODEL,
  TRANSCRIPTION_MODEL,
  WEB_SEARCH_PER_CALL,
  chatModelOrThrow,
} from './models.js'
import { ownerUserId } from './org-keys.js'

type Generator = (
  ctx: ProjectDay,
  budgetNanos: number,
  completions: readonly UsageFact[],
) => UsageFact[]

export function toolFacts(ctx: ProjectDay, completions: readonly UsageFact[]): UsageFact[] {
  return Object.entries(ctx.project.profile.tools).flatMap(([kind, permille]) =>
    GENERATORS[kind as UsageKind](ctx, (ctx.budgetNanos * permille) / 1000, completions),
  )
}

function keyFact(
  ctx: ProjectDay,
  used: UsedKey,
  kind: UsageKind,
  dims: Partial<Record<Dim, DimValue>>,
  metrics: Record<string, number>,
): UsageFact {
  const keyDims = {
    project_id: ctx.project.id,
    user_id: ownerUserId(used.key),
    api_key_id: used.key.id,
  }
  return { kind, dims: { ...keyDims, ...dims }, metrics }
}

/** Runs `make` once per used key with that key's share of `budgetNanos`. */
function perKey(
  ctx: ProjectDay,
  budgetNanos: number,
  make: (used: UsedKey, nanos: number) => UsageFact[],
): UsageFact[] {
  return ctx.keys.flatMap((used) => make(used, budgetNanos * used.share))
}

const count = (nanos: number, price: bigint) => Math.round(nanos / Number(price))

const embeddings: Generator = (ctx, budget) =>
  perKey(ctx, budget, (used, nanos) => {
    const model = ctx.rng.chance(0.2) ? 'text-embedding-3-large' : 'text-embedding-3-small'
    const tokens = count(nanos, EMBEDDING_PRICES[model] ?? 1n)
    const requests = Math.max(1, Math.round(tokens / ctx.rng.int(400, 4000)))
    return tokens < 1
      ? []
      : [
          keyFact(
            ctx,
            used,
            'embeddings',
            { model },
            { input_tokens: tokens, num_model_requests: requests },
          ),
        ]
  })

const moderations: Generator = (ctx, _budget, completions) =>
  ctx.keys.flatMap((used) => {
    const own = completions.filter((f) => f.dims.api_key_id === used.key.id)
    const requests = Math.floor(
      own.reduce((s, f) => s + (f.metrics.num_model_requests ?? 0), 0) *
        (0.05 + 0.1 * ctx.rng.next()),
    )
    const metrics = { input_tokens: requests * ctx.rng.int(120, 400), num_model_requests: requests }
    return requests < 1
      ? []
      : [keyFact(ctx, used, 'moderations', { model: MODERATION_MODEL }, metrics)]
  })

const images: Generator = (ctx, budget) =>
  perKey(ctx, budget, (used, nanos) =>
    IMAGE_SKUS.filter(() => ctx.rng.chance(0.6)).flatMap((sku) => {
      const n = count(nanos / 2, sku.perImage)
      const requests = n - Math.floor(n * 0.2 * ctx.rng.next())
      const dims = { model: sku.model, size: sku.size, source: sku.source }
      return n < 1
        ? []
        : [keyFact(ctx, used, 'images', dims, { images: n, num_model_requests: requests })]
    }),
  )

const audioSpeeches: Generator = (ctx, budget) =>
  perKey(ctx, budget, (used, nanos) => {
    const characters = count(nanos, SPEECH_MODEL.perCharacter)
    const metrics = {
      characters,
      num_model_requests: Math.ceil(characters / ctx.rng.int(300, 1500)),
    }
    return characters < 1
      ? []
      : [keyFact(ctx, used, 'audio_speeches', { model: SPEECH_MODEL.model }, metrics)]
  })

const audioTranscriptions: Generator = (ctx, budget) =>
  perKey(ctx, budget, (used, nanos) => {
    const seconds = count(nanos, TRANSCRIPTION_MODEL.perSecond)
    const metrics = { seconds, num_model_requests: Math.ceil(seconds / ctx.rng.int(30, 240)) }
    return seconds < 1
      ? []
      : [keyFact(ctx, used, 'audio_transcriptions', { model: TRANSCRIPTION_MODEL.model }, metrics)]
  })

const codeInterpreter: Generator = (ctx, budget) => {
  const sessions = count(budget, CODE_INTERPRETER_PER_SESSION)
  const fact: UsageFact = {
    kind: 'code_interpreter_sessions',
    dims: { project_id: ctx.project.id },
    metrics: { num_sessions: sessions },
  }
  return sessions < 1 ? [] : [fact]
}

const fileSearch: Generator = (ctx, budget) => {
  const stores = ctx.org.vectorStores.filter((s) => s.projectId === ctx.project.id)
  if (stores.length === 0) return []
  return perKey(ctx, budget, (used, nanos) => {
    const calls = count(nanos, FILE_SEARCH_PER_CALL)
    const dims = { vector_store_id: ctx.rng.pick(stores).id }
    return calls < 1 ? [] : [keyFact(ctx, used, 'file_search_calls', dims, { num_requests: calls })]
  })
}

const webSearch: Generator = (ctx, budget) =>
  perKey(ctx, budget, (used, nanos) => {
    const calls = count(nanos, WEB_SEARCH_PER_CALL)
    const model = chatModelOrThrow(ctx.rng.pick(used.key.models)).snapshot
    const dims = { model, context_level: ctx.rng.pick(['low', 'medium', 'medium', 'high']) }
    const metrics = {
      num_requests: calls,
      num_model_requests: Math.max(1, Math.round(calls * (0.6 + 0.4 * ctx.rng.next()))),
    }
    return calls < 1 ? [] : [keyFact(ctx, used, 'web_search_calls', dims, metrics)]
  })

/** Bytes stored in each of the project's vector stores that day (not budget-driven). */
const vectorStores: Generator = (ctx) =>
  ctx.org.vectorStores
    .filter((s) => s.projectId === ctx.project.id)
    .map((store) => {
      const age = diffDays(maxDay(ctx.project.createdDay, ctx.org.historyStart), ctx.day)
      const usage_bytes = store.initialBytes + store.bytesPerDay * age
      return {
        kind: 'vector_stores',
        dims: { project_id: ctx.project.id },
        metrics: { usage_bytes },
      }
    })

const GENERATORS: Record<UsageKind, Generator> = {
  completions: () => [],
  embeddings,
  moderations,
  images,
  audio_speeches: audioSpeeches,
  audio_transcriptions: audioTranscriptions,
  vector_stores: vectorStores,
  code_interpreter_sessions: codeInterpreter,
  file_search_calls: fileSearch,
  web_search_calls: webSearch,
}
