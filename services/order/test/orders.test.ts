import { describe, expect, test } from 'bun:test'
import { newId } from '@myshop/ids'
import { getOrder, placeOrder, recordRefund, setPayment, transition } from '../src/orders/service.ts'
import { orderFixtures, orderInput } from './fixtures.ts'
import { orderHarness } from './harness.ts'

const h = await orderHarness()
const f = await orderFixtures(h)

const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

describe('placeOrder', () => {
  test('writes the order pending with its lines, first history entry, order.placed event and audit entry', async () => {
    const input = orderInput()
    const written = h.eventsWritten()
    const order = await h.sql.begin((tx) => placeOrder(tx, h.deps, input))
    expect(order).toEqual({
      id: expect.stringMatching(/^ord_[0-9A-Z]{26}$/),
      userId: 'usr_customer',
      email: input.email,
      status: 'pending',
      currency: 'EUR',
      lines: input.lines,
      totals: { subtotal: 4498, shipping: 495, tax: 949, total: 5942, refunded: 0 },
      shippingAddress: input.shippingAddress,
      shippingOption: { id: 'standard', name: 'Standard delivery', amount: 495 },
      payment: { id: null, provider: 'test', status: null },
      fulfillments: [],
      history: [{ status: 'pending', at: expect.stringMatching(iso), actor: 'svc:order', note: null }],
      dispute: null,
      sagaId: input.sagaId,
      createdAt: order.history[0]!.at,
      updatedAt: order.history[0]!.at,
    })
    expect(await getOrder(h.deps, order.id)).toEqual(order)
    expect(await f.events(order.id)).toEqual([
      {
        type: 'order.placed',
        data: {
          orderId: order.id,
          userId: 'usr_customer',
          email: input.email,
          status: 'pending',
          currency: 'EUR',
          totals: order.totals,
          lines: input.lines,
          actor: 'svc:order',
          occurredAt: order.createdAt,
        },
      },
    ])
    expect((await f.auditEntries(order.id)).map((e) => [e.type, e.actor])).toEqual([
      ['order.placed', 'svc:order'],
    ])
    // The caller owns the transaction, so the caller wakes the relay.
    expect(h.eventsWritten()).toBe(written)
  })

  test('keeps only the six fields of a line, whatever else a cart line carries', async () => {
    const [first, second] = orderInput().lines
    const order = await f.place({
      lines: [{ ...first!, imageUrl: 'x', variantId: 'var_1' } as never, second!],
    })
    expect(order.lines[0]).toEqual(first!)
  })

  test('takes the id checkout chose, and placing it again for the same saga returns it unchanged', async () => {
    const id = newId('ord')
    const input = orderInput({ id })
    const first = await h.sql.begin((tx) => placeOrder(tx, h.deps, input))
    const before = await f.counts()
    const again = await h.sql.begin((tx) => placeOrder(tx, h.deps, input))
    expect(again).toEqual(first)
    expect(first.id).toBe(id)
    expect(await f.counts()).toEqual(before)
    await expect(
      h.sql.begin((tx) => placeOrder(tx, h.deps, { ...input, sagaId: 'sag_another' })),
    ).rejects.toMatchObject({ code: 'conflict', status: 409 })
  })

  test('refuses lines and totals that do not add up, writing nothing', async () => {
    const before = await f.counts()
    const base = orderInput()
    for (const input of [
      { ...base, totals: { ...base.totals, total: base.totals.total + 1 } },
      { ...base, lines: [] },
      { ...base, lines: [{ ...base.lines[0]!, lineTotal: 1 }, base.lines[1]!] },
      { ...base, currency: 'XYZ' },
      { ...base, email: 'not an email' },
      { ...base, id: 'ord_short' },
      { ...base, actor: ' ' },
    ])
      await expect(h.sql.begin((tx) => placeOrder(tx, h.deps, input))).rejects.toMatchObject({
        code: 'validation_failed',
        status: 422,
      })
    expect(await f.counts()).toEqual(before)
  })
})

describe('transition', () => {
  test('moves an order along the machine, appending history, events and audit entries', async () => {
    const order = await f.place()
    const moved = await f.moveTo(order.id, 'awaiting_payment', 'paid')
    expect(moved.status).toBe('paid')
    expect(moved.history.map((e) => [e.status, e.actor])).toEqual([
      ['pending', 'svc:order'],
      ['awaiting_payment', 'svc:order'],
      ['paid', 'svc:order'],
    ])
    expect(moved.updatedAt).toBe(moved.history.at(-1)!.at)
    // awaiting_payment is not announced.
    expect((await f.events(order.id)).map((e) => [e.type, e.data.status])).toEqual([
      ['order.placed', 'pending'],
      ['order.paid', 'paid'],
    ])
    expect((await f.auditEntries(order.id)).map((e) => [e.type, e.data.to ?? null])).toEqual([
      ['order.placed', null],
      ['order.status_changed', 'awaiting_payment'],
      ['order.status_changed', 'paid'],
    ])
  })

  test('refuses an illegal move with 409 invalid_transition, writing nothing', async () => {
    const order = await f.place()
    const before = await f.counts()
    for (const to of ['paid', 'delivered', 'refunded', 'partially_refunded', 'fulfilled'] as const)
      await expect(
        h.sql.begin((tx) => transition(tx, h.deps, order.id, to, 'svc:order')),
      ).rejects.toMatchObject({
        code: 'invalid_transition',
        status: 409,
        message: `An order that is pending cannot become ${to}`,
      })
    expect(await f.counts()).toEqual(before)
    expect((await getOrder(h.deps, order.id)).status).toBe('pending')
  })

  test('leaves an order already in the status as it is (a step run twice)', async () => {
    const order = await f.moveTo((await f.place()).id, 'awaiting_payment')
    const before = await f.counts()
    expect(
      await h.sql.begin((tx) => transition(tx, h.deps, order.id, 'awaiting_payment', 'svc:order')),
    ).toEqual(order)
    expect(await f.counts()).toEqual(before)
  })

  test('writes nothing when the caller’s transaction rolls back', async () => {
    const order = await f.place()
    const before = await f.counts()
    await expect(
      h.sql.begin(async (tx) => {
        await transition(tx, h.deps, order.id, 'cancelled', 'usr_customer', 'changed my mind')
        throw new Error('a later step failed')
      }),
    ).rejects.toThrow('a later step failed')
    expect(await f.counts()).toEqual(before)
    expect((await getOrder(h.deps, order.id)).status).toBe('pending')
  })

  test('cancels with its note in the history and the order.cancelled event', async () => {
    const order = await f.place()
    const cancelled = await h.sql.begin((tx) =>
      transition(tx, h.deps, order.id, 'cancelled', 'usr_customer', 'changed my mind'),
    )
    expect(cancelled.history.at(-1)).toMatchObject({
      status: 'cancelled',
      actor: 'usr_customer',
      note: 'changed my mind',
    })
    expect((await f.events(order.id)).at(-1)).toMatchObject({
      type: 'order.cancelled',
      data: { status: 'cancelled', note: 'changed my mind', actor: 'usr_customer' },
    })
  })

  test('answers 404 for an order that does not exist', async () => {
    await expect(
      h.sql.begin((tx) => transition(tx, h.deps, newId('ord'), 'cancelled', 'svc:order')),
    ).rejects.toMatchObject({ code: 'not_found', status: 404 })
  })
})

describe('setPayment', () => {
  test('records the payment without a change of status; the same again records nothing', async () => {
    const order = await f.place()
    await h.sql.begin((tx) => setPayment(tx, h.deps, order.id, { id: 'pay_1', status: 'authorized' }))
    const before = await f.counts()
    await h.sql.begin((tx) => setPayment(tx, h.deps, order.id, { id: 'pay_1', status: 'authorized' }))
    expect(await f.counts()).toEqual(before)
    await h.sql.begin((tx) => setPayment(tx, h.deps, order.id, { id: 'pay_1', status: 'captured' }))
    const read = await getOrder(h.deps, order.id)
    expect(read.payment).toEqual({ id: 'pay_1', provider: 'test', status: 'captured' })
    expect(read.status).toBe('pending')
    expect(read.history).toHaveLength(1)
    expect((await f.auditEntries(order.id)).map((e) => e.type)).toEqual([
      'order.placed',
      'order.payment_recorded',
      'order.payment_recorded',
    ])
  })
})

describe('recordRefund', () => {
  test('adds to the refunded total, which partial and full refund moves then follow', async () => {
    const order = await f.paid()
    const first = await h.sql.begin(async (tx) => {
      await recordRefund(tx, h.deps, order.id, 1000)
      return transition(tx, h.deps, order.id, 'partially_refunded', 'usr_admin', 'scratched')
    })
    expect(first.totals.refunded).toBe(1000)
    expect(first.status).toBe('partially_refunded')
    const second = await h.sql.begin(async (tx) => {
      await recordRefund(tx, h.deps, order.id, 500)
      return transition(tx, h.deps, order.id, 'partially_refunded', 'usr_admin')
    })
    expect(second.history.map((e) => e.status).slice(-2)).toEqual([
      'partially_refunded',
      'partially_refunded',
    ])
    const full = await h.sql.begin(async (tx) => {
      await recordRefund(tx, h.deps, order.id, 5942 - 1500)
      return transition(tx, h.deps, order.id, 'refunded', 'usr_admin')
    })
    expect(full.totals).toMatchObject({ total: 5942, refunded: 5942 })
    expect(
      (await f.events(order.id)).filter((e) => e.type === 'order.refunded').map((e) => e.data.totals),
    ).toEqual([1000, 1500, 5942].map((refunded) => ({ ...order.totals, refunded })))
  })

  test('refuses more than is left, a refund before payment, and amounts that are not minor units', async () => {
    const order = await f.paid()
    const pending = await f.place()
    const before = await f.counts()
    await expect(h.sql.begin((tx) => recordRefund(tx, h.deps, order.id, 5943))).rejects.toMatchObject({
      code: 'conflict',
      message: "Only 5942 of the order's 5942 is left to refund",
    })
    await expect(h.sql.begin((tx) => recordRefund(tx, h.deps, pending.id, 1))).rejects.toMatchObject({
      code: 'invalid_transition',
    })
    for (const amount of [0, -1, 1.5])
      await expect(h.sql.begin((tx) => recordRefund(tx, h.deps, order.id, amount))).rejects.toMatchObject({
        code: 'validation_failed',
      })
    // A full refund status needs the refund recorded first.
    await expect(
      h.sql.begin((tx) => transition(tx, h.deps, order.id, 'refunded', 'usr_admin')),
    ).rejects.toMatchObject({ code: 'invalid_transition' })
    expect(await f.counts()).toEqual(before)
  })
})
