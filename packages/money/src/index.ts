// Money is an integer amount of the currency's minor unit plus its ISO 4217 code. Every service and the CLI count
// minor units from this one table, so an amount means the same wherever it is read.

// ISO 4217 list one's circulating currencies and the digits of their minor unit: the list as ISO published it on
// 2024-06-25, with the amendments since (the Caribbean guilder XCG replaced the Netherlands Antillean guilder ANG in
// 2025; the Bulgarian lev BGN was withdrawn when Bulgaria adopted the euro on 2026-01-01). Left out: funds (BOV,
// CHE, CHW, CLF, COU, MXV, USN, UYI), the wage index unit UYW, metals, units of account and codes for testing or
// for no currency (XAG, XAU, XDR, XTS, XXX, …). The runtime's own list (`Intl.supportedValuesOf`) is not used: it
// also holds every withdrawn currency (DEM, FRF, HRK, …), and its digits are display conventions that differ from
// the minor unit for a dozen currencies (IQD has three by ISO, none as CLDR displays it).
const byDigits: Record<number, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF',
  2: `AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP CRC
    CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR
    JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN
    NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP
    SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG`,
  3: 'BHD IQD JOD KWD LYD OMR TND',
}

const digitsOf = new Map<string, number>()
for (const [digits, codes] of Object.entries(byDigits))
  for (const code of codes.split(/\s+/)) if (code) digitsOf.set(code, Number(digits))

/** Every code a price may be in, in alphabetical order. */
export const currencies: readonly string[] = [...digitsOf.keys()].sort()

/** True for a circulating ISO 4217 currency (EUR, USD, JPY); false for funds, metals, test codes and withdrawn ones. */
export const isCurrency = (code: string): boolean => digitsOf.has(code)

/**
 * Digits after the decimal point in the currency's minor unit (EUR 2, JPY 0, KWD 3). A code not in the table (a
 * price stored before its currency was withdrawn) counts two, as nearly every currency does.
 */
export const minorDigits = (currency: string): number => digitsOf.get(currency) ?? 2

/**
 * Parses a decimal string such as "12.99" into minor units for the currency, exactly (no floating point). Returns
 * null for anything that is not a plain non-negative decimal with at most the currency's number of fraction digits.
 */
export const parseDecimalPrice = (value: string, currency: string): number | null => {
  const digits = minorDigits(currency)
  const m = /^(\d{1,12})(?:\.(\d+))?$/.exec(value.trim())
  if (!m) return null
  const fraction = m[2] ?? ''
  if (fraction.length > digits) return null
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}

/**
 * Why `value` is not a price in `currency`, in words for the person who wrote it, or null when it is one. Says
 * which rule it breaks: a sign, more decimals than the currency has, or not a decimal at all.
 */
export const priceProblem = (value: string, currency: string): string | null => {
  if (parseDecimalPrice(value, currency) !== null) return null
  const text = value.trim()
  if (/^-\s*\d/.test(text)) return `"${value}" is negative`
  const decimals = /^\d{1,12}\.(\d+)$/.exec(text)?.[1]?.length
  const digits = minorDigits(currency)
  if (decimals !== undefined)
    return `"${value}" has ${decimals} decimal${decimals === 1 ? '' : 's'}; ${currency} takes ${digits === 0 ? 'none' : `at most ${digits}`}`
  // A spreadsheet in many European locales writes 12,99 or 1.299,00: the point is the only decimal mark here, and
  // no thousands separators are taken, so nothing is guessed.
  if (/^\d{1,3}(\.\d{3})*,\d+$|^\d+,\d+$/.test(text))
    return `"${value}" has a decimal comma: write the price with a point and no thousands separators, such as 12.99`
  return `"${value}" is not a price such as 12.99`
}

/** Formats minor units back to a decimal string ("1299", EUR → "12.99"; "500", JPY → "500"). */
export const formatDecimalPrice = (amount: number, currency: string): string => {
  const digits = minorDigits(currency)
  if (digits === 0) return String(amount)
  const s = String(amount).padStart(digits + 1, '0')
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`
}
