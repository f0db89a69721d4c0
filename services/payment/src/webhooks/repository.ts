import type { Queryable } from '@myshop/db'

/**
 * Records a webhook by the provider's event id: answers true the first time, false when it was received before
 * (a provider sends an event again until it is acknowledged, and may send it twice regardless).
 */
export const receive = async (
  sql: Queryable,
  r: { provider: string; eventId: string; eventType: string; at: Date },
): Promise<boolean> => {
  const rows = await sql`
    insert into payments.webhook_receipts (provider, event_id, event_type, received_at)
    values (${r.provider}, ${r.eventId}, ${r.eventType}, ${r.at})
    on conflict do nothing returning event_id`
  return rows.length === 1
}

/** Notes which payment a received webhook concerned. */
export const concerned = (sql: Queryable, provider: string, eventId: string, paymentId: string) =>
  sql`
    update payments.webhook_receipts set payment_id = ${paymentId}
    where provider = ${provider} and event_id = ${eventId}`

/** The payment a webhook received before concerned, if it named one. */
export const paymentOfReceipt = async (
  sql: Queryable,
  provider: string,
  eventId: string,
): Promise<string | null> => {
  const [row] = await sql<{ paymentId: string | null }[]>`
    select payment_id as "paymentId" from payments.webhook_receipts
    where provider = ${provider} and event_id = ${eventId}`
  return row?.paymentId ?? null
}
