import { AppError } from '@myshop/errors'
import type { OrderDeps } from '../deps.ts'
import type { TaxRate } from './model.ts'
import * as rates from './repository.ts'

/** Every country's rate, by country. */
export const listTaxRates = (deps: OrderDeps): Promise<TaxRate[]> => rates.all(deps.sql)

/** The rate, in basis points, orders shipped to `country` are taxed at: 0 when the country has none. */
export const taxRateFor = async (deps: OrderDeps, country: string): Promise<number> =>
  (await rates.rateOf(deps.sql, country)) ?? 0

/** Sets a country's rate in basis points (1900 = 19%), replacing the one it had. */
export const setTaxRate = (deps: OrderDeps, country: string, rate: number): Promise<TaxRate> =>
  rates.upsert(deps.sql, country, rate, new Date(deps.now()))

/** Removes a country's rate, so it is taxed at 0; 404 when it had none. */
export const deleteTaxRate = async (deps: OrderDeps, country: string): Promise<void> => {
  if (!(await rates.remove(deps.sql, country)))
    throw new AppError('not_found', { detail: `No tax rate is set for ${country}` })
}
