import { describe, expect, test } from 'bun:test'
import { authorizationEntry, foldPayment, type PaymentEntry } from './model.ts'

const created: PaymentEntry = {
  type: 'payment.created',
  data: { reference: 'ord_1', amount: 5000, currency: 'EUR', provider: 'test' },
}

describe('foldPayment', () => {
  test('a payment made, authorized, captured and refunded in two parts', () => {
    const entries: PaymentEntry[] = [
      created,
      { type: 'payment.authorized', data: { providerReference: 'tpc_1' } },
      { type: 'payment.captured', data: { amount: 5000 } },
      { type: 'payment.refund_requested', data: { refundId: 'rfd_1', amount: 2000 } },
    ]
    // Requested, not yet settled: the amount is set aside, the status unchanged.
    expect(foldPayment(entries)).toEqual({
      status: 'captured',
      amount: 5000,
      currency: 'EUR',
      capturedAmount: 5000,
      refundedAmount: 2000,
    })
    entries.push({ type: 'payment.refund_succeeded', data: { refundId: 'rfd_1', amount: 2000 } })
    expect(foldPayment(entries)).toMatchObject({ status: 'partially_refunded', refundedAmount: 2000 })
    entries.push(
      { type: 'payment.refund_requested', data: { refundId: 'rfd_2', amount: 1000 } },
      { type: 'payment.refund_failed', data: { refundId: 'rfd_2', amount: 1000 } },
    )
    expect(foldPayment(entries)).toMatchObject({ status: 'partially_refunded', refundedAmount: 2000 })
    entries.push(
      { type: 'payment.refund_requested', data: { refundId: 'rfd_3', amount: 3000 } },
      { type: 'payment.refund_succeeded', data: { refundId: 'rfd_3', amount: 3000 } },
    )
    expect(foldPayment(entries)).toMatchObject({ status: 'refunded', refundedAmount: 5000 })
  })

  test('awaiting the customer, then failed or voided; a payment never answered stays pending', () => {
    const waiting: PaymentEntry = { type: 'payment.requires_action', data: { providerReference: 'tpc_2' } }
    expect(foldPayment([created])).toMatchObject({ status: 'pending', capturedAmount: 0 })
    expect(foldPayment([created, waiting])).toMatchObject({ status: 'requires_action' })
    expect(
      foldPayment([
        created,
        waiting,
        { type: 'payment.failed', data: { providerReference: 'tpc_2', reason: 'authentication_failed' } },
      ]),
    ).toMatchObject({ status: 'failed' })
    expect(foldPayment([created, waiting, { type: 'payment.voided', data: {} }])).toMatchObject({
      status: 'voided',
    })
  })

  test('nothing for no entries; refuses a stream that does not start with its creation or holds unknown entries', () => {
    expect(foldPayment([])).toBeNull()
    expect(() => foldPayment([{ type: 'payment.voided', data: {} }])).toThrow(/starts with payment.voided/)
    expect(() => foldPayment([created, { type: 'payment.lost', data: {} }])).toThrow(/unknown type/)
  })
})

describe('authorizationEntry', () => {
  test('one entry per outcome that changes the payment, none for a timeout', () => {
    expect(authorizationEntry({ outcome: 'succeeded', reference: 'tpc_1' })).toEqual({
      type: 'payment.authorized',
      data: { providerReference: 'tpc_1' },
    })
    expect(
      authorizationEntry({
        outcome: 'requires_action',
        reference: 'tpc_1',
        nextAction: { type: 'redirect', url: '/x' },
      }),
    ).toEqual({
      type: 'payment.requires_action',
      data: { providerReference: 'tpc_1' },
    })
    expect(authorizationEntry({ outcome: 'declined', reference: null, reason: 'card_declined' })).toEqual({
      type: 'payment.failed',
      data: { providerReference: null, reason: 'card_declined' },
    })
    expect(authorizationEntry({ outcome: 'timeout' })).toBeNull()
  })
})
