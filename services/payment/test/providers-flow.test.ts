// The payment service with Stripe and PayPal through their SDKs, pointed at local servers speaking their protocols,
// behind the gateway over HTTP as deployed: payments made, approved, captured, refunded, disputed and reconciled,
// with webhooks that arrive signed, twice, out of order and before the shopper comes back.
import { afterAll, describe, expect, test } from 'bun:test'
import { createGateway } from '@myshop/edge-gateway'
import { gatewayConfig } from '@myshop/edge-gateway/config'
import { startPayPalStandIn } from '@myshop/provider-standins/paypal'
import { startStripeStandIn } from '@myshop/provider-standins/stripe'
import type { TestResponse } from '@myshop/testing'
import Stripe from 'stripe'
import { createApp } from '../src/app.ts'
import type { PaymentDeps } from '../src/deps.ts'
import { createPayPalProvider } from '../src/providers/paypal.ts'
import { createStripeProvider } from '../src/providers/stripe.ts'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const stripe = startStripeStandIn()
const paypal = startPayPalStandIn()
const deps: PaymentDeps = {
  ...h.deps,
  offered: ['test', 'stripe', 'paypal'],
  providers: {
    ...h.deps.providers,
    stripe: createStripeProvider({
      secretKey: stripe.secretKey,
      webhookSecret: stripe.webhookSecret,
      apiUrl: stripe.url,
      timeoutMs: 1000,
      rateLimitBackoffMs: 10,
    }),
    paypal: createPayPalProvider({
      clientId: paypal.clientId,
      clientSecret: paypal.clientSecret,
      webhookId: paypal.webhookId,
      environment: 'sandbox',
      apiUrl: paypal.url,
      timeoutMs: 2000,
    }),
  },
}
const app = createApp(deps)
const service = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: (request) => app.handle(request) })
const gateway = createGateway({
  config: gatewayConfig({
    JWKS_URL: 'http://127.0.0.1:9/jwks.json',
    PAYMENT_SERVICE_URL: `http://127.0.0.1:${service.port}`,
  }),
  store: null,
  verifier: h.deps.verifier,
  getClientIp: () => '203.0.113.7',
})
afterAll(async () => {
  service.stop(true)
  await Promise.all([stripe.stop(), paypal.stop()])
})

/** A request through the gateway; answers the status and the parsed body (or the text, for a page). */
const send = async (
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<TestResponse> => {
  const res = await gateway.fetch(new Request(`http://gateway.test${path}`, { method, headers, body }))
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: res.status, headers: res.headers, body: parsed }
}
const asAdmin = { authorization: `Bearer ${h.admin}`, 'content-type': 'application/json' }
const authorize = (body: Record<string, unknown>, key = crypto.randomUUID()) =>
  send(
    'POST',
    '/api/v1/payments',
    JSON.stringify({ reference: h.reference(), amount: 4200, currency: 'EUR', ...body }),
    { ...asAdmin, 'idempotency-key': key },
  )
const payment = async (id: string) => (await send('GET', `/api/v1/payments/${id}`, undefined, asAdmin)).body
const act = (id: string, action: string, body?: unknown) =>
  send('POST', `/api/v1/payments/${id}/${action}`, body === undefined ? undefined : JSON.stringify(body), {
    ...asAdmin,
    ...(action === 'refunds' && { 'idempotency-key': crypto.randomUUID() }),
  })
const deliver = (provider: 'stripe' | 'paypal', hook: { body: string; headers: Record<string, string> }) =>
  send('POST', `/api/v1/webhooks/${provider}`, hook.body, {
    'content-type': 'application/json',
    ...hook.headers,
  })
const receipts = async () =>
  (await h.sql<{ n: number }[]>`select count(*)::int as n from payments.webhook_receipts`)[0]!.n

describe('Stripe', () => {
  test('a card is authorized with manual capture and our key as the Idempotency-Key, captured, then refunded in two parts', async () => {
    const key = crypto.randomUUID()
    const made = await authorize({ provider: 'stripe', token: 'pm_card_visa' }, key)
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ provider: 'stripe', status: 'authorized', nextAction: null })
    const intent = stripe.intents.get(made.body.providerReference)!
    expect(intent).toMatchObject({ capture_method: 'manual', status: 'requires_capture', amount: 4200 })
    expect(intent.metadata.myshop_payment_id).toBe(made.body.id)
    const create = stripe.requests.find(
      (r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.params.metadata,
    )
    expect(create?.idempotencyKey).toBe(`${made.body.id}:authorize`)

    expect((await act(made.body.id, 'capture')).body).toMatchObject({
      status: 'captured',
      capturedAmount: 4200,
    })
    expect((await act(made.body.id, 'refunds', { amount: 1200 })).body).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 1200,
    })
    expect((await act(made.body.id, 'refunds', {})).body).toMatchObject({
      status: 'refunded',
      refundedAmount: 4200,
    })
    const refunds = [...stripe.refunds.values()].filter((r) => r.payment_intent === intent.id)
    expect(refunds.map((r) => r.amount).sort()).toEqual([1200, 3000])
  })

  test('declines map to our reasons: 402 payment_declined, the payment failed', async () => {
    for (const [token, reason] of [
      ['pm_card_chargeDeclined', 'card_declined'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
      ['pm_card_chargeDeclinedProcessingError', 'processing_error'],
    ]) {
      const res = await authorize({ provider: 'stripe', token })
      expect([token, res.status, res.body.code]).toEqual([token, 402, 'payment_declined'])
      expect(res.body.detail).toContain(reason)
    }
  })

  test('3-D Secure: the client secret is the next action; the signed webhook authorizes once, its repeat is acknowledged', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_threeDSecure2Required' })
    expect(made.body).toMatchObject({ status: 'requires_action', nextAction: { type: 'stripe_sdk' } })
    expect(made.body.nextAction.clientSecret).toBe(
      stripe.intents.get(made.body.providerReference)!.client_secret,
    )

    const hook = (await stripe.completeAction(made.body.providerReference, 'approve'))!
    const first = await deliver('stripe', hook)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      received: true,
      duplicate: false,
      paymentId: made.body.id,
      status: 'authorized',
    })
    const again = await deliver('stripe', hook)
    expect(again.body).toEqual({
      received: true,
      duplicate: true,
      paymentId: made.body.id,
      status: 'authorized',
    })
    expect(await h.events('payment.authorized', made.body.id)).toHaveLength(1)

    // The shopper's redirect comes back after the webhook: nothing more happens.
    const back = await send(
      'GET',
      `/api/v1/payments/${made.body.id}/return?payment_intent=${made.body.providerReference}&redirect_status=succeeded`,
    )
    expect(back.status).toBe(200)
    expect(String(back.body)).toContain('Payment approved')
    expect(await h.events('payment.authorized', made.body.id)).toHaveLength(1)
  })

  test('events out of order: a later event first is applied by asking Stripe, and the earlier one then changes nothing', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_threeDSecure2Required' })
    const approved = (await stripe.completeAction(made.body.providerReference, 'approve'))!
    const intent = stripe.intents.get(made.body.providerReference)!
    const later = await stripe.event('payment_intent.amount_capturable_updated', intent)
    expect((await deliver('stripe', later)).body.status).toBe('authorized')
    expect((await deliver('stripe', approved)).body).toMatchObject({ duplicate: false, status: 'authorized' })
    expect((await payment(made.body.id)).transactions).toHaveLength(2)
  })

  test('a failed 3-D Secure check fails the payment', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_threeDSecure2Required' })
    const hook = (await stripe.completeAction(made.body.providerReference, 'fail'))!
    expect((await deliver('stripe', hook)).body.status).toBe('failed')
    expect((await payment(made.body.id)).failureReason).toBe('authentication_failed')
  })

  test('the raw body reaches the signature check byte for byte; a forged, stale or tampered one is 400 and not recorded', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_threeDSecure2Required' })
    await stripe.completeAction(made.body.providerReference, 'approve')
    const intent = stripe.intents.get(made.body.providerReference)!
    // Spacing, key order and characters no serializer of ours would reproduce: only the bytes as sent verify.
    const body = `{\n  "id": "evt_bytes_${crypto.randomUUID().slice(0, 8)}",  "object":"event", "type":"payment_intent.amount_capturable_updated",\t"created": ${Math.floor(Date.now() / 1000)},\n "data": {"object": ${JSON.stringify({ ...intent, description: 'café ✓ \\u00e9' })}}, "livemode": false, "api_version": "2025-01-01" }\r\n`
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload: body,
      secret: stripe.webhookSecret,
    })
    const before = await receipts()
    for (const [text, header] of [
      [
        body,
        await Stripe.webhooks.generateTestHeaderStringAsync({ payload: body, secret: 'whsec_not_ours' }),
      ],
      [body.replace('café', 'cafe'), signature],
      [
        body,
        await Stripe.webhooks.generateTestHeaderStringAsync({
          payload: body,
          secret: stripe.webhookSecret,
          timestamp: Math.floor(Date.now() / 1000) - 3600,
        }),
      ],
      [body, ''],
    ] as [string, string][]) {
      const res = await deliver('stripe', {
        body: text,
        headers: header ? { 'stripe-signature': header } : {},
      })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('invalid_signature')
    }
    expect(await receipts()).toBe(before)
    const res = await deliver('stripe', { body, headers: { 'stripe-signature': signature } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ duplicate: false, paymentId: made.body.id, status: 'authorized' })
  })

  test('a capture whose answer is lost (500 after the work) is retried under the same key and finds the first result', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_visa' })
    stripe.failNext(1, 'server_error_after_commit')
    expect((await act(made.body.id, 'capture')).body).toMatchObject({
      status: 'captured',
      capturedAmount: 4200,
    })
    const captures = stripe.requests.filter(
      (r) => r.path === `/v1/payment_intents/${made.body.providerReference}/capture`,
    )
    expect(captures.map((r) => [r.status, r.replayed, r.idempotencyKey])).toEqual([
      [500, false, `${made.body.id}:capture`],
      [200, true, `${made.body.id}:capture`],
    ])
  })

  test('Stripe not answering mid-capture is 504 with the payment still authorized; the retry captures once', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_visa' })
    stripe.failNext(3, 'hang')
    const lost = await act(made.body.id, 'capture')
    expect(lost.status).toBe(504)
    expect((await payment(made.body.id)).status).toBe('authorized')
    expect((await act(made.body.id, 'capture')).body).toMatchObject({
      status: 'captured',
      capturedAmount: 4200,
    })
    expect(stripe.intents.get(made.body.providerReference)!.amount_received).toBe(4200)
    const outcomes = (await payment(made.body.id)).transactions.map(
      (t: { kind: string; outcome: string }) => `${t.kind}:${t.outcome}`,
    )
    expect(outcomes).toEqual(['authorize:succeeded', 'capture:timeout', 'capture:succeeded'])
  }, 20_000)

  test('a dispute marks the payment and is announced once as payment.disputed', async () => {
    const made = await authorize({ provider: 'stripe', token: 'pm_card_visa' })
    await act(made.body.id, 'capture')
    const hook = await stripe.dispute(made.body.providerReference, { reason: 'fraudulent' })
    const res = await deliver('stripe', hook)
    expect(res.body).toMatchObject({ duplicate: false, paymentId: made.body.id })
    expect((await deliver('stripe', hook)).body.duplicate).toBe(true)
    expect((await payment(made.body.id)).dispute).toMatchObject({
      id: hook.dispute.id,
      amount: 4200,
      currency: 'EUR',
      reason: 'fraudulent',
    })
    expect(await h.events('payment.disputed', made.body.id)).toEqual([
      expect.objectContaining({
        disputeId: hook.dispute.id,
        amount: 4200,
        reason: 'fraudulent',
        reference: made.body.reference,
      }),
    ])
  })

  test('reconciliation finds a refund made in the Dashboard, and the operator view shows both sides', async () => {
    const since = new Date(Date.now() - 1000).toISOString()
    const made = await authorize({ provider: 'stripe', token: 'pm_card_visa' })
    await act(made.body.id, 'capture')
    stripe.refundOutside(made.body.providerReference, 700)
    const report = await send(
      'GET',
      `/api/v1/admin/payments/reconciliation?provider=stripe&since=${encodeURIComponent(since)}`,
      undefined,
      asAdmin,
    )
    expect(report.status).toBe(200)
    expect(report.body.differences).toContainEqual(
      expect.objectContaining({ kind: 'refund_only_at_provider', paymentId: made.body.id }),
    )
    const view = await send('GET', `/api/v1/admin/payments/${made.body.id}/provider`, undefined, asAdmin)
    expect(view.body).toMatchObject({
      payment: { id: made.body.id, refundedAmount: 0 },
      provider: { reference: made.body.providerReference, refundedAmount: 700, capturedAmount: 4200 },
      differences: [{ kind: 'refund_only_at_provider' }],
    })
  })
})

describe('PayPal', () => {
  const approvalOrder = async () => {
    const made = await authorize({ provider: 'paypal' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      provider: 'paypal',
      status: 'requires_action',
      nextAction: { type: 'redirect' },
    })
    return made.body
  }

  test('the approval link is the next action; the shopper comes back, the order is authorized, then captured and refunded', async () => {
    const made = await approvalOrder()
    const order = paypal.orders.get(made.providerReference)!
    expect(made.nextAction.url).toContain(made.providerReference)
    expect(JSON.stringify(order)).toContain(`/api/v1/payments/${made.id}/return`)
    paypal.approve(made.providerReference)
    const back = await send(
      'GET',
      `/api/v1/payments/${made.id}/return?token=${made.providerReference}&PayerID=BUYER1`,
    )
    expect(back.status).toBe(200)
    expect((await payment(made.id)).status).toBe('authorized')
    expect((await act(made.id, 'capture')).body).toMatchObject({ status: 'captured' })
    expect((await act(made.id, 'refunds', { amount: 1000 })).body.status).toBe('partially_refunded')
    expect((await act(made.id, 'refunds', {})).body).toMatchObject({
      status: 'refunded',
      refundedAmount: 4200,
    })
  })

  test('the webhook before the redirect: authorized once, whichever comes first, however often', async () => {
    const made = await approvalOrder()
    const hook = paypal.approve(made.providerReference)
    expect((await deliver('paypal', hook)).body).toMatchObject({ duplicate: false, status: 'authorized' })
    expect((await deliver('paypal', hook)).body).toMatchObject({ duplicate: true, status: 'authorized' })
    await send('GET', `/api/v1/payments/${made.id}/return?token=${made.providerReference}&PayerID=BUYER1`)
    expect(await h.events('payment.authorized', made.id)).toHaveLength(1)
    const authorizations = [...paypal.authorizations.values()].filter(
      (a) => a.orderId === made.providerReference,
    )
    expect(authorizations).toHaveLength(1)
  })

  test('a shopper who never approves: the payment waits, then is voided', async () => {
    const made = await approvalOrder()
    expect((await act(made.id, 'resolve')).body.status).toBe('requires_action')
    const back = await send(
      'GET',
      `/api/v1/payments/${made.id}/return?cancelled=true&token=${made.providerReference}`,
    )
    expect(String(back.body)).toContain('not finished')
    expect((await act(made.id, 'void')).body.status).toBe('voided')
  })

  test('a forged webhook is 400 and recorded nowhere; a dispute is recorded and announced', async () => {
    const made = await approvalOrder()
    await deliver('paypal', paypal.approve(made.providerReference))
    const captured = await act(made.id, 'capture')
    const captureId = captured.body.transactions.at(-1).providerReference
    const hook = paypal.dispute(captureId)
    const before = await receipts()
    const forged = await deliver('paypal', {
      ...hook,
      body: hook.body.replace('CUSTOMER.DISPUTE.CREATED', 'CUSTOMER.DISPUTE.RESOLVED'),
    })
    expect(forged.status).toBe(400)
    expect(await receipts()).toBe(before)
    expect((await deliver('paypal', hook)).body).toMatchObject({ duplicate: false, paymentId: made.id })
    expect((await payment(made.id)).dispute).toMatchObject({ currency: 'EUR' })
    expect(await h.events('payment.disputed', made.id)).toHaveLength(1)
  })
})
