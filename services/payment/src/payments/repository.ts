import type { Queryable } from '@myshop/db'

export type PaymentStatus =
  | 'pending'
  | 'requires_action'
  | 'authorized'
  | 'captured'
  | 'voided'
  | 'refunded'
  | 'partially_refunded'
  | 'failed'

export interface PaymentRecord {
  id: string
  fingerprint: string
  reference: string
  amount: number
  currency: string
  status: PaymentStatus
  provider: string
  providerReference: string | null
  nextActionUrl: string | null
  failureReason: string | null
  capturedAmount: number
  refundedAmount: number
  createdAt: Date
  updatedAt: Date
}

export type TransactionKind = 'authorize' | 'capture' | 'void' | 'refund'
export type TransactionOutcome = 'succeeded' | 'requires_action' | 'declined' | 'failed' | 'timeout'

export interface TransactionRecord {
  id: string
  kind: TransactionKind
  amount: number
  currency: string
  providerReference: string | null
  idempotencyKey: string
  outcome: TransactionOutcome
  detail: string | null
  createdAt: Date
}

export interface RefundRecord {
  id: string
  paymentId: string
  amount: number
  status: 'pending' | 'succeeded' | 'failed'
  providerReference: string | null
  createdAt: Date
}

const columns = (sql: Queryable) =>
  sql`id, fingerprint, reference, amount, currency, status, provider, provider_reference as "providerReference",
      next_action_url as "nextActionUrl", failure_reason as "failureReason", captured_amount as "capturedAmount",
      refunded_amount as "refundedAmount", created_at as "createdAt", updated_at as "updatedAt"`

/**
 * Inserts a pending payment, marked busy until `busyUntil`, unless one with its idempotency key exists: returns
 * false then. A request holding the same key in a transaction not yet committed makes this wait for it.
 */
export const claim = async (
  sql: Queryable,
  p: {
    id: string
    key: string
    fingerprint: string
    reference: string
    amount: number
    currency: string
    provider: string
    actor: string
    busyUntil: Date
    at: Date
  },
): Promise<boolean> => {
  const rows = await sql`
    insert into payments.payments (id, idempotency_key, fingerprint, reference, amount, currency, status, provider,
                                   busy_until, actor, created_at, updated_at)
    values (${p.id}, ${p.key}, ${p.fingerprint}, ${p.reference}, ${p.amount}, ${p.currency}, 'pending',
            ${p.provider}, ${p.busyUntil}, ${p.actor}, ${p.at}, ${p.at})
    on conflict (idempotency_key) do nothing
    returning id`
  return rows.length === 1
}

export const findByKey = async (sql: Queryable, key: string): Promise<PaymentRecord | null> => {
  const [row] = await sql<PaymentRecord[]>`
    select ${columns(sql)} from payments.payments where idempotency_key = ${key}`
  return row ?? null
}

/** The payment; with `lock`, held against other changes until the transaction ends. */
export const find = async (sql: Queryable, id: string, lock = false): Promise<PaymentRecord | null> => {
  const [row] = await sql<PaymentRecord[]>`
    select ${columns(sql)} from payments.payments where id = ${id} ${lock ? sql`for update` : sql``}`
  return row ?? null
}

export const findByProviderReference = async (
  sql: Queryable,
  provider: string,
  reference: string,
): Promise<PaymentRecord | null> => {
  const [row] = await sql<PaymentRecord[]>`
    select ${columns(sql)} from payments.payments
    where provider = ${provider} and provider_reference = ${reference} for update`
  return row ?? null
}

/** Marks the payment busy unless another request holds it: answers whether this one now does. */
export const takeBusy = async (sql: Queryable, id: string, until: Date, at: Date): Promise<boolean> => {
  const rows = await sql`
    update payments.payments set busy_until = ${until}
    where id = ${id} and (busy_until is null or busy_until <= ${at}) returning id`
  return rows.length === 1
}

export const update = (
  sql: Queryable,
  id: string,
  change: Partial<
    Pick<
      PaymentRecord,
      'status' | 'providerReference' | 'nextActionUrl' | 'failureReason' | 'capturedAmount' | 'refundedAmount'
    >
  >,
  at: Date,
) =>
  sql`
    update payments.payments set
      status = coalesce(${change.status ?? null}, status),
      provider_reference = coalesce(${change.providerReference ?? null}, provider_reference),
      next_action_url = ${change.nextActionUrl === undefined ? sql`next_action_url` : change.nextActionUrl},
      failure_reason = coalesce(${change.failureReason ?? null}, failure_reason),
      captured_amount = coalesce(${change.capturedAmount ?? null}::bigint, captured_amount),
      refunded_amount = coalesce(${change.refundedAmount ?? null}::bigint, refunded_amount),
      busy_until = null,
      updated_at = ${at}
    where id = ${id}`

export const insertTransaction = (
  sql: Queryable,
  paymentId: string,
  t: Omit<TransactionRecord, 'createdAt'> & { at: Date },
) =>
  sql`
    insert into payments.transactions
      (id, payment_id, kind, amount, currency, provider_reference, idempotency_key, outcome, detail, created_at)
    values (${t.id}, ${paymentId}, ${t.kind}, ${t.amount}, ${t.currency}, ${t.providerReference},
            ${t.idempotencyKey}, ${t.outcome}, ${t.detail}, ${t.at})`

export const transactions = (sql: Queryable, paymentId: string) =>
  sql<TransactionRecord[]>`
    select id, kind, amount, currency, provider_reference as "providerReference",
           idempotency_key as "idempotencyKey", outcome, detail, created_at as "createdAt"
    from payments.transactions where payment_id = ${paymentId} order by seq`

const refundColumns = (sql: Queryable) =>
  sql`id, payment_id as "paymentId", amount, status, provider_reference as "providerReference",
      created_at as "createdAt"`

export const refunds = (sql: Queryable, paymentId: string) =>
  sql<RefundRecord[]>`
    select ${refundColumns(sql)} from payments.refunds where payment_id = ${paymentId} order by created_at, id`

export const findRefund = async (
  sql: Queryable,
  paymentId: string,
  key: string,
): Promise<RefundRecord | null> => {
  const [row] = await sql<RefundRecord[]>`
    select ${refundColumns(sql)} from payments.refunds where payment_id = ${paymentId} and idempotency_key = ${key}`
  return row ?? null
}

/** Takes a pending refund for a retry unless another request holds it: answers whether this one now does. */
export const takeRefund = async (sql: Queryable, id: string, until: Date, at: Date): Promise<boolean> => {
  const rows = await sql`
    update payments.refunds set busy_until = ${until}
    where id = ${id} and status = 'pending' and (busy_until is null or busy_until <= ${at}) returning id`
  return rows.length === 1
}

export const insertRefund = (
  sql: Queryable,
  r: { id: string; paymentId: string; key: string; amount: number; actor: string; busyUntil: Date; at: Date },
) =>
  sql`
    insert into payments.refunds (id, payment_id, idempotency_key, amount, status, busy_until, actor, created_at,
                                  updated_at)
    values (${r.id}, ${r.paymentId}, ${r.key}, ${r.amount}, 'pending', ${r.busyUntil}, ${r.actor}, ${r.at}, ${r.at})`

export const settleRefund = (
  sql: Queryable,
  id: string,
  change: { status: RefundRecord['status']; providerReference: string | null },
  at: Date,
) =>
  sql`
    update payments.refunds
    set status = ${change.status}, provider_reference = ${change.providerReference}, busy_until = null,
        updated_at = ${at}
    where id = ${id}`

/** Records a provider callback by its event id: false when it was received before (a replay). */
export const receive = async (
  sql: Queryable,
  provider: string,
  eventId: string,
  at: Date,
): Promise<boolean> => {
  const rows = await sql`
    insert into payments.webhook_receipts (provider, event_id, received_at) values (${provider}, ${eventId}, ${at})
    on conflict do nothing returning event_id`
  return rows.length === 1
}
