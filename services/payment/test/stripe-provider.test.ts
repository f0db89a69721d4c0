import { afterAll, describe, expect, test } from 'bun:test'
import { AppError } from '@myshop/errors'
import { type SignedWebhook, startStripeStandIn } from '@myshop/provider-standins/stripe'
import { createStripeProvider, type StripeProviderOptions } from '../src/providers/stripe.ts'
import type { AuthorizeInput, ProviderOutcome } from '../src/providers/types.ts'

const stripe = startStripeStandIn()
afterAll(() => stripe.stop())

/** The adapter on the stand-in; the SDK's own retries are off unless a test turns them on. */
const provider = (options: Partial<StripeProviderOptions> = {}) =>
  createStripeProvider({
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
    apiUrl: stripe.url,
    maxNetworkRetries: 0,
    rateLimitBackoffMs: 10,
    ...options,
  })
const adapter = provider()

const key = () => `key_${crypto.randomUUID()}`

const authorizeInput = (token: string | null, input: Partial<AuthorizeInput> = {}): AuthorizeInput => ({
  paymentId: `pay_${crypto.randomUUID().slice(0, 8)}`,
  description: `ord_${crypto.randomUUID().slice(0, 8)}`,
  amount: 1250,
  currency: 'EUR',
  token,
  returnUrl: 'https://shop.example/checkout/return',
  cancelUrl: 'https://shop.example/checkout/cancel',
  idempotencyKey: key(),
  ...input,
})

const referenceOf = (outcome: ProviderOutcome) => {
  if (outcome.outcome === 'timeout' || outcome.reference === null)
    throw new Error(`No reference: ${outcome.outcome}`)
  return outcome.reference
}

/** An authorized PaymentIntent of `amount` in `currency`, by its id. */
const authorized = async (amount = 1250, currency = 'EUR', via = adapter) =>
  referenceOf(await via.authorize(authorizeInput('pm_card_visa', { amount, currency })))

const requestsWith = (idempotencyKey: string) =>
  stripe.requests.filter((r) => r.idempotencyKey === idempotencyKey)

const webhookHeaders = (webhook: SignedWebhook) => new Headers(webhook.headers)

describe('authorize', () => {
  test('confirms a PaymentIntent with a manual capture, our ids in its metadata and the caller’s key', async () => {
    const input = authorizeInput('pm_card_visa')
    const outcome = await adapter.authorize(input)
    expect(outcome).toEqual({ outcome: 'succeeded', reference: expect.stringMatching(/^pi_/) })
    const intent = stripe.intents.get(referenceOf(outcome))!
    expect(intent).toMatchObject({
      status: 'requires_capture',
      capture_method: 'manual',
      amount: 1250,
      amount_capturable: 1250,
      currency: 'eur',
      payment_method: 'pm_card_visa',
      description: input.description,
      metadata: { myshop_payment_id: input.paymentId, myshop_reference: input.description },
    })
    expect(requestsWith(input.idempotencyKey)).toMatchObject([
      {
        method: 'POST',
        path: '/v1/payment_intents',
        params: { confirm: 'true', return_url: input.returnUrl },
      },
    ])
  })

  test('each declining test card is declined with our reason, on the PaymentIntent Stripe made', async () => {
    const cards: [token: string, reason: string][] = [
      ['pm_card_chargeDeclined', 'card_declined'],
      ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
      ['pm_card_chargeDeclinedExpiredCard', 'expired_card'],
      ['pm_card_chargeDeclinedIncorrectCvc', 'incorrect_cvc'],
      ['pm_card_chargeDeclinedProcessingError', 'processing_error'],
    ]
    for (const [token, reason] of cards) {
      const outcome = await adapter.authorize(authorizeInput(token))
      expect({ token, outcome }).toMatchObject({ token, outcome: { outcome: 'declined', reason } })
      expect(stripe.intents.get(referenceOf(outcome))?.status).toBe('requires_payment_method')
    }
    // Stripe's generic decline code says more than our reason, and is kept as the detail.
    expect(await adapter.authorize(authorizeInput('pm_card_chargeDeclined'))).toMatchObject({
      detail: 'generic_decline',
    })
  })

  test('a payment method Stripe does not know is an invalid token, with no PaymentIntent', async () => {
    const before = stripe.intents.size
    expect(await adapter.authorize(authorizeInput('pm_unknown'))).toEqual({
      outcome: 'declined',
      reference: null,
      reason: 'invalid_token',
    })
    expect(stripe.intents.size).toBe(before)
  })

  test('no payment method at all is refused before Stripe is called', async () => {
    const input = authorizeInput(null)
    expect(await adapter.authorize(input)).toMatchObject({ outcome: 'declined', reason: 'invalid_token' })
    expect(requestsWith(input.idempotencyKey)).toEqual([])
  })

  test('a card asking for 3-D Secure needs the shopper, through Stripe.js or the redirect URL', async () => {
    const input = authorizeInput('pm_card_threeDSecure2Required')
    const outcome = await adapter.authorize(input)
    const intent = stripe.intents.get(referenceOf(outcome))!
    const url = `${stripe.url}/3ds/${intent.id}`
    expect(intent).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'redirect_to_url', redirect_to_url: { url, return_url: input.returnUrl } },
    })
    expect(outcome).toEqual({
      outcome: 'requires_action',
      reference: intent.id,
      nextAction: { type: 'stripe_sdk', clientSecret: intent.client_secret, url },
    })
  })
})

describe('resolve', () => {
  const awaitingShopper = async () =>
    referenceOf(await adapter.authorize(authorizeInput('pm_card_threeDSecure2Required')))

  test('a shopper who passed 3-D Secure makes the payment authorized', async () => {
    const reference = await awaitingShopper()
    expect(await adapter.resolve({ reference, idempotencyKey: key() })).toMatchObject({
      outcome: 'requires_action',
      reference,
    })
    expect(await stripe.completeAction(reference, 'approve')).not.toBeNull()
    expect(await adapter.resolve({ reference, idempotencyKey: key() })).toEqual({
      outcome: 'succeeded',
      reference,
    })
    expect(stripe.intents.get(reference)?.status).toBe('requires_capture')
  })

  test('a shopper who failed it makes the payment declined: authentication_failed', async () => {
    const reference = await awaitingShopper()
    await stripe.completeAction(reference, 'fail')
    expect(await adapter.resolve({ reference, idempotencyKey: key() })).toMatchObject({
      outcome: 'declined',
      reference,
      reason: 'authentication_failed',
    })
  })

  test('a cancelled PaymentIntent is declined, and an unknown one not found', async () => {
    const reference = await awaitingShopper()
    await adapter.void({ reference, idempotencyKey: key() })
    expect(await adapter.resolve({ reference, idempotencyKey: key() })).toMatchObject({
      outcome: 'declined',
      reason: 'unexpected_state',
    })
    // The shopper's late approval finds nothing to approve.
    expect(await stripe.completeAction(reference, 'approve')).toBeNull()
    expect(
      await adapter.resolve({ reference: 'pi_000000000000000000000000', idempotencyKey: key() }),
    ).toMatchObject({ outcome: 'declined', reason: 'not_found' })
  })
})

describe('capture, void and refund', () => {
  test('a capture answers the charge; taking it again with another key finds it done', async () => {
    const reference = await authorized(4000)
    const outcome = await adapter.capture({ reference, amount: 4000, currency: 'EUR', idempotencyKey: key() })
    const intent = stripe.intents.get(reference)!
    expect(outcome).toEqual({ outcome: 'succeeded', reference: intent.latest_charge! })
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 4000, amount_capturable: 0 })
    expect(
      await adapter.capture({ reference, amount: 4000, currency: 'EUR', idempotencyKey: key() }),
    ).toEqual(outcome)
    expect(
      await adapter.capture({ reference, amount: 3000, currency: 'EUR', idempotencyKey: key() }),
    ).toMatchObject({ outcome: 'declined', reason: 'unexpected_state' })
  })

  test('a partial capture takes that much; a partial refund, then the rest, then nothing more', async () => {
    const reference = await authorized(5000)
    await adapter.capture({ reference, amount: 4000, currency: 'EUR', idempotencyKey: key() })
    const charge = stripe.charges.get(stripe.intents.get(reference)!.latest_charge!)!
    expect(charge).toMatchObject({ captured: true, amount_captured: 4000 })

    const refund = (amount: number) =>
      adapter.refund({
        reference,
        captureReference: charge.id,
        amount,
        currency: 'EUR',
        idempotencyKey: key(),
      })
    const first = await refund(1500)
    expect(first).toEqual({ outcome: 'succeeded', reference: expect.stringMatching(/^re_/) })
    expect(stripe.refunds.get(referenceOf(first))).toMatchObject({ amount: 1500, payment_intent: reference })
    expect(await refund(2600)).toMatchObject({ outcome: 'declined', reason: 'invalid_request' })
    expect(await refund(2500)).toMatchObject({ outcome: 'succeeded' })
    expect(charge).toMatchObject({ amount_refunded: 4000, refunded: true })
    expect(await refund(1)).toMatchObject({
      outcome: 'declined',
      reason: 'invalid_request',
      detail: 'charge_already_refunded',
    })
  })

  test('a void cancels the authorization; voiding it again succeeds, capturing it then does not', async () => {
    const reference = await authorized()
    expect(await adapter.void({ reference, idempotencyKey: key() })).toEqual({
      outcome: 'succeeded',
      reference,
    })
    expect(stripe.intents.get(reference)?.status).toBe('canceled')
    expect(await adapter.void({ reference, idempotencyKey: key() })).toEqual({
      outcome: 'succeeded',
      reference,
    })
    expect(
      await adapter.capture({ reference, amount: 1250, currency: 'EUR', idempotencyKey: key() }),
    ).toMatchObject({ outcome: 'declined', reference, reason: 'unexpected_state' })
  })

  test('a captured payment cannot be voided', async () => {
    const reference = await authorized()
    await adapter.capture({ reference, amount: 1250, currency: 'EUR', idempotencyKey: key() })
    expect(await adapter.void({ reference, idempotencyKey: key() })).toMatchObject({
      outcome: 'declined',
      reason: 'unexpected_state',
    })
  })
})

describe('idempotency and failures', () => {
  test('a server error after the work: the SDK’s retry with the same key is answered the first result', async () => {
    const input = authorizeInput('pm_card_visa')
    stripe.faultAfterCommit()
    const outcome = await provider({ maxNetworkRetries: 1 }).authorize(input)
    expect(outcome).toMatchObject({ outcome: 'succeeded' })
    const made = [...stripe.intents.values()].filter(
      (pi) => pi.metadata.myshop_payment_id === input.paymentId,
    )
    expect(made.map((pi) => pi.id)).toEqual([referenceOf(outcome)])
    expect(requestsWith(input.idempotencyKey).map((r) => [r.status, r.replayed])).toEqual([
      [500, false],
      [200, true],
    ])
  })

  test('the lost answer is a timeout; the caller’s retry with the same key finds the same PaymentIntent', async () => {
    const input = authorizeInput('pm_card_visa')
    stripe.faultAfterCommit()
    expect(await adapter.authorize(input)).toMatchObject({ outcome: 'timeout' })
    const retried = await adapter.authorize(input)
    expect(retried).toMatchObject({ outcome: 'succeeded' })
    const made = [...stripe.intents.values()].filter(
      (pi) => pi.metadata.myshop_payment_id === input.paymentId,
    )
    expect(made.map((pi) => pi.id)).toEqual([referenceOf(retried)])
    expect(requestsWith(input.idempotencyKey)).toHaveLength(2)
  })

  test('a decline is replayed for the same key, and the key with other parameters is refused', async () => {
    const input = authorizeInput('pm_card_chargeDeclined')
    const first = await adapter.authorize(input)
    expect(await adapter.authorize(input)).toEqual(first)
    expect(requestsWith(input.idempotencyKey).map((r) => r.replayed)).toEqual([false, true])
    expect(await adapter.authorize({ ...input, amount: 999 })).toMatchObject({
      outcome: 'declined',
      reason: 'invalid_request',
      detail: 'idempotency_error',
    })
  })

  test('5xx answers are retried by the SDK under the same key; when they keep coming, it is a timeout', async () => {
    const retrying = provider({ maxNetworkRetries: 1 })
    const once = authorizeInput('pm_card_visa')
    stripe.failNext(1, 'server_error')
    expect(await retrying.authorize(once)).toMatchObject({ outcome: 'succeeded' })
    expect(requestsWith(once.idempotencyKey).map((r) => r.status)).toEqual([500, 200])

    const always = authorizeInput('pm_card_visa')
    stripe.failNext(2, 'server_error')
    expect(await retrying.authorize(always)).toEqual({ outcome: 'timeout', detail: 'api_error' })
    expect(requestsWith(always.idempotencyKey).map((r) => r.status)).toEqual([500, 500])
  })

  test('Stripe that does not answer in time is a timeout', async () => {
    const input = authorizeInput('pm_card_visa')
    stripe.failNext(1, 'hang')
    expect(await provider({ timeoutMs: 200 }).authorize(input)).toMatchObject({ outcome: 'timeout' })
    expect(requestsWith(input.idempotencyKey)).toHaveLength(1)
    // The retry with the same key is the call made for the first time.
    expect(await adapter.authorize(input)).toMatchObject({ outcome: 'succeeded' })
  })

  test('429 is retried with backoff under the same key, and is a timeout when it does not stop', async () => {
    const input = authorizeInput('pm_card_visa')
    stripe.failNext(2, 'rate_limit')
    expect(await adapter.authorize(input)).toMatchObject({ outcome: 'succeeded' })
    expect(requestsWith(input.idempotencyKey).map((r) => r.status)).toEqual([429, 429, 200])

    const limited = authorizeInput('pm_card_visa')
    stripe.failNext(3, 'rate_limit')
    expect(await adapter.authorize(limited)).toEqual({ outcome: 'timeout', detail: 'rate_limit' })
    expect(requestsWith(limited.idempotencyKey)).toHaveLength(3)
  })

  test('a refused API key throws, without the key in the error', async () => {
    const secretKey = 'sk_test_not_the_right_key_0123456789'
    const wrong = provider({ secretKey })
    const error = await wrong.authorize(authorizeInput('pm_card_visa')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'bad_gateway' })
    expect(JSON.stringify({ ...(error as AppError), message: (error as AppError).message })).not.toContain(
      secretKey.slice(8, -4),
    )
    expect(await wrong.inspect('pi_x').catch((e: AppError) => e.code)).toBe('bad_gateway')
    expect(stripe.requests.at(-1)?.status).toBe(401)
  })
})

describe('amounts in Stripe units', () => {
  const sentAmount = async (amount: number, currency: string) => {
    const outcome = await adapter.authorize(authorizeInput('pm_card_visa', { amount, currency }))
    return outcome.outcome === 'succeeded' ? stripe.intents.get(outcome.reference)!.amount : outcome
  }

  test('JPY is sent as it is, ISK in hundredths, MGA in whole ariary', async () => {
    expect(await sentAmount(500, 'JPY')).toBe(500)
    expect(await sentAmount(1234, 'ISK')).toBe(123400)
    expect(await sentAmount(150000, 'MGA')).toBe(1500)
    expect(await sentAmount(1230, 'KWD')).toBe(1230)
  })

  test('a three-decimal amount not ending in 0 is refused before Stripe is called', async () => {
    const input = authorizeInput('pm_card_visa', { amount: 1235, currency: 'KWD' })
    expect(await adapter.authorize(input)).toMatchObject({
      outcome: 'declined',
      reference: null,
      reason: 'invalid_request',
    })
    expect(requestsWith(input.idempotencyKey)).toEqual([])
  })

  test('captures, refunds and records convert both ways', async () => {
    const reference = await authorized(1234, 'ISK')
    await adapter.capture({ reference, amount: 1000, currency: 'ISK', idempotencyKey: key() })
    expect(stripe.intents.get(reference)?.amount_received).toBe(100000)
    await adapter.refund({
      reference,
      captureReference: null,
      amount: 300,
      currency: 'ISK',
      idempotencyKey: key(),
    })
    expect(await adapter.inspect(reference)).toMatchObject({
      amount: 1234,
      currency: 'ISK',
      capturedAmount: 1000,
      refundedAmount: 300,
    })
  })
})

describe('webhooks', () => {
  test('each event type Stripe sends is read as the part of a payment it is about', async () => {
    const reference = await authorized()
    await adapter.capture({ reference, amount: 1250, currency: 'EUR', idempotencyKey: key() })
    await adapter.refund({
      reference,
      captureReference: null,
      amount: 250,
      currency: 'EUR',
      idempotencyKey: key(),
    })
    const intent = stripe.intents.get(reference)!
    const charge = stripe.charges.get(intent.latest_charge!)!
    const refund = [...stripe.refunds.values()].find((r) => r.payment_intent === reference)!
    const table: [type: string, object: object, kind: string][] = [
      ['payment_intent.amount_capturable_updated', intent, 'authorization'],
      ['payment_intent.payment_failed', intent, 'authorization'],
      ['payment_intent.canceled', intent, 'authorization'],
      ['payment_intent.requires_action', intent, 'authorization'],
      ['payment_intent.succeeded', intent, 'capture'],
      ['charge.captured', charge, 'capture'],
      ['charge.refunded', charge, 'refund'],
      ['charge.refund.updated', refund, 'refund'],
      ['refund.created', refund, 'refund'],
      ['refund.updated', refund, 'refund'],
      ['payment_intent.created', intent, 'other'],
      ['customer.created', { id: 'cus_1', object: 'customer' }, 'other'],
    ]
    for (const [type, object, kind] of table) {
      const webhook = await stripe.event(type, object)
      const check = await adapter.parseWebhook(webhook.body, webhookHeaders(webhook))
      expect({ type, check }).toMatchObject({
        type,
        check: {
          ok: true,
          event: { id: webhook.id, type, kind, occurredAt: expect.stringMatching(/^\d{4}-/) },
        },
      })
      if (kind !== 'other' && check.ok)
        expect({ type, refs: check.event.references }).toEqual({ type, refs: [reference, charge.id] })
    }
  })

  test('a dispute is read with its amount in our units', async () => {
    const reference = await authorized(2000, 'ISK')
    await adapter.capture({ reference, amount: 2000, currency: 'ISK', idempotencyKey: key() })
    const webhook = await stripe.dispute(reference, { reason: 'product_not_received' })
    expect(webhook.dispute.amount).toBe(200000)
    const check = await adapter.parseWebhook(webhook.body, webhookHeaders(webhook))
    expect(check).toEqual({
      ok: true,
      event: {
        id: webhook.id,
        type: 'charge.dispute.created',
        kind: 'dispute',
        references: [reference, webhook.dispute.charge],
        dispute: {
          id: webhook.dispute.id,
          amount: 2000,
          currency: 'ISK',
          reason: 'product_not_received',
          status: 'needs_response',
        },
        occurredAt: expect.any(String),
      },
    })
    const closed = await stripe.event('charge.dispute.closed', { ...webhook.dispute, status: 'lost' })
    expect(await adapter.parseWebhook(closed.body, webhookHeaders(closed))).toMatchObject({
      ok: true,
      event: { kind: 'dispute', dispute: { status: 'lost' } },
    })
  })

  test('a tampered body, another secret, a stale time or no signature is refused', async () => {
    const intent = stripe.intents.get(await authorized())!
    const webhook = await stripe.event('payment_intent.succeeded', intent)
    const tampered = webhook.body.replace('"amount": 1250', '"amount": 1')
    expect(tampered).not.toBe(webhook.body)
    expect(await adapter.parseWebhook(tampered, webhookHeaders(webhook))).toEqual({
      ok: false,
      reason: 'The signature does not match the body',
    })
    const otherSecret = await stripe.event('payment_intent.succeeded', intent, {
      secret: 'whsec_someone_else',
    })
    expect(await adapter.parseWebhook(otherSecret.body, webhookHeaders(otherSecret))).toEqual({
      ok: false,
      reason: 'The signature does not match the body',
    })
    const stale = await stripe.event('payment_intent.succeeded', intent, {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    })
    expect(await adapter.parseWebhook(stale.body, webhookHeaders(stale))).toEqual({
      ok: false,
      reason: 'The webhook is too old (or from the future)',
    })
    expect(await adapter.parseWebhook(webhook.body, new Headers())).toEqual({
      ok: false,
      reason: 'The stripe-signature header is missing',
    })
    // Each of them was genuine: the right secret and time accept it.
    expect((await adapter.parseWebhook(webhook.body, webhookHeaders(webhook))).ok).toBe(true)
  })
})

describe('inspect and list', () => {
  test('a payment as Stripe has it: captured, refunded in MyShop and in the Dashboard', async () => {
    const input = authorizeInput('pm_card_visa', { amount: 3000 })
    const reference = referenceOf(await adapter.authorize(input))
    const capture = referenceOf(
      await adapter.capture({ reference, amount: 3000, currency: 'EUR', idempotencyKey: key() }),
    )
    const ours = referenceOf(
      await adapter.refund({
        reference,
        captureReference: capture,
        amount: 1000,
        currency: 'EUR',
        idempotencyKey: key(),
      }),
    )
    const outside = stripe.refundOutside(reference, 500)
    const record = await adapter.inspect(reference)
    expect(record).toEqual({
      reference,
      paymentId: input.paymentId,
      status: 'captured',
      amount: 3000,
      currency: 'EUR',
      capturedAmount: 3000,
      refundedAmount: 1500,
      captures: [{ reference: capture, amount: 3000, status: 'succeeded' }],
      refunds: expect.arrayContaining([
        { reference: ours, amount: 1000, status: 'succeeded' },
        { reference: outside.id, amount: 500, status: 'succeeded' },
      ]),
      createdAt: new Date(stripe.intents.get(reference)!.created * 1000).toISOString(),
    })
  })

  test('each status as a record, and none for an unknown PaymentIntent', async () => {
    const waiting = referenceOf(await adapter.authorize(authorizeInput('pm_card_threeDSecure2Required')))
    const failed = referenceOf(await adapter.authorize(authorizeInput('pm_card_chargeDeclined')))
    const voided = await authorized()
    await adapter.void({ reference: voided, idempotencyKey: key() })
    const held = await authorized()
    const statuses = await Promise.all([waiting, failed, voided, held].map((r) => adapter.inspect(r)))
    expect(statuses.map((r) => [r?.status, r?.capturedAmount, r?.captures])).toEqual([
      ['requires_action', 0, []],
      ['failed', 0, []],
      ['voided', 0, []],
      ['authorized', 0, []],
    ])
    expect(await adapter.inspect('pi_000000000000000000000000')).toBeNull()
  })

  test('Stripe that cannot be asked throws rather than answering nothing', async () => {
    const reference = await authorized()
    stripe.failNext(1, 'server_error')
    expect(await adapter.inspect(reference).catch((e: AppError) => e.code)).toBe('bad_gateway')
  })

  test('lists every PaymentIntent created since, page after page, with our payment id where it has one', async () => {
    const since = new Date(Date.now() - 1000)
    const made = new Set<string>()
    for (let i = 0; i < 105; i++) made.add(await authorized(100 + i))
    const records = await adapter.list(since)
    const listed = new Set(records.map((r) => r.reference))
    for (const id of made) expect(listed.has(id)).toBe(true)
    expect(records.find((r) => r.reference === [...made][0])?.paymentId).toMatch(/^pay_/)
    expect(stripe.requests.some((r) => r.path === '/v1/payment_intents' && r.query.starting_after)).toBe(true)
    expect(await adapter.list(new Date(Date.now() + 60_000))).toEqual([])
  })
})
