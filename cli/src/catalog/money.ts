/** Digits after the decimal point in the currency's minor unit (EUR 2, JPY 0, KWD 3), as the service counts them. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

const digitsCache = new Map<string, number>()

/** Minor units back to the decimal string the import takes (1299 EUR → "12.99", 500 JPY → "500"). */
export const formatPrice = (amount: number, currency: string): string => {
  let digits = digitsCache.get(currency)
  if (digits === undefined) {
    digits = minorDigits(currency)
    digitsCache.set(currency, digits)
  }
  if (digits === 0) return String(amount)
  const s = String(amount).padStart(digits + 1, '0')
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`
}
