import type { ProviderOutcome } from '../payments/provider.ts'
import type { Payment } from '../payments/service.ts'

/** The stream type of a payment in the audit trail; its id is the payment's. */
export const paymentStreamType = 'payment'

/**
 * The entries of a payment's stream, each version 1: what changed its status or its amounts. A provider call that
 * timed out changes neither (the ledger of provider calls keeps it) and has no entry.
 */
export type PaymentEntry =
  | {
      type: 'payment.created'
      data: { reference: string; amount: number; currency: string; provider: string }
    }
  | { type: 'payment.authorized'; data: { providerReference: string } }
  | { type: 'payment.requires_action'; data: { providerReference: string } }
  | { type: 'payment.failed'; data: { providerReference: string | null; reason: string } }
  | { type: 'payment.captured'; data: { amount: number } }
  | { type: 'payment.voided'; data: Record<string, never> }
  | { type: 'payment.refund_requested'; data: { refundId: string; amount: number } }
  | { type: 'payment.refund_succeeded'; data: { refundId: string; amount: number } }
  | { type: 'payment.refund_failed'; data: { refundId: string; amount: number } }
  /** The shopper's bank disputed the payment; its status and amounts stay as they are until the provider moves money. */
  | { type: 'payment.disputed'; data: { disputeId: string; amount: number; reason: string } }

/** A payment as its audit trail tells it: the status and amounts its row holds. */
export interface PaymentState {
  status: Payment['status']
  amount: number
  currency: string
  capturedAmount: number
  /** Set aside for refunds under way and given back by those that succeeded, as the row counts it. */
  refundedAmount: number
}

/**
 * Folds a payment's entries, oldest first, into its state: created pending; authorized, awaiting the customer or
 * failed by the provider; captured; voided; a refund sets its amount aside when requested, gives it back to the
 * payment when it fails, and when it succeeds makes the payment refunded once the refunds that succeeded add up to
 * what was captured, else partially refunded.
 */
export const foldPayment = (entries: readonly { type: string; data: unknown }[]): PaymentState | null => {
  let state: PaymentState | null = null
  let settled = 0
  for (const raw of entries) {
    const entry = raw as PaymentEntry
    if (entry.type === 'payment.created') {
      state = {
        status: 'pending',
        amount: entry.data.amount,
        currency: entry.data.currency,
        capturedAmount: 0,
        refundedAmount: 0,
      }
      continue
    }
    if (!state) throw new Error(`a payment stream starts with ${raw.type}, not payment.created`)
    switch (entry.type) {
      case 'payment.authorized':
        state.status = 'authorized'
        break
      case 'payment.requires_action':
        state.status = 'requires_action'
        break
      case 'payment.failed':
        state.status = 'failed'
        break
      case 'payment.captured':
        state.status = 'captured'
        state.capturedAmount = entry.data.amount
        break
      case 'payment.voided':
        state.status = 'voided'
        break
      case 'payment.refund_requested':
        state.refundedAmount += entry.data.amount
        break
      case 'payment.refund_failed':
        state.refundedAmount -= entry.data.amount
        break
      case 'payment.disputed':
        break
      case 'payment.refund_succeeded':
        settled += entry.data.amount
        state.status = settled === state.capturedAmount ? 'refunded' : 'partially_refunded'
        break
      default:
        throw new Error(`a payment stream holds an entry of unknown type ${raw.type}`)
    }
  }
  return state
}

/** The entry an authorization's outcome writes: none for a timeout, which leaves the payment as it was. */
export const authorizationEntry = (result: ProviderOutcome): PaymentEntry | null => {
  switch (result.outcome) {
    case 'succeeded':
      return { type: 'payment.authorized', data: { providerReference: result.reference } }
    case 'requires_action':
      return { type: 'payment.requires_action', data: { providerReference: result.reference } }
    case 'declined':
      return { type: 'payment.failed', data: { providerReference: result.reference, reason: result.reason } }
    default:
      return null
  }
}
