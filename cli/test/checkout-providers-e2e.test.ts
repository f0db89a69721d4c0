// End to end: shoppers buy through the gateway of MyShop booted as `myshop start` boots it, paying with Stripe and
// PayPal through their official SDKs, which talk to local servers speaking each provider's protocol. Webhooks are
// signed as the providers sign them and sent through the gateway; operators refund and reconcile with the CLI.
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPayPalStandIn } from '@myshop/provider-standins/paypal'
import { startStripeStandIn } from '@myshop/provider-standins/stripe'
import { eventually, uniqueEmail } from '@myshop/testing'
import { runCli } from './run-cli.ts'
import { address, bearer, shopAt } from './shop.ts'
import { bootForFile } from './test-platform.ts'

const stripe = startStripeStandIn()
const paypal = startPayPalStandIn()
afterAll(() => Promise.all([stripe.stop(), paypal.stop()]))

const booted = bootForFile('copper-Meadow-71-falcon', {
  PAYMENT_PROVIDERS: 'stripe,paypal,test',
  STRIPE_SECRET_KEY: stripe.secretKey,
  STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
  STRIPE_PUBLISHABLE_KEY: 'pk_test_myshop',
  STRIPE_API_URL: stripe.url,
  PAYPAL_CLIENT_ID: paypal.clientId,
  PAYPAL_CLIENT_SECRET: paypal.clientSecret,
  PAYPAL_WEBHOOK_ID: paypal.webhookId,
  PAYPAL_API_URL: paypal.url,
  PAYMENT_PROVIDER_TIMEOUT_MS: '1000',
  CHECKOUT_ACTION_TIMEOUT_SECONDS: '3',
  SAGA_RECOVERY_INTERVAL_MS: '200',
})
const home = mkdtempSync(join(tmpdir(), 'myshop-cli-providers-'))
const cli = (...args: string[]) => runCli([...args, '--url', booted.platform.gatewayUrl], { home })

type Shop = ReturnType<typeof shopAt>
const session = async () => {
  const shop = shopAt(booted.platform.gatewayUrl)
  const admin = await shop.signIn(booted.admin.email, booted.admin.password)
  const email = uniqueEmail('provider-buyer')
  const shopper = await shop.register(email, 'amber-Willow-44-harbor')
  return { shop, admin, shopper, email }
}

/** Checks out `quantity` of a fresh SKU (2,000 EUR cents each, 5 in stock) with `payment`. */
const buy = async (
  { shop, admin, shopper, email }: Awaited<ReturnType<typeof session>>,
  label: string,
  payment: Record<string, string>,
  quantity = 1,
) => {
  const sku = await shop.stockedSku(admin, label, `${label} item`, 2000, 5)
  const res = await shop.api(
    'POST',
    '/api/v1/checkout',
    {
      cartId: await shop.cartOf(shopper, sku, quantity),
      email,
      shippingAddress: address,
      shippingOption: 'shp_standard',
      payment,
    },
    { ...bearer(shopper), 'idempotency-key': crypto.randomUUID() },
  )
  return { sku, res }
}

const orderOf = (shop: Shop, admin: string, id: string) =>
  shop.api('GET', `/api/v1/orders/${id}`, undefined, bearer(admin)).then((r) => r.body)

const paymentOf = async (shop: Shop, admin: string, orderId: string) => {
  const order = await orderOf(shop, admin, orderId)
  return (await shop.api('GET', `/api/v1/payments/${order.payment.id}`, undefined, bearer(admin))).body
}

/** The order once it reached `status` (and, for a paid one, its payment was captured). */
const settled = async (shop: Shop, admin: string, id: string, status: string) => {
  await eventually(`order ${id} ${status}`, async () => {
    const order = await orderOf(shop, admin, id)
    return order.status === status && (status !== 'paid' || order.payment.status === 'captured')
  })
  return orderOf(shop, admin, id)
}

const deliver = (shop: Shop, provider: string, hook: { body: string; headers: Record<string, string> }) =>
  fetch(`${booted.platform.gatewayUrl}/api/v1/webhooks/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...hook.headers },
    body: hook.body,
  }).then(async (r) => ({ status: r.status, body: await r.json() }))

describe('buying with Stripe through the gateway', () => {
  test('the providers a storefront is offered, with the publishable key', async () => {
    const { shop } = await session()
    expect((await shop.api('GET', '/api/v1/payments/providers')).body).toEqual({
      providers: [
        { name: 'stripe', publishableKey: 'pk_test_myshop' },
        { name: 'paypal', clientId: paypal.clientId },
        { name: 'test' },
      ],
    })
  })

  test('a card: the order is paid, the PaymentIntent captured at Stripe; then refunded in part and in full', async () => {
    const s = await session()
    const { res } = await buy(s, 'STRIPEOK', { provider: 'stripe', token: 'pm_card_visa' }, 2)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'paid', payment: { provider: 'stripe', status: 'captured' } })
    const payment = await paymentOf(s.shop, s.admin, res.body.id)
    expect(stripe.intents.get(payment.providerReference)).toMatchObject({
      status: 'succeeded',
      amount_received: res.body.totals.total,
    })

    const part = await s.shop.api(
      'POST',
      `/api/v1/orders/${res.body.id}/refunds`,
      { amount: 1000 },
      bearer(s.admin),
    )
    expect(part.status).toBe(201)
    expect((await settled(s.shop, s.admin, res.body.id, 'partially_refunded')).totals.refunded).toBe(1000)
    await s.shop.api('POST', `/api/v1/orders/${res.body.id}/refunds`, {}, bearer(s.admin))
    const refunded = await settled(s.shop, s.admin, res.body.id, 'refunded')
    expect(refunded.totals.refunded).toBe(res.body.totals.total)
    const atStripe = [...stripe.refunds.values()].filter(
      (r) => r.payment_intent === payment.providerReference,
    )
    expect(atStripe.reduce((sum, r) => sum + r.amount, 0)).toBe(res.body.totals.total)
  }, 60_000)

  test('a declined card: 402 naming the reason, the stock given back', async () => {
    const s = await session()
    const { sku, res } = await buy(s, 'STRIPENO', {
      provider: 'stripe',
      token: 'pm_card_chargeDeclinedInsufficientFunds',
    })
    expect(res.status).toBe(402)
    expect(res.body.code).toBe('payment_declined')
    expect(res.body.detail).toContain('insufficient_funds')
    expect(await s.shop.available(sku)).toBe(5)
  }, 60_000)

  test('3-D Secure: 202 with the client secret; the signed webhook through the gateway gets the order paid, once', async () => {
    const s = await session()
    const { res } = await buy(s, 'STRIPE3DS', { provider: 'stripe', token: 'pm_card_threeDSecure2Required' })
    expect(res.status).toBe(202)
    const intent = (await paymentOf(s.shop, s.admin, res.body.id)).providerReference
    expect(res.body.nextAction).toEqual({
      type: 'stripe_sdk',
      clientSecret: stripe.intents.get(intent)!.client_secret,
      url: expect.any(String),
    })
    const hook = (await stripe.completeAction(intent, 'approve'))!
    expect((await deliver(s.shop, 'stripe', hook)).status).toBe(200)
    expect((await deliver(s.shop, 'stripe', hook)).body.duplicate).toBe(true)
    const paid = await settled(s.shop, s.admin, res.body.id, 'paid')
    expect(paid.payment.status).toBe('captured')
  }, 60_000)

  test('3-D Secure abandoned: past the deadline the PaymentIntent is cancelled, the stock released, the order cancelled', async () => {
    const s = await session()
    const { sku, res } = await buy(s, 'STRIPEGONE', {
      provider: 'stripe',
      token: 'pm_card_threeDSecure2Required',
    })
    expect(res.status).toBe(202)
    await settled(s.shop, s.admin, res.body.id, 'cancelled')
    expect(stripe.intents.get(res.body.nextAction.clientSecret.split('_secret_')[0])!.status).toBe('canceled')
    expect(await s.shop.available(sku)).toBe(5)
  }, 60_000)

  test('Stripe not answering at capture: the saga retries under the same key and captures once', async () => {
    const s = await session()
    const sku = await s.shop.stockedSku(s.admin, 'STRIPESLOW', 'slow item', 2000, 5)
    const cartId = await s.shop.cartOf(s.shopper, sku, 1)
    // The authorization is answered; the capture's first three tries (the SDK's own retries) are not.
    const before = stripe.requests.length
    const watch = setInterval(() => {
      if (
        stripe.requests.slice(before).some((r) => r.path === '/v1/payment_intents' && r.method === 'POST')
      ) {
        stripe.failNext(3, 'hang')
        clearInterval(watch)
      }
    }, 1)
    const res = await s.shop.api(
      'POST',
      '/api/v1/checkout',
      {
        cartId,
        email: s.email,
        shippingAddress: address,
        shippingOption: 'shp_standard',
        payment: { provider: 'stripe', token: 'pm_card_visa' },
      },
      { ...bearer(s.shopper), 'idempotency-key': crypto.randomUUID() },
    )
    clearInterval(watch)
    expect([201, 202, 503, 504]).toContain(res.status)
    const paid = await settled(s.shop, s.admin, res.body.id ?? res.body.orderId, 'paid')
    const payment = await paymentOf(s.shop, s.admin, paid.id)
    expect(stripe.intents.get(payment.providerReference)!.amount_received).toBe(paid.totals.total)
    const captureKeys = stripe.requests
      .filter((r) => r.path === `/v1/payment_intents/${payment.providerReference}/capture`)
      .map((r) => r.idempotencyKey)
    expect(new Set(captureKeys)).toEqual(new Set([`${payment.id}:capture`]))
  }, 60_000)
})

describe('buying with PayPal through the gateway', () => {
  test('the approval link; the webhook before the redirect; repeats and the late redirect change nothing', async () => {
    const s = await session()
    const { res } = await buy(s, 'PAYPALOK', { provider: 'paypal' })
    expect(res.status).toBe(202)
    expect(res.body.nextAction).toMatchObject({ type: 'redirect' })
    const payment = await paymentOf(s.shop, s.admin, res.body.id)
    const hook = paypal.approve(payment.providerReference)
    expect((await deliver(s.shop, 'paypal', hook)).status).toBe(200)
    expect((await deliver(s.shop, 'paypal', hook)).body.duplicate).toBe(true)
    const paid = await settled(s.shop, s.admin, res.body.id, 'paid')
    expect(paid.payment.status).toBe('captured')
    const back = await fetch(
      `${booted.platform.gatewayUrl}/api/v1/payments/${payment.id}/return?token=${payment.providerReference}&PayerID=B1`,
    )
    expect(back.status).toBe(200)
    const authorizations = [...paypal.authorizations.values()].filter(
      (a) => a.orderId === payment.providerReference,
    )
    expect(authorizations).toHaveLength(1)
  }, 60_000)

  test('the shopper comes back before any webhook: the redirect alone gets the order paid', async () => {
    const s = await session()
    const { res } = await buy(s, 'PAYPALBACK', { provider: 'paypal' })
    const payment = await paymentOf(s.shop, s.admin, res.body.id)
    paypal.approve(payment.providerReference)
    const back = await fetch(
      `${booted.platform.gatewayUrl}/api/v1/payments/${payment.id}/return?token=${payment.providerReference}&PayerID=B1`,
    )
    expect(await back.text()).toContain('Payment approved')
    await settled(s.shop, s.admin, res.body.id, 'paid')
  }, 60_000)

  test('a 500 after PayPal made the capture: the saga retries with the same request id and finds that capture', async () => {
    const s = await session()
    paypal.failNext(1, 'server_error_after_work', { method: 'POST', path: /\/capture$/ })
    const { res } = await buy(s, 'PAYPAL500', { provider: 'paypal' })
    const payment = await paymentOf(s.shop, s.admin, res.body.id)
    paypal.approve(payment.providerReference)
    await fetch(
      `${booted.platform.gatewayUrl}/api/v1/payments/${payment.id}/return?token=${payment.providerReference}`,
    )
    const paid = await settled(s.shop, s.admin, res.body.id, 'paid')
    const captures = [...paypal.captures.values()].filter((c) => c.orderId === payment.providerReference)
    expect(captures).toHaveLength(1)
    expect(paid.payment.status).toBe('captured')
  }, 60_000)

  test('a dispute marks the order; the operator lists disputed orders and reconciles with the CLI', async () => {
    const s = await session()
    const since = new Date(Date.now() - 1000).toISOString()
    const { res } = await buy(s, 'PAYPALDISPUTE', { provider: 'paypal' })
    const payment = await paymentOf(s.shop, s.admin, res.body.id)
    await deliver(s.shop, 'paypal', paypal.approve(payment.providerReference))
    await settled(s.shop, s.admin, res.body.id, 'paid')
    const captured = await s.shop.api('GET', `/api/v1/payments/${payment.id}`, undefined, bearer(s.admin))
    const captureId = captured.body.transactions.find(
      (t: { kind: string }) => t.kind === 'capture',
    ).providerReference
    expect((await deliver(s.shop, 'paypal', paypal.dispute(captureId))).status).toBe(200)
    await eventually(
      'the order disputed',
      async () => (await orderOf(s.shop, s.admin, res.body.id)).dispute !== null,
    )

    expect(
      (await cli('login', '--email', booted.admin.email, '--password', booted.admin.password)).code,
    ).toBe(0)
    const disputed = await cli('orders', 'list', '--disputed', '--json')
    expect(JSON.parse(disputed.stdout).items.map((o: { id: string }) => o.id)).toContain(res.body.id)

    const show = await cli('payments', 'show', payment.id)
    expect(show.code).toBe(0)
    expect(show.stdout).toContain(payment.providerReference)
    expect(show.stdout).toContain('disputed')

    paypal.refundOutside(captureId, '5.00')
    const report = await cli('payments', 'reconcile', '--provider', 'paypal', '--since', since)
    expect(report.code).toBe(1)
    expect(report.stdout).toContain('refund_only_at_provider')
    expect(report.stdout).toContain(payment.id)
  }, 60_000)
})
