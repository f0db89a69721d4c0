import type { Queryable } from '@myshop/db'

export type ReservationStatus = 'reserved' | 'committed' | 'released' | 'expired'

/** A line of a reservation: units of a SKU held at one location. */
export interface ReservationLine {
  sku: string
  location: string
  quantity: number
}

export interface ReservationRecord {
  id: string
  reference: string
  status: ReservationStatus
  fingerprint: string
  actor: string
  expiresAt: Date
  createdAt: Date
  updatedAt: Date
}

const columns = (sql: Queryable) =>
  sql`id, reference, status, fingerprint, actor, expires_at as "expiresAt", created_at as "createdAt",
      updated_at as "updatedAt"`

/**
 * Inserts a reservation unless one with its idempotency key exists: returns false then. A request holding the same
 * key in a transaction not yet committed makes this wait for it, so two identical requests make one reservation.
 */
export const claim = async (
  sql: Queryable,
  r: {
    id: string
    key: string
    fingerprint: string
    reference: string
    actor: string
    expiresAt: Date
    at: Date
  },
): Promise<boolean> => {
  const rows = await sql`
    insert into inventory.reservations
      (id, idempotency_key, fingerprint, reference, status, actor, expires_at, created_at, updated_at)
    values (${r.id}, ${r.key}, ${r.fingerprint}, ${r.reference}, 'reserved', ${r.actor}, ${r.expiresAt}, ${r.at}, ${r.at})
    on conflict (idempotency_key) do nothing
    returning id`
  return rows.length === 1
}

export const findByKey = async (sql: Queryable, key: string): Promise<ReservationRecord | null> => {
  const [row] = await sql<ReservationRecord[]>`
    select ${columns(sql)} from inventory.reservations where idempotency_key = ${key}`
  return row ?? null
}

/** The reservation; with `lock`, held against other changes until the transaction ends. */
export const find = async (sql: Queryable, id: string, lock = false): Promise<ReservationRecord | null> => {
  const [row] = await sql<ReservationRecord[]>`
    select ${columns(sql)} from inventory.reservations where id = ${id} ${lock ? sql`for update` : sql``}`
  return row ?? null
}

export const insertLines = (sql: Queryable, id: string, lines: ReservationLine[]) =>
  sql`
    insert into inventory.reservation_lines (reservation_id, sku, location, quantity)
    select ${id}, x.sku, x.location, x.quantity
    from jsonb_to_recordset(${sql.json(lines as unknown as Parameters<typeof sql.json>[0])})
      as x(sku text, location text, quantity int)`

export const lines = (sql: Queryable, id: string) =>
  sql<ReservationLine[]>`
    select sku, location, quantity from inventory.reservation_lines
    where reservation_id = ${id} order by sku, location`

export const setStatus = (sql: Queryable, id: string, status: ReservationStatus, at: Date) =>
  sql`update inventory.reservations set status = ${status}, updated_at = ${at} where id = ${id}`

/** Reservations still holding stock past their expiry, oldest first. */
export const expired = async (sql: Queryable, at: Date, limit: number): Promise<string[]> =>
  (
    await sql<{ id: string }[]>`
      select id from inventory.reservations where status = 'reserved' and expires_at <= ${at}
      order by expires_at limit ${limit}`
  ).map((r) => r.id)

/** Records a restock request under its idempotency key; false when one with the key exists. */
export const claimRestock = async (
  sql: Queryable,
  r: { reservationId: string; key: string; fingerprint: string; actor: string; at: Date },
): Promise<boolean> => {
  const rows = await sql`
    insert into inventory.restocks (reservation_id, idempotency_key, fingerprint, actor, created_at)
    values (${r.reservationId}, ${r.key}, ${r.fingerprint}, ${r.actor}, ${r.at})
    on conflict (reservation_id, idempotency_key) do nothing
    returning reservation_id`
  return rows.length === 1
}

export const restockFingerprint = async (sql: Queryable, reservationId: string, key: string) => {
  const [row] = await sql<{ fingerprint: string }[]>`
    select fingerprint from inventory.restocks where reservation_id = ${reservationId} and idempotency_key = ${key}`
  return row?.fingerprint ?? null
}
