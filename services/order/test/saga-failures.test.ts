import { describe, expect, test } from 'bun:test'
import { sagaSteps } from '../src/sagas/model.ts'
import { recoverDue } from '../src/sagas/service.ts'
import { bearer, checkoutPlatform, http, unreachable } from './checkout-platform.ts'

const p = await checkoutPlatform()
const points = ['started', 'effect', 'recorded'] as const

/** Runs recovery as often as a step may be attempted, the clock moved past each wait. */
const exhaust = async () => {
  for (let i = 0; i < p.deps.sagas.settings.maxAttempts + 1; i++) {
    p.advance(120_000)
    await recoverDue(p.deps)
  }
}

/** Runs `body` with the order service unable to reach inventory or payment (or both). */
const cutOff = async (which: 'inventory' | 'payment', body: () => Promise<void>) => {
  const kept = p.deps.sagas[which]
  p.deps.sagas[which] = unreachable()[which] as never
  try {
    await body()
  } finally {
    p.deps.sagas[which] = kept as never
  }
}

describe('steps that keep failing', () => {
  test('inventory unreachable before anything was held: retried, then the checkout is undone (503)', async () => {
    const sku = await p.product(3)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    const key = crypto.randomUUID()
    let orderId = ''
    await cutOff('inventory', async () => {
      const res = await p.checkout(p.checkoutBody(cartId), key)
      // Still retrying when the request gives up waiting: accepted, not yet paid.
      expect(res.status).toBe(202)
      expect(res.body).toMatchObject({ status: 'pending', nextAction: null })
      orderId = res.body.id
      const saga = await http(
        `${p.order.url}/api/v1/admin/sagas/${res.body.sagaId}`,
        'GET',
        undefined,
        bearer(p.admin.token),
      )
      expect(saga.body).toMatchObject({
        status: 'running',
        currentStep: 'reserve_stock',
        lastError: expect.any(String),
      })
      // Out of attempts, it turns to undoing; whether stock was held cannot be known while inventory is away.
      for (
        let i = 0;
        i < p.deps.sagas.settings.maxAttempts && (await p.sagaOf(orderId)).status === 'running';
        i++
      ) {
        p.advance(120_000)
        await recoverDue(p.deps)
      }
      expect((await p.sagaOf(orderId)).status).toBe('compensating')
    })
    await exhaust()
    expect((await p.sagaOf(orderId)).status).toBe('compensated')
    const answer = await p.checkout(p.checkoutBody(cartId), key)
    expect(answer.status).toBe(503)
    expect(answer.body.code).toBe('unavailable')
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
    expect(await p.ledger(orderId)).toEqual([])
  })

  test('payment unreachable at capture, after the order was paid: an operator’s retry finishes it', async () => {
    const sku = await p.product(3)
    const cartId = await p.cart([{ sku, quantity: 1 }])
    let orderId = ''
    let sagaId = ''
    const real = p.deps.sagas.payment!
    // Authorization goes through; every call after it fails.
    p.deps.sagas.payment = { ...real, capture: unreachable().payment.capture }
    try {
      const res = await p.checkout(p.checkoutBody(cartId))
      expect(res.status).toBe(202)
      expect(res.body.status).toBe('paid')
      orderId = res.body.id
      sagaId = res.body.sagaId
      await exhaust()
    } finally {
      p.deps.sagas.payment = real
    }
    const stuck = await http(
      `${p.order.url}/api/v1/admin/sagas/${sagaId}`,
      'GET',
      undefined,
      bearer(p.admin.token),
    )
    expect(stuck.body).toMatchObject({ status: 'needs_attention', currentStep: 'capture_payment' })
    // Nothing is taken back on the shop's own: the order stays paid, the stock taken, the hold kept.
    expect(await p.payments(orderId)).toEqual([expect.objectContaining({ status: 'authorized' })])
    expect(await p.stock(sku)).toMatchObject({ onHand: 2, reserved: 0 })
    const retried = await http(
      `${p.order.url}/api/v1/admin/sagas/${sagaId}/retry`,
      'POST',
      undefined,
      bearer(p.admin.token),
    )
    expect(retried.status).toBe(200)
    expect(retried.body.status).toBe('completed')
    expect(await p.ledger(orderId)).toEqual([
      { kind: 'authorize', outcome: 'succeeded' },
      { kind: 'capture', outcome: 'succeeded' },
    ])
  })
})

describe('a crash at any point of a cancellation is recovered', () => {
  const cancel = sagaSteps.cancel.forward.flatMap((step) => points.map((at) => `forward:${step}:${at}`))
  test.each(cancel)('%s: refunded once, the units back once, the order cancelled', async (point) => {
    const buyer = await p.shopper()
    const sku = await p.product(5)
    const cartId = await p.cart([{ sku, quantity: 2 }], buyer.token)
    const bought = await p.checkout(p.checkoutBody(cartId), undefined, buyer.token)
    expect(bought.status).toBe(201)
    const orderId = bought.body.id
    const crashed = p.crashOnceAt(point)
    try {
      expect(
        (await http(`${p.order.url}/api/v1/orders/${orderId}/cancel`, 'POST', undefined, bearer(buyer.token)))
          .status,
      ).toBe(500)
    } finally {
      p.deps.sagas.fault = undefined
    }
    expect(crashed()).toBe(true)
    // Asked again meanwhile: another change of the order is under way (or, once cancelled, the cancelled order).
    const again = await http(
      `${p.order.url}/api/v1/orders/${orderId}/cancel`,
      'POST',
      undefined,
      bearer(buyer.token),
    )
    expect(again.status).toBe(point === 'forward:cancel_order:recorded' ? 200 : 409)
    p.advance(p.deps.sagas.settings.leaseMs + 1_000)
    await recoverDue(p.deps)
    const order = await http(`${p.order.url}/api/v1/orders/${orderId}`, 'GET', undefined, bearer(buyer.token))
    expect(order.body).toMatchObject({ status: 'cancelled', totals: { refunded: bought.body.totals.total } })
    expect(order.body.history.filter((h: { status: string }) => h.status === 'cancelled')).toHaveLength(1)
    expect((await p.ledger(orderId)).filter((t) => t.kind === 'refund')).toEqual([
      { kind: 'refund', outcome: 'succeeded' },
    ])
    expect(await p.stock(sku)).toEqual({ onHand: 5, reserved: 0, available: 5, ledger: 5 })
  })
})
