import { taxOn } from '../taxes/model.ts'

export const shippingLimits = {
  name: 100,
  description: 500,
  prices: 50,
  /** The most an amount (a price, or the subtotal shipping becomes free at) may be, in minor units. */
  amount: 1_000_000_000,
  days: 365,
}

/** What an option costs in one currency, and the subtotal at or above which it costs nothing (null: never free). */
export interface ShippingPrice {
  currency: string
  amount: number
  freeOver: number | null
}

/** A way of delivering an order, as administrators manage it. */
export interface ShippingOption {
  id: string
  name: string
  description: string
  /** The destinations it delivers to; empty for everywhere. */
  countries: string[]
  prices: ShippingPrice[]
  estimatedDays: { min: number; max: number }
  /** Exactly one option is the default. */
  isDefault: boolean
  /** An inactive option is offered to no one, but stays readable for the orders that used it. */
  active: boolean
  createdAt: string
  updatedAt: string
}

/** An option as shoppers see it for one destination and currency. */
export interface OfferedOption {
  id: string
  name: string
  description: string
  price: { amount: number; currency: string }
  freeOver?: number
  estimatedDays: { min: number; max: number }
  isDefault: boolean
}

/** An order's prices: shipping, and tax on subtotal plus shipping, all in minor units of `currency`. */
export interface Quote {
  shipping: { optionId: string; name: string; amount: number }
  tax: { rate: number; amount: number }
  subtotal: number
  total: number
  currency: string
}

export const shipsTo = (option: Pick<ShippingOption, 'countries'>, country: string): boolean =>
  option.countries.length === 0 || option.countries.includes(country)

export const priceIn = (option: Pick<ShippingOption, 'prices'>, currency: string): ShippingPrice | null =>
  option.prices.find((p) => p.currency === currency) ?? null

/** Why the option cannot ship an order to `country` in `currency`, or null when it can. */
export const unavailableReason = (
  option: Pick<ShippingOption, 'active' | 'countries' | 'prices'>,
  country: string,
  currency: string,
): string | null => {
  if (!option.active) return 'is no longer offered'
  if (!shipsTo(option, country)) return `does not deliver to ${country}`
  if (!priceIn(option, currency)) return `has no price in ${currency}`
  return null
}

/** The option as offered for a destination and currency, or null when it is not offered there. */
export const offer = (option: ShippingOption, country: string, currency: string): OfferedOption | null => {
  const price = priceIn(option, currency)
  if (!price || unavailableReason(option, country, currency)) return null
  return {
    id: option.id,
    name: option.name,
    description: option.description,
    price: { amount: price.amount, currency },
    ...(price.freeOver !== null && { freeOver: price.freeOver }),
    estimatedDays: option.estimatedDays,
    isDefault: option.isDefault,
  }
}

/** What shipping costs on an order of `subtotal`: nothing at or above the price's `freeOver`. */
export const shippingCost = (price: ShippingPrice, subtotal: number): number =>
  price.freeOver !== null && subtotal >= price.freeOver ? 0 : price.amount

/**
 * Prices an order: shipping at the option's price (free over its threshold), then tax at `taxRate` basis points on
 * subtotal plus shipping, rounded half up once for the whole order.
 */
export const priceOrder = (input: {
  option: { id: string; name: string }
  price: ShippingPrice
  taxRate: number
  subtotal: number
}): Quote => {
  const { option, price, taxRate, subtotal } = input
  if (!Number.isSafeInteger(subtotal) || subtotal < 0) throw new Error(`not a subtotal: ${subtotal}`)
  const shipping = shippingCost(price, subtotal)
  const tax = taxOn(subtotal + shipping, taxRate)
  return {
    shipping: { optionId: option.id, name: option.name, amount: shipping },
    tax: { rate: taxRate, amount: tax },
    subtotal,
    total: subtotal + shipping + tax,
    currency: price.currency,
  }
}
