// Query-string parsing with OpenAI-style 400s. Array parameters are accepted both repeated
// (`group_by=model&group_by=project_id`, what the cookbook's `requests` code sends) and with
// brackets (`group_by[]=model`, what the official SDKs send: openai-python's client overrides its
// query encoder with array_format="brackets"); both forms may be mixed.

import { invalidRequest } from './errors.js'

export function queryList(params: URLSearchParams, name: string): string[] {
  return [...params.getAll(name), ...params.getAll(`${name}[]`)]
}

export function queryOptionalInt(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name)
  if (text === null) return undefined
  if (!/^-?\d{1,15}$/.test(text.trim()))
    throw invalidRequest(`Invalid value for '${name}': expected an integer.`, name)
  return Number(text.trim())
}

export function queryIntInRange(
  params: URLSearchParams,
  name: string,
  range: { min: number; max: number; default: number },
): number {
  const value = queryOptionalInt(params, name) ?? range.default
  if (value < range.min || value > range.max) {
    throw invalidRequest(
      `Invalid value for '${name}': must be between ${range.min} and ${range.max}, got ${value}.`,
      name,
    )
  }
  return value
}

export function queryOptionalBool(params: URLSearchParams, name: string): boolean | undefined {
  const text = params.get(name)
  if (text === null) return undefined
  if (text === 'true') return true
  if (text === 'false') return false
  throw invalidRequest(`Invalid value for '${name}': expected true or false.`, name)
}

export function queryEnum<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const text = params.get(name)
  if (text === null) return fallback
  if (!(allowed as readonly string[]).includes(text)) {
    throw invalidRequest(
      `Invalid value for '${name}': expected one of ${allowed.join(', ')}.`,
      name,
    )
  }
  return text as T
}

/** Every value of a list parameter must be in `allowed`; duplicates are ignored. */
export function queryListOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const values = queryList(params, name)
  const bad = values.find((v) => !(allowed as readonly string[]).includes(v))
  if (bad !== undefined)
    throw invalidRequest(
      `Invalid value for '${name}': '${bad}' is not one of ${allowed.join(', ')}.`,
      name,
    )
  return [...new Set(values as T[])]
}
