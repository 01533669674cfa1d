// The simulated models and their list prices, in exact nano-dollars per token (or per unit for
// server tools). Prices are written as the vendor publishes them ($ per million tokens) and
// divided exactly, so cost = tokens × price never touches a binary float.

import { dollars, type Money } from '../../core/money.js'

export type TokenType =
  | 'uncached_input_tokens'
  | 'output_tokens'
  | 'cache_read_input_tokens'
  | 'cache_creation.ephemeral_5m_input_tokens'
  | 'cache_creation.ephemeral_1h_input_tokens'

export type InferenceGeo = 'global' | 'us' | 'not_available'

export interface ModelInfo {
  id: string
  /** As it appears in cost_report descriptions: "Claude Sonnet 4.5". */
  displayName: string
  /** `not_available` for models released before Feb 2026, per the usage report docs. */
  inferenceGeo: InferenceGeo
  /** Nano-dollars per token, by token type. */
  price: Readonly<Record<TokenType, Money>>
}

export const TOKEN_TYPES: readonly TokenType[] = [
  'uncached_input_tokens',
  'output_tokens',
  'cache_read_input_tokens',
  'cache_creation.ephemeral_5m_input_tokens',
  'cache_creation.ephemeral_1h_input_tokens',
]

/** Cost report description suffix per token type. 5m and 1h cache writes share a description
 *  and differ only by `token_type`, so a consumer keyed on description alone merges them. */
const TOKEN_DESCRIPTIONS: Record<TokenType, string> = {
  uncached_input_tokens: 'Input Tokens',
  output_tokens: 'Output Tokens',
  cache_read_input_tokens: 'Input Tokens, Cache Hit',
  'cache_creation.ephemeral_5m_input_tokens': 'Input Tokens, Cache Write',
  'cache_creation.ephemeral_1h_input_tokens': 'Input Tokens, Cache Write',
}

export function tokenDescription(model: ModelInfo, tokenType: TokenType): string {
  return `${model.displayName} Usage - ${TOKEN_DESCRIPTIONS[tokenType]}`
}

export const WEB_SEARCH_DESCRIPTION = 'Web Search Usage'
export const CODE_EXECUTION_DESCRIPTION = 'Code Execution Usage'

/** $10 per 1,000 searches. */
export const WEB_SEARCH_PRICE = dollars('0.01')
/** $0.05 per container-hour, billed here in tenths of an hour so the unit price stays exact. */
export const CODE_EXECUTION_TENTH_HOUR_PRICE = dollars('0.005')

/** `$ per million tokens` → exact nano-dollars per token (throws if it would not be exact). */
function perMillion(text: string): Money {
  const perMillionNanos = dollars(text)
  if (perMillionNanos % 1_000_000n !== 0n) throw new RangeError(`inexact per-token price ${text}`)
  return (perMillionNanos / 1_000_000n) as Money
}

/** input, output, cache read, 5m write, 1h write — all $/MTok. */
function prices(input: string, output: string, read: string, w5m: string, w1h: string) {
  return {
    uncached_input_tokens: perMillion(input),
    output_tokens: perMillion(output),
    cache_read_input_tokens: perMillion(read),
    'cache_creation.ephemeral_5m_input_tokens': perMillion(w5m),
    'cache_creation.ephemeral_1h_input_tokens': perMillion(w1h),
  }
}

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'claude-opus-4-6',
    displayName: 'Claude Opus 4.6',
    inferenceGeo: 'global',
    price: prices('5', '25', '0.50', '6.25', '10'),
  },
  {
    id: 'claude-opus-4-1-20250805',
    displayName: 'Claude Opus 4.1',
    inferenceGeo: 'not_available',
    price: prices('15', '75', '1.50', '18.75', '30'),
  },
  {
    id: 'claude-sonnet-4-5-20250929',
    displayName: 'Claude Sonnet 4.5',
    inferenceGeo: 'not_available',
    price: prices('3', '15', '0.30', '3.75', '6'),
  },
  {
    id: 'claude-haiku-4-5-20251001',
    displayName: 'Claude Haiku 4.5',
    inferenceGeo: 'not_available',
    price: prices('1', '5', '0.10', '1.25', '2'),
  },
]

export function modelOrThrow(id: string): ModelInfo {
  const model = MODELS.find((m) => m.id === id)
  if (!model) throw new RangeError(`unknown simulated model ${id}`)
  return model
}
