import { describe, expect, it } from 'vitest'
import { apiBaseUrl } from './client.js'

describe('apiBaseUrl', () => {
  it('takes the SDK convention (with /v1) as it is', () => {
    expect(apiBaseUrl('https://api.openai.com/v1')).toBe('https://api.openai.com/v1')
    expect(apiBaseUrl('https://api.openai.com/v1/')).toBe('https://api.openai.com/v1')
  })

  it('appends /v1 to a bare origin', () => {
    expect(apiBaseUrl('https://api.openai.com')).toBe('https://api.openai.com/v1')
    expect(apiBaseUrl('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/v1')
  })

  it('keeps a proxy path prefix as given', () => {
    expect(apiBaseUrl('https://gateway.example.com/openai/v1')).toBe(
      'https://gateway.example.com/openai/v1',
    )
  })
})
