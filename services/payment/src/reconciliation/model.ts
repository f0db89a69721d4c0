import type { ProviderRecord } from '../providers/types.ts'

/** A payment as the ledger has it, for comparing with the provider: refunded counts refunds that succeeded. */
export interface LedgerView {
  paymentId: string
  providerReference: string | null
  status: string
  amount: number
  currency: string
  capturedAmount: number
  refundedAmount: number
}

export const differenceKinds = [
  'missing_at_provider',
  'unknown_to_ledger',
  'status_mismatch',
  'amount_mismatch',
  'missing_capture',
  'capture_only_at_provider',
  'refund_only_in_ledger',
  'refund_only_at_provider',
] as const
export type DifferenceKind = (typeof differenceKinds)[number]

type Side = { status: string; amount: number; capturedAmount: number; refundedAmount: number }

/** One way the ledger and the provider disagree about a payment, with both sides as they stand. */
export interface Difference {
  kind: DifferenceKind
  paymentId: string | null
  providerReference: string | null
  detail: string
  ours: Side | null
  theirs: Side | null
}

const side = (p: Side): Side => ({
  status: p.status,
  amount: p.amount,
  capturedAmount: p.capturedAmount,
  refundedAmount: p.refundedAmount,
})

/** What the provider's status should be for each of ours; several where either is right. */
const expected: Record<string, readonly ProviderRecord['status'][]> = {
  pending: ['requires_action', 'authorized', 'failed'],
  requires_action: ['requires_action'],
  authorized: ['authorized'],
  captured: ['captured'],
  partially_refunded: ['captured'],
  refunded: ['captured'],
  // An authorization given up before the shopper approved stays unapproved at some providers: either is voided.
  voided: ['voided', 'requires_action', 'failed'],
  failed: ['failed', 'voided', 'requires_action'],
}

const holdsMoney = (status: string) =>
  ['authorized', 'captured', 'partially_refunded', 'refunded'].includes(status)

/**
 * Compares one payment of the ledger with the provider's record of it (null: the provider has none), and answers
 * every difference: a payment the provider does not know, an amount that differs, a capture or refund on one
 * side only, or a status the other side does not match. Agreeing sides answer nothing.
 */
export const comparePayment = (ours: LedgerView, theirs: ProviderRecord | null): Difference[] => {
  const base = { paymentId: ours.paymentId, providerReference: ours.providerReference, ours: side(ours) }
  if (!theirs)
    return holdsMoney(ours.status) || ours.status === 'requires_action'
      ? [
          {
            ...base,
            kind: 'missing_at_provider',
            theirs: null,
            detail: `The ledger has the payment ${ours.status}; the provider has no record of it`,
          },
        ]
      : []
  const found = { ...base, theirs: side(theirs) }
  const out: Difference[] = []
  if (theirs.amount !== ours.amount || theirs.currency !== ours.currency)
    out.push({
      ...found,
      kind: 'amount_mismatch',
      detail: `The ledger authorized ${ours.amount} ${ours.currency}; the provider ${theirs.amount} ${theirs.currency}`,
    })
  const weCaptured = ours.capturedAmount > 0
  const theyCaptured = theirs.capturedAmount > 0
  if (weCaptured && !theyCaptured)
    out.push({
      ...found,
      kind: 'missing_capture',
      detail: `The ledger captured ${ours.capturedAmount}; the provider captured nothing`,
    })
  else if (!weCaptured && theyCaptured)
    out.push({
      ...found,
      kind: 'capture_only_at_provider',
      detail: `The provider captured ${theirs.capturedAmount}; the ledger has the payment ${ours.status}`,
    })
  else if (weCaptured && ours.capturedAmount !== theirs.capturedAmount)
    out.push({
      ...found,
      kind: 'amount_mismatch',
      detail: `The ledger captured ${ours.capturedAmount}; the provider ${theirs.capturedAmount}`,
    })
  if (ours.refundedAmount > theirs.refundedAmount)
    out.push({
      ...found,
      kind: 'refund_only_in_ledger',
      detail: `The ledger refunded ${ours.refundedAmount}; the provider ${theirs.refundedAmount}`,
    })
  else if (theirs.refundedAmount > ours.refundedAmount)
    out.push({
      ...found,
      kind: 'refund_only_at_provider',
      detail: `The provider refunded ${theirs.refundedAmount}; the ledger ${ours.refundedAmount}`,
    })
  // A status the amounts already explain is not said twice.
  if (out.length === 0 && !(expected[ours.status] ?? []).includes(theirs.status))
    out.push({
      ...found,
      kind: 'status_mismatch',
      detail: `The ledger has the payment ${ours.status}; the provider ${theirs.status}`,
    })
  return out
}

/** A provider's record that no payment of the ledger names. */
export const unknownToLedger = (theirs: ProviderRecord): Difference => ({
  kind: 'unknown_to_ledger',
  paymentId: theirs.paymentId,
  providerReference: theirs.reference,
  ours: null,
  theirs: side(theirs),
  detail: `The provider has a ${theirs.status} payment of ${theirs.amount} ${theirs.currency} the ledger does not`,
})
