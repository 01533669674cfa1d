// The usage endpoints as data: each kind's path segment, `group_by` dimensions, filters and
// result metrics (vendor-apis.md §2.2–2.3). Facts store completions input as cached + uncached
// parts, so any split of a day into hours keeps `input_tokens ≥ input_cached_tokens`; the served
// `input_tokens` is their sum (it INCLUDES cached tokens, as OpenAI's does).

export type UsageKind =
  | 'completions'
  | 'embeddings'
  | 'moderations'
  | 'images'
  | 'audio_speeches'
  | 'audio_transcriptions'
  | 'vector_stores'
  | 'code_interpreter_sessions'
  | 'file_search_calls'
  | 'web_search_calls'

export type Dim =
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

export type DimValue = string | boolean | null

export interface KindSpec {
  kind: UsageKind
  groupBy: readonly Dim[]
  /** Metrics as stored in facts (summed when buckets are split or grouped). */
  stored: readonly string[]
  /** The metric `truth.usageCount` sums. */
  main: string
  /** Query parameter → dimension it filters. `batch` is a boolean filter. */
  filters: Readonly<Record<string, Dim>>
  /** A stock (bytes stored), not a flow: reported as is in every bucket, never split. */
  isGauge: boolean
}

const KEY_DIMS: readonly Dim[] = ['project_id', 'user_id', 'api_key_id']
const KEY_FILTERS = {
  project_ids: 'project_id',
  user_ids: 'user_id',
  api_key_ids: 'api_key_id',
} as const
const MODEL_FILTERS = { ...KEY_FILTERS, models: 'model' } as const

function spec(
  kind: UsageKind,
  groupBy: readonly Dim[],
  stored: string[],
  filters: Record<string, Dim>,
): KindSpec {
  return {
    kind,
    groupBy,
    stored,
    main: stored[0] ?? '',
    filters,
    isGauge: kind === 'vector_stores',
  }
}

export const KIND_SPECS: Readonly<Record<UsageKind, KindSpec>> = {
  completions: {
    ...spec(
      'completions',
      [...KEY_DIMS, 'model', 'batch', 'service_tier'],
      [
        'input_uncached_tokens',
        'input_cached_tokens',
        'output_tokens',
        'input_audio_tokens',
        'output_audio_tokens',
        'num_model_requests',
      ],
      { ...MODEL_FILTERS, batch: 'batch' },
    ),
    main: 'num_model_requests',
  },
  embeddings: spec(
    'embeddings',
    [...KEY_DIMS, 'model'],
    ['input_tokens', 'num_model_requests'],
    MODEL_FILTERS,
  ),
  moderations: spec(
    'moderations',
    [...KEY_DIMS, 'model'],
    ['input_tokens', 'num_model_requests'],
    MODEL_FILTERS,
  ),
  images: spec(
    'images',
    [...KEY_DIMS, 'model', 'size', 'source'],
    ['images', 'num_model_requests'],
    {
      ...MODEL_FILTERS,
      sizes: 'size',
      sources: 'source',
    },
  ),
  audio_speeches: spec(
    'audio_speeches',
    [...KEY_DIMS, 'model'],
    ['characters', 'num_model_requests'],
    MODEL_FILTERS,
  ),
  audio_transcriptions: spec(
    'audio_transcriptions',
    [...KEY_DIMS, 'model'],
    ['seconds', 'num_model_requests'],
    MODEL_FILTERS,
  ),
  vector_stores: spec('vector_stores', ['project_id'], ['usage_bytes'], {
    project_ids: 'project_id',
  }),
  code_interpreter_sessions: spec('code_interpreter_sessions', ['project_id'], ['num_sessions'], {
    project_ids: 'project_id',
  }),
  file_search_calls: spec('file_search_calls', [...KEY_DIMS, 'vector_store_id'], ['num_requests'], {
    ...KEY_FILTERS,
    vector_store_ids: 'vector_store_id',
  }),
  web_search_calls: spec(
    'web_search_calls',
    [...KEY_DIMS, 'model', 'context_level'],
    ['num_requests', 'num_model_requests'],
    {
      ...MODEL_FILTERS,
      context_levels: 'context_level',
    },
  ),
}

export const USAGE_KINDS = Object.keys(KIND_SPECS) as UsageKind[]

/** Summed stored metrics → the result's metric fields, in the order the API writes them. */
export function servedMetrics(
  kind: UsageKind,
  sums: Readonly<Record<string, number>>,
): Record<string, number> {
  if (kind !== 'completions') return { ...sums }
  const { input_uncached_tokens = 0, input_cached_tokens = 0, ...rest } = sums
  return {
    input_tokens: input_uncached_tokens + input_cached_tokens,
    output_tokens: rest.output_tokens ?? 0,
    input_cached_tokens,
    input_audio_tokens: rest.input_audio_tokens ?? 0,
    output_audio_tokens: rest.output_audio_tokens ?? 0,
    num_model_requests: rest.num_model_requests ?? 0,
  }
}

export function isUsageKind(value: string): value is UsageKind {
  return Object.hasOwn(KIND_SPECS, value)
}

/** One row of usage for a day (or an hour/minute slice of it): dimensions + stored metrics. */
export interface UsageFact {
  readonly kind: UsageKind
  readonly dims: Readonly<Partial<Record<Dim, DimValue>>>
  readonly metrics: Readonly<Record<string, number>>
}
