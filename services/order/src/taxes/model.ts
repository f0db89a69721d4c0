/**
 * A tax rate is an integer number of basis points: 1900 is 19%, 2000 is 20%, 0 is none. Integers keep the
 * arithmetic exact; 10000 (100%) is the most a rate may be.
 */
export const maxTaxRate = 10_000

/** A country's rate; a country without one is taxed at 0. */
export interface TaxRate {
  country: string
  rate: number
  updatedAt: string
}

/**
 * The tax on a taxable amount in minor units at `rate` basis points, rounded half up to a whole minor unit. Taxes are
 * exclusive (added on top) and computed once per order on subtotal plus shipping, never per line, so an order's tax
 * is off by at most half a minor unit. BigInt, so amount × rate never loses precision above 2^53.
 */
export const taxOn = (taxable: number, rate: number): number => {
  if (!Number.isSafeInteger(taxable) || taxable < 0) throw new Error(`not an amount to tax: ${taxable}`)
  if (!Number.isInteger(rate) || rate < 0 || rate > maxTaxRate) throw new Error(`not a tax rate: ${rate}`)
  return Number((BigInt(taxable) * BigInt(rate) + 5_000n) / 10_000n)
}
