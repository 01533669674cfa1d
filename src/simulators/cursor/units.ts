// Exact fractional cents. Cursor sends cents as JSON numbers with up to 5 decimals
// ("totalCents": 20.18232), so every amount here is an integer count of 1e-5 cent units and is
// serialized through its decimal text: the JSON number's shortest text is then that exact
// decimal, and `cents()` recovers it without ever multiplying a float.

import { cents, type Money } from '../../core/money.js'

/** 1 cent = 100,000 units (1 unit = 1e-7 dollars = 100 nano-dollars). */
export const UNITS_PER_CENT = 100_000

/** The exact decimal text of an amount in cents: 2018232 units → "20.18232". */
export function centsText(units: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not a whole unit count: ${units}`)
  const sign = units < 0 ? '-' : ''
  const abs = Math.abs(units)
  const whole = Math.floor(abs / UNITS_PER_CENT)
  const frac = String(abs % UNITS_PER_CENT)
    .padStart(5, '0')
    .replace(/0+$/, '')
  return frac === '' ? `${sign}${whole}` : `${sign}${whole}.${frac}`
}

/** The JSON number the API sends for an amount (its shortest text is `centsText(units)`). */
export function centsNumber(units: number): number {
  return Number(centsText(units))
}

/** The same amount as exact Money (bigint nano-dollars), for the truth API. */
export function unitsToMoney(units: number): Money {
  return cents(centsText(units))
}
