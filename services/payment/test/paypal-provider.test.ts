import { afterAll, afterEach, beforeAll, describe, expect, setSystemTime, test } from 'bun:test'
import { type PayPalStandIn, startPayPalStandIn } from '@myshop/provider-standins/paypal'
import { createPayPalProvider, type PayPalProviderOptions } from '../src/providers/paypal.ts'
import type { AuthorizeInput, ProviderOutcome } from '../src/providers/types.ts'

// The adapter, through PayPal's real SDK, against a local PayPal: what it sends and what it makes of the answers.
let paypal: PayPalStandIn

const providerFor = (overrides: Partial<PayPalProviderOptions> = {}) =>
  createPayPalProvider({
    clientId: paypal.clientId,
    clientSecret: paypal.clientSecret,
    webhookId: paypal.webhookId,
    environment: 'sandbox',
    apiUrl: paypal.url,
    timeoutMs: 3000,
    rateLimitRetries: { retries: 2, intervalMs: 10 },
    ...overrides,
  })

let provider: ReturnType<typeof providerFor>

beforeAll(() => {
  paypal = startPayPalStandIn()
  provider = providerFor()
})
afterAll(() => paypal.stop())
afterEach(() => setSystemTime())

let counter = 0
const payment = (overrides: Partial<AuthorizeInput> = {}): AuthorizeInput => {
  counter++
  return {
    paymentId: `pay_${counter}`,
    description: `ord_${counter}`,
    amount: 1299,
    currency: 'EUR',
    token: null,
    returnUrl: 'https://shop.example/checkout/return',
    cancelUrl: 'https://shop.example/checkout/cancel',
    idempotencyKey: `pay_${counter}:authorize`,
    ...overrides,
  }
}

const referenceOf = (outcome: ProviderOutcome) => {
  if (outcome.outcome !== 'succeeded' && outcome.outcome !== 'requires_action')
    throw new Error(`Expected a reference, got ${JSON.stringify(outcome)}`)
  return outcome.reference
}

/** An order the buyer approved on PayPal and MyShop authorized; answers the order id. */
const authorized = async (overrides: Partial<AuthorizeInput> = {}) => {
  const input = payment(overrides)
  const orderId = referenceOf(await provider.authorize(input))
  paypal.approve(orderId)
  expect(
    await provider.resolve({ reference: orderId, idempotencyKey: `${input.paymentId}:resolve` }),
  ).toEqual({
    outcome: 'succeeded',
    reference: orderId,
  })
  return orderId
}

/** An authorized order, captured in full; answers the order and capture ids. */
const captured = async (overrides: Partial<AuthorizeInput> = {}) => {
  const orderId = await authorized(overrides)
  const captureId = referenceOf(
    await provider.capture({
      reference: orderId,
      amount: overrides.amount ?? 1299,
      currency: overrides.currency ?? 'EUR',
      idempotencyKey: `${orderId}:capture`,
    }),
  )
  return { orderId, captureId }
}

const requestsTo = (path: string, method = 'POST') =>
  paypal.requests.filter((r) => r.method === method && r.path === path)

describe('authorizing', () => {
  test('creates an order to authorize and sends the shopper to its approval link', async () => {
    const input = payment()
    const outcome = await provider.authorize(input)
    const orderId = referenceOf(outcome)
    expect(outcome).toEqual({
      outcome: 'requires_action',
      reference: orderId,
      nextAction: { type: 'redirect', url: `${paypal.url}/checkoutnow?token=${orderId}` },
    })
    const order = paypal.orders.get(orderId)!
    expect(order.status).toBe('PAYER_ACTION_REQUIRED')
    expect(order.purchaseUnit).toEqual({
      reference_id: input.paymentId,
      custom_id: input.paymentId,
      invoice_id: input.paymentId,
      description: input.description,
      amount: { currency_code: 'EUR', value: '12.99' },
    })
    expect(order.experience).toEqual({
      return_url: input.returnUrl,
      cancel_url: input.cancelUrl,
      user_action: 'PAY_NOW',
      shipping_preference: 'NO_SHIPPING',
    })
    const created = requestsTo('/v2/checkout/orders').at(-1)!
    expect(created.headers['paypal-request-id']).toBe(input.idempotencyKey)
    expect((created.body as { intent: string }).intent).toBe('AUTHORIZE')
  })

  test('a retry with the same key finds the first order instead of creating another', async () => {
    const input = payment()
    const before = paypal.orders.size
    const first = await provider.authorize(input)
    const again = await provider.authorize(input)
    expect(again).toEqual(first)
    expect(paypal.orders.size).toBe(before + 1)
  })

  test('before the shopper approves, resolving still asks for the same action and authorizes nothing', async () => {
    const input = payment()
    const created = await provider.authorize(input)
    const orderId = referenceOf(created)
    expect(await provider.resolve({ reference: orderId, idempotencyKey: 'k-early' })).toEqual(created)
    paypal.decline(orderId)
    expect(await provider.resolve({ reference: orderId, idempotencyKey: 'k-early' })).toEqual(created)
    expect(paypal.orders.get(orderId)?.authorizationId).toBeNull()
    expect(requestsTo(`/v2/checkout/orders/${orderId}/authorize`)).toHaveLength(0)
  })

  test('once approved, resolving authorizes the order once, under the key, however often it is asked', async () => {
    const input = payment()
    const orderId = referenceOf(await provider.authorize(input))
    paypal.approve(orderId)
    const key = `${input.paymentId}:resolve`
    const [a, b] = await Promise.all([
      provider.resolve({ reference: orderId, idempotencyKey: key }),
      provider.resolve({ reference: orderId, idempotencyKey: key }),
    ])
    expect(a).toEqual({ outcome: 'succeeded', reference: orderId })
    expect(b).toEqual(a)
    expect(await provider.resolve({ reference: orderId, idempotencyKey: key })).toEqual(a)
    const authorizations = [...paypal.authorizations.values()].filter((x) => x.orderId === orderId)
    expect(authorizations).toHaveLength(1)
    for (const request of requestsTo(`/v2/checkout/orders/${orderId}/authorize`))
      expect(request.headers['paypal-request-id']).toBe(key)
  })

  test("a buyer's funding refused at authorization is declined as card_declined", async () => {
    const orderId = referenceOf(await provider.authorize(payment()))
    paypal.approve(orderId, { instrument: 'declined' })
    expect(await provider.resolve({ reference: orderId, idempotencyKey: 'k-declined' })).toEqual({
      outcome: 'declined',
      reference: orderId,
      reason: 'card_declined',
      detail: expect.stringContaining('INSTRUMENT_DECLINED'),
    })
  })

  test('an order PayPal does not know is declined as not_found', async () => {
    expect(
      await provider.resolve({ reference: 'NOSUCHORDER000000', idempotencyKey: 'k-missing' }),
    ).toMatchObject({
      outcome: 'declined',
      reason: 'not_found',
    })
  })

  test('wrong credentials are a processing error, not the buyer', async () => {
    const wrong = providerFor({ clientSecret: 'not-the-secret' })
    expect(await wrong.authorize(payment())).toMatchObject({
      outcome: 'declined',
      reason: 'processing_error',
    })
  })
})

describe('capturing, voiding and refunding', () => {
  test("captures the order's authorization in full, as the final capture", async () => {
    const orderId = await authorized()
    const outcome = await provider.capture({
      reference: orderId,
      amount: 1299,
      currency: 'EUR',
      idempotencyKey: 'c1',
    })
    const captureId = referenceOf(outcome)
    expect(outcome.outcome).toBe('succeeded')
    const capture = paypal.captures.get(captureId)!
    expect(capture).toMatchObject({
      orderId,
      amount: { currency_code: 'EUR', value: '12.99' },
      finalCapture: true,
    })
    expect(paypal.authorizations.get(capture.authorizationId)?.status).toBe('CAPTURED')
    expect(
      requestsTo(`/v2/payments/authorizations/${capture.authorizationId}/capture`)[0]?.headers,
    ).toMatchObject({
      'paypal-request-id': 'c1',
    })
  })

  test('capturing an order that was never authorized is declined without a capture', async () => {
    const orderId = referenceOf(await provider.authorize(payment()))
    expect(
      await provider.capture({ reference: orderId, amount: 1299, currency: 'EUR', idempotencyKey: 'c2' }),
    ).toMatchObject({ outcome: 'declined', reason: 'unexpected_state' })
  })

  test('voids an authorization, and a later resolve says the order is over', async () => {
    const orderId = await authorized()
    const outcome = await provider.void({ reference: orderId, idempotencyKey: 'v1' })
    expect(outcome.outcome).toBe('succeeded')
    const authorizationId = paypal.orders.get(orderId)!.authorizationId!
    expect(outcome).toEqual({ outcome: 'succeeded', reference: authorizationId })
    expect(paypal.authorizations.get(authorizationId)?.status).toBe('VOIDED')
    expect(await provider.void({ reference: orderId, idempotencyKey: 'v1-again' })).toEqual(outcome)
    expect(await provider.resolve({ reference: orderId, idempotencyKey: 'r-after-void' })).toMatchObject({
      outcome: 'declined',
      reason: 'unexpected_state',
    })
  })

  test('an order never approved has nothing to void at PayPal', async () => {
    const orderId = referenceOf(await provider.authorize(payment()))
    expect(await provider.void({ reference: orderId, idempotencyKey: 'v2' })).toEqual({
      outcome: 'succeeded',
      reference: orderId,
    })
    expect(paypal.requests.filter((r) => r.path.endsWith('/void'))).not.toContainEqual(
      expect.objectContaining({ headers: expect.objectContaining({ 'paypal-request-id': 'v2' }) }),
    )
  })

  test('refunds part of a capture, then the rest, then nothing more', async () => {
    const { orderId, captureId } = await captured()
    const refund = (amount: number, key: string) =>
      provider.refund({
        reference: orderId,
        captureReference: captureId,
        amount,
        currency: 'EUR',
        idempotencyKey: key,
      })
    const first = await refund(500, 'r1')
    expect(first.outcome).toBe('succeeded')
    expect(paypal.captures.get(captureId)?.status).toBe('PARTIALLY_REFUNDED')
    expect(paypal.refunds.get(referenceOf(first))?.amount).toEqual({ currency_code: 'EUR', value: '5.00' })
    expect((await refund(799, 'r2')).outcome).toBe('succeeded')
    expect(paypal.captures.get(captureId)?.status).toBe('REFUNDED')
    expect(await refund(1, 'r3')).toMatchObject({
      outcome: 'declined',
      reason: 'unexpected_state',
      detail: expect.stringContaining('CAPTURE_FULLY_REFUNDED'),
    })
  })

  test('a refund with no capture reference refunds the order capture', async () => {
    const { orderId, captureId } = await captured()
    const outcome = await provider.refund({
      reference: orderId,
      captureReference: null,
      amount: 1299,
      currency: 'EUR',
      idempotencyKey: 'r4',
    })
    expect(paypal.refunds.get(referenceOf(outcome))?.captureId).toBe(captureId)
  })
})

describe('when PayPal fails', () => {
  test('a 500 after the capture was made is a timeout; the retry with the same key finds that one capture', async () => {
    const orderId = await authorized()
    const before = paypal.captures.size
    paypal.failNext(1, 'server_error_after_work', { path: /\/capture$/ })
    const input = { reference: orderId, amount: 1299, currency: 'EUR', idempotencyKey: `${orderId}:capture` }
    expect(await provider.capture(input)).toMatchObject({
      outcome: 'timeout',
      detail: expect.stringContaining('INTERNAL_SERVER_ERROR'),
    })
    const retried = await provider.capture(input)
    expect(retried.outcome).toBe('succeeded')
    expect(paypal.captures.size).toBe(before + 1)
    expect(paypal.captures.has(referenceOf(retried))).toBe(true)
  })

  test('a 500 before any work is a timeout, and the retry does the work', async () => {
    paypal.failNext(1, 'server_error', { path: /^\/v2\/checkout\/orders$/ })
    const input = payment()
    const before = paypal.orders.size
    expect((await provider.authorize(input)).outcome).toBe('timeout')
    expect(paypal.orders.size).toBe(before)
    expect((await provider.authorize(input)).outcome).toBe('requires_action')
  })

  test('PayPal not answering is a timeout', async () => {
    const impatient = providerFor({ timeoutMs: 300 })
    paypal.failNext(1, 'hang', { path: /^\/v2\/checkout\/orders$/ })
    expect(await impatient.authorize(payment())).toEqual({
      outcome: 'timeout',
      detail: 'PayPal did not answer in time',
    })
  })

  test('a 429 is tried again with backoff, and one that lasts becomes a timeout', async () => {
    paypal.failNext(1, 'rate_limit', { path: /^\/v2\/checkout\/orders$/ })
    const input = payment()
    expect((await provider.authorize(input)).outcome).toBe('requires_action')
    expect(
      requestsTo('/v2/checkout/orders').filter(
        (r) => r.headers['paypal-request-id'] === input.idempotencyKey,
      ),
    ).toHaveLength(2)
    paypal.failNext(3, 'rate_limit', { path: /^\/v2\/checkout\/orders$/ })
    expect(await provider.authorize(payment())).toMatchObject({
      outcome: 'timeout',
      detail: expect.stringContaining('RATE_LIMIT_REACHED'),
    })
  })
})

describe('the access token', () => {
  test('one token serves every call until it expires, then one new token is fetched', async () => {
    const fresh = providerFor()
    const before = paypal.tokensIssued
    const orderId = referenceOf(await fresh.authorize(payment()))
    const webhook = paypal.approve(orderId)
    await fresh.resolve({ reference: orderId, idempotencyKey: 't1' })
    await fresh.inspect(orderId)
    expect((await fresh.parseWebhook(webhook.body, new Headers(webhook.headers))).ok).toBe(true)
    expect(paypal.tokensIssued).toBe(before + 1)
    // The webhook verification (a plain fetch) sent the token the SDK's last call sent.
    const bearer = (back: number) => paypal.requests.at(-back)!.headers.authorization
    const first = bearer(1)
    expect(bearer(2)).toBe(first)
    setSystemTime(new Date(Date.now() + 10 * 3600_000))
    await fresh.inspect(orderId)
    await fresh.inspect(orderId)
    expect(paypal.tokensIssued).toBe(before + 2)
    expect(bearer(1)).toBe(bearer(2))
    expect(bearer(1)).not.toBe(first)
  })
})

describe('webhooks', () => {
  const headersOf = (webhook: { headers: Record<string, string> }) => new Headers(webhook.headers)

  test('a webhook PayPal sent to this webhook is verified and read', async () => {
    const orderId = referenceOf(await provider.authorize(payment()))
    const webhook = paypal.approve(orderId)
    const check = await provider.parseWebhook(webhook.body, headersOf(webhook))
    expect(check).toEqual({
      ok: true,
      event: {
        id: JSON.parse(webhook.body).id,
        type: 'CHECKOUT.ORDER.APPROVED',
        kind: 'authorization',
        references: [orderId],
        occurredAt: JSON.parse(webhook.body).create_time,
      },
    })
    const verify = requestsTo('/v1/notifications/verify-webhook-signature').at(-1)!
    expect(verify.body).toMatchObject({
      webhook_id: paypal.webhookId,
      transmission_id: webhook.headers['paypal-transmission-id'],
      auth_algo: 'SHA256withRSA',
      webhook_event: JSON.parse(webhook.body),
    })
  })

  test('a tampered body is refused', async () => {
    const { orderId, captureId } = await captured()
    const webhook = paypal.event('PAYMENT.CAPTURE.COMPLETED', captureId)
    const tampered = webhook.body.replace('"12.99"', '"1.00"')
    expect(tampered).not.toBe(webhook.body)
    expect(await provider.parseWebhook(tampered, headersOf(webhook))).toEqual({
      ok: false,
      reason: 'PayPal did not verify the webhook (FAILURE)',
    })
    expect((await provider.parseWebhook(webhook.body, headersOf(webhook))).ok).toBe(true)
    expect(orderId).toBeTruthy()
  })

  test('a webhook signed for another webhook id is refused', async () => {
    const other = providerFor({ webhookId: '9XX11111AA222222B' })
    const orderId = referenceOf(await provider.authorize(payment()))
    const webhook = paypal.approve(orderId)
    expect(await other.parseWebhook(webhook.body, headersOf(webhook))).toMatchObject({ ok: false })
  })

  test('a webhook without its transmission headers is refused without asking PayPal', async () => {
    const before = requestsTo('/v1/notifications/verify-webhook-signature').length
    expect(await provider.parseWebhook('{"id":"WH-1","event_type":"X"}', new Headers())).toEqual({
      ok: false,
      reason: 'The paypal-auth-algo header is missing',
    })
    expect(requestsTo('/v1/notifications/verify-webhook-signature')).toHaveLength(before)
  })

  test('capture, refund and dispute webhooks name the order, the capture and the authorization', async () => {
    const { orderId, captureId } = await captured()
    const authorizationId = paypal.orders.get(orderId)!.authorizationId!
    const read = async (webhook: { body: string; headers: Record<string, string> }) => {
      const check = await provider.parseWebhook(webhook.body, headersOf(webhook))
      if (!check.ok) throw new Error(check.reason)
      return check.event
    }
    expect(await read(paypal.event('PAYMENT.CAPTURE.COMPLETED', captureId))).toMatchObject({
      kind: 'capture',
      references: [orderId, captureId, authorizationId],
    })
    const refund = paypal.refundOutside(captureId, '2.00')
    expect(await read(paypal.event('PAYMENT.CAPTURE.REFUNDED', refund.id))).toMatchObject({
      kind: 'refund',
      references: [captureId, refund.id],
    })
    const dispute = await read(paypal.dispute(captureId))
    expect(dispute).toMatchObject({
      type: 'CUSTOMER.DISPUTE.CREATED',
      kind: 'dispute',
      references: [captureId],
      dispute: {
        amount: 1299,
        currency: 'EUR',
        reason: 'MERCHANDISE_OR_SERVICE_NOT_RECEIVED',
        status: 'OPEN',
      },
    })
  })
})

describe('amounts', () => {
  const sent = (orderId: string) => paypal.orders.get(orderId)!.purchaseUnit.amount

  test('EUR goes in cents, JPY in yen, HUF in whole forints', async () => {
    expect(sent(referenceOf(await provider.authorize(payment({ amount: 1299, currency: 'EUR' }))))).toEqual({
      currency_code: 'EUR',
      value: '12.99',
    })
    expect(sent(referenceOf(await provider.authorize(payment({ amount: 500, currency: 'JPY' }))))).toEqual({
      currency_code: 'JPY',
      value: '500',
    })
    expect(sent(referenceOf(await provider.authorize(payment({ amount: 150000, currency: 'HUF' }))))).toEqual(
      {
        currency_code: 'HUF',
        value: '1500',
      },
    )
  })

  test('a HUF amount that is not whole forints is refused before PayPal is called', async () => {
    const before = paypal.requests.length
    expect(await provider.authorize(payment({ amount: 150050, currency: 'HUF' }))).toMatchObject({
      outcome: 'declined',
      reference: null,
      reason: 'invalid_request',
    })
    expect(paypal.requests.length).toBe(before)
  })

  test('KWD is sent with its three decimals, and PayPal refuses the currency', async () => {
    const outcome = await provider.authorize(payment({ amount: 1234, currency: 'KWD' }))
    expect(outcome).toMatchObject({
      outcome: 'declined',
      reason: 'invalid_request',
      detail: expect.stringContaining('CURRENCY_NOT_SUPPORTED'),
    })
    const body = requestsTo('/v2/checkout/orders').at(-1)?.body as { purchase_units: { amount: unknown }[] }
    expect(body.purchase_units[0]?.amount).toEqual({ currency_code: 'KWD', value: '1.234' })
  })

  test('captures and refunds in JPY and HUF come back in ISO minor units', async () => {
    const { orderId, captureId } = await captured({ amount: 250000, currency: 'HUF' })
    expect(paypal.captures.get(captureId)?.amount).toEqual({ currency_code: 'HUF', value: '2500' })
    await provider.refund({
      reference: orderId,
      captureReference: captureId,
      amount: 100000,
      currency: 'HUF',
      idempotencyKey: 'huf-refund',
    })
    expect(await provider.inspect(orderId)).toMatchObject({
      amount: 250000,
      currency: 'HUF',
      capturedAmount: 250000,
      refundedAmount: 100000,
    })
  })
})

describe('reconciliation reads', () => {
  test('inspect reads the order, its authorization, captures and refunds, including one made at PayPal', async () => {
    const input = payment()
    const { orderId, captureId } = await captured({ paymentId: input.paymentId })
    const refund = paypal.refundOutside(captureId, '3.00')
    expect(await provider.inspect(orderId)).toEqual({
      reference: orderId,
      paymentId: input.paymentId,
      status: 'captured',
      amount: 1299,
      currency: 'EUR',
      capturedAmount: 1299,
      refundedAmount: 300,
      captures: [{ reference: captureId, amount: 1299, status: 'succeeded' }],
      refunds: [{ reference: refund.id, amount: 300, status: 'succeeded' }],
      createdAt: paypal.orders.get(orderId)!.createTime,
    })
  })

  test('inspect says what stage an order is at, and null for one PayPal does not have', async () => {
    const waiting = referenceOf(await provider.authorize(payment()))
    expect(await provider.inspect(waiting)).toMatchObject({ status: 'requires_action', capturedAmount: 0 })
    const held = await authorized()
    expect(await provider.inspect(held)).toMatchObject({ status: 'authorized' })
    await provider.void({ reference: held, idempotencyKey: 'inspect-void' })
    expect(await provider.inspect(held)).toMatchObject({ status: 'voided' })
    expect(await provider.inspect('NOSUCHORDER000000')).toBeNull()
  })

  test('list reads the transaction report since a date, one record per MyShop payment', async () => {
    const since = new Date(Date.now() - 60_000)
    const input = payment()
    const { orderId, captureId } = await captured({ paymentId: input.paymentId })
    paypal.refundOutside(captureId, '1.00')
    const voided = payment()
    const voidedOrder = await authorized({ paymentId: voided.paymentId })
    await provider.void({ reference: voidedOrder, idempotencyKey: 'list-void' })
    const records = await provider.list(since)
    expect(records.find((r) => r.paymentId === input.paymentId)).toMatchObject({
      reference: orderId,
      status: 'captured',
      amount: 1299,
      capturedAmount: 1299,
      refundedAmount: 100,
      captures: [{ reference: captureId, amount: 1299, status: 'succeeded' }],
    })
    expect(records.find((r) => r.paymentId === voided.paymentId)).toMatchObject({
      reference: voidedOrder,
      status: 'voided',
    })
    const search = requestsTo('/v1/reporting/transactions', 'GET').at(-1)!
    expect(search.query).toMatchObject({ balance_affecting_records_only: 'N', page_size: '500' })
  })
})
