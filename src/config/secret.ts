// Secrets are ordinary zod strings tagged with `secret: true` metadata. The tag is read by
// the masker (`ai-usage config check`) and the redactor, so marking a field is all it takes
// to keep it out of every output.

import { z } from 'zod'

export const SECRET_META = { secret: true } as const

/** A non-empty secret string (an API key, a token). */
export function secretString(description: string) {
  return z.string().min(1).describe(description).meta(SECRET_META)
}

export function isSecretSchema(schema: z.ZodType): boolean {
  const meta = schema.meta() as { secret?: boolean } | undefined
  if (meta?.secret) return true
  const inner = unwrap(schema)
  return inner !== schema && isSecretSchema(inner)
}

/** Unwraps optional/default/nullable wrappers to the schema inside. */
export function unwrap(schema: z.ZodType): z.ZodType {
  const def = (schema as unknown as { def: { innerType?: z.ZodType } }).def
  return def.innerType ?? schema
}

/** Dotted paths of every secret field in an object schema ('sources.anthropic.apiKey'). */
export function secretPaths(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(unwrap(schema))
  if (isSecretSchema(schema)) return [prefix]
  if (!(inner instanceof z.ZodObject)) return []
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
    secretPaths(child, prefix ? `${prefix}.${key}` : key),
  )
}
