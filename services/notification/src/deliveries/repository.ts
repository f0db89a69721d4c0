import type { Db, Tx } from '@myshop/db'
import type { Channel } from '../messages/model.ts'
import type { Delivery, DeliveryStatus } from './model.ts'

const columns = (sql: Db | Tx) => sql`
  id, event_id as "eventId", event_type as "eventType", template, channel, recipient, category, status, attempts,
  last_error as "lastError", provider, provider_message_id as "providerMessageId", payload,
  next_attempt_at as "nextAttemptAt", created_at as "createdAt", updated_at as "updatedAt"`

export interface InsertedDelivery {
  id: string
  channel: Channel
  recipient: string
}

/** Inserts the deliveries not made yet for their (event, channel, recipient); answers those it inserted. */
export const insertNew = async (
  tx: Tx,
  rows: Omit<
    Delivery,
    'status' | 'attempts' | 'lastError' | 'provider' | 'providerMessageId' | 'nextAttemptAt' | 'updatedAt'
  >[],
): Promise<InsertedDelivery[]> => {
  const inserted: InsertedDelivery[] = []
  for (const row of rows)
    inserted.push(
      ...(await tx<InsertedDelivery[]>`
        insert into notifications.deliveries
          (id, event_id, event_type, template, channel, recipient, category, payload, created_at, updated_at)
        values (${row.id}, ${row.eventId}, ${row.eventType}, ${row.template}, ${row.channel}, ${row.recipient},
                ${row.category}, ${tx.json(row.payload as never)}, ${row.createdAt}, ${row.createdAt})
        on conflict (event_id, channel, recipient) do nothing
        returning id, channel, recipient`),
    )
  return inserted
}

/**
 * Leases a delivery to `owner` for sending, counting the attempt: one that is queued, or whose last sender's lease
 * ran out (a crash mid-send). Answers nothing when it is sent, given up, or being sent by another worker.
 */
export const claim = async (sql: Db, id: string, owner: string, at: Date, leaseUntil: Date) => {
  const [row] = await sql<Delivery[]>`
    update notifications.deliveries
    set status = 'sending', attempts = attempts + 1, lease_owner = ${owner}, lease_until = ${leaseUntil},
        updated_at = ${at}
    where id = ${id} and (status = 'queued' or (status = 'sending' and lease_until <= ${at}))
    returning ${columns(sql)}`
  return row ?? null
}

/** Records what came of a send, if `owner` still holds the delivery's lease; false when it lost it. */
export const settle = async (
  sql: Db,
  id: string,
  owner: string,
  change: {
    status: DeliveryStatus
    lastError: string | null
    provider: string | null
    providerMessageId: string | null
    nextAttemptAt: Date | null
    at: Date
  },
): Promise<boolean> =>
  (
    await sql`
      update notifications.deliveries
      set status = ${change.status}, last_error = ${change.lastError},
          provider = coalesce(${change.provider}, provider),
          provider_message_id = coalesce(${change.providerMessageId}, provider_message_id),
          next_attempt_at = ${change.nextAttemptAt}, lease_owner = null, lease_until = null, updated_at = ${change.at}
      where id = ${id} and lease_owner = ${owner} and status = 'sending'
      returning id`
  ).length > 0

export const isSuppressed = async (sql: Db, channel: Channel, recipient: string) =>
  (
    await sql`select 1 from notifications.suppressions where channel = ${channel} and recipient = ${recipient}`
  ).length > 0

/** Never writes to `recipient` on `channel` again; the first reason stays. */
export const suppress = async (sql: Db, channel: Channel, recipient: string, reason: string, at: Date) => {
  await sql`
    insert into notifications.suppressions (channel, recipient, reason, created_at)
    values (${channel}, ${recipient}, ${reason}, ${at})
    on conflict (channel, recipient) do nothing`
}

export const find = async (sql: Db, id: string): Promise<Delivery | null> => {
  const [row] = await sql<Delivery[]>`select ${columns(sql)} from notifications.deliveries where id = ${id}`
  return row ?? null
}

export interface DeliveryFilter {
  status?: DeliveryStatus | undefined
  to?: string | undefined
  /** The id the previous page ended at: newest first, so the next page has smaller ids. */
  before?: string | undefined
  limit: number
}

export const list = (sql: Db, filter: DeliveryFilter): Promise<Delivery[]> =>
  sql<Delivery[]>`
    select ${columns(sql)} from notifications.deliveries
    where true
      ${filter.status ? sql`and status = ${filter.status}` : sql``}
      ${filter.to ? sql`and recipient = ${filter.to}` : sql``}
      ${filter.before ? sql`and id < ${filter.before}` : sql``}
    order by id desc
    limit ${filter.limit}`

/** Puts a failed delivery back in the queue's hands; false when it is not failed (any more). */
export const requeue = async (sql: Db, id: string, at: Date): Promise<boolean> =>
  (
    await sql`
      update notifications.deliveries set status = 'queued', next_attempt_at = null, updated_at = ${at}
      where id = ${id} and status = 'failed' returning id`
  ).length > 0

export const failedIds = async (sql: Db, limit: number): Promise<string[]> =>
  (
    await sql<{ id: string }[]>`
      select id from notifications.deliveries where status = 'failed' order by id limit ${limit}`
  ).map((row) => row.id)

/**
 * Deliveries the queue may have lost sight of: queued and untouched since `quietSince` (a crash between their
 * insert and their job's), or leased to a sender whose lease ran out.
 */
export const stranded = (sql: Db, quietSince: Date, at: Date, limit: number) =>
  sql<InsertedDelivery[]>`
    select id, channel from notifications.deliveries
    where (status = 'queued' and updated_at <= ${quietSince} and (next_attempt_at is null or next_attempt_at <= ${at}))
       or (status = 'sending' and lease_until <= ${at})
    order by id
    limit ${limit}`

/** Records a provider's callback once by its id: false when it was received before. */
export const receiveProviderEvent = async (
  sql: Db,
  e: { provider: string; eventId: string; deliveryId: string | null; status: string; at: Date },
): Promise<boolean> => {
  const rows = await sql`
    insert into notifications.provider_events (provider, event_id, delivery_id, status, received_at)
    values (${e.provider}, ${e.eventId}, ${e.deliveryId}, ${e.status}, ${e.at})
    on conflict do nothing returning event_id`
  return rows.length === 1
}

/** The delivery a provider's callback is about: by the delivery id it carried, else by the provider's message id. */
export const findForCallback = async (
  sql: Db,
  channel: Channel,
  deliveryId: string | null,
  providerMessageId: string | null,
): Promise<Delivery | null> => {
  const [row] = await sql<Delivery[]>`
    select ${columns(sql)} from notifications.deliveries
    where channel = ${channel}
      and (id = ${deliveryId ?? ''} or (provider_message_id is not null and provider_message_id = ${providerMessageId ?? ''}))
    limit 1`
  return row ?? null
}

/** Moves a sent delivery on as the provider reported it; one already delivered or bounced only moves to bounced. */
export const markReported = (
  sql: Db,
  id: string,
  status: 'delivered' | 'bounced' | 'failed',
  detail: string | null,
  at: Date,
) =>
  sql`
    update notifications.deliveries
    set status = ${status}, last_error = coalesce(${detail}, last_error), updated_at = ${at}
    where id = ${id}
      and (status = 'sent' or (status = 'delivered' and ${status} = 'bounced'))`
