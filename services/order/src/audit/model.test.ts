import { describe, expect, test } from 'bun:test'
import { foldOrder, type PlacedData } from './model.ts'

const placed: PlacedData = {
  userId: 'usr_1',
  email: 'ada@example.com',
  currency: 'EUR',
  lines: [{ sku: 'LAMP-1', productId: 'prd_1', name: 'Lamp', unitPrice: 1000, quantity: 2, lineTotal: 2000 }],
  totals: { subtotal: 2000, shipping: 500, tax: 0, total: 2500 },
  shippingAddress: { name: 'Ada', line1: 'Street 1', city: 'Berlin', postalCode: '10117', country: 'DE' },
  shippingOption: { id: 'standard', name: 'Standard', amount: 500 },
  paymentProvider: 'test',
  sagaId: 'sag_1',
}
const at = (s: number) => `2026-12-07T10:00:0${s}.000Z`

describe('foldOrder', () => {
  test('places the order, then applies each change in turn', () => {
    const order = foldOrder('ord_1', [
      { type: 'order.placed', data: placed, actor: 'svc:order', occurredAt: at(0) },
      {
        type: 'order.status_changed',
        data: { from: 'pending', to: 'awaiting_payment', note: null },
        actor: 'svc:order',
        occurredAt: at(1),
      },
      {
        type: 'order.payment_recorded',
        data: { paymentId: 'pay_1', status: 'captured' },
        actor: 'svc:order',
        occurredAt: at(2),
      },
      {
        type: 'order.status_changed',
        data: { from: 'awaiting_payment', to: 'paid', note: 'ok' },
        actor: 'svc:order',
        occurredAt: at(3),
      },
      { type: 'order.refund_recorded', data: { amount: 2500 }, actor: 'usr_admin', occurredAt: at(4) },
      {
        type: 'order.status_changed',
        data: { from: 'paid', to: 'refunded', note: null },
        actor: 'usr_admin',
        occurredAt: at(5),
      },
    ])
    expect(order).toMatchObject({
      id: 'ord_1',
      status: 'refunded',
      totals: { total: 2500, refunded: 2500 },
      payment: { id: 'pay_1', provider: 'test', status: 'captured' },
      createdAt: at(0),
      updatedAt: at(5),
    })
    expect(order!.history).toEqual([
      { status: 'pending', at: at(0), actor: 'svc:order', note: null },
      { status: 'awaiting_payment', at: at(1), actor: 'svc:order', note: null },
      { status: 'paid', at: at(3), actor: 'svc:order', note: 'ok' },
      { status: 'refunded', at: at(5), actor: 'usr_admin', note: null },
    ])
  })

  test('a dispute is recorded on the order and noted in its history, its status unchanged', () => {
    const dispute = {
      id: 'du_1',
      amount: 2500,
      currency: 'EUR',
      reason: 'fraudulent',
      status: 'needs_response',
      openedAt: at(1),
    }
    const order = foldOrder('ord_1', [
      { type: 'order.placed', data: placed, actor: 'svc:order', occurredAt: at(0) },
      {
        type: 'order.disputed',
        data: { dispute, note: 'Payment disputed' },
        actor: 'provider:stripe',
        occurredAt: at(2),
      },
    ])
    expect(order).toMatchObject({ status: 'pending', dispute, updatedAt: at(2) })
    expect(order!.history.at(-1)).toEqual({
      status: 'pending',
      at: at(2),
      actor: 'provider:stripe',
      note: 'Payment disputed',
    })
    expect(
      foldOrder('ord_1', [{ type: 'order.placed', data: placed, actor: 'x', occurredAt: at(0) }])!.dispute,
    ).toBeNull()
  })

  test('is null for an empty stream and refuses one that does not start with the placing, or holds an unknown entry', () => {
    expect(foldOrder('ord_1', [])).toBeNull()
    expect(() =>
      foldOrder('ord_1', [
        { type: 'order.refund_recorded', data: { amount: 1 }, actor: 'x', occurredAt: at(0) },
      ]),
    ).toThrow('does not start with order.placed')
    expect(() =>
      foldOrder('ord_1', [
        { type: 'order.placed', data: placed, actor: 'svc:order', occurredAt: at(0) },
        { type: 'order.teleported', data: {}, actor: 'x', occurredAt: at(1) },
      ]),
    ).toThrow('unknown type order.teleported')
  })
})
