// Credential headers, and the redactor that knows them. Vendors use three schemes (Anthropic
// `x-api-key`, OpenAI/GitHub Bearer, Cursor Basic with an empty password); the first team sent
// Bearer to Cursor, so the helpers name the scheme. The redactor masks the literal values a
// request was sent with, because a key in an unfamiliar shape escapes the pattern-based net.

import { createRedactor } from '../core/redact.js'

/**
 * HTTP Basic credentials; Cursor wants the API key as user and an empty password.
 * @example headers: () => ({ authorization: basicAuth(config.cursorApiKey) })
 */
export function basicAuth(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
}

/** @example headers: () => ({ authorization: bearerAuth(config.openaiAdminKey) }) */
export function bearerAuth(token: string): string {
  return `Bearer ${token}`
}

const SECRET_HEADER = /auth|key|token|secret|cookie|signature/i

/**
 * Masks the credential values in `headers` (whole values, the part after the scheme, and the
 * decoded user and password of Basic credentials) plus every known secret shape.
 */
export function credentialRedactor(headers: Record<string, string>): (text: string) => string {
  const secrets: string[] = []
  for (const [name, value] of Object.entries(headers)) {
    if (SECRET_HEADER.test(name)) secrets.push(...credentialParts(value))
  }
  // Longest first, so a whole header value is masked before a fragment of it.
  return createRedactor(secrets.sort((a, b) => b.length - a.length))
}

function credentialParts(value: string): string[] {
  const parts = [value]
  const match = /^(\w+)\s+(\S+)$/.exec(value.trim())
  if (!match) return parts
  const [, scheme = '', credential = ''] = match
  parts.push(credential)
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8')
    parts.push(decoded, ...decoded.split(':'))
  }
  return parts
}
