import type { Queryable } from '@myshop/db'
import type { TaxRate } from './model.ts'

type TaxRateRow = Omit<TaxRate, 'updatedAt'> & { updatedAt: Date }

const toRate = (row: TaxRateRow): TaxRate => ({ ...row, updatedAt: row.updatedAt.toISOString() })

export const all = async (sql: Queryable): Promise<TaxRate[]> =>
  (
    await sql<TaxRateRow[]>`
      select country, rate, updated_at as "updatedAt" from orders.tax_rates order by country`
  ).map(toRate)

/** The country's rate in basis points, or null when it has none. */
export const rateOf = async (sql: Queryable, country: string): Promise<number | null> => {
  const [row] = await sql<{ rate: number }[]>`select rate from orders.tax_rates where country = ${country}`
  return row?.rate ?? null
}

export const upsert = async (sql: Queryable, country: string, rate: number, at: Date): Promise<TaxRate> => {
  const [row] = await sql<TaxRateRow[]>`
    insert into orders.tax_rates (country, rate, updated_at) values (${country}, ${rate}, ${at})
    on conflict (country) do update set rate = excluded.rate, updated_at = excluded.updated_at
    returning country, rate, updated_at as "updatedAt"`
  return toRate(row!)
}

/** Removes the country's rate; false when it had none. */
export const remove = async (sql: Queryable, country: string): Promise<boolean> =>
  (await sql`delete from orders.tax_rates where country = ${country} returning country`).length > 0
