// The cost report's finest grain, derived from the same usage facts the usage report serves:
// one line per workspace × model × token type (tokens × list price, in exact bigint math) plus
// web search and code execution per workspace. Each line is rounded half-to-even to 1e-5 cent
// (100 nano-dollars), the precision the API prints; every grouping and the truth sum these
// rounded lines, so grouping never changes a total.

import { ZERO, type Money } from '../../core/money.js'
import type { DayFacts, TokenCounts } from './generate.js'
import {
  CODE_EXECUTION_DESCRIPTION,
  CODE_EXECUTION_TENTH_HOUR_PRICE,
  modelOrThrow,
  TOKEN_TYPES,
  tokenDescription,
  WEB_SEARCH_DESCRIPTION,
  WEB_SEARCH_PRICE,
  type InferenceGeo,
  type TokenType,
} from './models.js'

export type CostType = 'tokens' | 'web_search' | 'code_execution'

export interface CostLine {
  workspaceId: string | null
  description: string
  costType: CostType
  tokenType: TokenType | null
  model: string | null
  serviceTier: 'standard' | null
  contextWindow: '0-200k' | null
  inferenceGeo: InferenceGeo | null
  amount: Money
}

export const TOKEN_FIELD: Readonly<Record<TokenType, keyof TokenCounts>> = {
  uncached_input_tokens: 'uncachedInput',
  output_tokens: 'output',
  cache_read_input_tokens: 'cacheRead',
  'cache_creation.ephemeral_5m_input_tokens': 'cacheCreation5m',
  'cache_creation.ephemeral_1h_input_tokens': 'cacheCreation1h',
}

const PRINT_UNIT = 100n

/** Half-to-even rounding to a multiple of 100 nano-dollars (5 fractional digits of a cent). */
export function roundToPrintUnit(nanos: bigint): Money {
  const q = nanos / PRINT_UNIT
  const r = nanos % PRINT_UNIT
  const up = r * 2n > PRINT_UNIT || (r * 2n === PRINT_UNIT && q % 2n === 1n)
  return ((up ? q + 1n : q) * PRINT_UNIT) as Money
}

export function computeCostLines(facts: DayFacts): CostLine[] {
  const tokens = new Map<
    string,
    { workspaceId: string | null; model: string; counts: TokenCounts[] }
  >()
  const webSearch = new Map<string | null, number>()
  for (const fact of facts.usage) {
    const key = `${fact.workspaceId ?? ''}|${fact.model}`
    const entry = tokens.get(key) ?? {
      workspaceId: fact.workspaceId,
      model: fact.model,
      counts: [],
    }
    entry.counts.push(fact.tokens)
    tokens.set(key, entry)
    const searches = fact.tokens.webSearchRequests
    if (searches > 0)
      webSearch.set(fact.workspaceId, (webSearch.get(fact.workspaceId) ?? 0) + searches)
  }
  const lines = [
    ...[...tokens.values()].flatMap((e) => tokenLines(e.workspaceId, e.model, e.counts)),
    ...[...webSearch].map(([ws, n]) =>
      serverLine(ws, 'web_search', WEB_SEARCH_DESCRIPTION, n, WEB_SEARCH_PRICE),
    ),
    ...facts.codeExecution.map((f) =>
      serverLine(
        f.workspaceId,
        'code_execution',
        CODE_EXECUTION_DESCRIPTION,
        f.tenthHours,
        CODE_EXECUTION_TENTH_HOUR_PRICE,
      ),
    ),
  ]
  return lines.filter((line) => line.amount !== ZERO).sort(compareLines)
}

function tokenLines(
  workspaceId: string | null,
  modelId: string,
  counts: TokenCounts[],
): CostLine[] {
  const model = modelOrThrow(modelId)
  return TOKEN_TYPES.map((tokenType) => {
    const total = counts.reduce((s, c) => s + BigInt(c[TOKEN_FIELD[tokenType]]), 0n)
    return {
      workspaceId,
      description: tokenDescription(model, tokenType),
      costType: 'tokens',
      tokenType,
      model: model.id,
      serviceTier: 'standard',
      contextWindow: '0-200k',
      inferenceGeo: model.inferenceGeo,
      amount: roundToPrintUnit(total * model.price[tokenType]),
    }
  })
}

function serverLine(
  workspaceId: string | null,
  costType: CostType,
  description: string,
  units: number,
  price: Money,
): CostLine {
  return {
    workspaceId,
    description,
    costType,
    tokenType: null,
    model: null,
    serviceTier: null,
    contextWindow: null,
    inferenceGeo: null,
    amount: roundToPrintUnit(BigInt(units) * price),
  }
}

function compareLines(a: CostLine, b: CostLine): number {
  const ka = `${a.workspaceId ?? ''}|${a.description}|${a.tokenType ?? ''}`
  const kb = `${b.workspaceId ?? ''}|${b.description}|${b.tokenType ?? ''}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}
