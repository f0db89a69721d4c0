import type { Queryable } from '@myshop/db'
import type { ShippingOption, ShippingPrice } from './model.ts'

type OptionRow = Omit<ShippingOption, 'createdAt' | 'updatedAt' | 'estimatedDays'> & {
  minDays: number
  maxDays: number
  createdAt: Date
  updatedAt: Date
}

const toOption = ({ minDays, maxDays, createdAt, updatedAt, ...row }: OptionRow): ShippingOption => ({
  ...row,
  estimatedDays: { min: minDays, max: maxDays },
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
})

const selectOptions = (sql: Queryable) => sql`
  select o.id, o.name, o.description, o.countries, o.min_days as "minDays", o.max_days as "maxDays",
         o.is_default as "isDefault", o.active, o.created_at as "createdAt", o.updated_at as "updatedAt",
         coalesce((select json_agg(json_build_object('currency', p.currency, 'amount', p.amount,
                                                     'freeOver', p.free_over) order by p.currency)
                   from orders.shipping_option_prices p where p.option_id = o.id), '[]'::json) as prices
  from orders.shipping_options o`

/** Every option, active or not: the default first, then by name. */
export const all = async (sql: Queryable): Promise<ShippingOption[]> =>
  (await sql<OptionRow[]>`${selectOptions(sql)} order by o.is_default desc, o.name, o.id`).map(toOption)

/** The active options that deliver to `country` and have a price in `currency`: the default first, then by name. */
export const offeredTo = async (sql: Queryable, country: string, currency: string) =>
  (
    await sql<OptionRow[]>`
      ${selectOptions(sql)}
      where o.active and (cardinality(o.countries) = 0 or ${country} = any(o.countries))
        and exists (select 1 from orders.shipping_option_prices p where p.option_id = o.id and p.currency = ${currency})
      order by o.is_default desc, o.name, o.id`
  ).map(toOption)

export const find = async (sql: Queryable, id: string): Promise<ShippingOption | null> => {
  const [row] = await sql<OptionRow[]>`${selectOptions(sql)} where o.id = ${id}`
  return row ? toOption(row) : null
}

/** Locks the option's row for the rest of the transaction; false when there is none. */
export const lock = async (sql: Queryable, id: string): Promise<boolean> =>
  (await sql`select 1 from orders.shipping_options where id = ${id} for update`).length > 0

/**
 * Serialises the transactions that choose the default option. Without it, two admins choosing different defaults at
 * once would each unset the old one and the second to commit would fail on the one-default index.
 */
export const lockDefault = (sql: Queryable) =>
  sql`select pg_advisory_xact_lock(hashtext('myshop.orders.shipping_options.default'))`

/** Makes no option the default, to make another one it in the same transaction. */
export const clearDefault = (sql: Queryable, at: Date) =>
  sql`update orders.shipping_options set is_default = false, updated_at = ${at} where is_default`

export interface OptionFields {
  name: string
  description: string
  countries: string[]
  estimatedDays: { min: number; max: number }
  isDefault: boolean
  active: boolean
}

export const insert = (sql: Queryable, id: string, o: OptionFields, at: Date) =>
  sql`
    insert into orders.shipping_options
      (id, name, description, countries, min_days, max_days, is_default, active, created_at, updated_at)
    values (${id}, ${o.name}, ${o.description}, ${o.countries}::text[], ${o.estimatedDays.min}, ${o.estimatedDays.max},
            ${o.isDefault}, ${o.active}, ${at}, ${at})`

export const update = (sql: Queryable, id: string, o: OptionFields, at: Date) =>
  sql`
    update orders.shipping_options
    set name = ${o.name}, description = ${o.description}, countries = ${o.countries}::text[],
        min_days = ${o.estimatedDays.min}, max_days = ${o.estimatedDays.max}, is_default = ${o.isDefault},
        active = ${o.active}, updated_at = ${at}
    where id = ${id}`

/** Replaces the option's prices with `prices`. */
export const setPrices = async (sql: Queryable, id: string, prices: ShippingPrice[]) => {
  await sql`delete from orders.shipping_option_prices where option_id = ${id}`
  for (const p of prices)
    await sql`
      insert into orders.shipping_option_prices (option_id, currency, amount, free_over)
      values (${id}, ${p.currency}, ${p.amount}, ${p.freeOver})`
}
