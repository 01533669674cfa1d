import { describe, expect, it } from 'vitest'
import { createRedactor, redactText, redactValue } from './redact.js'

describe('redact', () => {
  it('masks vendor key shapes and auth headers anywhere in text', () => {
    const text =
      'key sk-ant-admin01-abcdefghijklmnop and Bearer abc.def.ghijklmnop and key_' + 'a'.repeat(64)
    const out = redactText(text)
    expect(out).not.toMatch(/sk-ant-admin01-abc/)
    expect(out).not.toMatch(/abc\.def/)
    expect(out).not.toContain('a'.repeat(64))
    expect(out).toContain('Bearer [REDACTED]')
  })

  it('drops query strings from URLs (signed links carry signatures there)', () => {
    expect(redactText('GET https://x.test/a/b?sig=SECRET&exp=1 failed')).toBe(
      'GET https://x.test/a/b?[query removed] failed',
    )
  })

  it('masks fields named like secrets, keeps counters', () => {
    expect(redactValue('apiKey', 'whatever')).toBe('[REDACTED]')
    expect(redactValue('headers', { Authorization: 'Basic Zm9vOg==' })).toEqual({
      Authorization: '[REDACTED]',
    })
    expect(redactValue('output_tokens', 42)).toBe(42)
  })

  it('masks configured secret values even without a known shape', () => {
    const redact = createRedactor(['plain-secret-value'])
    expect(redact('x plain-secret-value y')).toBe('x [REDACTED] y')
  })
})
