import type { Queryable } from '@myshop/db'
import type { NextAction } from '../providers/types.ts'

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
  nextAction: NextAction | null
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
      next_action as "nextAction", failure_reason as "failureReason", captured_amount as "capturedAmount",
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
      'status' | 'providerReference' | 'nextAction' | 'failureReason' | 'capturedAmount' | 'refundedAmount'
    >
  >,
  at: Date,
) =>
  sql`
    update payments.payments set
      status = coalesce(${change.status ?? null}, status),
      provider_reference = coalesce(${change.providerReference ?? null}, provider_reference),
      next_action = ${change.nextAction === undefined ? sql`next_action` : change.nextAction === null ? null : sql.json(change.nextAction as never)},
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

/** A dispute (chargeback) the shopper's bank opened over a payment, as the provider last described it. */
export interface DisputeRecord {
  id: string
  amount: number
  currency: string
  reason: string
  status: string
  openedAt: string
}

export const latestDispute = async (sql: Queryable, paymentId: string): Promise<DisputeRecord | null> => {
  const [row] = await sql<DisputeRecord[]>`
    select provider_dispute_id as id, amount, currency, reason, status,
           to_char(opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "openedAt"
    from payments.disputes where payment_id = ${paymentId} order by opened_at desc, id desc limit 1`
  return row ?? null
}

/**
 * Records a dispute, or its new status when the provider described it before: answers whether it is new (and so
 * worth telling operators about).
 */
export const upsertDispute = async (
  sql: Queryable,
  d: {
    id: string
    paymentId: string
    provider: string
    providerDisputeId: string
    amount: number
    currency: string
    reason: string
    status: string
    at: Date
  },
): Promise<boolean> => {
  const [row] = await sql<{ created: boolean }[]>`
    insert into payments.disputes (id, payment_id, provider, provider_dispute_id, amount, currency, reason, status,
                                   opened_at, updated_at)
    values (${d.id}, ${d.paymentId}, ${d.provider}, ${d.providerDisputeId}, ${d.amount}, ${d.currency}, ${d.reason},
            ${d.status}, ${d.at}, ${d.at})
    on conflict (provider, provider_dispute_id) do update set status = excluded.status, updated_at = excluded.updated_at
    returning (xmax = 0) as created`
  return row!.created
}

/**
 * The payment a provider's ids name: the payment's own reference first, else a capture, refund or authorization its
 * ledger holds.
 */
export const findIdByProviderIds = async (
  sql: Queryable,
  provider: string,
  ids: string[],
): Promise<string | null> => {
  if (ids.length === 0) return null
  const [own] = await sql<{ id: string }[]>`
    select id from payments.payments where provider = ${provider} and provider_reference in ${sql(ids)} limit 1`
  if (own) return own.id
  const [viaLedger] = await sql<{ id: string }[]>`
    select t.payment_id as id from payments.transactions t join payments.payments p on p.id = t.payment_id
    where p.provider = ${provider} and t.provider_reference in ${sql(ids)} limit 1`
  return viaLedger?.id ?? null
}

/** A payment as reconciliation compares it: refunded counts refunds that succeeded only. */
export interface LedgerEntry {
  paymentId: string
  providerReference: string | null
  status: PaymentStatus
  amount: number
  currency: string
  capturedAmount: number
  refundedAmount: number
}

const ledgerColumns = (sql: Queryable) =>
  sql`p.id as "paymentId", p.provider_reference as "providerReference", p.status, p.amount, p.currency,
      p.captured_amount as "capturedAmount",
      coalesce((select sum(r.amount) from payments.refunds r where r.payment_id = p.id and r.status = 'succeeded'),
               0)::bigint as "refundedAmount"`

/** The payments made through `provider` since `since`. */
export const ledgerSince = (sql: Queryable, provider: string, since: Date) =>
  sql<LedgerEntry[]>`
    select ${ledgerColumns(sql)} from payments.payments p
    where p.provider = ${provider} and p.created_at >= ${since} order by p.created_at, p.id`

/** The payments of `provider` with these references, whenever made. */
export const ledgerByReferences = (sql: Queryable, provider: string, references: string[]) =>
  references.length === 0
    ? Promise.resolve([] as LedgerEntry[])
    : sql<LedgerEntry[]>`
        select ${ledgerColumns(sql)} from payments.payments p
        where p.provider = ${provider} and p.provider_reference in ${sql(references)}`
