import type { Queryable } from '@myshop/db'

/** The service's VAPID key pair, base64url as web-push takes it. */
export interface VapidKeys {
  publicKey: string
  privateKey: string
}

/** A browser that takes a person's push notifications. */
export interface PushSubscriptionRecord {
  id: string
  userId: string
  endpoint: string
  p256dh: string
  auth: string
  createdAt: Date
}

export const vapidKeys = async (sql: Queryable): Promise<VapidKeys | null> => {
  const [row] = await sql<VapidKeys[]>`
    select public_key as "publicKey", private_key as "privateKey" from notifications.vapid_keys where id = 1`
  return row ?? null
}

/** Stores the key pair unless one is stored already (another instance won the race): that one stays. */
export const insertVapidKeys = async (sql: Queryable, keys: VapidKeys, at: Date) => {
  await sql`
    insert into notifications.vapid_keys (id, public_key, private_key, created_at)
    values (1, ${keys.publicKey}, ${keys.privateKey}, ${at}) on conflict (id) do nothing`
}

const columns = (sql: Queryable) =>
  sql`id, user_id as "userId", endpoint, p256dh, auth, created_at as "createdAt"`

/**
 * Stores a browser's subscription for the person; a browser already subscribed (its endpoint is known) is given to
 * this person with its new keys, as the browser now belongs to whoever signed in on it last.
 */
export const upsertSubscription = async (
  sql: Queryable,
  s: Omit<PushSubscriptionRecord, 'createdAt'>,
  at: Date,
): Promise<PushSubscriptionRecord> => {
  const [row] = await sql<PushSubscriptionRecord[]>`
    insert into notifications.push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)
    values (${s.id}, ${s.userId}, ${s.endpoint}, ${s.p256dh}, ${s.auth}, ${at})
    on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth
    returning ${columns(sql)}`
  return row!
}

/** Deletes the person's subscription at the endpoint; false when they have none there. */
export const deleteSubscription = async (
  sql: Queryable,
  userId: string,
  endpoint: string,
): Promise<boolean> => {
  const rows = await sql`
    delete from notifications.push_subscriptions where user_id = ${userId} and endpoint = ${endpoint} returning id`
  return rows.length > 0
}

/** Deletes a subscription whoever holds it (the push service answered that it is gone). */
export const deleteEndpoint = async (sql: Queryable, endpoint: string) => {
  await sql`delete from notifications.push_subscriptions where endpoint = ${endpoint}`
}

export const subscriptionsOf = (sql: Queryable, userId: string) =>
  sql<PushSubscriptionRecord[]>`
    select ${columns(sql)} from notifications.push_subscriptions where user_id = ${userId} order by created_at, id`

export const hasSubscription = async (sql: Queryable, userId: string): Promise<boolean> => {
  const [row] = await sql<{ found: boolean }[]>`
    select exists (select 1 from notifications.push_subscriptions where user_id = ${userId}) as found`
  return row?.found ?? false
}
