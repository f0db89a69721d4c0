import { describe, expect, test } from 'bun:test'
import { inProcessGateway } from '@myshop/edge-gateway/in-process'
import { paymentHarness } from './harness.ts'

const h = await paymentHarness()
const { send } = inProcessGateway('payment', (request) => h.app.handle(request), h.deps.verifier)
const callback = (text: string, signature: string) =>
  send('POST', '/api/v1/webhooks/test-provider', undefined, text, { 'test-provider-signature': signature })

describe('the payment routes at the gateway', async () => {
  const captured = await h.captured(3000)
  const threeDs = await h.authorize({ token: 'tok_3ds' })
  const key = { 'idempotency-key': crypto.randomUUID() }
  const body = { reference: 'ord_x', amount: 100, currency: 'EUR', provider: 'test', token: 'tok_visa' }
  const guarded: [string, string, unknown][] = [
    ['POST', '/api/v1/payments', body],
    ['GET', `/api/v1/payments/${captured}`, undefined],
    ['POST', `/api/v1/payments/${captured}/capture`, undefined],
    ['POST', `/api/v1/payments/${captured}/void`, undefined],
    ['POST', `/api/v1/payments/${captured}/refunds`, { amount: 1 }],
  ]

  test('refuses the anonymous (401), customers and support (403) before the service, changing nothing', async () => {
    for (const [method, path, payload] of guarded) {
      expect([path, (await send(method, path, undefined, payload, key)).status]).toEqual([path, 401])
      expect([path, (await send(method, path, h.customer, payload, key)).status]).toEqual([path, 403])
      expect([path, (await send(method, path, h.support, payload, key)).status]).toEqual([path, 403])
    }
    expect((await h.rows(captured)).payment).toMatchObject({ status: 'captured', refundedAmount: 0 })
  })

  test('administrators reach them', async () => {
    expect((await send('GET', `/api/v1/payments/${captured}`, h.admin)).status).toBe(200)
    expect(
      (await send('POST', `/api/v1/payments/${captured}/refunds`, h.admin, { amount: 1 }, key)).status,
    ).toBe(201)
  })

  test('the customer opens the test provider’s check page without signing in; its callback needs no token', async () => {
    const page = await send('GET', threeDs.body.nextAction.url)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Approve')
    const { text, signature } = h.signed({
      id: `evt_${crypto.randomUUID()}`,
      charge: 'tpc_x',
      outcome: 'succeeded',
    })
    const applied = await callback(text, signature)
    expect(applied.status).toBe(200)
    expect(JSON.parse(applied.text)).toEqual({
      received: true,
      duplicate: false,
      paymentId: null,
      status: null,
    })
    const forged = await callback(text, 't=1,v1=00')
    expect(forged.status).toBe(400)
  })

  test('lets only holders of audit:read (admins) verify the audit trail', async () => {
    const path = '/api/v1/admin/audit/payment'
    expect((await send('GET', path)).status).toBe(401)
    for (const token of [h.customer, h.support, h.manager])
      expect((await send('GET', path, token)).status).toBe(403)
    const res = await send('GET', path, h.admin)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ service: 'payment', ok: true })
  })
})
