import { describe, expect, test } from 'bun:test'
import type { NextAction, Payment, PaymentClient, ProviderName } from '../src/clients/payment.ts'
import type { CallResult } from '../src/clients/service-call.ts'
import { recoverDue } from '../src/sagas/service.ts'
import { bearer, checkoutPlatform, http, unreachable } from './checkout-platform.ts'

const p = await checkoutPlatform()

/**
 * Runs `body` with some of the payment client's calls answered by the test instead of the payment service (as the
 * payment service of a shop configured with other providers would answer them); the rest reach the real one.
 */
const answering = async (calls: Partial<PaymentClient>, body: () => Promise<void>) => {
  const real = p.deps.sagas.payment!
  p.deps.sagas.payment = { ...real, ...calls }
  try {
    await body()
  } finally {
    p.deps.sagas.payment = real
  }
}

const offering = (...names: ProviderName[]): Partial<PaymentClient> => ({
  providers: async () => ({ ok: true, value: { providers: names.map((name) => ({ name })) } }),
})

/** The payment service cannot be asked which providers the shop offers. */
const notAsked: Partial<PaymentClient> = { providers: unreachable().payment.providers }

const refusal = (code: string, status: number, detail: string): CallResult<Payment> => ({
  ok: false,
  retryable: false,
  problem: { status, code, detail, body: { code, detail } },
})

/**
 * Payments made as a provider that has the shopper act makes them: each awaits the shopper with `nextAction`, is
 * read and voided as it stands, and, when the payment service is asked to resolve it, becomes `resolvesTo`.
 */
const awaitingPayments = (nextAction: NextAction, resolvesTo: Partial<Payment> = {}) => {
  const made = new Map<string, Payment>()
  const asked: unknown[] = []
  const resolved: string[] = []
  const answer = (id: string, change: Partial<Payment> = {}): CallResult<Payment> => {
    const payment = made.get(id)
    if (!payment) return refusal('not_found', 404, 'No such payment')
    made.set(id, { ...payment, ...change })
    return { ok: true, value: made.get(id)! }
  }
  const calls: Partial<PaymentClient> = {
    authorize: async (_key, input) => {
      asked.push(input)
      const id = `pay_${crypto.randomUUID()}`
      made.set(id, {
        id,
        reference: input.reference,
        amount: input.amount,
        currency: input.currency,
        status: 'requires_action',
        provider: input.provider,
        nextAction,
        failureReason: null,
        capturedAmount: 0,
        refundedAmount: 0,
      })
      return answer(id)
    },
    get: async (id) => answer(id),
    void: async (id) => answer(id, { status: 'voided', nextAction: null }),
    resolve: async (id) => {
      resolved.push(id)
      return answer(id, resolvesTo)
    },
  }
  return { calls, asked, resolved }
}

/** A cart of one unit of a new SKU with three in stock. */
const oneUnit = async () => {
  const sku = await p.product(3)
  return { sku, cartId: await p.cart([{ sku, quantity: 1 }]) }
}

const withPayment = (cartId: string, payment: { provider: ProviderName; token?: string }) => ({
  ...p.checkoutBody(cartId),
  payment,
})

const sagasOfCart = async (cartId: string) => [
  ...(await p.deps.sql<{ orderId: string; status: string }[]>`
    select order_id as "orderId", status from orders.sagas where payload ->> 'cartId' = ${cartId}`),
]

const orderCount = async () =>
  (await p.deps.sql<{ n: number }[]>`select count(*)::int as n from orders.orders`)[0]!.n

describe('checkout by provider', () => {
  test.each(['test', 'stripe'] as const)(
    'a %s payment without the card’s token is a 422 naming /payment/token; nothing is written',
    async (provider) => {
      const { sku, cartId } = await oneUnit()
      const orders = await orderCount()
      const res = await p.checkout(withPayment(cartId, { provider }))
      expect(res.status).toBe(422)
      expect(res.body).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: '/payment/token', message: expect.stringContaining(provider) }],
      })
      expect(await sagasOfCart(cartId)).toEqual([])
      expect(await orderCount()).toBe(orders)
      expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
    },
  )

  test('a provider the shop does not offer: 422 provider_unavailable before anything is reserved', async () => {
    const { sku, cartId } = await oneUnit()
    const orders = await orderCount()
    await answering(offering('test', 'stripe'), async () => {
      const res = await p.checkout(withPayment(cartId, { provider: 'paypal' }))
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('provider_unavailable')
      expect(res.body.detail).toContain('paypal')
    })
    expect(await sagasOfCart(cartId)).toEqual([])
    expect(await orderCount()).toBe(orders)
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
    // Offered, the same cart is bought.
    await answering(offering('test'), async () => {
      expect((await p.checkout(p.checkoutBody(cartId))).status).toBe(201)
    })
  })

  test('when the payment service cannot say what it offers, checkout goes on', async () => {
    const { sku, cartId } = await oneUnit()
    await answering(notAsked, async () => {
      const res = await p.checkout(p.checkoutBody(cartId))
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ status: 'paid', payment: { provider: 'test', status: 'captured' } })
    })
    expect(await p.stock(sku)).toMatchObject({ onHand: 2, reserved: 0 })
  })

  test('a provider the payment service refuses at authorization: 422 provider_unavailable, the checkout undone', async () => {
    const { sku, cartId } = await oneUnit()
    const key = crypto.randomUUID()
    const body = withPayment(cartId, { provider: 'stripe', token: 'pm_card_visa' })
    await answering(
      {
        ...notAsked,
        authorize: async () =>
          refusal('provider_unavailable', 422, 'Payments by stripe are not offered by this shop'),
      },
      async () => {
        const res = await p.checkout(body, key)
        expect(res.status).toBe(422)
        expect(res.body).toMatchObject({
          code: 'provider_unavailable',
          detail: 'Payments by stripe are not offered by this shop',
        })
      },
    )
    const [saga] = await sagasOfCart(cartId)
    expect(saga!.status).toBe('compensated')
    expect(await p.reservations(saga!.orderId)).toEqual([expect.objectContaining({ status: 'released' })])
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
    const [order] = await p.deps.sql<{ status: string }[]>`
      select status from orders.orders where id = ${saga!.orderId}`
    expect(order!.status).toBe('cancelled')
    // Asked again with the same key and body: the same answer.
    const again = await p.checkout(body, key)
    expect(again.status).toBe(422)
    expect(again.body.code).toBe('provider_unavailable')
  })

  test('PayPal takes no token: the payment is asked for without one, and the 202 carries where to approve it', async () => {
    const { sku, cartId } = await oneUnit()
    const approval: NextAction = {
      type: 'redirect',
      url: 'https://www.sandbox.paypal.com/checkoutnow?token=5O1',
    }
    const payments = awaitingPayments(approval)
    await answering({ ...payments.calls, ...offering('test', 'paypal') }, async () => {
      const res = await p.checkout(withPayment(cartId, { provider: 'paypal' }))
      expect(res.status).toBe(202)
      expect(res.body).toMatchObject({
        status: 'awaiting_payment',
        payment: { provider: 'paypal', status: 'requires_action' },
        nextAction: approval,
      })
      expect(payments.asked).toEqual([
        { reference: res.body.id, amount: res.body.totals.total, currency: 'EUR', provider: 'paypal' },
      ])
      expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 1 })
      // Undone by an operator: the approval voided, the stock released.
      const undone = await http(
        `${p.order.url}/api/v1/admin/sagas/${res.body.sagaId}/compensate`,
        'POST',
        undefined,
        bearer(p.admin.token),
      )
      expect(undone.body).toMatchObject({ status: 'compensated' })
    })
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
  })

  test('a Stripe payment awaiting the shopper: the 202 carries its stripe_sdk action unchanged; recovery has the payment service resolve it', async () => {
    const { sku, cartId } = await oneUnit()
    const key = crypto.randomUUID()
    const body = withPayment(cartId, { provider: 'stripe', token: 'pm_card_threeDSecure2Required' })
    const action: NextAction = {
      type: 'stripe_sdk',
      clientSecret: 'pi_3Q_secret_abc',
      url: 'https://hooks.stripe.com/3d_secure_2/hosted?x=1',
    }
    // Read as it stands, the payment still awaits the shopper: only resolving it learns that they failed.
    const payments = awaitingPayments(action, {
      status: 'failed',
      nextAction: null,
      failureReason: 'authentication failed',
    })
    await answering({ ...payments.calls, ...offering('stripe') }, async () => {
      const res = await p.checkout(body, key)
      expect(res.status).toBe(202)
      expect(res.body.nextAction).toEqual(action)
      const again = await p.checkout(body, key)
      expect(again.status).toBe(202)
      expect(again.body.nextAction).toEqual(action)
      p.advance(p.deps.sagas.settings.pollMs + 1_000)
      await recoverDue(p.deps)
      expect(payments.resolved).toEqual([res.body.payment.id])
      expect((await p.sagaOf(res.body.id)).status).toBe('compensated')
      const declined = await p.checkout(body, key)
      expect(declined.status).toBe(402)
      expect(declined.body).toMatchObject({ code: 'payment_declined', detail: 'authentication failed' })
    })
    expect(await p.stock(sku)).toMatchObject({ onHand: 3, reserved: 0 })
  })
})
