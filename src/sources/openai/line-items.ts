// Classifies a costs `line_item` into the service (named after the usage endpoint that counts
// it), model, SKU and quantity unit that cost_daily shows. Line items are free text (seen:
// "gpt-4o-2024-08-06, input", bare model names, "web search tool calls"), so this is a best
// effort that never fails: what it cannot place is service 'other' and the text stays in
// `line_item`. Derived columns only; the amount never depends on it.

export interface LineItemClass {
  service: string
  model: string | null
  sku: string | null
  unit: string | null
}

/** Tool and storage lines carry no model. */
const TOOL_LINES: ReadonlyArray<[RegExp, string, string]> = [
  [/web search/i, 'web_search_calls', 'calls'],
  [/file search/i, 'file_search_calls', 'calls'],
  [/code interpreter/i, 'code_interpreter_sessions', 'sessions'],
  [/vector stor/i, 'vector_stores', 'GB-days'],
]

/** Model families that are not chat completions, by id pattern. */
const MODEL_SERVICES: ReadonlyArray<[RegExp, string, string]> = [
  [/embedding/i, 'embeddings', 'tokens'],
  [/moderation/i, 'moderations', 'tokens'],
  [/^(dall-e|gpt-image)/i, 'images', 'images'],
  [/tts/i, 'audio_speeches', 'characters'],
  [/whisper|transcribe/i, 'audio_transcriptions', 'seconds'],
]

const MODEL_ID = /^[a-z0-9][a-z0-9._:-]*$/i

/**
 * @example classifyLineItem('gpt-5-2025-08-07, cached input')
 * // { service: 'completions', model: 'gpt-5-2025-08-07', sku: 'cached input', unit: 'tokens' }
 */
export function classifyLineItem(lineItem: string | null): LineItemClass {
  const text = (lineItem ?? '').trim()
  const tool = TOOL_LINES.find(([re]) => re.test(text))
  if (tool) return { service: tool[1], model: null, sku: text, unit: tool[2] }
  const comma = text.indexOf(',')
  const head = (comma < 0 ? text : text.slice(0, comma)).trim()
  const tail = comma < 0 ? null : text.slice(comma + 1).trim() || null
  if (!MODEL_ID.test(head)) return { service: 'other', model: null, sku: text || null, unit: null }
  const family = MODEL_SERVICES.find(([re]) => re.test(head))
  if (family) return { service: family[1], model: head, sku: tail, unit: family[2] }
  return { service: 'completions', model: head, sku: tail, unit: 'tokens' }
}
