import { AppError } from '@myshop/errors'
import { newId } from '@myshop/ids'
import { isCurrency } from '@myshop/money'
import type { OrderDeps } from '../deps.ts'
import { taxRateFor } from '../taxes/service.ts'
import {
  type OfferedOption,
  offer,
  priceIn,
  priceOrder,
  type Quote,
  type ShippingOption,
  type ShippingPrice,
  unavailableReason,
} from './model.ts'
import * as options from './repository.ts'

export type { Quote } from './model.ts'

/** What an administrator sends to create an option. */
export interface NewShippingOption {
  name: string
  description?: string | undefined
  countries?: string[] | undefined
  prices: { currency: string; amount: number; freeOver?: number | null | undefined }[]
  estimatedDays: { min: number; max: number }
  isDefault?: boolean | undefined
  active?: boolean | undefined
}

/** What an administrator sends to change an option: any of its fields; `prices` replaces them all. */
export type ShippingOptionChanges = Partial<NewShippingOption>

const invalid = (path: string, message: string, detail: string) =>
  new AppError('validation_failed', { detail, errors: [{ path, message }] })

const notFound = (id: string) => new AppError('not_found', { detail: `No shipping option ${id}` })

const unavailable = (detail: string) => new AppError('shipping_unavailable', { detail })

const checkCurrency = (currency: string, path: string) => {
  if (!isCurrency(currency))
    throw invalid(path, 'must be an ISO 4217 currency code', `${currency} is not a currency`)
}

/** Prices checked (known currencies, each once) and put in one shape, `freeOver` null when never free. */
const checkedPrices = (prices: NewShippingOption['prices']): ShippingPrice[] => {
  const seen = new Set<string>()
  return prices.map((p, i) => {
    checkCurrency(p.currency, `/prices/${i}/currency`)
    if (seen.has(p.currency))
      throw invalid(`/prices/${i}/currency`, 'must appear once', `The option has two prices in ${p.currency}`)
    seen.add(p.currency)
    return { currency: p.currency, amount: p.amount, freeOver: p.freeOver ?? null }
  })
}

const checkDays = ({ min, max }: { min: number; max: number }) => {
  if (min > max)
    throw invalid(
      '/estimatedDays/max',
      'must not be less than min',
      'Delivery cannot take at most fewer days than it takes at least',
    )
}

/** The active options that deliver to `country` and have a price in `currency`, the default first. */
export const listOffered = async (
  deps: OrderDeps,
  country: string,
  currency: string,
): Promise<OfferedOption[]> => {
  checkCurrency(currency, '/currency')
  return (await options.offeredTo(deps.sql, country, currency)).flatMap(
    (option) => offer(option, country, currency) ?? [],
  )
}

/** Every option, inactive ones included, the default first. */
export const listShippingOptions = (deps: OrderDeps): Promise<ShippingOption[]> => options.all(deps.sql)

/** One option, active or not: an order's option stays readable after it is no longer offered. */
export const getShippingOption = async (deps: OrderDeps, id: string): Promise<ShippingOption> => {
  const option = await options.find(deps.sql, id)
  if (!option) throw notFound(id)
  return option
}

/** Creates an option; made the default, it takes that over from the old default in the same transaction. */
export const createShippingOption = async (
  deps: OrderDeps,
  input: NewShippingOption,
): Promise<ShippingOption> => {
  const prices = checkedPrices(input.prices)
  checkDays(input.estimatedDays)
  const fields = {
    name: input.name,
    description: input.description ?? '',
    countries: [...new Set(input.countries ?? [])].sort(),
    estimatedDays: input.estimatedDays,
    isDefault: input.isDefault ?? false,
    active: input.active ?? true,
  }
  if (fields.isDefault && !fields.active)
    throw invalid('/active', 'must be true for the default', 'The default option must be active')
  const at = new Date(deps.now())
  const id = newId('shp', at.getTime())
  return deps.sql.begin(async (tx) => {
    if (fields.isDefault) {
      await options.lockDefault(tx)
      await options.clearDefault(tx, at)
    }
    await options.insert(tx, id, fields, at)
    await options.setPrices(tx, id, prices)
    return (await options.find(tx, id))!
  })
}

/**
 * Changes an option. Making it the default unsets the old default in the same transaction; the default itself cannot
 * be unset or deactivated (409: make another option the default first), so there is always exactly one.
 */
export const updateShippingOption = async (
  deps: OrderDeps,
  id: string,
  changes: ShippingOptionChanges,
): Promise<ShippingOption> => {
  const prices = changes.prices && checkedPrices(changes.prices)
  const at = new Date(deps.now())
  return deps.sql.begin(async (tx) => {
    // The default's lock before the row's, in every transaction that takes both.
    if (changes.isDefault) await options.lockDefault(tx)
    if (!(await options.lock(tx, id))) throw notFound(id)
    const current = (await options.find(tx, id))!
    const next = {
      name: changes.name ?? current.name,
      description: changes.description ?? current.description,
      countries: changes.countries ? [...new Set(changes.countries)].sort() : current.countries,
      estimatedDays: changes.estimatedDays ?? current.estimatedDays,
      isDefault: changes.isDefault ?? current.isDefault,
      active: changes.active ?? current.active,
    }
    checkDays(next.estimatedDays)
    if (current.isDefault && !next.isDefault)
      throw new AppError('conflict', {
        detail: 'This is the default shipping option: make another option the default first',
      })
    if (next.isDefault && !next.active)
      throw new AppError('conflict', {
        detail: current.isDefault
          ? 'The default shipping option cannot be deactivated: make another option the default first'
          : 'An inactive shipping option cannot be the default: activate it too',
      })
    if (next.isDefault && !current.isDefault) await options.clearDefault(tx, at)
    await options.update(tx, id, next, at)
    if (prices) await options.setPrices(tx, id, prices)
    return (await options.find(tx, id))!
  })
}

/**
 * Stops offering an option. It is kept, inactive, because orders name the option they were shipped with; the
 * default cannot be deactivated (409). Deactivating an inactive option changes nothing.
 */
export const deactivateShippingOption = (deps: OrderDeps, id: string): Promise<ShippingOption> =>
  updateShippingOption(deps, id, { active: false })

/**
 * Prices an order: shipping by the chosen option in `currency` (free at or above its `freeOver`), plus tax at the
 * destination's rate on subtotal and shipping. 422 `shipping_unavailable` when the option is unknown, inactive, or
 * not offered for the country or currency.
 */
export const quote = async (
  deps: OrderDeps,
  input: { country: string; currency: string; subtotal: number; shippingOptionId: string },
): Promise<Quote> => {
  const option = await options.find(deps.sql, input.shippingOptionId)
  if (!option) throw unavailable(`There is no shipping option ${input.shippingOptionId}`)
  const reason = unavailableReason(option, input.country, input.currency)
  if (reason) throw unavailable(`Shipping option ${option.name} ${reason}`)
  return priceOrder({
    option,
    price: priceIn(option, input.currency)!,
    taxRate: await taxRateFor(deps, input.country),
    subtotal: input.subtotal,
  })
}
