import type { Queryable } from '@myshop/db'
import type { LocationStock } from './model.ts'

/** A SKU and its low-stock state. */
export interface SkuRecord {
  sku: string
  threshold: number | null
  low: boolean
}

/** One row of the adjustments ledger. */
export interface Adjustment {
  id: string
  sku: string
  location: string
  delta: number
  reason: string
  actor: string
  reservationId: string | null
  createdAt: string
}

export interface StockRow extends LocationStock {
  sku: string
}

const stockColumns = (sql: Queryable) => sql`sku, location, on_hand as "onHand", reserved, available`

export const findSku = async (sql: Queryable, sku: string): Promise<SkuRecord | null> => {
  const [row] = await sql<SkuRecord[]>`
    select sku, low_stock_threshold as threshold, low from inventory.skus where sku = ${sku}`
  return row ?? null
}

/** The SKU's stock at each location, by location. */
export const locations = (sql: Queryable, sku: string) =>
  sql<LocationStock[]>`
    select location, on_hand as "onHand", reserved, available from inventory.stock
    where sku = ${sku} order by location`

/**
 * Locks the stock rows of the SKUs, always in (sku, location) order: transactions locking overlapping sets wait
 * for each other instead of deadlocking.
 */
export const lock = (sql: Queryable, skus: string[]) =>
  sql<StockRow[]>`
    select ${stockColumns(sql)} from inventory.stock
    where sku = any(${skus}) order by sku, location for update`

/** Adds SKUs, each with an empty stock row at `location`; those already known are left as they are. */
export const addSkus = async (sql: Queryable, skus: string[], location: string, at: Date) => {
  await sql`
    insert into inventory.skus (sku, created_at, updated_at)
    select unnest(${skus}::text[]), ${at}, ${at} on conflict do nothing`
  await sql`
    insert into inventory.stock (sku, location, updated_at)
    select unnest(${skus}::text[]), ${location}, ${at} on conflict do nothing`
}

/** Makes sure a known SKU has a stock row at `location`. */
export const addLocation = (sql: Queryable, sku: string, location: string, at: Date) =>
  sql`insert into inventory.stock (sku, location, updated_at) values (${sku}, ${location}, ${at})
      on conflict do nothing`

/** Changes a location's counts; the table's checks refuse a change that would oversell. */
export const move = async (
  sql: Queryable,
  change: { sku: string; location: string; onHand: number; reserved: number; at: Date },
): Promise<StockRow> => {
  const [row] = await sql<StockRow[]>`
    update inventory.stock
    set on_hand = on_hand + ${change.onHand}, reserved = reserved + ${change.reserved}, updated_at = ${change.at}
    where sku = ${change.sku} and location = ${change.location}
    returning ${stockColumns(sql)}`
  return row!
}

type AdjustmentRow = Omit<Adjustment, 'createdAt'> & { createdAt: Date }

export const insertAdjustment = async (sql: Queryable, a: Omit<Adjustment, 'createdAt'> & { at: Date }) => {
  const [row] = await sql<AdjustmentRow[]>`
    insert into inventory.adjustments (id, sku, location, delta, reason, actor, reservation_id, created_at)
    values (${a.id}, ${a.sku}, ${a.location}, ${a.delta}, ${a.reason}, ${a.actor}, ${a.reservationId}, ${a.at})
    returning id, sku, location, delta, reason, actor, reservation_id as "reservationId", created_at as "createdAt"`
  return { ...row!, createdAt: row!.createdAt.toISOString() }
}

/** Each SKU's threshold, low flag and available stock over all its locations. */
export const levels = (sql: Queryable, skus: string[]) =>
  sql<(SkuRecord & { available: number })[]>`
    select k.sku, k.low_stock_threshold as threshold, k.low,
           coalesce((select sum(s.available) from inventory.stock s where s.sku = k.sku), 0)::int as available
    from inventory.skus k where k.sku = any(${skus}) order by k.sku`

export const setLow = (sql: Queryable, sku: string, low: boolean) =>
  sql`update inventory.skus set low = ${low} where sku = ${sku}`

export const setThreshold = (sql: Queryable, sku: string, threshold: number | null, at: Date) =>
  sql`update inventory.skus set low_stock_threshold = ${threshold}, updated_at = ${at} where sku = ${sku}`

/** SKUs at or below their threshold, by SKU, a page after `after` (null for the first). */
export const low = (sql: Queryable, after: string | null, limit: number) =>
  sql<{ sku: string; threshold: number; available: number }[]>`
    select k.sku, k.low_stock_threshold as threshold, coalesce(sum(s.available), 0)::int as available
    from inventory.skus k left join inventory.stock s on s.sku = k.sku
    where k.low_stock_threshold is not null ${after === null ? sql`` : sql`and k.sku > ${after}`}
    group by k.sku
    having coalesce(sum(s.available), 0) <= k.low_stock_threshold
    order by k.sku limit ${limit}`

/** Units of a reservation the ledger shows put back on hand, per SKU and location. */
export const returnedUnits = (sql: Queryable, reservationId: string, reason: string) =>
  sql<{ sku: string; location: string; quantity: number }[]>`
    select sku, location, sum(delta)::int as quantity from inventory.adjustments
    where reservation_id = ${reservationId} and reason = ${reason}
    group by sku, location`
