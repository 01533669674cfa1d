// Lossless JSON for OpenAI responses. Costs send dollars as JSON numbers (`amount.value`);
// JSON.parse would round any text with more than 15–17 significant digits to the nearest double
// before we ever saw it, so bodies are parsed with lossless-json instead: safe integers (counts,
// timestamps) become numbers, every other number keeps its exact text as a LosslessNumber.

import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json'
import { z } from 'zod'

const INTEGER = /^-?\d+$/

/** The client's `parseJson`: exact decimals, plain numbers for safe integers. */
export function parseOpenaiJson(text: string): unknown {
  return parse(text, null, (digits) =>
    INTEGER.test(digits) && Number.isSafeInteger(Number(digits))
      ? Number(digits)
      : new LosslessNumber(digits),
  )
}

/** A JSON number as decoded by `parseOpenaiJson` (or by JSON.parse, in fixtures). */
export const jsonDecimal = z.union([
  z.number(),
  z.custom<LosslessNumber>((v) => isLosslessNumber(v), 'expected a number'),
])
export type JsonDecimal = z.infer<typeof jsonDecimal>

/** The number's text: exactly what was sent for a LosslessNumber; the shortest round-trip text
 *  of a plain number (exact for every safe integer). */
export function decimalText(value: JsonDecimal): string {
  return typeof value === 'number' ? String(value) : value.toString()
}

/** JSON text of a raw item with its lossless numbers written back as sent. */
export function rawJsonLossless(value: unknown): string {
  return stringify(value) ?? 'null'
}
