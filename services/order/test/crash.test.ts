import { describe, expect, test } from 'bun:test'
import { sagaSteps } from '../src/sagas/model.ts'
import { recoverDue, SagaCrash } from '../src/sagas/service.ts'
import { bearer, checkoutPlatform, http } from './checkout-platform.ts'

const p = await checkoutPlatform()
const points = ['started', 'effect', 'recorded'] as const

/**
 * Checks a cart out with the order service crashing at `point` (the run stops there, its lease held, as if the
 * process died), then, a lease later, runs recovery as a restarted instance would.
 */
const crashAt = async (point: string, token: string) => {
  const sku = await p.product(5)
  const cartId = await p.cart([{ sku, quantity: 2 }])
  const key = crypto.randomUUID()
  let crashed = false
  p.deps.sagas.fault = (at) => {
    if (at === point && !crashed) {
      crashed = true
      throw new SagaCrash(at)
    }
  }
  try {
    const res = await p.checkout(p.checkoutBody(cartId, token), key)
    expect(res.status).toBe(500)
  } finally {
    p.deps.sagas.fault = undefined
  }
  expect(crashed).toBe(true)
  const [row] = await p.deps.sql<{ orderId: string }[]>`
    select order_id as "orderId" from orders.sagas where payload ->> 'cartId' = ${cartId}`
  const orderId = row!.orderId
  // Another request meanwhile finds the checkout still held by the crashed run.
  expect((await p.checkout(p.checkoutBody(cartId, token), key)).status).toBe(409)
  p.advance(p.deps.sagas.settings.leaseMs + 1_000)
  await recoverDue(p.deps)
  const [order] = await p.deps.sql<
    { status: string }[]
  >`select status from orders.orders where id = ${orderId}`
  return { sku, cartId, key, orderId, orderStatus: order!.status, saga: await p.sagaOf(orderId) }
}

describe('a crash at any point of a checkout is recovered', () => {
  const forward = sagaSteps.checkout.forward.flatMap((step) => points.map((at) => `forward:${step}:${at}`))
  test.each(forward)(
    '%s: the checkout completes, with one authorization, one capture, one reservation',
    async (point) => {
      const { sku, cartId, key, orderId, orderStatus, saga } = await crashAt(point, 'tok_visa')
      expect(saga.status).toBe('completed')
      expect(orderStatus).toBe('paid')
      expect(await p.reservations(orderId)).toEqual([expect.objectContaining({ status: 'committed' })])
      expect(await p.stock(sku)).toEqual({ onHand: 3, reserved: 0, available: 3, ledger: 3 })
      expect(await p.ledger(orderId)).toEqual([
        { kind: 'authorize', outcome: 'succeeded' },
        { kind: 'capture', outcome: 'succeeded' },
      ])
      expect(await p.charges(orderId)).toEqual([{ status: 'captured' }])
      expect((await http(`${p.order.url}/api/v1/carts/${cartId}`, 'GET')).status).toBe(404)
      // The request retried after the restart answers the paid order.
      const again = await p.checkout(p.checkoutBody(cartId), key)
      expect(again.status).toBe(201)
      expect(again.body).toMatchObject({ id: orderId, status: 'paid', payment: { status: 'captured' } })
    },
  )

  const compensate = sagaSteps.checkout.compensate.flatMap((step) =>
    points.map((at) => `compensate:${step}:${at}`),
  )
  test.each(compensate)(
    '%s (card declined): the checkout is undone, no stock held, no order stuck',
    async (point) => {
      const { sku, cartId, key, orderId, orderStatus, saga } = await crashAt(point, 'tok_chargeDeclined')
      expect(saga.status).toBe('compensated')
      expect(orderStatus).toBe('cancelled')
      expect(await p.reservations(orderId)).toEqual([expect.objectContaining({ status: 'released' })])
      expect(await p.stock(sku)).toEqual({ onHand: 5, reserved: 0, available: 5, ledger: 5 })
      expect(await p.ledger(orderId)).toEqual([{ kind: 'authorize', outcome: 'declined' }])
      expect((await p.checkout(p.checkoutBody(cartId, 'tok_chargeDeclined'), key)).status).toBe(402)
    },
  )

  test.each(points.map((at) => `compensate:void_payment:${at}`))(
    '%s after the customer abandoned 3-D Secure: the hold voided once, the stock released',
    async (point) => {
      const sku = await p.product(5)
      const cartId = await p.cart([{ sku, quantity: 1 }])
      const res = await p.checkout(p.checkoutBody(cartId, 'tok_3ds'))
      expect(res.status).toBe(202)
      let crashed = false
      p.deps.sagas.fault = (at) => {
        if (at === point && !crashed) {
          crashed = true
          throw new SagaCrash(at)
        }
      }
      p.advance(p.deps.sagas.settings.actionTimeoutSeconds * 1000 + 1_000)
      try {
        await recoverDue(p.deps)
      } finally {
        p.deps.sagas.fault = undefined
      }
      expect(crashed).toBe(true)
      p.advance(p.deps.sagas.settings.leaseMs + 1_000)
      await recoverDue(p.deps)
      expect((await p.sagaOf(res.body.id)).status).toBe('compensated')
      expect(await p.charges(res.body.id)).toEqual([{ status: 'voided' }])
      expect((await p.ledger(res.body.id)).filter((t) => t.kind === 'void')).toEqual([
        { kind: 'void', outcome: 'succeeded' },
      ])
      expect(await p.stock(sku)).toMatchObject({ onHand: 5, reserved: 0 })
      const order = await http(
        `${p.order.url}/api/v1/orders/${res.body.id}`,
        'GET',
        undefined,
        bearer(p.admin.token),
      )
      expect(order.body.status).toBe('cancelled')
    },
  )
})
