// The models a Cursor team sees and what a token costs on each, in milli-cents per million
// tokens (integers, so cost arithmetic stays exact). Max Mode adds 20 % to the model cost and
// the Cursor token fee is $0.25 per million tokens on billed token-based calls.

export interface ModelPrice {
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
}

export interface TokenCounts {
  input: number
  output: number
  cacheWrite: number
  cacheRead: number
}

const SONNET: ModelPrice = {
  input: 300_000,
  output: 1_500_000,
  cacheWrite: 375_000,
  cacheRead: 30_000,
}
const GPT5: ModelPrice = {
  input: 125_000,
  output: 1_000_000,
  cacheWrite: 125_000,
  cacheRead: 12_500,
}

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-4.5-sonnet': SONNET,
  'claude-4-sonnet-thinking': SONNET,
  'claude-4.5-opus': { input: 500_000, output: 2_500_000, cacheWrite: 625_000, cacheRead: 50_000 },
  'gpt-5': GPT5,
  'gpt-5-codex': GPT5,
  'gemini-2.5-pro': { input: 125_000, output: 1_000_000, cacheWrite: 125_000, cacheRead: 31_000 },
  default: { input: 125_000, output: 600_000, cacheWrite: 125_000, cacheRead: 25_000 },
}

export const MODEL_NAMES: readonly string[] = Object.keys(MODEL_PRICES)

/** Cents per request unit on request-based (non-token) calls: $0.04. */
export const CENTS_PER_REQUEST_UNIT = 4

/** Token fee: 25,000 milli-cents per million tokens, i.e. 2.5 units (1e-5 cent) per token. */
const TOKEN_FEE_MILLICENTS_PER_M = 25_000

/** Model cost in 1e-5 cent units: Σ tokens × price / 1e4 (× 1.2 in Max Mode), rounded. */
export function modelCostUnits(model: string, tokens: TokenCounts, maxMode: boolean): number {
  const price = MODEL_PRICES[model] ?? SONNET
  const raw =
    tokens.input * price.input +
    tokens.output * price.output +
    tokens.cacheWrite * price.cacheWrite +
    tokens.cacheRead * price.cacheRead
  return Math.round((raw * (maxMode ? 12 : 10)) / 100_000)
}

export function tokenFeeUnits(tokens: TokenCounts): number {
  const total = tokens.input + tokens.output + tokens.cacheWrite + tokens.cacheRead
  return Math.round((total * TOKEN_FEE_MILLICENTS_PER_M) / 10_000)
}
