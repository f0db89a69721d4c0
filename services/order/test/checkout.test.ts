import { describe, expect, test } from 'bun:test'
import { bearer, checkoutPlatform, http } from './checkout-platform.ts'

const p = await checkoutPlatform()

/** A guest's cart of `quantity` of a new SKU with `onHand` units, checked out with the card `token`. */
const buy = async (onHand: number, quantity: number, token: string) => {
  const sku = await p.product(onHand)
  const cartId = await p.cart([{ sku, quantity }])
  const key = crypto.randomUUID()
  const res = await p.checkout(p.checkoutBody(cartId, token), key)
  const again = () => p.checkout(p.checkoutBody(cartId, token), key)
  return { sku, cartId, key, res, again }
}

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
    const { sku, cartId, res, again: askAgain } = await buy(3, 2, 'tok_chargeDeclined')
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
    expect((await askAgain()).status).toBe(402)
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

/** Waits until `check` holds, or fails after a few seconds. */
const until = async (what: string, check: () => Promise<boolean>) => {
  for (let i = 0; i < 600; i++) {
    if (await check()) return
    await Bun.sleep(25)
  }
  throw new Error(`timed out waiting until ${what}`)
}

const orderStatus = async (orderId: string) =>
  (await p.deps.sql<{ status: string }[]>`select status from orders.orders where id = ${orderId}`)[0]!.status

describe('3-D Secure', () => {
  test('202 with where the customer approves; their approval (the provider’s callback) gets the order paid', async () => {
    const { sku, res, again: askAgain } = await buy(3, 1, 'tok_3ds')
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ status: 'awaiting_payment', payment: { status: 'requires_action' } })
    expect(res.body.nextAction).toEqual({ type: 'redirect', url: expect.stringContaining('/3ds/') })
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 1 })
    expect((await p.sagaOf(res.body.id)).status).toBe('awaiting_action')
    // Asked again meanwhile: the same answer.
    const again = await askAgain()
    expect(again.status).toBe(202)
    expect(again.body.nextAction).toEqual(res.body.nextAction)

    const approve = await fetch(`${p.payment.url}${res.body.nextAction.url}?outcome=approve`)
    expect(approve.status).toBe(200)
    // payment.authorized reaches the order service, which finishes the checkout.
    await until('the order is paid', async () => (await p.sagaOf(res.body.id)).status === 'completed')
    expect(await orderStatus(res.body.id)).toBe('paid')
    expect(await p.stock(sku)).toMatchObject({ onHand: 2, reserved: 0 })
    expect(await p.payments(res.body.id)).toEqual([expect.objectContaining({ status: 'captured' })])
    const done = await askAgain()
    expect(done.status).toBe(201)
    expect(done.body).toMatchObject({ id: res.body.id, status: 'paid', nextAction: null })
  })

  test('an approval whose event finds the checkout busy is picked up by recovery asking the payment service', async () => {
    const { sku, res } = await buy(3, 1, 'tok_3ds')
    expect(res.status).toBe(202)
    // Another instance holds the saga when payment.authorized arrives, so the event cannot move it on.
    await p.deps.sql`
      update orders.sagas set lease_owner = 'another-instance', lease_until = ${new Date(p.deps.now() + 60_000)}
      where id = ${res.body.sagaId}`
    const approve = await fetch(`${p.payment.url}${res.body.nextAction.url}?outcome=approve`)
    expect(approve.status).toBe(200)
    await until('its payment.authorized was handled', async () => {
      const handled = await p.deps.sql`
        select 1 from orders.inbox i join payments.outbox o on o.id = i.event_id
        where i.consumer = 'order-checkout-payments' and o.type = 'payment.authorized'
          and o.data ->> 'reference' = ${res.body.id}`
      return handled.length > 0
    })
    expect((await p.sagaOf(res.body.id)).status).toBe('awaiting_action')
    // That instance is gone: once its lease runs out, recovery asks the payment service and completes the checkout.
    p.advance(60_000 + p.deps.sagas.settings.pollMs)
    const { recoverDue } = await import('../src/sagas/service.ts')
    await recoverDue(p.deps)
    expect((await p.sagaOf(res.body.id)).status).toBe('completed')
    expect(await p.stock(sku)).toMatchObject({ onHand: 2, reserved: 0 })
    expect(await p.charges(res.body.id)).toEqual([{ status: 'captured' }])
  })

  test('a check the customer fails: the order cancelled, the stock released', async () => {
    const { sku, res, again } = await buy(3, 2, 'tok_3ds')
    expect(res.status).toBe(202)
    await fetch(`${p.payment.url}${res.body.nextAction.url}?outcome=fail`)
    await until('the checkout is undone', async () => (await p.sagaOf(res.body.id)).status === 'compensated')
    expect(await orderStatus(res.body.id)).toBe('cancelled')
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
    expect((await again()).status).toBe(402)
  })

  test('abandoned: past the deadline recovery voids the payment, releases the stock and cancels the order', async () => {
    const sku = await p.product(3)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const res = await p.checkout(p.checkoutBody(cartId, 'tok_3ds'))
    expect(res.status).toBe(202)
    const { recoverDue } = await import('../src/sagas/service.ts')
    // Before the deadline, recovery asks the payment service and keeps waiting.
    p.advance(10_000)
    await recoverDue(p.deps)
    expect((await p.sagaOf(res.body.id)).status).toBe('awaiting_action')
    p.advance(900_000)
    await recoverDue(p.deps)
    expect((await p.sagaOf(res.body.id)).status).toBe('compensated')
    expect(await orderStatus(res.body.id)).toBe('cancelled')
    expect(await p.payments(res.body.id)).toEqual([expect.objectContaining({ status: 'voided' })])
    expect(await p.charges(res.body.id)).toEqual([{ status: 'voided' }])
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
    // An approval arriving afterwards finds nothing to approve.
    const late = await fetch(`${p.payment.url}${res.body.nextAction.url}?outcome=approve`)
    expect(late.status).toBe(404)
    expect(await orderStatus(res.body.id)).toBe('cancelled')
  })
})

describe('idempotent checkout', () => {
  test('the same key and body answer the same response, with one order and one charge', async () => {
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const key = crypto.randomUUID()
    const first = await p.checkout(p.checkoutBody(cartId), key)
    const second = await p.checkout(p.checkoutBody(cartId), key)
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(await p.ledger(first.body.id)).toHaveLength(2)
    expect(await p.stock(sku)).toMatchObject({ onHand: 4 })
    // Another body under the key: 422, nothing done.
    const other = await p.checkout({ ...p.checkoutBody(cartId), email: 'someone@example.com' }, key)
    expect(other.status).toBe(422)
    expect(other.body.code).toBe('idempotency_mismatch')
  })

  test('409 while the first request with the key is still running', async () => {
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const key = crypto.randomUUID()
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let reached!: () => void
    const atAuthorize = new Promise<void>((resolve) => {
      reached = resolve
    })
    p.deps.sagas.fault = async (point) => {
      if (point === 'forward:authorize_payment:started') {
        reached()
        await held
      }
    }
    try {
      const first = p.checkout(p.checkoutBody(cartId), key)
      await atAuthorize
      const during = await p.checkout(p.checkoutBody(cartId), key)
      expect(during.status).toBe(409)
      expect(during.body.code).toBe('idempotency_in_flight')
      // Another key for the same cart meanwhile: one checkout of a cart at a time.
      const otherKey = await p.checkout(p.checkoutBody(cartId), crypto.randomUUID())
      expect(otherKey.status).toBe(409)
      release()
      expect((await first).status).toBe(201)
    } finally {
      p.deps.sagas.fault = undefined
    }
    expect((await p.checkout(p.checkoutBody(cartId), key)).status).toBe(201)
    expect(
      await p.deps.sql`select id from orders.orders where saga_id in (
      select id from orders.sagas where payload ->> 'cartId' = ${cartId})`,
    ).toHaveLength(1)
  })

  test('two identical requests at once make one order and one charge', async () => {
    const sku = await p.product(5)
    const buyer = await p.shopper()
    const cartId = await p.cart([{ sku, quantity: 2 }], buyer.token)
    const key = crypto.randomUUID()
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => p.checkout(p.checkoutBody(cartId), key, buyer.token)),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id))
    expect(ids.size).toBe(1)
    const [orderId] = [...ids]
    const orders = await p.deps.sql`select id from orders.orders where user_id = ${buyer.userId}`
    expect(orders).toHaveLength(1)
    expect(await p.charges(orderId)).toEqual([{ status: 'captured' }])
    expect(await p.ledger(orderId)).toEqual([
      { kind: 'authorize', outcome: 'succeeded' },
      { kind: 'capture', outcome: 'succeeded' },
    ])
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
  })
})

describe('checkout refuses', () => {
  test('409 cart_changed with the repriced cart when a price changed since the cart showed it', async () => {
    const sku = await p.product(5, 1000)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    p.catalog.put({ sku, price: { amount: 1200, currency: 'EUR' } })
    const res = await p.checkout(p.checkoutBody(cartId))
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('cart_changed')
    expect(res.body.cart).toMatchObject({ id: cartId, items: [{ sku, unitPrice: 1200 }] })
    expect(await p.stock(sku)).toMatchObject({ reserved: 0 })
    expect(await p.deps.sql`select id from orders.sagas where payload ->> 'cartId' = ${cartId}`).toHaveLength(
      0,
    )
    // Checked out again, at the new price.
    const again = await p.checkout(p.checkoutBody(cartId))
    expect(again.status).toBe(201)
    expect(again.body.totals.subtotal).toBe(1200)
  })

  test('someone else’s cart is not found (404); a guest cannot buy a shopper’s cart', async () => {
    const [owner, other] = [await p.shopper(), await p.shopper()]
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 1 }], owner.token)
    expect((await p.checkout(p.checkoutBody(cartId), undefined, other.token)).status).toBe(404)
    expect((await p.checkout(p.checkoutBody(cartId))).status).toBe(404)
    expect(await p.stock(sku)).toMatchObject({ reserved: 0, onHand: 5 })
  })

  test('bad input is a 422 before anything is written; an invalid token 401; a service’s token 403', async () => {
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const body = p.checkoutBody(cartId)
    const bad = [
      { ...body, cartId: 'nope' },
      { ...body, email: 'not an email' },
      { ...body, shippingAddress: { ...body.shippingAddress, country: 'Germany' } },
      { ...body, payment: { provider: 'bitcoin', token: 'tok_visa' } },
      { ...body, payment: { provider: 'test' } },
      { ...body, payment: { provider: 'test', token: '' } },
      { ...body, shippingOption: 'x'.repeat(65) },
    ]
    for (const b of bad) expect((await p.checkout(b)).status).toBe(422)
    const noKey = await http(`${p.order.url}/api/v1/checkout`, 'POST', body)
    expect(noKey.status).toBe(422)
    expect((await p.checkout({ ...body, shippingOption: 'shp_nope' })).status).toBe(422)
    expect((await p.checkout(body, undefined, 'not.a.token')).status).toBe(401)
    const service = await p.serviceToken()
    expect((await p.checkout(body, undefined, service)).status).toBe(403)
    expect(await p.stock(sku)).toMatchObject({ reserved: 0, onHand: 5 })
    expect(await p.deps.sql`select id from orders.sagas where payload ->> 'cartId' = ${cartId}`).toHaveLength(
      0,
    )
  })

  test('stock and payments are reached with the order service’s identity, never the shopper’s token', async () => {
    const buyer = await p.shopper()
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 1 }], buyer.token)
    const res = await p.checkout(p.checkoutBody(cartId), undefined, buyer.token)
    expect(res.status).toBe(201)
    const [reservation] = await p.deps.sql<{ actor: string }[]>`
      select actor from inventory.reservations where reference = ${res.body.id}`
    const [payment] = await p.deps.sql<{ actor: string }[]>`
      select actor from payments.payments where reference = ${res.body.id}`
    expect(reservation!.actor).toBe('svc_order')
    expect(payment!.actor).toBe('svc_order')
    // The shopper's own token is refused there.
    const direct = await http(
      `${p.inventory.url}/api/v1/reservations`,
      'POST',
      { reference: 'ord_x', lines: [{ sku, quantity: 1 }] },
      { ...bearer(buyer.token), 'idempotency-key': crypto.randomUUID() },
    )
    expect(direct.status).toBe(403)
    const pay = await http(
      `${p.payment.url}/api/v1/payments`,
      'POST',
      { reference: 'ord_x', amount: 100, currency: 'EUR', provider: 'test', token: 'tok_visa' },
      { ...bearer(buyer.token), 'idempotency-key': crypto.randomUUID() },
    )
    expect(pay.status).toBe(403)
  })
})
