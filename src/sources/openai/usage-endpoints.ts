// The usage endpoints as data (vendor-apis.md §2.2–2.3): each one's path, table, every
// `group_by` dimension it accepts and its metrics. Each lands in its own table with every metric
// typed. A usage resource always groups by ALL its dimensions, so each row is one finest-grain
// slice and no row is ever a subtotal of others (sums never double).

export type UsageDim =
  | 'project_id'
  | 'user_id'
  | 'api_key_id'
  | 'model'
  | 'batch'
  | 'service_tier'
  | 'size'
  | 'source'
  | 'vector_store_id'
  | 'context_level'

export interface UsageEndpoint {
  /** Path segment under /organization/usage/, also the resource name suffix. */
  kind: string
  table: string
  groupBy: readonly UsageDim[]
  /** Metrics every result carries (missing = a payload error). */
  metrics: readonly string[]
  /** Metrics only some API versions send: NULL when absent. */
  optionalMetrics: readonly string[]
}

const KEY_DIMS: readonly UsageDim[] = ['project_id', 'user_id', 'api_key_id']

function endpoint(
  kind: string,
  groupBy: readonly UsageDim[],
  metrics: readonly string[],
  optionalMetrics: readonly string[] = [],
): UsageEndpoint {
  return { kind, table: `openai_usage_${kind}`, groupBy, metrics, optionalMetrics }
}

export const USAGE_ENDPOINTS: readonly UsageEndpoint[] = [
  // input_tokens INCLUDES input_cached_tokens (and cache writes where reported).
  endpoint(
    'completions',
    [...KEY_DIMS, 'model', 'batch', 'service_tier'],
    ['input_tokens', 'output_tokens', 'input_cached_tokens', 'num_model_requests'],
    ['input_audio_tokens', 'output_audio_tokens', 'input_cache_write_tokens'],
  ),
  endpoint('embeddings', [...KEY_DIMS, 'model'], ['input_tokens', 'num_model_requests']),
  endpoint('moderations', [...KEY_DIMS, 'model'], ['input_tokens', 'num_model_requests']),
  endpoint('images', [...KEY_DIMS, 'model', 'size', 'source'], ['images', 'num_model_requests']),
  endpoint('audio_speeches', [...KEY_DIMS, 'model'], ['characters', 'num_model_requests']),
  endpoint('audio_transcriptions', [...KEY_DIMS, 'model'], ['seconds', 'num_model_requests']),
  // A stock, not a flow: bytes stored during that day's bucket; never add days together.
  endpoint('vector_stores', ['project_id'], ['usage_bytes']),
  endpoint('code_interpreter_sessions', ['project_id'], ['num_sessions']),
  endpoint('file_search_calls', [...KEY_DIMS, 'vector_store_id'], ['num_requests']),
  endpoint(
    'web_search_calls',
    [...KEY_DIMS, 'model', 'context_level'],
    ['num_requests', 'num_model_requests'],
  ),
]
