// Exact money. Amounts are bigint nano-dollars (scale 9), the same scale as BigQuery NUMERIC
// and our DuckDB DECIMAL(38,9) columns, so a value never passes through a binary float.
// Anthropic reports cents as decimal strings with up to 5+ fractional digits ("83391.52823"),
// which is 7 decimals of a dollar: scale 9 holds it exactly. Inputs with more than 9 dollar
// decimals are rounded half-to-even at the 9th (a billionth of a cent is below any invoice).

export const MONEY_SCALE = 9
const SCALE = 10n ** BigInt(MONEY_SCALE)
const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/** Nano-dollars. A branded bigint so a token count cannot be passed where money is expected. */
export type Money = bigint & { readonly __money: true }

export const ZERO = 0n as Money

/** Parses a decimal string of dollars ("1.23", "-0.5", "1e-7") exactly. */
export function dollars(text: string): Money {
  return parseScaled(text, 0)
}

/** Parses a decimal string of cents ("123.45" = $1.2345) exactly: Anthropic's and Cursor's unit. */
export function cents(text: string | number): Money {
  return parseScaled(typeof text === 'number' ? numberText(text) : text, -2)
}

/**
 * Dollars given as a JS number (GitHub billing). We parse the number's shortest round-trip
 * text, never multiply the float; that text equals what the vendor wrote whenever the vendor
 * wrote at most 15 significant digits. For more digits, parse the raw JSON text losslessly
 * instead (the OpenAI source does, with lossless-json).
 */
export function dollarsFromNumber(value: number): Money {
  return parseScaled(numberText(value), 0)
}

export function isDecimalText(text: string): boolean {
  return DECIMAL_RE.test(text.trim())
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${String(value)}`)
  return String(value)
}

function parseScaled(text: string, exponentShift: number): Money {
  const match = DECIMAL_RE.exec(text.trim())
  if (!match) throw new RangeError(`not a decimal amount: "${text}"`)
  const [, sign, whole = '0', frac = '', exp = '0'] = match
  const digits = BigInt(whole + frac)
  // value = digits × 10^(exp + shift − frac.length); we want value × 10^SCALE.
  const power = Number(exp) + exponentShift - frac.length + MONEY_SCALE
  const nanos =
    power >= 0 ? digits * 10n ** BigInt(power) : divRoundHalfEven(digits, 10n ** BigInt(-power))
  return (sign === '-' ? -nanos : nanos) as Money
}

function divRoundHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d
  const r = n % d
  const twice = r * 2n
  if (twice > d || (twice === d && q % 2n === 1n)) return q + 1n
  return q
}

export function add(...amounts: Money[]): Money {
  return amounts.reduce<bigint>((s, a) => s + a, 0n) as Money
}

export function sum(amounts: Iterable<Money>): Money {
  let total = 0n
  for (const a of amounts) total += a
  return total as Money
}

export function fromNanos(nanos: bigint): Money {
  return nanos as Money
}

/** The warehouse/text form: a plain decimal with exactly 9 fractional digits ("-1.230000000"). */
export function toDecimalString(amount: Money): string {
  const negative = amount < 0n
  const abs: bigint = negative ? -(amount as bigint) : amount
  const whole = abs / SCALE
  const frac = (abs % SCALE).toString().padStart(MONEY_SCALE, '0')
  return `${negative ? '-' : ''}${whole.toString()}.${frac}`
}

/** Parses the warehouse text form back (also accepts fewer fractional digits). */
export function fromDecimalString(text: string): Money {
  return dollars(text)
}

/** Rounds to whole cents, half-to-even, for display and invoice comparison. */
export function roundToCents(amount: Money): Money {
  const unit = SCALE / 100n
  const negative = amount < 0n
  const q = divRoundHalfEven(negative ? -(amount as bigint) : amount, unit) * unit
  return (negative ? -q : q) as Money
}

/** "$1,234.56" (rounded half-to-even to cents). */
export function formatUsd(amount: Money): string {
  const rounded = roundToCents(amount)
  const negative = rounded < 0n
  const abs: bigint = negative ? -(rounded as bigint) : rounded
  const centsTotal = abs / (SCALE / 100n)
  const whole = (centsTotal / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const frac = (centsTotal % 100n).toString().padStart(2, '0')
  return `${negative ? '-' : ''}$${whole}.${frac}`
}

/**
 * Splits `total` into parts proportional to integer `weights`, exactly: the parts sum to
 * `total` to the nano-dollar (largest-remainder method, ties to the earliest index).
 * All-zero weights split evenly.
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) return []
  if (weights.some((w) => w < 0n)) throw new RangeError('allocation weights must be ≥ 0')
  const effective = weights.every((w) => w === 0n) ? weights.map(() => 1n) : weights
  const weightSum = effective.reduce((s, w) => s + w, 0n)
  const negative = total < 0n
  const abs: bigint = negative ? -(total as bigint) : total
  const parts = effective.map((w) => (abs * w) / weightSum)
  let remainder = abs - parts.reduce((s, p) => s + p, 0n)
  const order = effective
    .map((w, i) => ({ i, rem: (abs * w) % weightSum }))
    .sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i))
  for (const { i } of order) {
    if (remainder === 0n) break
    parts[i] = (parts[i] ?? 0n) + 1n
    remainder -= 1n
  }
  return parts.map((p) => (negative ? -p : p) as Money)
}
