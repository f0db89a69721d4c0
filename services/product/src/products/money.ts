const currencies = new Set(Intl.supportedValuesOf('currency'))

/** True for an ISO-4217 code this runtime knows (e.g. EUR, USD, JPY). */
export const isCurrency = (code: string): boolean => currencies.has(code)

// Asked for every price an import parses; building a NumberFormat to find out was a tenth of an import's CPU.
const digitsByCurrency = new Map<string, number>()

/** Digits after the decimal point in the currency's minor unit (EUR 2, JPY 0, KWD 3). */
export const minorDigits = (currency: string): number => {
  let digits = digitsByCurrency.get(currency)
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    digitsByCurrency.set(currency, digits)
  }
  return digits
}

/**
 * Parses a decimal string such as "12.99" into minor units for the currency, exactly (no floating
 * point). Returns null for anything that is not a plain non-negative decimal with at most the
 * currency's number of fraction digits.
 */
export const parseDecimalPrice = (value: string, currency: string): number | null => {
  const digits = minorDigits(currency)
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(value.trim())
  if (!m) return null
  const fraction = m[2] ?? ''
  if (fraction.length > digits) return null
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

/** Formats minor units back to a decimal string ("1299", EUR → "12.99"). */
export const formatDecimalPrice = (amount: number, currency: string): string => {
  const digits = minorDigits(currency)
  if (digits === 0) return String(amount)
  const s = String(amount).padStart(digits + 1, '0')
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`
}
