import type { Tx } from '@myshop/db'
import { append, rebuild, verify } from '@myshop/event-store'
import { type PaymentDeps, schema } from '../deps.ts'
import { foldPayment, type PaymentEntry, type PaymentState, paymentStreamType } from './model.ts'

/**
 * Appends a change to a payment's stream. Run it as the last write of the transaction making the change: the chain's
 * lock is held from here to the commit, and every other payment change waits on it meanwhile.
 */
export const auditPayment = async (
  deps: PaymentDeps,
  tx: Tx,
  paymentId: string,
  entry: PaymentEntry,
  actor: string,
) => {
  await append(tx, schema, {
    streamType: paymentStreamType,
    streamId: paymentId,
    ...entry,
    version: 1,
    actor,
    occurredAt: new Date(deps.now()),
  })
}

/** Whether the payment service's audit trail is intact, and where it first breaks if not. */
export const verifyAudit = async (deps: PaymentDeps) => ({
  service: 'payment' as const,
  ...(await verify(deps.sql, schema)),
})

/** A payment's status and amounts rebuilt from its audit trail alone; null when it has no entries. */
export const paymentFromAudit = async (deps: PaymentDeps, paymentId: string): Promise<PaymentState | null> =>
  foldPayment(await rebuild(deps.sql, schema, paymentStreamType, paymentId))
