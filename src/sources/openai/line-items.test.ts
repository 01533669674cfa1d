import { describe, expect, it } from 'vitest'
import { classifyLineItem } from './line-items.js'

describe('classifyLineItem', () => {
  it.each([
    ['gpt-5-2025-08-07, batch output', 'completions', 'gpt-5-2025-08-07', 'batch output'],
    ['gpt-4o-2024-08-06', 'completions', 'gpt-4o-2024-08-06', null],
    ['text-embedding-3-small', 'embeddings', 'text-embedding-3-small', null],
    ['gpt-image-1, 1024x1536', 'images', 'gpt-image-1', '1024x1536'],
    ['dall-e-2, 512x512', 'images', 'dall-e-2', '512x512'],
    ['tts-1', 'audio_speeches', 'tts-1', null],
    ['whisper-1', 'audio_transcriptions', 'whisper-1', null],
    ['gpt-4o-transcribe, input', 'audio_transcriptions', 'gpt-4o-transcribe', 'input'],
    ['omni-moderation-latest', 'moderations', 'omni-moderation-latest', null],
    ['web search tool calls', 'web_search_calls', null, 'web search tool calls'],
    ['File search tool calls', 'file_search_calls', null, 'File search tool calls'],
    ['code interpreter sessions', 'code_interpreter_sessions', null, 'code interpreter sessions'],
    ['vector store storage', 'vector_stores', null, 'vector store storage'],
  ])('%s → %s', (text, service, model, sku) => {
    expect(classifyLineItem(text)).toMatchObject({ service, model, sku })
  })

  it('never fails on free text it cannot place', () => {
    expect(classifyLineItem('Fine-tuning training (hours)')).toEqual({
      service: 'other',
      model: null,
      sku: 'Fine-tuning training (hours)',
      unit: null,
    })
    expect(classifyLineItem(null)).toEqual({ service: 'other', model: null, sku: null, unit: null })
  })
})
