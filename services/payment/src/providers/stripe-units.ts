import { minorDigits } from '@myshop/money'

/**
 * How Stripe counts amounts, against ISO 4217 minor units (what MyShop counts, `@myshop/money`), from Stripe's
 * "Supported currencies" page:
 *
 * - Zero-decimal currencies are counted in whole units: BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF
 *   XOF XPF. All but MGA have no minor unit in ISO either, so the amount is the same number. MGA has two digits in
 *   ISO (and in `@myshop/money`) but none at Stripe: our amount is divided by 100, and one with a fraction of an
 *   ariary is refused rather than rounded, so the shopper is never charged another amount than the order's.
 * - ISK has no minor unit in ISO, but Stripe still counts it in hundredths (and takes only multiples of 100, which
 *   whole krónur always are): our amount is multiplied by 100.
 * - Three-decimal currencies (BHD JOD KWD OMR TND) are counted in thousandths, as ISO does, but Stripe takes only
 *   amounts whose last digit is 0: one that is not is refused rather than rounded.
 * - HUF and TWD are two-decimal for charges (zero-decimal only for payouts, which MyShop does not make), and every
 *   other currency is counted in its ISO minor unit: the amount is the same number.
 */
const stripeZeroDecimal = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '),
)
const stripeThreeDecimal = new Set('BHD JOD KWD OMR TND'.split(' '))
/** Currencies Stripe counts with more digits than ISO gives them. */
const stripeExtraDigits: Record<string, number> = { ISK: 2 }

/** Digits after the decimal point in the unit Stripe counts `currency` in. */
export const stripeDigits = (currency: string): number =>
  stripeZeroDecimal.has(currency) ? 0 : (stripeExtraDigits[currency] ?? minorDigits(currency))

export type StripeAmount = { ok: true; amount: number } | { ok: false; problem: string }

/** Our minor units of `currency` (upper case ISO code) as the amount Stripe takes, or why Stripe cannot take it. */
export const toStripeAmount = (amount: number, currency: string): StripeAmount => {
  const shift = stripeDigits(currency) - minorDigits(currency)
  if (shift < 0 && amount % 10 ** -shift !== 0)
    return { ok: false, problem: `Stripe takes ${currency} in whole units only; ${amount} has a fraction` }
  const converted = shift < 0 ? amount / 10 ** -shift : amount * 10 ** shift
  if (stripeThreeDecimal.has(currency) && converted % 10 !== 0)
    return { ok: false, problem: `Stripe takes ${currency} amounts ending in 0 only; ${amount} does not` }
  return { ok: true, amount: converted }
}

/** An amount Stripe reports in `currency` (either case), in our minor units. */
export const fromStripeAmount = (amount: number, currency: string): number => {
  const code = currency.toUpperCase()
  const shift = stripeDigits(code) - minorDigits(code)
  return shift < 0 ? amount * 10 ** -shift : Math.round(amount / 10 ** shift)
}
