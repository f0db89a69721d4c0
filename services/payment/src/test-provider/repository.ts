import type { Queryable } from '@myshop/db'

export type ChargeStatus = 'requires_action' | 'authorized' | 'declined' | 'captured' | 'voided'

export interface Charge {
  id: string
  idempotencyKey: string
  token: string
  amount: number
  currency: string
  status: ChargeStatus
  declineReason: string | null
  capturedAmount: number
  refundedAmount: number
  createdAt: Date
}

export interface Operation {
  id: string
  chargeId: string
  kind: 'capture' | 'void' | 'refund'
  amount: number
}

const chargeColumns = (sql: Queryable) =>
  sql`id, idempotency_key as "idempotencyKey", token, amount, currency, status, decline_reason as "declineReason",
      captured_amount as "capturedAmount", refunded_amount as "refundedAmount", created_at as "createdAt"`

/** Inserts the charge unless one with its idempotency key exists; answers the one kept under that key. */
export const claimCharge = async (
  sql: Queryable,
  c: Omit<Charge, 'capturedAmount' | 'refundedAmount' | 'createdAt'> & { at: Date },
): Promise<{ charge: Charge; created: boolean }> => {
  const inserted = await sql<Charge[]>`
    insert into payments.test_provider_charges
      (id, idempotency_key, token, amount, currency, status, decline_reason, created_at, updated_at)
    values (${c.id}, ${c.idempotencyKey}, ${c.token}, ${c.amount}, ${c.currency}, ${c.status}, ${c.declineReason},
            ${c.at}, ${c.at})
    on conflict (idempotency_key) do nothing
    returning ${chargeColumns(sql)}`
  if (inserted[0]) return { charge: inserted[0], created: true }
  const [existing] = await sql<Charge[]>`
    select ${chargeColumns(sql)} from payments.test_provider_charges where idempotency_key = ${c.idempotencyKey}`
  return { charge: existing!, created: false }
}

export const findCharge = async (sql: Queryable, id: string): Promise<Charge | null> => {
  const [row] = await sql<Charge[]>`
    select ${chargeColumns(sql)} from payments.test_provider_charges where id = ${id}`
  return row ?? null
}

/** The charge, held against other changes until the transaction ends. */
export const lockCharge = async (sql: Queryable, id: string): Promise<Charge | null> => {
  const [row] = await sql<Charge[]>`
    select ${chargeColumns(sql)} from payments.test_provider_charges where id = ${id} for update`
  return row ?? null
}

export const updateCharge = (
  sql: Queryable,
  id: string,
  change: {
    status: ChargeStatus
    capturedAmount: number
    refundedAmount: number
    declineReason: string | null
  },
  at: Date,
) =>
  sql`
    update payments.test_provider_charges
    set status = ${change.status}, captured_amount = ${change.capturedAmount},
        refunded_amount = ${change.refundedAmount}, decline_reason = ${change.declineReason}, updated_at = ${at}
    where id = ${id}`

export const findOperation = async (sql: Queryable, key: string): Promise<Operation | null> => {
  const [row] = await sql<Operation[]>`
    select id, charge_id as "chargeId", kind, amount from payments.test_provider_operations
    where idempotency_key = ${key}`
  return row ?? null
}

export const insertOperation = (sql: Queryable, op: Operation & { key: string; at: Date }) =>
  sql`
    insert into payments.test_provider_operations (id, idempotency_key, charge_id, kind, amount, created_at)
    values (${op.id}, ${op.key}, ${op.chargeId}, ${op.kind}, ${op.amount}, ${op.at})`

/** How many charges the provider holds under an idempotency key: one, however often it was retried. */
export const chargesByKey = async (sql: Queryable, key: string): Promise<Charge[]> =>
  sql<Charge[]>`
    select ${chargeColumns(sql)} from payments.test_provider_charges where idempotency_key = ${key}`

/** A charge's captures, voids and refunds, oldest first. */
export const operationsOf = (sql: Queryable, chargeId: string) =>
  sql<Operation[]>`
    select id, charge_id as "chargeId", kind, amount from payments.test_provider_operations
    where charge_id = ${chargeId} order by created_at, id`

/** The charges made since `since`, oldest first. */
export const chargesSince = (sql: Queryable, since: Date) =>
  sql<Charge[]>`
    select ${chargeColumns(sql)} from payments.test_provider_charges where created_at >= ${since}
    order by created_at, id`
