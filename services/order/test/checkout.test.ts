import { describe, expect, test } from 'bun:test'
import { bearer, checkoutPlatform, http } from './checkout-platform.ts'

const p = await checkoutPlatform()

/** What a paid order of one line of `quantity` × 1000 EUR ships for, in Germany, with no tax rate set. */
const totalOf = (subtotal: number) => subtotal + (subtotal >= 5000 ? 0 : 495)

describe('POST /api/v1/checkout', () => {
  test('201: the stock is committed, the payment captured, the order paid and the cart closed', async () => {
    const buyer = await p.shopper()
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 2 }], buyer.token)
    const res = await p.checkout(p.checkoutBody(cartId, 'tok_visa', buyer.email), undefined, buyer.token)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      userId: buyer.userId,
      status: 'paid',
      currency: 'EUR',
      lines: [{ sku, quantity: 2, unitPrice: 1000, lineTotal: 2000 }],
      totals: { subtotal: 2000, shipping: 495, tax: 0, total: totalOf(2000), refunded: 0 },
      payment: { provider: 'test', status: 'captured' },
      nextAction: null,
    })
    expect(res.body.history.map((h: { status: string }) => h.status)).toEqual([
      'pending',
      'awaiting_payment',
      'paid',
    ])
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${res.body.id}`)
    expect(await p.stock(sku)).toEqual({ onHand: 3, reserved: 0, available: 3, ledger: 3 })
    expect(await p.reservations(res.body.id)).toEqual([expect.objectContaining({ status: 'committed' })])
    expect(await p.payments(res.body.id)).toEqual([
      expect.objectContaining({ status: 'captured', capturedAmount: totalOf(2000) }),
    ])
    expect(await p.ledger(res.body.id)).toEqual([
      { kind: 'authorize', outcome: 'succeeded' },
      { kind: 'capture', outcome: 'succeeded' },
    ])
    expect((await p.sagaOf(res.body.id)).status).toBe('completed')
    // The cart is gone once bought.
    expect(
      (await http(`${p.order.url}/api/v1/carts/${cartId}`, 'GET', undefined, bearer(buyer.token))).status,
    ).toBe(404)
    // The shopper reads their order.
    const read = await http(
      `${p.order.url}/api/v1/orders/${res.body.id}`,
      'GET',
      undefined,
      bearer(buyer.token),
    )
    expect(read.body).toMatchObject({ id: res.body.id, status: 'paid' })
  })

  test('a guest checks out a cart of their own', async () => {
    const sku = await p.product(2)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const res = await p.checkout(p.checkoutBody(cartId))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ userId: null, status: 'paid', email: 'buyer@example.com' })
    expect(await p.stock(sku)).toMatchObject({ onHand: 1, reserved: 0 })
  })

  test('409 insufficient_stock names each short SKU; nothing is reserved or charged, the order cancelled', async () => {
    const [plenty, few] = [await p.product(10), await p.product(1)]
    const cartId = await p.cart([
      { sku: plenty, quantity: 2 },
      { sku: few, quantity: 3 },
    ])
    const res = await p.checkout(p.checkoutBody(cartId))
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('insufficient_stock')
    expect(res.body.shortages).toEqual([{ sku: few, requested: 3, available: 1 }])
    expect(await p.stock(plenty)).toMatchObject({ onHand: 10, reserved: 0 })
    expect(await p.stock(few)).toMatchObject({ onHand: 1, reserved: 0 })
    const [saga] = await p.deps.sql<{ orderId: string; status: string }[]>`
      select order_id as "orderId", status from orders.sagas where payload ->> 'cartId' = ${cartId}`
    expect(saga!.status).toBe('compensated')
    expect(await p.ledger(saga!.orderId)).toEqual([])
    expect(await p.reservations(saga!.orderId)).toEqual([])
    const [order] = await p.deps.sql<
      { status: string }[]
    >`select status from orders.orders where id = ${saga!.orderId}`
    expect(order!.status).toBe('cancelled')
    // The cart is still there to change and buy again.
    expect((await http(`${p.order.url}/api/v1/carts/${cartId}`, 'GET')).status).toBe(200)
  })

  test('402 payment_declined: the order cancelled and its stock released', async () => {
    const sku = await p.product(3)
    const cartId = await p.cart([{ sku, quantity: 2 }])
    const key = crypto.randomUUID()
    const res = await p.checkout(p.checkoutBody(cartId, 'tok_chargeDeclined'), key)
    expect(res.status).toBe(402)
    expect(res.body.code).toBe('payment_declined')
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0, available: 3 })
    const [saga] = await p.deps.sql<{ orderId: string; status: string }[]>`
      select order_id as "orderId", status from orders.sagas where payload ->> 'cartId' = ${cartId}`
    expect(saga!.status).toBe('compensated')
    expect(await p.reservations(saga!.orderId)).toEqual([expect.objectContaining({ status: 'released' })])
    expect(await p.ledger(saga!.orderId)).toEqual([{ kind: 'authorize', outcome: 'declined' }])
    const [order] = await p.deps.sql<
      { status: string }[]
    >`select status from orders.orders where id = ${saga!.orderId}`
    expect(order!.status).toBe('cancelled')
    // Asked again with the same key and body: the same answer, nothing more done.
    const again = await p.checkout(p.checkoutBody(cartId, 'tok_chargeDeclined'), key)
    expect(again.status).toBe(402)
    expect(await p.ledger(saga!.orderId)).toHaveLength(1)
  })

  test('tok_timeout: the provider times out after charging; the retry finds the charge, one charge only', async () => {
    const sku = await p.product(3)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const res = await p.checkout(p.checkoutBody(cartId, 'tok_timeout'))
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('paid')
    expect(await p.charges(res.body.id)).toEqual([{ status: 'captured' }])
    const ledger = await p.ledger(res.body.id)
    expect(ledger.filter((t) => t.kind === 'authorize' && t.outcome === 'succeeded')).toHaveLength(1)
    expect(ledger.filter((t) => t.kind === 'capture')).toEqual([{ kind: 'capture', outcome: 'succeeded' }])
    expect(await p.stock(sku)).toMatchObject({ onHand: 2, reserved: 0 })
  })
})
