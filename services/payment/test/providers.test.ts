import { describe, expect, test } from 'bun:test'
import { ConfigError } from '@myshop/config'
import { appCaller } from '@myshop/testing'
import { createApp } from '../src/app.ts'
import { loadPaymentConfig } from '../src/config.ts'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const { call, as, admin } = h

const count = async () =>
  (await h.sql<{ n: number }[]>`select count(*)::int as n from payments.payments`)[0]!.n

describe('GET /api/v1/payments/providers', () => {
  test('lists the providers offered, in order, with what a browser needs, to anyone', async () => {
    const shop = appCaller(
      createApp({
        ...h.deps,
        offered: ['stripe', 'test'],
        providers: { ...h.deps.providers, stripe: h.deps.testProvider },
        publicKeys: { stripe: { publishableKey: 'pk_test_123' } },
      }),
    )
    const res = await shop('GET', '/api/v1/payments/providers')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      providers: [{ name: 'stripe', publishableKey: 'pk_test_123' }, { name: 'test' }],
    })
    expect((await call('GET', '/api/v1/payments/providers')).body).toEqual({ providers: [{ name: 'test' }] })
  })
})

describe('a provider the shop does not offer, and a card provider without a card', () => {
  test('a provider not offered is 422 provider_unavailable, and nothing is written', async () => {
    const before = await count()
    for (const provider of ['stripe', 'paypal']) {
      const res = await h.authorize({ provider, token: 'pm_card_visa' })
      expect(res.status).toBe(422)
      expect(res.body).toMatchObject({ code: 'provider_unavailable', errors: [{ path: '/provider' }] })
    }
    expect(await count()).toBe(before)
  })

  test('a provider unknown to MyShop is refused by the schema', async () => {
    const res = await h.authorize({ provider: 'bitcoin' })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('validation_failed')
  })

  test('a card provider without a token is 422 naming /token, and nothing is written', async () => {
    const before = await count()
    const res = await call(
      'POST',
      '/api/v1/payments',
      { reference: h.reference(), amount: 100, currency: 'EUR', provider: 'test' },
      { ...as(admin), 'idempotency-key': crypto.randomUUID() },
    )
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/token' }] })
    expect(await count()).toBe(before)
  })
})

describe('POST /api/v1/payments/:id/resolve', () => {
  test('asks the provider: an approval made there authorizes the payment once, with payment.authorized', async () => {
    const res = await h.authorize({ token: 'tok_3ds' })
    const id = res.body.id as string
    const waiting = await call('POST', `/api/v1/payments/${id}/resolve`, undefined, as(admin))
    expect(waiting.status).toBe(200)
    expect(waiting.body).toMatchObject({ status: 'requires_action', nextAction: { type: 'redirect' } })

    // The shopper approved at the provider; no callback has arrived.
    await h.deps.testProvider.completeAction(res.body.providerReference, 'approve')
    const resolved = await call('POST', `/api/v1/payments/${id}/resolve`, undefined, as(admin))
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({ status: 'authorized', nextAction: null })
    const again = await call('POST', `/api/v1/payments/${id}/resolve`, undefined, as(admin))
    expect(again.body.status).toBe('authorized')
    expect(await h.events('payment.authorized', id)).toHaveLength(1)
  })

  test('a failed check fails the payment; an unknown payment is 404; only payment:authorize may ask', async () => {
    const res = await h.authorize({ token: 'tok_3ds' })
    await h.deps.testProvider.completeAction(res.body.providerReference, 'fail')
    const resolved = await call('POST', `/api/v1/payments/${res.body.id}/resolve`, undefined, as(admin))
    expect(resolved.body).toMatchObject({ status: 'failed', failureReason: 'authentication_failed' })
    expect(await h.events('payment.failed', res.body.id)).toHaveLength(1)

    const missing = await call(
      'POST',
      '/api/v1/payments/pay_01KC0000000000000000000000/resolve',
      undefined,
      as(admin),
    )
    expect(missing.status).toBe(404)
    for (const token of [h.customer, h.support])
      expect(
        (await call('POST', `/api/v1/payments/${res.body.id}/resolve`, undefined, as(token))).status,
      ).toBe(403)
    expect((await call('POST', `/api/v1/payments/${res.body.id}/resolve`)).status).toBe(401)
  })
})

describe('GET /api/v1/payments/:id/return', () => {
  test('the shopper coming back brings the payment up to date and sees where it stands, without a token', async () => {
    const res = await h.authorize({ token: 'tok_3ds' })
    await h.deps.testProvider.completeAction(res.body.providerReference, 'approve')
    const back = await h.app.handle(new Request(`http://localhost/api/v1/payments/${res.body.id}/return`))
    expect(back.status).toBe(200)
    expect(back.headers.get('content-type')).toContain('text/html')
    expect(await back.text()).toContain('Payment approved')
    expect((await h.rows(res.body.id)).payment!.status).toBe('authorized')
  })

  test('with PAYMENT_RETURN_URL, the shopper is sent to the storefront with the payment, order and status', async () => {
    const storefront = createApp({ ...h.deps, returnUrl: 'https://shop.example/checkout/done?from=pay' })
    const res = await h.authorize({ token: 'tok_3ds' })
    const back = await storefront.handle(
      new Request(
        `http://localhost/api/v1/payments/${res.body.id}/return?cancelled=true&token=EC-1&PayerID=P1`,
      ),
    )
    expect(back.status).toBe(303)
    const to = new URL(back.headers.get('location')!)
    expect(to.origin + to.pathname).toBe('https://shop.example/checkout/done')
    expect(Object.fromEntries(to.searchParams)).toEqual({
      from: 'pay',
      payment: res.body.id,
      reference: res.body.reference,
      status: 'requires_action',
    })
  })

  test('an unknown payment is 404 and a malformed id 422, escaping nothing into the page', async () => {
    const missing = await h.app.handle(
      new Request('http://localhost/api/v1/payments/pay_01KC0000000000000000000000/return'),
    )
    expect(missing.status).toBe(404)
    const hostile = await h.app.handle(new Request('http://localhost/api/v1/payments/%3Cscript%3E/return'))
    expect(hostile.status).toBe(422)
    expect(await hostile.text()).not.toContain('<script>')
  })
})

describe('webhooks of a provider the shop has no credentials for', () => {
  test('are 404, recording nothing', async () => {
    const before = (
      await h.sql<{ n: number }[]>`select count(*)::int as n from payments.webhook_receipts`
    )[0]!.n
    for (const provider of ['stripe', 'paypal']) {
      const res = await h.app.handle(
        new Request(`http://localhost/api/v1/webhooks/${provider}`, {
          method: 'POST',
          body: '{"id":"evt_1"}',
        }),
      )
      expect(res.status).toBe(404)
    }
    const after = (await h.sql<{ n: number }[]>`select count(*)::int as n from payments.webhook_receipts`)[0]!
      .n
    expect(after).toBe(before)
  })
})

describe('configuration', () => {
  test('offering a provider without its credentials names each missing variable, never a secret', () => {
    const load = () =>
      loadPaymentConfig({
        PAYMENT_PROVIDERS: 'test,stripe,paypal',
        STRIPE_SECRET_KEY: 'sk_test_should_not_appear',
        PAYPAL_CLIENT_ID: 'client',
      })
    expect(load).toThrow(ConfigError)
    try {
      load()
    } catch (error) {
      const problems = (error as ConfigError).problems.map((p) => p.variable)
      expect(problems).toEqual(['STRIPE_WEBHOOK_SECRET', 'PAYPAL_CLIENT_SECRET', 'PAYPAL_WEBHOOK_ID'])
      expect((error as Error).message).not.toContain('sk_test_should_not_appear')
    }
    expect(() => loadPaymentConfig({ PAYMENT_PROVIDERS: 'test,bitcoin' })).toThrow(ConfigError)
  })

  test('a shop offers the test provider alone unless told otherwise', () => {
    const config = loadPaymentConfig({})
    expect(config.PAYMENT_PROVIDERS).toEqual(['test'])
    expect(config.PAYPAL_ENVIRONMENT).toBe('sandbox')
  })
})
