// Cost lines (what `/v1/organization/costs` bills) derived from the SAME usage facts the usage
// endpoints serve, through the exact price list. Line item labels follow the forms seen in the
// wild ("gpt-5-2025-08-07, input", "web search tool calls"); the batch/flex labels are ours.
// Vector storage is a stock billed per store-day once the day is over; moderation is free.

import type { Money } from '../../core/money.js'
import type { UsageFact } from './kinds.js'
import {
  CODE_INTERPRETER_PER_SESSION,
  EMBEDDING_PRICES,
  FILE_SEARCH_PER_CALL,
  IMAGE_SKUS,
  SPEECH_MODEL,
  TRANSCRIPTION_MODEL,
  VECTOR_STORAGE_PER_GB_DAY,
  WEB_SEARCH_PER_CALL,
  chatModelOrThrow,
  discounted,
} from './models.js'

export interface CostLine {
  projectId: string
  apiKeyId: string | null
  lineItem: string
  /** In the line's billing unit, times 10^quantityScale (vector storage: byte-days, shown as GB-days). */
  quantity: number
  quantityScale: 0 | 9
  amount: Money
}

export function costLinesOf(facts: readonly UsageFact[], isDayOver: boolean): CostLine[] {
  return facts.flatMap((fact) => linesOf(fact, isDayOver)).filter((line) => line.quantity > 0)
}

function linesOf(fact: UsageFact, isDayOver: boolean): CostLine[] {
  const m = (name: string) => fact.metrics[name] ?? 0
  const line = (lineItem: string, quantity: number, unitPrice: bigint): CostLine => ({
    projectId: String(fact.dims.project_id),
    apiKeyId: typeof fact.dims.api_key_id === 'string' ? fact.dims.api_key_id : null,
    lineItem,
    quantity,
    quantityScale: 0,
    amount: (BigInt(quantity) * unitPrice) as Money,
  })
  const model = String(fact.dims.model)
  switch (fact.kind) {
    case 'completions':
      return completionLines(fact, line)
    case 'embeddings':
      return [line(model, m('input_tokens'), EMBEDDING_PRICES[model] ?? 0n)]
    case 'images':
      return [line(`${model}, ${String(fact.dims.size)}`, m('images'), imagePrice(fact))]
    case 'audio_speeches':
      return [line(model, m('characters'), SPEECH_MODEL.perCharacter)]
    case 'audio_transcriptions':
      return [line(model, m('seconds'), TRANSCRIPTION_MODEL.perSecond)]
    case 'code_interpreter_sessions':
      return [line('code interpreter sessions', m('num_sessions'), CODE_INTERPRETER_PER_SESSION)]
    case 'file_search_calls':
      return [line('file search tool calls', m('num_requests'), FILE_SEARCH_PER_CALL)]
    case 'web_search_calls':
      return [line('web search tool calls', m('num_requests'), WEB_SEARCH_PER_CALL)]
    case 'vector_stores':
      return isDayOver ? [storageLine(line('vector store storage', m('usage_bytes'), 0n))] : []
    case 'moderations':
      return []
  }
}

type LineMaker = (lineItem: string, quantity: number, unitPrice: bigint) => CostLine

function completionLines(fact: UsageFact, line: LineMaker): CostLine[] {
  const model = chatModelOrThrow(String(fact.dims.model))
  const isDiscounted = fact.dims.batch === true || fact.dims.service_tier === 'flex'
  const tier =
    fact.dims.batch === true ? 'batch ' : fact.dims.service_tier === 'flex' ? 'flex ' : ''
  const price = (p: Money) => (isDiscounted ? discounted(p) : p)
  return [
    line(
      `${model.snapshot}, ${tier}input`,
      fact.metrics.input_uncached_tokens ?? 0,
      price(model.input),
    ),
    line(
      `${model.snapshot}, cached input`,
      fact.metrics.input_cached_tokens ?? 0,
      model.cachedInput,
    ),
    line(`${model.snapshot}, ${tier}output`, fact.metrics.output_tokens ?? 0, price(model.output)),
  ]
}

function imagePrice(fact: UsageFact): bigint {
  const sku = IMAGE_SKUS.find(
    (s) =>
      s.model === fact.dims.model && s.size === fact.dims.size && s.source === fact.dims.source,
  )
  return sku?.perImage ?? 0n
}

const BYTES_PER_GB = 1_000_000_000n

/** A byte-day costs a fraction of a nano-dollar: one rounding (half up) per store-day. */
function storageLine(base: CostLine): CostLine {
  const scaled = BigInt(base.quantity) * VECTOR_STORAGE_PER_GB_DAY
  const amount = (scaled + BYTES_PER_GB / 2n) / BYTES_PER_GB
  return { ...base, apiKeyId: null, quantityScale: 9, amount: amount as Money }
}
