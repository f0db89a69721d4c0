import { describe, expect, test } from 'bun:test'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const { call, as, admin } = h

const openCheck = (url: string) => h.app.handle(new Request(`http://localhost${url}`))

describe('3-D Secure (tok_3ds)', () => {
  test('answers requires_action with the URL the customer opens; approving it authorizes through the callback', async () => {
    const res = await h.authorize({ token: 'tok_3ds', amount: 7000 })
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('requires_action')
    const url = res.body.nextAction.url as string
    expect(url).toBe(`/api/v1/payments/test-provider/3ds/${res.body.providerReference}`)
    expect(await h.events('payment.authorized', res.body.id)).toEqual([])

    const page = await openCheck(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('?outcome=approve')

    const approved = await openCheck(`${url}?outcome=approve`)
    expect(approved.status).toBe(200)
    const payment = (await call('GET', `/api/v1/payments/${res.body.id}`, undefined, as(admin))).body
    expect(payment).toMatchObject({ status: 'authorized', nextAction: null })
    expect(payment.transactions.map((t: { outcome: string }) => t.outcome)).toEqual([
      'requires_action',
      'succeeded',
    ])
    expect(await h.events('payment.authorized', res.body.id)).toHaveLength(1)
    // The check is decided: the page is gone, and opening it again changes nothing.
    expect((await openCheck(`${url}?outcome=fail`)).status).toBe(404)
    expect((await h.rows(res.body.id)).payment!.status).toBe('authorized')
    expect(
      (await call('POST', `/api/v1/payments/${res.body.id}/capture`, undefined, as(admin))).body.status,
    ).toBe('captured')
  })

  test('failing the check fails the payment with payment.failed', async () => {
    const res = await h.authorize({ token: 'tok_3ds' })
    await openCheck(`${res.body.nextAction.url}?outcome=fail`)
    expect((await h.rows(res.body.id)).payment!.status).toBe('failed')
    expect(await h.events('payment.failed', res.body.id)).toMatchObject([{ reason: 'authentication_failed' }])
  })

  test('an abandoned check is voided; the customer’s late approval then finds nothing to approve', async () => {
    const res = await h.authorize({ token: 'tok_3ds' })
    const voided = await call('POST', `/api/v1/payments/${res.body.id}/void`, undefined, as(admin))
    expect(voided.body).toMatchObject({ status: 'voided', nextAction: null })
    expect((await openCheck(`${res.body.nextAction.url}?outcome=approve`)).status).toBe(404)
    expect((await h.rows(res.body.id)).payment!.status).toBe('voided')
    expect(await h.events('payment.authorized', res.body.id)).toEqual([])
  })

  test('an unknown or malformed check is 404 or 422', async () => {
    expect(
      (await openCheck('/api/v1/payments/test-provider/3ds/tpc_00000000000000000000000000')).status,
    ).toBe(404)
    expect((await openCheck('/api/v1/payments/test-provider/3ds/nope')).status).toBe(422)
  })
})

describe('the signed callback', () => {
  const awaiting = async () => {
    const res = await h.authorize({ token: 'tok_3ds' })
    return { id: res.body.id as string, charge: res.body.providerReference as string }
  }

  test('a well signed callback is applied once; the same callback again is acknowledged and changes nothing', async () => {
    const { id, charge } = await awaiting()
    const approved = (await h.deps.testProvider.completeAction(charge, 'approve'))!
    const signature = approved.headers['test-provider-signature']
    const res = await h.postCallback(approved.body, signature)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      received: true,
      duplicate: false,
      paymentId: id,
      status: 'authorized',
    })
    const replay = await h.postCallback(approved.body, signature)
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual({
      received: true,
      duplicate: true,
      paymentId: id,
      status: 'authorized',
    })
    expect((await h.rows(id)).ledger).toHaveLength(2)
    expect(await h.events('payment.authorized', id)).toHaveLength(1)
  })

  test('a signed callback is a hint: the provider is asked, so one claiming an approval the charge never had changes nothing', async () => {
    const { id, charge } = await awaiting()
    const { text, signature } = h.signed({ id: `evt_${crypto.randomUUID()}`, charge, outcome: 'succeeded' })
    const res = await h.postCallback(text, signature)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ duplicate: false, paymentId: id, status: 'requires_action' })
    expect(await h.events('payment.authorized', id)).toHaveLength(0)
  })

  test('a forged, unsigned, stale or tampered callback is refused (400), changing nothing', async () => {
    const { id, charge } = await awaiting()
    const body = { id: `evt_${crypto.randomUUID()}`, charge, outcome: 'succeeded' }
    const forged = h.signed(body, 'not-the-secret-at-all')
    const stale = h.signed(body, undefined, Math.floor(Date.now() / 1000) - 301)
    const good = h.signed(body)
    for (const [text, signature] of [
      [forged.text, forged.signature],
      [good.text, undefined],
      [good.text, 't=abc,v1=00'],
      [stale.text, stale.signature],
      [good.text.replace('succeeded', 'declined'), good.signature],
    ] as [string, string | undefined][]) {
      const res = await h.postCallback(text, signature)
      expect(res.status).toBe(400)
      expect((await res.json()).code).toBe('invalid_signature')
    }
    expect((await h.rows(id)).payment!.status).toBe('requires_action')
    // The refused ones were not recorded as received: the genuine callback still applies.
    await h.deps.testProvider.completeAction(charge, 'approve')
    expect((await h.postCallback(good.text, good.signature)).status).toBe(200)
    expect((await h.rows(id)).payment!.status).toBe('authorized')
  })
})

describe('a provider timeout (tok_timeout)', () => {
  test('answers 504 and keeps the payment pending; the retry with the same key finds the charge: one charge, one authorization', async () => {
    const key = crypto.randomUUID()
    const reference = h.reference()
    const first = await h.authorize({ reference, token: 'tok_timeout' }, key)
    expect(first.status).toBe(504)
    expect(first.body.code).toBe('gateway_timeout')
    const [row] = await h.sql<
      { id: string }[]
    >`select id from payments.payments where reference = ${reference}`
    expect((await h.rows(row!.id)).payment!.status).toBe('pending')
    // The charge was made at the provider even though the answer never came back.
    expect((await h.rows(row!.id)).charges).toEqual([{ status: 'authorized' }])

    const retry = await h.authorize({ reference, token: 'tok_timeout' }, key)
    expect(retry.status).toBe(201)
    expect(retry.body).toMatchObject({ id: row!.id, status: 'authorized' })
    const after = await h.rows(row!.id)
    expect(after.charges).toHaveLength(1)
    expect(after.ledger).toEqual([
      { kind: 'authorize', outcome: 'timeout', amount: 4999 },
      { kind: 'authorize', outcome: 'succeeded', amount: 4999 },
    ])
    expect(await h.events('payment.authorized', row!.id)).toHaveLength(1)
    expect((await h.authorize({ reference, token: 'tok_timeout' }, key)).body).toEqual(retry.body)
  })
})
