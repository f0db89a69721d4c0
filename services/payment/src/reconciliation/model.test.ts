import { describe, expect, test } from 'bun:test'
import type { ProviderRecord } from '../providers/types.ts'
import { comparePayment, type LedgerView, unknownToLedger } from './model.ts'

const ours = (over: Partial<LedgerView> = {}): LedgerView => ({
  paymentId: 'pay_1',
  providerReference: 'pi_1',
  status: 'captured',
  amount: 5000,
  currency: 'EUR',
  capturedAmount: 5000,
  refundedAmount: 0,
  ...over,
})

const theirs = (over: Partial<ProviderRecord> = {}): ProviderRecord => ({
  reference: 'pi_1',
  paymentId: 'pay_1',
  status: 'captured',
  amount: 5000,
  currency: 'EUR',
  capturedAmount: 5000,
  refundedAmount: 0,
  captures: [{ reference: 'ch_1', amount: 5000, status: 'succeeded' }],
  refunds: [],
  createdAt: '2026-12-01T00:00:00.000Z',
  ...over,
})

const kinds = (a: LedgerView, b: ProviderRecord | null) => comparePayment(a, b).map((d) => d.kind)

describe('comparing a payment of the ledger with the provider', () => {
  test('agreeing sides answer nothing, whatever the refunds', () => {
    expect(kinds(ours(), theirs())).toEqual([])
    expect(
      kinds(ours({ status: 'partially_refunded', refundedAmount: 1000 }), theirs({ refundedAmount: 1000 })),
    ).toEqual([])
    expect(
      kinds(
        ours({ status: 'authorized', capturedAmount: 0 }),
        theirs({ status: 'authorized', capturedAmount: 0 }),
      ),
    ).toEqual([])
    expect(
      kinds(
        ours({ status: 'voided', capturedAmount: 0 }),
        theirs({ status: 'requires_action', capturedAmount: 0 }),
      ),
    ).toEqual([])
  })

  test('a payment holding money that the provider does not know is missing there; a failed one is not', () => {
    expect(kinds(ours(), null)).toEqual(['missing_at_provider'])
    expect(kinds(ours({ status: 'failed', capturedAmount: 0 }), null)).toEqual([])
  })

  test('a capture on one side only, and captured amounts that differ', () => {
    expect(kinds(ours(), theirs({ status: 'authorized', capturedAmount: 0 }))).toEqual(['missing_capture'])
    expect(kinds(ours({ status: 'authorized', capturedAmount: 0 }), theirs())).toEqual([
      'capture_only_at_provider',
    ])
    expect(kinds(ours(), theirs({ capturedAmount: 4000 }))).toEqual(['amount_mismatch'])
  })

  test('an authorized amount or currency that differs', () => {
    const [difference] = comparePayment(ours(), theirs({ amount: 5100, capturedAmount: 5000 }))
    expect(difference).toMatchObject({
      kind: 'amount_mismatch',
      paymentId: 'pay_1',
      providerReference: 'pi_1',
      ours: { amount: 5000 },
      theirs: { amount: 5100 },
    })
    expect(kinds(ours(), theirs({ currency: 'USD' }))).toEqual(['amount_mismatch'])
  })

  test('a refund on one side only', () => {
    expect(kinds(ours({ refundedAmount: 2000 }), theirs())).toEqual(['refund_only_in_ledger'])
    expect(kinds(ours(), theirs({ refundedAmount: 2000 }))).toEqual(['refund_only_at_provider'])
  })

  test('a status neither the amounts nor the rules explain', () => {
    expect(
      kinds(
        ours({ status: 'authorized', capturedAmount: 0 }),
        theirs({ status: 'voided', capturedAmount: 0 }),
      ),
    ).toEqual(['status_mismatch'])
  })

  test('a provider record the ledger does not name', () => {
    expect(unknownToLedger(theirs({ paymentId: null }))).toMatchObject({
      kind: 'unknown_to_ledger',
      paymentId: null,
      providerReference: 'pi_1',
      ours: null,
      theirs: { status: 'captured', amount: 5000 },
    })
  })
})
