import { describe, expect, test } from 'bun:test'
import { paymentClient } from '../src/clients/payment.ts'
import { serviceCaller } from '../src/clients/service-call.ts'
import { sagaSteps } from '../src/sagas/model.ts'
import { recoverDue } from '../src/sagas/service.ts'
import { bearer, checkoutPlatform, http } from './checkout-platform.ts'

const p = await checkoutPlatform()
const orders = `${p.order.url}/api/v1/orders`
const sagas = `${p.order.url}/api/v1/admin/sagas`

/** A paid order of `quantity` units (1000 EUR each) of a new SKU with `onHand` units, bought by `buyer`. */
const paidOrder = async (buyer: { token: string }, onHand = 5, quantity = 2) => {
  const sku = await p.product(onHand)
  const cartId = await p.cart([{ sku, quantity }], buyer.token)
  const res = await p.checkout(p.checkoutBody(cartId), undefined, buyer.token)
  expect(res.status).toBe(201)
  return { sku, order: res.body }
}

const post = (url: string, token?: string, body?: unknown) =>
  http(url, 'POST', body, token ? bearer(token) : {})

describe('POST /api/v1/orders/:id/cancel', () => {
  test('the buyer cancels a paid order: refunded in full, its units back in stock, the order cancelled', async () => {
    const buyer = await p.shopper()
    const { sku, order } = await paidOrder(buyer)
    expect(await p.stock(sku)).toMatchObject({ onHand: 3 })
    const res = await post(`${orders}/${order.id}/cancel`, buyer.token)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: order.id,
      status: 'cancelled',
      totals: { refunded: order.totals.total },
      payment: { status: 'refunded' },
    })
    expect(res.body.history.at(-1)).toMatchObject({ status: 'cancelled', actor: buyer.userId })
    expect(await p.stock(sku)).toEqual({ onHand: 5, reserved: 0, available: 5, ledger: 5 })
    expect(await p.payments(order.id)).toEqual([
      expect.objectContaining({ status: 'refunded', refundedAmount: order.totals.total }),
    ])
    // Cancelling again changes nothing.
    const again = await post(`${orders}/${order.id}/cancel`, buyer.token)
    expect(again.status).toBe(200)
    expect((await p.ledger(order.id)).filter((t) => t.kind === 'refund')).toHaveLength(1)
    const [saga] = await p.deps.sql<{ status: string }[]>`
      select status from orders.sagas where order_id = ${order.id} and kind = 'cancel'`
    expect(saga!.status).toBe('completed')
  })

  test('a checkout still waiting for the customer is undone: the hold voided, the stock released', async () => {
    const buyer = await p.shopper()
    const sku = await p.product(4)
    const cartId = await p.cart([{ sku, quantity: 1 }], buyer.token)
    const waiting = await p.checkout(p.checkoutBody(cartId, 'tok_3ds'), undefined, buyer.token)
    expect(waiting.status).toBe(202)
    const res = await post(`${orders}/${waiting.body.id}/cancel`, buyer.token)
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('cancelled')
    expect(await p.charges(waiting.body.id)).toEqual([{ status: 'voided' }])
    expect(await p.stock(sku)).toMatchObject({ onHand: 4, reserved: 0 })
  })

  test('someone else’s order is not found; after fulfilment 409; anonymous 401; nothing changes', async () => {
    const [buyer, other] = [await p.shopper(), await p.shopper()]
    const { sku, order } = await paidOrder(buyer)
    expect((await post(`${orders}/${order.id}/cancel`, other.token)).status).toBe(404)
    expect((await post(`${orders}/${order.id}/cancel`)).status).toBe(401)
    expect((await post(`${orders}/ord_00000000000000000000000000/cancel`, buyer.token)).status).toBe(404)
    expect((await post(`${orders}/nope/cancel`, buyer.token)).status).toBe(422)
    const shipped = await post(`${orders}/${order.id}/fulfillments`, p.admin.token, {
      trackingNumber: 'TRACK-1',
    })
    expect(shipped.status).toBe(201)
    const late = await post(`${orders}/${order.id}/cancel`, buyer.token)
    expect(late.status).toBe(409)
    expect(await p.stock(sku)).toMatchObject({ onHand: 3 })
    expect(await p.payments(order.id)).toEqual([
      expect.objectContaining({ status: 'captured', refundedAmount: 0 }),
    ])
  })

  test('an administrator cancels anyone’s order', async () => {
    const buyer = await p.shopper()
    const { order } = await paidOrder(buyer)
    const res = await post(`${orders}/${order.id}/cancel`, p.admin.token)
    expect(res.status).toBe(200)
    expect(res.body.history.at(-1)).toMatchObject({ status: 'cancelled', actor: p.admin.userId })
  })
})

describe('POST /api/v1/orders/:id/refunds', () => {
  test('part, then the rest: partially_refunded, then refunded; restock puts the units back', async () => {
    const buyer = await p.shopper()
    const { sku, order } = await paidOrder(buyer)
    const part = await post(`${orders}/${order.id}/refunds`, p.admin.token, {
      amount: 500,
      reason: 'scratched',
    })
    expect(part.status).toBe(201)
    expect(part.body).toMatchObject({ status: 'partially_refunded', totals: { refunded: 500 } })
    expect(await p.stock(sku)).toMatchObject({ onHand: 3 })
    const rest = await post(`${orders}/${order.id}/refunds`, p.admin.token, { restock: true })
    expect(rest.status).toBe(201)
    expect(rest.body).toMatchObject({ status: 'refunded', totals: { refunded: order.totals.total } })
    expect(await p.stock(sku)).toEqual({ onHand: 5, reserved: 0, available: 5, ledger: 5 })
    expect(await p.payments(order.id)).toEqual([
      expect.objectContaining({ status: 'refunded', refundedAmount: order.totals.total }),
    ])
    // Nothing is left: 409, nothing moved.
    const more = await post(`${orders}/${order.id}/refunds`, p.admin.token, { amount: 1 })
    expect(more.status).toBe(409)
    expect((await p.ledger(order.id)).filter((t) => t.kind === 'refund')).toHaveLength(2)
  })

  test('more than is left is a 409; bad input 422; nothing moves', async () => {
    const buyer = await p.shopper()
    const { order } = await paidOrder(buyer)
    expect(
      (await post(`${orders}/${order.id}/refunds`, p.admin.token, { amount: order.totals.total + 1 })).status,
    ).toBe(409)
    for (const body of [{ amount: 0 }, { amount: 1.5 }, { amount: -3 }, { restock: 'yes' }, { reason: '' }])
      expect((await post(`${orders}/${order.id}/refunds`, p.admin.token, body)).status).toBe(422)
    expect(await p.payments(order.id)).toEqual([
      expect.objectContaining({ status: 'captured', refundedAmount: 0 }),
    ])
  })

  test('a customer may not refund (403), even their own order; anonymous 401; an unpaid order 409', async () => {
    const buyer = await p.shopper()
    const { order } = await paidOrder(buyer)
    expect((await post(`${orders}/${order.id}/refunds`, buyer.token, {})).status).toBe(403)
    expect((await post(`${orders}/${order.id}/refunds`, undefined, {})).status).toBe(401)
    const cancelled = await post(`${orders}/${order.id}/cancel`, buyer.token)
    expect(cancelled.status).toBe(200)
    expect((await post(`${orders}/${order.id}/refunds`, p.admin.token, {})).status).toBe(409)
  })
})

describe('the admin saga API', () => {
  test('lists sagas newest first, by status, and shows one with the timeline of its steps', async () => {
    const buyer = await p.shopper()
    const { order } = await paidOrder(buyer)
    const list = await http(`${sagas}?status=completed&limit=2`, 'GET', undefined, bearer(p.admin.token))
    expect(list.status).toBe(200)
    expect(list.body.items.length).toBe(2)
    expect(list.body.items.every((s: { status: string }) => s.status === 'completed')).toBe(true)
    expect(list.body.nextCursor).toEqual(expect.any(String))
    const next = await http(
      `${sagas}?status=completed&limit=2&cursor=${list.body.nextCursor}`,
      'GET',
      undefined,
      bearer(p.admin.token),
    )
    expect(next.status).toBe(200)
    expect(next.body.items[0].id < list.body.items[1].id).toBe(true)
    const one = await http(`${sagas}/${order.sagaId}`, 'GET', undefined, bearer(p.admin.token))
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({
      id: order.sagaId,
      kind: 'checkout',
      orderId: order.id,
      status: 'completed',
    })
    expect(one.body.steps.map((s: { name: string }) => s.name)).toEqual([...sagaSteps.checkout.forward])
    expect(one.body.steps[0]).toMatchObject({
      direction: 'forward',
      status: 'succeeded',
      attempts: 1,
      error: null,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    })
    expect(
      (await http(`${sagas}/sag_00000000000000000000000000`, 'GET', undefined, bearer(p.admin.token))).status,
    ).toBe(404)
    expect((await http(`${sagas}?status=lost`, 'GET', undefined, bearer(p.admin.token))).status).toBe(422)
    expect((await http(`${sagas}?cursor=bm9wZQ`, 'GET', undefined, bearer(p.admin.token))).status).toBe(422)
  })

  test('a compensation that keeps failing needs attention (logged, never silent); retried, it finishes', async () => {
    const sku = await p.product(4)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const res = await p.checkout(p.checkoutBody(cartId, 'tok_3ds'))
    expect(res.status).toBe(202)
    const errors: unknown[] = []
    const logger = p.deps.logger
    const payment = p.deps.sagas.payment
    // The payment service cannot be reached while the checkout is undone.
    p.deps.sagas.payment = paymentClient(
      serviceCaller({
        baseUrl: 'http://127.0.0.1:9',
        tokens: { token: async () => 'x', authorization: async () => 'Bearer x', forget() {} },
        timeoutMs: 200,
      }),
    )
    p.deps.logger = Object.assign(Object.create(logger), {
      error: (...args: unknown[]) => errors.push(args),
    })
    try {
      p.advance(p.deps.sagas.settings.actionTimeoutSeconds * 1000 + 1_000)
      for (let i = 0; i < p.deps.sagas.settings.maxAttempts + 1; i++) {
        p.advance(120_000)
        await recoverDue(p.deps)
      }
    } finally {
      p.deps.sagas.payment = payment
      p.deps.logger = logger
    }
    const stuck = await http(`${sagas}/${res.body.sagaId}`, 'GET', undefined, bearer(p.admin.token))
    expect(stuck.body).toMatchObject({
      status: 'needs_attention',
      lastError: expect.stringContaining('void_payment'),
    })
    expect(stuck.body.steps.find((s: { name: string }) => s.name === 'void_payment')).toMatchObject({
      direction: 'compensate',
      status: 'failed',
      attempts: p.deps.sagas.settings.maxAttempts,
    })
    expect(errors.length).toBeGreaterThan(0)
    const listed = await http(`${sagas}?status=needs_attention`, 'GET', undefined, bearer(p.admin.token))
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(res.body.sagaId)
    // Recovery leaves it to the operator.
    await recoverDue(p.deps)
    expect((await p.sagaOf(res.body.id)).status).toBe('needs_attention')

    const retried = await post(`${sagas}/${res.body.sagaId}/retry`, p.admin.token)
    expect(retried.status).toBe(200)
    expect(retried.body.status).toBe('compensated')
    expect(await p.charges(res.body.id)).toEqual([{ status: 'voided' }])
    expect(await p.stock(sku)).toMatchObject({ onHand: 4, reserved: 0 })
    // Only a saga that needs attention is retried; a finished checkout is not undone here.
    expect((await post(`${sagas}/${res.body.sagaId}/retry`, p.admin.token)).status).toBe(409)
    expect((await post(`${sagas}/${res.body.sagaId}/compensate`, p.admin.token)).status).toBe(409)
  })

  test('compensate undoes a checkout waiting for the customer now', async () => {
    const sku = await p.product(4)
    const cartId = await p.cart([{ sku, quantity: 2 }])
    const res = await p.checkout(p.checkoutBody(cartId, 'tok_3ds'))
    expect(res.status).toBe(202)
    const undone = await post(`${sagas}/${res.body.sagaId}/compensate`, p.admin.token)
    expect(undone.status).toBe(200)
    expect(undone.body).toMatchObject({ status: 'compensated' })
    expect(undone.body.steps.filter((s: { direction: string }) => s.direction === 'compensate')).toHaveLength(
      3,
    )
    expect(await p.stock(sku)).toMatchObject({ onHand: 4, reserved: 0 })
    expect(await p.charges(res.body.id)).toEqual([{ status: 'voided' }])
    const order = await http(`${orders}/${res.body.id}`, 'GET', undefined, bearer(p.admin.token))
    expect(order.body.status).toBe('cancelled')
  })

  test('is for sagas:manage only: anonymous 401, a customer 403', async () => {
    const buyer = await p.shopper()
    const { order } = await paidOrder(buyer)
    for (const [method, url] of [
      ['GET', sagas],
      ['GET', `${sagas}/${order.sagaId}`],
      ['POST', `${sagas}/${order.sagaId}/retry`],
      ['POST', `${sagas}/${order.sagaId}/compensate`],
    ] as const) {
      expect((await http(url, method)).status).toBe(401)
      expect((await http(url, method, undefined, bearer(buyer.token))).status).toBe(403)
    }
    expect((await p.sagaOf(order.id)).status).toBe('completed')
  })
})
