// Masks secrets wherever text leaves the process: logs, errors, CLI output.
// Two nets: known secret shapes (vendor key prefixes, bearer tokens, basic auth) anywhere
// in a string, and any field whose *name* says it holds a secret. URLs lose their query
// strings, which is where signed download links keep their signatures.

const SECRET_PATTERNS: RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{6,}/g, // Anthropic admin and API keys
  /sk-(?:admin|proj|svcacct)?-?[A-Za-z0-9_-]{16,}/g, // OpenAI keys
  /\bkey_[A-Fa-f0-9]{16,}\b/g, // Cursor admin keys
  /\b(?:ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{16,}\b/g, // GitHub tokens
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, // JWTs (OIDC tokens)
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
]

const SECRET_FIELD =
  /(api[-_]?key|secret|token|password|authorization|private[-_]?key|credential|cookie)$/i
const MASK = '[REDACTED]'

/** Masks every known secret shape in a string and strips query strings from URLs. */
export function redactText(text: string): string {
  let out = text
  for (const re of SECRET_PATTERNS) {
    out = out.replace(re, (_match, scheme: unknown) =>
      typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} ${MASK}` : MASK,
    )
  }
  return out.replace(/(https?:\/\/[^\s?#"']+)\?[^\s#"']*/g, '$1?[query removed]')
}

/** Redacts a value for logging, masking it whole when its field name marks a secret. */
export function redactValue(key: string, value: unknown): unknown {
  if (value == null) return value
  if (SECRET_FIELD.test(key)) {
    return typeof value === 'string' || typeof value === 'number' ? MASK : redactDeep(value)
  }
  return redactDeep(value)
}

function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) }
  if (Array.isArray(value)) return value.map((v) => redactDeep(v))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(k, v)
    return out
  }
  return value
}

/** Masks specific secret values (from config) wherever they appear, plus the known shapes. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const literal = secrets.filter((s) => s.length >= 6)
  return (text) => {
    let out = text
    for (const s of literal) out = out.split(s).join(MASK)
    return redactText(out)
  }
}
