// Exact decimals as JSON numbers. OpenAI sends dollars as floats (`amount.value`); we write each
// amount as the number whose shortest round-trip text is the exact decimal we computed, so
// `dollarsFromNumber()` on the client recovers it to the nano-dollar. Checked on every call:
// an amount that would not survive the round trip throws instead of serving a wrong value.

import { dollarsFromNumber, toDecimalString, type Money } from '../../core/money.js'

export function amountNumber(amount: Money): number {
  const value = Number(toDecimalString(amount))
  if (dollarsFromNumber(value) !== amount) {
    throw new RangeError(
      `amount ${toDecimalString(amount)} cannot be sent exactly as a JSON number`,
    )
  }
  return value
}

/** An integer count of 10^-scale units as a number ("2345678901" at scale 9 → 2.345678901). */
export function scaledNumber(units: bigint, scale: number): number {
  if (scale === 0) return Number(units)
  const text = units.toString().padStart(scale + 1, '0')
  return Number(`${text.slice(0, -scale)}.${text.slice(-scale)}`)
}
