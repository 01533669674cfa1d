// The simulated OpenAI price list, in exact nano-dollars per billing unit. Prices are written as
// OpenAI publishes them ($ per million tokens, $ per call…) and divided exactly, so every cost
// line is an integer product and never touches a binary float. Batch and flex requests are
// billed at half the input/output price and carry no cached tokens (half of some cached prices
// is not a whole nano-dollar).

import { dollars, type Money } from '../../core/money.js'

export type ServiceTier = 'default' | 'flex'

export interface ChatModel {
  /** The id requests name ('gpt-5'); usage reports and line items use `snapshot`. */
  alias: string
  snapshot: string
  input: Money
  cachedInput: Money
  output: Money
  /** Typical tokens per request, to turn a spend budget into plausible counts. */
  inputPerRequest: number
  outputPerRequest: number
}

/** `$ per million units` → exact nano-dollars per unit (throws if it would not be exact). */
export function perMillion(text: string): Money {
  const nanos = dollars(text)
  if (nanos % 1_000_000n !== 0n) throw new RangeError(`inexact per-unit price ${text}`)
  return (nanos / 1_000_000n) as Money
}

/** Half price, exactly (batch and flex). */
export function discounted(price: Money): Money {
  if (price % 2n !== 0n) throw new RangeError('discounted price would not be exact')
  return (price / 2n) as Money
}

function chat(
  alias: string,
  snapshot: string,
  prices: [string, string, string],
  perReq: [number, number],
): ChatModel {
  const [input, cachedInput, output] = prices.map(perMillion) as [Money, Money, Money]
  return {
    alias,
    snapshot,
    input,
    cachedInput,
    output,
    inputPerRequest: perReq[0],
    outputPerRequest: perReq[1],
  }
}

export const CHAT_MODELS: readonly ChatModel[] = [
  chat('gpt-5', 'gpt-5-2025-08-07', ['1.25', '0.125', '10'], [3200, 900]),
  chat('gpt-5-mini', 'gpt-5-mini-2025-08-07', ['0.25', '0.025', '2'], [2200, 600]),
  chat('gpt-4o-mini', 'gpt-4o-mini-2024-07-18', ['0.15', '0.075', '0.60'], [1400, 350]),
  chat('o4-mini', 'o4-mini-2025-04-16', ['1.10', '0.275', '4.40'], [2600, 1600]),
  chat('gpt-4.1', 'gpt-4.1-2025-04-14', ['2', '0.50', '8'], [4200, 700]),
]

export function chatModelOrThrow(aliasOrSnapshot: string): ChatModel {
  const model = CHAT_MODELS.find(
    (m) => m.alias === aliasOrSnapshot || m.snapshot === aliasOrSnapshot,
  )
  if (!model) throw new RangeError(`unknown simulated chat model ${aliasOrSnapshot}`)
  return model
}

export const EMBEDDING_PRICES: Readonly<Record<string, Money>> = {
  'text-embedding-3-small': perMillion('0.02'),
  'text-embedding-3-large': perMillion('0.13'),
}

/** Moderation is free: it has usage but no cost line. */
export const MODERATION_MODEL = 'omni-moderation-latest'

export type ImageSource = 'image.generation' | 'image.edit' | 'image.variation'

export interface ImageSku {
  model: string
  size: string
  source: ImageSource
  perImage: Money
}

export const IMAGE_SKUS: readonly ImageSku[] = [
  {
    model: 'gpt-image-1',
    size: '1024x1024',
    source: 'image.generation',
    perImage: dollars('0.042'),
  },
  {
    model: 'gpt-image-1',
    size: '1024x1536',
    source: 'image.generation',
    perImage: dollars('0.063'),
  },
  { model: 'gpt-image-1', size: '1024x1024', source: 'image.edit', perImage: dollars('0.042') },
  { model: 'dall-e-2', size: '512x512', source: 'image.variation', perImage: dollars('0.018') },
]

export const SPEECH_MODEL = { model: 'tts-1', perCharacter: perMillion('15') }
/** $0.006 per minute, billed per second. */
export const TRANSCRIPTION_MODEL = { model: 'whisper-1', perSecond: dollars('0.0001') }

export const WEB_SEARCH_PER_CALL = dollars('0.01')
export const FILE_SEARCH_PER_CALL = dollars('0.0025')
export const CODE_INTERPRETER_PER_SESSION = dollars('0.03')
/** $0.10 per GB-day; a byte-day is a tenth of a nano-dollar, so a day's charge is rounded once. */
export const VECTOR_STORAGE_PER_GB_DAY = dollars('0.10')
